"""Fixtures shared by the whole suite: a small council built from real rows."""

from __future__ import annotations

import datetime as dt
import itertools
import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from hypothesis import settings as hypothesis_settings

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council, MunicipalYear
from minutebook.meetings.models import AgendaItem, Attendance, Declaration, Meeting
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import Person
from minutebook.reports.models import Report, ReportRecommendation

# CI runs the same hypothesis examples every time, so a red run means a change broke something;
# a developer's run (no CI variable) keeps exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# Set by the test run itself (pytest-django, the browser fixture); a user's shell has neither.
TEST_ONLY_ENVIRONMENT = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


@pytest.fixture
def user_environment():
    """Build the environment a user's shell would give ``minutebook``, for subprocess tests."""

    def build(**overrides: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENVIRONMENT}
        env.update(overrides)
        return env

    return build


@pytest.fixture
def council(db) -> Council:
    council = Council.objects.create(name="Test County Council", kind=Council.Kind.COUNTY)
    # Annual meetings on real-looking dates: the year turns in late May, not on 1 May.
    starts = [
        dt.date(2018, 5, 24),
        dt.date(2019, 5, 23),
        dt.date(2020, 5, 21),
        dt.date(2021, 5, 20),
    ]
    for start, next_start in itertools.pairwise(starts):
        MunicipalYear.objects.create(
            council=council,
            start_year=start.year,
            starts_on=start,
            ends_on=next_start - dt.timedelta(days=1),
        )
    return council


@pytest.fixture
def committee(council) -> Committee:
    return Committee.objects.create(
        council=council,
        name="Safe and Strong Communities Select Committee",
        kind=Committee.Kind.SELECT,
    )


@pytest.fixture
def make_person(council):
    def make(name: str, **fields) -> Person:
        return Person.objects.create(council=council, name=name, **fields)

    return make


CANARY = "CONFIDENTIAL-CANARY-12A"


@pytest.fixture
def meeting_with_exempt_business(committee, make_person):
    """A held meeting with Part One business and a Part Two item whose text carries the canary."""
    chair = make_person(
        "John Francis", honorific_prefix="Cllr", email="john.francis@example.gov.uk"
    )
    ann = make_person("Ann Beech", post_nominals="MBE")
    cabinet = make_person("Gill Heath")
    Membership.objects.create(
        committee=committee, person=chair, municipal_year=2018, role="chair", role_title="Chairman"
    )
    Membership.objects.create(committee=committee, person=ann, municipal_year=2018)
    meeting = Meeting.objects.create(
        committee=committee,
        date=dt.date(2019, 3, 4),
        start_time=dt.time(10),
        venue="Oak Room, County Buildings, Stafford",
        webcast_url="https://webcast.example.gov.uk/4-march-2019",
        status=Meeting.Status.MINUTES_CONFIRMED,
    )
    AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Apologies")
    item = AgendaItem.objects.create(
        meeting=meeting,
        number="4",
        order=4,
        title="Domestic Homicide Reviews",
        start_page=9,
        end_page=22,
        report_of="Cabinet Member for Communities",
    )
    AgendaItem.objects.create(
        meeting=meeting, parent=item, number="a", order=5, title="Emerging Themes"
    )
    exempt = AgendaItem.objects.create(
        meeting=meeting, number="10", order=10, title="Contract award", part=2
    )
    exempt.exempt_paragraphs.set([3])
    report = Report.objects.create(
        meeting=meeting, agenda_item=exempt, title="Contract award", part=2, summary=CANARY
    )
    ReportRecommendation.objects.create(report=report, text=f"That the bid {CANARY} be accepted.")
    Attendance.objects.create(
        meeting=meeting, person=chair, status="present", is_chair=True, order=0
    )
    Attendance.objects.create(meeting=meeting, person=ann, status="apologies", order=1)
    Attendance.objects.create(meeting=meeting, person=cabinet, status="in_attendance", order=2)
    Declaration.objects.create(
        meeting=meeting, person=chair, agenda_item=item, description="Trustee of a refuge charity"
    )
    minutes = Minutes.objects.create(meeting=meeting)
    public = MinuteItem.objects.create(
        minutes=minutes, number_label="53", order=1, title="Domestic Homicide Reviews"
    )
    Resolution.objects.create(
        minute_item=public, order=0, label="a", text="That the report be noted."
    )
    private = MinuteItem.objects.create(
        minutes=minutes, number_label="60", order=2, title="Contract award", part=2
    )
    private.exempt_paragraphs.set([3])
    Resolution.objects.create(minute_item=private, text=f"That the {CANARY} contract be awarded.")
    Committee.objects.create(
        council=committee.council,
        name="Safeguarding Overview and Scrutiny Committee",
        predecessor=committee,
    )
    return meeting


@pytest.fixture
def clerk_client(client, db):
    """A signed-in clerk (Clerks group) with no linked Person: in a one-council test database
    that clerk runs the council."""
    clerk = get_user_model().objects.create_user("clerk", password="pw", first_name="Tina")
    clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    client.force_login(clerk)
    return client
