"""Papers to search: a committee following domestic abuse across four municipal years, with
its renamed successor, an audit committee, hostile markup, and Part Two business whose every
exempt field carries the canary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council, MunicipalYear
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import Person
from minutebook.reports.models import ContactOfficer, Report, ReportRecommendation
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem, WorkProgrammeLead
from minutebook.search.index import rebuild_index

CANARY = "CONFIDENTIAL-CANARY-12A"


@dataclass
class Papers:
    council: Any
    ssc: Any
    sosc: Any
    audit: Any
    gill: Any
    kath: Any
    meetings: dict[str, Any]
    title_hit: Any  # report with "domestic abuse" in its title only
    body_hit: Any  # report with "domestic abuse" in its body only
    hostile: Any  # report whose text is markup
    exempt_report: Any
    exempt_minute: Any
    exempt_item: Any
    public_minute: Any
    wp_item: Any


def _meeting(committee, day: dt.date) -> Meeting:
    return Meeting.objects.create(committee=committee, date=day, status=Meeting.Status.HELD)


@pytest.fixture
def papers(db) -> Papers:
    council = Council.objects.create(name="Wessex County Council", kind=Council.Kind.COUNTY)
    for year in range(2018, 2024):
        MunicipalYear.objects.create(
            council=council,
            start_year=year,
            starts_on=dt.date(year, 5, 20),
            ends_on=dt.date(year + 1, 5, 19),
        )
    ssc = Committee.objects.create(
        council=council, name="Safe and Strong Communities Select Committee", kind="select"
    )
    sosc = Committee.objects.create(
        council=council, name="Safeguarding Overview and Scrutiny Committee", predecessor=ssc
    )
    audit = Committee.objects.create(council=council, name="Audit and Standards Committee")
    gill = Person.objects.create(council=council, name="Gill Heath", honorific_prefix="Cllr")
    kath = Person.objects.create(council=council, name="Kath Perry", post_nominals="MBE")
    Person.objects.create(council=council, name="Trish Rowlands", kind="officer")
    Membership.objects.create(committee=ssc, person=kath, municipal_year=2018)

    m = {
        "2019-03": _meeting(ssc, dt.date(2019, 3, 4)),
        "2019-11": _meeting(ssc, dt.date(2019, 11, 18)),
        "2020-07": _meeting(ssc, dt.date(2020, 7, 6)),
        "2022-01": _meeting(sosc, dt.date(2022, 1, 10)),
        "2023-09": _meeting(sosc, dt.date(2023, 9, 25)),
        "audit": _meeting(audit, dt.date(2020, 2, 3)),
    }

    # 4 March 2019: the title hit, and a Part Two contract award.
    item = AgendaItem.objects.create(
        meeting=m["2019-03"], number="4", order=4, title="Domestic Abuse Strategy"
    )
    title_hit = Report.objects.create(
        meeting=m["2019-03"],
        agenda_item=item,
        title="Domestic Abuse Strategy",
        summary="The committee is asked to comment on the draft strategy.",
        cabinet_member=gill,
    )
    ReportRecommendation.objects.create(report=title_hit, text="That the draft be endorsed.")
    ContactOfficer.objects.create(report=title_hit, name="Trish Rowlands", job_title="Lead")
    exempt_item = AgendaItem.objects.create(
        meeting=m["2019-03"], number="10", order=10, title="Refuge contract award", part=2
    )
    exempt_report = Report.objects.create(
        meeting=m["2019-03"],
        agenda_item=exempt_item,
        title="Refuge contract award",
        part=2,
        summary=f"{CANARY} domestic abuse refuge bids",
        body=f"The preferred bidder is {CANARY}. Domestic abuse services.",
        community_impact=CANARY,
    )
    ReportRecommendation.objects.create(report=exempt_report, text=f"Award to {CANARY}.")
    ContactOfficer.objects.create(report=exempt_report, name="Kath Perry")
    minutes = Minutes.objects.create(meeting=m["2019-03"])
    public_minute = MinuteItem.objects.create(
        minutes=minutes,
        number_label="53",
        order=1,
        agenda_item=item,
        title="Domestic Abuse Strategy",
        narrative="Cllr Gill Heath introduced the strategy. Members asked about refuge places.",
    )
    Resolution.objects.create(
        minute_item=public_minute, order=0, label="a", text="That the strategy be endorsed."
    )
    Resolution.objects.create(
        minute_item=public_minute, order=1, label="b", text="That a progress report come back."
    )
    exempt_minute = MinuteItem.objects.create(
        minutes=minutes,
        number_label="60",
        order=2,
        agenda_item=exempt_item,
        title="Refuge contract award",
        part=2,
        narrative=f"Members discussed {CANARY} and domestic abuse refuge pricing.",
    )
    Resolution.objects.create(minute_item=exempt_minute, text=f"That {CANARY} be appointed.")

    # 18 November 2019: the body hit.
    body_hit = Report.objects.create(
        meeting=m["2019-11"],
        title="Community Safety Partnership annual report",
        body="The partnership's priorities include domestic abuse and knife crime.",
    )
    # 6 July 2020: hostile markup in a report.
    hostile = Report.objects.create(
        meeting=m["2020-07"],
        title="Refuge <b>capacity</b> review",
        body='<script>alert("x")</script> Refuge capacity < demand: domestic abuse & stalking.',
    )
    # The successor committee carries the subject on.
    item22 = AgendaItem.objects.create(
        meeting=m["2022-01"], number="5", order=5, title="Domestic Abuse Act duties"
    )
    minutes22 = Minutes.objects.create(meeting=m["2022-01"])
    minute22 = MinuteItem.objects.create(
        minutes=minutes22,
        number_label="12",
        order=1,
        agenda_item=item22,
        title="Domestic Abuse Act duties",
        narrative="The committee heard about safe accommodation duties.",
    )
    Resolution.objects.create(minute_item=minute22, text="That the duties be noted.")
    AgendaItem.objects.create(
        meeting=m["2023-09"], number="6", order=6, title="Domestic abuse: progress on refuges"
    )
    AgendaItem.objects.create(
        meeting=m["audit"], number="3", order=3, title="Internal audit of abuse of expenses"
    )
    programme = WorkProgramme.objects.create(committee=ssc, municipal_year=2019)
    wp_item = WorkProgrammeItem.objects.create(
        programme=programme,
        order=1,
        topic="Domestic abuse commissioning",
        background="Members asked for an update on commissioning.",
        date_text="tbc",
    )
    WorkProgrammeLead.objects.create(item=wp_item, person=gill, role="cabinet_member")
    rebuild_index()
    return Papers(
        council,
        ssc,
        sosc,
        audit,
        gill,
        kath,
        m,
        title_hit,
        body_hit,
        hostile,
        exempt_report,
        exempt_minute,
        exempt_item,
        public_minute,
        wp_item,
    )
