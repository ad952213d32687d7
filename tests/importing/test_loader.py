"""The loader's merging rules on small hand-written documents, with real rows."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.committees.models import Committee, Membership
from minutebook.importing.loader import export_loaded, load_document
from minutebook.importing.matching import committee_key, guess_committee_kind, match_committee
from minutebook.importing.programmes import year_from_title
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import MinuteItem
from minutebook.people.models import Person
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem

from .conftest import expected
from .documents import COMMITTEE, minutes_doc, pack_doc, row


@pytest.mark.parametrize(
    "printed",
    [
        "Safe & Strong Communities Select Committee",
        "SAFE AND STRONG COMMUNITIES SELECT COMMITTEE",
        "The Safe and Strong Communities Select Cttee.",
        "Safe and Strong Communities Select",
        "Safe and Strong Communities Select-Committee",
    ],
)
def test_printings_of_one_committee_name_are_one_committee(staffordshire, printed):
    load_document(minutes_doc("2019-01-22"), staffordshire)
    load_document(minutes_doc("2019-03-04", committee=printed), staffordshire)
    committee = Committee.objects.get()
    assert committee.name == COMMITTEE and committee.kind == Committee.Kind.SELECT
    assert committee.meetings.count() == 2


def test_a_joint_committee_is_not_its_parent(staffordshire):
    load_document(minutes_doc(), staffordshire)
    joint = "Joint Safe & Strong Communities and Prosperous Staffordshire Select Committees"
    load_document(minutes_doc(committee=joint), staffordshire)
    assert Committee.objects.count() == 2
    assert committee_key(joint) != committee_key(COMMITTEE)


def test_a_new_committee_whose_slug_is_taken_gets_the_next_free_one(staffordshire):
    Committee.objects.create(council=staffordshire, name="Audit (old)", slug="audit")
    committee, created = match_committee(staffordshire, "Audit")
    assert created and committee.slug == "audit-2"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Safeguarding Overview & Scrutiny Committee", Committee.Kind.OVERVIEW_SCRUTINY),
        ("Cabinet", Committee.Kind.CABINET),
        ("County Council", Committee.Kind.FULL_COUNCIL),
        ("Audit and Standards Committee", Committee.Kind.AUDIT),
        ("Planning Committee", Committee.Kind.REGULATORY),
        ("Elective Home Education Working Group", Committee.Kind.WORKING_GROUP),
        ("Health and Wellbeing Board", Committee.Kind.PANEL),
        ("Pensions Committee", Committee.Kind.OTHER),
    ],
)
def test_a_new_committees_kind_is_guessed_from_its_name(name, kind):
    assert guess_committee_kind(name) == kind


def test_a_failure_half_way_leaves_nothing(staffordshire):
    doc = minutes_doc(present=["John Francis", "Ann Beech"])
    doc["minutes"][0]["items"].append("not an object")  # after the meeting and people exist
    with pytest.raises(ValueError, match="not an object"):
        load_document(doc, staffordshire)
    assert (Meeting.objects.count(), Person.objects.count(), Committee.objects.count()) == (0, 0, 0)
    assert MinuteItem.objects.count() == 0


def test_membership_is_seated_for_the_municipal_year_with_roles(staffordshire):
    members = [
        {"name": "Ann Beech", "role": None},
        {"name": "John Francis", "role": "Chairman"},
        {"name": "Conor Wileman", "role": "Vice-Chairman (Scrutiny)"},
    ]
    load_document(pack_doc("2019-03-04", membership=members), staffordshire)
    load_document(pack_doc("2019-05-28", membership=members[:2]), staffordshire)
    seats = Membership.objects.filter(municipal_year=2018).order_by("order")
    assert [(s.person.name, s.role, s.role_title) for s in seats] == [
        ("Ann Beech", "member", ""),
        ("John Francis", "chair", "Chairman"),
        ("Conor Wileman", "vice_chair", "Vice-Chairman (Scrutiny)"),
    ]
    assert Membership.objects.filter(municipal_year=2019).count() == 2


def test_a_second_chair_in_one_year_is_kept_as_printed_but_not_as_chair(staffordshire):
    load_document(
        pack_doc("2019-01-22", membership=[{"name": "John Francis", "role": "Chairman"}]),
        staffordshire,
    )
    result = load_document(
        pack_doc("2019-03-04", membership=[{"name": "Ann Beech", "role": "Chair"}]), staffordshire
    )
    ann = Membership.objects.get(person__name="Ann Beech")
    assert (ann.role, ann.role_title) == ("member", "Chair")
    assert any("already has a chair" in w for w in result.warnings)


def test_minute_items_keep_numbers_parts_paragraphs_and_resolution_order(staffordshire):
    items = [
        {
            "number": 51,
            "title": "Exclusion of the Public",
            "part": 1,
            "resolutions": ["That the public be excluded."],
        },
        {
            "number": 52,
            "title": "Exempt Minutes",
            "part": 2,
            "exempt_paragraphs": [5, 4],
            "resolutions": ["first", "second", "third"],
        },
        {"number": "107/20", "title": "Openness", "part": 1, "resolutions": []},
    ]
    load_document(minutes_doc(items=items), staffordshire)
    exempt = MinuteItem.objects.get(number_label="52")
    assert exempt.number == 52 and exempt.part == 2
    assert sorted(exempt.exempt_paragraphs.values_list("number", flat=True)) == [4, 5]
    assert list(exempt.resolutions.values_list("text", flat=True)) == ["first", "second", "third"]
    odd = MinuteItem.objects.get(number_label="107/20")
    assert odd.number is None


def test_a_reprint_with_fewer_resolutions_replaces_them(staffordshire):
    item = {"number": 5, "title": "Prevent", "part": 1, "resolutions": ["a", "b"]}
    load_document(minutes_doc(items=[item]), staffordshire)
    item["resolutions"] = ["a"]
    load_document(minutes_doc(items=[item]), staffordshire)
    assert list(MinuteItem.objects.get().resolutions.values_list("text", flat=True)) == ["a"]


def test_minute_numbers_restarting_each_meeting_switch_the_committees_numbering(staffordshire):
    first = [{"number": 1, "title": "Apologies", "part": 1, "resolutions": []}]
    load_document(minutes_doc("2019-01-22", items=first), staffordshire)  # minute 1 ...
    result = load_document(minutes_doc("2019-03-04", items=first), staffordshire)  # ... again
    assert MinuteItem.objects.filter(number_label="1").count() == 2
    committee = Committee.objects.get()
    assert committee.minute_numbering == Committee.MinuteNumbering.MEETING
    assert any("restart" in w for w in result.warnings)


def test_minutes_need_a_committee_and_a_date(staffordshire):
    result = load_document(minutes_doc(date=None), staffordshire)
    assert Meeting.objects.count() == 0
    assert any("without a committee or a date" in w for w in result.warnings)


def test_an_empty_document_loads_nothing_and_says_so(staffordshire):
    empty = {
        "source": "x.txt",
        "kind": "minutes",
        "meeting": None,
        "minutes": [],
        "reports": [],
        "work_programme": None,
    }
    result = load_document(empty, staffordshire)
    assert result.warnings and not result.created
    assert export_loaded(result) == empty


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Work Programme 2018-19", 2018),
        ("Work Programme 2019/20", 2019),
        ("Work Programme 2019\u20132020", 2019),
        ("Work Programme", None),
        ("2018 - 2021", None),
    ],
)
def test_programme_year_from_title(title, year):
    assert year_from_title(title) == year


def test_a_programme_reprinted_with_edits_updates_rows_instead_of_adding(staffordshire):
    old = {
        "title": "Work Programme 2018-19",
        "rows": [
            row(
                "4 March 2019 10.00am",
                "Prevent Strategy",
                "2019-03-04",
                cabinet_members=["Gill Heath"],
            ),
            row(
                "Tbc? 12 months after start of contract",
                "Domestic Abuse",
                officers=["Mick Harrison"],
            ),
            row("tbc", "Missing Children/MISPERS"),
            row("8 November 2018 10.00am", "Missing Children/MISPERS", "2018-11-08"),
        ],
    }
    load_document(pack_doc("2019-03-04", programme=old), staffordshire)
    new = {
        "title": "Work Programme 2018/19",
        "rows": [
            row("8 November 2018 10.00am", "Missing Children / MISPERS", "2018-11-08"),
            row(
                "4 March 2019 10.00am",
                "Prevent strategy",
                "2019-03-04",
                cabinet_members=["Gill Heath"],
            ),
            row(
                "Post March 2019 12 months after start of contract",
                "Domestic Abuse",
                officers=["Mick Harrison", "Liz Mellor"],
            ),
            row("tbc", "Missing Children/MISPERS"),
            row("tbc", "Loneliness"),
        ],
    }
    ids_before = set(WorkProgrammeItem.objects.values_list("pk", flat=True))
    result = load_document(pack_doc("2019-05-20", programme=new), staffordshire)

    programme = WorkProgramme.objects.get()
    assert (programme.municipal_year, programme.title) == (2018, "Work Programme 2018/19")
    rows = list(programme.items.order_by("order"))
    assert [r.topic for r in rows] == [
        "Missing Children / MISPERS",
        "Prevent strategy",
        "Domestic Abuse",
        "Missing Children/MISPERS",
        "Loneliness",
    ]
    assert ids_before < {r.pk for r in rows}  # the four old rows were kept and updated
    assert result.created["work_programme_item"] == 1
    assert rows[2].date_text.startswith("Post March 2019")
    assert [lead.person.name for lead in rows[2].leads.order_by("order")] == [
        "Mick Harrison",
        "Liz Mellor",
    ]
    assert rows[1].planned_meeting == Meeting.objects.get(date=dt.date(2019, 3, 4))


def test_a_programme_without_a_year_in_its_title_takes_the_year_of_its_dates(staffordshire):
    programme = {
        "title": None,
        "rows": [row("9 July 2019", "Loneliness", "2019-07-09"), row("tbc", "Aspiration")],
    }
    load_document(pack_doc("2019-05-28", programme=programme), staffordshire)
    assert WorkProgramme.objects.get().municipal_year == 2019


def test_reports_link_to_the_agenda_item_and_cabinet_member(staffordshire):
    data = expected("000.json")
    load_document(data, staffordshire)
    meeting = Meeting.objects.get(date=dt.date(2019, 3, 4))
    dhr = meeting.reports.get(title="Domestic Homicide Reviews and Emerging Themes")
    assert dhr.agenda_item.number == "4"
    assert dhr.cabinet_member.name == "Gill Heath"
    assert dhr.contact_officers.get().person.job_title == "Principal Community Safety Officer"
    early_years = meeting.reports.get(title__startswith="Early Years")
    assert early_years.agenda_item is None  # no agenda item prints that title
    minutes_item = meeting.agenda_items.get(number="3")
    assert minutes_item.minutes_of == Meeting.objects.get(date=dt.date(2019, 1, 22))


@pytest.mark.parametrize("order", [("000.json", "003.json"), ("003.json", "000.json")])
def test_minutes_are_confirmed_by_the_next_meeting_whichever_loads_first(staffordshire, order):
    for name in order:
        load_document(expected(name), staffordshire)
    january = Meeting.objects.get(date=dt.date(2019, 1, 22))
    march = Meeting.objects.get(date=dt.date(2019, 3, 4))
    assert january.minutes.status == "confirmed" and january.minutes.confirmed_at == march
    assert january.status == Meeting.Status.MINUTES_CONFIRMED
    assert march.minutes.status == "draft"  # nothing loaded confirms 4 March yet
