"""The closing blocks of a report: contact officers and the list of appendices.

Contact blocks come in several templates, all read by the same label rules::

    Name and Job Title: Julie Long, Principal Community Safety Officer
    Telephone No.: 01785 278551
    E-Mail Address: julie.long@staffordshire.gov.uk

    Name:<TAB>Tina Gould            (label and value in tab cells)
    Job Title:<TAB>Scrutiny and Support Manager

    Name: Tina Gould, Scrutiny and Support Manager
    01785 276148                    (bare phone and email lines)
    tina.gould@staffordshire.gov.uk

    Name<TAB>Job Title<TAB>Telephone<TAB>Email     (a header row, then one row per officer)

An appendix list is the paragraph under "List of Appendices" / "Appendices/Background
papers", plus any later "Appendix B - ..." lines or bullets; "None" means no appendices.
"""

from __future__ import annotations

import re

from minutebook.parsing import names, text
from minutebook.parsing.contract import ContactOfficer

_NAME_AND_TITLE = r"name\s*(?:and|&|/)\s*(?:job\s+)?title"
_NAME = (
    r"(?:officer(?:'s)?\s+)?name|contact\s+officer|officer|contact|(?:report\s+)?author"
    r"|relevant\s+director|lead\s+officer"
)
_JOB = r"(?:job\s+)?title|position|designation|post|role"
_PHONE = (
    r"tel(?:ephone)?(?:\s+(?:no|number)\.?)?|phone(?:\s+(?:no|number)\.?)?"
    r"|direct\s+(?:line|dial)|mobile|ext(?:ension)?"
)
_EMAIL = r"(?:address\s*/\s*)?e-?\s?mail(?:\s+address)?"
_LABEL = re.compile(
    rf"^(?:(?P<both>{_NAME_AND_TITLE})|(?P<email>{_EMAIL})|(?P<phone>{_PHONE})|(?P<job>{_JOB})"
    rf"|(?P<name>{_NAME}))\s*(?::|\.(?=\s)|\t|\s[-\u2013](?=\s)|$)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"^\(?\+?\d[\d ()\-]{6,}\d(?:\s*(?:ext\.?|x)\s*\d+)?$", re.IGNORECASE)
_NAME_TITLE_SPLIT = re.compile(r"\s*(?:,|\s[-\u2013\u2014]\s)\s*")
_CONTACT_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?contact\s+(?:officers?|details|persons?|names?)(?:\s*/\s*s|\(s\))?\s*(?:[:\-\u2013]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_APPENDIX_HEADING = re.compile(
    r"^(?:list\s+of\s+)?(?:background\s+(?:papers|documents)\s*(?:/|and|&)\s*)?appendices"
    r"(?:\s*(?:/|and|&)\s*background\s+(?:papers|documents))?"
    r"\s*(?:[:\-\u2013]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;:!?)]$")
_NONE = re.compile(r"^(?:none|nil|n/?a|not applicable)\.?$", re.IGNORECASE)
_APPENDIX_LINE = re.compile(r"^(?:appendix|annex|schedule)\s+\w+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf\u2013])\s+")
_STOP_HEADING = re.compile(
    r"^(?:list\s+of\s+)?background\s+(?:papers|documents)|^local\s+members|^contact\s+officer",
    re.IGNORECASE,
)


def is_contact_heading(line: str) -> re.Match[str] | None:
    return _CONTACT_HEADING.match(text.clean_text(line))


def is_appendix_heading(line: str) -> re.Match[str] | None:
    return _APPENDIX_HEADING.match(text.clean_text(line))


# --- contact officers ----------------------------------------------------------------------


def _split_name_title(value: str) -> tuple[str | None, str | None]:
    parts = _NAME_TITLE_SPLIT.split(value.strip(), maxsplit=1)
    name = names.clean_name(parts[0]) or None
    title = parts[1].strip(" .") if len(parts) > 1 and parts[1].strip() else None
    return name, title


def _label_lines(raw: str) -> list[str]:
    """A block line as "label: value" strings (a tab row becomes one per label cell pair)."""
    cells = [c for c in text.split_cells(raw) if c]
    if len(cells) == 2 and _LABEL.match(cells[0]) and not _LABEL.match(cells[1]):
        return [f"{cells[0].rstrip(':')}: {cells[1]}"]
    return [text.clean_text(raw)] if cells else []


class _Builder:
    """Collects officers line by line; a name label (or a bare "Name - Title") opens one."""

    def __init__(self) -> None:
        self.officers: list[ContactOfficer] = []

    @property
    def current(self) -> ContactOfficer | None:
        return self.officers[-1] if self.officers else None

    def open(self, name: str | None, title: str | None = None) -> None:
        self.officers.append(ContactOfficer(name=name, job_title=title))

    def _slot(self, attr: str) -> ContactOfficer:
        if self.current is None or getattr(self.current, attr):
            self.open(None)
        assert self.current is not None
        return self.current

    def feed(self, line: str) -> bool:
        """Read one line; False when it is not part of a contact block."""
        line = line.strip()
        email = _EMAIL_RE.search(line)
        match = _LABEL.match(line)
        if match:
            return self._labelled(match, email)
        if email and len(line) <= len(email.group()) + 4:
            self._slot("email").email = email.group()
            return True
        if _PHONE_RE.match(line):
            self._slot("phone").phone = line
            return True
        name, title = _split_name_title(line)
        if name and names.is_plausible_name(name) and len(name.split()) <= 4 and title:
            self.open(name, title)
            return True
        return False

    def _labelled(self, match: re.Match[str], email: re.Match[str] | None) -> bool:
        value = match.group("value").strip()
        if match.group("both") or match.group("name"):
            name, title = _split_name_title(value) if value else (None, None)
            if match.group("name") and not match.group("both") and value and "," not in value:
                name, title = names.clean_name(value) or None, None
            if name or title:
                self.open(name, title)
            return True
        if match.group("job"):
            self._slot("job_title").job_title = value or None
        elif match.group("phone"):
            if value:
                self._slot("phone").phone = value
        elif match.group("email") and email:
            self._slot("email").email = email.group()
        return True


def _table_officers(rows: list[list[str]]) -> list[ContactOfficer]:
    """Officers from a header row of labels ("Name / Job Title / Telephone / Email") and rows."""
    header = [_LABEL.match(f"{c}:") for c in rows[0]]
    officers = []
    for row in rows[1:]:
        officer = ContactOfficer(name=None)
        for match, value in zip(header, row, strict=False):
            if not match or not value:
                continue
            if match.group("both"):
                officer.name, officer.job_title = _split_name_title(value)
            elif match.group("name"):
                officer.name = names.clean_name(value) or None
            elif match.group("job"):
                officer.job_title = value
            elif match.group("phone"):
                officer.phone = value
            elif match.group("email"):
                found = _EMAIL_RE.search(value)
                officer.email = found.group() if found else None
        if officer.name:
            officers.append(officer)
    return officers


def _is_label_header(raw: str) -> bool:
    cells = [c for c in text.split_cells(raw) if c]
    return len(cells) >= 2 and all(_LABEL.match(f"{c}:") and len(c) < 25 for c in cells)


def read_contacts(lines: list[str], start: int, end: int) -> list[ContactOfficer]:
    """Officers in the contact block whose heading is at ``start``."""
    builder = _Builder()
    rest = is_contact_heading(lines[start])
    if rest and rest.group("rest"):
        builder.feed(rest.group("rest"))
    i, seen = start + 1, 0
    while i < end and seen < 14:
        raw = lines[i]
        i += 1
        if text.is_blank(raw) or text.is_page_marker(raw) or text.is_rule(raw):
            continue  # a markdown table's rule row ("|---|---|") is not a line of the block
        seen += 1
        if _is_label_header(raw):
            table = [text.split_cells(raw)]
            while i < end and "\t" in lines[i] and not text.is_blank(lines[i]):
                if not text.is_rule(lines[i]):
                    table.append(text.split_cells(lines[i]))
                i += 1
            builder.officers.extend(_table_officers(table))
            continue
        if is_appendix_heading(raw) or _STOP_HEADING.match(text.clean_text(raw)):
            break
        parts = _label_lines(raw)
        value_at = _value_below(lines, i, end, parts)
        if value_at is not None:
            parts = [f"{parts[0].rstrip(': ')}: {text.clean_text(lines[value_at])}"]
            i = value_at + 1
        if not all(builder.feed(part) for part in parts):
            break
    return [o for o in builder.officers if o.name or o.email]


def _value_below(lines: list[str], i: int, end: int, parts: list[str]) -> int | None:
    """Where a label printed alone ("Name:") has its value: the next non-blank line, when that
    is not a label or heading itself. A two-column table read one cell a line prints so."""
    if len(parts) != 1:
        return None
    match = _LABEL.match(parts[0])
    if not match or match.group("value").strip():
        return None
    for j in range(i, min(end, i + 3)):
        if text.is_blank(lines[j]):
            continue
        value = text.clean_text(lines[j])
        if _LABEL.match(value) or is_appendix_heading(value) or _STOP_HEADING.match(value):
            return None
        return j
    return None


# --- appendices ----------------------------------------------------------------------------


def _item(raw: str) -> str:
    return text.clean_text(_BULLET.sub("", text.clean_text(raw)))


def read_appendices(lines: list[str], start: int, end: int) -> list[str]:
    """Appendices listed under the heading at ``start`` ([] for "None")."""
    heading = is_appendix_heading(lines[start])
    items: list[str] = []
    if heading and heading.group("rest"):
        items.append(_item(heading.group("rest")))
    i, gap, page_break = start + 1, False, False
    while i < end:
        raw = lines[i]
        i += 1
        if text.is_rule(raw):
            continue
        if text.is_page_marker(raw):
            page_break = True
            continue
        if text.is_blank(raw):
            gap = True
            continue
        line = text.clean_text(raw)
        if _NONE.match(line):
            return []
        if _STOP_HEADING.match(line) or len(line) > 250:
            break
        listed = bool(_BULLET.match(raw) or _APPENDIX_LINE.match(_item(raw)))
        if page_break and not gap and items and not listed and not _SENTENCE_END.search(items[-1]):
            # an item's text running on over a page footer ("... Findings From" / "Page 12" /
            # "An Analysis of ...")
            items[-1] = text.join_wrapped([items[-1], _item(raw)])
            page_break = False
            continue
        if (gap or page_break) and items and not listed:
            break
        items.append(_item(raw))
        gap = page_break = False
    return [i for i in items if i]
