"""Minutes reader: every set of minutes printed in a document.

A set of minutes is found by its attendance line ("Present:", "PRESENT") or, failing that,
an unnumbered "Minutes of ... held on <date>" title. Around it:

* the title lines above it (back to the page start or the "Minutes of" line) give the
  committee and the date (:mod:`minutes_header`);
* the lines from it to the first minute heading are the attendance block;
* numbered minute headings follow (:mod:`minutes_items`), each item running to the next; a
  decision minuted under a heading of its own before the first of them ("Election of Chair")
  is an unnumbered item;
* the set ends at the chair's signature line ("Chairman", "Signed ..."), at the next set's
  title, or at the end of the document.

A record printed like minutes but without numbered items of its own, on the date of the set
before it and naming that committee or saying it forms part of its minutes (the notes of a
joint session held during the meeting), is folded into that set, not counted as a meeting.

Items take their decisions from :mod:`minutes_decisions`. Part Two is entered at a
"PART TWO"/"EXEMPT ITEMS" heading or by an item whose title cites exemption paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parsing import dates, names, text
from minutebook.parsing import minutes_decisions as decisions
from minutebook.parsing import minutes_header as header
from minutebook.parsing.contract import MinuteItem, Minutes
from minutebook.parsing.minutes_items import Heading, find_headings
from minutebook.parsing.minutes_lines import prepare_lines

_TITLE_LINE = re.compile(r"^(?:draft\s+)?minutes\b|\bminutes\s+of\b", re.I)
_BARE_TITLE = re.compile(
    r"^(?:(?:draft|confirmed|unconfirmed|approved|signed)\s+)?minutes\s+of\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,12}?(?:meeting|held)\b",
    re.I,
)
_SIGNATURE = re.compile(
    r"^(?:signed\b.*|\(?(?:the\s+)?(?:chair(?:man|woman|person)?|mayor)(?:'s)?\s*(?:signature)?\)?"
    r"\s*[.:_\u2026]*\s*(?:date[d]?\b.*)?)$",
    re.I,
)
_PART_HEADING = re.compile(
    r"^(?:part\s+(?P<p>one|two|1|2|i{1,2})\b|(?P<x>(?:un)?restricted|exempt|confidential|private|open)"
    r"\s+(?:items?|business|session|minutes))[\w\s()-]{0,40}$",
    re.I,
)
_EXEMPT_SUFFIX = re.compile(
    r"\s*\((?P<t>[^()]*\b(?:exempt\w*|exemption|schedule\s*12a|paragraphs?)\b[^()]*\d[^()]*)\)\s*$",
    re.I,
)
# "Contract - Exempt under paragraph 3", "Staffing: exempt paragraphs 1 and 2": unbracketed.
_EXEMPT_TAIL = re.compile(
    r"\s*[-\u2013\u2014:]\s*(?P<t>(?:exempt|not\s+for\s+publication|confidential|restricted)\b"
    r"[^()]{0,60}?\bparagraphs?\s+\d{1,2}(?:\s*(?:,|&|and|-|to)\s*\d{1,2})*)\s*\.?$",
    re.I,
)
# Numbers near an exemption that are not its paragraphs: "Part 1 of Schedule 12A", "1972".
_NOT_PARAGRAPHS = re.compile(r"schedule\s*12\s*a|part\s+\d+|\b(?:19|20)\d\d\b|section\s+\d+", re.I)
_CUT_AFTER = re.compile(r"\b(?:and|or|by|the|of|to|be|was|were|been|is|are|a|an)$", re.I)
_HEADER_LOOKBACK = 8


@dataclass
class _Span:
    head: int  # first title line
    anchor: int  # attendance line (or the title line)
    end: int  # exclusive


def read_minutes(lines: list[str], warnings: list[str]) -> list[Minutes]:
    plain = [text.clean_line(line.replace(text.FORM_FEED, "")) for line in lines]
    prepared = prepare_lines(lines)
    found: list[tuple[Minutes, _Span]] = []
    for span in _spans(lines, plain):
        minutes = _read_set(lines, plain, prepared, span)
        host = _host_of(minutes, span, found, plain)
        if host is not None:
            _fold_into(host, minutes)
        else:
            found.append((minutes, span))
    for minutes, span in found:
        _warn(minutes, span, warnings)
    return [minutes for minutes, _ in found]


def _host_of(
    minutes: Minutes, span: _Span, found: list[tuple[Minutes, _Span]], plain: list[str]
) -> Minutes | None:
    """The earlier set of minutes this one is a part of, if it is a part of one.

    A note of a joint session held during a meeting ("AUDIT COMMITTEE AND GENERAL PURPOSES
    COMMITTEE (JOINT SESSION)", "This note forms part of the minutes of the Audit Committee
    meeting") is printed like minutes, with its own attendance, but has no numbered items of
    its own: its business is minuted under the host meeting's items. A careful reader records
    it as part of the host's minutes, not as a second meeting with no business. It must share
    the host's date and either name the host committee in its title or say it is part of it.
    """
    if minutes.items or minutes.date is None:
        return None
    said_part = any(_PART_OF_MINUTES.search(plain[i]) for i in range(span.head, span.end))
    for host, _ in reversed(found):
        if host.date != minutes.date or host.committee is None:
            continue
        named = minutes.committee is not None and _names_body(minutes.committee, host.committee)
        if named or said_part:
            return host
    return None


_PART_OF_MINUTES = re.compile(
    r"\b(?:forms?|formed|is|are)\s+(?:an?\s+)?(?:integral\s+)?part\s+of\s+(?:the|these)\s+minutes\b"
    r"|\bjoint\s+(?:session|meeting)\b",
    re.I,
)


def _names_body(title: str, committee: str) -> bool:
    """True when ``title`` ("Audit Committee and General Purposes Committee") names
    ``committee`` ("Audit Committee") as a whole phrase."""
    words = re.findall(r"\w+", committee.lower())
    pattern = r"\b" + r"\W+".join(map(re.escape, words)) + r"\b"
    return bool(words) and re.search(pattern, title.lower()) is not None


def _fold_into(host: Minutes, part: Minutes) -> None:
    """Attendees of the part not already listed by the host attended part of its meeting."""
    listed = {names.name_key(n) for n in host.present + host.also_in_attendance + host.apologies}
    for name in part.present + part.also_in_attendance:
        key = names.name_key(name)
        if key and key not in listed:
            listed.add(key)
            host.also_in_attendance.append(name)


def _spans(lines: list[str], plain: list[str]) -> list[_Span]:
    anchors = _anchors(plain)
    spans: list[_Span] = []
    for anchor in anchors:
        floor = spans[-1].anchor + 1 if spans else 0
        head = _header_start(lines, plain, anchor, floor)
        spans.append(_Span(head, anchor, len(lines)))
    for k in range(len(spans) - 1):
        spans[k].end = spans[k + 1].head
    for span in spans:
        span.end = _signature_end(plain, span.anchor, span.end)
    return spans


def _anchors(plain: list[str]) -> list[int]:
    """Attendance lines that open a set of minutes, or bare minutes titles without one."""
    present = [i for i, line in enumerate(plain) if header.PRESENT_RE.match(line.strip())]
    titles = [
        i
        for i, line in enumerate(plain)
        if _is_minutes_title(line)
        and not any(0 <= p - i <= 15 for p in present)
        and not _inside_set(plain, present, i)
    ]
    anchors: list[int] = []
    for i in sorted(present + titles):
        if anchors and i - anchors[-1] <= 3:
            continue
        anchors.append(i)
    return anchors


def _inside_set(plain: list[str], present: list[int], i: int) -> bool:
    """True when line ``i`` follows an attendance line with no signature line in between."""
    before = [p for p in present if p < i]
    if not before:
        return False
    return not any(_is_signature(plain, j) for j in range(before[-1] + 1, i))


def _is_minutes_title(line: str) -> bool:
    line = line.strip()
    if not _BARE_TITLE.match(line) or len(line) > 300:
        return False
    return dates.parse_date(line) is not None


def _header_start(lines: list[str], plain: list[str], anchor: int, floor: int) -> int:
    """First title line above the attendance line: page start, "Minutes of" line or a limit."""
    if _is_minutes_title(plain[anchor]):
        return anchor
    seen = 0
    i = anchor - 1
    while i >= floor and seen < _HEADER_LOOKBACK:
        if plain[i].strip():
            seen += 1
            if _TITLE_LINE.search(plain[i]) and not re.match(r"^\d", plain[i].strip()):
                return _headings_above(lines, plain, i, floor)
        if text.FORM_FEED in lines[i]:
            return i
        i -= 1
    return i + 1


def _headings_above(lines: list[str], plain: list[str], i: int, floor: int) -> int:
    """Up to two short heading lines printed above a "Minutes of" line on the same page."""
    j, taken = i - 1, 0
    while j >= floor and taken < 2 and text.FORM_FEED not in lines[j + 1]:
        line = plain[j].strip()
        if line and (len(line) > 80 or line.endswith(".")):
            break
        taken += bool(line)
        j -= 1
    return j + 1


def _signature_end(plain: list[str], anchor: int, limit: int) -> int:
    for i in range(anchor + 1, limit):
        if _is_signature(plain, i):
            return i
    return limit


def _is_signature(plain: list[str], i: int) -> bool:
    """The chair's signature line, not the end of a sentence wrapped onto it.

    "... be confirmed and" / "signed by the Chairman." is a minute, not a signature: a line
    starting in lowercase, or following a line cut after a word such as "and" or "the",
    continues the sentence above.
    """
    line = plain[i].strip()
    if not _SIGNATURE.match(line):
        return False
    if line[:1].islower():
        return False
    above = next(
        (plain[j].strip() for j in range(i - 1, max(-1, i - 3), -1) if plain[j].strip()), ""
    )
    return not _CUT_AFTER.search(above)


def _read_set(lines: list[str], plain: list[str], prepared: list[str], span: _Span) -> Minutes:
    title_lines = [plain[i] for i in range(span.anchor, span.head - 1, -1) if plain[i].strip()]
    headings = find_headings(prepared, span.anchor + 1, span.end)
    first = headings[0].index if headings else span.end
    block_end = _block_end(prepared, span.anchor, first)
    opens_block = header.PRESENT_RE.match(plain[span.anchor].strip()) is not None
    block = _attendance_block(lines, prepared, span.anchor + (0 if opens_block else 1), block_end)
    bodies = [_body(prepared, headings, k, span.end) for k in range(len(headings))]
    preamble = prepared[block_end:first]  # e.g. "Election of Chair" before the first minute
    attendance = header.read_attendance(block, preamble + [x for b in bodies for x in b])
    return Minutes(
        committee=header.find_committee(title_lines),
        date=header.find_date(title_lines),
        chair=attendance.chair,
        present=attendance.present,
        also_in_attendance=attendance.also,
        apologies=attendance.apologies,
        items=_preamble_items(preamble, bodies) + _items(prepared, headings, bodies, span),
    )


def _attendance_block(lines: list[str], prepared: list[str], start: int, end: int) -> list[str]:
    """The attendance block's lines, columns that ``pdftotext -layout`` set apart by runs of
    spaces kept apart as tab-separated cells (cleaning would run the names together)."""
    return [
        text.clean_line(text.layout_cells(lines[i].replace(text.FORM_FEED, "")))
        if prepared[i] and "   " in lines[i].strip()
        else prepared[i]
        for i in range(start, end)
    ]


def _block_end(prepared: list[str], anchor: int, first: int) -> int:
    """The attendance block ends at a Part heading or the first line of narrative."""
    for i in range(anchor + 1, first):
        line = prepared[i].strip()
        if _PART_HEADING.match(line) or (header.label_of(line) is None and _is_narrative(line)):
            return i
    return first


def _is_narrative(line: str) -> bool:
    """A sentence rather than a list of names: mostly lowercase words."""
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", line)
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w.islower() and w not in {"and", "of", "for", "the"})
    return lower * 2 > len(words)


def _body(prepared: list[str], headings: list[Heading], k: int, end: int) -> list[str]:
    head = headings[k]
    stop = headings[k + 1].index if k + 1 < len(headings) else end
    body = [head.rest] if head.rest else []
    body.extend(prepared[head.end + 1 : stop])
    nxt = headings[k + 1] if k + 1 < len(headings) else None
    if nxt is not None and nxt.midline and prepared[stop].strip():
        body.append(prepared[stop])  # text before a heading found mid-line
    return body


def _items(
    prepared: list[str], headings: list[Heading], bodies: list[list[str]], span: _Span
) -> list[MinuteItem]:
    labelled = decisions.has_resolved([x for b in bodies for x in b])
    items: list[MinuteItem] = []
    part = 1
    for k, head in enumerate(headings):
        part = _part_before(prepared, headings, k, span, part)
        title, paragraphs = _exempt_suffix(head.title)
        body = bodies[k]
        item = MinuteItem(number=head.number, title=title, part=2 if paragraphs else part)
        item.exempt_paragraphs = paragraphs or (_exempt_in_body(body) if item.part == 2 else [])
        if not paragraphs and item.part == 1 and _exempt_in_body(body) and _body_opens_exempt(body):
            item.part, item.exempt_paragraphs = 2, _exempt_in_body(body)
        item.resolutions = (
            decisions.resolutions(body) if labelled else decisions.decision_sentences(body)
        )
        items.append(item)
    return items


def _preamble_items(preamble: list[str], bodies: list[list[str]]) -> list[MinuteItem]:
    """Business minuted under a heading of its own before the first numbered minute.

    "Election of Chair" / "RESOLVED that Mr Cooke be elected to Chair the meeting." printed
    between the attendance and minute 283 is an item of the meeting, unnumbered (null), and
    its decision is kept. A heading with no decision under it is not taken: it may be a note.
    """
    lines = [x.strip() for x in preamble]
    part = 1
    for k, line in enumerate(lines):
        if not line:
            continue
        heading = _PART_HEADING.match(line)
        if heading:
            part = _part_of(heading)
            continue
        if not _is_preamble_heading(line):
            return []
        body = preamble[k + 1 :]
        if decisions.has_resolved(body + [x for b in bodies for x in b]):
            found = decisions.resolutions(body)
        else:
            found = decisions.decision_sentences(body)
        return [MinuteItem(number=None, title=line, part=part, resolutions=found)] if found else []
    return []


def _is_preamble_heading(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 12
        and line[:1].isupper()
        and not line.endswith((".", ":", ";", ","))
        and header.label_of(line) is None
        and decisions.RESOLVED_RE.match(line) is None
    )


def _part_before(
    prepared: list[str], headings: list[Heading], k: int, span: _Span, part: int
) -> int:
    start = headings[k - 1].index + 1 if k else span.anchor
    for i in range(start, headings[k].index):
        match = _PART_HEADING.match(prepared[i].strip())
        if match:
            part = _part_of(match)
    return part


def _part_of(match: re.Match[str]) -> int:
    word = (match.group("p") or match.group("x") or "").lower()
    return 2 if word in {"two", "2", "ii", "restricted", "exempt", "confidential", "private"} else 1


def _exempt_suffix(title: str) -> tuple[str, list[int]]:
    match = _EXEMPT_SUFFIX.search(title) or _EXEMPT_TAIL.search(title)
    if not match:
        return title, []
    return title[: match.start()].strip(), _paragraph_numbers(match.group("t"))


def _paragraph_numbers(text_: str) -> list[int]:
    """Schedule 12A paragraphs: 1-7 in England, 12-18 in Wales (as the Act numbers them)."""
    text_ = _NOT_PARAGRAPHS.sub(" ", text_)
    match = re.search(r"paragraphs?\s+((?:\d{1,2}(?:\s*(?:,|&|and|-|to)\s*)?)+)", text_, re.I)
    source = match.group(1) if match else text_
    found = {int(n) for n in re.findall(r"\d{1,2}", source)}
    for low, high in re.findall(r"(\d{1,2})\s*(?:-|to)\s*(\d{1,2})", source):
        found.update(range(int(low), int(high) + 1))
    return sorted(n for n in found if 1 <= n <= 18)


def _body_opens_exempt(body: list[str]) -> bool:
    first = next((x.strip() for x in body if x.strip()), "")
    return bool(re.match(r"^\(?(?:exempt|not\s+for\s+publication|confidential)", first, re.I))


def _exempt_in_body(body: list[str]) -> list[int]:
    first = next((x.strip() for x in body if x.strip()), "")
    if re.search(r"exempt|schedule\s*12a", first, re.I) and re.search(r"paragraph", first, re.I):
        return _paragraph_numbers(first)
    return []


def _warn(minutes: Minutes, span: _Span, warnings: list[str]) -> None:
    where = f"line {span.anchor + 1}"
    label = f"minutes of {minutes.date or 'unknown date'}"
    if minutes.date is None:
        warnings.append(f"{where}: {label}: meeting date not found")
    if minutes.committee is None:
        warnings.append(f"{where}: {label}: committee not found")
    if not minutes.present:
        warnings.append(f"{where}: {label}: no members present found")
    if not minutes.items:
        warnings.append(f"{where}: {label}: no numbered minute items found")
