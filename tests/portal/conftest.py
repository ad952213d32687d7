"""A small council modelled on the seeds: the Safe and Strong Communities Select Committee
in 2018-19 and 2019-20, its renamed successor, an unrelated audit committee, and a Part Two
item whose every exempt field carries the canary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from minutebook.access import CLERKS_GROUP, MEMBERS_GROUP

from . import factories as f
from .factories import CANARY


@dataclass
class Council:
    """Handles on the rows tests assert about."""

    council: Any
    ssc: Any
    sosc: Any
    audit: Any
    kath: Any
    joan: Any
    gill: Any
    bob: Any
    jan: Any
    march: Any
    may: Any
    future: Any
    audit_meeting: Any
    item_strategy: Any
    item_exempt: Any
    report_strategy: Any
    report_exempt: Any
    minute_strategy: Any
    minute_exempt: Any


@pytest.fixture
def shire(db) -> Council:
    council = f.council()
    ssc = f.committee(
        council,
        "Safe and Strong Communities Select Committee",
        remit="To scrutinise community safety, safeguarding and the council's partners.",
        dissolved_on=f.dt.date(2021, 5, 20),
    )
    sosc = f.committee(
        council,
        "Safeguarding Overview & Scrutiny Committee",
        kind="overview_scrutiny",
        predecessor=ssc,
        established_on=f.dt.date(2021, 5, 20),
    )
    audit = f.committee(council, "Audit and Standards Committee", kind="audit")

    kath = f.person(council, "Kath Perry", post_nominals="MBE", party="Conservative")
    joan = f.person(council, "Joan Smith", party="Labour", ward="Tamworth North")
    gill = f.person(council, "Gill Heath")
    bob = f.person(council, "Bob Jones")

    f.seat(ssc, kath, 2018, "chair", role_title="Chairman", order=1)
    f.seat(ssc, joan, 2018, order=2)
    f.seat(ssc, kath, 2019, "chair", role_title="Chairman", order=1)
    f.seat(ssc, joan, 2019, "vice_chair", role_title="Vice-Chairman (Scrutiny)", order=2)
    f.seat(audit, bob, 2018)

    jan = f.meeting(ssc, "2019-01-22", status="minutes_confirmed")
    f.attend(jan, kath, is_chair=True)
    f.attend(jan, joan)

    march = f.meeting(
        ssc,
        "2019-03-04",
        venue="Oak Room, County Buildings, Stafford",
        webcast_url="https://shire.public-i.tv/core/portal/webcast_interactive/412345",
        status="minutes_confirmed",
    )
    f.agenda_item(march, "1", "Apologies", 1, standard="apologies")
    f.agenda_item(march, "2", "Declarations of Interest", 2, standard="declarations")
    f.agenda_item(
        march,
        "3",
        "Minutes of the previous meeting",
        3,
        standard="minutes",
        minutes_of=jan,
        start_page=1,
        end_page=8,
    )
    strategy = f.agenda_item(
        march,
        "4",
        "Domestic Abuse Strategy",
        4,
        start_page=9,
        end_page=22,
        report_of="Cabinet Member for Communities",
    )
    f.agenda_item(march, "a", "Refuge provision", 5, parent=strategy, start_page=23, end_page=30)
    f.agenda_item(march, "b", "Perpetrator programmes", 6, parent=strategy)
    f.agenda_item(march, "5", "Exclusion of the Public", 7, standard="exclusion")
    exempt_item = f.agenda_item(
        march,
        "6",
        "Residential Care Contract Award",
        8,
        exempt_paragraphs=(3,),
        start_page=31,
        end_page=40,
        report_of=f"Director of Care {CANARY}",
    )

    report_strategy = f.report(
        march,
        "Domestic Abuse Strategy 2019-2022",
        order=1,
        agenda_item=strategy,
        report_of="Cllr Gill Heath, Cabinet Member for Communities",
        summary="The Select Committee is asked to comment on the draft strategy.",
        body="Reported incidents rose by 12 per cent in 2018.",
        recommendations=["That the Select Committee endorse the draft Domestic Abuse Strategy."],
        officers=[
            {
                "name": "Andrew Donaldson",
                "job_title": "Commissioning Manager, Community Safety",
                "phone": "01785 278000",
                "email": "andrew.donaldson@shire.gov.uk",
            }
        ],
        appendices=[
            {"title": "Appendix A - Summary of Key Findings"},
            {"title": "Appendix B - Provider costs", "part": 2},
        ],
    )
    report_exempt = f.report(
        march,
        "Residential Care Contract Award",
        order=2,
        agenda_item=exempt_item,
        exempt_paragraphs=(3,),
        report_of=f"Director of Care {CANARY}",
        summary=f"Summary {CANARY}",
        body=f"The preferred bidder is {CANARY} Ltd.",
        community_impact=f"Impact {CANARY}",
        recommendations=[f"That the contract be awarded to {CANARY} Ltd."],
        officers=[{"name": f"Officer {CANARY}", "email": "canary@shire.gov.uk"}],
        appendices=[{"title": f"Bid scores {CANARY}"}],
    )

    may = f.meeting(ssc, "2019-05-28", "14:00")
    record = f.minutes(march, status="confirmed", confirmed_at=may, signed_by=kath)
    f.minute_item(
        record, "44", "Apologies", 1, narrative="Apologies were received from Joan Smith."
    )
    f.minute_item(record, "45", "Declarations of Interest", 2)
    f.minute_item(
        record,
        "46",
        "Minutes of the meeting held on 22 January 2019",
        3,
        resolutions=["That the minutes of the meeting held on 22 January 2019 be confirmed."],
    )
    minute_strategy = f.minute_item(
        record,
        "47",
        "Domestic Abuse Strategy",
        4,
        agenda_item=strategy,
        narrative="Members asked about refuge capacity in Tamworth.",
        resolutions=[
            "That the draft Domestic Abuse Strategy be endorsed.",
            "That a progress report come to the Committee in March 2020.",
        ],
    )
    f.minute_item(
        record,
        "48",
        "Exclusion of the Public",
        5,
        resolutions=["That the public be excluded for the following item (paragraph 3)."],
    )
    minute_exempt = f.minute_item(
        record,
        "49",
        "Residential Care Contract Award",
        6,
        agenda_item=exempt_item,
        exempt_paragraphs=(3,),
        narrative=f"Members questioned the {CANARY} bid.",
        resolutions=[f"That the contract be awarded to {CANARY} Ltd."],
    )
    f.attend(march, kath, is_chair=True, role="Chairman", order=1)
    f.attend(march, joan, "apologies")
    f.attend(march, gill, "in_attendance", role="Cabinet Member for Communities")
    f.declare(
        march,
        kath,
        "A personal interest as a trustee of a local refuge.",
        agenda_item=strategy,
        nature="non_registrable",
    )
    f.declare(march, kath, f"Holds shares in {CANARY} Ltd.", agenda_item=exempt_item)

    f.attend(may, kath, is_chair=True)
    f.attend(may, joan)
    may_minutes = f.minutes(may)
    f.minute_item(
        may_minutes,
        "1",
        "Appointment of Vice-Chairman",
        1,
        resolutions=["That Joan Smith be appointed Vice-Chairman (Scrutiny) for 2019-20."],
    )

    future = f.meeting(sosc, "2099-06-01", is_special=True)
    audit_meeting = f.meeting(audit, "2019-03-11", "14:30")
    f.attend(audit_meeting, bob)

    return Council(
        council=council,
        ssc=ssc,
        sosc=sosc,
        audit=audit,
        kath=kath,
        joan=joan,
        gill=gill,
        bob=bob,
        jan=jan,
        march=march,
        may=may,
        future=future,
        audit_meeting=audit_meeting,
        item_strategy=strategy,
        item_exempt=exempt_item,
        report_strategy=report_strategy,
        report_exempt=report_exempt,
        minute_strategy=minute_strategy,
        minute_exempt=minute_exempt,
    )


@pytest.fixture
def users(db) -> dict[str, Any]:
    """One user per kind of viewer the exempt rules distinguish."""
    return {
        "clerk": f.user("clerk", "Clare", "Clerk", groups=(CLERKS_GROUP,)),
        "staff": f.user("staff", "Sam", "Staff", is_staff=True),
        # Joan Smith sat on the Safe and Strong Communities committee in 2018-19 and 2019-20.
        "member": f.user("joan", "Joan", "Smith", groups=(MEMBERS_GROUP,)),
        # Bob Jones sits on the audit committee only.
        "other_member": f.user("bob", "Bob", "Jones", groups=(MEMBERS_GROUP,)),
        # Same name as a member, but not in the Members group.
        "not_in_group": f.user("joan2", "Joan", "Smith"),
    }


def client_for(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
