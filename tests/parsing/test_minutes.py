"""Minutes reader: one test per structural rule, on small hand-written snippets, plus the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.shared_documents import CORPUS, SEEDS

from minutebook.parsing import parse_path, text
from minutebook.parsing.contract import Minutes
from minutebook.parsing.minutes import read_minutes
from minutebook.parsing.minutes_decisions import decision_sentences, resolutions, split_sentences
from minutebook.parsing.minutes_items import split_title
from minutebook.parsing.minutes_lines import prepare_lines

HEAD = """\
Minutes of the Safe and Strong Communities Select Committee Meeting held on 4 March 2019

Present: John Francis (Chairman)

Attendance

Ann Beech\tJason Jones
Mike Davies\tConor Wileman (Vice-Chairman)

Also in attendance: Gill Heath and Mark Sutton

Apologies: Trevor Johnson, Natasha Pullen and Paul Snape

PART ONE
"""


def read(text: str) -> list[Minutes]:
    warnings: list[str] = []
    return read_minutes(text.split("\n"), warnings)


def one(text: str) -> Minutes:
    found = read(text)
    assert len(found) == 1
    return found[0]


# --- header and attendance ------------------------------------------------------------


def test_title_line_gives_committee_and_date() -> None:
    minutes = one(HEAD + "\n53. Declarations of Interest\n\nThere were none.\n")
    assert minutes.committee == "Safe and Strong Communities Select Committee"
    assert minutes.date == "2019-03-04"


@pytest.mark.parametrize(
    ("title", "committee"),
    [
        (
            "MINUTES OF THE MEETING OF THE LICENSING COMMITTEE HELD ON MONDAY 3RD APRIL 2023",
            "Licensing Committee",
        ),
        ("Audit and Governance Committee\nMonday 3 April 2023", "Audit and Governance Committee"),
        ("Sometown Town Council\nPlanning Committee\n3 April 2023", "Planning Committee"),
        ("AUDIT COMMITTEE\n3 APRIL 2023", "Audit Committee"),
    ],
)
def test_committee_from_a_title_in_capitals_or_a_name_line(title: str, committee: str) -> None:
    minutes = one(f"{title}\n\nPresent: Cllr A Smith (Chair)\n\n1. Apologies\nNone.\n")
    assert (minutes.committee, minutes.date) == (committee, "2023-04-03")


def test_a_sentence_line_is_not_a_committee_name() -> None:
    text = (
        "Notes of the discussion with the Council\n3 April 2023\n\n"
        "Present: Cllr A Smith (Chair)\n\n1. Apologies\nNone.\n"
    )
    assert one(text).committee is None


def test_title_wrapped_before_its_year_still_gives_the_date() -> None:
    head = HEAD.replace("held on 4 March 2019", "held on 4 March\n2019")
    minutes = one(head + "\n53. Declarations of Interest\n\nThere were none.\n")
    assert minutes.committee == "Safe and Strong Communities Select Committee"
    assert minutes.date == "2019-03-04"


def test_chair_comes_first_and_tab_table_is_read_column_by_column() -> None:
    minutes = one(HEAD + "\n53. Declarations of Interest\n")
    assert minutes.chair == "John Francis"
    assert minutes.present == [
        "John Francis",
        "Ann Beech",
        "Mike Davies",
        "Jason Jones",
        "Conor Wileman",
    ]


def test_also_in_attendance_and_apologies_lists_are_split() -> None:
    minutes = one(HEAD + "\n53. Declarations of Interest\n")
    assert minutes.also_in_attendance == ["Gill Heath", "Mark Sutton"]
    assert minutes.apologies == ["Trevor Johnson", "Natasha Pullen", "Paul Snape"]


def test_attendance_printed_one_name_per_line_in_two_blocks() -> None:
    text = HEAD.replace(
        "Ann Beech\tJason Jones\nMike Davies\tConor Wileman (Vice-Chairman)",
        "Ann Beech\nMike Davies\n\nJason Jones\nConor Wileman (Vice-Chairman)",
    )
    minutes = one(text + "\n53. Declarations of Interest\n")
    assert minutes.present[1:] == ["Ann Beech", "Mike Davies", "Jason Jones", "Conor Wileman"]


def test_wrapped_present_list_with_titles_initials_and_post_nominals() -> None:
    text = (
        "MINUTES of a meeting of the Cabinet held at County Hall on Thursday, 30 January 2025.\n"
        "PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler,\n"
        "Mr R C Love, OBE, Mr D Murphy and Mr R J Thomas\n"
        "IN ATTENDANCE: Dr A Ghosh (Director of Public Health), Mrs S Hammond\n"
        "(Corporate Director Children, Young People and Education)\n"
        "UNRESTRICTED ITEMS\n"
        "84.\nApologies\n(Item 1)\nApologies were received from Mrs C Bell.\n"
    )
    minutes = one(text)
    assert minutes.committee == "Cabinet"
    assert minutes.present == [
        "R W Gough",
        "N Baker",
        "S Chandler",
        "R C Love",
        "D Murphy",
        "R J Thomas",
    ]
    assert minutes.also_in_attendance == ["A Ghosh", "S Hammond"]
    assert minutes.apologies == ["C Bell"]


def test_several_titled_names_on_one_line_and_officer_in_present_list() -> None:
    text = (
        "STOKE FERRY PARISH COUNCIL Minutes of the Ordinary Meeting held on Wednesday 1 July 2020\n\n"
        "Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Janet Taylor "
        "Helen Richardson (Parish Clerk)\n\n"
        "107/20 Openness and Transparency Notice The Chair read the notice.\n"
    )
    minutes = one(text)
    assert minutes.committee == "Stoke Ferry Parish Council"
    assert minutes.present == ["Sue Lintern", "Kit Hesketh-Harvey", "Janet Taylor"]
    assert minutes.also_in_attendance == ["Helen Richardson"]


def test_chair_named_in_the_text_matches_a_present_member() -> None:
    text = (
        "Manordeilo and Salem Community Council held their meeting via Zoom on the 11th November 2020.\n"
        "PRESENT\n"
        "Councillors Alun Davies, Owen Williams and County Councillor Joseph Davies.\n\n"
        "1. WELCOME AND APOLOGIES\n"
        "Cllr. O. Williams took the Chair and welcomed everyone to the meeting.\n"
    )
    minutes = one(text)
    assert minutes.committee == "Manordeilo and Salem Community Council"
    assert minutes.date == "2020-11-11"
    assert minutes.chair == "Owen Williams"
    assert minutes.present == ["Owen Williams", "Alun Davies", "Joseph Davies"]


ELECTED = """\
MINUTES of a meeting of the County Council held in the Council Chamber on 9 January 2025.

PRESENT: Mr N Baker, Mr G Cooke, Mr R W Gough, Mr J Wright and Ms L Wright

UNRESTRICTED ITEMS

Election of Chair

1. Mr Gough proposed, and Mr Baker seconded that Mr G Cooke be elected
to Chair the meeting. No other nominations were received.

2. RESOLVED that {who} be elected to Chair the meeting.

283. Apologies for Absence
(Item 1)

There were no apologies.
"""


def test_chair_elected_at_the_meeting_is_the_chair() -> None:
    minutes = one(ELECTED.format(who="Mr Cooke"))
    assert minutes.chair == "G Cooke"
    assert minutes.present[0] == "G Cooke"
    assert sorted(minutes.present) == ["G Cooke", "J Wright", "L Wright", "N Baker", "R W Gough"]
    assert [(i.number, i.title) for i in minutes.items] == [
        (None, "Election of Chair"),
        (283, "Apologies for Absence"),
    ]
    assert minutes.items[0].resolutions == ["that Mr Cooke be elected to Chair the meeting."]


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        (
            "Appointment of Chairman for the Meeting\n\n"
            "RESOLVED \u2013 That Cllr Baker be appointed Chairman for the meeting.",
            [(None, "Appointment of Chairman for the Meeting")],
        ),
        ("Urgent Business\n\nAGREED: That the item be taken.", [(None, "Urgent Business")]),
        ("The Chairman welcomed everyone to the meeting.", []),  # no heading
        ("Webcasting\n\nThe meeting was webcast.", []),  # no decision
    ],
)
def test_business_before_the_first_numbered_minute(
    preamble: str, expected: list[tuple[None, str]]
) -> None:
    text = (
        "MINUTES of a meeting of the County Council held on 9 January 2025.\n\n"
        "PRESENT: Mr N Baker and Mr G Cooke\n\nUNRESTRICTED ITEMS\n\n"
        f"{preamble}\n\n283. Apologies for Absence\n(Item 1)\n\nThere were none.\n"
    )
    items = one(text).items
    assert [(i.number, i.title) for i in items[:-1]] == expected
    assert items[-1].number == 283 and len(items[0].resolutions) == (1 if expected else 0)


def test_elected_chair_matching_two_members_keeps_the_printed_name() -> None:
    assert one(ELECTED.format(who="Mr Wright").replace("G Cooke be", "Wright be")).chair == "Wright"


@pytest.mark.parametrize(
    "sentence",
    [
        "RESOLVED that Cllr Baker be elected Chairman of the Council for 2025/26.",
        "RESOLVED that Cllr Baker be appointed Vice-Chairman for the meeting.",
    ],
)
def test_other_elections_do_not_name_the_meetings_chair(sentence: str) -> None:
    text = (
        "MINUTES of a meeting of the County Council held on 9 January 2025.\n\n"
        "PRESENT: Mr N Baker and Mr G Cooke\n\n"
        f"283. Election\n\n{sentence}\n"
    )
    assert one(text).chair is None


def test_layout_columns_and_apologies_sentence() -> None:
    text = (
        "\fAUDIT COMMITTEE\n24 SEPTEMBER 2009\n"
        "   PRESENT:          Dave Roberts (Chairman), Councillors Angela Caldara and\n"
        "                     Corinna Edge, Danny Connellan.\n"
        "   Apologies for absence were received from Councillors Rod Scott and Diane Neil mills\n"
        "   1       DECLARATIONS OF INTEREST\n"
    )
    minutes = one(text)
    assert minutes.committee == "Audit Committee"
    assert minutes.date == "2009-09-24"
    assert minutes.present == ["Dave Roberts", "Angela Caldara", "Corinna Edge", "Danny Connellan"]
    assert minutes.apologies == ["Rod Scott", "Diane Neil mills"]


def test_attendance_columns_set_apart_by_spaces_are_read_column_by_column() -> None:
    """pdftotext -layout prints a two-column attendance table with runs of spaces."""
    layout = HEAD.replace("Ann Beech\tJason Jones", "Ann Beech                 Jason Jones")
    layout = layout.replace("Mike Davies\tConor", "Mike Davies               Conor")
    minutes = one(layout + "\n53. Declarations of Interest\n\nThere were none.\n")
    assert minutes.present == [
        "John Francis",
        "Ann Beech",
        "Mike Davies",
        "Jason Jones",
        "Conor Wileman",
    ]


def test_attendance_label_printed_in_the_tables_first_cell() -> None:
    merged = HEAD.replace("Attendance\n\nAnn Beech", "Attendance Ann Beech")
    minutes = one(merged + "\n53. Declarations of Interest\n\nThere were none.\n")
    assert "Ann Beech" in minutes.present and "Attendance Ann Beech" not in minutes.present


def test_apologies_sentence_wrapped_over_lines_is_read_whole() -> None:
    text = (
        "MINUTES of a meeting of the County Council held on 13 March 2025.\n\n"
        "PRESENT: Mr N Baker and Mr G Cooke\n\n"
        "292. Apologies for Absence\n(Item 1)\n\n"
        "The Democratic Services Manager reported apologies from Mr Bond, Mrs\n"
        "Bruneau, Mr Campkin and Nancy\nSayer who was substituted by Roxanne Hills.\n\n"
        "293. Declarations of Interest\n(Item 2)\n"
    )
    assert one(text).apologies == ["Bond", "Bruneau", "Campkin", "Nancy Sayer"]


@pytest.mark.parametrize(
    "label",
    [
        "Present:",
        "PRESENT",
        "Members present:",
        "MEMBERS PRESENT:",
        "Councillors present -",
        "Present (virtually):",
        "Present via Zoom:",
        "Members present remotely:",
    ],
)
def test_present_label_variants(label: str) -> None:
    text = (
        "Minutes of the Audit Committee held on 4 March 2019\n\n"
        f"{label} Cllr Ann Beech (Chair) and Cllr Bob Smith\n\n1. Apologies\n\nNone.\n"
    )
    minutes = one(text)
    assert (minutes.chair, minutes.present) == ("Ann Beech", ["Ann Beech", "Bob Smith"])


@pytest.mark.parametrize(
    "label",
    ["Officers:", "Officers present:", "Council Officers -", "Officers in attendance:", "Staff:"],
)
def test_officers_list_is_in_attendance(label: str) -> None:
    text = (
        "CABINET\n\nMINUTES of the meeting held on Tuesday, 14 March 2023\n\n"
        "Present: Councillor A Smith (Chair)\nCouncillors B Jones and C Brown\n\n"
        "Also Present: Councillor E Green\n\n"
        f"{label} F Black (Chief Executive), G Grey (Monitoring Officer)\n\n"
        "Apologies for Absence: Councillor H Blue\n\n45. DECLARATIONS OF INTEREST\nNone.\n"
    )
    minutes = one(text)
    assert minutes.present == ["A Smith", "B Jones", "C Brown"]
    assert minutes.also_in_attendance == ["E Green", "F Black", "G Grey"]
    assert minutes.apologies == ["H Blue"]


def test_present_inside_a_sentence_is_not_a_label() -> None:
    text = (
        "Minutes of the Audit Committee held on 4 March 2019\n\n"
        "Present: Cllr Ann Beech (Chair) and Cllr Bob Smith\n\n"
        "1. Apologies\n\nMembers present were pleased with the report.\n"
    )
    assert len(read(text)) == 1


REMOTE = """\
MINUTES of a meeting of the County Council held on 9 January 2025.

PRESENT: Mr N Baker (Chairman), Mr G Cooke and Ms S Hamilton
{label}
IN ATTENDANCE: Mr J Cook (Democratic Services Manager)

283. Apologies for Absence
(Item 1)

{apologies}

284. Declarations of Interest
(Item 2)

There were none.
"""


@pytest.mark.parametrize(
    ("apologies", "label"),
    [
        (
            "Apologies were received from Mr A Beaney and Ms K Grehan.\n\n"
            "Ms Grehan had given her formal apologies but was attending the meeting\nvirtually.",
            "",
        ),
        (
            "Apologies were received from Mr A Beaney and Ms K Grehan (attending remotely).",
            "",
        ),
        ("Apologies were received from Ms K Grehan, who joined the meeting via Teams,", ""),
        (
            "Apologies were received from Mr A Beaney. Cllr K Grehan sent apologies but joined "
            "remotely.",
            "",
        ),
        ("Apologies were received from Mr A Beaney.", "ATTENDING VIRTUALLY: Ms K Grehan"),
        (
            "Apologies were received from Mr A Beaney.",
            "Apologies (attending via Zoom): Ms K Grehan",
        ),
        ("Apologies were received from Mr A Beaney.\n\nMs K Grehan attended by video link.", ""),
    ],
)
def test_member_who_took_part_remotely_is_in_attendance_not_absent(
    apologies: str, label: str
) -> None:
    minutes = one(REMOTE.format(apologies=apologies, label=label))
    assert minutes.present == ["N Baker", "G Cooke", "S Hamilton"]
    assert minutes.apologies == ([] if "Beaney" not in apologies else ["A Beaney"])
    grehan = [n for n in minutes.also_in_attendance if n.endswith("Grehan")]
    assert len(grehan) == 1 and "J Cook" in minutes.also_in_attendance


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms S Hamilton and Mr J Cook were in attendance virtually.",  # listed already: stay put
        "The Chair thanked those who attended virtually.",
        "Members of the public attended remotely.",
        "Mr Cooke asked whether residents could attend meetings virtually.",
    ],
)
def test_remote_attendance_keeps_listed_people_and_needs_a_name(sentence: str) -> None:
    text = "Apologies were received from Mr A Beaney.\n\n" + sentence
    minutes = one(REMOTE.format(apologies=text, label=""))
    assert minutes.present == ["N Baker", "G Cooke", "S Hamilton"]
    assert minutes.also_in_attendance == ["J Cook"]
    assert minutes.apologies == ["A Beaney"]


# --- items ----------------------------------------------------------------------------


def test_items_keep_integer_and_slash_numbers() -> None:
    minutes = one(HEAD + "\n53. Declarations of Interest\n\n54. Prevent\n")
    assert [(i.number, i.title) for i in minutes.items] == [
        (53, "Declarations of Interest"),
        (54, "Prevent"),
    ]
    slash = one("Present: Cllr A Smith (Chair)\n\n107/20 Openness Notice\n\n108/20 Public Forum\n")
    assert [i.number for i in slash.items] == ["107/20", "108/20"]


@pytest.mark.parametrize("prefix", ["PL/", "CAB.", "DC/", "C."])
def test_minute_numbers_with_a_committee_prefix(prefix: str) -> None:
    text = (
        "Present: Cllr A Smith (Chair), Cllr B Jones\n\n"
        f"{prefix}12 Apologies for Absence\nNone.\n\n"
        f"{prefix}13 Application 24/0012 - Land at Mill Lane\n"
        "PL/00489 One Planet Development\nA12 Road Safety Scheme\nCOVID-19 Recovery Plan\n"
        "RESOLVED that permission be granted.\n\n"
        f"{prefix}14 Date of Next Meeting\n"
    )
    items = one(text).items
    assert [(i.number, i.title) for i in items] == [
        (f"{prefix}12", "Apologies for Absence"),
        (f"{prefix}13", "Application 24/0012 - Land at Mill Lane"),
        (f"{prefix}14", "Date of Next Meeting"),
    ]
    assert items[1].resolutions == ["that permission be granted."]


@pytest.mark.parametrize(
    "lead", ["Item {n}:", "Agenda Item {n} \u2013", "ITEM {n}\t", "Minute {n} -"]
)
def test_minutes_numbered_by_agenda_item(lead: str) -> None:
    heads = ["Apologies", "Minutes", "Budget"]
    text = "Minutes of the Cabinet held on 3 April 2023\n\nPresent: Cllr A Smith (Chair)\n\n"
    for n, title in enumerate(heads, start=1):
        text += f"{lead.format(n=n)} {title}\nItem 5 was deferred to the next meeting.\n"
    assert [(i.number, i.title) for i in one(text).items] == [
        (1, "Apologies"),
        (2, "Minutes"),
        (3, "Budget"),
    ]


def test_one_lettered_reference_is_not_a_minute() -> None:
    text = "Present: Cllr A Smith (Chair)\n\nNotes\nDC/489 One Planet Development\nObjection.\n"
    assert one(text).items == []


def test_markdown_heading_and_bold_are_stripped_from_titles() -> None:
    minutes = one(HEAD + "\n### 53. **Declarations of Interest**\n\n**54. Prevent**\n")
    assert [i.title for i in minutes.items] == ["Declarations of Interest", "Prevent"]


def test_numbered_paragraphs_inside_items_are_not_items() -> None:
    text = HEAD + (
        "\n84. Cabinet Member Updates\n\n"
        "1. Mr Love, Cabinet Member for Education, provided an update on the following:\n"
        "2. Mrs Chandler introduced the report.\n\n"
        "85. Budget Monitoring\n"
    )
    assert [i.number for i in one(text).items] == [84, 85]


def test_bare_number_line_with_title_up_to_item_reference() -> None:
    text = (
        HEAD
        + "\n88.\nRevenue and Capital Budget Monitoring Report \u2013 November\n2024-25\n(Item 5)\n"
    )
    item = one(text).items[0]
    assert (item.number, item.title) == (
        88,
        "Revenue and Capital Budget Monitoring Report \u2013 November 2024-25",
    )


WRAPPED_PROSE = "".join(
    f"Paragraph {n}: the Select Committee were informed that a review was a multi-agency\n"
    f"review of the circumstances around the death of an individual aged {n} years or older\n"
    f"where this resulted from violence, abuse or neglect by a person related to them ({n}).\n"
    for n in range(16, 21)
)


def test_heading_wrapped_by_the_converter_takes_its_next_line() -> None:
    """Text wrapped at a page width: a heading that fills its line goes on to the next."""
    text = HEAD + (
        "\n46. Minutes of the Joint Safe & Strong Communities and Prosperous Staffordshire Select\n"
        "Committees meeting held on 18 December 2018\n"
        "The minutes of the joint meeting were agreed as a correct record of the meeting held.\n"
        "\n47. Domestic Homicide Reviews\n"
        "The Select Committee were informed about the reviews carried out in the county this year.\n"
        f"{WRAPPED_PROSE}"
    )
    titles = [i.title for i in one(text).items]
    assert titles == [
        "Minutes of the Joint Safe & Strong Communities and Prosperous Staffordshire Select "
        "Committees meeting held on 18 December 2018",
        "Domestic Homicide Reviews",
    ]


def test_heading_is_not_continued_when_the_text_is_not_wrapped() -> None:
    """One paragraph a line (the seeds' converters): a heading line never goes on."""
    text = HEAD + (
        "\n46. Minutes of the Joint Safe & Strong Communities and Prosperous Staffordshire Select\n"
        "Committees meeting held on 18 December 2018\n"
        "\n47. Domestic Homicide Reviews\n\n" + WRAPPED_PROSE.replace("\n", " ") + "\n"
    )
    assert one(text).items[0].title.endswith("Prosperous Staffordshire Select")


def test_heading_title_split_from_narrative_on_the_same_line() -> None:
    assert split_title("Openness and Transparency Notice The Chair read the notice.") == (
        "Openness and Transparency Notice",
        "The Chair read the notice.",
    )
    assert split_title("To Receive and Consider Apologies of Absence Apologies were noted.")[0] == (
        "To Receive and Consider Apologies of Absence"
    )
    assert split_title("EXCLUSION OF PRESS AND PUBLIC The Council to pass a resolution.")[0] == (
        "EXCLUSION OF PRESS AND PUBLIC"
    )
    title = "Minutes of the meeting held on 11 December 2018"
    assert split_title(title) == (title, "")


def test_slash_numbered_heading_printed_mid_line_is_recovered() -> None:
    text = (
        "Present: Cllr A Smith (Chair)\n\n"
        "113/20 Matters Arising The Clerk reported.\n\n"
        "Planning notes for The Moorings 114/20 To Approve a Litter Bin The Council agreed it.\n\n"
        "115/20 Planning Grant\n"
    )
    items = one(text).items
    assert [i.number for i in items] == ["113/20", "114/20", "115/20"]
    assert items[1].title == "To Approve a Litter Bin"


def test_exemption_suffix_makes_part_two_with_paragraphs() -> None:
    text = (
        HEAD
        + "\n52. Exempt Minutes of the meeting held on 11 December 2018 (exemption paragraphs 4 & 5)\n"
    )
    item = one(text).items[0]
    assert (item.title, item.part, item.exempt_paragraphs) == (
        "Exempt Minutes of the meeting held on 11 December 2018",
        2,
        [4, 5],
    )


@pytest.mark.parametrize(
    ("heading", "paragraphs"),
    [
        ("52. Care Contract - Exempt under paragraph 3", [3]),
        ("52. Care Contract: exempt paragraphs 1 and 2.", [1, 2]),
        ("52. Care Contract \u2013 Not for publication by virtue of paragraphs 1 to 3", [1, 2, 3]),
        # Wales: Schedule 12A's paragraphs 12-18; the schedule's own number is not one
        ("52. Care Contract (Exempt under paragraph 14 of Part 4 of Schedule 12A)", [14]),
        ("52. Care Contract (Schedule 12A, paragraph 3)", [3]),
    ],
)
def test_exemption_printed_after_the_title(heading: str, paragraphs: list[int]) -> None:
    item = one(HEAD + f"\n{heading}\n\nRESOLVED: That the report be noted.\n").items[0]
    assert (item.title, item.part, item.exempt_paragraphs) == ("Care Contract", 2, paragraphs)


def test_part_two_heading_applies_to_following_items() -> None:
    text = HEAD + "\n51. Work Programme\n\nPART TWO\n\n52. Staffing Review\n"
    assert [i.part for i in one(text).items] == [1, 2]


def test_page_furniture_does_not_break_a_set() -> None:
    text = HEAD + (
        "\n53. Declarations of Interest\nThere were none.\n1\n\n\fAUDIT COMMITTEE\n"
        "54. Prevent\nRESOLVED \u2013 That the report be noted.\n"
    )
    items = one(text).items
    assert [i.number for i in items] == [53, 54]
    assert items[1].resolutions == ["That the report be noted."]


def test_set_ends_at_signature_line_and_later_reports_add_nothing() -> None:
    text = HEAD + (
        "\n53. Declarations of Interest\n\nChairman\n\nLocal Members' Interest\n\n"
        "1. This covering report summarises the findings.\n2. Recommendation\n"
    )
    assert [i.number for i in one(text).items] == [53]


@pytest.mark.parametrize(
    "wrapped",
    [
        "be confirmed and\nsigned by the Chairman.",
        "be confirmed and signed by the\nChairman.",
    ],
)
def test_sentence_wrapped_onto_a_signature_like_line_does_not_end_the_set(wrapped: str) -> None:
    text = HEAD + (
        "\n53. Minutes of the previous meeting\n\n"
        f"RESOLVED \u2013 That the minutes of the meeting held on 11 December 2018 {wrapped}\n\n"
        "54. Work Programme\n\nRESOLVED \u2013 That the report be noted.\n\nChairman\n"
    )
    items = one(text).items
    assert [i.number for i in items] == [53, 54]
    assert items[0].resolutions == [
        "That the minutes of the meeting held on 11 December 2018 be confirmed and signed by "
        "the Chairman."
    ]
    assert items[1].resolutions == ["That the report be noted."]


def test_front_sheet_agenda_item_for_minutes_is_not_a_set() -> None:
    text = "3. **Minutes of the meeting held on 22 January 2019** (Pages 1 - 8)\n\n" + HEAD
    found = read(text + "\n53. Declarations of Interest\n")
    assert [m.date for m in found] == ["2019-03-04"]


def test_footers_are_skipped_at_page_edges_and_quoted_motions_kept_mid_page() -> None:
    motion = ["(1) Endorse the joint work between KCC and Medway Council", "on devolution"]
    footer = "Kent County Council minutes of the meeting held on 9 January 2025"
    filler = ["One.", "Two.", "Three."]
    pages = [
        ["Mr Gough moved the motion:", "", *motion, "", "Narrative.", footer],
        [*motion, "", "Mr Hood moved an amendment.", "", "Narrative.", footer],
        [*motion, "", "Ms Meade moved an amendment.", "", "Narrative.", footer],
        [*filler, "RESOLVED that the County Council:", *motion, *filler, footer],
    ]
    lines = [line for page in pages for line in ["\f" + page[0], *page[1:]]]
    prepared = prepare_lines(lines)
    assert footer not in prepared
    assert prepared[-6:-4] == motion
    assert prepared[6:8] == ["", ""]  # at the top of page 2: printed as a running header


# --- a record that forms part of another set of minutes ---------------------------------

AUDIT = """\
AUDIT COMMITTEE
24 SEPTEMBER 2009
PRESENT: Dave Roberts (Chairman), Councillors Angela Caldara and Corinna Edge.
ALSO PRESENT: Councillor Chris Edge. Caroline Holland (Director of Corporate Services)

1 DECLARATIONS OF INTEREST
None.
2 ANNUAL GOVERNANCE REPORT (Agenda item 5)
RESOLVED: That the report be noted.

Chairman
"""


def _session(title: str, note: str, date: str = "24 SEPTEMBER 2009") -> str:
    return (
        f"\f{title}\n{date}\n"
        "PRESENT: Dave Roberts (Chairman), Councillors Angela Caldara, Corinna Edge,\n"
        "Chris Edge and Mark Betteridge. Suresh Patel (Audit Commission)\n"
        f"{note}\n"
        "ANNUAL GOVERNANCE REPORT\n"
        "The Audit Commission representatives introduced the report.\n"
    )


def read_with_warnings(text: str) -> tuple[list[Minutes], list[str]]:
    warnings: list[str] = []
    return read_minutes(text.split("\n"), warnings), warnings


@pytest.mark.parametrize(
    ("title", "note"),
    [
        (
            "AUDIT COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)",
            "This note forms part of the minutes of both meetings held on 24 September 2009.",
        ),
        ("JOINT MEETING OF THE AUDIT COMMITTEE AND THE PENSIONS PANEL", "Notes of discussion."),
        ("AUDIT COMMITTEE - INFORMAL SESSION", "These notes form part of the minutes."),
        ("GENERAL PURPOSES COMMITTEE", "The record of this joint session is part of the minutes."),
    ],
)
def test_joint_session_without_items_is_part_of_the_host_minutes(title: str, note: str) -> None:
    found, warnings = read_with_warnings(AUDIT + _session(title, note))
    assert len(found) == 1 and warnings == []
    minutes = found[0]
    assert minutes.present == ["Dave Roberts", "Angela Caldara", "Corinna Edge"]
    # who attended only the joint part attended part of the host meeting
    assert minutes.also_in_attendance == [
        "Chris Edge",
        "Caroline Holland",
        "Mark Betteridge",
        "Suresh Patel",
    ]
    assert [i.number for i in minutes.items] == [1, 2]


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("AUDIT COMMITTEE AND GENERAL PURPOSES COMMITTEE (JOINT SESSION)", "23 JUNE 2009"),
        ("GENERAL PURPOSES COMMITTEE", "24 SEPTEMBER 2009"),
    ],
)
def test_another_meeting_without_items_stays_a_set_of_its_own(title: str, date: str) -> None:
    found, warnings = read_with_warnings(AUDIT + _session(title, "Notes.", date))
    assert len(found) == 2
    assert any("no numbered minute items" in w for w in warnings)


@pytest.mark.parametrize("footer_first", [True, False])
def test_running_header_under_a_footer_and_page_number_is_skipped(footer_first: bool) -> None:
    footer = "All minutes are draft until agreed at the next meeting of the committee."
    header = ["AUDIT COMMITTEE", "24 SEPTEMBER 2009"]
    bodies = [
        [
            "PRESENT: Dave Roberts (Chairman), Angela Caldara and Corinna Edge.",
            "",
            "3 AUDIT COMMISSION INTERIM REPORT (Agenda item 3)",
            "The report was noted.",
            "4 AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES",
        ],
        ["JUDGEMENT (Agenda item 4)", "RESOLVED: That the comments be noted."],
        ["5 WORK PROGRAMME (Agenda item 5)", "RESOLVED: That the programme be agreed."],
    ]
    pages = []
    for n, body in enumerate(bodies, start=1):
        if footer_first:  # a PDF's reading order: footer and page number, then the header
            pages.append([footer, str(n), *header, *body])
        else:
            pages.append([*header, *body, "", str(n), footer])
    lines = [line for page in pages for line in ["\f" + page[0], *page[1:]]]
    (minutes,) = read_minutes(lines, [])
    assert (minutes.committee, minutes.date) == ("Audit Committee", "2009-09-24")
    assert [(i.number, i.title) for i in minutes.items] == [
        (3, "AUDIT COMMISSION INTERIM REPORT"),
        (4, "AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES JUDGEMENT"),
        (5, "WORK PROGRAMME"),
    ]
    assert minutes.items[1].resolutions == ["That the comments be noted."]
    assert not any(header[1] in line or line == "2" for line in prepare_lines(lines)[8:])


# --- resolutions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "RESOLVED \u2013 That the report be noted.",
        "RESOLVED- That the report be noted.",
        "RESOLVED: That the report be noted.",
        "RESOLVED - That the report be noted.",
        "Resolved: That the report be noted.",
        "3. RESOLVED That the report be noted.",
        "(4) RESOLVED that the report be noted.",
        "4) RESOLVED: that the report be noted.",
        "(27) Resolved - That the report be noted.",
        "RESOLVED UNANIMOUSLY: That the report be noted.",
        "The Committee RESOLVED that the report be noted.",
        "The Cabinet therefore RESOLVED: That the report be noted.",
    ],
)
def test_resolved_marker_variants(line: str) -> None:
    assert [r[0].upper() + r[1:] for r in resolutions([line])] == ["That the report be noted."]


def test_a_body_resolving_in_lowercase_is_not_a_resolved_label() -> None:
    assert resolutions(["The Committee resolved to look again next year."]) == []


@pytest.mark.parametrize(
    "body",
    [
        ["RESOLVED", "", "1. That the report be noted.", "2. That the plan be approved."],
        ["RESOLVED", "", "That the report be noted.", "", "That the plan be approved."],
        ["RESOLVED as follows:", "(a) That the report be noted.", "(b) That the plan be approved."],
        ["**RESOLVED**", "- That the report be noted.", "- That the plan be approved."],
    ],
)
def test_bare_resolved_line_over_its_clauses(body: list[str]) -> None:
    body = [text.clean_line(line) for line in body]
    assert resolutions(body) == ["That the report be noted.", "That the plan be approved."]


def test_markdown_bold_resolved_through_the_reader() -> None:
    minutes = one(HEAD + "\n53. Prevent\n\n**Resolved:** That the report be noted.\n")
    assert minutes.items[0].resolutions == ["That the report be noted."]


def test_lettered_subclauses_on_own_lines_drop_lead_in_and_labels() -> None:
    body = [
        "RESOLVED: That:",
        "",
        "- a) the learning be supported; and",
        "- b) clarification be forwarded to Members.",
    ]
    assert resolutions(body) == [
        "the learning be supported; and",
        "clarification be forwarded to Members.",
    ]


def test_lettered_subclauses_run_together_after_a_page_break() -> None:
    body = [
        "RESOLVED \u2013 That:",
        "a) the progress be welcomed; b) the item be added; and c) the clip be shared.",
    ]
    assert resolutions(body) == [
        "the progress be welcomed;",
        "the item be added; and",
        "the clip be shared.",
    ]


def test_lead_in_ending_with_colon_and_mixed_case_labels() -> None:
    body = ["3. RESOLVED that Cabinet agree to:", "A) Note the overspend.", "b) Agree the changes."]
    assert resolutions(body) == ["Note the overspend.", "Agree the changes."]


def test_bracketed_capital_labels() -> None:
    body = [
        "RESOLVED: (A) That the Committee notes the report.",
        "(B) That the Committee notes the score.",
    ]
    assert resolutions(body) == [
        "That the Committee notes the report.",
        "That the Committee notes the score.",
    ]


def test_clause_split_by_page_break_is_rejoined_and_narrative_is_not() -> None:
    body = [
        "RESOLVED - That the public be excluded as defined in the",
        "",
        "paragraphs of Part 1 of Schedule 12A indicated below",
        "",
        "The Committee then proceeded to consider reports on the following issues:",
    ]
    assert resolutions(body) == [
        "That the public be excluded as defined in the paragraphs of Part 1 of Schedule 12A indicated below"
    ]


def test_numbered_sub_clauses_are_separate_and_a_wrapped_section_number_is_not_one() -> None:
    body = [
        "26) RESOLVED that the County Council:",
        "",
        "(1) Endorses the joint work between KCC, Medway Council and",
        "District Council Leaders",
        "(2) Notes that elections may be postponed under section 87",
        "(4) of the Local Government Act 2000",
        "(3) Expects transparency.",
    ]
    assert resolutions(body) == [
        "Endorses the joint work between KCC, Medway Council and District Council Leaders",
        "Notes that elections may be postponed under section 87 (4) of the Local Government Act "
        "2000",
        "Expects transparency.",
    ]


def test_and_between_two_lettered_lists_opens_a_new_part() -> None:
    body = [
        "6. RESOLVED that:",
        "",
        "This Council believes that:",
        "",
        "a) Action is needed on disposable vapes.",
        "b) Any ban must be robust;",
        "and",
        "c) Urgent action is required.",
        "",
        "And;",
        "",
        "This Council agrees to call on the Cabinet Member to:",
        "",
        "a) Write again to the government, supporting calls",
        "for amendments to the proposed legislation.",
        "",
        "b) Encourage proper disposal of vapes.",
    ]
    assert resolutions(body) == [
        "Action is needed on disposable vapes.",
        "Any ban must be robust; and",
        "Urgent action is required.",
        "Write again to the government, supporting calls for amendments to the proposed "
        "legislation.",
        "Encourage proper disposal of vapes.",
    ]


@pytest.mark.parametrize(
    "lead",
    ["5) RESOLVED that:", "RESOLVED \u2013 That:", "RESOLVED: that Council agrees:"],
)
def test_plain_paragraphs_after_a_lead_in_are_clauses(lead: str) -> None:
    body = [
        lead,
        "",
        "Members note all that is being done to deliver the Armed Forces Covenant in Kent",
        "and agree to its priorities.",
        "",
        "Members continue to support the Covenant across the county.",
        "",
        "6) The Chairman thanked the officers.",
    ]
    assert resolutions(body) == [
        "Members note all that is being done to deliver the Armed Forces Covenant in Kent and "
        "agree to its priorities.",
        "Members continue to support the Covenant across the county.",
    ]


def test_headings_and_further_lead_ins_inside_a_lettered_resolution_are_not_clauses() -> None:
    body = [
        "(27) RESOLVED that:",
        "",
        "County Council, having given due regard to the s25 Report, is asked to agree the",
        "following:",
        "",
        "2025-35 Capital Programme",
        "(a) The 10-year Capital programme.",
        "(b) The directorate capital programmes",
        "",
        "2025-26 Council Tax",
        "(c) To increase Council Tax band rates from 2026-",
        "27 onwards.",
        "",
        "In addition:",
        "(d) To delegate authority to the Chief Executive.",
    ]
    assert resolutions(body) == [
        "The 10-year Capital programme.",
        "The directorate capital programmes",
        "To increase Council Tax band rates from 2026-27 onwards.",
        "To delegate authority to the Chief Executive.",
    ]


@pytest.mark.parametrize(
    "after",
    [
        ["", "The Chairman thanked the officers for their work."],
        ["", "6) Mr Hook asked that the vote be recorded."],
        ["", "Motion carried."],
        ["", "\u201cThat the Council notes the petition.\u201d"],
    ],
)
def test_narrative_after_a_lettered_resolution_is_not_a_clause(after: list[str]) -> None:
    body = ["RESOLVED that:", "(a) the report be noted; and", "(b) the plan be agreed.", *after]
    assert resolutions(body) == ["the report be noted; and", "the plan be agreed."]


def test_numbered_and_bulleted_lists_after_a_lead_in_are_clauses() -> None:
    numbered = [
        "8) RESOLVED that Council:",
        "",
        "1. Notes with thanks the work of the",
        "Working Party.",
        "2. Approves the changes.",
        "",
        "9) The Chairman thanked the Members.",
    ]
    assert resolutions(numbered) == [
        "Notes with thanks the work of the Working Party.",
        "Approves the changes.",
    ]
    bulleted = [
        "3) RESOLVED that Council:",
        "",
        "\u2022\tAgrees the revised Terms of Reference; and",
        "\u2022\tDelegates to the Monitoring Officer to make the changes.",
    ]
    assert resolutions(bulleted) == [
        "Agrees the revised Terms of Reference; and",
        "Delegates to the Monitoring Officer to make the changes.",
    ]


def test_numbered_paragraph_after_a_resolution_is_not_a_clause() -> None:
    body = ["RESOLVED that the report be noted.", "", "2. Mr Love introduced the next report."]
    assert resolutions(body) == ["that the report be noted."]


def test_wrapped_clause_and_vote_line_removed() -> None:
    body = [
        "RESOLVED: \u2022 That the minutes be approved. (Cllr A proposed, Cllr B seconded, all were in favour).",
    ]
    assert resolutions(body) == ["That the minutes be approved."]


def test_decision_worded_as_a_sentence_is_recorded_whole() -> None:
    body = [
        "4.4.9. The letter had been circulated. It was proposed by Cllr. J. Davies, seconded by "
        "Cllr. W. Loynton and unanimously agreed that the letter would be sent to the MP.      Clerk",
        "4.4.11i) It was agreed that the Clerk approach Biomass.",
        "It was felt that the arrangements worked well.",
        "AGREED that the item be deferred.",
    ]
    assert decision_sentences([" ".join(body[0].split("      ")[:1]), *body[1:]]) == [
        "It was proposed by Cllr. J. Davies, seconded by Cllr. W. Loynton and unanimously agreed "
        "that the letter would be sent to the MP.",
        "It was agreed that the Clerk approach Biomass.",
        "AGREED that the item be deferred.",
    ]


def test_decision_lead_in_takes_the_table_it_introduces() -> None:
    body = [
        "Cllr. A declared an interest in PL/00489 and took no part.",
        "The following was unanimously agreed:",
        "",
        "",
        "PL/00489",
        "One Planet Development",
        "",
        "Penybanc",
        "",
        "OBJECTIONS",
        "1. The development is outside the LDP.",
        "2. The lane is too narrow for the",
        "traffic.",
        "",
        "",
        "PL/00590",
        "Land North of Montana",
        "NO OBSERVATIONS",
        "",
        "The Clerk would write to the planning authority with these observations.",
    ]
    assert decision_sentences(body) == [
        "The following was unanimously agreed: PL/00489; One Planet Development; Penybanc; "
        "OBJECTIONS; 1. The development is outside the LDP. 2. The lane is too narrow for the "
        "traffic. PL/00590; Land North of Montana; NO OBSERVATIONS"
    ]


def test_decision_lead_in_with_nothing_after_it_is_not_a_decision() -> None:
    body = ["It was agreed:", "", "The Chair thanked everyone for attending the meeting."]
    assert decision_sentences(body) == []


def test_decision_sentences_only_when_the_minutes_never_say_resolved() -> None:
    text = HEAD + (
        "\n53. Work Programme\n\nIt was agreed that the item be added.\n\n"
        "54. Prevent\n\nRESOLVED: That the report be noted.\n"
    )
    assert [i.resolutions for i in one(text).items] == [[], ["That the report be noted."]]


def test_split_sentences_keeps_initials_and_abbreviations() -> None:
    assert split_sentences("Cllr. O. Williams spoke to C.C.C. about it. Noted.") == [
        "Cllr. O. Williams spoke to C.C.C. about it.",
        "Noted.",
    ]


# --- seeds and corpus -----------------------------------------------------------------


def _only(path: Path) -> list[Minutes]:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return parse_path(path).minutes


def test_seed_agenda_pack_holds_one_set_of_minutes() -> None:
    (minutes,) = _only(SEEDS / "000_3d48826cf5eae9ab.txt")
    assert minutes.date == "2019-01-22"
    assert [i.number for i in minutes.items] == list(range(44, 53))
    assert minutes.items[-1].part == 2
    assert sum(len(i.resolutions) for i in minutes.items) == 12


def test_corpus_kent_cabinet() -> None:
    (minutes,) = _only(CORPUS / "kent-cc-cabinet-2025-01-30.txt")
    assert (minutes.committee, minutes.date, minutes.chair) == (
        "Cabinet",
        "2025-01-30",
        "R W Gough",
    )
    assert len(minutes.present) == 9 and "R C Love" in minutes.present
    assert "C McInnes" in minutes.also_in_attendance and "L Gannon" in minutes.also_in_attendance
    assert minutes.apologies == ["C Bell"]
    assert [i.number for i in minutes.items] == list(range(84, 93))
    item88 = minutes.items[4]
    assert item88.title.startswith("24/00108 - Revenue and Capital Budget Monitoring Report")
    assert len(item88.resolutions) == 6 and item88.resolutions[0].startswith(
        "Note the forecast revenue"
    )
    assert len(minutes.items[7].resolutions) == 3  # (a) (b) (c) across a page break


def test_corpus_kent_council_member_attending_virtually_after_apologies() -> None:
    (minutes,) = _only(CORPUS / "pdf" / "kent-county-council-2025-01-09-minutes.pdf")
    assert "Grehan" in minutes.also_in_attendance
    assert "Grehan" not in minutes.present + minutes.apologies
    assert len(minutes.apologies) == 13


def test_corpus_merton_pack() -> None:
    # the notes of the joint session held during the meeting are part of its minutes
    (minutes,) = _only(CORPUS / "merton-audit-committee-pack-2009-10-22.txt")
    assert (minutes.committee, minutes.date, minutes.chair) == (
        "Audit Committee",
        "2009-09-24",
        "Dave Roberts",
    )
    assert minutes.present == ["Dave Roberts", "Angela Caldara", "Corinna Edge", "Danny Connellan"]
    assert "Caroline Holland" in minutes.also_in_attendance
    assert minutes.apologies == ["Rod Scott", "Diane Neil mills"]
    assert [i.number for i in minutes.items] == [1, 2, 3, 4, 5, 6, 7]
    assert minutes.items[3].title == "AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES JUDGEMENT"
    assert len(minutes.items[4].resolutions) == 2
    assert minutes.items[6].resolutions == []  # "NOTED" is not a resolution


def test_corpus_stoke_ferry() -> None:
    (minutes,) = _only(CORPUS / "stoke-ferry-pc-2020-07-01.txt")
    assert (minutes.committee, minutes.date, minutes.chair) == (
        "Stoke Ferry Parish Council",
        "2020-07-01",
        "Sue Lintern",
    )
    assert len(minutes.present) == 8 and "Janet Taylor" in minutes.present
    assert minutes.apologies == ["Mandy Leamon"]
    assert [i.number for i in minutes.items] == [f"{n}/20" for n in range(107, 128)]
    by_number = {i.number: i for i in minutes.items}
    assert by_number["111/20"].resolutions == [
        "That Stuart Collins be co-opted to Stoke Ferry Parish Council."
    ]
    assert by_number["110/20"].title == "To Receive Declarations of Interest from Members"
    assert sum(len(i.resolutions) for i in minutes.items) == 10


def test_corpus_manordeilo_and_salem() -> None:
    (minutes,) = _only(CORPUS / "manordeilo-salem-cc-2020-11-11.txt")
    assert minutes.date == "2020-11-11"
    assert minutes.chair == "Owen Williams"
    assert len(minutes.present) == 10 and minutes.apologies == []
    assert [i.number for i in minutes.items] == list(range(1, 11))
    assert minutes.items[7].title == "WEBSITE"
    decisions = [r for i in minutes.items for r in i.resolutions]
    assert len(decisions) == 6
    assert all(d.startswith("It was") for d in decisions if d not in minutes.items[6].resolutions)
    assert any("£100 donation" in d for d in decisions)
    (planning,) = minutes.items[6].resolutions
    assert planning.startswith("The following was unanimously agreed: PL/00489; One Planet")
    assert "PL/00754; Conversion into flats" in planning and planning.endswith("development.")
