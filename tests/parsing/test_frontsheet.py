"""Front sheet rules, one test per rule, on small hand-written snippets."""

from __future__ import annotations

import pytest

from minutebook.parsing.frontsheet import read_front_sheet

HEADER = """
Safe and Strong Communities Select Committee

Monday, 4 March 2019

10.00 am

Oak Room, County Buildings, Stafford

NB. Members are requested to ensure that their Laptops/Tablets are fully charged

John Tradewell
Director of Corporate Services
22 February 2019

A G E N D A
"""


def parse(body: str, header: str = HEADER, warnings: list[str] | None = None):
    return read_front_sheet((header + body).split("\n"), [] if warnings is None else warnings)


def test_header_committee_date_time_venue_published() -> None:
    meeting = parse("1. **Apologies**\n2. **Declarations of Interest**\n")
    assert meeting is not None
    assert meeting.committee == "Safe and Strong Communities Select Committee"
    assert (meeting.date, meeting.time) == ("2019-03-04", "10:00")
    assert meeting.venue == "Oak Room, County Buildings, Stafford"
    assert meeting.published == "2019-02-22"


def test_markdown_bold_items_with_page_ranges_and_report_of() -> None:
    meeting = parse(
        "1. **Apologies**\n"
        "2. **Prevent** (Pages 23 - 26)\n"
        "Report of the Cabinet Member for Communities\n"
        "3. **Work Programme** (Pages 27 - 30)\n"
    )
    items = meeting.agenda
    assert [i.number for i in items] == ["1", "2", "3"]
    assert items[1].title == "Prevent" and items[1].pages == (23, 26)
    assert items[1].report_of == "Cabinet Member for Communities"
    assert items[2].report_of is None and items[0].pages is None


def test_markdown_heading_items() -> None:
    meeting = parse("### 1. Apologies\n### 2. Minutes (Pages 1 - 6)\n")
    assert [(i.number, i.title, i.pages) for i in meeting.agenda] == [
        ("1", "Apologies", None),
        ("2", "Minutes", (1, 6)),
    ]


def test_presentation_line_is_report_of() -> None:
    meeting = parse(
        "1. Apologies\n2. **Safeguarding Board**\n\n"
        "Presentation of the Cabinet Member for Children & Young People\n"
    )
    assert meeting.agenda[1].report_of == "Cabinet Member for Children & Young People"


def test_lettered_subitem_keeps_its_presenter_away_from_the_next_item() -> None:
    meeting = parse(
        "1. Apologies\n"
        "2. **Children's Centre Visits** (Pages 67 - 86)\n"
        "Report of the Scrutiny & Support Manager\n"
        " - a) 0-19 Health Visiting Contract\n\n"
        "Presentation by Kate Cox, Lead Manager,\n"
        "Midlands Partnership NHS Foundation Trust\n"
        "3. **Work Programme** (Pages 87 - 98)\n"
    )
    item, work = meeting.agenda[1], meeting.agenda[2]
    assert item.report_of == "Scrutiny & Support Manager"
    assert [(s.number, s.title) for s in item.subitems] == [("a", "0-19 Health Visiting Contract")]
    assert work.report_of is None and work.title == "Work Programme"


def test_wrapped_title_and_page_range_split_over_lines() -> None:
    meeting = parse(
        "1. Apologies\n\n"
        "2. Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme\n"
        "and Treasury Management Strategy (Pages\n"
        "85 - 276)\n\n"
        "3. Corporate Parenting Panel minutes\n"
        "(Pages 277 - 300)\n"
    )
    budget, panel = meeting.agenda[1], meeting.agenda[2]
    assert budget.title == (
        "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme "
        "and Treasury Management Strategy"
    )
    assert budget.pages == (85, 276)
    assert panel.pages == (277, 300) and panel.title == "Corporate Parenting Panel minutes"


def test_a_longer_line_under_a_title_is_not_its_continuation() -> None:
    """Its first word would have fitted on the title's line, so the title did not wrap."""
    meeting = parse(
        "1. Apologies\n"
        "2. Exclusion of the Public\n"
        "The Chairman to move: That the public be excluded from the meeting for the following\n"
        "items of business which involve the likely disclosure of exempt information\n"
    )
    assert meeting.agenda[1].title == "Exclusion of the Public"


def test_venue_found_when_the_converter_kept_no_blank_lines() -> None:
    header = "\n".join(x for x in HEADER.split("\n") if x.strip()) + "\n"
    meeting = parse("1. Apologies\n2. Declarations of Interest\n", header=header)
    assert meeting.venue == "Oak Room, County Buildings, Stafford"
    assert (meeting.date, meeting.published) == ("2019-03-04", "2019-02-22")


def test_page_range_wrapped_after_its_dash_or_printed_without_one() -> None:
    meeting = parse(
        "1. Apologies\n"
        "2. Children and Young People who go Missing from Home and Care in Staffordshire (Pages 7 -\n"
        "18)\n\n"
        "Report of the Cabinet Member for Children & Young People\n"
        "3. Children and Families Improvement Plan (Pages 19 44)\n"
    )
    missing, plan = meeting.agenda[1], meeting.agenda[2]
    assert (missing.pages, missing.report_of) == (
        (7, 18),
        "Cabinet Member for Children & Young People",
    )
    assert missing.title.endswith("Care in Staffordshire")
    assert (plan.title, plan.pages) == ("Children and Families Improvement Plan", (19, 44))


def test_item_number_lost_in_conversion_recovered_from_sequence_and_pages() -> None:
    warnings: list[str] = []
    meeting = parse(
        "1. **Apologies**\n"
        "2. **Domestic Homicide Reviews** (Pages 9 - 22)\n\n"
        "**Prevent** (Pages 23 - 26)\n\n"
        "4. **Work Programme** (Pages 27 - 30)\n",
        warnings=warnings,
    )
    assert [(i.number, i.title) for i in meeting.agenda] == [
        ("1", "Apologies"),
        ("2", "Domestic Homicide Reviews"),
        ("3", "Prevent"),
        ("4", "Work Programme"),
    ]
    assert any("item number missing" in w for w in warnings)


def test_page_footer_mid_agenda_is_ignored() -> None:
    meeting = parse("1. Apologies\nPage 2\n2. Minutes (Pages 1 - 4)\n")
    assert [i.title for i in meeting.agenda] == ["Apologies", "Minutes"]


def test_right_aligned_start_pages_give_ranges() -> None:
    meeting = parse(
        "1.       Apologies for absence\n"
        "2.       Minutes of the meeting held on 24 September 2009 and notes of          3\n"
        "         the joint session\n"
        "3.       Annual complaints report                                                9\n"
        "4.       Work programme                                                        169\n"
    )
    items = meeting.agenda
    assert (
        items[1].title
        == "Minutes of the meeting held on 24 September 2009 and notes of the joint session"
    )
    assert [i.pages for i in items] == [None, (3, 8), (9, 168), None]


def test_part_two_items_are_exempt() -> None:
    meeting = parse(
        "1. Apologies\n2. Exclusion of the Public\n\nPart Two\n\n"
        "(All reports in this section are exempt)\n\n3. Property Disposal (Pages 5 - 9)\n"
    )
    assert [i.part for i in meeting.agenda] == [1, 1, 2]
    assert meeting.exempt_items == ["Property Disposal"]


@pytest.mark.parametrize(
    "note",
    [
        "Exempt paragraph 3",
        "(Exempt paragraphs 1 and 2)",
        "Paragraph 3",
        "Not for publication by virtue of paragraph 1 of Part 1 of Schedule 12A",
        "Exemption under paragraph 4",
    ],
)
def test_exemption_note_under_a_part_two_item_is_not_an_item(note: str) -> None:
    for first in ("3. Property Disposal (Pages 5 - 9)", "Property Disposal (Pages 5 - 9)"):
        meeting = parse(
            "1. Apologies\n2. Exclusion of the Public\n\nPart Two\n\n"
            f"{first}\n\n{note}\n\nStaffing Matters\n\n{note}\n"
        )
        assert meeting.exempt_items == ["Property Disposal", "Staffing Matters"]


def test_part_two_nil() -> None:
    meeting = parse("1. Apologies\n2. Exclusion of the Public\n\nPart Two\n\nnil\n")
    assert meeting.exempt_items == []
    assert all(i.part == 1 for i in meeting.agenda)


def test_two_column_membership_is_read_column_by_column() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes\n\nCommittee Membership\n\n"
        "Ann Beech\tJason Jones\n"
        "John Francis (Chairman)\tPaul Snape\n"
        "Kath Perry, MBE (Vice-Chairman (Overview))\tConor Wileman (Vice-Chair)\n\n"
        "Note for Members of the Press and Public\n"
    )
    assert [(m.name, m.role) for m in meeting.membership] == [
        ("Ann Beech", None),
        ("John Francis", "Chairman"),
        ("Kath Perry", "Vice-Chairman (Overview)"),
        ("Jason Jones", None),
        ("Paul Snape", None),
        ("Conor Wileman", "Vice-Chair"),
    ]


def test_chair_and_chairman_roles_kept_as_printed() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes\n\nMembership\nAnn Beech (Chair)\nBob Smith (Chairman)\n"
    )
    assert [m.role for m in meeting.membership] == ["Chair", "Chairman"]


def test_labelled_header_and_membership_before_agenda() -> None:
    header = (
        "Merton Council\nAudit Committee\nMembership:\n\nCouncillors:\n\nAngela Caldara\n"
        "Rod Scott\nOther Members:\nDave Roberts (Independent Chair)\n\n"
        "A meeting of the Audit Committee will be held:\nDate: 22 October 2009\nTime: 19:15\n"
        "Venue: Cabinet Meeting Room, 1st Floor\n\n\nMerton Civic Centre, Morden SM4 5DX\n\n"
    )
    meeting = parse("1. Declarations of interest\n2. Apologies for absence\n", header=header)
    assert meeting.committee == "Audit Committee"
    assert (meeting.date, meeting.time) == ("2009-10-22", "19:15")
    assert meeting.venue == "Cabinet Meeting Room, 1st Floor, Merton Civic Centre, Morden SM4 5DX"
    assert [(m.name, m.role) for m in meeting.membership] == [
        ("Angela Caldara", None),
        ("Rod Scott", None),
        ("Dave Roberts", "Independent Chair"),
    ]


def test_meeting_sentence_gives_committee_venue_and_all_caps_title_case() -> None:
    header = (
        "AGENDA\n\nCABINET\n\nThursday, 30th January, 2025, at 10.00 am Ask for:\tG Little\n"
        "Council Chamber, Sessions House,\nCounty Hall, Maidstone\nTelephone: 03000 414043\n\n"
    )
    meeting = parse("1. Apologies\n2. Declarations of Interest\n", header=header)
    assert meeting.committee == "Cabinet"
    assert (meeting.date, meeting.time) == ("2025-01-30", "10:00")
    assert meeting.venue == "Council Chamber, Sessions House, County Hall, Maidstone"


def test_minutes_only_document_has_no_front_sheet() -> None:
    text = (
        "Minutes of the Audit Committee held on 4 March 2019\n\nPresent: John Francis (Chairman)\n\n"
        "1. Apologies\n\nNone.\n\n2. Declarations of Interest\n"
    )
    lines = text.split("\n")
    assert read_front_sheet(lines, []) is None


def test_minutes_after_front_sheet_do_not_leak_into_it() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes (Pages 1 - 4)\n\n"
        "Minutes of the meeting held on 22 January 2019\n\nPresent: John Francis (Chairman)\n\n"
        "3. Declarations of Interest\n"
    )
    assert len(meeting.agenda) == 2


def test_item_number_on_its_own_line_joins_the_title() -> None:
    meeting = parse("1.\n\nApologies\n\n2.\n\nMinutes of the Meeting (Pages 1 - 10)\n")
    assert [(i.number, i.title, i.pages) for i in meeting.agenda] == [
        ("1", "Apologies", None),
        ("2", "Minutes of the Meeting", (1, 10)),
    ]


def test_membership_heading_variants_and_role_labels() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes\n\nMembership - County Councillors 2019-20\n\n"
        "Chair: Cllr Ann Beech\nVice-Chair (Scrutiny): Bob Smith\nCarol Jones\n\n"
        "Filming of Meetings is permitted.\n"
    )
    assert [(m.name, m.role) for m in meeting.membership] == [
        ("Ann Beech", "Chair"),
        ("Bob Smith", "Vice-Chair (Scrutiny)"),
        ("Carol Jones", None),
    ]


def test_membership_on_one_comma_separated_line() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes\n\n"
        "Membership: Ann Beech, Kath Perry, MBE, John Francis (Chair) and Paul Snape\n\n"
        "Filming of Meetings is permitted.\n"
    )
    assert [(m.name, m.role) for m in meeting.membership] == [
        ("Ann Beech", None),
        ("Kath Perry", None),
        ("John Francis", "Chair"),
        ("Paul Snape", None),
    ]


def test_membership_list_running_over_lines_under_a_heading() -> None:
    meeting = parse(
        "1. Apologies\n2. Minutes\n\nCommittee Membership\n\n"
        "Councillors Ann Beech, Mike Davies (Vice-Chair),\n"
        "John Francis (Chairman) and Paul Snape\n\nNote for Members of the Press\n"
    )
    assert [(m.name, m.role) for m in meeting.membership] == [
        ("Ann Beech", None),
        ("Mike Davies", "Vice-Chair"),
        ("John Francis", "Chairman"),
        ("Paul Snape", None),
    ]


def test_unnumbered_part_two_titles_without_pages() -> None:
    meeting = parse(
        "1. Apologies\n2. Exclusion of the Public\n\nPart Two\n\n"
        "(All reports in this section are exempt)\n\n"
        "Exempt Minutes of the meeting held on 11 December 2018\n\n"
        "Property Disposal at Stafford\n\nCommittee Membership\n\nAnn Beech\tJason Jones\n"
    )
    assert meeting.exempt_items == [
        "Exempt Minutes of the meeting held on 11 December 2018",
        "Property Disposal at Stafford",
    ]
    assert [(i.number, i.part) for i in meeting.agenda] == [
        ("1", 1),
        ("2", 1),
        (None, 2),
        (None, 2),
    ]
    assert [m.name for m in meeting.membership] == ["Ann Beech", "Jason Jones"]


def test_no_exempt_titles_after_a_nil_notice_or_from_a_date() -> None:
    meeting = parse(
        "1. Apologies\n2. Declarations of Interest\n\nEXEMPT ITEMS\n\n"
        "(At the time of preparing the agenda there were no exempt items)\n\n"
        "Wednesday, 22 January 2025\n\nBudget Monitoring Report\n"
    )
    assert meeting.exempt_items == []
    assert [i.part for i in meeting.agenda] == [1, 1]


FOOTNOTE = (
    "1\n"
    "  Members are advised to make declarations of personal or prejudicial interests they may\n"
    "have in relation to any item on this agenda.\n"
)


def test_footnote_mark_after_a_title_is_not_part_of_it() -> None:
    for title in ["Declarations of interest 1", "Declarations of interest1"]:
        meeting = parse(
            f"1.       {title}\n\n2.       Apologies for absence\n\n"
            "3.       Phase 1 of the review                                  9\n\n" + FOOTNOTE
        )
        assert [i.title for i in meeting.agenda] == [
            "Declarations of interest",
            "Apologies for absence",
            "Phase 1 of the review",
        ]


def test_number_ending_a_title_stays_without_a_footnote_below() -> None:
    body = "1. Declarations of interest\n2. Review of Phase 1\n3. Budget 2025\n\n"
    for after in ["", "1\n\n", "\f1\nMembers are advised to make declarations of interest.\n"]:
        meeting = parse(body + after)
        assert [i.title for i in meeting.agenda][1:] == ["Review of Phase 1", "Budget 2025"]


def test_document_title_over_the_body_name_is_not_the_committee() -> None:
    for title in ["NOTICE OF MEETING", "SUMMONS", "AGENDA PACK", "Public Document Pack"]:
        header = (
            f"{title}\n\nPLANNING COMMITTEE\n\nDate: Wednesday, 5 June 2024\nTime: 6.30 pm\n"
            "Venue: Council Chamber, Town Hall\n\nAGENDA\n"
        )
        meeting = parse("1. Apologies for absence\n2. Declarations of interest\n", header=header)
        assert meeting.committee == "Planning Committee"
        assert (meeting.date, meeting.time) == ("2024-06-05", "18:30")


@pytest.mark.parametrize(
    "venue", ["Virtual Meeting via Microsoft Teams", "Held remotely", "Remote meeting"]
)
def test_a_meeting_held_remotely_has_that_as_its_venue(venue: str) -> None:
    meeting = parse(
        "1. Apologies\n2. Declarations of Interest\n",
        header=HEADER.replace("Oak Room, County Buildings, Stafford", venue),
    )
    assert meeting.venue == venue
