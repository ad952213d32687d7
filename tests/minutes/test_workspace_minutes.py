"""Writing and confirming minutes through the workspace services."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.committees.models import Committee, Membership
from minutebook.meetings import services as meetings
from minutebook.meetings.models import AgendaItem, Meeting, Part
from minutebook.meetings.services import WorkspaceError
from minutebook.minutes import services
from minutebook.minutes.models import Minutes

Standard = AgendaItem.Standard


def numbers_and_titles(minutes: Minutes) -> list[tuple[str, str]]:
    return [(i.number_label, i.title) for i in minutes.items.order_by("order")]


@pytest.mark.parametrize(
    ("typed", "clauses"),
    [
        ("That the presentation be noted.", [("", "That the presentation be noted.")]),
        (
            "RESOLVED \u2013 That the presentation be noted.",
            [("", "That the presentation be noted.")],
        ),
        (
            "RESOLVED: That:\n- a) the learning be supported; and\n- b) clarification be forwarded.",
            [("a", "the learning be supported; and"), ("b", "clarification be forwarded.")],
        ),
        (
            "the actions be noted;\n\n(b) the reasons be understood;\nc. a note be sent.",
            [
                ("a", "the actions be noted;"),
                ("b", "the reasons be understood;"),
                ("c", "a note be sent."),
            ],
        ),
        ("   \n ", []),
    ],
)
def test_resolutions_are_lettered_from_what_the_clerk_types(typed, clauses):
    assert services.parse_resolutions(typed) == clauses


def test_a_single_clause_starting_with_a_letter_word_is_not_mangled():
    assert services.parse_resolutions("a report be brought back") == [
        ("", "a report be brought back")
    ]


def test_drafting_from_the_agenda(march, make_person):
    ann = make_person("Ann Beech", honorific_prefix="Cllr")
    prevent = march.agenda_items.get(title="Prevent")
    meetings.add_declaration(march, ann, "She is a school governor", agenda_item=prevent)
    minutes = services.start_minutes(march)
    # Apologies are in the attendance; no Part Two, so no exclusion minute.
    assert numbers_and_titles(minutes) == [
        ("1", "Declarations of Interest"),
        ("2", "Minutes of the meeting held on 22 January 2019"),
        ("3", "Domestic Homicide Reviews"),
        ("4", "Prevent"),
        ("5", "Work Programme"),
    ]
    declarations = minutes.items.get(number=1)
    assert "Cllr Ann Beech declared an interest in item 5 (Prevent)" in declarations.narrative
    assert minutes.items.get(number=4).agenda_item == prevent
    march.refresh_from_db()
    assert march.status == Meeting.Status.MINUTES_DRAFTED
    with pytest.raises(WorkspaceError):
        services.start_minutes(march)


def test_part_two_minutes_are_kept_apart_with_the_exclusion_resolved(march):
    meetings.add_item(march, "Staffing matter", part=Part.TWO, paragraphs=[1, 4])
    minutes = services.start_minutes(march, include_apologies=True)
    part_one, part_two = services.minutes_parts(minutes)
    assert [i.title for i in part_two] == ["Staffing matter"]
    assert [p.number for p in part_two[0].exempt_paragraphs.all()] == [1, 4]
    assert part_one[0].title == "Apologies"
    exclusion = part_one[-1]
    assert exclusion.title == "Exclusion of the Public"
    assert "(paragraphs 1, 4)" in exclusion.resolutions.get().text
    # Numbers run on through Part Two.
    assert part_two[0].number == exclusion.number + 1


def test_numbers_continue_through_the_year_and_restart_after_may(committee, january, march):
    jan = services.start_minutes(january)
    assert [n for n, _ in numbers_and_titles(jan)][-1] == "3"  # Decl, (no previous), WP
    mar = services.start_minutes(march)
    assert [n for n, _ in numbers_and_titles(mar)] == ["4", "5", "6", "7", "8"]
    june = meetings.create_meeting(committee, dt.date(2019, 6, 10))  # 2019-20 from 23 May 2019
    assert june.municipal_year == 2019
    assert [n for n, _ in numbers_and_titles(services.start_minutes(june))] == ["1", "2", "3"]
    # A meeting on 22 May 2019 is still in 2018-19 (the year turns at the annual meeting).
    late_may = meetings.create_meeting(committee, dt.date(2019, 5, 22), is_special=True)
    minutes = Minutes.objects.create(meeting=late_may)
    assert services.add_item(minutes, "Urgent item").number_label == "9"


def test_a_committee_numbering_per_meeting_restarts(committee, january, march):
    committee.minute_numbering = Committee.MinuteNumbering.MEETING
    committee.save()
    services.start_minutes(january)
    assert numbers_and_titles(services.start_minutes(march))[0] == (
        "1",
        "Declarations of Interest",
    )


def test_adding_to_earlier_minutes_warns_that_numbers_run_on(january, march):
    jan = services.start_minutes(january)
    services.start_minutes(march)
    assert "4 March 2019" in services.numbering_warning(jan)
    assert services.add_item(jan, "Forgotten item").number_label == "9"


def test_removing_a_minute_closes_the_gap_only_when_safe(january, march):
    jan = services.start_minutes(january)
    services.remove_item(jan.items.get(number=1))
    assert [n for n, _ in numbers_and_titles(jan)] == ["1", "2"]
    mar = services.start_minutes(march)
    first_march = mar.items.order_by("number").first().number
    services.remove_item(jan.items.get(number=1))
    assert [n for n, _ in numbers_and_titles(jan)] == ["2"]  # a gap, not a clash
    assert mar.items.order_by("number").first().number == first_march


def _chair(committee, make_person, title="Chairman"):
    john = make_person("John Francis")
    Membership.objects.create(
        committee=committee,
        person=john,
        municipal_year=2018,
        role=Membership.Role.CHAIR,
        role_title=title,
    )
    return john


def test_confirming_the_previous_minutes_at_the_next_meeting(
    committee, january, march, make_person
):
    john = _chair(committee, make_person)
    march.chair = john
    march.save()
    services.start_minutes(january)
    mar = services.start_minutes(march)
    item = mar.items.get(agenda_item__standard=Standard.MINUTES)
    confirmed = services.confirm_previous_minutes(item, today=dt.date(2019, 3, 5))
    assert confirmed.meeting == january
    assert (confirmed.status, confirmed.confirmed_at, confirmed.signed_by) == (
        Minutes.Status.CONFIRMED,
        march,
        john,
    )
    january.refresh_from_db()
    assert january.status == Meeting.Status.MINUTES_CONFIRMED
    assert [r.text for r in item.resolutions.all()] == [
        "That the minutes of the meeting held on 22 January 2019 be confirmed and signed "
        "by the Chairman."
    ]
    # Confirmed minutes are locked, and cannot be confirmed twice.
    with pytest.raises(WorkspaceError):
        services.add_item(confirmed, "Late addition")
    with pytest.raises(WorkspaceError):
        services.update_item(confirmed.items.first(), title="Changed")
    with pytest.raises(WorkspaceError):
        services.confirm_previous_minutes(item, today=dt.date(2019, 3, 5))
    # The confirming minute keeps its resolution and cannot be removed.
    with pytest.raises(WorkspaceError):
        services.update_item(item, title=item.title, resolutions="")
    with pytest.raises(WorkspaceError):
        services.remove_item(item)


def test_confirmation_rules(committee, january, march):
    mar = services.start_minutes(march)
    item = mar.items.get(agenda_item__standard=Standard.MINUTES)
    # No minutes of January exist yet.
    with pytest.raises(WorkspaceError, match="no minutes"):
        services.confirm_previous_minutes(item, today=dt.date(2019, 3, 5))
    services.start_minutes(january)
    # Not before the meeting has taken place.
    with pytest.raises(WorkspaceError, match="not taken place"):
        services.confirm_previous_minutes(item, today=dt.date(2019, 3, 1))
    # Only the "Minutes of the previous meeting" minute confirms.
    other = mar.items.get(title="Prevent")
    with pytest.raises(WorkspaceError):
        services.confirm_previous_minutes(other, today=dt.date(2019, 3, 5))
    # Nothing has changed.
    assert Minutes.objects.get(meeting=january).status == Minutes.Status.DRAFT
    # An amended resolution is recorded as the clerk wrote it.
    services.confirm_previous_minutes(
        item,
        resolution="That the minutes be confirmed subject to the correction of minute 2.",
        today=dt.date(2019, 3, 5),
    )
    assert item.resolutions.get().text.endswith("correction of minute 2.")


def test_a_committee_does_not_confirm_another_committees_minutes(council, committee, january):
    other = Committee.objects.create(council=council, name="Audit Committee")
    theirs = meetings.create_meeting(other, dt.date(2019, 3, 4))
    services.start_minutes(january)
    item = theirs.agenda_items.get(standard=Standard.MINUTES)
    item.minutes_of = january
    item.save()
    minutes = services.start_minutes(theirs)
    with pytest.raises(WorkspaceError, match="own minutes"):
        services.confirm_previous_minutes(
            minutes.items.get(agenda_item=item), today=dt.date(2019, 3, 5)
        )


def test_chair_title_follows_the_committee(committee, march, make_person):
    assert services.chair_title(march) == "Chair"
    _chair(committee, make_person, title="Chairman")
    assert services.chair_title(march) == "Chairman"


def test_drafting_minutes_marks_the_work_programme_topics_considered(committee, march):
    from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem

    programme = WorkProgramme.objects.create(committee=committee, municipal_year=2018)
    taken = WorkProgrammeItem.objects.create(programme=programme, topic="Youth Offending")
    waiting = WorkProgrammeItem.objects.create(programme=programme, topic="Libraries")
    meetings.pull_from_work_programme(march, taken)
    services.start_minutes(march)
    taken.refresh_from_db()
    waiting.refresh_from_db()
    assert (taken.status, waiting.status) == (
        WorkProgrammeItem.Status.CONSIDERED,
        WorkProgrammeItem.Status.PLANNED,
    )


def test_the_minute_form_offers_the_councils_own_paragraphs(db, committee):
    import datetime as dt

    from minutebook.meetings import services as meeting_services
    from minutebook.minutes.forms import MinuteItemForm

    meeting = meeting_services.create_meeting(committee, dt.date(2019, 3, 4))
    offered = MinuteItemForm(meeting=meeting).fields["paragraphs"].queryset
    assert [p.number for p in offered] == [1, 2, 3, 4, 5, 6, 7]
    committee.council.country = "wales"
    offered = MinuteItemForm(meeting=meeting).fields["paragraphs"].queryset
    assert [p.number for p in offered] == [12, 13, 14, 15, 16, 17, 18]
