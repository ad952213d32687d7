"""Decisions of one minute item: RESOLVED clauses, or decision sentences.

"RESOLVED - That ...", "RESOLVED: That:" followed by lettered sub-clauses a) b) c) (on their
own lines, as list items, or run together), "3. RESOLVED that Cabinet agree to:", "(27) RESOLVED
that:" and "RESOLVED: (A) That ... (B) That ...". Each clause is one string, label removed; a
lead-in ending in ":" is not a clause, nor is a heading printed over lettered clauses. After a
lead-in, clauses may be plain paragraphs, each one a clause. A clause wrapped over lines or
split by a page break is rejoined. A vote line ("(Cllr X proposed, Cllr Y seconded, all were in
favour)") is dropped.

Minutes that never print RESOLVED record decisions as sentences: "It was proposed by ...,
seconded by ... and unanimously agreed that ...", "It was agreed that ...", "AGREED that ...".
"""

from __future__ import annotations

import re

from minutebook.parsing import text

# "RESOLVED -", "4. Resolved:", "It was RESOLVED that", "RESOLVED UNANIMOUSLY:", "The Committee
# RESOLVED that" (capitals: a body "resolved" in lowercase is narrative or a decision sentence).
RESOLVED_RE = re.compile(
    r"^(?:\(?\d{1,3}[.)]\s*)?"
    r"(?:it\s+was\s+|the\s+(?:committee|sub-committee|cabinet|council|panel|board|executive)"
    r"\s+(?:(?:then|therefore|unanimously)\s+)?(?-i:(?=RESOLVED)))?"
    r"(?:(?P<res>resolved)\b(?:\s*\([^)]*\))?(?:\s+(?:unanimously|as\s+follows)\b)*"
    r"|(?P<agr>AGREED|Agreed)(?=\s*[:\u2013\u2014-]))\s*[:\u2013\u2014-]?\s*",
    re.I,
)
# "a)", "(b)", "iv." and "(1)" when a capital follows ("(4) of the Act" continues a line).
_LABEL = re.compile(
    r"^[-*\u2022]?\s*(?:\(?(?P<l>[a-zA-Z]|[ivx]{1,4})[).]|\((?P<n>\d{1,2})\)(?=\s+[A-Z]))\s+"
)
_LEAD_IN = re.compile(r":\s*$")
_VOTE = re.compile(
    r"\b(?:proposed|seconded|in\s+favour|against|abstain\w*|carried|unanimous\w*|vote[sd]?)\b",
    re.I,
)
_DECISION_SENTENCE = re.compile(
    r"(?:\bIt\s+was\s+(?:(?:proposed|moved)\s+by\b.{0,160}?\bseconded\s+by\b.{0,120}?\s+"
    r"(?:and\s+)?(?:(?:unanimously|duly|RESOLVED)\s+)?(?:agreed|resolved|carried)"
    r"|(?:unanimously\s+)?(?:agreed|resolved)\s+(?=that|to)\b)"
    r"|^AGREED\b(?!\s*:)"
    r"|^The\s+(?:Council|Committee|Cabinet|Panel|Board|Sub-Committee)\s+(?:unanimously\s+)?"
    r"(?:agreed|resolved)\s+(?=that|to)\b)",
    re.I,
)
# A lead-in whose decision is the list that follows: "The following was unanimously agreed:".
_LEAD_IN_DECISION = re.compile(
    r"^(?:the\s+following(?:\s+\w+){0,2}\s+(?:was|were)|it\s+was)\s+"
    r"(?:(?:unanimously|duly|also|further)\s+)?(?:agreed|resolved|decided)"
    r"(?:\s+as\s+follows)?\s*:$",
    re.I,
)
_LIST_LABEL = re.compile(r"^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[\u2022\u00b7*-])\s", re.I)
_NUMBERED = re.compile(r"^(?P<n>\d{1,2})\.\s+(?=[A-Z])")
_BULLET_ITEM = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf]\s*|[-*]\s+)")
_CONNECTOR = re.compile(r"^(?:and|or)\s*[;:,]?$", re.I)
_ABBREVIATIONS = {"cllr", "mr", "mrs", "ms", "dr", "no", "st", "nos", "etc", "ltd"}
_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25cf*-]\s*")


def has_resolved(lines: list[str]) -> bool:
    return any(RESOLVED_RE.match(line.strip()) for line in lines)


def resolutions(body: list[str]) -> list[str]:
    """Every RESOLVED clause printed in an item's body lines, in order."""
    clauses: list[str] = []
    i = 0
    while i < len(body):
        match = RESOLVED_RE.match(body[i].strip())
        if not match:
            i += 1
            continue
        parts, i = _collect(body, i, match.end())
        clauses.extend(_clauses(parts))
    return clauses


def _collect(body: list[str], i: int, offset: int) -> tuple[list[str], int]:
    """The lines of one resolution: its first line's rest and continuation lines.

    A blank line crossed inside the resolution is kept as "" so that :func:`_clauses` can
    tell paragraphs apart.
    """
    parts = [body[i].strip()[offset:]]
    i += 1
    pending_blank = False
    while i < len(body):
        line = body[i].strip()
        if not line:
            pending_blank = True
            i += 1
            continue
        following = _next_line(body, i + 1)
        if RESOLVED_RE.match(line) or not _continues(parts, line, pending_blank, following):
            break
        if pending_blank:
            parts.append("")
        parts.append(line)
        pending_blank = False
        i += 1
    return parts, i


def _next_line(lines: list[str], start: int) -> str:
    return next((x.strip() for x in lines[start:] if x.strip()), "")


def _continues(parts: list[str], line: str, after_blank: bool, following: str = "") -> bool:
    last = " ".join(parts).strip()
    item = text.strip_bullet(line)
    if _LABEL.match(item) or _LABEL.match(line) or _CONNECTOR.match(line):
        return True
    if _CONNECTOR.match(parts[-1].strip()):
        return True  # "And;" between two parts of one resolution
    if _list_goes_on(parts, line):
        return True
    if _is_vote_line(line):
        return False
    if last.endswith(":") or not last:
        return True  # after a lead-in, or a bare "RESOLVED" line
    if _in_open_list(parts) and _list_part(parts, line, following):
        return True
    starts_lower = line[:1].islower()
    if after_blank:
        return starts_lower or (
            not last.endswith((".", ";", ":")) and line[:1].isupper() and _unfinished(last)
        )
    if re.match(r"^(?:\d+\.|[\u2022\u00b7])\s", line):
        return False
    return starts_lower or not last.endswith(".")


def _in_open_list(parts: list[str]) -> bool:
    """True once the resolution has opened a list with a lead-in ("RESOLVED that:")."""
    return bool(_lead_ins(parts))


def _lead_ins(parts: list[str]) -> list[int]:
    """Indexes of the lead-ins: parts ending in ":", and a bare "RESOLVED" line's empty rest."""
    return [k for k, p in enumerate(parts) if p.rstrip().endswith(":") or (k == 0 and not p)]


def _list_part(parts: list[str], line: str, following: str) -> bool:
    """A line that goes on with the list a lead-in opened, rather than the narrative after it.

    "RESOLVED that:" may be followed by clauses printed as plain paragraphs ("Members note
    ..." / "Members continue to support ..."), and a long list by headings over its lettered
    clauses ("2025-26 Council Tax" / "(e) To increase ...") and further lead-ins ("In
    addition:"). A paragraph numbered like the minute's own paragraphs ("6) The Chairman
    ..."), a vote line or a quotation does not go on with it.
    """
    if re.match(r"^\(?\d{1,2}[.)]\s", line) or line[:1] in "\"\u201c\u2018'(":
        return False
    if line.endswith(":") or _is_subheading(line, following):
        return True
    return line[:1].isupper() and _paragraphs_since_lead_in(parts)


def _is_subheading(line: str, following: str) -> bool:
    """A heading inside a resolution, over a lettered clause ("2025-26 Council Tax" / "(e) ...")."""
    return bool(following) and _is_labelled(following) and _is_heading(line)


def _is_heading(line: str) -> bool:
    return len(line.split()) <= 10 and not line.endswith((".", ";", ":", ","))


def _paragraphs_since_lead_in(parts: list[str]) -> bool:
    """True when the clauses after the last lead-in are plain paragraphs, none labelled."""
    last = max(_lead_ins(parts))
    return not any(_is_labelled(p) for p in parts[last + 1 :])


def _is_labelled(line: str) -> bool:
    return bool(
        _LABEL.match(line) or _LABEL.match(text.strip_bullet(line)) or _BULLET_ITEM.match(line)
    )


def _list_goes_on(parts: list[str], line: str) -> bool:
    """A numbered ("1.", "2.") or bulleted item of the list a lead-in ending in ":" opened."""
    number = _NUMBERED.match(line)
    if number:
        n = int(number.group("n"))
        if n == 1:
            return parts[-1].rstrip().endswith(":") or parts == [""]
        return any(re.match(rf"^{n - 1}\.\s", p) for p in parts)
    if _BULLET_ITEM.match(line):
        return (
            parts[-1].rstrip().endswith(":")
            or parts == [""]
            or any(_BULLET_ITEM.match(p) for p in parts)
        )
    return False


def _unfinished(last: str) -> bool:
    """A sentence cut mid-way: it ends on a word like "the", "of", "and"."""
    words = last.split()
    return bool(words) and words[-1].lower() in {
        "the", "of", "and", "or", "to", "a", "an", "in", "for", "by", "with", "be", "that", "on",
    }  # fmt: skip


def _is_vote_line(line: str) -> bool:
    if line[:1].islower():
        return False  # "for amendments to ..." continues a wrapped sentence
    return bool(
        re.match(r"^\(?\s*(?:proposed|seconded|moved|carried|unanimous|for\b|against)", line, re.I)
    )


def _clauses(parts: list[str]) -> list[str]:
    """Split one resolution's text into its clauses: lettered items become separate strings.

    A bare "And;" line before an unlabelled line opens a new part of the resolution, with its
    own lead-in ("This Council believes that: a) ... And; This Council agrees to: a) ...").
    After a lead-in, and after a blank line that follows a finished sentence, an unlabelled
    paragraph is a clause of its own; a heading over lettered clauses is not a clause.
    """
    items: list[list[str]] = []  # [label letter or "", text]
    lines: list[str] = []
    later: list[bool] = []  # printed after the RESOLVED line
    bullets: list[bool] = []
    breaks: list[bool] = []  # a blank line was printed before this line
    for k, line in enumerate(parts):
        if not line.strip():
            continue
        lines.append(_BULLET.sub("", line.strip()))
        later.append(k > 0)
        bullets.append(k > 0 and bool(_BULLET_ITEM.match(line.strip())))
        breaks.append(k > 0 and not parts[k - 1].strip())
    new_part = False
    for k, stripped in enumerate(lines):
        label = _LABEL.match(stripped) or (_NUMBERED.match(stripped) if later[k] else None)
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if items and _CONNECTOR.match(stripped) and following and not _LABEL.match(following):
            new_part = True
            continue
        if label:
            items.append(
                [(label.groupdict().get("l") or label.group("n")).lower(), stripped[label.end() :]]
            )
        elif bullets[k]:
            items.append(["\u2022", stripped])
        elif items and breaks[k] and _is_subheading(stripped, following):
            items.append(["", stripped])  # a heading, even after an unpunctuated clause
        elif items and not new_part and not _starts_clause(items[-1][1], stripped, breaks[k]):
            items[-1][1] = _join(items[-1][1], stripped)
        else:
            items.append(["", stripped])
        new_part = False
    items = [piece for letter, body in items for piece in _split_inline(letter, body)]
    out = [
        body
        for k, (letter, body) in enumerate(items)
        if letter
        or len(items) == 1
        or not (_is_lead_in(body) or (k + 1 < len(items) and items[k + 1][0] and _is_heading(body)))
    ]
    return [c for c in (_tidy_clause(x) for x in out) if c]


def _join(before: str, line: str) -> str:
    """Rejoin a wrapped clause; a range cut after its hyphen ("2026-" / "27") stays whole."""
    if re.search(r"\d-$", before) and line[:1].isdigit():
        return before + line
    return f"{before} {line}"


def _starts_clause(before: str, line: str, after_blank: bool) -> bool:
    """An unlabelled line that opens a clause of its own instead of going on with the last."""
    if line[:1].islower():
        return False
    if before.rstrip().endswith(":"):
        return True
    return after_blank and before.rstrip().endswith((".", ";"))


def _is_lead_in(lead: str) -> bool:
    return bool(_LEAD_IN.search(lead)) or re.fullmatch(r"(?i)that\s*:?", lead.strip()) is not None


def _split_inline(letter: str, body: str) -> list[list[str]]:
    """ "x; and b) y" -> [[a, "x; and"], [b, "y"]]: labels run together after a page break."""
    pieces = [[letter, body]]
    while True:
        current = pieces[-1][0]
        if current == "\u2022":
            break  # a bulleted item: no letters run together
        if current.isdigit():
            expected = str(int(current) + 1)
            label = rf"\({expected}\)(?=\s+[A-Z])"
        else:
            expected = chr(ord(current) + 1) if current and len(current) == 1 else "a"
            label = rf"\(?[{expected}{expected.upper()}][).]"
        pattern = rf"(?:(?<=[;:.])|(?<=\band)|(?<=\band,))\s+{label}\s+"
        match = re.search(pattern, pieces[-1][1])
        if not match:
            break
        head = pieces[-1][1]
        pieces[-1][1] = head[: match.start()]
        pieces.append([expected, head[match.end() :]])
    return [p for p in pieces if p[1].strip()]


def _tidy_clause(clause: str) -> str:
    clause = text.clean_text(clause.replace("\x00", ""))
    clause = _BULLET.sub("", clause)
    clause = _strip_vote(clause)
    return clause.strip()


def _strip_vote(clause: str) -> str:
    """Drop a trailing "(Cllr X proposed, Cllr Y seconded, all were in favour)."."""
    match = re.search(r"\s*\(([^()]*)\)\s*\.?\s*$", clause)
    if (
        match
        and len(_VOTE.findall(match.group(1))) >= 1
        and re.search(r"propos|second|favour|abstain|carried|unanim", match.group(1), re.I)
    ):
        return clause[: match.start()].rstrip()
    return clause


def decision_sentences(body: list[str]) -> list[str]:
    """Decisions worded as sentences ("It was proposed ... and unanimously agreed that ...").

    A decision sentence ending in ":" ("The following was unanimously agreed:") is completed
    by the list or table printed after it, up to a paragraph of narrative, a vote line or the
    next decision: the decision is the lead-in and that list, one string.
    """
    found: list[str] = []
    paragraphs = text.paragraphs(body)
    for k, lines in enumerate(paragraphs):
        sentences = split_sentences(" ".join(lines))
        for n, sentence in enumerate(sentences):
            if not (_DECISION_SENTENCE.search(sentence) or _LEAD_IN_DECISION.match(sentence)):
                continue
            if sentence.endswith(":"):
                if n + 1 < len(sentences):
                    continue  # the list follows on the same paragraph: not a lead-in we can close
                listed = _listed_after(paragraphs[k + 1 :])
                if not listed:
                    continue
                sentence = _join_listed([sentence, *listed])
            if sentence not in found:
                found.append(sentence)
    return found


def _listed_after(paragraphs: list[list[str]]) -> list[str]:
    """The lines of the list or table a decision lead-in introduces."""
    taken: list[str] = []
    for lines in paragraphs:
        first = lines[0]
        if _is_vote_line(first) or _is_narrative(first):
            break
        if any(_DECISION_SENTENCE.search(s) for s in split_sentences(" ".join(lines))):
            break
        taken.extend(lines)
    return taken


def _is_narrative(line: str) -> bool:
    """An unlabelled sentence of running text (mostly lowercase words, a full stop)."""
    if _LIST_LABEL.match(line) or not line.rstrip().endswith((".", "!", "?")):
        return False
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", line)
    content = [w for w in words if w not in {"and", "of", "for", "the", "a", "an", "to", "in"}]
    lower = sum(1 for w in content if w.islower())
    return len(words) >= 6 and lower * 2 > len(content)


def _join_listed(lines: list[str]) -> str:
    """Lines of a list or table as one string: a wrapped line is rejoined with a space,
    separate entries (table cells) are kept apart with "; "."""
    out = ""
    for line in (re.sub(r"\s+", " ", x).strip() for x in lines):
        if not out:
            out = line
        elif line[:1].islower() or out.endswith((".", ";", ":", ",", "-")) or _unfinished(out):
            out = f"{out} {line}"
        else:
            out = f"{out}; {line}"
    return text.clean_text(out)


_NUMBERING = re.compile(r"^(?:\d+(?:\.\d*)*\s*)*(?:[ivx]{1,5}\)|\([ivx]{1,5}\)|\d+\))?\s*")
_BOUNDARY = re.compile(
    r"(?<=[.!?)\u2022])\s+(?=[A-Z(\u2018\u201c\"'])"
    r"|\s+(?=(?:\d+(?:\.\d+)*(?:\.|[a-z]{1,5}\))\s+)+[A-Z])"
)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, leading paragraph numbering ("4.4.11i)") removed.

    A full stop after an initial, a title ("Cllr.") or a dotted abbreviation ("C.C.C.")
    followed by more of the sentence does not end it.
    """
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start : match.start()].split()
        last = before[-1] if before else ""
        numbering = paragraph[match.end() : match.end() + 1].isdigit()
        if not numbering and last.endswith(".") and not _ends_sentence(last):
            continue
        sentences.append(paragraph[start : match.start()])
        start = match.end()
    sentences.append(paragraph[start:])
    out = [text.clean_text(_NUMBERING.sub("", s.strip(" \u2022"))) for s in sentences]
    return [s for s in out if s]


def _ends_sentence(token: str) -> bool:
    bare = token.rstrip(".").lower()
    return len(bare) > 1 and bare not in _ABBREVIATIONS and "." not in bare
