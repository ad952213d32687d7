"""Find and remove the demo council, in an order its PROTECT foreign keys allow."""

from __future__ import annotations

from django.db import transaction

from minutebook.committees.models import Committee
from minutebook.councils.models import Council
from minutebook.demo import banks
from minutebook.documents.models import PublishedDocument, SourceDocument
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import Minutes
from minutebook.people.models import Person
from minutebook.scrutiny.models import Recommendation, WorkProgramme


def demo_council() -> Council | None:
    return (
        Council.objects.filter(slug=banks.COUNCIL_SLUG).first()
        or Council.objects.filter(name=banks.COUNCIL_NAME).first()
    )


def delete_demo_council() -> bool:
    """Delete the demo council and everything hanging off it. False if there was none."""
    council = demo_council()
    if council is None:
        return False
    with transaction.atomic():
        # Published files stay on disk: they are named by content hash and reused by the next load.
        PublishedDocument.objects.filter(meeting__committee__council=council).delete()
        SourceDocument.objects.filter(meetings__committee__council=council).distinct().delete()
        Recommendation.objects.filter(committee__council=council).delete()
        WorkProgramme.objects.filter(committee__council=council).delete()
        # Minutes first: deleting the meeting that confirmed them would set confirmed_at to NULL,
        # which the confirmed_minutes_name_the_meeting constraint refuses.
        Minutes.objects.filter(meeting__committee__council=council).delete()
        Meeting.objects.filter(committee__council=council).delete()
        Committee.objects.filter(council=council).update(predecessor=None)
        Committee.objects.filter(council=council).delete()
        Person.objects.filter(council=council).delete()
        council.delete()
    return True
