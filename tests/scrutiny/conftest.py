"""A committee with a work programme and recommendations, one of them made in private."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from minutebook.access import CLERKS_GROUP, MEMBERS_GROUP
from minutebook.committees.models import Membership
from minutebook.meetings import services as meetings
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import MinuteItem
from minutebook.scrutiny import services
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)

User = get_user_model()

CANARY = "CONFIDENTIAL-CANARY-12A"

Method = WorkProgrammeItem.Method
Status = WorkProgrammeItem.Status
Role = WorkProgrammeLead.Role


def user(username: str, first: str, last: str, group: str | None = None):
    u = User.objects.create_user(username, password="pw", first_name=first, last_name=last)
    if group:
        u.groups.add(Group.objects.get_or_create(name=group)[0])
    return u


def client_for(u) -> Client:
    client = Client()
    if u is not None:
        client.force_login(u)
    return client


@pytest.fixture
def users(meeting_with_exempt_business, make_person):
    """A clerk; John Francis, who sat on the committee in 2018-19; Bob, on no committee."""
    john = user("john", "John", "Francis", MEMBERS_GROUP)
    bob = user("bob", "Bob", "Jones", MEMBERS_GROUP)
    make_person("Bob Jones")
    return {
        "clerk": user("clare", "Clare", "Clerk", CLERKS_GROUP),
        "member": john,
        "other_member": bob,
        "public": None,
    }


def lead(row, person, role, order=0):
    WorkProgrammeLead.objects.create(item=row, person=person, role=role, order=order)


@pytest.fixture
def world(meeting_with_exempt_business, make_person):
    """The 2018-19 programme of the Safe and Strong Communities Select Committee.

    * 22 January 2019 (held, minutes drafted): "Child Sexual Exploitation", considered;
    * 4 March 2019 (the conftest meeting, minutes confirmed): "Domestic Homicide Reviews"
      on its agenda;
    * 8 November 2018 (cancelled): "Update from the SSRBG" on its agenda;
    * 10 April 2019 (scheduled): "Prevent Strategy", planned;
    * tbc: "Domestic Abuse" (planned), "Care Packages" (deferred), "Mental Health" (withdrawn);
    * a standing item, a briefing note sent, an inquiry day, related APMG work.
    """
    march = meeting_with_exempt_business
    committee = march.committee
    mark = make_person("Mark Sutton", honorific_prefix="Cllr")
    alan = make_person("Alan White", honorific_prefix="Cllr")
    mick = make_person("Mick Harrison", kind="officer")
    julie = make_person("Julie Long", kind="officer")
    january = Meeting.objects.create(
        committee=committee,
        date=dt.date(2019, 1, 22),
        start_time=dt.time(14),
        status=Meeting.Status.MINUTES_DRAFTED,
    )
    cancelled = meetings.create_meeting(committee, dt.date(2018, 11, 8), dt.time(10))
    april = Meeting.objects.create(committee=committee, date=dt.date(2019, 4, 10))
    programme = WorkProgramme.objects.create(
        committee=committee, municipal_year=2018, title="Work Programme 2018-19"
    )

    def add(topic, **fields):
        order = programme.items.count() + 1
        return WorkProgrammeItem.objects.create(
            programme=programme, order=order, topic=topic, **fields
        )

    from minutebook.meetings.models import AgendaItem

    cse_item = AgendaItem.objects.create(meeting=january, number="4", order=4, title="CSE")
    cse = add(
        "Child Sexual Exploitation (CSE) in Staffordshire",
        planned_meeting=january,
        planned_date=january.date,
        agenda_item=cse_item,
        status=Status.CONSIDERED,
        background="The Committee has requested a six monthly update on this issue.",
        outcome="Members welcomed the progress outlined in the report.",
    )
    lead(cse, mark, Role.CABINET_MEMBER)
    lead(cse, mick, Role.OFFICER)
    dhr = add(
        "Domestic Homicide Reviews & emerging themes",
        planned_meeting=march,
        planned_date=march.date,
        agenda_item=march.agenda_items.get(number="4"),
        status=Status.ON_AGENDA,
        background="To consider possible themes emerging from an overview of these reviews.",
    )
    lead(dhr, mark, Role.CABINET_MEMBER, 0)
    lead(dhr, alan, Role.CABINET_MEMBER, 1)
    lead(dhr, mick, Role.OFFICER, 0)
    lead(dhr, julie, Role.OFFICER, 1)
    ssrbg = add("Update from the October SSRBG meeting", planned_meeting=cancelled)
    meetings.pull_from_work_programme(cancelled, ssrbg)
    cancelled.status = Meeting.Status.CANCELLED
    cancelled.save()
    prevent = add("Prevent Strategy", planned_meeting=april, planned_date=april.date)
    lead(prevent, mick, Role.OFFICER)
    abuse = add("Domestic Abuse", date_text="Tbc? 12 months after start of contract")
    lead(abuse, mick, Role.OFFICER)
    care = add("Care Packages and Communication", date_text="tbc", status=Status.DEFERRED)
    mh = add("Stresses within mental health service", date_text="tbc", status=Status.WITHDRAWN)
    standing = add(
        "Themes emerging from Serious Case Reviews", method=Method.STANDING, date_text=""
    )
    briefing = add(
        "Direct Payments",
        method=Method.BRIEFING,
        planned_date=dt.date(2018, 8, 22),
        status=Status.CONSIDERED,
        outcome="The Briefing note was emailed to Select Committee Members on 22 August 2018.",
    )
    inquiry = add(
        "Edge of Care",
        method=Method.INQUIRY,
        date_text="Inquiry Day 30 January 2018",
        status=Status.CONSIDERED,
    )
    related = add(
        "All Age Disability Strategy",
        method=Method.RELATED,
        date_text="30 May 2018 Special joint meeting",
        status=Status.CONSIDERED,
    )
    return SimpleNamespace(
        committee=committee,
        programme=programme,
        march=march,
        january=january,
        cancelled=cancelled,
        april=april,
        mark=mark,
        alan=alan,
        mick=mick,
        julie=julie,
        cse=cse,
        dhr=dhr,
        ssrbg=ssrbg,
        prevent=prevent,
        abuse=abuse,
        care=care,
        mh=mh,
        standing=standing,
        briefing=briefing,
        inquiry=inquiry,
        related=related,
    )


TODAY = dt.date(2019, 9, 1)


@pytest.fixture
def recs(world):
    """Recommendations of 4 March 2019, seen from 1 September 2019 (``TODAY``).

    * awaiting: due 1 October 2019, no response;
    * late: due 1 May 2019, no response (response overdue);
    * done: accepted, deadline 1 July 2019, a completed update (complete);
    * slipping: accepted, deadline 1 August 2019, an update not complete (action overdue);
    * partly: partly accepted, deadline 1 December 2019 (in progress);
    * refused: rejected;
    * secret: under the Part Two minute, canary in its text, no response, due 1 May 2019.
    """
    march = world.march
    public = MinuteItem.objects.get(minutes__meeting=march, number_label="53")
    private = MinuteItem.objects.get(minutes__meeting=march, number_label="60")

    def rec(number, text, due, minute=public):
        return services.record_recommendation(
            world.committee,
            minute_item=minute,
            number=number,
            text=text,
            made_on=march.date,
            addressed_to=world.mark,
            addressed_to_role="Cabinet Member for Children and Young People",
            response_due=due,
        )

    out = SimpleNamespace(
        awaiting=rec("1", "That a multi-agency review panel be set up.", dt.date(2019, 10, 1)),
        late=rec("2", "That the learning be shared with schools.", dt.date(2019, 5, 1)),
        done=rec("3", "That training be offered to all members.", dt.date(2019, 5, 1)),
        slipping=rec("4", "That a helpline be publicised.", dt.date(2019, 5, 1)),
        partly=rec("5", "That two more officers be recruited.", dt.date(2019, 5, 1)),
        refused=rec("6", "That the refuge be extended.", dt.date(2019, 5, 1)),
        secret=rec("7", f"That the bidder {CANARY} be excluded.", dt.date(2019, 5, 1), private),
    )
    responded = dt.date(2019, 4, 15)
    services.record_response(
        out.done,
        decision=ExecutiveResponse.Decision.ACCEPTED,
        responded_on=responded,
        action_deadline=dt.date(2019, 7, 1),
    )
    services.add_progress(out.done, reported_on=dt.date(2019, 6, 20), text="Done.", complete=True)
    services.record_response(
        out.slipping,
        decision=ExecutiveResponse.Decision.ACCEPTED,
        responded_on=responded,
        action_deadline=dt.date(2019, 8, 1),
    )
    services.add_progress(out.slipping, reported_on=dt.date(2019, 7, 1), text="Design agreed.")
    services.record_response(
        out.partly,
        decision=ExecutiveResponse.Decision.PARTLY,
        reasons="One post can be funded this year.",
        responded_on=responded,
        responder=world.mark,
        action_deadline=dt.date(2019, 12, 1),
    )
    services.record_response(
        out.refused,
        decision=ExecutiveResponse.Decision.REJECTED,
        reasons="No capital budget is available.",
        responded_on=responded,
    )
    assert ProgressUpdate.objects.count() == 2
    assert Recommendation.objects.count() == 7
    assert Membership.objects.filter(person__name="John Francis", municipal_year=2018).exists()
    return out
