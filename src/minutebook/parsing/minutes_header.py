"""The head of a set of minutes: committee, date, attendance, chair and apologies.

Minutes open with a title ("Minutes of the X Committee held on 4 March 2019", or a heading
"AUDIT COMMITTEE" over a date line) and an attendance block of labelled lists:
"Present:" (members; the chair marked "(Chairman)"), "Attendance" (more members, maybe a
two-column table flattened into tab-separated lines), "Also in attendance:"/"In attendance:"
(Cabinet Members, officers and guests) and "Apologies:". Apologies may also be a sentence in
the first minute ("Apologies were received from Mrs C Bell."). Members who took part remotely
("IN ATTENDANCE VIRTUALLY:", "Ms X had given her formal apologies but was attending the meeting
virtually") are in attendance unless the minutes list them as present (see :func:`_place_remote`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.parsing import dates, names, text

# How a member takes part without being in the room: "virtually", "remotely", "via Teams".
_REMOTELY = (
    r"(?:virtually|remotely|online|by\s+(?:video|telephone|phone)(?:\s*(?:link|conference))?"
    r"|via\s+(?:an?\s+)?(?:video\s*(?:link|conference)|(?:ms\s+|microsoft\s+)?teams|zoom|skype"
    r"|webex|remote\s+(?:link|access)|online\s+(?:link|platform)))"
)
# "Present:", "PRESENT", "Members present:", "Present (virtually):" - a capital "Present" on
# its own, so that "present" inside a sentence does not open an attendance list. Members the
# minutes list as present stay present however they took part.
PRESENT_RE = re.compile(
    r"^(?:(?i:members|councillors|those|committee\s+members)\s+(?i:present)|Present|PRESENT)"
    r"(?:\s+were)?"
    rf"(?:\s*\(?\s*(?i:{_REMOTELY})\s*\)?)?"
    r"(?:\s*:|\s+[-\u2013]\s|\t|\s{2,}|\s*$|\s+(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b))",
)
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "remote",
        re.compile(
            r"^(?:(?:members|councillors|also|others?)\s+)?(?:attending|attended|joined|joining"
            r"|participating|in\s+attendance|apologies\s*(?:\(|but|,)?\s*(?:attending|attended"
            r"|joined))\s*\(?\s*" + _REMOTELY + r"\s*\)?(?=\s*[:\-\u2013\t]|\s*$)"
            r"|^(?:remote|virtual|online)\s+(?:attendance|attendees|participants)(?=\s*[:\-\u2013\t]|\s*$)",
            re.I,
        ),
    ),
    (
        "also",
        re.compile(
            r"^(?:also|officers?|others?)(?:\s*,)?\s+(?:in\s+attendance|present|attending)"
            r"(?:\s+virtually|\s+remotely)?\b",
            re.I,
        ),
    ),
    ("also", re.compile(r"^in\s+attendance(?:\s+virtually|\s+remotely)?\b", re.I)),
    # "Officers: F Black (Chief Executive)", "Council officers -": a list of its own.
    (
        "also",
        re.compile(
            r"^(?:council\s+|other\s+)?(?:officers?|advisers|guests|staff)(?=\s*[:\-\u2013\t]|\s*$)",
            re.I,
        ),
    ),
    ("apologies", re.compile(r"^apologies(?:\s+for\s+absence)?(?=\s*[:\-\u2013\t]|\s*$)", re.I)),
    (
        "present",
        # "Attendance Ann Beech<tab>Jason Jones": the label printed in a table's first cell.
        re.compile(
            r"^(?:attendance|members\s+attending|attending)"
            r"(?=\s*[:\-\u2013\t]|\s*$|\s+(?-i:[A-Z][a-z]+\s+[A-Z][\w'\u2019-]+)\t)",
            re.I,
        ),
    ),
    ("present", PRESENT_RE),
]
_APOLOGY_SENTENCE = re.compile(
    r"\bapologies(?:\s+for\s+(?:absence|lateness))?\s+(?:(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:\w+\s+){0,3}?)?(?:from|for|by|on\s+behalf\s+of)\s+(?P<names>.+)",
    re.I,
)
# "Ms Grehan had given her formal apologies but was attending the meeting virtually",
# "Ms L Game and Ms T Scott were in attendance virtually", "Mr X (attending remotely)",
# "Cllr Y, who joined the meeting via Teams".
_REMOTE_PHRASE = re.compile(
    r"(?P<lead>\s*\(\s*|,?\s+who\s+|\s+)(?:(?:was|were|is|are|had\s+been|has\s+been)\s+)?"
    r"(?:attending|attended|joined|joining|participating|participated|present|in\s+attendance"
    r"|took\s+part|taking\s+part)(?:\s+(?:in\s+)?(?:the|this)\s+meeting)?"
    r"(?:\s+(?:for|during)\s+(?:part\s+of\s+)?(?:the\s+)?(?:meeting|item\s+[\w.]+))?\s+"
    + _REMOTELY
    + r"\b",
    re.I,
)
_REMOTE_HINT = re.compile(r"\b(?:virtual|remote|online|teams|zoom|skype|webex|video)")
# The part of a subject that says the person also sent apologies: "had given her apologies but".
_APOLOGY_CLAUSE = re.compile(
    r"(?:,?\s+who)?\s+(?:(?:had|has|having)\s+)?(?:given|gave|sent|tendered|submitted|offered)"
    r"\s+(?:(?:his|her|their|formal)\s+)*apolog.*$"
    r"|\s*,?\s+(?:but|although|though)$",
    re.I,
)
_NO_APOLOGIES = re.compile(r"\b(?:no|there\s+were\s+no)\s+apologies\b", re.I)
_OFFICER_ROLE = re.compile(
    r"\b(?:clerk|officer|director|manager|head\s+of|democratic|services|solicitor|secretary"
    r"|treasurer|adviser|advisor|analyst|accountant|counsel|executive|minute|support"
    r"|commission|auditor|consultant|engineer|planner)\b",
    re.I,
)
_MEMBER_ROLE = re.compile(r"\b(?:chair\w*|vice|leader|mayor|cabinet\s+member|councillor)\b", re.I)
_CHAIR_ROLE = re.compile(r"^(?:in\s+the\s+)?chair(?:man|woman|person)?$", re.I)
_CHAIR_NAME = (
    r"(?P<name>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w'\u2019-]*\.?\s+){0,3}"
    r"[A-Z][\w'\u2019-]+)"
)
_TOOK_CHAIR = re.compile(
    _CHAIR_NAME + r"\s+(?i:(?:took|was\s+in|presided\s+in)\s+the\s+chair)",
)
# "RESOLVED that Mr Cooke be elected to Chair the meeting", "Cllr X was appointed Chairman
# for the meeting": the person chosen to chair this meeting (not "Chairman of the Council").
_ELECTED_CHAIR = re.compile(
    _CHAIR_NAME + r"\s+(?i:(?:be|was|is|had\s+been)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:elected|appointed)\s+(?:to\s+(?:take\s+)?|as\s+)?(?:the\s+)?"
    r"chair(?:man|woman|person)?(?:\s+(?:of\s+|for\s+)?(?:the|this)\s+meeting)?)"
    r"\s*(?:[.;,]|$)",
)
_COMMITTEE_PATTERNS = [
    re.compile(
        r"\bminutes\s+of\s+(?:an?\s+|the\s+)?(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<c>.+?)"
        r"\s+(?:held|on|at|in)\b",
        re.I,
    ),
    re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?P<c>.+?)\s+(?:meeting\s+)?held\b", re.I),
    re.compile(r"^(?P<c>.+?)\s+(?:held|hold)\s+(?:their|its|a|the)\s+(?:\w+\s+)?meeting\b", re.I),
]
_BODY_WORDS = re.compile(
    r"\b(?:committee|council|cabinet|panel|board|group|forum|sub-committee)\b", re.I
)
_GENERIC = re.compile(
    r"^(?:(?:annual|ordinary|extraordinary|special|virtual|remote|public|general|full|the|a|an)"
    r"(?:\s+|$))*(?:meeting|minutes)?$",
    re.I,
)
_SMALL_WORDS = {"and", "of", "the", "for", "on", "in", "at", "to", "with", "a", "an", "&"}


@dataclass
class Attendance:
    present: list[str] = field(default_factory=list)
    also: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    chair: str | None = None


def find_committee(header: list[str]) -> str | None:
    """The committee named in the title lines of a set of minutes (nearest line first)."""
    for line in header:
        for pattern in _COMMITTEE_PATTERNS:
            match = pattern.search(line)
            if match and not _GENERIC.match(match.group("c").strip()):
                return _tidy_committee(match.group("c"))
    for line in header:
        caps = _leading_caps_body(line) or _body_title(line)
        if caps:
            return caps
    return None


def _body_title(line: str) -> str | None:
    """A title line that is only a body's name: "Audit and Governance Committee"."""
    line = line.strip()
    words = line.split()
    if not 1 <= len(words) <= 10 or not _BODY_END.search(line) or _GENERIC.match(line):
        return None
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return None
    return _tidy_committee(line)


_BODY_END = re.compile(
    r"\b(?:committee|council|cabinet|panel|board|group|forum|sub-committee|commission|executive"
    r"|partnership|assembly)$",
    re.I,
)


def _leading_caps_body(line: str) -> str | None:
    """ "STOKE FERRY PARISH COUNCIL Draft ..." / "AUDIT COMMITTEE" -> title-cased body name."""
    match = re.match(
        r"^((?:[A-Z][A-Z&'\u2019-]*\s*)+?)(?=\s+[A-Z]?[a-z(]|\s*[(\u2013\u2014]|\s+-\s|\s*$)",
        line.strip(),
    )
    if not match:
        return None
    words = match.group(1).strip()
    if len(words.split()) < 1 or not _BODY_WORDS.search(words) or len(words) > 120:
        return None
    return _tidy_committee(_title_case(words))


def _title_case(caps: str) -> str:
    out = []
    for i, word in enumerate(caps.split()):
        low = word.lower()
        out.append(
            low if i and low in _SMALL_WORDS else "-".join(p.capitalize() for p in low.split("-"))
        )
    return " ".join(out)


def _tidy_committee(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.:;-\u2013")
    if text.isupper():
        text = _title_case(text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return re.sub(r"\s+(?:meeting|minutes)$", "", text, flags=re.I)


def find_date(header: list[str]) -> str | None:
    """The meeting date: from a line about the meeting first, else the nearest date.

    ``header`` runs nearest line first, so ``header[k - 1]`` is the line printed after
    ``header[k]``; a title wrapped before its date ("... held on 22 January" / "2019") is
    read with the line that follows it.
    """
    for k, line in enumerate(header):
        if re.search(r"\b(?:held|meeting|minutes)\b", line, re.I):
            found = dates.parse_date(line)
            if found is None and k:
                found = dates.parse_date(f"{line} {header[k - 1]}")
            if found:
                return found
    for line in header:
        found = dates.parse_date(line)
        if found:
            return found
    return None


def read_attendance(block: list[str], body: list[str]) -> Attendance:
    """Attendance from the lines between the title and the first minute, plus the body."""
    lists: dict[str, list[tuple[str, str | None]]] = {
        "present": [],
        "also": [],
        "apologies": [],
        "remote": [],
    }
    for kind, people in _labelled_lists(block):
        lists[kind].extend(people)
    att = Attendance()
    officers_begun = False  # officers are listed after the members
    for name, role in lists["present"]:
        if role and _OFFICER_ROLE.search(role) and not _MEMBER_ROLE.search(role):
            officers_begun = True
            att.also.append(name)
        elif officers_begun and not role:
            att.also.append(name)
        else:
            att.present.append(name)
            if att.chair is None and role and _CHAIR_ROLE.match(role):
                att.chair = name
    att.also.extend(n for n, _ in lists["also"])
    att.apologies.extend(n for n, _ in lists["apologies"])
    paragraphs = [" ".join(paragraph) for paragraph in text.paragraphs(block + body)]
    if not att.apologies:
        att.apologies = _apologies_in_sentences(paragraphs)
    if att.chair is None:
        att.chair = _chair_from_text(paragraphs, att.present)
    if att.chair and att.chair in att.present:
        att.present.remove(att.chair)
    if att.chair:
        att.present.insert(0, att.chair)
    att.present = _unique(att.present)
    _place_remote([n for n, _ in lists["remote"]] + remote_attendees(paragraphs), att)
    att.also = [n for n in _unique(att.also) if n not in att.present]
    att.apologies = _unique(att.apologies)
    return att


def _place_remote(remote: list[str], att: Attendance) -> None:
    """Members who took part remotely, some after sending apologies for not attending in person.

    Such a member is neither absent nor, in England since May 2021, present: someone joining
    by video cannot vote or count towards the quorum, and councils leave them off the
    "Present" list and record them "in attendance virtually" (Kent: "Ms Grehan had given her
    formal apologies but was attending the meeting virtually"). Listing them under apologies
    would record as absent someone who took part, so a careful reader keeps them where the
    minutes list them as present or in attendance, and otherwise puts them in attendance: the
    list for people at the meeting who are not counted present. They leave the apologies.
    """
    for name in remote:
        apologised = [a for a in att.apologies if names.same_person(a, name)]
        for printed in apologised:
            att.apologies.remove(printed)
        if any(names.same_person(p, name) for p in att.present + att.also):
            continue
        att.also.append(apologised[0] if apologised else name)


def remote_attendees(paragraphs: list[str]) -> list[str]:
    """People a sentence says took part remotely ("X and Y were in attendance virtually")."""
    found: list[str] = []
    for paragraph in paragraphs:
        if not _REMOTE_HINT.search(paragraph.lower()):  # lowercased: faster than re.I
            continue
        for sentence in _sentences(paragraph):
            for match in _REMOTE_PHRASE.finditer(sentence):
                found.extend(_remote_subject(sentence[: match.start()], match.group("lead")))
    return found


def _remote_subject(before: str, lead: str) -> list[str]:
    """The people a remote-attendance phrase is about: the name just before "(attending ...)"
    or ", who attended ...", else the whole subject of the sentence when it is only names."""
    if lead.strip():
        pieces = names.split_names(before)
        people = names.parse_names(pieces[-1]) if pieces else []
        return [n for n, _ in people[-1:]]
    subject = _APOLOGY_CLAUSE.sub("", before.strip())
    subject = re.sub(r"^.*\b(?:that|whilst|while|as)\s+(?=[A-Z])", "", subject)
    pieces = names.split_names(subject)
    people = names.parse_names(subject)
    return [n for n, _ in people] if pieces and len(people) == len(pieces) else []


def _sentences(paragraph: str) -> list[str]:
    """A paragraph cut at full stops that end a sentence (not after an initial or "Cllr.")."""
    out: list[str] = []
    rest = paragraph
    while rest:
        cut = _first_sentence(rest)
        out.append(cut)
        rest = rest[len(cut) + 1 :].strip()
    return out


def _unique(people: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in people:
        key = names.name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def label_of(line: str) -> tuple[str, str] | None:
    """(kind, rest of line) when ``line`` opens a labelled attendance list."""
    stripped = line.strip()
    if _APOLOGY_SENTENCE.match(stripped):
        return "apologies", stripped
    for kind, pattern in _LABELS:
        match = pattern.match(stripped)
        if match:
            rest = stripped[match.end() :].lstrip(" :-\u2013\t")
            return kind, rest
    return None


def _labelled_lists(block: list[str]) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Each labelled list of the attendance block, its lines gathered and read as names."""
    groups: list[tuple[str, list[str]]] = []
    for line in block:
        label = label_of(line)
        if label:
            groups.append((label[0], [label[1]] if label[1] else []))
        elif groups and line.strip():
            groups[-1][1].append(line)
        elif groups:
            groups[-1][1].append("")
    out = []
    for kind, lines in groups:
        joined = " ".join(x.strip() for x in lines if x.strip())
        sentence = _APOLOGY_SENTENCE.search(
            joined if joined.lower().startswith("apolog") else f"Apologies {joined}"
        )
        if kind == "apologies" and sentence:
            out.append((kind, names.parse_names(_first_sentence(sentence.group("names")))))
        else:
            out.append((kind, _names_from_lines(lines)))
    return out


def _names_from_lines(lines: list[str]) -> list[tuple[str, str | None]]:
    """Names from list lines: tab tables column by column, wrapped prose lists joined."""
    people: list[tuple[str, str | None]] = []
    for chunk in _chunks(lines):
        if all("\t" in x for x in chunk) and len(chunk) >= 1:
            columns = _columns(chunk)
            for column in columns:
                for cell in column:
                    people.extend(names.parse_names(cell))
        elif _one_name_per_line(chunk):
            for line in chunk:
                people.extend(names.parse_names(line))
        else:
            people.extend(names.parse_names(_join_list_lines(chunk)))
    return people


def _one_name_per_line(chunk: list[str]) -> bool:
    """A column of names: no line holds a list separator and each line is one name."""
    if len(chunk) < 2:
        return False
    for line in chunk:
        if re.search(r",|;|\band\b|&|\($|^\(|^[a-z]", line.strip()):
            return False
        if len(names.parse_names(line)) != 1:
            return False
    return True


def _chunks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines, a run of tab rows kept apart from prose lines."""
    chunks: list[list[str]] = []
    for line in lines:
        if not line.strip():
            chunks.append([])
            continue
        is_tab = "\t" in line.strip()
        if chunks and chunks[-1] and ("\t" in chunks[-1][-1].strip()) == is_tab:
            chunks[-1].append(line)
        else:
            chunks.append([line])
    return [c for c in chunks if c]


def _columns(rows: list[str]) -> list[list[str]]:
    cells = [[c.strip() for c in row.strip().split("\t")] for row in rows]
    width = max(len(r) for r in cells)
    return [[r[i] for r in cells if i < len(r) and r[i]] for i in range(width)]


def _join_list_lines(lines: list[str]) -> str:
    """Join a wrapped list; a line ending in ")" or "." closes an entry (acts as a comma)."""
    out = ""
    depth = 0
    for line in (x.strip() for x in lines):
        if out:
            closes = depth == 0 and out.rstrip()[-1:] in ").;"
            out = f"{out.rstrip(' .')}, {line}" if closes else f"{out} {line}"
        else:
            out = line
        depth = max(0, out.count("(") - out.count(")"))
    return out


def _first_sentence(text: str) -> str:
    """Text up to the first full stop that ends a sentence (not an initial or "Cllr.")."""
    for match in re.finditer(r"\.(?=\s+[A-Z]|\s*$)", text):
        before = text[: match.start()].split()
        last = before[-1] if before else ""
        if len(last) == 1 or last.lower() in {"cllr", "mr", "mrs", "ms", "dr", "st", "no"}:
            continue
        return text[: match.start()]
    return text


def _apologies_in_sentences(paragraphs: list[str]) -> list[str]:
    """Apologies given in a sentence, read across the lines it is wrapped over."""
    for line in paragraphs:
        match = _APOLOGY_SENTENCE.search(line)
        if match:
            return [n for n, _ in names.parse_names(_first_sentence(match.group("names")))]
        if _NO_APOLOGIES.search(line):
            return []
    return []


def _chair_from_text(paragraphs: list[str], present: list[str]) -> str | None:
    """The chair named in a sentence: "Cllr X took the chair", "X be elected to Chair the
    meeting" (a paragraph wrapped over lines is read joined). The printed name is matched to
    the one member present it can be ("Mr Cooke" -> "G Cooke")."""
    for paragraph in paragraphs:
        match = _TOOK_CHAIR.search(paragraph) or _ELECTED_CHAIR.search(paragraph)
        if match:
            chair = names.clean_name(match.group("name"))
            same = [p for p in present if names.same_person(p, chair)]
            return same[0] if len(same) == 1 else chair
    return None
