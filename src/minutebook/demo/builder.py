"""Build the demo council: plan every row in memory with one seeded RNG, then bulk-write them.

The output is a pure function of (seed, years, scale, today): no global random state, no
clock. ``today`` is the reference date that decides which meetings are past (held, with
minutes) and which are upcoming (scheduled, or with an agenda published).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council, MunicipalYear, municipal_year_label
from minutebook.documents.models import PublishedDocument, SourceDocument
from minutebook.meetings.models import AgendaItem, Attendance, Declaration, Meeting, Part
from minutebook.meetings.schedule12a import ensure_paragraphs
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import NameVariant, Person, name_key
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)
from minutebook.search.index import rebuild_index
from minutebook.wording import letter

from . import banks
from . import calendar as cal
from .render import front_sheet
from .topics import (
    ANNUAL_MEETING_ITEMS,
    BUDGET_ITEM,
    COUNCIL_ITEMS,
    EXEMPT_TOPICS,
    REVIEW_TOPICS,
    SPECIAL_ITEM,
    TOPICS,
    Topic,
)

CANARY = "CONFIDENTIAL-CANARY-12A"
# Used when a caller gives no reference date; the management command passes the real date.
DEFAULT_REFERENCE_DATE = dt.date(2026, 3, 2)
Role = Membership.Role
Status = Meeting.Status
Std = AgendaItem.Standard


@dataclass(frozen=True)
class DemoSize:
    """How big the demo is. ``for_scale(1.0)`` is the default demo; larger scales make corpora."""

    scrutiny_committees: int = 3
    councillors: int = 21
    committee_seats: int = 8
    items_per_meeting: tuple[int, int] = (2, 3)
    meetings_per_year: tuple[int, int] = (4, 6)

    @classmethod
    def for_scale(cls, scale: float) -> DemoSize:
        scale = max(scale, 0.1)
        scrutiny = max(2, round(3 * scale))
        seats = 8 if scale <= 2 else 10
        # Eight Cabinet Members, and enough backbenchers to fill every seat about three times over.
        councillors = max(20, round(21 * scale), 9 + -(-(scrutiny * seats + 6) // 3))
        items = (2, 3) if scale <= 1 else (3, 5)
        per_year = (4, 6) if scale <= 2 else (6, 8)
        return cls(scrutiny, councillors, seats, items, per_year)


# The scrutiny committees, in the order the demo adds them. (area, name, kind, time)
SCRUTINY_DEFS = (
    (
        "safeguarding",
        "Safer and Stronger Communities Select Committee",
        Committee.Kind.SELECT,
        dt.time(10, 0),
    ),
    (
        "children",
        "Children and Families Overview and Scrutiny Committee",
        Committee.Kind.OVERVIEW_SCRUTINY,
        dt.time(10, 0),
    ),
    ("prosperity", "Prosperous Wessex Select Committee", Committee.Kind.SELECT, dt.time(14, 0)),
    (
        "corporate",
        "Corporate Overview and Scrutiny Committee",
        Committee.Kind.OVERVIEW_SCRUTINY,
        dt.time(10, 30),
    ),
)
RENAMED_TO = "Safeguarding Overview and Scrutiny Committee"
REMITS = {
    "full_council": "The County Council: all elected members. Sets the budget and the policy framework and appoints committees.",
    "cabinet": "The executive: the Leader and Cabinet Members take executive decisions, including key decisions on the Forward Plan.",
    "safeguarding": "Scrutiny of community safety, domestic abuse, and adults' and children's safeguarding, including the safeguarding partnerships.",
    "children": "Scrutiny of children's services, education and SEND, including the County Council's role as corporate parent.",
    "prosperity": "Scrutiny of economic growth, skills, highways, transport and the environment.",
    "corporate": "Scrutiny of the budget, performance, the Medium Term Financial Strategy and corporate services.",
    "audit": "Audit, risk management, the Statement of Accounts, counter fraud and the standards of conduct of members.",
}
PANEL_AREAS = ("safeguarding", "children", "prosperity", "corporate")


@dataclass
class Seat:
    person: Person
    role: str
    title: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


@dataclass
class Body:
    """A committee as the planner sees it."""

    committee: Committee
    area: str  # "full_council", "cabinet", "audit" or a scrutiny area
    first_year: int
    last_year: int
    weekday: int
    time: dt.time
    venue: str
    chair_word: str = "Chair"
    numbers_apologies: bool = False
    predecessor_body: Body | None = None
    seats: dict[int, list[Seat]] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.committee.kind

    @property
    def is_scrutiny(self) -> bool:
        return self.kind in (
            Committee.Kind.SELECT,
            Committee.Kind.OVERVIEW_SCRUTINY,
            Committee.Kind.PANEL,
        )

    @property
    def committee_word(self) -> str:
        return "Select Committee" if self.kind == Committee.Kind.SELECT else "Committee"


@dataclass
class MeetingPlan:
    meeting: Meeting
    body: Body
    topics: list[Topic] = field(default_factory=list)
    exempt: dict | None = None
    review: dict | None = None
    items: list[AgendaItem] = field(default_factory=list)
    minutes: Minutes | None = None
    previous: MeetingPlan | None = None
    has_part_two_minutes: bool = False
    substantive: list[tuple[AgendaItem, Topic | None]] = field(default_factory=list)
    council_items: list[tuple[AgendaItem, list[str]]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    attendances: list[Attendance] = field(default_factory=list)
    exempt_item: AgendaItem | None = None
    exempt_minutes_item: AgendaItem | None = None
    minute_count: int = 0


class SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, ctx: dict) -> str:
    return text.format_map(SafeDict(ctx))


def sentence_list(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def clauses(texts: list[str]) -> list[tuple[str, str]]:
    """(label, text) rows for RESOLVED clauses as printed: a) ...; b) ...; and c) ..."""
    if len(texts) == 1:
        text = texts[0]
        return [("", text if text.startswith("That") else f"That {text}.")]
    rows = []
    for n, text in enumerate(texts):
        end = "." if n == len(texts) - 1 else ";"
        rows.append((letter(n), text + end))
    return rows


class Rows:
    """Every object to write, per model, in creation order."""

    def __init__(self) -> None:
        self.by_model: dict[type, list] = defaultdict(list)
        self.m2m: dict[tuple[type, str], list[tuple[object, object]]] = defaultdict(list)

    def add(self, obj):
        self.by_model[type(obj)].append(obj)
        return obj

    def link(self, model: type, field_name: str, obj, target) -> None:
        self.m2m[(model, field_name)].append((obj, target))

    def count(self) -> int:
        return sum(len(v) for v in self.by_model.values()) + sum(len(v) for v in self.m2m.values())


class DemoBuilder:
    def __init__(self, seed: int, years: int, scale: float, today: dt.date) -> None:
        if years < 1:
            raise ValueError("years must be at least 1")
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.size = DemoSize.for_scale(scale)
        self.years = cal.municipal_years(today, years)
        self.year_starts = [y for y, _, _ in self.years]
        self.rows = Rows()
        self.person_slugs: Counter = Counter()
        self.bodies: list[Body] = []
        self.plans: list[MeetingPlan] = []
        self.portfolio_holders: dict[int, dict[str, Person]] = {}
        self.officers: dict[str, Person] = {}
        self.reports_by_item: dict[int, Report] = {}

    # --- dates ------------------------------------------------------------------------
    def year_of(self, day: dt.date) -> int:
        for start, starts_on, ends_on in self.years:
            if starts_on <= day <= ends_on:
                return start
        return day.year if day >= dt.date(day.year, 5, 1) else day.year - 1

    def year_bounds(self, start: int) -> tuple[dt.date, dt.date]:
        for y, starts_on, ends_on in self.years:
            if y == start:
                return starts_on, ends_on
        raise KeyError(start)

    def ctx(self, day: dt.date, **extra) -> dict:
        rng = self.rng
        start = self.year_of(day)
        fy = cal.financial_year(day)
        quarter, q_fy = cal.last_quarter(day)
        values = {
            "county": banks.COUNTY,
            "council": banks.COUNCIL_NAME,
            "town": rng.choice(banks.TOWNS),
            "year": municipal_year_label(start),
            "prev_year": municipal_year_label(start - 1),
            "fy": cal.fy_label(fy),
            "prev_fy": cal.fy_label(fy - 1),
            "fy_next": cal.fy_label(fy + 1),
            "mtfs_end": cal.fy_label(fy + 5),
            "quarter": str(quarter),
            "n": str(rng.randint(3, 14)),
            "big": f"{rng.randint(120, 9800):,}",
            "pct": str(rng.randint(3, 38)),
            "money": f"£{rng.randint(2, 95) / 10:.1f}m"
            if rng.random() < 0.6
            else f"£{rng.randint(40, 950)},000",
            "month": f"{rng.choice(['June', 'July', 'September', 'November', 'January', 'March'])}",
        }
        if quarter == 4:
            values["fy"] = cal.fy_label(q_fy)
        values.update(extra)
        return values

    # --- people -----------------------------------------------------------------------
    def person(self, council: Council, name: str, kind: str, **fields) -> Person:
        base = slugify(name)
        self.person_slugs[base] += 1
        slug = base if self.person_slugs[base] == 1 else f"{base}-{self.person_slugs[base]}"
        first, _, last = name.rpartition(" ")
        person = Person(
            council=council,
            name=name,
            slug=slug,
            kind=kind,
            sort_name=f"{last}, {first}" if first else name,
            **fields,
        )
        self.rows.add(person)
        variants = [name]
        if kind == Person.Kind.COUNCILLOR and first:
            variants.append(f"Cllr {first[0]}. {last}")
            variants.append(f"County Councillor {name}")
            if first in banks.NICKNAMES:
                variants.append(f"{banks.NICKNAMES[first]} {last}")
        seen = set()
        for text in variants:
            key = name_key(text)
            if key and key not in seen:
                seen.add(key)
                self.rows.add(NameVariant(person=person, text=text, key=key))
        return person

    def plan_people(self, council: Council) -> None:
        rng = self.rng
        size = self.size
        combos = [(f, s) for f in banks.FIRST_NAMES for s in banks.SURNAMES]
        rng.shuffle(combos)
        used_surnames: Counter = Counter()
        chosen: list[tuple[str, str]] = []
        per_surname = -(-size.councillors // len(banks.SURNAMES)) + (
            size.councillors > len(banks.SURNAMES)
        )
        for first, surname in combos:
            if used_surnames[surname] >= per_surname:
                continue
            used_surnames[surname] += 1
            chosen.append((first, surname))
            if len(chosen) == size.councillors:
                break
        parties = [p for p, w in banks.PARTIES for _ in range(w)]
        divisions = list(banks.DIVISIONS)
        rng.shuffle(divisions)
        self.councillors: list[Person] = []
        for n, (first, surname) in enumerate(chosen):
            ward = divisions[n % len(divisions)]
            if n >= len(divisions):
                ward = f"{ward} ({n // len(divisions) + 1})"
            # The majority group holds the first seats so that the Cabinet is one party.
            party = "Conservative" if n < size.councillors // 2 + 1 else rng.choice(parties)
            self.councillors.append(
                self.person(
                    council,
                    f"{first} {surname}",
                    Person.Kind.COUNCILLOR,
                    honorific_prefix="Cllr",
                    post_nominals=rng.choice(banks.POST_NOMINALS) if rng.random() < 0.12 else "",
                    party=party,
                    ward=ward,
                    email=f"cllr.{first}.{surname}@{banks.EMAIL_DOMAIN}".lower().replace("'", ""),
                    phone=f"07700 900{rng.randint(0, 999):03d}",
                )
            )
        phones = rng.sample(range(0, 1000), len(banks.OFFICERS))
        names = list(banks.OFFICER_NAMES)
        rng.shuffle(names)
        for (key, title), (first, surname), phone in zip(
            banks.OFFICERS, names, phones, strict=False
        ):
            self.officers[key] = self.person(
                council,
                f"{first} {surname}",
                Person.Kind.OFFICER,
                job_title=title,
                organisation=banks.COUNCIL_NAME,
                email=f"{first}.{surname}@{banks.EMAIL_DOMAIN}".lower(),
                phone=f"01632 960{phone:03d}",
            )
        self.coopted = [
            self.person(
                council,
                f"{first} {surname}",
                Person.Kind.CO_OPTED,
                honorific_prefix=prefix,
                job_title=role,
            )
            for prefix, first, surname, role in banks.CO_OPTEES
        ]
        self.independent = self.person(
            council,
            "Anne Seaway",
            Person.Kind.OTHER,
            honorific_prefix="Mrs",
            job_title="Independent Member",
        )

    def plan_cabinet(self) -> None:
        """Portfolio holders per year; a reshuffle at the start of the last year."""
        keys = banks.PORTFOLIO_ORDER
        cabinet = self.councillors[: len(keys)]
        holders = dict(zip(keys, cabinet, strict=True))
        for index, start in enumerate(self.year_starts):
            if index == len(self.year_starts) - 1 and index > 0:
                holders = dict(holders)
                # Swap two portfolios and bring in a backbencher for a third.
                holders["communities"], holders["highways"] = (
                    holders["highways"],
                    holders["communities"],
                )
                holders["economy"] = self.councillors[len(keys)]
            self.portfolio_holders[start] = holders

    def portfolio_title(self, key: str, start: int) -> str:
        if start == self.year_starts[-1] and len(self.year_starts) > 1:
            return banks.PORTFOLIOS_AFTER_RESHUFFLE.get(key, banks.PORTFOLIOS[key])
        return banks.PORTFOLIOS[key]

    def cabinet_members(self, start: int) -> list[Person]:
        return list(self.portfolio_holders[start].values())

    def backbenchers(self, start: int) -> list[Person]:
        cabinet = {p.slug for p in self.cabinet_members(start)}
        return [p for p in self.councillors if p.slug not in cabinet]

    # --- committees and seats -----------------------------------------------------------
    def plan_committees(self, council: Council) -> None:
        first, last = self.year_starts[0], self.year_starts[-1]
        venues = banks.VENUES

        def body(
            name,
            kind,
            area,
            weekday,
            time,
            venue,
            numbering=Committee.MinuteNumbering.MUNICIPAL_YEAR,
            **kw,
        ):
            committee = Committee(
                council=council,
                name=name,
                slug=slugify(name),
                kind=kind,
                remit=REMITS.get(area, REMITS.get(kind, "")),
                minute_numbering=numbering,
                default_venue=venue,
            )
            first_year = kw.pop("first_year", first)
            last_year = kw.pop("last_year", last)
            b = Body(committee, area, first_year, last_year, weekday, time, venue, **kw)
            self.bodies.append(b)
            return b

        body(
            "County Council",
            Committee.Kind.FULL_COUNCIL,
            "full_council",
            3,
            dt.time(10, 0),
            venues["chamber"],
            chair_word="Chairman",
            numbers_apologies=True,
        )
        body(
            "Cabinet",
            Committee.Kind.CABINET,
            "cabinet",
            2,
            dt.time(10, 0),
            venues["oak"],
            numbers_apologies=True,
        )
        rename_year = (
            self.year_starts[len(self.year_starts) // 2] if len(self.year_starts) > 1 else None
        )
        defs = list(SCRUTINY_DEFS[: self.size.scrutiny_committees])
        for n in range(len(defs), self.size.scrutiny_committees):
            area = PANEL_AREAS[n % len(PANEL_AREAS)]
            town = banks.TOWNS[(n - len(SCRUTINY_DEFS)) % len(banks.TOWNS)]
            suffix = "" if n - len(SCRUTINY_DEFS) < len(banks.TOWNS) else f" {n}"
            defs.append(
                (area, f"{town} Area Scrutiny Panel{suffix}", Committee.Kind.PANEL, dt.time(18, 0))
            )
        weekdays = [0, 1, 4, 0, 1]
        for n, (area, name, kind, time) in enumerate(defs):
            venue = venues["oak"] if n % 2 == 0 else venues["hardy"]
            if kind == Committee.Kind.PANEL:
                venue = f"Council Offices, {name.split(' Area')[0]}"
            if n == 0 and rename_year is not None:
                old = body(
                    name,
                    kind,
                    area,
                    0,
                    time,
                    venue,
                    chair_word="Chairman",
                    last_year=rename_year - 1,
                )
                new = body(
                    RENAMED_TO,
                    Committee.Kind.OVERVIEW_SCRUTINY,
                    area,
                    0,
                    time,
                    venue,
                    chair_word="Chairman",
                    first_year=rename_year,
                )
                starts_on, _ = self.year_bounds(rename_year)
                old.committee.dissolved_on = starts_on - dt.timedelta(days=1)
                new.committee.established_on = starts_on
                new.committee.predecessor = old.committee
                new.predecessor_body = old
            else:
                body(name, kind, area, weekdays[n % len(weekdays)], time, venue)
        body(
            "Audit and Standards Committee",
            Committee.Kind.AUDIT,
            "audit",
            4,
            dt.time(14, 0),
            venues["cr2"],
            numbering=Committee.MinuteNumbering.MEETING,
            numbers_apologies=True,
        )

    def lineage_seats(self, body: Body, start: int) -> list[Seat]:
        if start in body.seats:
            return body.seats[start]
        pred = body.predecessor_body
        if pred is not None and start in pred.seats:
            return pred.seats[start]
        return []

    def plan_seats(self) -> None:
        rng = self.rng
        load: Counter = Counter()
        for index, start in enumerate(self.year_starts):
            starts_on, _ = self.year_bounds(start)
            backbench = self.backbenchers(start)
            load.clear()
            # Full council: everyone, with a new Chairman each year.
            council_body = self.bodies[0]
            chairman = backbench[(index * 2 + len(backbench) - 1) % len(backbench)]
            vice = backbench[(index * 2 + len(backbench) - 2) % len(backbench)]
            seats = [
                Seat(chairman, Role.CHAIR, "Chairman"),
                Seat(vice, Role.VICE_CHAIR, "Vice-Chairman"),
            ]
            seats += [
                Seat(p, Role.MEMBER)
                for p in sorted(self.councillors, key=lambda p: p.sort_name)
                if p not in (chairman, vice)
            ]
            council_body.seats[start] = seats
            cabinet = self.portfolio_holders[start]
            self.bodies[1].seats[start] = [
                Seat(cabinet["leader"], Role.CHAIR, "Leader of the Council"),
                Seat(cabinet["finance"], Role.VICE_CHAIR, "Deputy Leader"),
                *[
                    Seat(p, Role.MEMBER)
                    for k, p in cabinet.items()
                    if k not in ("leader", "finance")
                ],
            ]
            for body in self.bodies[2:]:
                if not body.first_year <= start <= body.last_year:
                    continue
                size = 6 if body.kind == Committee.Kind.AUDIT else self.size.committee_seats
                previous = [
                    s
                    for s in self.lineage_seats(body, start - 1)
                    if s.role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
                ]
                keep = [s.person for s in previous if s.person in backbench and s.ends_on is None]
                rng.shuffle(keep)
                keep = keep[: max(0, size - rng.randint(1, 2))]
                pool = sorted(
                    (p for p in backbench if p not in keep and p not in (chairman,)),
                    key=lambda p: (load[p.slug], rng.random()),
                )
                people = keep + pool[: size - len(keep)]
                for p in people:
                    load[p.slug] += 1
                old_chair = next((s.person for s in previous if s.role == Role.CHAIR), None)
                old_vices = [s.person for s in previous if s.role == Role.VICE_CHAIR]
                if old_chair in people and rng.random() < 0.6:
                    chair = old_chair
                elif old_vices and old_vices[0] in people:
                    chair = old_vices[0]
                else:
                    chair = people[0]
                others = [p for p in people if p is not chair]
                word = body.chair_word
                seats = [Seat(chair, Role.CHAIR, word)]
                if body.committee.name == RENAMED_TO:
                    seats.append(Seat(others[0], Role.VICE_CHAIR, f"Vice-{word} (Overview)"))
                    seats.append(Seat(others[1], Role.VICE_CHAIR, f"Vice-{word} (Scrutiny)"))
                    rest = others[2:]
                else:
                    seats.append(Seat(others[0], Role.VICE_CHAIR, f"Vice-{word}"))
                    rest = others[1:]
                seats += [Seat(p, Role.MEMBER) for p in sorted(rest, key=lambda p: p.sort_name)]
                if body.area == "children":
                    co = self.coopted[:2] if index == 0 else self.coopted[:3]
                    seats += [
                        Seat(p, Role.CO_OPTED, f"Co-opted Member ({p.job_title})") for p in co
                    ]
                if body.kind == Committee.Kind.AUDIT:
                    seats.append(Seat(self.independent, Role.CO_OPTED, "Independent Member"))
                if body.is_scrutiny:
                    spare = [p for p in backbench if p not in people]
                    if spare:
                        seats.append(Seat(rng.choice(spare), Role.SUBSTITUTE, "Substitute"))
                # One member leaves mid-year and is replaced, on the third scrutiny committee.
                if body.area == "prosperity" and index == min(1, len(self.year_starts) - 1):
                    leaving = seats[-2] if seats[-1].role == Role.SUBSTITUTE else seats[-1]
                    taken = {s.person.slug for s in seats}
                    newcomer = next((p for p in backbench if p.slug not in taken), None)
                    if newcomer is not None:
                        change = dt.date(starts_on.year, 12, 1)
                        leaving.ends_on = change - dt.timedelta(days=1)
                        seats.append(Seat(newcomer, Role.MEMBER, starts_on=change))
                body.seats[start] = seats

    def seats_on(self, body: Body, day: dt.date) -> list[Seat]:
        return [
            s
            for s in body.seats.get(self.year_of(day), [])
            if (s.starts_on is None or s.starts_on <= day)
            and (s.ends_on is None or s.ends_on >= day)
        ]

    # --- meetings ---------------------------------------------------------------------
    def slots(self, body: Body) -> list[int]:
        if body.kind == Committee.Kind.FULL_COUNCIL:
            return [7, 10, 12, 2]
        if body.kind == Committee.Kind.CABINET:
            return [6, 7, 9, 10, 12, 2, 3]
        if body.kind == Committee.Kind.AUDIT:
            return [6, 7, 9, 11, 1, 3]
        return [6, 7, 9, 11, 1, 3, 4]

    def plan_meetings(self) -> None:
        rng = self.rng
        lo, hi = self.size.meetings_per_year
        for body in self.bodies:
            for start in self.year_starts:
                if not body.first_year <= start <= body.last_year:
                    continue
                starts_on, ends_on = self.year_bounds(start)
                dates = []
                if body.kind == Committee.Kind.FULL_COUNCIL:
                    dates.append(starts_on)
                    months = self.slots(body)
                else:
                    slots = self.slots(body)
                    count = min(len(slots), rng.randint(lo, hi))
                    # Spread through the year: evenly spaced slots, the first one shifted at random.
                    shift = rng.randint(0, len(slots) - count)
                    step = (len(slots) - 1 - shift) / max(count - 1, 1)
                    picked = sorted({shift + round(i * step) for i in range(count)})
                    months = [slots[i] for i in picked]
                    if body.kind == Committee.Kind.CABINET and 2 not in months:
                        months[-1] = 2
                        months = sorted(set(months), key=slots.index)
                for month in months:
                    n = rng.randint(1, 2 if month == 12 else 3)
                    day = cal.nth_weekday(cal.month_in_year(start, month), month, body.weekday, n)
                    if (day.month, day.day) == (1, 1) or (day.month == 12 and day.day >= 22):
                        day += dt.timedelta(days=7 if day.month == 1 else -7)
                    if starts_on < day <= ends_on and day not in dates:
                        dates.append(day)
                for day in dates:
                    self.add_meeting(body, day)
        # An extraordinary meeting of the council in the middle year.
        if len(self.year_starts) >= 2:
            start = self.year_starts[len(self.year_starts) // 2 - 1]
            day = cal.nth_weekday(start, 9, 3, 4)
            meeting = self.add_meeting(self.bodies[0], day)
            meeting.is_special = True
        for body in self.bodies:
            body.meetings.sort(key=lambda m: m.date)

    def add_meeting(self, body: Body, day: dt.date) -> Meeting:
        meeting = Meeting(
            committee=body.committee,
            date=day,
            start_time=body.time,
            municipal_year=self.year_of(day),
            venue=body.venue,
        )
        body.meetings.append(meeting)
        return meeting

    def assign_status(self) -> None:
        rng = self.rng
        today = self.today
        # One cancelled meeting: a scrutiny committee's third meeting of the first year.
        candidates = [b for b in self.bodies if b.is_scrutiny]
        cancelled = None
        if candidates:
            body = candidates[0]
            first_year = [
                m
                for m in body.meetings
                if m.municipal_year == self.year_starts[0] and m.date < today
            ]
            if len(first_year) >= 3:
                cancelled = first_year[2]
        corporate = self.officers["corporate"]
        for body in self.bodies:
            for meeting in body.meetings:
                if meeting is cancelled:
                    meeting.status = Status.CANCELLED
                elif meeting.date < today - dt.timedelta(days=3):
                    meeting.status = (
                        Status.MINUTES_DRAFTED
                    )  # confirmed later when the next meeting is held
                elif meeting.date < today:
                    meeting.status = Status.HELD
                elif meeting.date <= today + cal.AGENDA_WINDOW:
                    meeting.status = Status.AGENDA_PUBLISHED
                else:
                    meeting.status = Status.SCHEDULED
                if meeting.status not in (Status.SCHEDULED, Status.CANCELLED):
                    # Six to eight working days ahead (five clear days is the legal minimum); an
                    # agenda already out for a meeting further ahead went out no later than today.
                    meeting.agenda_published_on = min(
                        cal.working_days_before(meeting.date, rng.choice([6, 7, 8])),
                        cal.working_day_on_or_before(today),
                    )
                    meeting.agenda_issued_by = f"{corporate.name}, {corporate.job_title}"
                if (
                    meeting.date < today
                    and meeting.status != Status.CANCELLED
                    and body.kind != Committee.Kind.AUDIT
                ):
                    meeting.webcast_url = (
                        f"{banks.WEBCAST_BASE}/{body.committee.slug}/{meeting.date:%Y-%m-%d}"
                    )

    # --- agenda content -------------------------------------------------------------------
    def plan_topics(self) -> None:
        rng = self.rng
        lo, hi = self.size.items_per_meeting
        recurring = {"internal_audit", "budget_monitoring"}
        last_plan: dict[int, MeetingPlan] = {}
        for body in self.bodies:
            area = body.area
            pool = [t for t in TOPICS if area in t.areas]
            exempt_pool = [t for t in EXEMPT_TOPICS if area in t["areas"]]
            used_in_year: dict[int, set[str]] = defaultdict(set)
            exempt_used: set[str] = set()
            # A renamed committee's first meeting confirms its predecessor's last minutes.
            previous = last_plan.get(id(body.predecessor_body)) if body.predecessor_body else None
            for meeting in body.meetings:
                plan = MeetingPlan(meeting, body, previous=previous)
                if meeting.status != Status.CANCELLED:
                    previous = last_plan[id(body)] = plan
                self.plans.append(plan)
                if body.kind == Committee.Kind.FULL_COUNCIL or not pool:
                    continue
                year = meeting.municipal_year
                fresh = [t for t in pool if t.key not in used_in_year[year] or t.key in recurring]
                rng.shuffle(fresh)
                fresh.sort(
                    key=lambda t: t.key not in recurring
                )  # recurring items lead, as in real agendas
                count = rng.randint(lo, hi)
                chosen = (
                    fresh[:count]
                    if len(fresh) >= count
                    else fresh + rng.sample(pool, count - len(fresh))
                )
                seen = set()
                plan.topics = [t for t in chosen if not (t.key in seen or seen.add(t.key))]
                used_in_year[year].update(t.key for t in plan.topics)
                open_business = meeting.status not in (Status.SCHEDULED, Status.CANCELLED)
                exempt_left = [t for t in exempt_pool if t["key"] not in exempt_used]
                if exempt_left and open_business and rng.random() < 0.1:
                    plan.exempt = rng.choice(exempt_left)
                    exempt_used.add(plan.exempt["key"])
        # Make sure at least one held meeting with minutes has Part Two business.
        held = [
            p
            for p in self.plans
            if p.meeting.status == Status.MINUTES_DRAFTED and p.body.kind == Committee.Kind.CABINET
        ]
        if held and not any(
            p.exempt for p in self.plans if p.meeting.status == Status.MINUTES_DRAFTED
        ):
            held[len(held) // 2].exempt = EXEMPT_TOPICS[0]

    def plan_reviews(self) -> None:
        """One scrutiny review per scrutiny committee-year, reported to the year's third meeting."""
        rng = self.rng
        used = set()
        for body in self.bodies:
            if not body.is_scrutiny:
                continue
            by_year = defaultdict(list)
            for plan in self.plans:
                if plan.body is body and plan.meeting.status != Status.CANCELLED:
                    by_year[plan.meeting.municipal_year].append(plan)
            for _year, plans in sorted(by_year.items()):
                if len(plans) < 3:
                    continue
                options = [r for r in REVIEW_TOPICS if r[0] not in used] or list(REVIEW_TOPICS)
                title, portfolio, group, method, recs = rng.choice(options)
                used.add(title)
                plans[2].review = {
                    "title": title,
                    "portfolio": portfolio,
                    "group": group,
                    "method": method,
                    "recommendations": list(recs),
                }

    def item(self, plan: MeetingPlan, title: str, standard: str = "", **fields) -> AgendaItem:
        item = AgendaItem(
            meeting=plan.meeting, title=title, standard=standard, order=len(plan.items), **fields
        )
        plan.items.append(item)
        self.rows.add(item)
        return item

    def build_agendas(self) -> None:
        for plan in self.plans:
            if plan.meeting.status == Status.CANCELLED:
                continue
            if plan.meeting.status == Status.SCHEDULED:
                self.build_standard_agenda(plan)
            else:
                self.build_agenda(plan)

    def build_standard_agenda(self, plan: MeetingPlan) -> None:
        """A meeting whose agenda is not out yet: the standard items the clerk sets up first.

        No reports and no page numbers (pages are given when the pack is published). Takes
        nothing from the random stream, so the meetings after it are planned the same way.
        """
        body = plan.body
        prev = plan.previous
        number = 0

        def numbered(title, standard, **fields):
            nonlocal number
            number += 1
            return self.item(plan, title, standard, number=str(number), **fields)

        numbered("Apologies", Std.APOLOGIES)
        numbered("Declarations of Interest", Std.DECLARATIONS)
        if prev is not None:
            numbered(
                f"Minutes of the {prev.body.committee.name} meeting held on {cal.long_date(prev.meeting.date)}",
                Std.MINUTES,
                minutes_of=prev.meeting,
            )
        if body.is_scrutiny:
            numbered("Work Programme", Std.WORK_PROGRAMME)
        if body.is_scrutiny or (prev is not None and prev.exempt is not None):
            numbered("Exclusion of the Public", Std.EXCLUSION)
        if prev is not None and prev.exempt is not None:
            item = numbered(
                f"Exempt Minutes of the meeting held on {cal.long_date(prev.meeting.date)}",
                Std.MINUTES,
                part=Part.TWO,
                minutes_of=prev.meeting,
            )
            item.paragraphs = list(prev.exempt["paragraphs"])
            for number_ in item.paragraphs:
                self.rows.link(AgendaItem, "exempt_paragraphs", item, number_)

    def report_ofs(
        self, plan: MeetingPlan, portfolio: str, officer: str
    ) -> tuple[str, str, Person]:
        """(agenda report_of, report report_of, presenter) for a topic at this meeting."""
        start = plan.meeting.municipal_year
        if plan.body.kind == Committee.Kind.AUDIT:
            person = self.officers[officer]
            return person.job_title, f"{person.name}, {person.job_title}", person
        person = self.portfolio_holders[start][portfolio]
        title = self.portfolio_title(portfolio, start)
        return title, f"Cllr {person.name}, {title}", person

    def build_agenda(self, plan: MeetingPlan) -> None:
        rng = self.rng
        body = plan.body
        meeting = plan.meeting
        page = 1
        number = 0

        def numbered(title, standard="", pages=0, **fields):
            nonlocal page, number
            number += 1
            if pages:
                fields["start_page"], fields["end_page"] = page, page + pages - 1
                page += pages
            return self.item(plan, title, standard, number=str(number), **fields)

        if (
            body.kind == Committee.Kind.FULL_COUNCIL
            and meeting.date == self.year_bounds(meeting.municipal_year)[0]
        ):
            numbered(
                "Election of Chairman of the Council for "
                + municipal_year_label(meeting.municipal_year)
            )
        numbered("Apologies", Std.APOLOGIES)
        numbered("Declarations of Interest", Std.DECLARATIONS)
        prev = plan.previous
        if prev is not None:
            numbered(
                f"Minutes of the {prev.body.committee.name} meeting held on {cal.long_date(prev.meeting.date)}",
                Std.MINUTES,
                pages=rng.randint(4, 9),
                minutes_of=prev.meeting,
            )
        if body.kind == Committee.Kind.FULL_COUNCIL:
            self.council_business(plan, numbered)
        for topic in plan.topics:
            ctx = self.ctx(meeting.date)
            agenda_of, report_of, presenter = self.report_ofs(plan, topic.portfolio, topic.officer)
            pages = 3 + len(topic.body) + sum(rng.randint(2, 14) for _ in topic.appendices)
            item = numbered(
                fill(topic.title, ctx), pages=pages, report_of=agenda_of, presenter=presenter
            )
            plan.substantive.append((item, topic))
            self.build_report(plan, item, topic, ctx, report_of, presenter)
            for n, (sub_title, presenter_text) in enumerate(topic.subitems):
                sub = self.item(
                    plan, sub_title, number=letter(n), parent=item, report_of=presenter_text
                )
                plan.substantive.append((sub, None))
        if plan.review:
            review = plan.review
            title = f"{review['title']}: Final Report of the {review['group']}"
            chair = next(
                s.person for s in self.seats_on(body, meeting.date) if s.role == Role.CHAIR
            )
            item = numbered(
                title,
                pages=rng.randint(10, 24),
                report_of=f"Chair of the {review['group']}",
                presenter=chair,
            )
            plan.substantive.append((item, None))
            review["item"] = item
            self.build_review_report(plan, item, review, chair)
        if body.is_scrutiny:
            numbered("Work Programme", Std.WORK_PROGRAMME, pages=rng.randint(6, 12))
        part_two = []
        if prev is not None and prev.exempt is not None:
            part_two.append(("minutes", prev))
        if plan.exempt is not None:
            part_two.append(("exempt", plan.exempt))
        if body.is_scrutiny or part_two:
            numbered("Exclusion of the Public", Std.EXCLUSION)
        for kind, what in part_two:
            if kind == "minutes":
                paragraphs = list(what.exempt["paragraphs"])
                item = numbered(
                    f"Exempt Minutes of the meeting held on {cal.long_date(what.meeting.date)}",
                    Std.MINUTES,
                    pages=2,
                    part=Part.TWO,
                    minutes_of=what.meeting,
                )
                item.paragraphs = paragraphs
                plan.exempt_minutes_item = item
            else:
                ctx = self.ctx(meeting.date)
                agenda_of, report_of, presenter = self.report_ofs(
                    plan, what["portfolio"], what["officer"]
                )
                item = numbered(
                    fill(what["title"], ctx),
                    pages=rng.randint(4, 12),
                    part=Part.TWO,
                    report_of=agenda_of,
                    presenter=presenter,
                )
                item.paragraphs = list(what["paragraphs"])
                plan.exempt_item = item
                self.build_exempt_report(plan, item, what, ctx, report_of, presenter)
            for number_ in item.paragraphs:
                self.rows.link(AgendaItem, "exempt_paragraphs", item, number_)

    def council_business(self, plan: MeetingPlan, numbered) -> None:
        meeting = plan.meeting
        start = meeting.municipal_year
        starts_on, _ = self.year_bounds(start)
        ctx = self.ctx(meeting.date)
        if meeting.is_special:
            title, resolutions = SPECIAL_ITEM
            item = numbered(
                fill(title, ctx),
                pages=self.rng.randint(20, 40),
                report_of="Leader of the Council",
                presenter=self.portfolio_holders[start]["leader"],
            )
            plan.council_items.append((item, [fill(r, ctx) for r in resolutions]))
            return
        if meeting.date == starts_on:
            seats = self.bodies[0].seats[start]
            names = {
                "chair": seats[0].person.printed_name,
                "vice": seats[1].person.printed_name,
                "leader": self.portfolio_holders[start]["leader"].printed_name,
                "year": municipal_year_label(start),
            }
            # The election of the Chairman was numbered first; record its resolution too.
            first = plan.items[0]
            plan.council_items.append((first, [fill(ANNUAL_MEETING_ITEMS[0][1], names)]))
            for title, resolution in ANNUAL_MEETING_ITEMS[1:]:
                item = numbered(fill(title, names))
                plan.council_items.append((item, [fill(resolution, names)]))
            return
        picks = [
            COUNCIL_ITEMS[0],
            COUNCIL_ITEMS[1],
            COUNCIL_ITEMS[2],
            COUNCIL_ITEMS[3],
            COUNCIL_ITEMS[4],
        ]
        picks += self.rng.sample(COUNCIL_ITEMS[5:], 2)
        for title, resolution in picks:
            pages = self.rng.randint(3, 12) if resolution else 0
            item = numbered(title, pages=pages)
            plan.council_items.append((item, [resolution] if resolution else []))
        if meeting.date.month == 2:
            title, resolutions = BUDGET_ITEM
            item = numbered(
                fill(title, ctx),
                pages=self.rng.randint(40, 90),
                report_of="Cabinet Member for Finance and Resources",
                presenter=self.portfolio_holders[start]["finance"],
            )
            plan.council_items.append((item, [fill(r, ctx) for r in resolutions]))

    # --- reports ----------------------------------------------------------------------
    def contact(self, report: Report, person: Person, order: int = 0) -> None:
        self.rows.add(
            ContactOfficer(
                report=report,
                person=person,
                order=order,
                name=person.name,
                job_title=person.job_title,
                phone=person.phone,
                email=person.email,
            )
        )

    def new_report(self, plan: MeetingPlan, item: AgendaItem, title: str, **fields) -> Report:
        report = Report(
            meeting=plan.meeting,
            agenda_item=item,
            title=title,
            order=item.order,
            meeting_date=plan.meeting.date,
            **fields,
        )
        self.rows.add(report)
        plan.reports.append(report)
        return report

    def build_report(self, plan, item, topic: Topic, ctx, report_of, presenter) -> None:
        rng = self.rng
        word = plan.body.committee_word
        cabinet = plan.body.kind == Committee.Kind.CABINET
        recommendation = fill(topic.recommendation, ctx)
        if not cabinet and recommendation.startswith("That Cabinet"):
            recommendation = (
                f"That the {word} considers the proposals and makes any comments to the Cabinet "
                "Member before the decision is taken."
            )
        elif not cabinet:
            recommendation = recommendation.replace("Select Committee", word)
        body_paras = [
            "Background",
            *[f"{n}. {fill(p, ctx)}" for n, p in enumerate(topic.body, start=2)],
        ]
        history = rng.choice(
            [
                "The {word} previously received a report on this issue in {month} last year.",
                "There is no related overview and scrutiny activity on this topic at present.",
                "The Corporate Overview and Scrutiny Committee considers the financial aspects of this service as part of its scrutiny of the Medium Term Financial Strategy.",
            ]
        )
        report = self.new_report(
            plan,
            item,
            item.title,
            report_of=report_of,
            cabinet_member=presenter if presenter.kind == Person.Kind.COUNCILLOR else None,
            local_members_interest="N/A"
            if rng.random() < 0.7
            else f"Members for {ctx['town']} divisions",
            summary=(
                "What is the Cabinet being asked to decide and why?\n\n"
                if cabinet
                else f"What is the {word} being asked to do and why?\n\n"
            )
            + "1. "
            + fill(topic.summary, ctx),
            body="\n\n".join(body_paras),
            link_to_strategic_plan=fill(topic.strategic, ctx),
            link_to_other_scrutiny=fill(history, {**ctx, "word": word}),
            community_impact=fill(topic.impact, ctx),
        )
        if cabinet and not recommendation.startswith("That Cabinet"):
            recommendation = "That Cabinet notes the report and agrees the actions set out in it."
        self.rows.add(ReportRecommendation(report=report, order=0, text=recommendation))
        self.contact(report, self.officers[topic.officer])
        if rng.random() < 0.25:
            self.contact(report, self.officers["scrutiny"], 1)
        for n, title in enumerate(topic.appendices):
            self.rows.add(Appendix(report=report, order=n, title=fill(title, ctx)))

    def build_review_report(self, plan, item, review, chair: Person) -> None:
        start = plan.meeting.municipal_year
        recs = review["recommendations"]
        review["cabinet_member"] = self.portfolio_holders[start][review["portfolio"]]
        review["role"] = self.portfolio_title(review["portfolio"], start)
        report = self.new_report(
            plan,
            item,
            item.title,
            report_of=f"Cllr {chair.name}, Chair of the {review['group']}",
            local_members_interest="N/A",
            summary=f"What is the {plan.body.committee_word} being asked to do and why?\n\n1. The {review['group']} "
            f"was set up to examine {review['title'].lower()}. Members are asked to endorse its final report and "
            f"recommendations for submission to the {review['role']} for an Executive Response.",
            body=(
                "Report\n\n2. The group met on four occasions and heard from officers, partners and service users. "
                "Members visited services in three districts.\n\n3. The group's findings and recommendations are set "
                "out in Appendix A."
            ),
            link_to_strategic_plan="The review supports the Strategic Plan priorities relating to the service concerned.",
            link_to_other_scrutiny="The review was agreed as part of the Committee's work programme.",
            community_impact="The recommendations are intended to improve outcomes for the residents who use the service.",
        )
        review["report"] = report
        for n, text in enumerate(recs):
            self.rows.add(ReportRecommendation(report=report, order=n, text=text))
        self.contact(report, self.officers["scrutiny"])
        self.rows.add(
            Appendix(
                report=report,
                order=0,
                title=f"Appendix A - {review['title']}: Findings and Recommendations",
            )
        )

    def build_exempt_report(self, plan, item, what, ctx, report_of, presenter) -> None:
        report = self.new_report(
            plan,
            item,
            item.title,
            part=Part.TWO,
            report_of=report_of,
            cabinet_member=presenter if presenter.kind == Person.Kind.COUNCILLOR else None,
            local_members_interest="N/A",
            summary=f"{fill(what['summary'], ctx)} Exempt reference {CANARY}.",
            body=f"{fill(what['body'], ctx)}\n\nThis report is not for publication ({CANARY}).",
            link_to_strategic_plan="As set out in the report.",
            community_impact="As set out in the report.",
        )
        for n in what["paragraphs"]:
            self.rows.link(Report, "exempt_paragraphs", report, n)
        self.rows.add(
            ReportRecommendation(
                report=report,
                order=0,
                text=f"That the recommendations in the exempt report be approved ({CANARY}).",
            )
        )
        self.contact(report, self.officers[what["officer"]])
        self.rows.add(
            Appendix(report=report, order=0, title="Appendix 1 - Exempt information", part=Part.TWO)
        )

    # --- attendance and minutes --------------------------------------------------------
    def build_minutes(self) -> None:
        counters: dict[tuple[int, int], int] = defaultdict(int)
        for plan in self.plans:
            if plan.meeting.status not in (Status.MINUTES_DRAFTED, Status.HELD):
                continue
            self.build_attendance(plan)
            if plan.meeting.status == Status.MINUTES_DRAFTED:
                self.write_minutes(plan, counters)
        # Confirmation: each set of minutes is confirmed by the next meeting that had them on its agenda.
        for plan in self.plans:
            for item in plan.items:
                if (
                    item.standard != Std.MINUTES
                    or item.part != Part.ONE
                    or plan.meeting.date >= self.today
                ):
                    continue
                prev = plan.previous
                if prev is not None and prev.minutes is not None:
                    prev.minutes.status = Minutes.Status.CONFIRMED
                    prev.minutes.confirmed_at = plan.meeting
                    prev.minutes.signed_by = plan.meeting.chair
                    prev.meeting.status = Status.MINUTES_CONFIRMED

    def build_attendance(self, plan: MeetingPlan) -> None:
        rng = self.rng
        meeting = plan.meeting
        seats = self.seats_on(plan.body, meeting.date)
        voting = [s for s in seats if s.role != Role.SUBSTITUTE]
        subs = [s for s in seats if s.role == Role.SUBSTITUTE]
        chair_seat = next(s for s in voting if s.role == Role.CHAIR)
        vice = next((s for s in voting if s.role == Role.VICE_CHAIR), None)
        absent_n = rng.choice([0, 0, 1, 1, 2, 3]) if len(voting) > 6 else rng.choice([0, 1])
        away = rng.sample(
            [s for s in voting if s is not chair_seat], min(absent_n, len(voting) - 2)
        )
        chair_away = vice is not None and rng.random() < 0.07
        if chair_away:
            away = [s for s in away if s is not vice] + [chair_seat]
        chair = vice if chair_away else chair_seat
        meeting.chair = chair.person
        order = 0

        def attend(person, status, role="", **kw):
            nonlocal order
            plan.attendances.append(
                self.rows.add(
                    Attendance(
                        meeting=meeting, person=person, status=status, role=role, order=order, **kw
                    )
                )
            )
            order += 1

        role = chair.title if not chair_away else f"{chair.title}, in the Chair"
        attend(chair.person, Attendance.Status.PRESENT, role, is_chair=True)
        no_show = (
            away[-1]
            if away and len(away) >= 2 and rng.random() < 0.2 and away[-1] is not chair_seat
            else None
        )
        for s in voting:
            if s is chair or s in away:
                continue
            attend(s.person, Attendance.Status.PRESENT, s.title)
        for s in away:
            if s is no_show:
                attend(s.person, Attendance.Status.ABSENT, s.title)
            else:
                attend(s.person, Attendance.Status.APOLOGIES, s.title)
        apologising = [s for s in away if s is not no_show and s is not chair_seat]
        present_ids = {s.person.slug for s in voting}
        if subs and apologising and rng.random() < 0.5:
            attend(
                subs[0].person,
                Attendance.Status.SUBSTITUTE,
                "Substitute",
                substitute_for=apologising[0].person,
            )
            present_ids.add(subs[0].person.slug)
        # Cabinet Members whose reports are on the agenda, when they do not sit on the body.
        start = meeting.municipal_year
        seen = set(present_ids)
        for item, _topic in plan.substantive:
            person = item.presenter
            if person is None or person.kind != Person.Kind.COUNCILLOR or person.slug in seen:
                continue
            seen.add(person.slug)
            title = next(
                (
                    self.portfolio_title(k, start)
                    for k, p in self.portfolio_holders[start].items()
                    if p is person
                ),
                "",
            )
            attend(person, Attendance.Status.IN_ATTENDANCE, title)

    def minute(
        self, plan, counters, title, item=None, narrative="", resolutions=(), part=Part.ONE
    ) -> MinuteItem:
        body = plan.body
        meeting = plan.meeting
        key = (id(body.committee), meeting.municipal_year)
        through_year = body.committee.minute_numbering == Committee.MinuteNumbering.MUNICIPAL_YEAR
        if through_year:
            counters[key] += 1
            number = counters[key]
        else:
            number = plan.minute_count + 1
        plan.minute_count += 1
        label = (
            f"{number}/{meeting.municipal_year % 100:02d}"
            if body.kind == Committee.Kind.CABINET
            else str(number)
        )
        minute_item = MinuteItem(
            minutes=plan.minutes,
            committee=body.committee,
            municipal_year=meeting.municipal_year,
            numbered_through_year=through_year,
            number=number,
            number_label=label,
            order=plan.minute_count,
            title=title,
            part=part,
            narrative=narrative,
            agenda_item=item,
        )
        self.rows.add(minute_item)
        for order, (label_, text) in enumerate(resolutions):
            self.rows.add(Resolution(minute_item=minute_item, order=order, label=label_, text=text))
        return minute_item

    def write_minutes(self, plan: MeetingPlan, counters) -> None:
        rng = self.rng
        meeting = plan.meeting
        body = plan.body
        plan.minutes = self.rows.add(Minutes(meeting=meeting, status=Minutes.Status.DRAFT))
        chair_word = body.chair_word
        word = body.committee_word
        attendances = plan.attendances
        by_standard = {i.standard: i for i in plan.items if i.standard and i.part == Part.ONE}
        for item, resolutions in plan.council_items[:1]:
            if item.order == 0:  # the election of the Chairman opens the annual meeting
                self.minute(plan, counters, item.title, item, "", clauses(resolutions))
        if body.numbers_apologies:
            names = [a.person.name for a in attendances if a.status == Attendance.Status.APOLOGIES]
            text = (
                f"Apologies for absence were received from {sentence_list(names)}."
                if names
                else "There were no apologies for absence."
            )
            self.minute(plan, counters, "Apologies", by_standard.get(Std.APOLOGIES), text)
        # Declarations.
        decl_item = by_standard.get(Std.DECLARATIONS)
        present = [a for a in attendances if a.status == Attendance.Status.PRESENT]
        topics = [(i, t) for i, t in plan.substantive if t is not None]
        if topics and rng.random() < 0.15:
            who = rng.choice(present).person
            item, _ = rng.choice(topics)
            nature, template = rng.choice(banks.DECLARATIONS)
            text = fill(
                template,
                {"number": item.number, "item": item.title, "town": rng.choice(banks.TOWNS)},
            )
            self.rows.add(
                Declaration(
                    meeting=meeting,
                    person=who,
                    agenda_item=item,
                    nature=nature,
                    description=text,
                    left_the_room=nature == "pecuniary",
                )
            )
            narrative = f"{who.printed_name} declared {text}."
        else:
            narrative = "There were none at this meeting."
        self.minute(plan, counters, "Declarations of Interest", decl_item, narrative)
        # Minutes of the previous meeting.
        minutes_item = by_standard.get(Std.MINUTES)
        if minutes_item is not None and plan.previous is not None:
            prev = plan.previous
            name = prev.body.committee.name
            self.minute(
                plan,
                counters,
                minutes_item.title,
                minutes_item,
                "",
                [
                    (
                        "",
                        f"That the minutes of the {name} held on {cal.long_date(prev.meeting.date)} "
                        f"be confirmed and signed by the {chair_word}.",
                    )
                ],
            )
        for item, resolutions in plan.council_items:
            if item.order == 0:
                continue
            narrative = ""
            if item.title == "Leader's Statement":
                narrative = "The Leader of the Council made a statement on the County Council's priorities, including the financial outlook and the Local Government Reorganisation proposals. Group leaders responded."
            elif item.title.startswith("Questions"):
                narrative = f"{rng.randint(2, 9)} questions were received and answered. The questions and answers are published with these minutes."
            elif item.title == "Chairman's Announcements":
                narrative = "The Chairman reported on the civic engagements attended since the last meeting, including the Wessex Show and Remembrance services across the county."
            self.minute(
                plan,
                counters,
                item.title,
                item,
                narrative,
                clauses(resolutions) if resolutions else [],
            )
        for item, topic in plan.substantive:
            if topic is None:
                if plan.review and item is plan.review.get("item"):
                    review = plan.review
                    text = (
                        f"The Chair of the {review['group']} presented the group's final report. Members thanked "
                        "the officers, partners and service users who had contributed to the review."
                    )
                    res = [
                        (
                            "",
                            f"That the final report and recommendations be endorsed and submitted to the "
                            f"{review['role']} for an Executive Response.",
                        )
                    ]
                    review["minute"] = self.minute(plan, counters, item.title, item, text, res)
                elif item.parent is not None:
                    text = (
                        f"Members received a presentation on the {item.title}. They asked that a copy of the slides "
                        "be forwarded to them after the meeting for reference."
                    )
                    self.minute(
                        plan,
                        counters,
                        item.title,
                        item,
                        text,
                        [("", "That the presentation be noted.")],
                    )
                continue
            ctx = self.ctx(meeting.date)
            paras = [fill(p, ctx) for p in topic.narrative]
            questions = (
                banks.AUDIT_QUESTIONS
                if body.kind == Committee.Kind.AUDIT
                else banks.SCRUTINY_QUESTIONS
            )
            paras += [fill(q, ctx) for q in rng.sample(questions, rng.randint(1, 2))]
            res = list(topic.resolutions)
            if len(res) > 1 and rng.random() < 0.3:
                res.append(rng.choice(banks.GENERIC_RESOLUTIONS))
            self.minute(
                plan,
                counters,
                item.title,
                item,
                "\n\n".join(paras),
                clauses([fill(r, ctx) for r in res]),
            )
        wp_item = by_standard.get(Std.WORK_PROGRAMME)
        if wp_item is not None:
            if rng.random() < 0.5:
                text = f"The {word} received a copy of their current work programme and agreed the additions set out below."
                res = [("", "That the work programme be amended to include the additional items.")]
            else:
                text = f"The {word} received a copy of their current work programme."
                res = [("", "That the work programme be noted.")]
            self.minute(plan, counters, "Work Programme", wp_item, text, res)
        exempt_item = plan.exempt_item
        exempt_minutes = plan.exempt_minutes_item
        if exempt_item is None and exempt_minutes is None:
            return
        exclusion = by_standard.get(Std.EXCLUSION)
        self.minute(
            plan,
            counters,
            "Exclusion of the Public",
            exclusion,
            "The Committee then proceeded to consider reports on the following issues:",
            [("", banks.EXCLUSION_RESOLUTION)],
        )
        if exempt_minutes is not None:
            prev = plan.previous
            m = self.minute(
                plan,
                counters,
                exempt_minutes.title,
                exempt_minutes,
                "",
                [
                    (
                        "",
                        f"That the exempt minutes of the meeting held on {cal.long_date(prev.meeting.date)} be confirmed "
                        f"and signed by the {chair_word}.",
                    )
                ],
                part=Part.TWO,
            )
            for n in exempt_minutes.paragraphs:
                self.rows.link(MinuteItem, "exempt_paragraphs", m, n)
        if exempt_item is not None:
            what = plan.exempt
            ctx = self.ctx(meeting.date)
            narrative = f"{fill(what['narrative'], ctx)} (Exempt record {CANARY}.)"
            res = clauses([fill(r, ctx) for r in what["resolutions"]])
            label, text = res[-1]
            res[-1] = (label, f"{text[:-1]} [{CANARY}].")
            m = self.minute(
                plan, counters, exempt_item.title, exempt_item, narrative, res, part=Part.TWO
            )
            for n in exempt_item.paragraphs:
                self.rows.link(MinuteItem, "exempt_paragraphs", m, n)
            plan.has_part_two_minutes = True

    # --- scrutiny: work programmes and recommendations -----------------------------------
    def lead(self, wp_item, person, role, order) -> None:
        self.rows.add(WorkProgrammeLead(item=wp_item, person=person, role=role, order=order))

    def build_work_programmes(self) -> None:
        rng = self.rng
        for body in self.bodies:
            if not (body.is_scrutiny or body.kind == Committee.Kind.AUDIT):
                continue
            for start in range(body.first_year, body.last_year + 1):
                label = municipal_year_label(start)
                programme = self.rows.add(
                    WorkProgramme(
                        committee=body.committee,
                        municipal_year=start,
                        title=f"Work Programme {label}",
                    )
                )
                plans = [
                    p for p in self.plans if p.body is body and p.meeting.municipal_year == start
                ]
                order = 0

                def add(
                    topic, method=WorkProgrammeItem.Method.MEETING, programme=programme, **fields
                ):
                    nonlocal order
                    wp = self.rows.add(
                        WorkProgrammeItem(
                            programme=programme, order=order, topic=topic, method=method, **fields
                        )
                    )
                    order += 1
                    return wp

                used_keys = set()
                for plan in plans:
                    m = plan.meeting
                    when = f"{cal.long_date(m.date)} {cal.clock(m.start_time)}"
                    if m.status == Status.CANCELLED:
                        status, outcome = (
                            WorkProgrammeItem.Status.DEFERRED,
                            "Meeting cancelled; the item was carried forward.",
                        )
                    elif m.status == Status.SCHEDULED:
                        status, outcome = WorkProgrammeItem.Status.PLANNED, ""
                    elif m.status == Status.AGENDA_PUBLISHED:
                        status, outcome = WorkProgrammeItem.Status.ON_AGENDA, ""
                    else:
                        status, outcome = WorkProgrammeItem.Status.CONSIDERED, None
                    ctx = self.ctx(m.date)
                    items = {id(t): i for i, t in plan.substantive if t is not None}
                    for topic in plan.topics:
                        used_keys.add(topic.key)
                        wp = add(
                            fill(topic.title, ctx),
                            planned_date=m.date,
                            date_text=when,
                            planned_meeting=m,
                            background=fill(rng.choice(banks.WORK_PROGRAMME_BACKGROUND), ctx),
                            outcome=fill(topic.outcome, ctx) if outcome is None else outcome,
                            status=status,
                            agenda_item=items.get(id(topic)),
                        )
                        self.lead(
                            wp,
                            self.portfolio_holders[start][topic.portfolio],
                            WorkProgrammeLead.Role.CABINET_MEMBER,
                            0,
                        )
                        self.lead(
                            wp, self.officers[topic.officer], WorkProgrammeLead.Role.OFFICER, 0
                        )
                    if plan.review and "item" in plan.review:
                        review = plan.review
                        wp = add(
                            review["item"].title,
                            planned_date=m.date,
                            date_text=when,
                            planned_meeting=m,
                            background=f"Final report of the {review['group']}.",
                            outcome="The report and recommendations were endorsed for submission to the Cabinet Member."
                            if m.date < self.today
                            else "",
                            status=status,
                            agenda_item=review["item"],
                        )
                        self.lead(
                            wp, review["cabinet_member"], WorkProgrammeLead.Role.CABINET_MEMBER, 0
                        )
                        method = review["method"]
                        inquiry = add(
                            review["title"],
                            method=method,
                            date_text=f"{review['group']}, {label}",
                            background="Agreed at the triangulation meeting at the start of the year.",
                            outcome=f"Reported to the {cal.long_date(m.date)} meeting.",
                            status=WorkProgrammeItem.Status.CONSIDERED
                            if m.date < self.today
                            else WorkProgrammeItem.Status.PLANNED,
                        )
                        self.lead(
                            inquiry, self.officers["scrutiny"], WorkProgrammeLead.Role.OFFICER, 0
                        )
                # Items not yet timetabled, a briefing note and a standing item.
                area_topics = [t for t in TOPICS if body.area in t.areas and t.key not in used_keys]
                last_year = start == self.year_starts[-1]
                for topic in rng.sample(area_topics, min(len(area_topics), rng.randint(1, 3))):
                    ctx = self.ctx(self.year_bounds(start)[0])
                    status = (
                        WorkProgrammeItem.Status.PLANNED
                        if last_year
                        else rng.choice(
                            [WorkProgrammeItem.Status.DEFERRED, WorkProgrammeItem.Status.WITHDRAWN]
                        )
                    )
                    wp = add(
                        fill(topic.title, ctx),
                        date_text=fill(rng.choice(banks.TBC_DATES), ctx),
                        background=fill(rng.choice(banks.WORK_PROGRAMME_BACKGROUND), ctx),
                        outcome=""
                        if last_year
                        else (
                            "Transferred to the next year's work programme."
                            if status == "deferred"
                            else "Withdrawn: now within the remit of another committee."
                        ),
                        status=status,
                    )
                    self.lead(
                        wp,
                        self.portfolio_holders[start][topic.portfolio],
                        WorkProgrammeLead.Role.CABINET_MEMBER,
                        0,
                    )
                    self.lead(wp, self.officers[topic.officer], WorkProgrammeLead.Role.OFFICER, 0)
                starts_on, _ = self.year_bounds(start)
                briefing_day = dt.date(starts_on.year, 8, 20 + rng.randint(0, 8))
                done = briefing_day < self.today
                wp = add(
                    "Direct Payments" if body.area != "audit" else "Cyber Security Assurance",
                    method=WorkProgrammeItem.Method.BRIEFING,
                    planned_date=briefing_day,
                    date_text=cal.long_date(briefing_day),
                    background="The Chair and Vice-Chair agreed that this should be dealt with via a briefing note in the first instance.",
                    outcome=f"The briefing note was emailed to Members on {cal.long_date(briefing_day)}."
                    if done
                    else "",
                    status=WorkProgrammeItem.Status.CONSIDERED
                    if done
                    else WorkProgrammeItem.Status.PLANNED,
                )
                self.lead(wp, self.officers["scrutiny"], WorkProgrammeLead.Role.OFFICER, 0)
                standing = (
                    "MTFS Reforms and Assessing the \u201cNo Impact\u201d Claims"
                    if body.area == "corporate"
                    else "Themes Emerging from Safeguarding Practice Reviews"
                    if body.area in ("safeguarding", "children")
                    else "Forward Plan of Key Decisions"
                )
                wp = add(
                    standing,
                    method=WorkProgrammeItem.Method.STANDING,
                    date_text="Standing item",
                    background="Where reviews have taken place the Committee will consider any learning that can be taken from them.",
                    status=WorkProgrammeItem.Status.PLANNED,
                )
                self.lead(
                    wp,
                    self.officers[
                        "safeguarding" if body.area in ("safeguarding", "children") else "scrutiny"
                    ],
                    WorkProgrammeLead.Role.OFFICER,
                    0,
                )
                if body.area != "audit" and rng.random() < 0.5:
                    wp = add(
                        "All Age Disability Strategy",
                        method=WorkProgrammeItem.Method.RELATED,
                        date_text="Special joint meeting",
                        background="To be considered at a special joint meeting of the scrutiny committees.",
                        status=WorkProgrammeItem.Status.PLANNED
                        if last_year
                        else WorkProgrammeItem.Status.CONSIDERED,
                    )
                    self.lead(
                        wp,
                        self.portfolio_holders[start]["health"],
                        WorkProgrammeLead.Role.CABINET_MEMBER,
                        0,
                    )

    def build_recommendations(self) -> None:
        rng = self.rng
        today = self.today
        for plan in self.plans:
            review = plan.review
            if not review or "minute" not in review:
                continue
            made_on = plan.meeting.date
            held = (Status.MINUTES_DRAFTED, Status.MINUTES_CONFIRMED, Status.HELD)
            later = [
                p
                for p in self.plans
                if (p.body is plan.body or p.body.predecessor_body is plan.body)
                and p.meeting.date > made_on
                and p.meeting.status in held
            ]
            # Responses take six to ten weeks; the most recent review may still be waiting (overdue).
            responded_on = made_on + dt.timedelta(days=rng.randint(42, 75))
            for n, text in enumerate(review["recommendations"], start=1):
                rec = self.rows.add(
                    Recommendation(
                        committee=plan.body.committee,
                        minute_item=review["minute"],
                        report=review["report"],
                        number=str(n),
                        text=text,
                        made_on=made_on,
                        addressed_to=review["cabinet_member"],
                        addressed_to_role=review["role"],
                        response_due=made_on + dt.timedelta(days=56),
                    )
                )
                if responded_on >= today:
                    continue
                roll = rng.random()
                if roll < 0.6:
                    decision, reasons = (
                        ExecutiveResponse.Decision.ACCEPTED,
                        rng.choice(banks.REVIEW_RESPONSES_ACCEPTED),
                    )
                elif roll < 0.85:
                    decision, reasons = (
                        ExecutiveResponse.Decision.PARTLY,
                        rng.choice(banks.REVIEW_RESPONSES_PARTLY),
                    )
                else:
                    decision, reasons = (
                        ExecutiveResponse.Decision.REJECTED,
                        rng.choice(banks.REVIEW_RESPONSES_REJECTED),
                    )
                deadline = (
                    None
                    if decision == "rejected"
                    else responded_on + dt.timedelta(days=rng.choice([90, 120, 180, 270]))
                )
                self.rows.add(
                    ExecutiveResponse(
                        recommendation=rec,
                        decision=decision,
                        reasons=reasons,
                        responded_on=responded_on,
                        responder=review["cabinet_member"],
                        action_deadline=deadline,
                    )
                )
                if deadline is None:
                    continue
                hearings = [
                    p for p in later if p.meeting.date > responded_on + dt.timedelta(days=60)
                ][:2]
                for k, hearing in enumerate(hearings):
                    last = k == len(hearings) - 1
                    complete = (
                        last
                        and hearing.meeting.date >= deadline - dt.timedelta(days=30)
                        and rng.random() < 0.7
                    )
                    text = (
                        banks.PROGRESS_TEXTS[-1]
                        if complete
                        else rng.choice(banks.PROGRESS_TEXTS[:-1])
                    )
                    self.rows.add(
                        ProgressUpdate(
                            recommendation=rec,
                            reported_on=hearing.meeting.date,
                            text=fill(text, {"n": rng.randint(20, 400)}),
                            reported_to=hearing.meeting,
                            complete=complete,
                        )
                    )

    def build_sources(self) -> None:
        """The first year's agenda packs were imported from PDFs before the council went live."""
        first = self.year_starts[0]
        for plan in self.plans:
            m = plan.meeting
            if m.municipal_year != first or m.agenda_published_on is None:
                continue
            name = f"{plan.body.committee.slug}-{m.date:%Y-%m-%d}-agenda-pack.pdf"
            digest = hashlib.sha256(f"{banks.COUNCIL_SLUG}/{name}/{self.seed}".encode()).hexdigest()
            doc = self.rows.add(
                SourceDocument(
                    sha256=digest,
                    original_name=name,
                    kind=SourceDocument.Kind.AGENDA_PACK,
                    size=40_000 + 3_000 * len(plan.items),
                    parsed={},
                    warnings=[],
                )
            )
            doc.imported_on = m.agenda_published_on
            self.rows.link(SourceDocument, "meetings", doc, m)
            for report in plan.reports:
                if report.part == Part.ONE:
                    report.source_document = doc

    def demo_member(self) -> Person | None:
        """An ordinary member of the first scrutiny committee in the last year."""
        last = self.year_starts[-1]
        for body in self.bodies:
            if body.is_scrutiny and last in body.seats:
                return next((s.person for s in body.seats[last] if s.role == Role.MEMBER), None)
        return None

    def build_published(self) -> None:
        """Each published agenda's front sheet, as text laid out like the council's papers.

        Files are named by content hash, so the same seed writes the same names (and an
        existing file is reused rather than renamed by the storage).
        """
        for plan in self.plans:
            m = plan.meeting
            if m.agenda_published_on is None:  # scheduled: standard items only, nothing issued
                continue
            seats = self.seats_on(plan.body, m.date)
            text = front_sheet(m, plan.items, seats, plan.body.chair_word).encode()
            digest = hashlib.sha256(text).hexdigest()
            slug = plan.body.committee.slug[:40].rstrip(
                "-"
            )  # FileField names stop at 100 characters
            name = f"published/demo/{slug}-{m.date:%Y-%m-%d}-{digest[:12]}.txt"
            storage = PublishedDocument._meta.get_field("file").storage
            if not storage.exists(name):
                name = storage.save(name, ContentFile(text))
            doc = self.rows.add(
                PublishedDocument(
                    meeting=m,
                    kind=PublishedDocument.Kind.FRONT_SHEET,
                    audience=PublishedDocument.Audience.PUBLIC,
                    version=1,
                    file=name,
                    page_count=1,
                    sha256=digest,
                )
            )
            doc.published_on = m.agenda_published_on

    def demo_clerk(self) -> Person:
        return self.officers["scrutiny"]

    # --- everything -------------------------------------------------------------------
    def plan(self, council: Council) -> None:
        for start, starts_on, ends_on in self.years:
            self.rows.add(
                MunicipalYear(
                    council=council, start_year=start, starts_on=starts_on, ends_on=ends_on
                )
            )
        self.plan_people(council)
        self.plan_cabinet()
        self.plan_committees(council)
        self.plan_seats()
        for body in self.bodies:
            for start, seats in body.seats.items():
                for order, s in enumerate(seats):
                    self.rows.add(
                        Membership(
                            committee=body.committee,
                            person=s.person,
                            municipal_year=start,
                            role=s.role,
                            role_title=s.title,
                            starts_on=s.starts_on,
                            ends_on=s.ends_on,
                            order=order,
                        )
                    )
        self.plan_meetings()
        for body in self.bodies:
            for meeting in body.meetings:
                self.rows.add(meeting)
        self.assign_status()
        self.plan_topics()
        self.plan_reviews()
        self.build_agendas()
        self.build_minutes()
        self.build_work_programmes()
        self.build_recommendations()
        self.build_sources()
        self.build_published()


# Write order: a model's foreign keys point only at models written before it.
WRITE_ORDER = (
    MunicipalYear,
    Person,
    NameVariant,
    Membership,
    Meeting,
    PublishedDocument,
    SourceDocument,
    AgendaItem,
    Report,
    ReportRecommendation,
    ContactOfficer,
    Appendix,
    Attendance,
    Declaration,
    Minutes,
    MinuteItem,
    Resolution,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
    Recommendation,
    ExecutiveResponse,
    ProgressUpdate,
)


@dataclass
class DemoResult:
    council: Council
    counts: dict[str, int]
    years: list[str]
    today: dt.date
    member: Person | None = None  # the councillor the demo "member" account stands for
    clerk: Person | None = None  # the officer the demo "clerk" account stands for

    def summary(self) -> str:
        c = self.counts
        return (
            f"{self.council.name}: {c['Person']} people, {c['Committee']} committees, "
            f"{c['Meeting']} meetings ({self.years[0]} to {self.years[-1]}), {c['AgendaItem']} agenda items, "
            f"{c['Report']} reports, {c['MinuteItem']} minute items, {c['WorkProgrammeItem']} work programme items, "
            f"{c['Recommendation']} scrutiny recommendations; reference date {self.today:%-d %B %Y}."
        )


def build_demo_council(
    seed: int = 2019,
    years: int = 3,
    scale: float = 1.0,
    today: dt.date | None = None,
    *,
    progress: bool = False,
) -> DemoResult:
    """Create the demo council. Deterministic for the same (seed, years, scale, today)."""
    today = today or DEFAULT_REFERENCE_DATE
    builder = DemoBuilder(seed, years, scale, today)
    bar = None
    with transaction.atomic():
        ensure_paragraphs()  # Part Two items point at them
        council = Council.objects.create(
            name=banks.COUNCIL_NAME,
            slug=banks.COUNCIL_SLUG,
            kind=Council.Kind.COUNTY,
            website=banks.WEBSITE,
        )
        builder.plan(council)
        if progress:
            from tqdm import tqdm

            bar = tqdm(
                total=builder.rows.count(),
                desc="Writing the demo council",
                unit="rows",
                file=sys.stderr,
            )
        for body in builder.bodies:  # committees one by one: a successor names its predecessor
            body.committee.save()
        counts = {"Committee": len(builder.bodies), "Council": 1}
        for model in WRITE_ORDER:
            objs = builder.rows.by_model.get(model, [])
            if model is AgendaItem:  # sub-items point at their parent: write parents first
                top = [i for i in objs if i.parent is None]
                model.objects.bulk_create(top, batch_size=500)
                model.objects.bulk_create([i for i in objs if i.parent is not None], batch_size=500)
            else:
                model.objects.bulk_create(objs, batch_size=500)
            counts[model.__name__] = len(objs)
            if bar is not None:
                bar.update(len(objs))
        # Committees are written before people (successors name predecessors), so the
        # officer each front sheet names for enquiries is set once both exist.
        Committee.objects.filter(council=council).update(
            contact_officer=builder.officers["scrutiny"]
        )
        for (model, field_name), pairs in builder.rows.m2m.items():
            through = getattr(model, field_name).through
            source = next(
                f for f in through._meta.fields if f.related_model is model and f.name != "id"
            )
            target = next(
                f for f in through._meta.fields if f.related_model is not model and f.name != "id"
            )
            through.objects.bulk_create(
                [
                    through(**{source.attname: obj.pk, target.attname: getattr(t, "pk", t)})
                    for obj, t in pairs
                ],
                batch_size=500,
            )
            if bar is not None:
                bar.update(len(pairs))
        # auto_now_add stamped the import time; give each source document its deterministic date.
        for doc in builder.rows.by_model.get(SourceDocument, []):
            stamp = dt.datetime.combine(doc.imported_on, dt.time(9, 0), tzinfo=dt.UTC)
            SourceDocument.objects.filter(pk=doc.pk).update(imported_at=stamp)
        for doc in builder.rows.by_model.get(PublishedDocument, []):
            stamp = dt.datetime.combine(doc.published_on, dt.time(12, 0), tzinfo=dt.UTC)
            PublishedDocument.objects.filter(pk=doc.pk).update(published_at=stamp)
    # Bulk inserts send no signals, so the search index is built once from everything.
    rebuild_index()
    if bar is not None:
        bar.close()
    return DemoResult(
        council,
        counts,
        [municipal_year_label(y) for y in builder.year_starts],
        today,
        builder.demo_member(),
        builder.demo_clerk(),
    )
