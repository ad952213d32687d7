"""Report reader: one test per structural rule, on small hand-written report templates."""

from __future__ import annotations

import pytest

from minutebook.parsing.reports import read_reports

STAFFS_CONTACT = [
    "Contact Officer",
    "",
    "Name and Job Title: Julie Long, Principal Community Safety Officer",
    "Telephone No.: 01785 278551",
    "E-Mail Address: julie.long@staffordshire.gov.uk",
]


def template(
    recommendations: list[str],
    contact: list[str] = STAFFS_CONTACT,
    appendices: list[str] = ("List of Appendices:", "", "None"),
    header: list[str] = ("Safe Committee - Monday 04 March 2019",),
    title: str = "Domestic Homicide Reviews",
) -> list[str]:
    return [
        "Local Members' Interest",
        "",
        *header,
        "",
        title,
        "",
        *recommendations,
        "",
        "Report of Cllr Gill Heath, Cabinet Member for Communities",
        "",
        "Summary",
        "",
        "1. This covering report summarises the findings.",
        "",
        *contact,
        "",
        *appendices,
    ]


def read(lines: list[str]):
    warnings: list[str] = []
    return read_reports(lines, warnings), warnings


def only(lines: list[str]):
    reports, _ = read(lines)
    assert len(reports) == 1
    return reports[0]


def test_staffordshire_template_fields():
    report = only(template(["Recommendation", "", "- a. That the Committee scrutinises it."]))
    assert report.title == "Domestic Homicide Reviews"
    assert report.meeting_date == "2019-03-04"
    assert report.report_of == "Cllr Gill Heath, Cabinet Member for Communities"
    assert report.recommendations == ["That the Committee scrutinises it."]
    officer = report.contact_officers[0]
    assert (officer.name, officer.job_title) == ("Julie Long", "Principal Community Safety Officer")
    assert (officer.phone, officer.email) == ("01785 278551", "julie.long@staffordshire.gov.uk")
    assert report.appendices == []


def test_recommendation_labels_are_stripped():
    lettered = ["Recommendations", "", "- a. Note the savings", "- b. Agree the actions"]
    assert only(template(lettered)).recommendations == ["Note the savings", "Agree the actions"]
    numbered = ["Recommendation/s", "", "1. That the report be endorsed."]
    assert only(template(numbered)).recommendations == ["That the report be endorsed."]
    bullets = ["Recommendations", "", "\u2022 Note the plan;", "\u2022 Agree the next steps."]
    assert only(template(bullets)).recommendations == ["Note the plan;", "Agree the next steps."]


def test_wrapped_recommendation_and_lead_in():
    recs = [
        "Recommendations",
        "That the Committee:",
        "(a) notes the progress made",
        "against the plan; and",
        "(b) agrees the monitoring.",
    ]
    assert only(template(recs)).recommendations == [
        "notes the progress made against the plan; and",
        "agrees the monitoring.",
    ]


PROSE = [
    f"{n}. The service has worked with partners to address the areas for improvement that the"
    for n in range(1, 25)
]


def test_wrapped_recommendation_ending_on_a_short_line_after_a_page_footer():
    """Text wrapped at a page width: "February 2019" finishes the sentence, not a heading."""
    recs = [
        "Recommendation",
        "a. Members are recommended to receive the progress report which explains how the",
        "County Council is working to address the areas for improvement outlined in the Ofsted",
        "",
        "Page 11",
        "",
        "visit held 26th-27th June 2018 and the Inspection of services held 4th- 8th (inclusive)",
        "February 2019",
    ]
    report = only([*template(recs), "", *PROSE])
    assert report.recommendations[0].endswith("held 4th- 8th (inclusive) February 2019")


def test_short_heading_after_an_unwrapped_recommendation_still_ends_it():
    recs = ["Recommendation", "That the report be noted", "", "Background Papers"]
    assert only([*template(recs), "", *PROSE]).recommendations == ["That the report be noted"]


TINA_GOULD = [
    ("Name:", "Tina Gould"),
    ("Job Title:", "Scrutiny and Support Manager"),
    ("Telephone No.:", "01785 276148"),
    ("e-mail:", "tina.gould@staffordshire.gov.uk"),
]


@pytest.mark.parametrize(
    "contact",
    [
        # a two-column table as tab-separated rows
        ["Contact Officer", "", *(f"{label}\t{value}" for label, value in TINA_GOULD)],
        # the same table read one cell a line (pdftotext in reading order)
        ["Contact Officer", *(x for pair in TINA_GOULD for x in (pair[0], "", pair[1], ""))],
    ],
    ids=["tab rows", "cell a line"],
)
def test_contact_template_of_labels_and_values(contact: list[str]):
    officer = only(template(["Recommendation", "1. That it is noted."], contact)).contact_officers
    assert [(o.name, o.job_title, o.phone, o.email) for o in officer] == [
        tuple(value for _, value in TINA_GOULD)
    ]


def test_several_officers_with_bare_phone_and_email_lines():
    contact = [
        "Contact Officer/s",
        "",
        "Name: Tina Gould, Scrutiny and Support Manager",
        "01785 276148",
        "tina.gould@staffordshire.gov.uk",
        "",
        "Name: Helen Phillips, Scrutiny and Support Officer",
        "01785 276143",
        "helen.phillips@staffordshire.gov.uk",
    ]
    officers = only(template(["Recommendation", "1. Noted."], contact)).contact_officers
    assert [(o.name, o.phone) for o in officers] == [
        ("Tina Gould", "01785 276148"),
        ("Helen Phillips", "01785 276143"),
    ]
    assert officers[1].email == "helen.phillips@staffordshire.gov.uk"


def test_second_unlabelled_name_and_title_line_is_another_officer():
    contact = [
        "Contact Officer",
        "",
        "Name and Job Title: Jill Mogg \u2013 Senior Commissioning Manager",
        "Liz Mellor - Children's Commissioner",
    ]
    officers = only(template(["Recommendation", "1. Noted."], contact)).contact_officers
    assert [(o.name, o.job_title, o.phone) for o in officers] == [
        ("Jill Mogg", "Senior Commissioning Manager", None),
        ("Liz Mellor", "Children's Commissioner", None),
    ]


def test_contact_table_with_header_row():
    contact = [
        "Contact Officers",
        "Name\tJob Title\tTelephone\tEmail",
        "Ann Lee\tHead of Audit\t020 8545 1234\tann.lee@merton.gov.uk",
        "Bob Roe\tAuditor\t020 8545 9999\tbob.roe@merton.gov.uk",
    ]
    officers = only(template(["Recommendation", "1. Noted."], contact)).contact_officers
    assert [(o.name, o.job_title, o.email) for o in officers] == [
        ("Ann Lee", "Head of Audit", "ann.lee@merton.gov.uk"),
        ("Bob Roe", "Auditor", "bob.roe@merton.gov.uk"),
    ]


def test_appendix_list_and_background_papers():
    listed = [
        "List of Appendices:",
        "",
        "\u00a0",
        "Appendix A \u2013 Previous Structure",
        "Appendix B \u2013 New Structure",
        "Community Impact Assessment",
        "",
        "List of Background Papers:",
        "County Council Staffing Protocol (HR 92)",
    ]
    report = only(template(["Recommendation", "1. Noted."], appendices=listed))
    assert report.appendices == [
        "Appendix A \u2013 Previous Structure",
        "Appendix B \u2013 New Structure",
        "Community Impact Assessment",
    ]


def test_appendix_lines_after_gaps_and_the_appendix_text_that_follows():
    listed = [
        "Appendices/Background papers",
        "",
        "Appendix A - Focused Inspection Report",
        "",
        "Appendix B - ILACS Report",
        "",
        "Final Report of the Working Group on Something Else",
    ]
    report = only(template(["Recommendation", "1. Noted."], appendices=listed))
    assert report.appendices == [
        "Appendix A - Focused Inspection Report",
        "Appendix B - ILACS Report",
    ]


def test_split_running_header_gives_date_and_title():
    lines = template(
        ["Recommendation", "1. Noted."],
        header=["Safe and Strong Communities Select Committee", "", "28 May 2019"],
        title="Work Programme Planning",
    )
    report = only(lines)
    assert (report.title, report.meeting_date) == ("Work Programme Planning", "2019-05-28")


def test_implausible_header_year_takes_the_pack_date():
    front = ["Safe Committee", "", "Monday, 4 March 2019", ""]
    lines = template(["Recommendation", "1. Noted."], header=["Safe Committee - 4 March 2018"])
    assert only(front + lines).meeting_date == "2019-03-04"
    weekday = template(["Recommendation", "1. Noted."], header=["Committee - Monday 04 March 2018"])
    assert only(weekday).meeting_date == "2019-03-04"


def test_front_sheet_report_of_lines_are_not_reports():
    lines = ["4. **Prevent** (Pages 23 - 26)", "Report of the Cabinet Member for Communities"]
    reports, warnings = read([*lines, "", "Recommendations", "", "- a. Something."])
    assert reports == []
    assert warnings and warnings[0].startswith("line 4:")


def test_appendix_that_looks_like_a_report_is_not_a_report():
    appendix = [
        "Appendices/Background papers",
        "",
        "- Final Report of the Working Group",
        "",
        "Final Report of the Working Group",
        "",
        "Background",
        "",
        "Contact Officer",
        "",
        "Name and Job Title: Someone Else, Clerk",
        "",
        "Appendices/Background papers",
        "",
        "None.",
    ]
    report = only(template(["Recommendation/s", "1. That it is endorsed."], appendices=appendix))
    assert report.appendices == ["Final Report of the Working Group"]
    assert [o.name for o in report.contact_officers] == ["Julie Long"]


def test_labelled_head_template():
    lines = [
        "Committee: Audit Committee",
        "Date: 22 October 2009",
        "Subject: Annual complaints report",
        "Lead member: Councillor Ann Lee",
        "Contact officer: Bob Roe, Head of Audit, bob.roe@merton.gov.uk",
        "",
        "Recommendations:",
        "A. That the Committee notes the report.",
        "",
        "1. Purpose of report and executive summary",
    ]
    report = only(lines)
    assert report.title == "Annual complaints report"
    assert report.meeting_date == "2009-10-22"
    assert report.report_of == "Councillor Ann Lee"
    assert report.recommendations == ["That the Committee notes the report."]


def test_labelled_from_subject_template_with_contact_details():
    lines = [
        "From: Roger Gough, Leader of the Council",
        "To: Cabinet \u2013 30 January 2025",
        "Subject: Budget Monitoring",
        "Summary: This report sets out the forecast.",
        "",
        "Recommendation(s):",
        "Cabinet is asked to:",
        "a) NOTE the forecast; and",
        "b) AGREE the changes.",
        "",
        "1. Introduction",
        "",
        "12. Contact details",
        "Report Author: Joe Bloggs",
        "Job title: Head of Finance",
        "Email address: joe.bloggs@kent.gov.uk",
    ]
    report = only(lines)
    assert (report.title, report.meeting_date) == ("Budget Monitoring", "2025-01-30")
    assert report.report_of == "Roger Gough, Leader of the Council"
    assert report.recommendations == ["NOTE the forecast; and", "AGREE the changes."]
    officer = report.contact_officers[0]
    assert (officer.name, officer.job_title, officer.email) == (
        "Joe Bloggs",
        "Head of Finance",
        "joe.bloggs@kent.gov.uk",
    )


def test_a_date_in_the_title_is_not_the_running_header():
    lines = template(
        ["Recommendation", "1. Noted."],
        header=["Safe Committee \u2013 28th May 2019"],
        title="Ofsted Inspection 4 - 8 February 2019",
    )
    report = only(lines)
    assert (report.title, report.meeting_date) == (
        "Ofsted Inspection 4 - 8 February 2019",
        "2019-05-28",
    )


def test_unreadable_contact_block_is_a_warning():
    contact = ["Contact Officer", "", "Please see the front sheet for details of this report."]
    reports, warnings = read(template(["Recommendation", "1. Noted."], contact))
    assert reports[0].contact_officers == []
    assert any("contact block not recognised" in w for w in warnings)
