"""Links between meetings that only appear once both are loaded, in whichever order.

"Minutes of the meeting held on 22 January 2019" on the 4 March agenda points at the
22 January meeting; a 4 March minute resolving that those minutes "be confirmed" confirms
them. Either document may arrive first, so after each load both directions are checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from minutebook.committees.models import Committee
from minutebook.importing.records import update
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.parsing import dates


def _date_in(title: str) -> dt.date | None:
    found = dates.find_date(title)
    return dt.date.fromisoformat(found.iso) if found else None


def link_meetings(meetings: Iterable[Meeting]) -> None:
    """Agenda "minutes of" items and confirmations within the committees of ``meetings``."""
    for committee in {m.committee_id: m.committee for m in meetings}.values():
        for item in AgendaItem.objects.filter(
            meeting__committee=committee,
            standard=AgendaItem.Standard.MINUTES,
            minutes_of__isnull=True,
        ).select_related("meeting__committee"):
            _link_agenda_item(item)
        for minute in _confirming_items(committee):
            _confirm(minute)


def _link_agenda_item(item: AgendaItem) -> None:
    day = _date_in(item.title)
    if day is None or day >= item.meeting.date:
        return
    earlier = Meeting.objects.filter(committee=item.meeting.committee, date=day).first()
    if earlier is not None:
        update(item, minutes_of=earlier)


def _confirming_items(committee: Committee) -> list[MinuteItem]:
    """Minute items of the committee that resolve to confirm some earlier minutes."""
    return list(
        MinuteItem.objects.filter(
            committee=committee,
            title__icontains="minutes",
            resolutions__text__icontains="confirmed",
        )
        .select_related("minutes__meeting")
        .distinct()
    )


def _confirm(minute: MinuteItem) -> None:
    """Mark the minutes that ``minute`` confirms as confirmed at ``minute``'s meeting."""
    at = minute.minutes.meeting
    day = _date_in(minute.title)
    if day is None or day >= at.date:
        return
    minutes = Minutes.objects.filter(meeting__committee=at.committee, meeting__date=day).first()
    if minutes is None:
        return
    update(minutes, status=Minutes.Status.CONFIRMED, confirmed_at=at)
    if minutes.meeting.status != Meeting.Status.CANCELLED:
        update(minutes.meeting, status=Meeting.Status.MINUTES_CONFIRMED)
