"""A small meeting with Part One and Part Two business, built from real rows."""

import datetime as dt

import pytest

from minutebook.committees.models import Committee, Membership
from minutebook.meetings.models import AgendaItem, Attendance, Declaration, Meeting
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.reports.models import Report, ReportRecommendation

CANARY = "CONFIDENTIAL-CANARY-12A"


@pytest.fixture
def meeting(committee, make_person):
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
