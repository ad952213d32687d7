"""Line cleanup rules on hand-written snippets."""

from minutebook.parsing.text import (
    clean_line,
    clean_lines,
    clean_text,
    has_cells,
    is_blank,
    is_heading,
    is_page_marker,
    join_wrapped,
    page_number,
    page_starts,
    paragraphs,
    running_headers,
    split_cells,
    split_pages,
    strip_bullet,
    strip_page_marker,
)


def test_markdown_bold_and_headings_are_stripped() -> None:
    assert clean_line("4. **Prevent** (Pages 23 - 26)") == "4. Prevent (Pages 23 - 26)"
    assert clean_line("### Minutes of the meeting ###") == "Minutes of the meeting"
    assert is_heading("## Agenda")
    assert clean_line("__Resolved:__ that *the* report be noted") == (
        "Resolved: that the report be noted"
    )


def test_markdown_and_html_links_keep_their_text() -> None:
    assert (
        clean_line("see the [Prevent Duty Toolkit](#) here") == "see the Prevent Duty Toolkit here"
    )
    assert clean_line('<a href="x.pdf">Appendix A</a>') == "Appendix A"
    assert clean_line("<https://www.gov.uk/x>") == "https://www.gov.uk/x"
    assert clean_line("[a \\(3\\).pdf](https://x/a%20\\(3\\).pdf)") == "a (3).pdf"


def test_html_fragments_and_entities() -> None:
    assert clean_line("<p>Children &amp; Families</p> <p>Plan</p>") == "Children & Families Plan"
    assert clean_line('<ul style="list-style-type: none">• Race') == "• Race"


def test_tab_cells_are_split_and_cleaned() -> None:
    line = "Ann Beech\tJason Jones\t\t**Paul**"
    assert has_cells(line)
    assert split_cells(line) == ["Ann Beech", "Jason Jones", "", "Paul"]
    assert not has_cells("\tonly leading tab")


def test_whitespace_only_lines_are_blank() -> None:
    assert is_blank("\u00a0 \t")
    assert clean_text("a\u00a0\u00a0b\tc") == "a b c"


def test_page_markers() -> None:
    assert is_page_marker("Page 35")
    assert is_page_marker("  - 3 -  ")
    assert is_page_marker("Page 2 of 9")
    assert not is_page_marker("Page 35 of the report sets out")
    assert not is_page_marker("35")
    assert page_number("Page 96") == 96
    assert strip_page_marker("4 March 2019 10.00am Page 92") == "4 March 2019 10.00am"


def test_page_footer_mid_text_is_removed_without_changing_line_count() -> None:
    lines = ["The review found", "Page 35", "that the plan", "---"]
    assert clean_lines(lines) == ["The review found", "", "that the plan", ""]


def test_split_pages_on_form_feeds() -> None:
    pages = split_pages(["a", "b", "\fc", "\fd", "e"])
    assert pages == [["a", "b"], ["c"], ["d", "e"]]
    assert page_starts(["a", "\fb", "c", "\f"]) == [0, 1, 3]


def test_running_headers_found_on_page_edges() -> None:
    page = ["Audit Committee", "24 September 2009", "text {}", "more", "Page {}"]
    lines: list[str] = []
    for n in range(4):
        lines += [("\f" if n else "") + page[0]] + [x.format(n) for x in page[1:]]
    headers = running_headers(lines)
    assert "Audit Committee" in headers and "24 September 2009" in headers
    assert "text 1" not in headers
    cleaned = clean_lines(lines, drop=headers)
    assert len(cleaned) == len(lines)
    assert "Audit Committee" not in cleaned


def test_bullets_and_wrapped_lines() -> None:
    assert strip_bullet("- a) 0-19 Health Visiting Contract") == "a) 0-19 Health Visiting Contract"
    assert strip_bullet("• Race") == "Race"
    assert join_wrapped(["Presentation by Kate Cox,", "  Midlands NHS Trust"]) == (
        "Presentation by Kate Cox, Midlands NHS Trust"
    )
    assert join_wrapped(["Stoke-on-", "Trent"]) == "Stoke-on-Trent"


def test_paragraphs_are_runs_of_non_blank_lines() -> None:
    assert paragraphs(["", " a ", "b", "  ", "", "c", ""]) == [["a", "b"], ["c"]]
    assert paragraphs(["\u00a0", "\t"]) == []


def test_layout_column_gaps_become_tabs() -> None:
    from minutebook.parsing.text import layout_cells

    line = "    4.       Annual complaints report                 9"
    assert layout_cells(line) == "4.\tAnnual complaints report\t9"
    assert layout_cells("one two  three") == "one two  three"
