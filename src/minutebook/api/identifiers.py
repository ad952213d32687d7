"""Stable Open Civic Data identifiers.

OCD ids are ``ocd-<type>/<uuid>``. Minutebook derives the UUID from each record's natural
key (council, committee and date; council and person), not from database keys, so the
same meeting keeps its id when a council rebuilds its database from the same documents.
"""

from __future__ import annotations

import uuid

from minutebook.committees.models import Committee
from minutebook.councils.models import Council
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person

NAMESPACE = uuid.UUID("6f1c2a9e-4b7d-5e8f-9a0b-1c2d3e4f5a6b")


def _ocd(kind: str, key: str) -> str:
    return f"ocd-{kind}/{uuid.uuid5(NAMESPACE, key)}"


def council_id(council: Council) -> str:
    return _ocd("organization", f"council/{council.slug}")


def committee_id(committee: Committee) -> str:
    return _ocd("organization", f"committee/{committee.council.slug}/{committee.slug}")


def person_id(person: Person) -> str:
    council = person.council.slug if person.council_id else ""
    return _ocd("person", f"person/{council}/{person.slug}")


def event_id(meeting: Meeting) -> str:
    committee = meeting.committee
    time = meeting.start_time.isoformat() if meeting.start_time else ""
    return _ocd(
        "event",
        f"event/{committee.council.slug}/{committee.slug}/{meeting.date.isoformat()}/{time}",
    )
