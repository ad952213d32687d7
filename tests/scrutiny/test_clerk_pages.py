"""What a clerk does through the pages: items, carry forward, recommendations, responses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from minutebook.minutes.models import MinuteItem
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
)

from .conftest import Status, client_for


@pytest.fixture
def clerk(users):
    return client_for(users["clerk"])


def test_add_an_item_for_a_meeting_with_leads(clerk, world):
    url = reverse("scrutiny:item_add", kwargs={"programme_id": world.programme.pk})
    response = clerk.post(
        url,
        {
            "topic": "Youth Offending Service",
            "method": "meeting",
            "planned_meeting": world.april.pk,
            "cabinet_members": [world.mark.pk],
            "officers": [world.mick.pk, world.julie.pk],
            "background": "Consideration of the YOS Review",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    row = WorkProgrammeItem.objects.get(topic="Youth Offending Service")
    assert (row.planned_meeting, row.planned_date, row.status) == (
        world.april,
        dt.date(2019, 4, 10),
        Status.PLANNED,
    )
    assert sorted(row.leads.values_list("person__name", "role")) == [
        ("Julie Long", "officer"),
        ("Mark Sutton", "cabinet_member"),
        ("Mick Harrison", "officer"),
    ]


def test_an_item_needs_its_topic(clerk, world):
    url = reverse("scrutiny:item_add", kwargs={"programme_id": world.programme.pk})
    before = WorkProgrammeItem.objects.count()
    response = clerk.post(url, {"topic": "", "method": "meeting"})
    assert response.status_code == 422
    assert "There is a problem" in response.content.decode()
    assert WorkProgrammeItem.objects.count() == before


def test_the_status_of_an_item_on_an_agenda_is_not_offered(clerk, world):
    body = clerk.get(reverse("scrutiny:item_edit", kwargs={"pk": world.dhr.pk})).content.decode()
    assert 'name="status"' not in body
    assert "its status follows that meeting" in body
    body = clerk.get(reverse("scrutiny:item_edit", kwargs={"pk": world.abuse.pk})).content.decode()
    assert 'name="status"' in body


def test_remove_an_item(clerk, world):
    url = reverse("scrutiny:item_delete", kwargs={"pk": world.abuse.pk})
    assert clerk.post(url).status_code == 302
    assert not WorkProgrammeItem.objects.filter(pk=world.abuse.pk).exists()
    refused = clerk.post(reverse("scrutiny:item_delete", kwargs={"pk": world.dhr.pk}))
    assert refused.status_code == 422
    assert WorkProgrammeItem.objects.filter(pk=world.dhr.pk).exists()


def test_carry_forward_page_lists_then_moves(clerk, world):
    url = reverse("scrutiny:carry_forward", kwargs={"programme_id": world.programme.pk})
    page = clerk.get(url).content.decode()
    assert "Carry forward outstanding items to the Work Programme 2019-20" in page
    assert "Prevent Strategy" in page and "Edge of Care" not in page
    response = clerk.post(url, follow=True)
    assert "5 items carried forward to Work Programme 2019-20." in response.content.decode()
    assert (
        WorkProgramme.objects.get(committee=world.committee, municipal_year=2019).items.count() == 5
    )
    again = clerk.post(url, follow=True)
    assert "0 items carried forward to Work Programme 2019-20; 5 were there already." in (
        again.content.decode()
    )


def test_create_a_programme_for_a_new_year(clerk, world):
    url = reverse(
        "scrutiny:manage_programme", kwargs={"committee_id": world.committee.pk, "year": 2020}
    )
    assert "has no work programme for 2020-21 yet" in clerk.get(url).content.decode()
    clerk.post(url)
    assert WorkProgramme.objects.get(committee=world.committee, municipal_year=2020).title == (
        "Work Programme 2020-21"
    )


def test_record_a_recommendation_response_and_progress(clerk, world):
    minute = MinuteItem.objects.get(minutes__meeting=world.march, number_label="53")
    add = reverse("scrutiny:recommendation_add", kwargs={"committee_id": world.committee.pk})
    response = clerk.post(
        add,
        {
            "minute_item": minute.pk,
            "number": "1",
            "text": "That a review panel be set up.",
            "made_on": "2019-03-04",
            "addressed_to": world.mark.pk,
            "addressed_to_role": "Cabinet Member for Children and Young People",
            "response_due": "2019-05-01",
        },
    )
    rec = Recommendation.objects.get(text="That a review panel be set up.")
    assert response["Location"] == reverse("scrutiny:recommendation", kwargs={"pk": rec.pk})
    respond = reverse("scrutiny:response_edit", kwargs={"pk": rec.pk})
    refused = clerk.post(respond, {"decision": "rejected", "responded_on": "2019-04-01"})
    assert refused.status_code == 422
    assert "Give the reasons" in refused.content.decode()
    assert not ExecutiveResponse.objects.filter(recommendation=rec).exists()
    clerk.post(
        respond,
        {"decision": "accepted", "responded_on": "2019-04-01", "action_deadline": "2019-09-30"},
    )
    assert rec.__class__.objects.get(pk=rec.pk).response.action_deadline == dt.date(2019, 9, 30)
    progress = reverse("scrutiny:progress_add", kwargs={"pk": rec.pk})
    clerk.post(
        progress,
        {"reported_on": "2019-07-01", "text": "Panel met.", "reported_to": "", "complete": "on"},
    )
    assert ProgressUpdate.objects.get(recommendation=rec).complete is True
    page = clerk.get(reverse("scrutiny:recommendation", kwargs={"pk": rec.pk})).content.decode()
    assert "Accepted</strong> on 1 April 2019" in page
    assert "1 July 2019" in page and "Panel met." in page


def test_a_recommendation_needs_a_source(clerk, world):
    add = reverse("scrutiny:recommendation_add", kwargs={"committee_id": world.committee.pk})
    response = clerk.post(add, {"text": "That x.", "made_on": "2019-03-04"})
    assert response.status_code == 422
    assert "Choose the minute or the report" in response.content.decode()
    assert not Recommendation.objects.exists()
