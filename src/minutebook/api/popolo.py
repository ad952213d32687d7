"""Councils, committees, people and memberships as Popolo objects (as pupa's schemas read them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from minutebook.api.identifiers import committee_id, council_id, person_id
from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council, municipal_year_label
from minutebook.people.models import Person

CLASSIFICATION = {
    Committee.Kind.FULL_COUNCIL: "legislature",
    Committee.Kind.CABINET: "executive",
}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _sources(url: str) -> list[dict[str, str]]:
    return [{"url": url, "note": "Minutebook"}]


def council_json(council: Council, url: str) -> dict[str, Any]:
    return {
        "id": council_id(council),
        "name": council.name,
        "classification": "legislature",
        "parent_id": None,
        "links": [{"url": council.website, "note": "website"}] if council.website else [],
        "sources": _sources(url),
        "extras": {"slug": council.slug, "kind": council.kind},
    }


def committee_json(committee: Committee, url: str) -> dict[str, Any]:
    predecessor = committee.predecessor
    return {
        "id": committee_id(committee),
        "name": committee.name,
        "classification": CLASSIFICATION.get(committee.kind, "committee"),
        "parent_id": council_id(committee.council),
        "founding_date": _date(committee.established_on),
        "dissolution_date": _date(committee.dissolved_on),
        "other_names": (
            [
                {
                    "name": predecessor.name,
                    "end_date": _date(predecessor.dissolved_on),
                    "note": "former name",
                }
            ]
            if predecessor
            else []
        ),
        "sources": _sources(url),
        "extras": {
            "slug": committee.slug,
            "kind": committee.kind,
            "remit": committee.remit,
            "predecessor_id": committee_id(predecessor) if predecessor else None,
            "successor_ids": [committee_id(s) for s in committee.successors.all()],
            "minute_numbering": committee.minute_numbering,
        },
    }


def person_json(person: Person, url: str) -> dict[str, Any]:
    given, _, family = person.name.rpartition(" ")
    contacts = []
    if person.email:
        contacts.append({"type": "email", "value": person.email, "note": "work"})
    if person.phone:
        contacts.append({"type": "voice", "value": person.phone, "note": "work"})
    return {
        "id": person_id(person),
        "name": person.name,
        "sort_name": person.sort_name,
        "given_name": given,
        "family_name": family,
        "honorific_prefix": person.honorific_prefix,
        "honorific_suffix": person.post_nominals,
        "other_names": [
            {"name": v.text, "note": "as printed"}
            for v in person.name_variants.all()
            if v.text != person.name
        ],
        "contact_details": contacts,
        "sources": _sources(url),
        "extras": {
            "slug": person.slug,
            "kind": person.kind,
            "party": person.party,
            "ward": person.ward,
            "job_title": person.job_title,
        },
    }


def membership_json(membership: Membership) -> dict[str, Any]:
    committee = membership.committee
    starts = membership.starts_on
    ends = membership.ends_on
    return {
        "id": f"membership/{membership.pk}",
        "person_id": person_id(membership.person),
        "person_name": membership.person.name,
        "organization_id": committee_id(committee),
        "role": membership.get_role_display(),
        "label": membership.role_title or membership.get_role_display(),
        "start_date": _date(starts),
        "end_date": _date(ends),
        "extras": {
            "municipal_year": municipal_year_label(membership.municipal_year),
            "role": membership.role,
        },
    }
