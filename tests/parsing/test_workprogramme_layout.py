"""Work programme tables printed by position (``pdftotext -layout``) or with spaced cells."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from minutebook.parsing import text
from minutebook.parsing import workprogramme_layout as layout
from minutebook.parsing.workprogramme import (
    Columns,
    RawRow,
    _layout_header,
    _merged_rows,
    read_work_programmes,
)


def rows_of(lines: list[str]):
    warnings: list[str] = []
    programmes = read_work_programmes(lines, warnings)
    assert len(programmes) == 1
    return programmes[0].rows


def layout_rows(lines: list[str], header_line: int = 2):
    """The raw rows read by position under the header at ``header_line``."""
    found = _layout_header(lines, header_line)
    assert found is not None
    header, columns = found
    rows, _ = layout.read_rows(
        lines,
        text.clean_lines(lines),
        header,
        len(lines),
        key=(columns.date, columns.item),
        opens_table=lambda j: False,
        furniture=set(),
    )
    return rows


HEADER = "Date of     Item              Details                 Action/Outcome"


def test_wrapped_cells_are_joined_and_a_row_without_a_date_keeps_the_date_above():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "meeting",
            "8 June      Children's        At the Select           A working group",
            "2018        Centres 3 years   Committee meeting of    will be set up.",
            "10.00 am    on Cabinet        5 March it was agreed",
            "            Member: Mark      that officers attend.",
            "            Sutton Lead",
            "            Officer: Mick",
            "            Harrison",
            "            Inquiry Group     Following a referral    The Committee",
            "            Report on Home    from the Panel.         endorsed it.",
            "            Education",
        ]
    )
    assert [r.item for r in rows] == [
        "Children's Centres 3 years on",
        "Inquiry Group Report on Home Education",
    ]
    assert rows[0].date_text == "8 June 2018 10.00 am"
    assert rows[0].cabinet_members == ["Mark Sutton"]
    assert rows[0].officers == ["Mick Harrison"]
    assert (rows[1].date, rows[1].date_text) == ("2018-06-08", "8 June 2018 10.00 am")


def test_one_space_between_columns_is_split_where_the_lines_around_start_the_cell():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            "Date        Item              Details",
            "8 June      Safeguarding      Following concerns",
            "2018        the Rise in Crime Committee and the",
            "            Cabinet Member:   Chairman requested",
            "            Gill Heath        a report.",
        ]
    )
    assert [r.item for r in rows] == ["Safeguarding the Rise in Crime"]
    assert rows[0].cabinet_members == ["Gill Heath"]


def test_a_page_footer_inside_a_row_does_not_split_it():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            "Date        Item              Details",
            "8 June      Domestic Abuse    Update on the new",
            "2018        Cabinet Member:   contract and how it is",
            "",
            "",
            "                      Page 57",
            "\f                              working in practice.",
            "            Prevent Strategy  To consider the work.",
        ]
    )
    assert [r.item for r in rows] == ["Domestic Abuse", "Prevent Strategy"]
    assert [r.date for r in rows] == ["2018-06-08", "2018-06-08"]


def test_the_header_repeated_on_the_next_page_is_skipped():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "meeting",
            "8 June      Budget            Quarterly report.       Noted.",
            "2018",
            "                      Page 57",
            "\f" + HEADER,
            "meeting",
            "tbc         Housing           Requested by members.",
        ]
    )
    assert [(r.item, r.date_text) for r in rows] == [("Budget", "8 June 2018"), ("Housing", "tbc")]


def test_prose_after_the_table_is_no_row():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            "Date        Item              Details",
            "8 June      Budget            Quarterly report.",
            "",
            "The committee is asked to consider the work programme and to agree the items it",
            "wishes to scrutinise over the coming municipal year.",
        ]
    )
    assert [r.item for r in rows] == ["Budget"]


@pytest.mark.parametrize("margin", ["", "        "], ids=["at the edge", "indented"])
def test_cells_spaced_apart_one_row_a_line(margin: str):
    """pdftotext -layout indents a whole page when its footer starts further left."""
    lines = [
        "Work Programme 2018-19",
        "",
        "Date of meeting      Item      Details      Action/Outcome",
        "8 June 2018 10.00 am      Children's Centres Cabinet Member: Mark Sutton      "
        "At the Select Committee meeting of 5 March 2018 it was agreed      Noted",
        "      Inquiry Group Report on Elective Home Education      Following a referral",
    ]
    rows = rows_of([margin + line for line in lines])
    assert [r.item for r in rows] == [
        "Children's Centres",
        "Inquiry Group Report on Elective Home Education",
    ]
    assert [r.date for r in rows] == ["2018-06-08", "2018-06-08"]
    assert rows[0].cabinet_members == ["Mark Sutton"]


TABLE = [
    ("Date of meeting", "Item", "Details", "Action/Outcome"),
    (
        "8 June 2018 10.00 am",
        "Children's Centres 3 years on Cabinet Member: Mark Sutton Lead Officer: Mick Harrison",
        "At the Select Committee meeting of 5 March 2018 it was agreed that the officer "
        "should attend the June meeting to update Members on progress.",
        "A working group will be set up.",
    ),
    (
        "",
        "Inquiry Group Report on Elective Home Education",
        "Following a referral from the Corporate Parenting Panel a review group was set up.",
        "",
    ),
    (
        "10 July 2018 10.00 am",
        "Child Sexual Exploitation in Staffordshire Cabinet Member: Mark Sutton "
        "Officer: Mick Harrison",
        "The Committee has requested a six monthly update on this issue.",
        "The Select Committee asked for clarification.",
    ),
    (
        "tbc",
        "Domestic Abuse Cabinet Member: Gill Heath Lead Officer: Mick Harrison",
        "Update on how the new contract is working.",
        "",
    ),
]


def _pdf_layout_lines(tmp_path) -> list[str]:
    weasyprint = pytest.importorskip("weasyprint")
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in TABLE)
    css = (
        "@page { size: A4; margin: 2cm } body { font-family: sans-serif; font-size: 11pt }"
        " table { border-collapse: collapse; width: 100% }"
        " td { border: 1px solid black; vertical-align: top; padding: 3px }"
    )
    html = f"<style>{css}</style><p>Work Programme 2018-19</p><table>{cells}</table>"
    pdf = tmp_path / "programme.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.replace("\f", "").splitlines()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdftotext_layout_reads_the_same_rows_as_tab_separated_text(tmp_path):
    tabbed = ["Work Programme 2018-19", "", *["\t".join(row) for row in TABLE]]
    expected = rows_of(tabbed)
    assert len(expected) == 4
    assert rows_of(_pdf_layout_lines(tmp_path)) == expected


def test_a_row_line_whose_cells_ran_together_does_not_end_the_table():
    # "Complaints, Adult submit an Annual Report" runs over two column edges, as prose would,
    # but the line keeps its last cell apart; the next line starts inside the table.
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "3           Customer          Adult's Services have   Concerns were",
            "September   Feedback &        a statutory duty to     shared.",
            "2018 10.00 Complaints, Adult submit an Annual Report  Members thanked",
            "am          Social Care       on complaints.          the manager.",
            "            CSE Learning from This had been taken as an Members noted",
            "            Reviews           exempt briefing note.   the learning.",
            "8 November  Prevent Strategy  To consider the work.   Noted.",
        ]
    )
    assert [r.item for r in rows][-1] == "Prevent Strategy"
    assert rows[-1].date_text == "8 November"


def test_prose_from_the_left_margin_still_ends_the_table():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "8 November  Prevent Strategy  To consider the work.   Noted.",
            "If you would like to know more about our work programme, please get in touch",
            "with the Scrutiny Manager on 01785 276148 who can tell you more about it all.",
        ]
    )
    assert [r.item for r in rows] == ["Prevent Strategy"]


def test_a_row_below_a_header_is_not_read_as_the_header_wrapping():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            "Item                     Details                            Action/",
            "                                                            Outcome",
            "Themes emerging          Where reviews have taken place",
            "from Reviews             the Committee will consider them.",
        ]
    )
    assert [r.item for r in rows] == ["Themes emerging from Reviews"]


def test_a_row_with_cells_cut_off_mid_phrase_is_no_header():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "8 June      Customer          Adult's Services have   Concerns were",
            "            Feedback          a statutory duty.       shared.",
            "            Edge of Care        The final report and    The Cabinet Member for",
            "            Inquiry Report      recommendations.        Children agreed.",
        ]
    )
    assert [r.item for r in rows] == ["Customer Feedback", "Edge of Care Inquiry Report"]


def test_a_row_filling_every_column_starts_with_its_date():
    # Half the rows open with a word that looks like no date ("Extra"), but a first line
    # with a text in every column must start at the date column.
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "Extra       Safeguarding      Following concerns      The Chief",
            "meeting     concerns          raised in January.      Constable replied.",
            "23 April",
            "8 June      Children's        At the Select           A working group",
            "2018        Centres           Committee meeting.      will be set up.",
        ]
    )
    assert [r.item for r in rows] == ["Safeguarding concerns", "Children's Centres"]
    assert rows[0].date_text == "Extra meeting 23 April"


def test_a_first_line_running_past_the_next_columns_edge_holds_two_cells():
    lines = [
        "Work Programme 2018-19",
        "",
        HEADER,
        "8 June      Customer          Adult's Services have   Concerns were",
        "            Feedback          a statutory duty.       shared.",
        "            Edge of Care          To consider report The Committee",
        "            Inquiry Report        of the Inquiry endorsed it",
        "            of the Group                             report.",
    ]
    rows = layout_rows(lines)
    assert len(rows) == 2
    assert rows[1].cells[1:] == [
        "Edge of Care Inquiry Report of the Group",
        "To consider report of the Inquiry",
        "The Committee endorsed it report.",
    ]


def test_a_column_gaining_lowercase_text_carries_on_the_row():
    # The outcome column first shows text on a row's second line (its first line ran into
    # the details, or was empty); in lowercase that is no cell starting, so no row opens.
    rows = layout_rows(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "8 June      Customer          Adult's Services have   Concerns were",
            "            Feedback          a statutory duty.       shared by all.",
            "            Children's &          The programme",
            "            Families System       for Children has    of progress",
            "            Transformation        been considered.    made.",
        ]
    )
    assert [r.cells[1] for r in rows] == [
        "Customer Feedback",
        "Children's & Families System Transformation",
    ]


def test_a_row_whose_item_starts_in_lowercase_carries_on_the_row_above():
    cols = Columns(item=1, date=0)
    rows = _merged_rows(
        [
            RawRow(0, ["22 January", "CSE update", "A report on the work"]),
            RawRow(5, ["", "scheduled for 8 November", ""]),
        ],
        cols,
    )
    assert [r.cells[1] for r in rows] == ["CSE update scheduled for 8 November"]


def test_a_short_name_and_sentences_in_lowercase_after_a_page_break_carry_on():
    cols = Columns(item=1, date=0)
    rows = _merged_rows(
        [
            RawRow(0, ["8 November", "Missing Children Officer: Mick", "To look", "Members"]),
            RawRow(5, ["", "Harrison & Deborah", "", "transition work has"], after_break=True),
            RawRow(7, ["", "Trading Standards", "Suggested by", "Members"], after_break=True),
        ],
        cols,
    )
    assert [r.cells[1] for r in rows] == [
        "Missing Children Officer: Mick Harrison & Deborah",
        "Trading Standards",
    ]


def test_a_first_line_cell_crossing_a_taken_columns_edge_holds_two_cells():
    # "Care Homes Data Suggested at the 29 May" runs well past the details edge kept above,
    # so the outcome beside it (placed off its edge) moves on a column.
    rows = layout_rows(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "8 June      Customer          Adult's Services have   Concerns were",
            "2018        Feedback          a statutory duty.       shared.",
            "11            Care Homes Data Suggested at the 29 May    Members applauded",
            "December      Quality            Triangulation.          the team.",
        ]
    )
    assert rows[1].cells == [
        "11 December",
        "Care Homes Data Quality",
        "Suggested at the 29 May Triangulation.",
        "Members applauded the team.",
    ]


def test_a_first_line_cell_starting_on_a_later_columns_edge_skips_the_empty_one():
    rows = layout_rows(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "8 June      Customer          Adult's Services have   Concerns were",
            "2018        Feedback          a statutory duty.       shared.",
            "11            Care Homes Data                        Members applauded",
            "December      Quality                                the team.",
        ]
    )
    assert rows[1].cells[2:] == ["", "Members applauded the team."]


def test_a_lowercase_date_gained_in_the_first_column_opens_a_row():
    rows = rows_of(
        [
            "Work Programme 2018-19",
            "",
            HEADER,
            "tbc         Missing Children  At their meeting",
            "            Cabinet Member:   Members asked for",
            "            Mark Sutton       a report.",
            "tbc         Trading Standards A further report",
            "            Cabinet Member:   in 12 months.",
            "            Gill Heath",
        ]
    )
    assert [r.item for r in rows] == ["Missing Children", "Trading Standards"]


def test_the_first_row_is_split_at_the_header_edges():
    rows = rows_of(
        [
            "Work Programme 2019-20",
            "",
            "Date of    Item                      Details",
            "meeting",
            "28 May Missing Children              At their 8 November meeting",
            "2019     Cabinet Member: Mark         Members requested a report.",
            "10.00 am Sutton",
            "9 July   Adult Safeguarding          As part of their scrutiny",
            "2019     Referrals                   the Committee asked.",
        ]
    )
    assert rows[0].item == "Missing Children"
    assert rows[0].date_text.startswith("28 May")


def test_a_time_of_day_alone_in_the_date_cell_carries_on_the_row_above():
    cols = Columns(item=1, date=0)
    rows = _merged_rows(
        [
            RawRow(0, ["1 October 2019", "Domestic Abuse Cabinet Member: Gill", "Update"]),
            RawRow(3, ["10.00 am", "Heath Lead Officer: Mick Harrison", ""]),
            RawRow(6, ["2019/20", "Loneliness", ""]),
        ],
        cols,
    )
    assert [r.cells[:2] for r in rows] == [
        [
            "1 October 2019 10.00 am",
            "Domestic Abuse Cabinet Member: Gill Heath Lead Officer: Mick Harrison",
        ],
        ["2019/20", "Loneliness"],
    ]


def test_a_year_alone_completes_a_date_above_without_one():
    cols = Columns(item=1, date=0)
    rows = _merged_rows(
        [
            RawRow(0, ["22 August", "Post 18 Transition", ""]),
            RawRow(3, ["2018", "Services Cabinet Member: Mark Sutton", ""]),
            RawRow(6, ["2019", "Loneliness", ""]),
        ],
        cols,
    )
    assert [r.cells[:2] for r in rows] == [
        ["22 August 2018", "Post 18 Transition Services Cabinet Member: Mark Sutton"],
        ["2019", "Loneliness"],
    ]


def test_a_header_printing_date_and_item_one_space_apart_is_split():
    rows = rows_of(
        [
            "Work Programme 2019-20",
            "",
            "Date Item                Details                          Action/Outcome",
            "       Transition &    At their 22 January meeting       Work is under",
            "       Preparation for Members asked for this item.      way.",
            "       Adulthood",
            "",
        ]
    )
    assert [r.item for r in rows] == ["Transition & Preparation for Adulthood"]


def test_an_item_in_lowercase_carries_on_the_row_above_with_its_date():
    cols = Columns(item=1, date=0)
    rows = _merged_rows(
        [
            RawRow(0, ["Inquiry Day 30 January", "Preventing Children called “Edge", "A"]),
            RawRow(4, ["12 February", "of Care” Cabinet Member: Mark Sutton", "B"], True),
        ],
        cols,
    )
    assert [r.cells[:2] for r in rows] == [
        [
            "Inquiry Day 30 January 12 February",
            "Preventing Children called “Edge of Care” Cabinet Member: Mark Sutton",
        ]
    ]
