"""Person names as councils print them: titles, post-nominals, roles and lists.

Pure string functions shared by every reader::

    parse_person("Cllr Conor Wileman (Vice-Chairman)")  -> ("Conor Wileman", "Vice-Chairman")
    clean_name("Kath Perry, MBE")                       -> "Kath Perry"
    split_names("Gill Heath, Mark Sutton and Ann Beech") -> ["Gill Heath", "Mark Sutton", "Ann Beech"]
    name_key("Cllr. Kit Hesketh-Harvey")                -> "kit hesketh harvey"
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# Honorifics and councillor titles printed before a name (longest alternatives first).
_TITLE = (
    r"(?:(?:the\s+)?(?:rt\.?\s+)?hon(?:ourable)?\.?\s+)?"
    r"(?:(?:county|district|borough|parish|town|city|community)\s+)?"
    r"(?:councillors|councillor|cllrs|cllr|mrs|mr|ms|miss|mx|dr|prof(?:essor)?|sir|dame"
    r"|rev(?:erend|d)?|canon|alderman)"
)
_TITLE_PREFIX_RE = re.compile(rf"^(?:{_TITLE})\b\.?\s*", re.IGNORECASE)
_TITLE_ANYWHERE_RE = re.compile(rf"(?<![\w-])(?:{_TITLE})\b\.?(?=\s+[A-Z])", re.IGNORECASE)

# Honours, decorations and degrees printed after a name.
POST_NOMINALS = frozenset(
    [
        "MBE",
        "OBE",
        "CBE",
        "KBE",
        "DBE",
        "BEM",
        "GBE",
        "CH",
        "KG",
        "KC",
        "QC",
        "JP",
        "DL",
        "MP",
        "MEP",
        "MSP",
        "MS",
        "AM",
        "MLA",
        "MSc",
        "BSc",
        "BA",
        "MA",
        "PhD",
        "FRSA",
        "FCA",
        "ACA",
        "CPFA",
        "FCCA",
        "MRTPI",
        "RIBA",
        "CEng",
        "FRCP",
        "MRCP",
        "FRCS",
        "RN",
        "OM",
        "VC",
        "GM",
        "TD",
        "VR",
        "ED",
    ]
)
_POST_NOMINAL_KEYS = frozenset(p.lower() for p in POST_NOMINALS)

# Words that make a phrase a role ("Vice-Chairman", "Cabinet Member for Communities").
_ROLE_WORDS = re.compile(
    r"\b(?:chair(?:man|woman|person)?|vice|deputy|leader|mayor|member|clerk|officer|director"
    r"|manager|head|cabinet|portfolio|lead|chief|executive|secretary|treasurer|advisor"
    r"|adviser|representative|solicitor|monitoring|scrutiny|committee|co-opted|independent"
    r"|president|sheriff|auditor|observer|substitute|chairs?|governor|finance|responsible"
    r"|services|democratic|commission|council|police|authority|trust|nhs|partnership|association"
    r"|ltd|plc|team|department|corporate|audit|analyst|accountant|counsel|engineer|planner)\b",
    re.IGNORECASE,
)
_BRACKETS_RE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_MARKUP_RE = re.compile(r"<[^>]+>|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_NON_NAME_WORDS = frozenset(
    [
        "none",
        "nil",
        "n/a",
        "no",
        "apologies",
        "apology",
        "there",
        "were",
        "was",
        "all",
        "members",
        "present",
        "tbc",
        "received",
        "from",
        "the",
        "of",
        "for",
        "with",
        "at",
        "in",
        "on",
        "to",
        "by",
        "absence",
        "other",
        "public",
        "item",
        "items",
        "meeting",
        "noted",
    ]
)


def _tidy(text: str) -> str:
    text = _MARKUP_RE.sub("", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip(" \t.,;:-\u2013\u2014")


def strip_titles(text: str) -> str:
    """Drop leading honorifics: "County Councillor Joseph Davies" -> "Joseph Davies"."""
    text = _tidy(text)
    while True:
        stripped = _TITLE_PREFIX_RE.sub("", text, count=1)
        if not stripped.strip():
            return ""
        if stripped == text:
            return text
        text = stripped


def strip_post_nominals(text: str) -> str:
    """Drop trailing honours: "Kath Perry, MBE" -> "Kath Perry", "Ann Beech OBE JP" -> "Ann Beech".

    After a comma any short all-capitals token is taken as a post-nominal; without a comma
    only known ones are, so that a surname printed in capitals survives.
    """
    text = _tidy(text)
    head, sep, tail = text.partition(",")
    if sep and tail.strip() and all(_is_post_nominal(t, loose=True) for t in tail.split()):
        text = head.strip()
    words = text.split()
    while len(words) > 1 and _is_post_nominal(words[-1].strip(",."), loose=False):
        words.pop()
    return " ".join(words).strip(" ,")


def _is_post_nominal(token: str, loose: bool) -> bool:
    token = token.strip(",.").replace(".", "")
    if token in POST_NOMINALS:
        return True
    if not loose:
        return False
    return token.lower() in _POST_NOMINAL_KEYS or bool(re.fullmatch(r"[A-Z]{2,6}", token))


def looks_like_role(text: str) -> bool:
    """True for "Chairman", "Vice-Chair (Scrutiny)", "Cabinet Member for Communities"."""
    return bool(_ROLE_WORDS.search(text))


def parse_person(text: str) -> tuple[str, str | None]:
    """One printed person -> (name, role or None).

    A bracketed role or a trailing ", Role"/" - Role" becomes the role; bracketed notes that
    are not roles ("(from minute 111/20)", "(BCKLWN)") are dropped.
    """
    text = _tidy(text)
    role: str | None = None
    for match in _BRACKETS_RE.finditer(text):
        inner = _tidy(match.group(1))
        if role is None and looks_like_role(inner):
            role = inner
    text = _BRACKETS_RE.sub("", text)
    text = re.sub(r"[(\[][^)\]]*$", "", text)  # an unclosed bracket at the end
    text, trailing = _split_trailing_role(text)
    role = role or trailing
    return clean_name(text), role


def _split_trailing_role(text: str) -> tuple[str, str | None]:
    match = re.match(r"^(.+?)(?:,|\s[-\u2013\u2014]\s)\s*(.+)$", text)
    if match and looks_like_role(match.group(2)) and not looks_like_role(match.group(1)):
        return match.group(1), _tidy(match.group(2))
    return text, None


def clean_name(text: str) -> str:
    """A bare name: no title, role, bracket or post-nominal."""
    text = _BRACKETS_RE.sub("", _tidy(text))
    return strip_titles(strip_post_nominals(strip_titles(text)))


def split_names(text: str) -> list[str]:
    """Split a printed list into the printed persons (titles and roles still attached).

    Separators: commas, semicolons, "and", "&", and a repeated title ("Cllr A Cllr B").
    A comma inside brackets does not split; a post-nominal after a comma stays with its name,
    and so does an organisation ("Cllr X, Borough Council of Kings Lynn and West Norfolk").
    """
    pieces: list[str] = []
    for chunk in _split_outside_brackets(_tidy(text), _COMMA_RE):
        if pieces and (_all_post_nominals(chunk) or _is_affiliation(chunk)):
            pieces[-1] = f"{pieces[-1]}, {chunk}"
            continue
        for part in _split_outside_brackets(chunk, _AND_RE):
            pieces.extend(_split_on_titles(part))
    pieces = [p for p in (_tidy(p) for p in pieces) if p]
    return _split_run_on(pieces)


# A full stop after a whole word (not an initial or "Cllr.", "Mrs.") ends one entry of a list
# printed as sentences: "Councillor Chris Edge. Caroline Holland (Director)".
_COMMA_RE = (
    r"\s*[,;\n]\s*"
    r"|(?-i:(?<=[a-z]{2}))(?<!cllr)(?<!mrs)(?<!hon)(?<!rev)(?<!revd)(?<!prof)(?<!capt)"
    r"\.\s+(?-i:(?=[A-Z]))"
)
_AND_RE = r"\s+(?:and|&)\s+"
_ORGANISATION = re.compile(
    r"\b(?:council|committee|authority|police|trust|commission|board|partnership|nhs|university"
    r"|association|society|ltd|plc|services?|department|agency|college|school)\b",
    re.I,
)


def _is_affiliation(chunk: str) -> bool:
    """An organisation printed after a name: "Borough Council of Kings Lynn"."""
    outside = _BRACKETS_RE.sub("", chunk)
    return bool(_ORGANISATION.search(outside)) and not _TITLE_PREFIX_RE.match(chunk)


def _split_run_on(pieces: list[str]) -> list[str]:
    """In a list where names carry titles ("Cllr A B Cllr C D E F (Clerk)"), a piece with
    four or more name words holds two people: the titled name and the untitled one after it."""
    titled = [p for p in pieces if _TITLE_PREFIX_RE.match(p)]
    if len(titled) < 2:
        return pieces
    out: list[str] = []
    for piece in pieces:
        bare = _BRACKETS_RE.sub("", piece)
        title = _TITLE_PREFIX_RE.match(bare)
        words = bare[title.end() :].split() if title else []
        full = [w for w in words if len(w.strip(".,")) > 1 and not _is_post_nominal(w, loose=True)]
        if title and len(full) == len(words) >= 4 and all(w[:1].isupper() for w in words):
            head = f"{bare[: title.end()]}{' '.join(words[:2])}"
            out.extend([head, piece[len(head) :].strip() if piece.startswith(head) else piece])
        else:
            out.append(piece)
    return out


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for match in re.finditer(r"[(\[]|[)\]]|" + separator, text, re.IGNORECASE):
        token = match.group(0)
        if token in "([":
            depth += 1
        elif token in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _all_post_nominals(chunk: str) -> bool:
    return bool(chunk.split()) and all(_is_post_nominal(t, loose=True) for t in chunk.split())


def _split_on_titles(chunk: str) -> list[str]:
    bounds = [0]
    for match in _TITLE_ANYWHERE_RE.finditer(chunk):
        if strip_titles(chunk[bounds[-1] : match.start()]):
            bounds.append(match.start())
    bounds.append(len(chunk))
    return [chunk[a:b].strip() for a, b in itertools.pairwise(bounds)]


def is_plausible_name(text: str) -> bool:
    """A short run of capitalised words or initials, not "None" or a sentence."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not words[0][0].isupper():
        return False
    if any(w.lower().strip(".,") in _NON_NAME_WORDS for w in words):
        return False
    return all(re.fullmatch(r"[^\W\d_][\w.'\u2019-]*", w) for w in words)


_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|whom|whose)\s+[a-z].*$")


def parse_names(text: str) -> list[tuple[str, str | None]]:
    """A printed list -> [(name, role)], skipping pieces that are not names."""
    people = []
    for piece in split_names(text):
        piece = _RELATIVE_CLAUSE.sub("", piece)  # "Nancy Sayer who was substituted by ..."
        name, role = parse_person(piece)
        if name and is_plausible_name(name):
            people.append((name, role))
    return people


@functools.lru_cache(maxsize=4096)  # the same names are compared again and again
def name_key(name: str) -> str:
    """A matching key: no title/role/post-nominal, accents, case, punctuation or hyphens."""
    text = clean_name(name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['\u2019`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def same_person(a: str, b: str) -> bool:
    """True when two printed names can be one person: "J. Davies" ~ "Joseph Davies".

    Same surname, and every given name or initial of the shorter form agrees with the other.
    """
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb or ka[-1] != kb[-1]:
        return False
    ga, gb = ka[:-1], kb[:-1]
    if not ga or not gb:
        return True
    short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return all(
        s == g or (len(s) == 1 and g.startswith(s)) or (len(g) == 1 and s.startswith(g))
        for s, g in zip(short, long_, strict=False)
    )
