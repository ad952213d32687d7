"""Front sheet reader: the meeting an agenda pack is for.

General rules, not one council's template:

* The front sheet is what precedes the first set of minutes (the first attendance line such as
  "Present:"). A document whose numbered agenda does not come before that has no front sheet.
* The header (above the first agenda item) gives the committee, date, time and venue; a date
  printed alone and earlier than the meeting (under the issuing officer's name) is the
  publication date.
* Agenda items are numbered in sequence; a title may wrap over lines, carry a page range
  "(Pages 9 - 22)" or a right-aligned start page, lettered sub-items, and a "Report of ..." /
  "Presentation by ..." line. An item whose number was lost in conversion is recovered from
  its place in the sequence when it is bold or has a page range.
* A "Part Two" / "Exempt items" heading turns the following items into part 2.
* Membership lists (one name a line, or a two-column box flattened into tab-separated lines,
  read column by column) give names and roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.parsing import dates, names, text
from minutebook.parsing.contract import AgendaItem, Meeting, Member, SubItem

_ATTENDANCE = re.compile(
    r"^(?:members\s+)?(?:present|attendance|in\s+attendance)\b\s*(?::|-|\t|$)", re.IGNORECASE
)
_AGENDA_HEADING = re.compile(r"^(?:a\s*g\s*e\s*n\s*d\s*a|agenda)\s*:?$", re.IGNORECASE)
_ITEM = re.compile(
    r"^(?:item\s+)?(\d{1,2})(?:\.|\)|:)?\s+(?![-\u2013]\s*\d+\)?$)(\S.*)$", re.IGNORECASE
)
_SUBITEM = re.compile(r"^(?:[-*\u2022]\s*)?\(?([a-z]|[ivx]{1,4})[.)]\s+(\S.*)$")
_PAGES = re.compile(
    r"\(?\bPages?\s+(\d{1,4})(?:(?:\s*(?:[-\u2013\u2014]+|to)\s*|\s+)(\d{1,4}))?\s*\)?", re.I
)
# "(Pages 7 -" at the end of a line: the range goes on at the start of the next.
_DANGLING_RANGE = re.compile(r"\bPages?\s+\d{1,4}\s*(?:[-\u2013\u2014]|to)\s*$", re.I)
_ONLY_PAGES = re.compile(rf"^{_PAGES.pattern}$", re.IGNORECASE)
_TRAILING_PAGE = re.compile(r"(?:\t|\s{2,})(\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_REPORT_OF = re.compile(
    r"^(?:joint\s+)?(?:report|presentation|verbal\s+(?:report|update)|update)\s+(?:of|by|from)\s+"
    r"(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
_PART_TWO = re.compile(
    r"^(?:part\s+(?:two|2|ii)|exempt\s+items?|restricted\s+items?|confidential\s+items?)\b",
    re.IGNORECASE,
)
_PART_ONE = re.compile(
    r"^(?:part\s+(?:one|1|i)|unrestricted\s+items?|open\s+items?)\b(?!.*exempt)", re.IGNORECASE
)
_NIL = re.compile(
    r"^(?:nil|none|no\s+items?|there\s+are\s+no\b|\(?at\s+the\s+time\s+of\s+preparing\s+the\s+"
    r"agenda\s+there\s+were\s+no\s+exempt)",
    re.IGNORECASE,
)
_MEMBERSHIP = re.compile(
    r"^(?:(?:committee|panel|board|cabinet|council|sub-committee)\s+)?(?:membership\b[^.:]{0,60}"
    r"|members(?:\s+of\s+the\s+[\w &-]+)?)\s*:?$",
    re.IGNORECASE,
)
# Lines under a Part Two heading that are notes and notices, not exempt item titles.
_NOT_A_TITLE = re.compile(
    r"^(?:note|notes|filming|recording|webcast|contact|membership|members|if\s|please|for\s"
    r"|the\s+(?:chair|chairman|committee|public|press)\b|all\s+reports|reports?\s+in\s+this"
    # the exemption printed under an item: "Exempt paragraph 3", "(Paragraphs 1 and 2)"
    r"|\(?\s*(?:exempt(?:ion)?\s+(?:paragraphs?|information|under|by)|paragraphs?\s+\d"
    r"|not\s+for\s+publication|by\s+virtue\s+of|schedule\s+12a))",
    re.IGNORECASE,
)
# "Membership: A, B (Chair) and C": the members listed after the heading on the same line.
_MEMBERSHIP_LIST = re.compile(
    r"^(?:(?:committee|panel|board|cabinet|council|sub-committee)\s+)?(?:membership|members)"
    r"(?:\s*\([^)]*\))?\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"[,;&]|\sand\s", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)")
_LIST_RUNS_ON = re.compile(r"(?:[,;&]|\band)$", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^[A-Z][\w ()&/-]{0,40}:$")
_BODY = re.compile(
    r"\b(?:committee|sub-committee|cabinet|council|panel|board|forum|commission|group"
    r"|partnership|authority|assembly|executive)\b",
    re.IGNORECASE,
)
_MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+(?:will|is\s+to|shall)\s+be\s+held\b(.*)$", re.I
)
_HELD_AT = re.compile(r"\bheld\s+(?:in|at)\s+(?:the\s+)?(.+?)(?:\s+on\b|\s+at\s+\d|[.:]?$)", re.I)
_LABELLED = re.compile(r"^(date|time|venue|place|location|where|when)\s*:\s*(.*)$", re.IGNORECASE)
_CONTACT_LABEL = re.compile(
    r"\s*\b(?:ask\s+for|telephone|tel|phone|e-?mail|contact|enquiries\s+to|fax)\b\s*:.*$",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:room|chamber|hall|house|buildings?|centre|center|offices?|suite|library|school"
    r"|church|pavilion|online|virtual|remote|remotely|teams|zoom|street|road|lane|square)\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_PUBLISHED_WINDOW_DAYS = 90
_MAX_PROSE_RUN = 12
# Unnumbered Part Two titles follow the heading (or the title before) within this many lines.
_EXEMPT_TITLE_REACH = 8


@dataclass
class _Block:
    """A run of non-blank cleaned lines: first line index and the texts."""

    start: int
    lines: list[str] = field(default_factory=list)

    @property
    def joined(self) -> str:
        return text.join_wrapped(self.lines)


def read_front_sheet(lines: list[str], warnings: list[str]) -> Meeting | None:
    """The meeting a pack is for, or None when the document has no front sheet."""
    clean = _clean(lines)
    end = _front_end(clean)
    first = _first_item(clean, 0, end)
    if first is None:
        return None
    items, exempt = _read_agenda(clean, first, end, warnings)
    if len(items) < 2:
        return None
    _drop_footnote_marks(items, clean[first:end], lines[first:end])
    header = clean[:first]
    meeting = Meeting(committee=None, date=None, agenda=items, exempt_items=exempt)
    _read_header(header, meeting)
    meeting.published = _published(clean[:end], meeting.date)
    meeting.membership = _membership(clean, end)
    return meeting


# ---------------------------------------------------------------------------------------------
# Regions


def _clean(lines: list[str]) -> list[str]:
    """Cleaned lines (markup, page markers and running headers removed), count unchanged."""
    headers = text.running_headers(lines)
    laid_out = [text.layout_cells(x) if "   " in x else x for x in lines]
    clean = [_strip_bullet_marker(x) for x in text.clean_lines(laid_out, drop=headers)]
    return _join_lone_numbers(clean)


_LONE_NUMBER = re.compile(r"^(?:item\s+)?\d{1,2}[.)]$", re.IGNORECASE)


def _join_lone_numbers(clean: list[str]) -> list[str]:
    """ "1." alone, then the title on the next non-blank line (pdftotext's reading order):
    the number moves down onto the title's line, so wrapped title lines still follow it."""
    out = list(clean)
    for i, line in enumerate(out):
        if not _LONE_NUMBER.match(line) or (i and _DANGLING_RANGE.search(out[i - 1])):
            continue  # "18)" under "(Pages 7 -" ends a page range
        j = i + 1
        while j < len(out) and j <= i + 3 and not out[j]:
            j += 1
        if j < len(out) and j <= i + 3 and _can_be_title(out[j]):
            out[i], out[j] = "", f"{line} {out[j]}"
    return out


def _can_be_title(line: str) -> bool:
    if not line or _LONE_NUMBER.match(line) or _BARE_NUMBER.match(line):
        return False
    return not dates.is_date_line(line)


def _strip_bullet_marker(line: str) -> str:
    stripped = text.strip_bullet(line)
    return stripped if _SUBITEM.match(stripped) else line


def _front_end(clean: list[str]) -> int:
    """Index of the first attendance line (start of the first minutes), or the end."""
    for i, line in enumerate(clean):
        if _ATTENDANCE.match(line):
            return i
    return len(clean)


def _first_item(clean: list[str], start: int, end: int) -> int | None:
    """Index of agenda item 1 (or the first line after an AGENDA heading with an item)."""
    for i in range(start, end):
        match = _ITEM.match(clean[i])
        if match and match.group(1) == "1" and _next_item_follows(clean, i, end):
            return i
    return None


def _next_item_follows(clean: list[str], i: int, end: int) -> bool:
    """True when item 2 appears within the next few lines after item 1."""
    for line in clean[i + 1 : min(end, i + 40)]:
        match = _ITEM.match(line)
        if match:
            return match.group(1) == "2"
    return False


# ---------------------------------------------------------------------------------------------
# Agenda


@dataclass
class _AgendaState:
    items: list[AgendaItem] = field(default_factory=list)
    exempt: list[str] = field(default_factory=list)
    part: int = 1
    open_title: bool = False  # the current item's title may continue on the next line
    title_parts: list[str] = field(default_factory=list)
    blank_before: bool = False
    prose_run: int = 0
    nil: bool = False  # Part Two said there are no exempt items
    part_two_at: int = -1  # line of the Part Two heading, or of the last unnumbered title there
    previous: str = ""  # the line before, as printed


def _read_agenda(
    clean: list[str], first: int, end: int, warnings: list[str]
) -> tuple[list[AgendaItem], list[str]]:
    state = _AgendaState()
    i = first
    while i < end:
        line = clean[i]
        if not line:
            state.blank_before = True
            state.open_title = False
            i += 1
            continue
        if _MEMBERSHIP.match(line) or state.prose_run > _MAX_PROSE_RUN:
            break
        standalone = state.blank_before and (i + 1 >= end or not clean[i + 1])
        near = i - state.part_two_at <= _EXEMPT_TITLE_REACH
        if state.part == 2 and not state.nil and near and standalone and _exempt_title(line):
            _start_item(state, line, None)  # an unnumbered Part Two title
            state.open_title = False
            state.part_two_at = i
        else:
            _agenda_line(line, state, i, warnings)
        state.blank_before = False
        state.previous = line
        i += 1
    _finish_pages(state.items)
    return state.items, state.exempt


def _agenda_line(line: str, state: _AgendaState, index: int, warnings: list[str]) -> None:
    numbered = [item.number for item in state.items if item.number]
    expected = str(int(numbered[-1]) + 1) if numbered else "1"
    match = _ITEM.match(line)
    if match and match.group(1) == expected:
        _start_item(state, match.group(2), expected)
        return
    if _PART_TWO.match(line):
        state.part = 2
        state.prose_run = 0
        state.part_two_at = index
        return
    if _PART_ONE.match(line):
        state.part = 1
        return
    if state.part == 2 and _NIL.match(line):
        state.nil = True
        return
    if not state.items:
        return
    if not _attach(line, state) and _lost_number(line, state):
        _start_item(state, line, expected)
        warnings.append(f"line {index + 1}: agenda item number missing; taken as item {expected}")
    elif match and match.group(1) != expected:
        state.prose_run += 1


def _start_item(state: _AgendaState, title_text: str, number: str | None) -> None:
    item = AgendaItem(number=number, title="", part=state.part)
    state.items.append(item)
    state.title_parts = []
    state.prose_run = 0
    if state.part == 2:
        state.exempt.append("")
    _add_title_part(state, title_text)


def _add_title_part(state: _AgendaState, line: str) -> None:
    """Add one printed line of the current item's title; pages may be split over lines."""
    item = state.items[-1]
    trailing = _TRAILING_PAGE.search(line)
    if trailing and not _PAGES.search(line):
        line = line[: trailing.start()]
        if item.pages is None:
            item.pages = (int(trailing.group(1)), -1)
    state.title_parts.append(line)
    joined = text.join_wrapped(state.title_parts)
    title, pages = _split_pages(joined)
    if pages and _PAGES.search(joined):
        item.pages = pages
    state.open_title = not _PAGES.search(joined) or bool(_DANGLING_RANGE.search(joined))
    item.title = _tidy_title(re.sub(r"\(Pages?$", "", title))
    if state.part == 2 and state.exempt:
        state.exempt[-1] = item.title


def _attach(line: str, state: _AgendaState) -> bool:
    """Attach a non-item line to the current item; False when it does not belong to it."""
    item = state.items[-1]
    report = _REPORT_OF.match(line)
    if report:
        if not item.subitems and item.report_of is None:
            item.report_of = report.group(1).strip().rstrip(".")
        state.open_title = False
        state.prose_run = 0
        return True
    sub = _SUBITEM.match(line)
    if sub and (item.subitems or state.blank_before or not state.open_title):
        expected = _next_letter(item.subitems)
        if sub.group(1) in expected:
            item.subitems.append(SubItem(number=sub.group(1), title=_split_pages(sub.group(2))[0]))
            state.open_title = False
            return True
    if _ONLY_PAGES.match(line) or _BARE_NUMBER.match(line):
        if item.pages is None:
            item.pages = _pages_from(line)
        state.open_title = False
        return True
    if state.open_title and not state.blank_before and _continues_title(line):
        if not text.starts_anew(state.previous, line):
            _add_title_part(state, line)
            return True
        state.open_title = False  # the title ended on the line before
    state.prose_run += 1
    return False


def _next_letter(subitems: list[SubItem]) -> set[str]:
    if not subitems:
        return {"a", "i"}
    last = subitems[-1].number
    if (re.fullmatch(r"[ivx]+", last) and last not in {"i", "v", "x"}) or last == "i":
        romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        nxt = romans[romans.index(last) + 1] if last in romans[:-1] else ""
        return {nxt, chr(ord(last) + 1)} if len(last) == 1 else {nxt}
    return {chr(ord(last[0]) + 1)}


def _exempt_title(line: str) -> bool:
    """A line standing alone under Part Two that reads as an item title, not as prose, a note
    or the notice about exempt information."""
    if _ITEM.match(line) or _NIL.match(line) or _PART_ONE.match(line) or _REPORT_OF.match(line):
        return False
    if "\t" in line or not line[:1].isupper() or len(line.split()) > 15:
        return False
    if dates.is_date_line(line):
        return False
    return not line.endswith((".", ":", ":-", ";", ",")) and not _NOT_A_TITLE.match(line)


def _continues_title(line: str) -> bool:
    if _ITEM.match(line) or _PART_TWO.match(line) or _NIL.match(line):
        return False
    return len(line.split()) <= 25 and not re.match(r"^[\"\u201c]", line)


def _lost_number(line: str, state: _AgendaState) -> bool:
    """True for an unnumbered line that must be the next item: it has its own page range."""
    if not state.blank_before and state.open_title:
        return False
    if _REPORT_OF.match(line) or _SUBITEM.match(line):
        return False
    match = _PAGES.search(line)
    if not match or _ONLY_PAGES.match(line):
        return False
    prev = state.items[-1].pages
    start = int(match.group(1))
    return prev is None or start > prev[0]


def _split_pages(title_text: str) -> tuple[str, tuple[int, int] | None]:
    """Title without its page range, and the range ((start, end); end may equal start)."""
    title_text = title_text.strip()
    match = _PAGES.search(title_text)
    if match:
        title = (title_text[: match.start()] + title_text[match.end() :]).strip(" \t-,")
        return _tidy_title(title), _pages_from(match.group(0))
    trailing = _TRAILING_PAGE.search(title_text)
    if trailing:
        start = int(trailing.group(1))
        return _tidy_title(title_text[: trailing.start()]), (start, -1)
    return _tidy_title(title_text), None


def _pages_from(fragment: str) -> tuple[int, int] | None:
    numbers = [int(n) for n in re.findall(r"\d{1,4}", fragment)]
    if not numbers:
        return None
    if len(numbers) == 1:
        return (numbers[0], -1) if _BARE_NUMBER.match(fragment.strip()) else (numbers[0],) * 2
    return numbers[0], numbers[1]


def _finish_pages(items: list[AgendaItem]) -> None:
    """Give start-only pages (right-aligned numbers) the end before the next item's start."""
    for n, item in enumerate(items):
        if item.pages is None or item.pages[1] != -1:
            continue
        later = [x.pages[0] for x in items[n + 1 :] if x.pages and x.pages[0] > item.pages[0]]
        item.pages = (item.pages[0], later[0] - 1) if later else None


_FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z)])\s?(\d{1,2})$")


def _drop_footnote_marks(items: list[AgendaItem], front: list[str], raw: list[str]) -> None:
    """ "Declarations of interest 1" when a footnote "1" / "Members are advised ..." is printed
    below the agenda on the same page: the number is the footnote's mark, not part of the title.
    """
    notes = {
        line
        for k, line in enumerate(front[:-1])
        if _BARE_NUMBER.match(line)
        and len(line) <= 2
        and text.FORM_FEED not in raw[k] + raw[k + 1]  # not a page number over a page
        and _is_footnote_text(front[k + 1])
    }
    if not notes:
        return
    for item in items:
        mark = _FOOTNOTE_MARK.search(item.title)
        if mark and mark.group(1) in notes and len(item.title.split()) > 1:
            item.title = item.title[: mark.start()].rstrip()


def _is_footnote_text(line: str) -> bool:
    """A sentence printed straight under a footnote's number."""
    return line[:1].isupper() and len(line.split()) >= 6 and not _ITEM.match(line)


def _tidy_title(title: str) -> str:
    title = text.clean_text(title).strip(" \t-\u2013:")
    return re.sub(r"\s*\(\s*\)$", "", title)


# ---------------------------------------------------------------------------------------------
# Header: committee, date, time, venue, published


def _blocks(lines: list[str], offset: int = 0) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for i, line in enumerate(lines):
        if not line or _AGENDA_HEADING.match(line):
            current = None
            continue
        if current is None:
            current = _Block(start=offset + i)
            blocks.append(current)
        current.lines.append(line.split("\t")[0] if _CONTACT_LABEL.match(line) else line)
    return blocks


def _read_header(header: list[str], meeting: Meeting) -> None:
    blocks = _blocks(header)
    _from_labels(header, meeting)
    _from_meeting_sentence(blocks, meeting)
    date_block = _meeting_date_block(blocks)
    if meeting.date is None and date_block is not None:
        meeting.date = dates.parse_date(date_block.joined)
    if meeting.time is None:
        meeting.time = _meeting_time(blocks, date_block)
    if meeting.venue is None:
        meeting.venue = _venue_after(blocks, date_block)
    if meeting.committee is None:
        meeting.committee = _committee(blocks, date_block)


def _from_labels(header: list[str], meeting: Meeting) -> None:
    """ "Date: 22 October 2009", "Time: 19:15", "Venue: ..." lines."""
    for i, line in enumerate(header):
        match = _LABELLED.match(line.replace("\t", " "))
        if not match:
            continue
        label, value = match.group(1).lower(), match.group(2).strip()
        if label in {"date", "when"} and meeting.date is None:
            meeting.date = dates.parse_date(value)
            meeting.time = meeting.time or dates.parse_time(value)
        elif label == "time" and meeting.time is None:
            meeting.time = dates.parse_time(value)
        elif label in {"venue", "place", "location", "where"} and meeting.venue is None:
            meeting.venue = _venue_text([value, *_address_continuation(header, i + 1)])


def _address_continuation(lines: list[str], start: int) -> list[str]:
    """Address lines after a venue line: directly following, or after blanks with a postcode."""
    out: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if not line:
            j = i
            while j < len(lines) and not lines[j]:
                j += 1
            if j < len(lines) and _POSTCODE.search(lines[j]) and not _LABELLED.match(lines[j]):
                out.append(lines[j])
            break
        if _LABELLED.match(line) or _CONTACT_LABEL.match(line) or not _looks_like_address(line):
            break
        out.append(line)
        i += 1
    return out


def _looks_like_address(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 12 or dates.find_date(line) or line.endswith("."):
        return False
    return bool(_PLACE.search(line) or _POSTCODE.search(line) or "," in line)


def _venue_text(parts: list[str]) -> str | None:
    parts = [text.clean_text(_CONTACT_LABEL.sub("", p)).strip(" ,") for p in parts]
    venue = ", ".join(p for p in parts if p).strip(" ,.")
    return venue or None


def _from_meeting_sentence(blocks: list[_Block], meeting: Meeting) -> None:
    """ "A meeting of the X will be held in the Y on <date> at <time>"."""
    for block in blocks:
        joined = block.joined
        match = _MEETING_OF.search(joined)
        if not match:
            continue
        meeting.committee = meeting.committee or _tidy_committee(match.group(1))
        rest = match.group(2)
        meeting.date = meeting.date or dates.parse_date(rest)
        meeting.time = meeting.time or dates.parse_time(rest)
        held = _HELD_AT.search("held" + rest) if rest.strip(" :") else None
        if held and meeting.venue is None and not dates.find_date(held.group(1)):
            meeting.venue = held.group(1).strip(" ,.") or None
        return


def _meeting_date_block(blocks: list[_Block]) -> _Block | None:
    """The header block naming the meeting date: the first dated block with a weekday or time,
    else the one with the latest date (the publication date is earlier)."""
    dated = [b for b in blocks if dates.find_date(b.joined)]
    for block in dated:
        joined = block.joined
        if _WEEKDAY.search(joined) or dates.parse_time(joined):
            return block
    if not dated:
        return None
    return max(dated, key=lambda b: dates.parse_date(b.joined) or "")


def _meeting_time(blocks: list[_Block], date_block: _Block | None) -> str | None:
    if date_block is None:
        return None
    found = dates.parse_time(date_block.joined)
    if found:
        return found
    after = [b for b in blocks if b.start > date_block.start][:2]
    for block in after:
        if len(block.joined.split()) <= 6:
            found = dates.parse_time(block.joined)
            if found:
                return found
    return None


def _venue_after(blocks: list[_Block], date_block: _Block | None) -> str | None:
    """The first address-like run of lines after the date and time (same block or later)."""
    if date_block is None:
        return None
    later = [b.lines for b in blocks if b.start > date_block.start][:4]
    for lines in [_after_date_lines(date_block.lines), *later]:
        lines = [_CONTACT_LABEL.sub("", x).strip() for x in lines]
        lines = [x for x in lines if x and not (dates.parse_time(x) and len(x.split()) <= 4)]
        if not lines or dates.find_date(lines[0]) or not _looks_like_address(lines[0]):
            continue
        kept = [lines[0]]
        for x in lines[1:]:
            if not _looks_like_address(x):
                break
            kept.append(x)
        return _venue_text(kept)
    return None


def _after_date_lines(lines: list[str]) -> list[str]:
    """Lines of the date block after the date, its time and any bracketed note.

    Only the date's own run of date and time lines is passed over: a converter that keeps no
    blank lines puts the venue, a notice and the publication date in the same block.
    """
    first = next((i for i, x in enumerate(lines) if dates.find_date(x)), None)
    if first is None:
        return []
    last = first
    while last + 1 < len(lines) and _date_or_time(lines[last + 1]):
        last += 1
    rest = lines[last + 1 :]
    depth = 0
    kept: list[str] = []
    for line in rest:
        opened = depth > 0 or line.startswith("(")
        depth = max(0, depth + line.count("(") - line.count(")"))
        if not opened:
            kept.append(line)
    return kept


def _date_or_time(line: str) -> bool:
    return bool(dates.find_date(line) or (dates.parse_time(line) and len(line.split()) <= 4))


# What the document is, printed over the body's name: not a meeting body.
_DOCUMENT_TITLE = re.compile(
    r"^(?:(?:notice|summons)(?:\s+(?:of|to)(?:\s+(?:the|a))?\s+(?:meeting|attend))?"
    r"|meeting\s+notice|(?:supplementary\s+|draft\s+)?agenda(?:\s+(?:pack|papers|and\s+reports))?"
    r"|public\s+(?:document|reports?)\s+pack|reports?\s+pack|democratic\s+services)$",
    re.IGNORECASE,
)


def _committee(blocks: list[_Block], date_block: _Block | None) -> str | None:
    """The name of the meeting body: a short header line naming a committee, cabinet, etc.

    A council's own name ("Merton Council") gives way to a more specific body after it.
    """
    limit = date_block.start if date_block is not None else None
    candidates: list[str] = []
    for block in blocks:
        if limit is not None and block.start > limit:
            break
        for line in block.lines:
            value = _CONTACT_LABEL.sub("", line).strip()
            if dates.find_date(value) or len(value.split()) > 10 or value.endswith("."):
                continue
            if _DOCUMENT_TITLE.match(value):
                continue
            if _BODY.search(value) or (value.isupper() and len(value.split()) <= 4):
                candidates.append(value)
    if not candidates:
        return None
    specific = [c for c in candidates if not re.search(r"\bcouncil$", c, re.I)]
    return _tidy_committee((specific or candidates)[0])


def _tidy_committee(name: str) -> str:
    name = text.clean_text(name).strip(" :,.")
    name = re.sub(r"^(?:agenda\s+(?:for\s+)?|meeting\s+of\s+)(?:the\s+)?", "", name, flags=re.I)
    if name.isupper():
        name = " ".join(_title_word(w) for w in name.split())
    return name


def _title_word(word: str) -> str:
    small = {"and", "of", "the", "for", "in", "on", "to"}
    lower = word.lower()
    return lower if lower in small else lower[:1].upper() + lower[1:]


def _published(front: list[str], meeting_date: str | None) -> str | None:
    """A date printed alone on its line, before the meeting date and not long before it."""
    if meeting_date is None:
        return None
    meeting_day = dates.iso_to_date(meeting_date)
    previous = ""
    for block in _blocks(front):
        for line in block.lines:
            above, previous = previous, line
            if not dates.is_date_line(line) or _BODY.search(above):
                continue  # a minutes heading ("AUDIT COMMITTEE / 24 SEPTEMBER 2009")
            iso = dates.parse_date(line)
            if iso is None:
                continue
            delta = (meeting_day - dates.iso_to_date(iso)).days
            if 0 < delta <= _PUBLISHED_WINDOW_DAYS:
                return iso
    return None


# ---------------------------------------------------------------------------------------------
# Membership


def _membership(clean: list[str], end: int) -> list[Member]:
    for i in range(end):
        if _MEMBERSHIP.match(clean[i]) or _MEMBERSHIP.match(clean[i].split("\t")[0]):
            members = _members_from(clean, i + 1, end)
            if members:
                return members
        inline = _MEMBERSHIP_LIST.match(clean[i])
        if inline and "\t" not in clean[i]:
            listed = _listed(_list_text(inline.group(1), clean, i + 1, end))
            if listed:
                return [_member(cell) for cell in listed]
    return []


def _list_text(first: str, clean: list[str], start: int, end: int) -> str:
    """A list printed as a sentence, with the lines it runs on to ("A, B," / "C and D")."""
    parts = [first]
    for line in clean[start:end]:
        if not line or not _LIST_RUNS_ON.search(parts[-1]):
            break
        parts.append(line)
    return " ".join(parts)


def _listed(line: str, least: int = 2) -> list[str] | None:
    """The people of a list printed on one line ("A, B (Chair) and C"), None if it is not one
    (fewer than ``least`` people, or a piece that is not a person)."""
    people = names.split_names(re.sub(r"^(?:and|&)\s+", "", line.rstrip(".,;")))
    if len(people) < least or not all(_person_cell(p) for p in people):
        return None
    return people


def _members_from(clean: list[str], start: int, end: int) -> list[Member]:
    """Names after a membership heading, until a line that is not a name or a label."""
    rows: list[list[str]] = []
    runs_on = False  # the line before ended a list with a comma: this line continues it
    for line in clean[start:end]:
        if not line:
            continue
        cells = [c for c in text.split_cells(line) if c]
        if all(_LABEL_ONLY.match(c) and not _person_cell(c) for c in cells):
            continue  # "Councillors:", "Other Members:"
        listed = None
        if len(cells) == 1 and (runs_on or _LIST_SEPARATOR.search(_BRACKETED.sub("", line))):
            listed = _listed(line, 1 if runs_on else 2)
        if listed is not None:
            rows.extend([p] for p in listed)
        elif all(_person_cell(c) for c in cells):
            rows.append(cells)
        else:
            break
        runs_on = bool(_LIST_RUNS_ON.search(line))
    return [_member(cell) for cell in _column_order(rows)]


def _column_order(rows: list[list[str]]) -> list[str]:
    """Cells of a flattened multi-column box read column by column (top to bottom first)."""
    width = max((len(r) for r in rows), default=0)
    if width <= 1:
        return [r[0] for r in rows if r]
    ordered: list[str] = []
    for col in range(width):
        ordered.extend(r[col] for r in rows if col < len(r))
    return ordered


def _split_role(cell: str) -> tuple[str, str | None]:
    """ "Kath Perry, MBE (Vice-Chairman (Overview))" -> name part and the bracketed role."""
    cell = cell.strip()
    if cell.endswith(")"):
        depth = 0
        for pos in range(len(cell) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(cell[pos], 0)
            if depth == 0:
                inner = cell[pos + 1 : -1].strip()
                if names.looks_like_role(inner):
                    return cell[:pos].strip(" ,"), inner
                break
    return cell, None


_ROLE_LABEL = re.compile(r"^([^:]{2,40}):\s*(\S.*)$")


def _role_label(cell: str) -> tuple[str, str] | None:
    """ "Chairman: Cllr John Smith" -> ("John Smith" text, "Chairman")."""
    match = _ROLE_LABEL.match(cell)
    if match and names.looks_like_role(match.group(1)):
        return match.group(2), match.group(1).strip()
    return None


def _person_cell(cell: str) -> bool:
    labelled = _role_label(cell)
    if labelled:
        cell = labelled[0]
    person, _role = _split_role(cell)
    name, _other = names.parse_person(person)
    return bool(name) and names.is_plausible_name(name) and not _BODY.search(name)


def _member(cell: str) -> Member:
    labelled = _role_label(cell)
    if labelled:
        name, _ = names.parse_person(labelled[0])
        return Member(name=name, role=labelled[1])
    person, role = _split_role(cell)
    name, other_role = names.parse_person(person)
    return Member(name=name, role=role or other_role)
