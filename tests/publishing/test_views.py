"""Who may download which version: the public pack for anyone, the members' pack for members."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from minutebook.access import CLERKS_GROUP, MEMBERS_GROUP
from minutebook.publishing.packs import publish_agenda, publish_minutes

from .factories import CANARY
from .helpers import page_texts


@pytest.fixture
def published(scenario):
    publish_agenda(scenario.meeting, None)
    return scenario


def _url(meeting, kind="agenda-pack", audience="public", version=None):
    tail = f"/v{version}.pdf" if version else ".pdf"
    return f"/papers/{meeting.pk}/{kind}/{audience}{tail}"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_anyone_gets_the_public_pack(published):
    response = _client().get(_url(published.meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page_texts(_body(response)))
    assert "Disposal of County Farm Land" in text
    assert CANARY not in text


def test_anonymous_visitors_are_sent_to_sign_in_for_the_members_pack(published):
    response = _client().get(_url(published.meeting, audience="members"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_signed_in_non_members_are_refused(published):
    stranger = User.objects.create_user("stranger", first_name="Ann", last_name="Other")
    assert _client(stranger).get(_url(published.meeting, audience="members")).status_code == 403
    assert (
        _client(stranger).get(_url(published.meeting, "front-sheet", "members")).status_code == 403
    )


def test_a_member_of_the_committee_gets_the_members_pack(published):
    user = User.objects.create_user("ann", first_name="Ann", last_name="Beech")
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    person = published.people["Ann Beech"]
    person.user = user
    person.save()
    response = _client(user).get(_url(published.meeting, audience="members"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert CANARY in "\n".join(page_texts(_body(response)))


def test_a_councillor_not_on_the_committee_is_refused(published):
    user = User.objects.create_user("gill", first_name="Gill", last_name="Heath")
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    person = published.people["Gill Heath"]
    person.user = user
    person.save()
    assert _client(user).get(_url(published.meeting, audience="members")).status_code == 403


def test_clerks_get_everything_including_earlier_versions(published):
    publish_agenda(published.meeting, None)
    clerk = User.objects.create_user("clerk")
    clerk.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])
    client = _client(clerk)
    latest = client.get(_url(published.meeting, audience="members"))
    assert latest["X-Minutebook-Version"] == "2"
    first = client.get(_url(published.meeting, audience="members", version=1))
    assert first.status_code == 200
    assert first["X-Minutebook-Version"] == "1"
    assert client.get(_url(published.meeting, version=3)).status_code == 404


def test_unpublished_and_unknown_documents_are_not_found(scenario):
    assert _client().get(_url(scenario.meeting)).status_code == 404
    assert _client().get(_url(scenario.meeting, kind="nonsense")).status_code == 404
    assert _client().get(f"/papers/{scenario.meeting.pk}/front-sheet/").status_code == 404


def test_html_front_sheet_and_pack_for_the_public(published):
    meeting = published.meeting
    sheet = _client().get(f"/papers/{meeting.pk}/front-sheet/")
    assert sheet.status_code == 200
    html = sheet.content.decode()
    assert "A G E N D A" in html
    assert "Committee Membership" in html
    assert "Exempt: Schedule 12A paragraph 3" in html
    pack = _client().get(f"/papers/{meeting.pk}/pack/").content.decode()
    assert "Domestic Homicide Reviews and Emerging Themes" in pack
    assert CANARY not in html + pack
    # The public may not ask for the members' HTML either.
    assert _client().get(f"/papers/{meeting.pk}/pack/?audience=members").status_code == 302


def test_clerk_previews_the_front_sheet_before_publication(scenario):
    clerk = User.objects.create_user("clerk", is_staff=True)
    response = _client(clerk).get(f"/papers/{scenario.meeting.pk}/front-sheet/")
    assert response.status_code == 200
    assert "A G E N D A" in response.content.decode()
    preview = _client(clerk).get(f"/papers/{scenario.meeting.pk}/preview/agenda-pack/members.pdf")
    assert preview.status_code == 200
    assert (
        _client().get(f"/papers/{scenario.meeting.pk}/preview/agenda-pack/public.pdf").status_code
        == 302
    )
    reader = User.objects.create_user("reader")
    refused = _client(reader).get(f"/papers/{scenario.meeting.pk}/preview/agenda-pack/public.pdf")
    assert refused.status_code == 403


def test_versions_page_lists_only_what_the_visitor_may_read(published):
    publish_minutes(published.previous, None)
    page = _client().get(f"/papers/{published.meeting.pk}/").content.decode()
    assert "First publication." in page
    assert "Members and officers" not in page
    minutes = _client().get(f"/papers/{published.previous.pk}/minutes/").content.decode()
    assert "49. Exempt Minutes" in minutes
    assert CANARY not in minutes
