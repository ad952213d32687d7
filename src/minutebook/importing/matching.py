"""Finding the committee or person a printed name refers to, so documents merge, not duplicate.

Councils print the same committee as "Safe & Strong Communities Select Committee" and
"Safe and Strong Communities Select Cttee", and the same officer as "Tilly Flanagan" and
"Tilly Flannigan". Matching here is deliberately conservative: a wrong merge corrupts two
people's records, whereas a missed one only leaves a duplicate a clerk can merge later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz

from minutebook.committees.models import Committee
from minutebook.councils.models import Council, free_slug
from minutebook.parsing import names
from minutebook.people.models import NameVariant, Person, name_key

# How "committee" gets abbreviated in headers and running footers.
_COMMITTEE_WORDS = {"committee", "committees", "cttee", "ctte", "cmttee", "cmte", "comm"}
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'"})

T = TypeVar("T")


def fold(text: str) -> str:
    """Lower case, no accents, "&" as "and", punctuation as spaces: for comparing titles."""
    text = unicodedata.normalize("NFKD", text.translate(_DASHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ").replace("'", "")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def titled(rows: Iterable[T], title: str) -> T | None:
    """The first of ``rows`` (agenda items, reports, ...) whose title folds to ``title``'s."""
    folded = fold(title)
    return next((row for row in rows if fold(row.title) == folded), None)


def committee_key(name: str) -> str:
    """A key under which every printing of one committee's name agrees.

    "&"/"and", case, punctuation, a leading "The", "Sub-Committee"/"Subcommittee" and the
    abbreviations of "Committee" fold away; so does a trailing "Committee" itself, so that
    "X Select" in a running header finds "X Select Committee".
    """
    text = fold(name.replace("O&S", "Overview and Scrutiny"))
    text = re.sub(r"\bsub\s+(?=committee|cttee)", "sub", text)
    words = ["committee" if w in _COMMITTEE_WORDS else w for w in text.split()]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] == "committee":
        words.pop()
    return " ".join(words)


_KIND_RULES: list[tuple[str, str]] = [
    (r"\bselect\b", Committee.Kind.SELECT),
    (r"\bscrutiny\b", Committee.Kind.OVERVIEW_SCRUTINY),
    (r"\bcabinet\b|\bexecutive\b", Committee.Kind.CABINET),
    (r"\baudit\b|\bgovernance\b|\bstandards\b", Committee.Kind.AUDIT),
    (
        r"\bplanning\b|\blicensing\b|\bregulatory\b|\bdevelopment control\b",
        Committee.Kind.REGULATORY,
    ),
    (r"\bworking group\b|\btask (and finish )?group\b|\binquiry\b", Committee.Kind.WORKING_GROUP),
    (r"\bpanel\b|\bboard\b", Committee.Kind.PANEL),
]


def guess_committee_kind(name: str) -> str:
    """The Committee.Kind a new committee most likely is, from words in its name."""
    text = fold(name)
    if re.fullmatch(r"(full |the )?(county |district |borough |city |parish |town )?council", text):
        return Committee.Kind.FULL_COUNCIL
    for pattern, kind in _KIND_RULES:
        if re.search(pattern, text):
            return kind
    return Committee.Kind.OTHER


def find_committee(council: Council, name: str) -> Committee | None:
    """The council's committee printed as ``name``, compared by :func:`committee_key`."""
    key = committee_key(name)
    for committee in Committee.objects.filter(council=council).order_by("pk"):
        if committee_key(committee.name) == key:
            return committee
    return None


def match_committee(council: Council, name: str) -> tuple[Committee, bool]:
    """The committee printed as ``name``, created (kind guessed) when the council has none."""
    committee = find_committee(council, name)
    if committee is not None:
        return committee, False
    committee = Committee(council=council, name=name.strip()[:200], kind=guess_committee_kind(name))
    taken = Committee.objects.filter(council=council)
    committee.slug = free_slug(taken, committee.name, "committee")
    committee.save()
    return committee, True


# --- People -------------------------------------------------------------------------------


def split_printed_name(printed: str) -> tuple[str, str]:
    """ "Cllr Kath Perry, MBE" -> ("Kath Perry", "MBE"): the bare name and any post-nominals."""
    bare = names.clean_name(printed)
    titled = names.strip_titles(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", printed))
    tail = titled[len(bare) :].strip(" ,.") if titled.startswith(bare) else ""
    return bare, tail[:60]


def _forenames_agree(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def is_near_miss(a: str, b: str) -> bool:
    """Whether two matching keys can be one person printed two ways.

    Both need a forename and a surname with the same initial; then either the forenames
    agree (or one is an initial) and the surnames are a likely misspelling ("flanagan" /
    "flannigan"), or the surnames agree and the forenames are ("jon" / "john"). Different
    forenames on one surname ("alan white" / "philip white") never match.
    """
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(tb) < 2 or ta[-1][0] != tb[-1][0]:
        return False
    first_a, first_b, last_a, last_b = ta[0], tb[0], ta[-1], tb[-1]
    if last_a == last_b:
        return _forenames_agree(first_a, first_b) or (
            first_a[0] == first_b[0] and fuzz.ratio(first_a, first_b) >= 80
        )
    return _forenames_agree(first_a, first_b) and fuzz.ratio(last_a, last_b) >= 80


@dataclass
class PeopleIndex:
    """The council's people by name key, kept current while one document loads.

    Built once per document so that matching a few hundred names costs one query, and
    updated as people and variants are created so later names in the same document match.
    """

    council: Council
    by_key: dict[str, set[int]] = field(default_factory=dict)
    cache: dict[int, Person] = field(default_factory=dict)

    @classmethod
    def build(cls, council: Council) -> PeopleIndex:
        index = cls(council)
        for key, person_id in NameVariant.objects.filter(person__council=council).values_list(
            "key", "person_id"
        ):
            index.by_key.setdefault(key, set()).add(person_id)
        return index

    def person(self, person_id: int) -> Person:
        if person_id not in self.cache:
            self.cache[person_id] = Person.objects.get(pk=person_id)
        return self.cache[person_id]

    def add(self, key: str, person: Person) -> None:
        self.by_key.setdefault(key, set()).add(person.pk)
        self.cache[person.pk] = person

    def near_misses(self, key: str) -> set[int]:
        return {
            pid for other, ids in self.by_key.items() if is_near_miss(key, other) for pid in ids
        }


@dataclass
class PersonMatch:
    person: Person
    created: bool
    how: str  # "created", "variant", "initials", "near-miss"


def _how(key: str, person: Person) -> str:
    a, b = key.split(), name_key(person.name).split()
    return "initials" if a[-1] == b[-1] and _forenames_agree(a[0], b[0]) else "near-miss"


def match_person(
    index: PeopleIndex,
    printed: str,
    kind: str = Person.Kind.COUNCILLOR,
    near_misses: bool = True,
    warn: Callable[[str], None] | None = None,
    exclude: set[int] | frozenset[int] = frozenset(),
) -> PersonMatch | None:
    """The person ``printed`` names, matched by name variant, else created.

    An exact key (titles, post-nominals, case and accents folded) matches any person who has
    been printed that way before. Failing that, initials or a near miss (see
    :func:`is_near_miss`) match only when exactly one person qualifies, and the new spelling
    is recorded as a NameVariant so the next document matches it exactly. ``exclude`` holds
    people already named in the same printed list: "Mrs P T Cole" and "Mr P Cole" side by
    side are two people, so neither can be a variant of the other. None when nothing is a
    name.
    """
    bare, post_nominals = split_printed_name(printed)
    key = name_key(bare)
    if not key:
        return None
    found = index.by_key.get(key, set())
    if len(found) > 1 and warn:
        warn(f"name {printed!r} fits {len(found)} people; used the first")
    if found:
        return PersonMatch(index.person(min(found)), False, "variant")
    if near_misses:
        candidates = index.near_misses(key) - set(exclude)
        if len(candidates) == 1:
            person = index.person(candidates.pop())
            NameVariant.objects.get_or_create(person=person, key=key, defaults={"text": bare})
            index.add(key, person)
            return PersonMatch(person, False, _how(key, person))
        if candidates and warn:
            warn(f"name {printed!r} is close to {len(candidates)} people; kept apart")
    person = Person.objects.create(
        council=index.council, name=bare[:200], kind=kind, post_nominals=post_nominals
    )
    index.add(key, person)
    return PersonMatch(person, True, "created")
