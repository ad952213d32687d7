"""Who may read exempt (Part Two) material: the one place these rules live.

Schedule 12A to the Local Government Act 1972 lets a committee exclude the public from items
that would disclose exempt information. The public is still told *what* is discussed in
private, so a Part Two item's title (and the Schedule 12A paragraphs relied on) is public;
its report text, minute narrative, resolutions, recommendations and appendices are not.

Who is entitled:

* **clerks**: active staff or users in the ``Clerks`` group see everything of the councils
  they serve (:func:`managed_council_ids`); superusers see every council's;
* **members**: users in the ``Members`` group see the exempt papers of a committee they sit
  on now (a seat in the current municipal year, on today's date), and of meetings held in a
  municipal year in which they held a seat on that committee (they had those papers then);
* **everyone else**, signed in or not: never.

A member is the :class:`~minutebook.people.models.Person` whose ``user`` is their account.
Until every account is linked, an unlinked account falls back to matching
``user.get_full_name()`` against the name variants (:func:`~minutebook.people.models.name_key`)
of people with no account; a key matching more than one person is ambiguous and grants
nothing: failing closed is the only safe answer.

Every surface (pages, and later feeds, search and the API) must go through the queryset
helpers below. They never drop a Part Two row, because its title is public; they annotate
``content_visible`` on each row instead. Templates print exempt content only inside
``{% if row.content_visible %}``, so a row that missed the helper has no such attribute and
shows nothing: the failure mode is a missing paragraph, not a leak. ``exempt`` says whether
the row is Part Two, so an entitled reader can be warned it is not for publication. Rows
that are nothing *but* content (resolutions, report recommendations, contact officers,
appendices of an exempt report) are filtered out altogether.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import BooleanField, Case, Model, Q, QuerySet, Value, When
from django.utils import timezone

from minutebook.meetings.models import Part

if TYPE_CHECKING:
    from minutebook.committees.models import Committee

CLERKS_GROUP = "Clerks"
MEMBERS_GROUP = "Members"

M = TypeVar("M", bound=Model)

# Cached on the user object, which Django builds afresh for every request.
_CACHE_ATTRIBUTE = "_minutebook_exempt_grants"
_COUNCILS_ATTRIBUTE = "_minutebook_managed_councils"


@dataclass(frozen=True)
class ExemptGrants:
    """What one user may read of Part Two material, worked out once per request."""

    everything: bool = False
    # Councils whose committee system the user runs as a clerk: all their exempt papers.
    councils: frozenset[int] = field(default_factory=frozenset)
    # Committees on which the user sits today.
    current_committees: frozenset[int] = field(default_factory=frozenset)
    # (committee id, municipal year) for every seat the user has held.
    seats: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    @property
    def nothing(self) -> bool:
        return not (self.everything or self.councils or self.current_committees or self.seats)


NO_GRANTS = ExemptGrants()
ALL_GRANTS = ExemptGrants(everything=True)


def _in_group(user: Any, name: str) -> bool:
    return user.groups.filter(name=name).exists()


def is_clerk(user: Any) -> bool:
    """Staff, superusers and the Clerks group hold the clerk's role (of which councils:
    :func:`managed_council_ids`)."""
    if not _is_signed_in(user):
        return False
    return bool(user.is_superuser or user.is_staff or _in_group(user, CLERKS_GROUP))


def managed_council_ids(user: Any) -> frozenset[int] | None:
    """The councils whose committee system this clerk runs; ``None`` means every council.

    Superusers run every council. Any other clerk runs the council of the
    :class:`~minutebook.people.models.Person` their account is linked to (a democratic
    services officer is a person of their council, as contact officers are). An unlinked
    clerk account on an installation holding a single council runs that council, the usual
    case of a council hosting its own Minutebook; once a second council shares the
    installation an unlinked account runs none, because which council it serves is no
    longer knowable, and the workspace says how to link it.
    """
    if not is_clerk(user):
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, _COUNCILS_ATTRIBUTE, None)
    if cached is not None:
        return cached
    from minutebook.councils.models import Council
    from minutebook.people.models import Person

    linked = Person.objects.filter(user=user, council__isnull=False).values_list(
        "council_id", flat=True
    )
    councils = frozenset(linked)
    if not councils and not Person.objects.filter(user=user).exists():
        only = list(Council.objects.values_list("pk", flat=True)[:2])
        councils = frozenset(only) if len(only) == 1 else frozenset()
    setattr(user, _COUNCILS_ATTRIBUTE, councils)
    return councils


def manages(user: Any, council_id: int | None) -> bool:
    """Does this clerk run the council with id ``council_id``?"""
    councils = managed_council_ids(user)
    if councils is None:
        return True
    return council_id is not None and council_id in councils


def managed_q(user: Any, council: str) -> Q:
    """A condition true for rows of councils this clerk runs; ``council`` is the lookup
    path from the queried model to its council, e.g. ``"committee__council"``."""
    councils = managed_council_ids(user)
    if councils is None:
        return Q()
    return Q(**{f"{council}__in": sorted(councils)})


def _is_signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def person_ids_for(user: Any) -> list[int]:
    """The Person a signed-in user is: by the account link, else by name; never a guess.

    ``Person.user`` is authoritative. Accounts not linked yet fall back to matching the full
    name's key against every name variant of people who have no account of their own; if
    two people share the key we cannot tell who this is, and the answer is nobody.
    """
    from minutebook.people.models import NameVariant, Person, name_key

    if not _is_signed_in(user):
        return []
    linked = list(Person.objects.filter(user=user).values_list("pk", flat=True))
    if linked:
        return linked
    key = name_key(user.get_full_name() or "")
    if not key:
        return []
    matches = NameVariant.objects.filter(key=key, person__user__isnull=True)
    ids = sorted(set(matches.values_list("person_id", flat=True)))
    return ids if len(ids) == 1 else []


def grants_for(user: Any, today: dt.date | None = None) -> ExemptGrants:
    """Work out (and remember for this request) what Part Two material ``user`` may read."""
    if not _is_signed_in(user):
        return NO_GRANTS
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None and today is None:
        return cached
    grants = _compute_grants(user, today or timezone.localdate())
    if today is None:
        setattr(user, _CACHE_ATTRIBUTE, grants)
    return grants


def _compute_grants(user: Any, today: dt.date) -> ExemptGrants:
    from minutebook.committees.models import Membership

    if is_clerk(user):
        councils = managed_council_ids(user)
        return ALL_GRANTS if councils is None else ExemptGrants(councils=councils)
    if not _in_group(user, MEMBERS_GROUP):
        return NO_GRANTS
    person_ids = person_ids_for(user)
    if not person_ids:
        return NO_GRANTS
    seats = Membership.objects.filter(person_id__in=person_ids).select_related("committee__council")
    current: set[int] = set()
    held: set[tuple[int, int]] = set()
    for seat in seats:
        held.add((seat.committee_id, seat.municipal_year))
        if (
            seat.municipal_year == seat.committee.council.municipal_year_of(today)
            and (seat.starts_on is None or seat.starts_on <= today)
            and (seat.ends_on is None or seat.ends_on >= today)
        ):
            current.add(seat.committee_id)
    return ExemptGrants(current_committees=frozenset(current), seats=frozenset(held))


def can_see_exempt(user: Any, committee: Committee, municipal_year: int | None = None) -> bool:
    """May ``user`` read the Part Two papers of ``committee`` (for a meeting in that year)?

    Without ``municipal_year`` the answer is about sitting on the committee now.
    """
    grants = grants_for(user)
    if grants.everything or committee.council_id in grants.councils:
        return True
    if committee.pk in grants.current_committees:
        return True
    return municipal_year is not None and (committee.pk, municipal_year) in grants.seats


def entitled_q(grants: ExemptGrants, committee: str, year: str) -> Q:
    """A condition true for rows whose committee/year the grants cover.

    ``committee`` and ``year`` are lookup paths from the queried model to the committee id
    and the municipal year of the meeting, e.g. ``"meeting__committee_id"``.
    """
    if grants.everything:
        return Q()
    condition = Q(pk__in=[])
    if grants.councils:
        if not committee.endswith("committee_id"):
            raise ValueError(f"{committee!r} is not a path to a committee id")
        council = committee.removesuffix("_id") + "__council_id"
        condition |= Q(**{f"{council}__in": sorted(grants.councils)})
    if grants.current_committees:
        condition |= Q(**{f"{committee}__in": sorted(grants.current_committees)})
    for committee_id, municipal_year in sorted(grants.seats):
        condition |= Q(**{committee: committee_id, year: municipal_year})
    return condition


def readable_q(grants: ExemptGrants, public: Q, committee: str, year: str) -> Q:
    """A condition true for rows whose content this user may read: public, or entitled.

    ``public`` says when a row is Part One (see the ``public_*`` functions below).
    """
    if grants.everything:
        return Q()
    if grants.nothing:
        return public
    return public | entitled_q(grants, committee, year)


# A row is public only if it and everything it hangs from are Part One. An importer that
# marks a minute Part One under a Part Two agenda item must not leak the minute: when the
# two disagree, the stricter wins.


def public_agenda_item(prefix: str = "") -> Q:
    """Part One, and not a sub-item of a Part Two item."""
    return Q(**{f"{prefix}part": Part.ONE}) & (
        Q(**{f"{prefix}parent__isnull": True}) | Q(**{f"{prefix}parent__part": Part.ONE})
    )


def public_minute_item(prefix: str = "") -> Q:
    """Part One, and not the minute of a Part Two agenda item."""
    return Q(**{f"{prefix}part": Part.ONE}) & (
        Q(**{f"{prefix}agenda_item__isnull": True}) | public_agenda_item(f"{prefix}agenda_item__")
    )


def public_report(prefix: str = "") -> Q:
    """Part One, and not the report of a Part Two agenda item."""
    return public_minute_item(prefix)  # the same two fields, the same rule


def _annotate(qs: QuerySet[M], user: Any, public: Q, committee: str, year: str) -> QuerySet[M]:
    """Mark ``content_visible`` (may this user read it) and ``exempt`` (is it Part Two,
    itself or through what it hangs from), so entitled readers can be warned."""
    grants = grants_for(user)
    exempt = Case(When(public, then=Value(False)), default=Value(True), output_field=BooleanField())
    if grants.everything:
        flag: Any = Value(True)
    else:
        flag = Case(
            When(readable_q(grants, public, committee, year), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    return qs.annotate(content_visible=flag, exempt=exempt)


def visible_agenda_items(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Agenda items, each marked ``content_visible``.

    For a Part Two item the public gets its number, title and exempt paragraphs; the
    page range and "Report of" line stay with the exempt papers.
    """
    return _annotate(
        qs, user, public_agenda_item(), "meeting__committee_id", "meeting__municipal_year"
    )


def visible_minute_items(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Minute items, each marked ``content_visible`` (narrative and resolutions)."""
    return _annotate(qs, user, public_minute_item(), "committee_id", "municipal_year")


def visible_reports(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Reports, each marked ``content_visible``.

    A report attached to no meeting has no committee or council to be entitled through:
    only superusers read it if it is exempt.
    """
    return _annotate(qs, user, public_report(), "meeting__committee_id", "meeting__municipal_year")


def visible_resolutions(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Only the resolutions of minute items whose content this user may read."""
    return qs.filter(
        readable_q(
            grants_for(user),
            public_minute_item("minute_item__"),
            "minute_item__committee_id",
            "minute_item__municipal_year",
        )
    )


def _report_rows(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    return qs.filter(
        readable_q(
            grants_for(user),
            public_report("report__"),
            "report__meeting__committee_id",
            "report__meeting__municipal_year",
        )
    )


def visible_report_recommendations(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Only the recommendations of reports this user may read."""
    return _report_rows(user, qs)


def visible_contact_officers(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Only the contact officers of reports this user may read.

    An officer's name against an exempt report can itself identify the matter.
    """
    return _report_rows(user, qs)


def visible_appendices(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Appendices of readable reports, each marked ``content_visible`` for its own file.

    A Part One report may carry a Part Two appendix: the appendix is listed by title (as
    the printed report lists it) but its file is exempt.
    """
    return _annotate(
        _report_rows(user, qs),
        user,
        Q(part=Part.ONE) & public_report("report__"),
        "report__meeting__committee_id",
        "report__meeting__municipal_year",
    )


def visible_declarations(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Declarations, each marked ``content_visible`` for its description.

    Who declared an interest in which item is public; what the interest was, when the item
    is exempt, may disclose the exempt matter, so it stays with the exempt papers.
    """
    public = Q(agenda_item__isnull=True) | public_agenda_item("agenda_item__")
    return _annotate(qs, user, public, "meeting__committee_id", "meeting__municipal_year")


def visible_scrutiny_recommendations(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Scrutiny recommendations (to the executive) whose source this user may read.

    Public: made under a Part One minute (of a Part One agenda item) and, if it came from a
    report, a Part One report. Otherwise only those this module entitles to the
    committee's exempt papers for the year of that minute or report see it.
    """
    public = (Q(minute_item__isnull=True) | public_minute_item("minute_item__")) & (
        Q(report__isnull=True) | public_report("report__")
    )
    grants = grants_for(user)
    if grants.everything:
        return qs
    if grants.nothing:
        return qs.filter(public)
    entitled = entitled_q(grants, "committee_id", "minute_item__municipal_year")
    entitled |= entitled_q(grants, "committee_id", "report__meeting__municipal_year")
    return qs.filter(public | entitled)
