"""The demo council: deterministic, complete, numbered correctly, and leak-free."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import time
from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import models

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import MunicipalYear
from minutebook.demo import CANARY, build_demo_council, delete_demo_council
from minutebook.meetings.models import AgendaItem, Meeting, Part
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import NameVariant, Person, name_key
from minutebook.reports.models import Report, ReportRecommendation
from minutebook.scrutiny.models import ExecutiveResponse, Recommendation, WorkProgrammeItem

TODAY = dt.date(2026, 3, 2)
PROJECT_APPS = {c.label for c in apps.get_app_configs() if c.name.startswith("minutebook.")}
# Derived data rebuilt from the records by its own indexer, not written by the demo.
DERIVED_APPS = {"search"}

pytestmark = pytest.mark.django_db


def project_models() -> list[type[models.Model]]:
    """Our models and their M2M tables, less the audit trail's history tables (not content)."""
    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in PROJECT_APPS and not hasattr(m, "instance_type")
    ]


def canonical_dump() -> dict[str, list[dict]]:
    """Every row of every project model, with primary and foreign keys replaced by row ranks,
    so that two loads compare equal whatever ids the database handed out."""
    ranks = {
        m: {pk: n for n, pk in enumerate(m.objects.order_by("pk").values_list("pk", flat=True))}
        for m in project_models()
    }
    dump = {}
    for model in project_models():
        if model._meta.app_label in DERIVED_APPS:  # rebuilt from the rows compared here
            continue
        rows = []
        for values in model.objects.order_by("pk").values():
            row = {}
            for f in model._meta.concrete_fields:
                value = values[f.attname]
                if f.primary_key and isinstance(f, models.AutoField):
                    value = ranks[model][value]
                elif f.is_relation and value is not None and f.related_model in ranks:
                    value = ranks[f.related_model][value]
                row[f.attname] = value
            rows.append(row)
        dump[model._meta.label] = rows
    return dump


@pytest.fixture
def demo():
    return build_demo_council(seed=2019, years=3, today=TODAY)


def test_same_seed_gives_identical_data():
    build_demo_council(seed=11, years=3, today=TODAY)
    first = canonical_dump()
    assert delete_demo_council()
    build_demo_council(seed=11, years=3, today=TODAY)
    assert canonical_dump() == first
    delete_demo_council()
    build_demo_council(seed=12, years=3, today=TODAY)
    assert canonical_dump() != first


def test_default_size_is_fast():
    started = time.monotonic()
    build_demo_council(seed=5, years=3, today=TODAY)
    assert time.monotonic() - started < 20


def test_every_project_model_has_rows(demo):
    empty = [
        m._meta.label
        for m in project_models()
        if m._meta.app_label not in DERIVED_APPS and not m.objects.exists()
    ]
    assert empty == []


def test_denormalised_fields_match_what_save_would_compute(demo):
    council = demo.council
    for meeting in Meeting.objects.select_related("committee"):
        assert meeting.municipal_year == council.municipal_year_of(meeting.date)
    for item in MinuteItem.objects.select_related("minutes__meeting__committee"):
        meeting = item.minutes.meeting
        assert item.committee_id == meeting.committee_id
        assert item.municipal_year == meeting.municipal_year
        assert item.numbered_through_year == (
            meeting.committee.minute_numbering == "municipal_year"
        )
        assert item.number == int(item.number_label.split("/")[0])
    for person in Person.objects.all():
        assert person.sort_name and person.slug
        assert NameVariant.objects.filter(person=person, key=name_key(person.name)).exists()


def test_municipal_years_start_at_a_may_annual_meeting(demo):
    years = list(MunicipalYear.objects.order_by("start_year"))
    assert [y.label for y in years] == ["2023-24", "2024-25", "2025-26"]
    for year, following in itertools.pairwise(years):
        assert year.starts_on.month == 5 and 14 <= year.starts_on.day <= 31
        assert year.ends_on == following.starts_on - dt.timedelta(days=1)
    annual = Meeting.objects.filter(
        committee__kind=Committee.Kind.FULL_COUNCIL, date__in=[y.starts_on for y in years]
    )
    assert annual.count() == 3


def test_minute_numbers_run_through_the_year_and_restart_after_may(demo):
    numbers = defaultdict(list)
    for item in MinuteItem.objects.filter(numbered_through_year=True).order_by(
        "minutes__meeting__date", "order"
    ):
        numbers[(item.committee_id, item.municipal_year)].append(item.number)
    assert len(numbers) >= 10
    for sequence in numbers.values():
        assert sequence == list(range(1, len(sequence) + 1))
    per_meeting = Committee.objects.get(minute_numbering=Committee.MinuteNumbering.MEETING)
    minutes = Minutes.objects.filter(meeting__committee=per_meeting)
    assert minutes.count() >= 4
    for m in minutes:
        assert [i.number for i in m.items.order_by("order")] == list(range(1, m.items.count() + 1))
    cabinet_labels = MinuteItem.objects.filter(committee__kind=Committee.Kind.CABINET).values_list(
        "number_label", "municipal_year"
    )
    assert all(label.endswith(f"/{year % 100:02d}") for label, year in cabinet_labels)


def test_minutes_are_confirmed_at_the_next_meeting(demo):
    confirmed = Minutes.objects.filter(status=Minutes.Status.CONFIRMED).select_related(
        "meeting", "confirmed_at"
    )
    assert confirmed.count() > 20
    for m in confirmed:
        assert m.confirmed_at.date > m.meeting.date
        assert m.meeting.status == Meeting.Status.MINUTES_CONFIRMED
        item = m.confirmed_at.agenda_items.get(standard=AgendaItem.Standard.MINUTES, part=Part.ONE)
        assert item.minutes_of_id == m.meeting_id
        assert m.meeting.date.strftime("%B %Y") in item.title
        assert m.signed_by_id == m.confirmed_at.chair_id
    drafts = Minutes.objects.filter(status=Minutes.Status.DRAFT)
    assert drafts.exists()
    assert all(m.meeting.status == Meeting.Status.MINUTES_DRAFTED for m in drafts)


def test_meeting_status_follows_the_reference_date(demo):
    future = Meeting.objects.filter(date__gte=TODAY)
    past = Meeting.objects.filter(date__lt=TODAY)
    assert future.exclude(status=Meeting.Status.CANCELLED).count() >= 3
    assert set(future.values_list("status", flat=True)) <= {"scheduled", "agenda_published"}
    assert set(past.values_list("status", flat=True)) <= {
        "held",
        "minutes_drafted",
        "minutes_confirmed",
        "cancelled",
    }
    assert Meeting.objects.filter(status=Meeting.Status.CANCELLED).count() == 1
    # A meeting whose agenda is not out has its standard items only.
    assert not AgendaItem.objects.filter(
        meeting__status=Meeting.Status.SCHEDULED, standard=AgendaItem.Standard.NONE
    ).exists()
    assert past.exclude(status="cancelled").exclude(webcast_url="").exists()


@pytest.mark.parametrize(
    "today", ["2026-03-20", "2026-05-10", "2026-07-01", "2026-11-25", "2027-04-30"]
)
def test_there_are_always_upcoming_meetings(today):
    today = dt.date.fromisoformat(today)
    build_demo_council(seed=1, years=2, scale=0.5, today=today)
    upcoming = Meeting.objects.filter(date__gte=today).exclude(status=Meeting.Status.CANCELLED)
    assert upcoming.count() >= 2
    assert Minutes.objects.exists()


def test_committees_memberships_and_roles(demo):
    renamed = Committee.objects.get(predecessor__isnull=False)
    assert renamed.predecessor.dissolved_on == renamed.established_on - dt.timedelta(days=1)
    titles = set(Membership.objects.filter(committee=renamed).values_list("role_title", flat=True))
    assert {"Vice-Chairman (Overview)", "Vice-Chairman (Scrutiny)"} <= titles
    assert Membership.objects.filter(role=Membership.Role.CO_OPTED).exists()
    assert Membership.objects.filter(ends_on__isnull=False).exists()
    assert Membership.objects.filter(starts_on__isnull=False).exists()
    kinds = set(Committee.objects.values_list("kind", flat=True))
    assert {"full_council", "cabinet", "select", "overview_scrutiny", "audit"} <= kinds
    assert Person.objects.exclude(post_nominals="").exists()
    assert Person.objects.filter(kind=Person.Kind.OFFICER).exclude(job_title="").count() >= 7
    chairs = Meeting.objects.exclude(chair=None).count()
    assert chairs == Meeting.objects.filter(attendances__is_chair=True).count()


def test_scrutiny_recommendations_and_responses(demo):
    decisions = set(ExecutiveResponse.objects.values_list("decision", flat=True))
    assert decisions == {"accepted", "partly", "rejected"}
    overdue = [
        r
        for r in Recommendation.objects.select_related("response")
        if (not hasattr(r, "response") and r.response_due and r.response_due < TODAY)
        or (
            hasattr(r, "response")
            and r.response.action_deadline
            and r.response.action_deadline < TODAY
            and not r.progress_updates.filter(complete=True).exists()
        )
    ]
    assert overdue


def test_canary_appears_only_in_part_two_material(demo):
    found = defaultdict(list)
    for model in project_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
        ]
        for obj in model.objects.all():
            hit = [name for name in text_fields if CANARY in getattr(obj, name)]
            if hit:
                found[model].append((obj, hit))
    assert set(found) <= {Report, ReportRecommendation, MinuteItem, Resolution}
    assert found[Report] and found[MinuteItem] and found[Resolution]
    for obj, fields in found[Report]:
        assert obj.part == Part.TWO and "title" not in fields
    for obj, _ in found[ReportRecommendation]:
        assert obj.report.part == Part.TWO
    for obj, fields in found[MinuteItem]:
        assert obj.part == Part.TWO and fields == ["narrative"] and obj.exempt_paragraphs.exists()
    for obj, _ in found[Resolution]:
        assert obj.minute_item.part == Part.TWO
    for item in AgendaItem.objects.filter(part=Part.TWO):
        assert item.exempt_paragraphs.exists()
        assert CANARY not in item.title


def test_load_demo_command_is_idempotent():
    out = io.StringIO()
    call_command("load_demo", "--seed", "3", "--today", "2026-03-02", "--no-progress", stdout=out)
    assert "clerk / minutebook-demo" in out.getvalue()
    meetings = Meeting.objects.count()
    out = io.StringIO()
    call_command("load_demo", "--seed", "3", "--today", "2026-03-02", "--no-progress", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Meeting.objects.count() == meetings
    call_command(
        "load_demo",
        "--seed",
        "3",
        "--today",
        "2026-03-02",
        "--no-progress",
        "--reset",
        stdout=io.StringIO(),
    )
    assert Meeting.objects.count() == meetings
    User = get_user_model()
    clerk = authenticate(username="clerk", password="minutebook-demo")
    assert clerk is not None and clerk.is_superuser and clerk.is_staff
    assert clerk.groups.filter(name="Clerks").exists()
    member = User.objects.get(username="member")
    assert member.groups.filter(name="Members").exists() and not member.is_staff
    person = Person.objects.get(name=f"{member.first_name} {member.last_name}")
    assert person.user == member
    assert person.memberships.filter(role=Membership.Role.MEMBER).exists()
    assert Person.objects.get(user=clerk).kind == Person.Kind.OFFICER


# --- upcoming meetings -------------------------------------------------------------------
UPCOMING_TODAY = dt.date(2026, 11, 25)  # the Cabinet meets on 9 December, a fortnight ahead
Std = AgendaItem.Standard


@pytest.fixture
def upcoming_demo():
    build_demo_council(seed=2019, years=2, today=UPCOMING_TODAY)
    return Meeting.objects.filter(date__gte=UPCOMING_TODAY).select_related("committee")


def previous_meeting(meeting: Meeting) -> Meeting:
    """The committee's (or its predecessor's) last meeting before this one, not cancelled."""
    committees = [meeting.committee_id, meeting.committee.predecessor_id]
    return (
        Meeting.objects.filter(committee_id__in=committees, date__lt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .latest("date")
    )


def assert_minutes_item_names_the_previous_meeting(meeting: Meeting) -> None:
    item = meeting.agenda_items.get(standard=Std.MINUTES, part=Part.ONE)
    previous = previous_meeting(meeting)
    assert item.minutes_of_id == previous.pk
    assert f"{previous.date.day} {previous.date:%B %Y}" in item.title


def assert_nothing_recorded_yet(meeting: Meeting) -> None:
    assert not Minutes.objects.filter(meeting=meeting).exists()
    assert not meeting.attendances.exists()
    assert not meeting.declarations.exists()
    assert meeting.chair_id is None
    assert meeting.webcast_url == ""


def test_upcoming_meetings_with_a_published_agenda_have_the_full_agenda(upcoming_demo):
    published = list(upcoming_demo.filter(status=Meeting.Status.AGENDA_PUBLISHED))
    assert published, "a meeting a fortnight ahead has its agenda out"
    for meeting in published:
        assert meeting.agenda_published_on is not None
        assert meeting.agenda_published_on <= UPCOMING_TODAY
        assert (meeting.date - meeting.agenda_published_on).days >= 7  # five clear working days
        assert meeting.agenda_issued_by
        assert_nothing_recorded_yet(meeting)
        items = list(meeting.agenda_items.filter(parent=None).order_by("order"))
        assert [i.number for i in items] == [str(n) for n in range(1, len(items) + 1)]
        standards = [i.standard for i in items]
        assert standards[:2] == [Std.APOLOGIES, Std.DECLARATIONS] or (
            meeting.committee.kind == Committee.Kind.FULL_COUNCIL
            and standards[1:3] == [Std.APOLOGIES, Std.DECLARATIONS]
        )
        assert_minutes_item_names_the_previous_meeting(meeting)
        # Page ranges run on from page 1 without gaps or overlaps, in agenda order.
        ranges = [(i.start_page, i.end_page) for i in items if i.start_page is not None]
        assert ranges and ranges[0][0] == 1
        for (_, end), (start, _) in itertools.pairwise(ranges):
            assert start == end + 1
        assert all(start <= end for start, end in ranges)
        substantive = [i for i in items if i.standard == Std.NONE and i.part == Part.ONE]
        assert substantive
        if meeting.committee.kind != Committee.Kind.FULL_COUNCIL:
            reports = Report.objects.filter(agenda_item__in=substantive, part=Part.ONE)
            assert reports.count() >= 1
            for report in reports:
                assert report.meeting_id == meeting.pk and report.title == report.agenda_item.title
                assert report.summary and report.body and report.recommendations.exists()
                assert report.contact_officers.exists()
            if meeting.committee.kind != Committee.Kind.AUDIT:
                assert any(i.report_of.startswith("Cabinet Member for ") for i in substantive)
        if meeting.committee.kind in (Committee.Kind.SELECT, Committee.Kind.OVERVIEW_SCRUTINY):
            assert Std.WORK_PROGRAMME in standards and Std.EXCLUSION in standards
        for item in meeting.agenda_items.filter(part=Part.TWO):
            assert item.exempt_paragraphs.exists() and CANARY not in item.title
        # The work programme's items for this meeting are on its agenda.
        planned = WorkProgrammeItem.objects.filter(planned_meeting=meeting)
        for wp in planned:
            assert wp.status == WorkProgrammeItem.Status.ON_AGENDA
            assert wp.agenda_item is not None and wp.agenda_item.meeting_id == meeting.pk
            assert wp.agenda_item.title == wp.topic


def test_scheduled_meetings_have_their_standard_items_only(upcoming_demo):
    scheduled = list(upcoming_demo.filter(status=Meeting.Status.SCHEDULED))
    assert len(scheduled) >= 5
    for meeting in scheduled:
        assert meeting.agenda_published_on is None
        assert_nothing_recorded_yet(meeting)
        assert not meeting.reports.exists()
        items = list(meeting.agenda_items.order_by("order"))
        assert [i.number for i in items] == [str(n) for n in range(1, len(items) + 1)]
        assert [i.standard for i in items[:2]] == [Std.APOLOGIES, Std.DECLARATIONS]
        assert all(i.standard != Std.NONE for i in items)
        assert all(i.start_page is None and i.end_page is None for i in items)
        assert_minutes_item_names_the_previous_meeting(meeting)
        if meeting.committee.kind in (Committee.Kind.SELECT, Committee.Kind.OVERVIEW_SCRUTINY):
            assert Std.WORK_PROGRAMME in {i.standard for i in items}
        assert not meeting.published_documents.exists() and not meeting.source_documents.exists()
        for wp in WorkProgrammeItem.objects.filter(planned_meeting=meeting):
            assert wp.status == WorkProgrammeItem.Status.PLANNED and wp.agenda_item is None


def test_every_upcoming_meeting_has_an_agenda_at_any_reference_date():
    for today in (dt.date(2026, 3, 2), dt.date(2026, 7, 1), dt.date(2027, 4, 30)):
        build_demo_council(seed=7, years=1, scale=0.5, today=today)
        upcoming = Meeting.objects.filter(date__gte=today).exclude(status=Meeting.Status.CANCELLED)
        assert upcoming.exists()
        assert not upcoming.filter(agenda_items__isnull=True).exists()
        assert not Minutes.objects.filter(meeting__in=upcoming).exists()
        delete_demo_council()


def test_the_next_published_agenda_gets_a_real_pack():
    from minutebook.demo.papers import publish_demo_papers
    from minutebook.documents.models import PublishedDocument

    build_demo_council(seed=2019, years=1, today=UPCOMING_TODAY)
    assert publish_demo_papers(UPCOMING_TODAY, per_kind=1) > 0
    with_packs = Meeting.objects.filter(
        date__gte=UPCOMING_TODAY,
        published_documents__kind=PublishedDocument.Kind.AGENDA_PACK,
    ).distinct()
    assert with_packs.count() == 1  # one committee's papers: its latest and its next meeting
    upcoming = with_packs.get()
    assert upcoming.status == Meeting.Status.AGENDA_PUBLISHED
    assert upcoming == Meeting.objects.filter(
        committee=upcoming.committee, date__gte=UPCOMING_TODAY
    ).earliest("date")
    packs = upcoming.published_documents.filter(kind=PublishedDocument.Kind.AGENDA_PACK)
    assert {d.audience for d in packs} == {"public", "members"}
    assert not Minutes.objects.filter(meeting=upcoming).exists()
    assert not upcoming.attendances.exists()
