"""The exempt-information rules in minutebook.access, on rows made here."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from tests.portal import factories as f
from tests.portal.factories import CANARY

from minutebook import access
from minutebook.meetings.models import AgendaItem, Declaration
from minutebook.minutes.models import MinuteItem, Resolution
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation

TODAY = dt.date(2026, 11, 25)  # municipal year 2026-27


@pytest.fixture
def world(db):
    council = f.council()
    ssc = f.committee(council, "Safe and Strong Communities Select Committee")
    audit = f.committee(council, "Audit and Standards Committee")
    joan = f.person(council, "Joan Smith")
    bob = f.person(council, "Bob Jones")
    f.seat(ssc, joan, 2018)
    f.seat(audit, bob, 2018)
    old = f.meeting(ssc, "2019-03-04")  # 2018-19: Joan sat on the committee
    later = f.meeting(ssc, "2020-03-02")  # 2019-20: she did not
    rows = {}
    for name, meeting in (("old", old), ("later", later)):
        item = f.agenda_item(meeting, "6", f"Contract award {name}", 1, exempt_paragraphs=(3,))
        public_item = f.agenda_item(meeting, "4", f"Strategy {name}", 0)
        record = f.minutes(meeting)
        minute = f.minute_item(
            record,
            "",
            f"Contract award {name}",
            1,
            exempt_paragraphs=(3,),
            narrative=CANARY,
            resolutions=[CANARY],
        )
        public_minute = f.minute_item(record, "", "Strategy", 0, resolutions=["Endorsed."])
        report = f.report(
            meeting,
            f"Contract award {name}",
            exempt_paragraphs=(3,),
            body=CANARY,
            recommendations=[CANARY],
            officers=[{"name": CANARY}],
            appendices=[{"title": CANARY}],
        )
        public_report = f.report(
            meeting,
            f"Strategy {name}",
            recommendations=["Endorse it."],
            appendices=[{"title": "Appendix A"}, {"title": "Appendix B (exempt)", "part": 2}],
        )
        declaration = f.declare(meeting, joan, CANARY, agenda_item=item)
        general = f.declare(meeting, joan, "Member of a refuge board.")
        rows[name] = {
            "meeting": meeting,
            "item": item,
            "public_item": public_item,
            "minute": minute,
            "public_minute": public_minute,
            "report": report,
            "public_report": public_report,
            "declaration": declaration,
            "general_declaration": general,
        }
    return {"ssc": ssc, "audit": audit, "joan": joan, "bob": bob, **rows}


def visible(rows, pk) -> bool:
    return {r.pk: r.content_visible for r in rows}[pk]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("anonymous", False),
        ("signed_in", False),
        ("inactive_clerk", False),
        ("clerk_group", True),
        ("staff", True),
        ("superuser", True),
    ],
)
def test_clerks_see_everything_and_nobody_else_does(world, kind, expected):
    users = {
        "anonymous": lambda: AnonymousUser(),
        "signed_in": lambda: f.user("pat", "Pat", "Public"),
        "inactive_clerk": lambda: f.user("old", groups=(access.CLERKS_GROUP,), is_active=False),
        "clerk_group": lambda: f.user("clerk", groups=(access.CLERKS_GROUP,)),
        "staff": lambda: f.user("staff", is_staff=True),
        "superuser": lambda: f.user("root", is_staff=True, is_superuser=True),
    }
    user = users[kind]()
    assert access.is_clerk(user) is expected
    assert access.can_see_exempt(user, world["ssc"]) is expected
    assert access.can_see_exempt(user, world["audit"], 2018) is expected


def test_a_member_sees_exempt_papers_of_years_they_sat_on_the_committee(world):
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert access.person_ids_for(joan) == [world["joan"].pk]
    assert access.can_see_exempt(joan, world["ssc"], 2018)
    assert not access.can_see_exempt(joan, world["ssc"], 2019)
    assert not access.can_see_exempt(joan, world["ssc"])  # no seat this year
    assert not access.can_see_exempt(joan, world["audit"], 2018)


def test_a_member_who_sits_on_the_committee_now_sees_its_past_exempt_papers(world):
    this_year = world["ssc"].council.municipal_year_of(timezone.localdate())
    f.seat(world["ssc"], world["joan"], this_year)
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert access.grants_for(joan).current_committees == frozenset({world["ssc"].pk})
    assert access.can_see_exempt(joan, world["ssc"])
    items = access.visible_agenda_items(joan, AgendaItem.objects.all())
    assert visible(items, world["later"]["item"].pk)  # 2019-20, when she had no seat
    assert visible(items, world["old"]["item"].pk)


def test_a_seat_that_ended_does_not_count_as_sitting_now(world):
    f.seat(world["ssc"], world["joan"], 2026, ends_on=dt.date(2026, 9, 30))
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert access.grants_for(joan, today=TODAY).current_committees == frozenset()
    assert access.grants_for(joan, today=dt.date(2026, 9, 1)).current_committees == frozenset(
        {world["ssc"].pk}
    )


def test_a_name_match_without_the_members_group_grants_nothing(world):
    joan = f.user("joan", "Joan", "Smith")
    assert not access.can_see_exempt(joan, world["ssc"], 2018)


def test_an_ambiguous_name_grants_nothing(world):
    f.person(world["ssc"].council, "Joan  SMITH", slug="joan-smith-2")  # same key, other person
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert access.person_ids_for(joan) == []
    assert not access.can_see_exempt(joan, world["ssc"], 2018)


def test_a_member_matches_through_a_printed_name_variant(world):
    world["joan"].name_variants.create(text="Cllr Joan Smith-Jones")
    user = f.user("joan", "Joan", "Smith-Jones", groups=(access.MEMBERS_GROUP,))
    assert access.person_ids_for(user) == [world["joan"].pk]


def test_querysets_mark_exempt_rows_for_the_public_but_keep_their_titles(world):
    public = AnonymousUser()
    old = world["old"]
    items = access.visible_agenda_items(public, AgendaItem.objects.all())
    assert {i.title for i in items} >= {"Contract award old", "Strategy old"}
    assert not visible(items, old["item"].pk)
    assert visible(items, old["public_item"].pk)

    minutes = access.visible_minute_items(public, MinuteItem.objects.all())
    assert not visible(minutes, old["minute"].pk)
    assert visible(minutes, old["public_minute"].pk)

    reports = access.visible_reports(public, Report.objects.all())
    assert not visible(reports, old["report"].pk)
    assert visible(reports, old["public_report"].pk)

    declarations = access.visible_declarations(public, Declaration.objects.all())
    assert not visible(declarations, old["declaration"].pk)
    assert visible(declarations, old["general_declaration"].pk)  # no agenda item at all


def test_content_rows_of_exempt_items_are_filtered_out_for_the_public(world):
    public = AnonymousUser()
    assert CANARY not in {
        r.text for r in access.visible_resolutions(public, Resolution.objects.all())
    }
    assert set(
        access.visible_resolutions(public, Resolution.objects.all()).values_list("text", flat=True)
    ) == {"Endorsed."}
    recs = access.visible_report_recommendations(public, ReportRecommendation.objects.all())
    assert set(recs.values_list("text", flat=True)) == {"Endorse it."}
    assert not access.visible_contact_officers(public, ContactOfficer.objects.all()).exists()
    appendices = {
        a.title: a.content_visible
        for a in access.visible_appendices(public, Appendix.objects.all())
    }
    assert appendices == {"Appendix A": True, "Appendix B (exempt)": False}


def test_member_querysets_open_only_the_years_they_sat(world):
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    minutes = access.visible_minute_items(joan, MinuteItem.objects.all())
    assert visible(minutes, world["old"]["minute"].pk)
    assert not visible(minutes, world["later"]["minute"].pk)
    texts = list(
        access.visible_resolutions(joan, Resolution.objects.all()).values_list(
            "minute_item_id", "text"
        )
    )
    assert (world["old"]["minute"].pk, CANARY) in texts
    assert all(pk != world["later"]["minute"].pk for pk, _ in texts)
    appendices = {
        a.title: a.content_visible for a in access.visible_appendices(joan, Appendix.objects.all())
    }
    assert appendices[CANARY] is True  # the exempt report of 2018-19 she may read
    assert list(appendices).count(CANARY) == 1  # and not the one of 2019-20


def test_other_members_and_clerks(world):
    bob = f.user("bob", "Bob", "Jones", groups=(access.MEMBERS_GROUP,))
    assert not any(
        r.content_visible for r in access.visible_reports(bob, Report.objects.filter(part=2))
    )
    clerk = f.user("clerk", groups=(access.CLERKS_GROUP,))
    assert all(r.content_visible for r in access.visible_reports(clerk, Report.objects.all()))
    assert (
        access.visible_resolutions(clerk, Resolution.objects.all()).count()
        == Resolution.objects.count()
    )


def test_an_exempt_report_with_no_meeting_is_for_superusers_only(world):
    """With no meeting it belongs to no council, so no council's clerk is entitled."""
    orphan = Report.objects.create(title="Loose paper", part=2, body=CANARY)
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert not visible(access.visible_reports(joan, Report.objects.all()), orphan.pk)
    clerk = f.user("clerk", groups=(access.CLERKS_GROUP,))
    assert not visible(access.visible_reports(clerk, Report.objects.all()), orphan.pk)
    root = f.user("root", is_staff=True, is_superuser=True)
    assert visible(access.visible_reports(root, Report.objects.all()), orphan.pk)


def test_grants_are_worked_out_once_per_user_object(world, django_assert_num_queries):
    joan = f.user("joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    access.grants_for(joan)
    with django_assert_num_queries(0):
        access.grants_for(joan)
        access.can_see_exempt(joan, world["ssc"], 2018)


def test_a_part_one_row_under_a_part_two_agenda_item_is_exempt_too(db):
    """Importers can disagree with themselves; the stricter reading wins."""
    council = f.council()
    ssc = f.committee(council, "Safe and Strong Communities Select Committee")
    meeting = f.meeting(ssc, "2019-03-04")
    exempt_item = f.agenda_item(meeting, "6", "Contract award", 1, exempt_paragraphs=(3,))
    sub_item = f.agenda_item(meeting, "a", "Bids", 2, parent=exempt_item)
    minute = f.minute_item(
        f.minutes(meeting),
        "49",
        "Contract award",
        1,
        agenda_item=exempt_item,
        narrative=CANARY,
        resolutions=[CANARY],
    )
    report = f.report(
        meeting,
        "Contract award",
        agenda_item=exempt_item,
        body=CANARY,
        recommendations=[CANARY],
        officers=[{"name": CANARY}],
        appendices=[{"title": CANARY}],
    )
    declaration = f.declare(meeting, f.person(council, "Joan Smith"), CANARY, agenda_item=sub_item)
    public = AnonymousUser()
    assert {minute.part, report.part, sub_item.part} == {1}
    assert not visible(access.visible_agenda_items(public, AgendaItem.objects.all()), sub_item.pk)
    assert not visible(access.visible_minute_items(public, MinuteItem.objects.all()), minute.pk)
    assert not visible(access.visible_reports(public, Report.objects.all()), report.pk)
    assert not visible(
        access.visible_declarations(public, Declaration.objects.all()), declaration.pk
    )
    assert not access.visible_resolutions(public, Resolution.objects.all()).exists()
    assert not access.visible_report_recommendations(
        public, ReportRecommendation.objects.all()
    ).exists()
    assert not access.visible_contact_officers(public, ContactOfficer.objects.all()).exists()
    assert not access.visible_appendices(public, Appendix.objects.all()).exists()
    clerk = f.user("clerk", groups=(access.CLERKS_GROUP,))
    minutes = access.visible_minute_items(clerk, MinuteItem.objects.all())
    assert [(m.content_visible, m.exempt) for m in minutes] == [(True, True)]


def test_the_account_link_wins_over_the_name(world):
    user = f.user("jsmith", "J", "Smith-Whatever", groups=(access.MEMBERS_GROUP,))
    world["joan"].user = user
    world["joan"].save()
    assert access.person_ids_for(user) == [world["joan"].pk]
    assert access.can_see_exempt(user, world["ssc"], 2018)


def test_a_name_never_matches_a_person_who_has_their_own_account(world):
    owner = f.user("real-joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    world["joan"].user = owner
    world["joan"].save()
    impostor = f.user("other-joan", "Joan", "Smith", groups=(access.MEMBERS_GROUP,))
    assert access.person_ids_for(impostor) == []
    assert not access.can_see_exempt(impostor, world["ssc"], 2018)
    assert access.can_see_exempt(owner, world["ssc"], 2018)


def _other_council_world(world):
    other = f.council("Neighbouring Borough Council", kind="district")
    licensing = f.committee(other, "Licensing Committee")
    meeting = f.meeting(licensing, "2019-03-05")
    item = f.agenda_item(meeting, "5", "Licence review", 1, exempt_paragraphs=(7,))
    record = f.minutes(meeting)
    minute = f.minute_item(
        record,
        "",
        "Licence review",
        1,
        exempt_paragraphs=(7,),
        narrative=CANARY,
        resolutions=[CANARY],
    )
    return other, licensing, item, minute


def test_a_clerk_sees_the_exempt_papers_of_their_own_council_only(world):
    _, licensing, item, minute = _other_council_world(world)
    clerk = f.user("clerk", groups=(access.CLERKS_GROUP,))
    f.person(world["ssc"].council, "Clare Clerk", user=clerk, kind="officer")
    assert access.managed_council_ids(clerk) == frozenset({world["ssc"].council_id})
    assert access.can_see_exempt(clerk, world["ssc"])
    assert access.can_see_exempt(clerk, world["audit"], 2018)
    assert not access.can_see_exempt(clerk, licensing)
    assert not access.can_see_exempt(clerk, licensing, 2018)
    items = access.visible_agenda_items(clerk, AgendaItem.objects.all())
    assert visible(items, world["old"]["item"].pk)
    assert not visible(items, item.pk)
    minutes = access.visible_minute_items(clerk, MinuteItem.objects.all())
    assert visible(minutes, world["later"]["minute"].pk)
    assert not visible(minutes, minute.pk)
    assert Resolution.objects.filter(minute_item=minute).exists()
    resolutions = access.visible_resolutions(clerk, Resolution.objects.all())
    assert not resolutions.filter(minute_item=minute).exists()
    assert resolutions.filter(minute_item=world["old"]["minute"]).exists()


def test_an_unlinked_clerk_runs_nothing_once_a_second_council_arrives(world):
    clerk = f.user("clerk", groups=(access.CLERKS_GROUP,))
    assert access.managed_council_ids(clerk) == frozenset({world["ssc"].council_id})
    _other_council_world(world)
    clerk = f.user("clerk2", groups=(access.CLERKS_GROUP,))
    assert access.managed_council_ids(clerk) == frozenset()
    assert not access.can_see_exempt(clerk, world["ssc"])
    assert not any(
        r.content_visible for r in access.visible_reports(clerk, Report.objects.filter(part=2))
    )


def test_a_superuser_runs_every_council(world):
    _, licensing, item, _ = _other_council_world(world)
    root = f.user("root", is_staff=True, is_superuser=True)
    assert access.managed_council_ids(root) is None
    assert access.can_see_exempt(root, licensing)
    assert visible(access.visible_agenda_items(root, AgendaItem.objects.all()), item.pk)
