"""Work programme reader: one test per structural rule, on small hand-written tables."""

from __future__ import annotations

from minutebook.parsing.workprogramme import read_work_programmes
from minutebook.parsing.workprogramme_cells import read_item_cell, single_day

HEADER = "Date of meeting\tItem\tDetails\tAction/Outcome"


def programme(*rows: str, heading: str = "Work Programme 2018-19") -> list[str]:
    return [heading, "", HEADER, *rows]


def read(lines: list[str]):
    warnings: list[str] = []
    return read_work_programmes(lines, warnings), warnings


def only_rows(lines: list[str]):
    programmes, _ = read(lines)
    assert len(programmes) == 1
    return programmes[0].rows


def test_title_and_row_with_iso_date_and_people():
    rows = only_rows(
        programme(
            "8 June 2018 10.00 am\tChildren's Centres Cabinet Member: Mark Sutton "
            "Lead Officer: Mick Harrison\tDetails\t"
        )
    )
    assert rows[0].date == "2018-06-08"
    assert rows[0].date_text == "8 June 2018 10.00 am"
    assert rows[0].item == "Children's Centres"
    assert rows[0].cabinet_members == ["Mark Sutton"]
    assert rows[0].officers == ["Mick Harrison"]


def test_officers_split_on_slash_ampersand_and_and():
    cell = read_item_cell(
        "DoLs Cabinet Members: Mark Sutton & Alan White Officer: Ann Lee/ Bob Roe and Cy Dee"
    )
    assert cell.title == "DoLs"
    assert cell.cabinet_members == ["Mark Sutton", "Alan White"]
    assert cell.officers == ["Ann Lee", "Bob Roe", "Cy Dee"]


def test_dash_labels_and_non_officer_roles():
    cell = read_item_cell(
        "Rise in Crime PCC \u2013 Matthew Ellis Chief Constable \u2013 Gareth Morgan"
    )
    assert (cell.title, cell.cabinet_members, cell.officers) == ("Rise in Crime", [], [])
    cell = read_item_cell(
        "Places of safety. Cabinet Member \u2013 Alan White Lead Officer \u2013 Jo Lee"
    )
    assert (cell.title, cell.cabinet_members, cell.officers) == (
        "Places of safety",
        ["Alan White"],
        ["Jo Lee"],
    )


def test_empty_and_bare_labels_give_no_people():
    assert read_item_cell("Care Packages Cabinet Member: Lead officer:").officers == []
    cell = read_item_cell("Alternative Education Cabinet Member: Philip White Lead Officer")
    assert (cell.title, cell.cabinet_members, cell.officers) == (
        "Alternative Education",
        ["Philip White"],
        [],
    )


def test_membership_list_is_not_officers():
    cell = read_item_cell(
        "S3 Capacity Cabinet Member: Gill Heath Officers: Angela Schulp & Adam Rooney "
        "APMG Membership Mike Davies (Chair) David Smith"
    )
    assert cell.officers == ["Angela Schulp", "Adam Rooney"]


def test_long_trailing_annotation_is_not_part_of_the_title():
    cell = read_item_cell(
        "CSE Learning (previously taken to the 10 July meeting) Cabinet Member: A B"
    )
    assert cell.title == "CSE Learning"
    assert read_item_cell("Health Visiting Contracts (0-19 contract)").title.endswith("contract)")


def test_empty_date_cell_inherits_row_above_within_a_table():
    rows = only_rows(
        programme(
            "10 July 2018 10.00 am\tFirst\tx\t",
            "\tSecond\ty\t",
            "",
            "Working Groups 2018-19",
            "",
            HEADER,
            "\tThird\tz\t",
        )
    )
    assert [(r.item, r.date, r.date_text) for r in rows] == [
        ("First", "2018-07-10", "10 July 2018 10.00 am"),
        ("Second", "2018-07-10", "10 July 2018 10.00 am"),
        ("Third", None, None),
    ]


def test_page_marker_in_date_cell_is_stripped():
    rows = only_rows(
        programme("4 March 2019 10.00am Page 92\tDHR Cabinet Member: Mark Sutton\tx\t")
    )
    assert rows[0].date_text == "4 March 2019 10.00am"
    assert rows[0].date == "2019-03-04"


def test_row_split_by_page_break_labelled_name_continues():
    rows = only_rows(
        programme(
            "tbc\tTrading Standards Cabinet Member: Gill Heath Lead Officer: Trish\tdetails\t",
            "",
            "\tCaldwell\t\t",
        )
    )
    assert len(rows) == 1
    assert rows[0].officers == ["Trish Caldwell"]


def test_row_split_with_only_labels_on_the_next_page_is_one_row():
    rows = only_rows(
        programme(
            "22 January 2019 2.00 pm\tAdult Safeguarding Board\tAnnual.\tWelcomed.",
            "",
            "\tCabinet Member: Alan White Independent Chair: John Wood\t\t",
        )
    )
    assert len(rows) == 1
    assert rows[0].cabinet_members == ["Alan White"]
    assert rows[0].officers == []


def test_new_row_after_page_break_with_its_own_item_and_details():
    rows = only_rows(
        programme(
            "4 March 2019 10.00am\tPrevent Cabinet Member: Gill Heath Lead Officer: Mick Harrison\tx\t",
            "",
            "\tAnte Natal Visits Cabinet Member: Mark Sutton Lead Officer: Alex Birch\tRequested.\t",
        )
    )
    assert [r.item for r in rows] == ["Prevent", "Ante Natal Visits"]
    assert rows[1].date == "2019-03-04"


def test_date_cell_split_by_page_break_joins_the_date():
    rows = only_rows(
        programme(
            "1 October 2019\tDomestic Abuse Cabinet Member: Gill\tUpdate.\t",
            "",
            "10.00 am\tHeath Lead Officer: Mick Harrison\t\t",
            "\tComplaints Report Cabinet Member: Alan White\t\t",
        )
    )
    assert len(rows) == 2
    assert rows[0].date_text == "1 October 2019 10.00 am"
    assert rows[0].cabinet_members == ["Gill Heath"]
    assert rows[1].item == "Complaints Report"
    assert rows[1].date == "2019-10-01"


def test_table_without_date_column_gives_null_dates():
    lines = programme("8 June 2018\tA\tx\t", "", "Standing Items 2018-19", "", "Item\tDetails")
    rows = only_rows([*lines, "Serious Case Reviews Cabinet Member: Mark Sutton\tWhere..."])
    assert (rows[-1].item, rows[-1].date, rows[-1].date_text) == (
        "Serious Case Reviews",
        None,
        None,
    )


def test_year_from_calendar_then_from_municipal_year():
    lines = [
        "WORK PROGRAMME",
        "Some Select Committee 2018/19",
        "Calendar of Committee Meetings 2018-2019",
        "23 April 2018 at 11.00 am\tSpecial meeting",
        "",
        HEADER,
        "Extra meeting 23 April NB starts at 11.00 am\tCrime\tx\t",
        "15 January\tHome Care\tx\t",
        "8 November\tMissing Children\tx\t",
    ]
    rows = only_rows(lines)
    assert [r.date for r in rows] == ["2018-04-23", "2019-01-15", "2018-11-08"]


def test_cells_without_a_single_day_have_no_date():
    assert single_day("tbc") is None
    assert single_day("June and July 2018") is None
    assert single_day("Tbc \u2013 possibly May 2019") is None
    assert single_day("12 January 31 January 21 March Reporting to 8 June 2018") is None
    assert single_day("12 - 14 March 2019") is None
    day = single_day("Inquiry Day 30 January 2018 + follow-on meetings on 12 February")
    assert (day.day, day.month, day.year) == (30, 1, 2018)


def test_two_programmes_and_title_from_the_heading_year():
    lines = [
        *programme("8 June 2018\tOld item\tx\t", heading="WORK PROGRAMME"),
        "",
        "WORK PROGRAMME",
        "",
        "Safe Committee 2019/20",
        "",
        HEADER,
        "28 May 2019 10.00 am\tNew item\tx\t",
    ]
    lines[1] = "Safe Committee 2018/19"
    programmes, _ = read(lines)
    assert [p.title for p in programmes] == ["Work Programme 2018/19", "Work Programme 2019/20"]
    assert [[r.item for r in p.rows] for p in programmes] == [["Old item"], ["New item"]]


def test_tables_outside_a_programme_and_calendars_are_not_rows():
    lines = [
        "Work Programme Planning",
        "Referred to\tItem\tDetails",
        "Cabinet\tChildren's Mental Health\tConcerns.",
        "",
        "Work Programme 2018-19",
        "Calendar of Committee Meetings",
        "8 June 2018 at 10.00 am\t",
        "Membership\tJohn Francis",
    ]
    programmes, _ = read(lines)
    assert programmes == []


def test_separator_rows_and_html_are_ignored():
    rows = only_rows(
        programme(
            "22 August 2018\t<p>Direct Payments Cabinet Member: Alan White</p>\tx\t",
            "--\t------\t--\t--",
        )
    )
    assert [(r.item, r.cabinet_members) for r in rows] == [("Direct Payments", ["Alan White"])]


def test_markdown_pipe_table():
    lines = [
        "## Work Programme 2019-20",
        "",
        "| Date | Item | Details |",
        "|------|------|---------|",
        "| 9 July 2019 | **Adult Safeguarding** Cabinet Member: Alan White | x |",
        "|  | Vulnerable Adolescents Lead Officer: Helen Riley | y |",
    ]
    rows = only_rows(lines)
    assert [(r.item, r.date) for r in rows] == [
        ("Adult Safeguarding", "2019-07-09"),
        ("Vulnerable Adolescents", "2019-07-09"),
    ]
    assert rows[1].officers == ["Helen Riley"]


def test_report_titled_work_programme_is_not_a_programme():
    lines = [
        "Work Programme 2019-20",
        "",
        "Recommendation",
        "1. That the Committee agrees its work programme.",
        "Referred to\tItem\tDetails",
        "Cabinet\tChildren's Mental Health\tConcerns.",
    ]
    programmes, _ = read(lines)
    assert programmes == []


def test_day_without_year_follows_the_dated_row_above():
    lines = [
        "Work Programme",
        HEADER,
        "11 December 2018\tCare Homes\tx\t",
        "15 January\tHome Care\tx\t",
    ]
    assert [r.date for r in only_rows(lines)] == ["2018-12-11", "2019-01-15"]
