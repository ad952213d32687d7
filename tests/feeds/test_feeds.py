import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest

from minutebook.committees.models import Committee
from minutebook.meetings.models import Meeting

CANARY = "CONFIDENTIAL-CANARY-12A"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def meeting(meeting_with_exempt_business):
    return meeting_with_exempt_business


def entries(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert CANARY not in response.content.decode()
    root = ET.fromstring(response.content)
    return [
        {"title": e.findtext(f"{ATOM}title"), "summary": e.findtext(f"{ATOM}summary") or ""}
        for e in root.iter(f"{ATOM}entry")
    ]


def test_calendar_lists_meetings_in_london_time_and_marks_cancellations(client, meeting, committee):
    Meeting.objects.create(
        committee=committee, date=dt.date(2019, 6, 10), status=Meeting.Status.CANCELLED
    )
    response = client.get("/feeds/meetings.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert CANARY not in body
    cal = icalendar.Calendar.from_ical(response.content)
    by_day = {
        (
            e.decoded("dtstart").date()
            if isinstance(e.decoded("dtstart"), dt.datetime)
            else e.decoded("dtstart")
        ): e
        for e in cal.walk("VEVENT")
    }
    march = by_day[dt.date(2019, 3, 4)]
    assert str(march["summary"]) == "Safe and Strong Communities Select Committee"
    assert march.decoded("dtstart").hour == 10
    assert str(march.decoded("dtstart").tzinfo) == "Europe/London"
    assert str(march["location"]) == "Oak Room, County Buildings, Stafford"
    assert str(march["status"]) == "CONFIRMED"
    assert "10. Contract award" in str(march["description"])  # Part Two titles are public
    assert str(by_day[dt.date(2019, 6, 10)]["status"]) == "CANCELLED"
    assert by_day[dt.date(2019, 6, 10)].decoded("dtstart") == dt.date(
        2019, 6, 10
    )  # no time: all day
    assert "BEGIN:VTIMEZONE" in body


def test_committee_calendar_has_only_that_committees_meetings(client, meeting, council):
    other = Committee.objects.create(council=council, name="Audit Committee")
    Meeting.objects.create(committee=other, date=dt.date(2019, 4, 1))
    cal = icalendar.Calendar.from_ical(
        client.get(f"/feeds/committees/{other.pk}/meetings.ics").content
    )
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Audit Committee"]
    assert client.get("/feeds/committees/999999/meetings.ics").status_code == 404


def test_decisions_feed_has_public_resolutions_only(client, meeting):
    items = entries(client, "/feeds/decisions.atom")
    assert [i["summary"] for i in items] == ["That the report be noted."]
    assert items[0]["title"].startswith("Minute 53: Domestic Homicide Reviews")
    assert "Monday 4 March 2019" in items[0]["title"]


def test_minutes_and_agenda_feeds_list_titles(client, meeting):
    minutes = entries(client, "/feeds/minutes.atom")
    assert (
        minutes[0]["title"]
        == "Minutes (draft): Safe and Strong Communities Select Committee, Monday 4 March 2019"
    )
    assert "60. Contract award" in minutes[0]["summary"]
    agendas = entries(client, f"/feeds/committees/{meeting.committee_id}/agendas.atom")
    assert (
        agendas[0]["title"] == "Safe and Strong Communities Select Committee, Monday 4 March 2019"
    )
    assert "4. Domestic Homicide Reviews" in agendas[0]["summary"]


def test_one_meeting_can_be_added_to_a_calendar(client, meeting):
    response = client.get(f"/feeds/meetings/{meeting.pk}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}.ics"'
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [e.decoded("dtstart").date() for e in events] == [dt.date(2019, 3, 4)]
    assert CANARY not in response.content.decode()
    assert client.get("/feeds/meetings/999999.ics").status_code == 404
