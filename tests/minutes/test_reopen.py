"""Undoing a confirmation: the earlier minutes go back to draft, the resolution goes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from minutebook.committees.models import Membership
from minutebook.meetings import services as meetings
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.meetings.services import WorkspaceError
from minutebook.minutes import services
from minutebook.minutes.models import MinuteItem, Minutes, Resolution

Standard = AgendaItem.Standard
HELD = dt.date(2019, 3, 5)
REASON = "The wrong minutes were confirmed"


def minutes_item(minutes: Minutes) -> MinuteItem:
    return minutes.items.get(agenda_item__standard=Standard.MINUTES)


@pytest.fixture
def confirmed(committee, january, march, make_person):
    """January's minutes confirmed under March's minute 5, signed by the chairman."""
    john = make_person("John Francis")
    Membership.objects.create(
        committee=committee, person=john, municipal_year=2018, role="chair", role_title="Chairman"
    )
    march.chair = john
    march.save()
    jan = services.start_minutes(january)
    mar = services.start_minutes(march)
    services.confirm_previous_minutes(minutes_item(mar), today=HELD)
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED
    return jan, mar


def test_reopening_puts_the_minutes_back_to_draft_and_removes_the_resolution(confirmed):
    jan, mar = confirmed
    item = services.reopen_minutes(jan, reason=REASON)
    assert item == minutes_item(mar)
    jan.refresh_from_db()
    assert (jan.status, jan.confirmed_at, jan.signed_by) == (Minutes.Status.DRAFT, None, None)
    assert Meeting.objects.get(pk=jan.meeting_id).status == Meeting.Status.MINUTES_DRAFTED
    assert not item.resolutions.exists()
    # The minute itself stays, with its number.
    assert MinuteItem.objects.get(pk=item.pk).number_label == "5"
    # January's minutes can be changed again, and March's minute no longer guards a
    # confirmation: it may be saved without a resolution.
    services.add_item(jan, "Late addition")
    services.update_item(item, title=item.title, resolutions="")


def test_the_audit_trail_records_the_reason(confirmed):
    jan, mar = confirmed
    services.reopen_minutes(jan, reason=f"  {REASON}\n ")
    latest, before = jan.history.all()[:2]
    assert (latest.status, latest.history_change_reason) == (Minutes.Status.DRAFT, REASON)
    assert before.status == Minutes.Status.CONFIRMED
    assert before.history_change_reason == "Confirmed at the meeting on 4 March 2019"
    removed = Resolution.history.filter(
        minute_item_id=minutes_item(mar).pk, history_type="-"
    ).latest("history_date")
    assert removed.history_change_reason == REASON
    assert removed.text.startswith("That the minutes of the meeting held on 22 January 2019")
    meeting = jan.meeting.history.first()
    assert (meeting.status, meeting.history_change_reason) == (
        Meeting.Status.MINUTES_DRAFTED,
        REASON,
    )


def test_the_minutes_can_be_confirmed_again_after_reopening(confirmed):
    jan, mar = confirmed
    services.reopen_minutes(jan, reason=REASON)
    services.confirm_previous_minutes(
        minutes_item(mar), resolution="That the minutes be confirmed as amended.", today=HELD
    )
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED
    assert minutes_item(mar).resolutions.get().text == "That the minutes be confirmed as amended."


def test_once_the_confirming_minutes_are_confirmed_the_record_is_settled(committee, confirmed):
    jan, mar = confirmed
    may = meetings.create_meeting(committee, dt.date(2019, 5, 13))
    services.start_minutes(may)
    services.confirm_previous_minutes(minutes_item(may.minutes), today=dt.date(2019, 5, 14))
    assert "settled" in services.reopen_refusal(jan)
    with pytest.raises(WorkspaceError, match="settled"):
        services.reopen_minutes(jan, reason=REASON)
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED
    assert minutes_item(mar).resolutions.exists()
    # March's own confirmation (at May) can still be undone while May's minutes are draft.
    mar.refresh_from_db()
    assert services.reopen_refusal(mar) == ""


def test_draft_minutes_have_no_confirmation_to_undo(january):
    jan = services.start_minutes(january)
    with pytest.raises(WorkspaceError, match="not confirmed"):
        services.reopen_minutes(jan, reason=REASON)


def test_a_confirmation_no_minute_here_records_is_not_undone_here(january, march):
    """Confirmed in the admin (or imported) while March has no minutes in Minutebook."""
    jan = services.start_minutes(january)
    Minutes.objects.filter(pk=jan.pk).update(status=Minutes.Status.CONFIRMED, confirmed_at=march)
    jan.refresh_from_db()
    with pytest.raises(WorkspaceError, match="no minutes in Minutebook"):
        services.reopen_minutes(jan, reason=REASON)


@pytest.mark.parametrize("reason", ["", "   \n", "x" * (services.REASON_MAX_LENGTH + 1)])
def test_a_reason_is_required_and_fits_the_audit_trail(confirmed, reason):
    jan, _ = confirmed
    with pytest.raises(WorkspaceError):
        services.reopen_minutes(jan, reason=reason)
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED


# --- the workspace pages ------------------------------------------------------------------


def test_the_confirmation_is_undone_through_an_are_you_sure_page(clerk_client, confirmed):
    jan, mar = confirmed
    january, march = jan.meeting, mar.meeting
    url = reverse("manage:minutes_reopen", args=[january.pk])
    # Both minutes pages offer it: January's status line and March's confirming minute.
    assert url in clerk_client.get(reverse("manage:minutes", args=[january.pk])).content.decode()
    assert url in clerk_client.get(reverse("manage:minutes", args=[march.pk])).content.decode()
    page = clerk_client.get(url).content.decode()
    assert "Are you sure you want to undo the confirmation?" in page
    assert "removes the resolution recorded under minute 5" in page
    assert "That the minutes of the meeting held on 22 January 2019 be confirmed" in page
    # No reason: refused with an error summary, nothing changes.
    response = clerk_client.post(url, {"reason": "  "})
    assert response.status_code == 422
    assert "Enter why the confirmation is being undone." in response.content.decode()
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED
    response = clerk_client.post(url, {"reason": REASON})
    assert response.status_code == 302
    assert response["Location"] == reverse("manage:minutes", args=[january.pk])
    page = clerk_client.get(response["Location"]).content.decode()
    assert "The confirmation of the minutes of 22 January 2019 is undone" in page
    assert "The resolution under minute 5 of the meeting on 4 March 2019 is removed." in page
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.DRAFT
    # Editable again: the edit links are back.
    assert reverse("manage:minute_edit", args=[jan.items.first().pk]) in page


def test_a_settled_record_offers_no_undo_and_refuses_a_post(clerk_client, committee, confirmed):
    jan, _ = confirmed
    may = meetings.create_meeting(committee, dt.date(2019, 5, 13))
    services.start_minutes(may)
    services.confirm_previous_minutes(minutes_item(may.minutes), today=dt.date(2019, 5, 14))
    url = reverse("manage:minutes_reopen", args=[jan.meeting_id])
    assert (
        url
        not in clerk_client.get(reverse("manage:minutes", args=[jan.meeting_id])).content.decode()
    )
    page = clerk_client.get(url).content.decode()
    assert "the record is settled" in page
    assert "Yes, undo the confirmation" not in page
    response = clerk_client.post(url, {"reason": REASON})
    assert response.status_code == 422
    jan.refresh_from_db()
    assert jan.status == Minutes.Status.CONFIRMED


def test_the_success_message_says_published_minutes_are_not_withdrawn(clerk_client, confirmed):
    from django.core.files.base import ContentFile

    from minutebook.documents.models import PublishedDocument

    jan, _ = confirmed
    document = PublishedDocument(meeting=jan.meeting, kind=PublishedDocument.Kind.MINUTES)
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4"), save=True)
    url = reverse("manage:minutes_reopen", args=[jan.meeting_id])
    page = clerk_client.post(url, {"reason": REASON}, follow=True).content.decode()
    assert "Published minutes stay as they are until you publish again." in page
