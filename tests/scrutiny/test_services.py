"""Work programme reading, carry forward, the overdue rules and the response rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from minutebook.meetings.models import Meeting
from minutebook.minutes import services as minutes_services
from minutebook.scrutiny import services
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
)

from .conftest import TODAY, Method, Role, Status

Decision = ExecutiveResponse.Decision
T = services.TrackerStatus


# --- reading a programme ---------------------------------------------------------------------


def test_sections_follow_the_council_order_and_group_rows_by_method(world):
    sections = services.programme_sections(world.programme)
    assert [s.title for s in sections] == [
        "Work Programme 2018-19",
        "Standing Items 2018-19",
        "Briefing Notes/Updates/Visits 2018-19",
        "Working Group and/or Inquiry Days 2018-19",
        "Current & Related Work of Select Committees and/or All Party Member Groups 2018-19",
    ]
    meetings = sections[0]
    # Dated rows in date order, one group per meeting, then the untimetabled rows in order.
    assert [[r.topic for r in g.rows] for g in meetings.groups] == [
        ["Update from the October SSRBG meeting"],
        ["Child Sexual Exploitation (CSE) in Staffordshire"],
        ["Domestic Homicide Reviews & emerging themes"],
        ["Prevent Strategy"],
        ["Domestic Abuse"],
        ["Care Packages and Communication"],
        ["Stresses within mental health service"],
    ]
    assert [g.meeting for g in meetings.groups[:4]] == [
        world.cancelled,
        world.january,
        world.march,
        world.april,
    ]
    assert [r.topic for r in sections[1].rows] == ["Themes emerging from Serious Case Reviews"]
    assert [r.topic for r in sections[3].rows] == ["Edge of Care"]


def test_two_items_at_one_meeting_share_a_date_group(world):
    second = services.save_item(
        world.programme, topic="Prevent: referrals", planned_meeting=world.april
    )
    groups = services.programme_sections(world.programme)[0].groups
    april = next(g for g in groups if g.meeting == world.april)
    assert [r.pk for r in april.rows] == [world.prevent.pk, second.pk]


def test_leads_are_split_by_role_in_printed_order(world):
    rows = {r.pk: r for r in services.programme_sections(world.programme)[0].rows}
    dhr = rows[world.dhr.pk]
    assert [lead.person.name for lead in dhr.cabinet_members] == ["Mark Sutton", "Alan White"]
    assert [lead.person.name for lead in dhr.officers] == ["Mick Harrison", "Julie Long"]


def test_a_held_meeting_reads_as_considered_before_its_minutes_are_started(world):
    assert world.dhr.status == Status.ON_AGENDA  # the 4 March meeting has confirmed minutes
    assert services.shown_status(world.dhr) == Status.CONSIDERED
    world.march.status = Meeting.Status.AGENDA_PUBLISHED
    world.march.save()
    world.dhr.refresh_from_db()
    assert services.shown_status(world.dhr) == Status.ON_AGENDA
    # Cancelled: not considered.
    assert services.shown_status(WorkProgrammeItem.objects.get(pk=world.ssrbg.pk)) == (
        Status.ON_AGENDA
    )


def test_starting_the_minutes_marks_the_item_considered_through_the_workspace(world):
    """The status change itself belongs to the workspace; it is not duplicated here."""
    world.april.status = Meeting.Status.HELD
    world.april.save()
    from minutebook.meetings import services as meetings

    meetings.pull_from_work_programme(world.april, world.prevent)
    world.prevent.refresh_from_db()
    assert world.prevent.status == Status.ON_AGENDA
    minutes_services.start_minutes(world.april)
    world.prevent.refresh_from_db()
    assert world.prevent.status == Status.CONSIDERED


# --- changing a programme --------------------------------------------------------------------


def test_save_item_sets_the_date_from_the_meeting_and_replaces_leads(world):
    row = services.save_item(
        world.programme,
        row=world.abuse,
        topic="  Domestic Abuse  ",
        planned_meeting=world.april,
        cabinet_members=[world.alan],
        officers=[world.julie, world.mick],
        status=Status.DEFERRED,
    )
    row.refresh_from_db()
    assert row.topic == "Domestic Abuse"
    assert row.planned_date == dt.date(2019, 4, 10)
    assert row.status == Status.DEFERRED
    leads = list(row.leads.order_by("role", "order").values_list("role", "person__name"))
    assert leads == [
        (Role.CABINET_MEMBER, "Alan White"),
        (Role.OFFICER, "Julie Long"),
        (Role.OFFICER, "Mick Harrison"),
    ]


def test_an_item_on_an_agenda_keeps_the_status_its_meeting_gives_it(world):
    services.save_item(
        world.programme, row=world.dhr, topic=world.dhr.topic, status=Status.WITHDRAWN
    )
    world.dhr.refresh_from_db()
    assert world.dhr.status == Status.ON_AGENDA
    with pytest.raises(services.ScrutinyError):
        services.save_item(world.programme, row=world.abuse, topic="x", status=Status.ON_AGENDA)


def test_a_meeting_of_another_committee_cannot_be_planned(world, council):
    from minutebook.committees.models import Committee

    other = Committee.objects.create(council=council, name="Audit Committee")
    meeting = Meeting.objects.create(committee=other, date=dt.date(2019, 2, 1))
    with pytest.raises(services.ScrutinyError):
        services.save_item(world.programme, topic="Audit", planned_meeting=meeting)


def test_an_item_on_an_agenda_cannot_be_removed_here(world):
    with pytest.raises(services.ScrutinyError):
        services.remove_item(world.dhr)
    services.remove_item(world.abuse)
    assert not WorkProgrammeItem.objects.filter(pk=world.abuse.pk).exists()
    orders = list(world.programme.items.order_by("order").values_list("order", flat=True))
    assert orders == list(range(1, len(orders) + 1))


# --- carry forward ---------------------------------------------------------------------------


def test_carry_forward_moves_exactly_the_outstanding_items(world):
    result = services.carry_forward(world.programme)
    target = result.programme
    assert (target.committee, target.municipal_year, target.title) == (
        world.committee,
        2019,
        "Work Programme 2019-20",
    )
    moved = sorted(r.topic for r in result.created)
    assert moved == sorted(
        [
            "Update from the October SSRBG meeting",  # on the agenda of a cancelled meeting
            "Prevent Strategy",  # planned for a meeting not yet held
            "Domestic Abuse",  # planned, tbc
            "Care Packages and Communication",  # deferred
            "Themes emerging from Serious Case Reviews",  # standing item, still planned
        ]
    )
    # Considered and withdrawn items stay behind, unchanged.
    for row in (world.cse, world.dhr, world.mh, world.briefing, world.inquiry, world.related):
        before = row.status
        row.refresh_from_db()
        assert row.status == before
        assert "Carried forward" not in row.outcome
    copies = {r.topic: r for r in target.items.all()}
    assert all(r.status == Status.PLANNED for r in copies.values())
    assert all(r.agenda_item_id is None and r.planned_meeting_id is None for r in copies.values())
    assert copies["Domestic Abuse"].date_text == "Tbc? 12 months after start of contract"
    assert copies["Prevent Strategy"].date_text == "tbc"
    assert copies["Themes emerging from Serious Case Reviews"].method == Method.STANDING
    assert list(copies["Prevent Strategy"].leads.values_list("person__name", "role")) == [
        ("Mick Harrison", Role.OFFICER)
    ]
    # The rows left behind say where they went.
    world.ssrbg.refresh_from_db()
    assert world.ssrbg.status == Status.DEFERRED
    assert world.ssrbg.outcome.endswith("Carried forward to the Work Programme 2019-20.")


def test_carry_forward_is_idempotent(world):
    first = services.carry_forward(world.programme)
    outcome = WorkProgrammeItem.objects.get(pk=world.abuse.pk).outcome
    second = services.carry_forward(world.programme)
    assert second.programme == first.programme
    assert second.created == []
    assert len(second.already) == len(first.created) == 5
    assert first.programme.items.count() == 5
    assert WorkProgramme.objects.filter(committee=world.committee, municipal_year=2019).count() == 1
    assert WorkProgrammeItem.objects.get(pk=world.abuse.pk).outcome == outcome


def test_carry_forward_adds_to_an_existing_programme_without_duplicating(world):
    target = WorkProgramme.objects.create(
        committee=world.committee, municipal_year=2019, title="Work Programme 2019-20 (draft)"
    )
    WorkProgrammeItem.objects.create(programme=target, order=1, topic="domestic  abuse")
    WorkProgrammeItem.objects.create(programme=target, order=2, topic="Libraries")
    result = services.carry_forward(world.programme)
    assert result.programme == target
    assert "Domestic Abuse" not in [r.topic for r in result.created]
    assert [r.topic for r in result.already] == ["Domestic Abuse"]
    assert target.items.count() == 2 + 4
    assert list(target.items.order_by("order").values_list("order", flat=True)) == list(range(1, 7))


# --- overdue rules ---------------------------------------------------------------------------


def test_tracker_status_of_each_recommendation(recs):
    qs = services.with_tracker_status(Recommendation.objects.all(), TODAY)
    got = dict(qs.values_list("pk", "tracker_status"))
    assert got == {
        recs.awaiting.pk: T.AWAITING,
        recs.late.pk: T.RESPONSE_OVERDUE,
        recs.done.pk: T.COMPLETE,
        recs.slipping.pk: T.ACTION_OVERDUE,
        recs.partly.pk: T.IN_PROGRESS,
        recs.refused.pk: T.REJECTED,
        recs.secret.pk: T.RESPONSE_OVERDUE,
    }


def test_overdue_depends_on_the_day_passed_in(recs):
    qs = Recommendation.objects.all()
    assert set(services.response_overdue(qs, TODAY)) == {recs.late, recs.secret}
    assert set(services.action_overdue(qs, TODAY)) == {recs.slipping}
    # The day a response is due is not yet overdue; the day after is.
    assert set(services.response_overdue(qs, dt.date(2019, 5, 1))) == set()
    assert set(services.response_overdue(qs, dt.date(2019, 5, 2))) == {recs.late, recs.secret}
    assert set(services.action_overdue(qs, dt.date(2019, 8, 1))) == set()
    # Partly accepted actions run late too; rejected ones have nothing to run late.
    assert set(services.action_overdue(qs, dt.date(2019, 12, 2))) == {recs.slipping, recs.partly}
    assert set(services.response_overdue(qs, dt.date(2019, 10, 2))) == {
        recs.late,
        recs.secret,
        recs.awaiting,
    }


def test_a_completed_update_stops_an_action_being_overdue(recs):
    services.add_progress(
        recs.slipping, reported_on=dt.date(2019, 8, 20), text="Launched.", complete=True
    )
    assert recs.slipping not in services.action_overdue(Recommendation.objects.all(), TODAY)


def test_overdue_hides_the_exempt_recommendation_from_the_public(recs):
    responses, actions = services.overdue(None, TODAY)
    assert list(responses) == [recs.late]
    assert list(actions) == [recs.slipping]


# --- response rules --------------------------------------------------------------------------


@pytest.mark.parametrize("decision", [Decision.PARTLY, Decision.REJECTED])
def test_reasons_are_required_unless_accepted(recs, decision):
    with pytest.raises(ValidationError) as raised:
        services.record_response(
            recs.awaiting, decision=decision, responded_on=dt.date(2019, 4, 1), reasons="  "
        )
    assert "reasons" in raised.value.message_dict
    assert not ExecutiveResponse.objects.filter(recommendation=recs.awaiting).exists()


def test_accepted_needs_no_reasons_and_a_response_can_be_corrected(recs):
    services.record_response(
        recs.awaiting, decision=Decision.ACCEPTED, responded_on=dt.date(2019, 4, 1)
    )
    services.record_response(
        recs.awaiting,
        decision=Decision.PARTLY,
        reasons="Funding for one year only.",
        responded_on=dt.date(2019, 4, 2),
        action_deadline=dt.date(2019, 9, 30),
    )
    response = ExecutiveResponse.objects.get(recommendation=recs.awaiting)
    assert (response.decision, response.responded_on) == (Decision.PARTLY, dt.date(2019, 4, 2))
    assert ExecutiveResponse.objects.filter(recommendation=recs.awaiting).count() == 1


def test_the_database_also_refuses_a_rejection_without_reasons(recs):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExecutiveResponse.objects.create(
            recommendation=recs.awaiting,
            decision=Decision.REJECTED,
            reasons="",
            responded_on=dt.date(2019, 4, 1),
        )


def test_the_database_refuses_a_deadline_on_a_rejection(recs):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExecutiveResponse.objects.create(
            recommendation=recs.awaiting,
            decision=Decision.REJECTED,
            reasons="No budget.",
            responded_on=dt.date(2019, 4, 1),
            action_deadline=dt.date(2019, 9, 1),
        )


def test_the_database_refuses_a_response_due_before_the_recommendation(recs):
    recs.awaiting.response_due = recs.awaiting.made_on - dt.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        recs.awaiting.save()


def test_response_dates_and_deadlines_must_make_sense(recs):
    with pytest.raises(ValidationError) as raised:
        services.record_response(
            recs.awaiting,
            decision=Decision.REJECTED,
            reasons="No budget.",
            responded_on=dt.date(2019, 3, 1),  # before the recommendation of 4 March
            action_deadline=dt.date(2019, 6, 1),
        )
    assert set(raised.value.message_dict) == {"responded_on", "action_deadline"}


def test_progress_needs_an_accepted_response(recs):
    with pytest.raises(services.ScrutinyError, match="response"):
        services.add_progress(recs.awaiting, reported_on=dt.date(2019, 6, 1), text="Started.")
    with pytest.raises(services.ScrutinyError, match="rejected"):
        services.add_progress(recs.refused, reported_on=dt.date(2019, 6, 1), text="Started.")
    with pytest.raises(services.ScrutinyError, match="before the response"):
        services.add_progress(recs.partly, reported_on=dt.date(2019, 4, 1), text="Started.")


def test_a_recommendation_needs_a_source_of_this_committee(world, council, recs):
    with pytest.raises(services.ScrutinyError):
        services.record_recommendation(world.committee, text="x", made_on=dt.date(2019, 3, 4))
    from minutebook.committees.models import Committee

    other = Committee.objects.create(council=council, name="Audit Committee")
    minute = recs.awaiting.minute_item
    with pytest.raises(services.ScrutinyError, match="another committee"):
        services.record_recommendation(
            other, text="x", made_on=dt.date(2019, 3, 4), minute_item=minute
        )
    # The renamed committee carries on its predecessor's recommendations.
    successor = world.committee.successors.get()
    rec = services.record_recommendation(
        successor, text="Carried on.", made_on=dt.date(2019, 3, 4), minute_item=minute
    )
    assert rec.committee == successor
