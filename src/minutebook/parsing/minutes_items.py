"""Numbered minute items: find the headings, their numbers and titles.

A minute heading is a number ("44.", "107/20", "Minute 12") followed by a title, on one line,
or a bare number line followed by the title lines (ending at an "(Item 5)" marker). Some
converters run the narrative into the heading line ("107/20 Openness Notice The Chair read the
notice."); the title is then the title-cased run before the first sentence.

Numbered paragraphs inside minutes ("1. Mr Love introduced the report") are sentences, not
titles, and their numbers break the sequence; the headings kept are the longest run of
increasing numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parsing import dates, text

# "44", "107/20", and a committee's letters before the number: "PL/12", "CAB.45". A prefix
# needs its "/" or "." so that a road ("A12") or "COVID-19" is not a minute number.
NUMBER = r"(?P<num>(?-i:[A-Z]{1,5}[/.])?\d{1,4}(?:/\d{2,4})?)"
# "Minute 45", "Minute No. 45", and "Item 1" / "Agenda Item 1" where minutes follow the agenda.
_LEAD = r"(?:(?:minute|(?:agenda\s+)?item)\s+(?:no\.?\s*)?)?"
_HEADING = re.compile(rf"^{_LEAD}{NUMBER}(?:[.):]|\s)\s*(?P<title>.*)$", re.I)
_BARE = re.compile(rf"^{_LEAD}{NUMBER}[.):]?$", re.I)
_ITEM_MARKER = re.compile(r"\s*\((?:agenda\s+)?item\s+[\w.]+\)\s*$", re.I)
_DOTTED = re.compile(r"^\d+(?:\.\d+)+\.?\s|^[\d.]+$")
_NOT_TITLE_START = re.compile(r"^(?:resolved|agreed|noted|recommended|that\b)", re.I)
_MIDLINE_SLASH = r"(?<=\s){n}/{suffix}\s+(?=[A-Z])"

_STRONG_STARTERS = {
    "the", "there", "this", "these", "it", "cllr", "cllrs", "councillor", "councillors", "mr",
    "mrs", "ms", "miss", "dr", "a", "an", "no", "all", "following", "after", "as", "he", "she",
    "they", "we",
}  # fmt: skip
_AUXILIARIES = {"was", "were", "is", "are", "had", "has", "have", "will", "would", "could"}
_IRREGULAR = {"read", "gave", "took", "made", "met", "said", "told", "spoke", "felt", "led"}
_ABBREVIATIONS = {
    "cllr",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "nos",
    "ltd",
    "etc",
    "vs",
    "pm",
    "am",
}
_MAX_TITLE = 250


@dataclass
class Heading:
    index: int  # line index of the heading
    number: int | str | None
    key: int  # numeric part, for ordering
    suffix: str  # "/20" of "107/20", else ""
    title: str
    rest: str  # narrative printed on the heading line after the title
    end: int  # last line index used by the heading (title lines)
    midline: bool = False  # printed after other text on its line
    marked: bool = False  # followed by an "(Item N)" agenda reference
    prefix: str = ""  # "PL/" of "PL/12", else ""


def parse_number(text: str) -> tuple[int | str, int, str]:
    """ "44" -> (44, 44, ""); "107/20" -> ("107/20", 107, "/20"); "PL/12" -> ("PL/12", 12, "")."""
    if text.isdigit():
        return int(text), int(text), ""
    digits = text[len(_prefix(text)) :]
    if digits.isdigit():
        return text, int(digits), ""
    head, _, tail = digits.partition("/")
    return text, int(head), f"/{tail}"


def _prefix(number: str) -> str:
    match = re.match(r"^[A-Z]{1,5}[/.]", number)
    return match.group() if match else ""


def find_headings(lines: list[str], start: int, end: int) -> list[Heading]:
    """Candidate headings in lines[start:end], then the best increasing sequence of them."""
    width = text.wrap_width(lines[start:end])
    candidates = [h for i in range(start, end) if (h := _heading_at(lines, i, end, width))]
    for head in candidates:
        head.marked = _marked(lines, head, end)
    chain = _recover_midline(lines, best_chain(candidates), end)
    unnumbered = _unnumbered_headings(lines, start, end, chain)
    if len(unnumbered) >= 2 and len(unnumbered) > sum(h.marked for h in chain):
        return unnumbered
    return chain


def _marked(lines: list[str], head: Heading, end: int) -> bool:
    if head.rest:
        return False
    if _ITEM_MARKER.search(lines[head.end]) or _ITEM_MARKER.search(lines[head.index]):
        return True
    nxt = next((x.strip() for x in lines[head.end + 1 : min(end, head.end + 4)] if x.strip()), "")
    return bool(_ITEM_MARKER.fullmatch(nxt))


def _unnumbered_headings(
    lines: list[str], start: int, end: int, chain: list[Heading]
) -> list[Heading]:
    """Titles without a minute number, each followed by its "(Item N)" agenda reference."""
    used = {i for h in chain for i in range(h.index, h.end + 1)}
    found: list[Heading] = []
    for i in range(start, end):
        if not _ITEM_MARKER.fullmatch(lines[i].strip()) or i in used:
            continue
        title_lines = _lines_above(lines, i, start)
        title = " ".join(lines[j].strip() for j in title_lines)
        if title_lines and _is_title(title) and not _HEADING.match(title):
            found.append(Heading(title_lines[0], None, 0, "", clean_title(title), "", i))
    return found


def _lines_above(lines: list[str], marker: int, start: int) -> list[int]:
    """Indexes of the (at most two) title lines printed just above an "(Item N)" line."""
    above: list[int] = []
    j = marker - 1
    while j >= start and not lines[j].strip() and marker - j <= 2:
        j -= 1
    while j >= start and lines[j].strip() and len(above) < 2:
        above.insert(0, j)
        j -= 1
    if j >= start and lines[j].strip():  # part of a paragraph, not a heading
        return above[-1:] if len(lines[above[-1]]) < 80 else []
    return above


def _heading_at(lines: list[str], i: int, end: int, width: int | None = None) -> Heading | None:
    line = lines[i].strip()
    bare = _BARE.match(line)
    if bare:
        title, last = _title_lines(lines, i + 1, end)
        if not title:
            return None
        return _make(i, bare.group("num"), title, "", last)
    match = _HEADING.match(line)
    if not match:
        return None
    if dates.is_date_line(line):
        return None
    title, rest = split_title(match.group("title"))
    title, last = _continue_title(lines, i, end, title, rest)
    if last == i and not rest and width and _wrapped(lines, i, end, width):
        title, last = f"{title} {lines[i + 1].strip()}", i + 1
    if not _is_title(title):
        return None
    return _make(i, match.group("num"), title, rest, last)


def _make(i: int, num: str, title: str, rest: str, last: int) -> Heading:
    number, key, suffix = parse_number(num)
    return Heading(i, number, key, suffix, clean_title(title), rest, last, prefix=_prefix(num))


def _title_lines(lines: list[str], start: int, end: int) -> tuple[str, int]:
    """Title printed on the lines after a bare number: up to an "(Item N)" marker or a blank."""
    taken: list[str] = []
    for j in range(start, min(end, start + 5)):
        line = lines[j].strip()
        if not line:
            if taken:
                break
            continue
        if _ITEM_MARKER.fullmatch(line) or _ITEM_MARKER.search(line):
            if _ITEM_MARKER.sub("", line).strip():
                taken.append(line)
            return (" ".join(taken), j) if _is_title(" ".join(taken)) else ("", j)
        taken.append(line)
        if len(taken) == 1 and not _is_title(line):
            return "", j
    title = taken[0] if taken else ""
    return (title, start) if _is_title(title) else ("", start)


def _continue_title(lines: list[str], i: int, end: int, title: str, rest: str) -> tuple[str, int]:
    """A title wrapped onto following lines that end with an "(Agenda item N)" marker."""
    if rest or _ITEM_MARKER.search(title):
        return title, i
    taken: list[str] = []
    for j in range(i + 1, min(end, i + 20)):
        line = lines[j].strip()
        if not line:
            continue
        taken.append(line)
        if _ITEM_MARKER.search(line) and len(taken) <= 3 and len(" ".join(taken)) < 200:
            return f"{title} {' '.join(taken)}", j
        if len(taken) >= 3:
            break
    return title, i


def _wrapped(lines: list[str], i: int, end: int, width: int) -> bool:
    """A heading filling its line, its title continued on the next line (not a sentence)."""
    line = lines[i].strip()
    if not text.fills_line(line, width) or line[-1] in ".:;?!" or i + 1 >= end:
        return False
    nxt = lines[i + 1].strip()
    if not nxt or text.fills_line(nxt, width) or nxt[-1] in ".:;?!":
        return False
    return not (_HEADING.match(nxt) or _NOT_TITLE_START.match(nxt) or _DOTTED.match(nxt))


def clean_title(title: str) -> str:
    title = _ITEM_MARKER.sub("", title)
    return re.sub(r"\s+", " ", title).strip(" .,;:-\u2013")


def _is_title(title: str) -> bool:
    title = clean_title(title)
    if not title or len(title) > _MAX_TITLE or title.endswith(":") or _DOTTED.match(title):
        return False
    if _NOT_TITLE_START.match(title):
        return False
    return title[0].isupper() or title[0].isdigit() or title[0] in "'\"\u2018\u201c("


def split_title(text: str) -> tuple[str, str]:
    """Split "Title The Chair read the notice." into ("Title", "The Chair read the notice.")."""
    text = text.strip()
    caps = re.match(r"^((?:[A-Z0-9][A-Z0-9&/'\u2019,()-]*\s+){2,}?)(?=[A-Z][a-z])", text + " ")
    if caps and not re.search(r"[a-z]", caps.group(1)) and len(caps.group(1).split()) >= 2:
        head = caps.group(1).strip()
        if re.search(r"[A-Z]{3}", head):
            return head, text[len(caps.group(1)) :].strip()
    cut = _sentence_start(text)
    if cut is None:
        return text, ""
    return text[:cut].strip(" ,"), text[cut:].strip()


def _sentence_start(text: str) -> int | None:
    """Index where narrative begins inside a heading line, or None when it is all title."""
    words = list(re.finditer(r"\S+", text))
    for n, word in enumerate(words):
        token = word.group()
        if token in {"\u2022", "\u00b7", "-\u2022"}:
            return word.start()
        if (
            token.endswith(".")
            and n + 1 < len(words)
            and _ends_sentence(token, words[n + 1].group())
        ):
            return words[n + 1].start()
        if n and _is_verb(token):
            start = _subject_start(words, n)
            if start is not None:
                return words[start].start()
    return None


def _ends_sentence(token: str, following: str) -> bool:
    bare = token.rstrip(".").lower()
    if len(bare) <= 1 or bare in _ABBREVIATIONS or "." in bare:
        return False
    return following[:1].isupper()


def _is_verb(token: str) -> bool:
    word = token.strip(",.;:")
    if not word.islower():
        return False
    return word in _AUXILIARIES or word in _IRREGULAR or (len(word) > 4 and word.endswith("ed"))


def _subject_start(words: list[re.Match[str]], verb: int) -> int | None:
    """The first word of the sentence whose verb is words[verb], going back over its subject."""
    run: list[int] = []
    for k in range(verb - 1, -1, -1):
        token = words[k].group()
        bare = token.strip("(),")
        if token.endswith((",", ".", ":", ";")) and run:
            break
        if bare[:1].isupper() or (bare.lower() == "and" and run) or token.startswith("("):
            run.append(k)
            continue
        break
    run = [k for k in run if words[k].group().lower() != "and"]
    if not run:
        return _determiner_subject(words, verb)
    strong = [k for k in run if words[k].group().strip(".,").lower() in _STRONG_STARTERS]
    if strong:
        return min(strong)
    if words[verb].group().strip(",.") in _AUXILIARIES:
        return verb - 1 if words[verb - 1].group()[:1].isupper() else None
    return None


def _determiner_subject(words: list[re.Match[str]], verb: int) -> int | None:
    """ "The payments were ...": a capitalised determiner, then up to three lowercase words."""
    for k in range(verb - 1, max(-1, verb - 5), -1):
        token = words[k].group()
        if token.strip(".,").lower() in _STRONG_STARTERS and token[:1].isupper():
            return k if k < verb - 1 else None
        if not token.islower() or token.endswith((",", ".", ";", ":")):
            return None
    return None


def _weight(head: Heading) -> float:
    """How much a candidate looks like a minute heading rather than a numbered paragraph."""
    if head.marked:
        return 3.0
    words = head.title.split()
    if words and words[-1].lower() in _FUNCTION_WORDS:
        return 0.2  # a wrapped sentence: "introduced the"
    if any(w.lower().strip(",.") in _AUXILIARIES for w in words):
        return 0.3
    return 1.0


_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "of",
    "on",
    "to",
    "and",
    "or",
    "with",
    "for",
    "by",
    "in",
    "that",
}


def best_chain(candidates: list[Heading]) -> list[Heading]:
    """The longest run of headings whose numbers increase by small steps (same suffix)."""
    if not candidates:
        return []
    best: list[tuple[float, int]] = []  # (score, previous index)
    for j, cand in enumerate(candidates):
        score, prev = _weight(cand), -1
        for i in range(j):
            before = candidates[i]
            step = cand.key - before.key
            if (before.suffix, before.prefix) != (cand.suffix, cand.prefix) or not 1 <= step <= 3:
                continue
            value = best[i][0] + (1.0 if step == 1 else 0.6) * _weight(cand)
            if value > score:
                score, prev = value, i
        best.append((score, prev))
    j = max(range(len(candidates)), key=lambda k: (best[k][0], -k))
    chain = []
    while j >= 0:
        chain.append(candidates[j])
        j = best[j][1]
    if len(chain) == 1 and chain[0].prefix:
        return []  # one "PL/00489"-like reference is not a sequence of minutes
    return chain[::-1]


def _recover_midline(lines: list[str], chain: list[Heading], end: int) -> list[Heading]:
    """A slash-numbered heading missing from the sequence, printed mid-line by the converter."""
    out: list[Heading] = []
    for pos, head in enumerate(chain):
        out.append(head)
        nxt = chain[pos + 1] if pos + 1 < len(chain) else None
        if not head.suffix or nxt is None or nxt.key - head.key != 2:
            continue
        found = _find_midline(lines, head.index, nxt.index, head.key + 1, head.suffix)
        if found:
            out.append(found)
    return out


def _find_midline(lines: list[str], start: int, stop: int, key: int, suffix: str) -> Heading | None:
    pattern = re.compile(_MIDLINE_SLASH.format(n=key, suffix=re.escape(suffix.lstrip("/"))))
    for i in range(start, stop):
        match = pattern.search(lines[i])
        if match:
            title, rest = split_title(lines[i][match.end() :])
            if _is_title(title):
                lines[i] = lines[i][: match.start()].rstrip()
                number = f"{key}{suffix}"
                return Heading(i, number, key, suffix, clean_title(title), rest, i, midline=True)
    return None
