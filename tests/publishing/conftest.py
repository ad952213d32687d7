"""A committee year modelled on the seeds: members, last meeting's minutes, this meeting's
agenda with written and uploaded reports, a work programme, and a Part Two report carrying
the canary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from minutebook.committees.models import Membership
from minutebook.meetings.models import AgendaItem, Attendance

from . import factories as f
from .factories import CANARY

MEMBERS = [
    ("Ann Beech", "member", ""),
    ("Mike Davies", "member", ""),
    ("John Francis", "chair", "Chairman"),
    ("Syed Hussain", "member", ""),
    ("Trevor Johnson", "member", ""),
    ("Jason Jones", "member", ""),
    ("Natasha Pullen", "member", ""),
    ("Paul Snape", "member", ""),
    ("Conor Wileman", "vice_chair", "Vice-Chairman"),
    ("Mike Worthington", "member", ""),
]

LONG_BODY = "\n\n".join(
    f"{n}. The Youth Justice System was established by Section 37 of the Crime and Disorder "
    "Act 1998 to prevent offending and reoffending by children and young people aged 10 to 17. "
    "The service works with partners in health, education and the police, and reports to a "
    "statutory Management Board which monitors its performance every quarter."
    for n in range(1, 31)
)


@dataclass
class Scenario:
    committee: Any
    people: dict[str, Any]
    previous: Any
    meeting: Any
    items: dict[str, AgendaItem]
    reports: dict[str, Any]
    appendix_pages: int = 3
    upload_pages: int = 7


@pytest.fixture
def scenario(committee, settings, tmp_path) -> Scenario:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    people = {}
    for order, (name, role, title) in enumerate(MEMBERS):
        people[name] = f.person(committee, name)
        f.seat(committee, people[name], 2018, role, role_title=title, order=order)
    gill = people["Gill Heath"] = f.person(committee, "Gill Heath", honorific_prefix="Cllr")
    mark = people["Mark Sutton"] = f.person(committee, "Mark Sutton")
    mick = people["Mick Harrison"] = f.person(committee, "Mick Harrison", kind="officer")

    previous = f.meeting(committee, "2019-01-22", "14:00", venue="Oak Room, County Buildings")
    for order, name in enumerate(n for n, _, _ in MEMBERS):
        status = Attendance.Status.APOLOGIES if name == "Syed Hussain" else "present"
        f.attend(previous, people[name], status, order, is_chair=name == "John Francis")
    f.attend(previous, gill, Attendance.Status.IN_ATTENDANCE, 20)
    f.attend(previous, mark, Attendance.Status.IN_ATTENDANCE, 21)
    f.minutes(
        previous,
        [
            {
                "number": 44,
                "title": "Declarations of Interest",
                "narrative": "There were none at this meeting.",
            },
            {
                "number": 45,
                "title": "Minutes of the previous meeting held on 11 December 2018",
                "resolutions": [
                    "That the minutes of the meeting held on 11 December 2018 be "
                    "confirmed and signed by the Chairman."
                ],
            },
            {
                "number": 46,
                "title": "Child Sexual Exploitation (CSE) in Staffordshire",
                "narrative": "The Select Committee regularly received updates on CSE.\n\n"
                "Ways of working had developed to address new types of exploitation.",
                "resolutions": [
                    ("a", "The progress detailed in the report be welcomed;"),
                    ("b", "transition be included on the work programme; and"),
                    ("c", "the video clip be shared with Members."),
                ],
            },
            {
                "number": 47,
                "title": "Work Programme",
                "resolutions": [
                    "That the work programme be amended to include the additional items."
                ],
            },
            {
                "number": 48,
                "title": "Exclusion of the Public",
                "resolutions": [
                    "That the public be excluded from the meeting for the following "
                    "items of business."
                ],
            },
            {
                "number": 49,
                "title": "Exempt Minutes of the meeting held on 11 December 2018",
                "exempt_paragraphs": [4, 5],
                "narrative": f"Members discussed the staffing matter. MINUTES-{CANARY}",
                "resolutions": ["That the exempt minutes be confirmed and signed by the Chairman."],
            },
        ],
    )

    meeting = f.meeting(
        committee,
        "2019-03-04",
        venue="Oak Room, County Buildings, Stafford",
        agenda_issued_by="John Tradewell, Director of Corporate Services",
    )
    std = AgendaItem.Standard
    items = {
        "apologies": f.item(meeting, "1", "Apologies", 1, standard=std.APOLOGIES),
        "declarations": f.item(
            meeting, "2", "Declarations of Interest", 2, standard=std.DECLARATIONS
        ),
        "minutes": f.item(
            meeting,
            "3",
            "Minutes of the meeting held on 22 January 2019",
            3,
            standard=std.MINUTES,
            minutes_of=previous,
        ),
        "dhr": f.item(
            meeting,
            "4",
            "Domestic Homicide Reviews and Emerging Themes",
            4,
            report_of="Cabinet Member for Communities",
        ),
        "prevent": f.item(meeting, "5", "Prevent", 5, report_of="Cabinet Member for Communities"),
        "yos": f.item(
            meeting,
            "6",
            "Youth Offending Service (YOS) Review",
            6,
            report_of="Cabinet Member for Children and Young People",
        ),
        "wp": f.item(meeting, "7", "Work Programme", 7, standard=std.WORK_PROGRAMME),
        "exclusion": f.item(meeting, "8", "Exclusion of the Public", 8, standard=std.EXCLUSION),
        "property": f.item(
            meeting,
            "9",
            "Disposal of County Farm Land",
            9,
            exempt_paragraphs=[3],
            report_of="Cabinet Member for Commercial",
        ),
    }
    items["yos_a"] = f.item(meeting, "a", "Youth Justice Plan 2019-20", 1, parent=items["yos"])
    reports = {
        "dhr": f.report(
            items["dhr"],
            "Domestic Homicide Reviews and Emerging Themes",
            report_of="Cllr Gill Heath, Cabinet Member for Communities",
            cabinet_member=gill,
            local_members_interest="N/A",
            summary="This report summarises the findings from Domestic Homicide Reviews.",
            body="Background\n\n2. A Domestic Homicide Review is a multi-agency review.",
            link_to_strategic_plan="The people of Staffordshire will feel safer.",
            link_to_other_scrutiny="The committee last looked at reviews in December 2015.",
            community_impact="Learning from reviews benefits victims and their families.",
            recommendations=["That the Select Committee scrutinises the contents of the report."],
            contact={
                "name": "Julie Long",
                "job_title": "Principal Community Safety Officer",
                "phone": "01785 278551",
                "email": "julie.long@example.gov.uk",
            },
        ),
        "prevent": f.report(items["prevent"], "Prevent", upload=f.uploaded_pdf("Prevent", 7)),
        "yos": f.report(
            items["yos"],
            "Youth Offending Service (YOS) Review",
            report_of="Cllr Mark Sutton, Cabinet Member for Children and Young People",
            summary="The committee is asked to note progress.",
            body=LONG_BODY,
            recommendations=["Note the actions completed", "Agree the monitoring actions"],
        ),
        "yos_a": f.report(
            items["yos_a"],
            "Youth Justice Plan 2019-20",
            body="The plan sets the priorities of the Youth Offending Service.",
        ),
        "property": f.report(
            items["property"],
            "Disposal of County Farm Land",
            report_of="Cllr Mark Sutton, Cabinet Member for Commercial",
            body=f"The offers received are set out below. {CANARY}",
            exempt_paragraphs=[3],
            recommendations=[f"That the offer of {CANARY} be accepted."],
        ),
    }
    f.appendix(
        reports["dhr"],
        "Appendix A - Summary of Key Findings",
        upload=f.uploaded_pdf("Appendix A - Summary of Key Findings", 3),
    )
    f.programme(
        committee,
        2018,
        [
            {
                "topic": "Domestic Homicide Reviews & emerging themes",
                "planned_date": dt.date(2019, 3, 4),
                "date_text": "4 March 2019 10.00am",
                "cabinet_members": [gill],
                "officers": [mick],
                "background": "To consider themes emerging from reviews.",
            },
            {
                "topic": "Prevent Strategy",
                "date_text": "4 March 2019 10.00am",
                "cabinet_members": [gill],
                "officers": [mick],
            },
            {
                "topic": "Transition & Preparation for Adulthood",
                "date_text": "tbc",
                "cabinet_members": [mark],
                "outcome": "Requested at the 22 January meeting.",
            },
        ],
    )
    assert Membership.objects.filter(committee=committee).count() == len(MEMBERS)
    return Scenario(committee, people, previous, meeting, items, reports)
