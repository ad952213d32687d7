"""Report reader: reports in a council's report template inside an agenda pack.

A report is found by its "Recommendation(s)" heading, and accepted when the template around it
confirms it: a "Report of ..." line (or a "From:" / "Lead member:" label) or the "Local Members'
Interest" box that opens the template. The lines above the heading hold the running header
("Committee - Monday 04 March 2019", possibly split over two lines) and the title; the lines
below hold the recommendations up to "Report of" or the next section heading. The contact
block and appendix list are the first ones after that, before the next report starts.

Appendices printed after a report (a working group's final report, a summary of findings) have
no recommendation heading with a "Report of" line, so they are never taken for reports; nor are
the front sheet's "Report of the Cabinet Member ..." lines, which have no recommendations.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from minutebook.parsing import dates, text
from minutebook.parsing.contract import Report
from minutebook.parsing.reports_blocks import (
    is_appendix_heading,
    is_contact_heading,
    read_appendices,
    read_contacts,
)

_RECOMMENDATION = re.compile(
    r"^(?:the\s+)?recommendations?(?:\s*/\s*s|\s*\(s\))?(?:\s*(?::|[-\u2013](?=\s))\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_REPORT_OF = re.compile(r"^report\s+(?:of|by|from)\b\s*:?\s*(?P<who>.+)$", re.IGNORECASE)
_REPORT_OF_LABEL = re.compile(
    r"^(?P<label>from|report\s+(?:of|by)|lead\s+member|cabinet\s+member"
    r"|portfolio\s+holder|lead\s+officer|lead\s+director)\s*:\s*(?P<who>.+)$",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(
    r"^(?:subject|title|report\s+title|title\s+of\s+report)\s*:\s*(?P<title>.+)$", re.IGNORECASE
)
_DATE_LABEL = re.compile(r"^(?:date|meeting\s+date|date\s+of\s+meeting)\s*:\s*(?P<date>.+)$", re.I)
_TEMPLATE_START = re.compile(r"^local\s+members'?\u2019?\s*interests?\b", re.IGNORECASE)
_SECTION = re.compile(
    r"^(?:(?:summary|report|background|introduction|details|main\s+report|the\s+report"
    r"|implications|options|consultation)\s*:?$"
    r"|(?:purpose|executive\s+summary|reasons?\s+for|key\s+issues|link\s+to"
    r"|what\s+is\s+the\b.*\basked\b|financial\s+implications)\b)",
    re.IGNORECASE,
)
_ITEM_LABEL = re.compile(
    r"^(?:(?:\(?[a-z]{1,2}\)|[a-zA-Z][.)]|\(?\d{1,2}[.)]|\(?[ivx]{1,4}\))(?=\s)|[-*+\u2022\u25aa\u25cf])\s*"
)
_BODY = re.compile(
    r"\b(?:committee|cabinet|council|panel|board|forum|meeting|group|commission)\b.*"
    r"(?:[-\u2013\u2014,:]|\bon)\s*$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)
_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_HEAD_LINES = 12


@dataclass
class _Anchor:
    """A recommendation heading accepted as the start of a report's body."""

    line: int
    head_start: int
    report_of_line: int | None


def read_reports(lines: list[str], warnings: list[str]) -> list[Report]:
    lines = [text.pipe_row_as_tabs(line) for line in lines]
    clean = [text.clean_text(line) for line in lines]
    anchors = _anchors(clean, warnings)
    pack_date = _pack_date(clean)
    reports = []
    for k, anchor in enumerate(anchors):
        end = anchors[k + 1].head_start if k + 1 < len(anchors) else len(lines)
        reports.append(_read_report(lines, clean, anchor, end, warnings))
    _settle_dates(reports, [_header_date(clean, a) for a in anchors], pack_date)
    return reports


# --- finding reports -----------------------------------------------------------------------


def _anchors(clean: list[str], warnings: list[str]) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for i, line in enumerate(clean):
        if not _RECOMMENDATION.match(line) or (anchors and i < _body_start(anchors[-1])):
            continue
        floor = anchors[-1].line + 1 if anchors else 0
        template = _template_start(clean, i, floor)
        report_of = _report_of_line(clean, i, floor)
        if template is None and report_of is None:
            warnings.append(f"line {i + 1}: recommendations heading outside a report template")
            continue
        head = template + 1 if template is not None else max(floor, i - _HEAD_LINES)
        if report_of is not None and report_of < i:
            head = min(head, report_of)
        anchors.append(_Anchor(line=i, head_start=head, report_of_line=report_of))
    return anchors


def _body_start(anchor: _Anchor) -> int:
    return max(anchor.line, anchor.report_of_line or 0) + 1


def _template_start(clean: list[str], i: int, floor: int) -> int | None:
    for j in range(i - 1, max(floor, i - _HEAD_LINES) - 1, -1):
        if _TEMPLATE_START.match(clean[j]):
            return j
    return None


def _report_of_line(clean: list[str], i: int, floor: int) -> int | None:
    """The "Report of ..." line after the recommendations, or a report-of label above them."""
    for j in range(i + 1, min(len(clean), i + 40)):
        if _REPORT_OF.match(clean[j]):
            return j
        if _TEMPLATE_START.match(clean[j]) or _RECOMMENDATION.match(clean[j]):
            break
        if _is_section(clean[j]) or is_contact_heading(clean[j]):
            break
    above = range(i - 1, max(floor, i - 30) - 1, -1)
    labelled = [j for j in above if _REPORT_OF_LABEL.match(clean[j])]
    return min(labelled, key=lambda j: _label_rank(clean[j]), default=None)


def _label_rank(line: str) -> int:
    """Who a report is of, best first: "From:"/"Report of:", then members, then officers."""
    match = _REPORT_OF_LABEL.match(line)
    label = match.group("label").lower() if match else ""
    if label == "from" or label.startswith("report"):
        return 0
    return 2 if "officer" in label or "director" in label else 1


# --- one report ----------------------------------------------------------------------------


def _read_report(
    lines: list[str], clean: list[str], anchor: _Anchor, end: int, warnings: list[str]
) -> Report:
    report = Report(title=_title(clean, anchor), report_of=_report_of(clean, anchor))
    if not report.title:
        warnings.append(f"line {anchor.line + 1}: report without a recognisable title")
    report.recommendations = _recommendations(clean, anchor, end)
    start = _body_start(anchor)
    contact = next((j for j in range(start, end) if is_contact_heading(lines[j])), None)
    if contact is not None:
        report.contact_officers = read_contacts(lines, contact, end)
        if not report.contact_officers:
            warnings.append(f"line {contact + 1}: contact block not recognised: {clean[contact]}")
    after = contact if contact is not None else start
    listing = next((j for j in range(after, end) if is_appendix_heading(lines[j])), None)
    if listing is not None:
        report.appendices = read_appendices(lines, listing, end)
    return report


def _report_of(clean: list[str], anchor: _Anchor) -> str | None:
    if anchor.report_of_line is None:
        return None
    line = clean[anchor.report_of_line]
    match = _REPORT_OF.match(line) or _REPORT_OF_LABEL.match(line)
    return match.group("who").strip() if match else None


def _is_header_line(line: str) -> bool:
    """A running header ("Committee - Monday 04 March 2019", "28 May 2019", "Date: ..."),
    not a title that happens to hold a date ("Ofsted Inspection 4 - 8 February 2019")."""
    if _DATE_LABEL.match(line) or dates.is_date_line(line):
        return True
    found = dates.find_date(line)
    return found is not None and bool(_BODY.search(line[: found.start]))


def _head(clean: list[str], anchor: _Anchor) -> list[int]:
    """Non-blank head lines between the template start and the recommendation heading."""
    head = [j for j in range(anchor.head_start, anchor.line) if clean[j]]
    opened = anchor.head_start > 0 and _TEMPLATE_START.match(clean[anchor.head_start - 1])
    if head and opened and clean[anchor.head_start]:
        head = head[1:]  # the Local Members' Interest value ("N/A") on the next line
    return [j for j in head if j != anchor.report_of_line]


def _title(clean: list[str], anchor: _Anchor) -> str:
    head = _head(clean, anchor)
    for j in head:
        match = _TITLE_LABEL.match(clean[j])
        if match:
            return match.group("title").strip()
    dated = [k for k, j in enumerate(head) if _is_header_line(clean[j])]
    if dated:
        after = head[dated[-1] + 1 :]
        head = after or head[: dated[0] - _split_header(clean, head, dated[0])]
    labelled = [j for j in head if ":" in clean[j][:30]]
    head = [j for j in head if j not in labelled] or head
    if not head:
        return ""
    group = [head[-1]]  # the last paragraph: consecutive non-blank lines
    for j in reversed(head[:-1]):
        if j != group[0] - 1:
            break
        group.insert(0, j)
    return text.join_wrapped([clean[j] for j in group])


def _split_header(clean: list[str], head: list[int], k: int) -> int:
    """1 when the header's committee name sits on the line above a date-only line."""
    return 1 if k > 0 and dates.is_date_line(clean[head[k]]) else 0


def _recommendations(clean: list[str], anchor: _Anchor, end: int) -> list[str]:
    items: list[list[str]] = []
    rest = _RECOMMENDATION.match(clean[anchor.line])
    if rest and rest.group("rest"):
        items.append([rest.group("rest")])
    gap = False
    for j in range(anchor.line + 1, min(end, anchor.line + 60)):
        line = clean[j]
        stops = j == anchor.report_of_line or _stops_recommendations(line, items)
        if stops and not (items and _goes_on(items[-1][-1], line, clean[anchor.line : end])):
            break
        if not line or text.is_page_marker(line):
            gap = gap or bool(items)
            continue
        label = _ITEM_LABEL.match(line)
        body = _ITEM_LABEL.sub("", line, count=1).strip() if label else line
        if label and _ITEM_LABEL.match(body):
            body = _ITEM_LABEL.sub("", body, count=1).strip()  # "- a. That ..."
        if label or not items or (gap and _ends_sentence(items[-1][-1])):
            items.append([body])
        else:
            items[-1].append(body)
        gap = False
    texts = [text.join_wrapped(parts) for parts in items]
    if len(texts) > 1 and texts[0].endswith(":"):
        texts = texts[1:]  # a lead-in such as "That the Committee:"
    return [t for t in texts if t]


def _is_section(line: str) -> bool:
    """A section heading, numbered or not: "Summary", "1. Purpose of report"."""
    body = _ITEM_LABEL.sub("", line, count=1).strip()
    return len(body.split()) <= 8 and not _ends_sentence(body) and bool(_SECTION.match(body))


def _stops_recommendations(line: str, items: list[list[str]]) -> bool:
    if _TEMPLATE_START.match(line) or _is_section(line) or _RECOMMENDATION.match(line):
        return True
    if is_contact_heading(line) or is_appendix_heading(line):
        return True
    return bool(items) and _looks_like_heading(line)


def _goes_on(previous: str, line: str, report: list[str]) -> bool:
    """A short line that only looks like a heading ("February 2019") under a line of wrapped
    text that filled its width without ending its sentence: the sentence goes on."""
    if _ends_sentence(previous) or not _looks_like_heading(line) or _is_section(line):
        return False
    if _TEMPLATE_START.match(line) or _RECOMMENDATION.match(line):
        return False
    return text.fills_line(previous, text.wrap_width(report))


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 6
        and line[:1].isupper()
        and not _ITEM_LABEL.match(line)
        and not re.search(r"[.;:,]$", line)
        and not line.lower().startswith("that ")
    )


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.;:!?]['\"\u2019\u201d)]?$", line.strip()))


# --- dates -------------------------------------------------------------------------------


def _header_date(clean: list[str], anchor: _Anchor) -> dates.DateMatch | None:
    for j in _head(clean, anchor):
        if not _is_header_line(clean[j]):
            continue
        label = _DATE_LABEL.match(clean[j])
        found = dates.find_date(label.group("date") if label else clean[j])
        if found:
            return _weekday_checked(clean[j], found)
    return None


def _weekday_checked(line: str, found: dates.DateMatch) -> dates.DateMatch:
    """A header whose weekday contradicts its year ("Monday 04 March 2018") takes the year
    the weekday fits, within two years either side."""
    match = _WEEKDAY.search(line)
    if not match:
        return found
    wanted = _WEEKDAYS.index(match.group(1)[:3].lower())
    day = dates.iso_to_date(found.iso)
    if day.weekday() == wanted:
        return found
    for delta in (1, -1, 2, -2):
        try:
            other = day.replace(year=day.year + delta)
        except ValueError:
            continue
        if other.weekday() == wanted:
            return dates.DateMatch(other.isoformat(), found.start, found.end)
    return found


def _pack_date(clean: list[str]) -> str | None:
    """The meeting date on the front sheet: the first line near the top that is only a date."""
    for line in clean[:60]:
        if line and dates.is_date_line(line):
            return dates.parse_date(line)
    return None


def _settle_dates(
    reports: list[Report], found: list[dates.DateMatch | None], pack_date: str | None
) -> None:
    """Each report's meeting date: its header's, unless implausible next to the pack's date."""
    isos = [f.iso for f in found if f]
    consensus = Counter(isos).most_common(1)[0][0] if isos else None
    meeting = pack_date or consensus
    for report, header in zip(reports, found, strict=True):
        report.meeting_date = _plausible(header.iso if header else None, meeting)


def _plausible(header: str | None, meeting: str | None) -> str | None:
    if header is None or meeting is None:
        return header or meeting
    h, m = dates.iso_to_date(header), dates.iso_to_date(meeting)
    if h != m and ((h.month, h.day) == (m.month, m.day) or abs((h - m).days) > 183):
        return meeting
    return header
