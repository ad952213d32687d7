"""Meetings of one committee, and a signed-in clerk, for the minutes tests."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.meetings import services as meetings
from minutebook.meetings.models import Meeting


@pytest.fixture
def january(committee) -> Meeting:
    return meetings.create_meeting(committee, dt.date(2019, 1, 22), dt.time(10))


@pytest.fixture
def march(committee, january) -> Meeting:
    """The next meeting: its "Minutes of the previous meeting" item names January's."""
    meeting = meetings.create_meeting(committee, dt.date(2019, 3, 4), dt.time(10))
    meetings.add_item(meeting, "Domestic Homicide Reviews")
    meetings.add_item(meeting, "Prevent")
    return meeting
