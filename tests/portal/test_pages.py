"""Each portal page shows the facts it should, from rows made in the test."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from django.urls import reverse

from minutebook.portal.templatetags.portal import committee_url, meeting_url, person_url

from . import factories as f
from .conftest import client_for
from .helpers import headings, links, text


@pytest.fixture
def client():
    return client_for(None)


def test_home_lists_next_meetings_latest_decisions_and_committees(shire, client):
    response = client.get("/")
    assert response.status_code == 200
    page = text(response)
    # Only the 2099 meeting is in the future; it is special.
    assert (
        "Safeguarding Overview & Scrutiny Committee Monday 1 June 2099, 10.00 am, special meeting"
        in page
    )
    assert "Monday 4 March 2019, 10.00 am" not in page.split("Committees")[0]
    assert meeting_url(shire.future) in links(response)
    # Latest decision first: the May 2019 minute.
    decisions = page.split("Latest decisions")[1]
    assert decisions.index("Appointment of Vice-Chairman") < decisions.index(
        "47. Domestic Abuse Strategy"
    )
    assert "That the draft Domestic Abuse Strategy be endorsed." in decisions
    # The renamed committee is a former committee.
    current, former = page.split("Former committees")
    assert "Audit and Standards Committee" in current.split("Committees")[-1]
    assert "Safe and Strong Communities Select Committee" in former.split("Latest decisions")[0]


def test_home_without_data(db, client):
    page = text(client.get("/"))
    assert "No meetings are scheduled." in page
    assert "No decisions have been published yet." in page


def test_cancelled_meetings_are_not_next(shire, client):
    f.meeting(shire.audit, "2098-01-05", status="cancelled")
    assert "Sunday 5 January 2098" not in text(client.get("/"))


def test_committee_page(shire, client):
    response = client.get(committee_url(shire.ssc))
    assert response.status_code == 200
    page = text(response)
    assert "To scrutinise community safety, safeguarding and the council's partners." in page
    assert (
        "renamed or replaced on 20 May 2021: see Safeguarding Overview & Scrutiny Committee" in page
    )
    assert committee_url(shire.sosc) in links(response)
    assert f"/scrutiny/committees/{shire.ssc.pk}/work-programme/" in links(response)
    # Membership by year, newest first, with printed roles.
    membership = page.split("Membership")[1].split("Meetings")[0]
    assert membership.index("2019-20") < membership.index("2018-19")
    assert "Cllr Joan Smith Vice-Chairman (Scrutiny) Labour" in membership
    assert "Cllr Kath Perry, MBE Chairman Conservative" in membership
    assert "2018-19 Name Role Party Dates Cllr Kath Perry, MBE Chairman" in membership
    assert "Cllr Joan Smith Member Labour Whole year" in membership
    assert person_url(shire.joan) in links(response)
    # Meetings by municipal year.
    meetings = page.split("Meetings")[-1]
    assert "2019-20 Tuesday 28 May 2019, 2.00 pm" in meetings
    assert "2018-19 Monday 4 March 2019, 10.00 am Tuesday 22 January 2019, 10.00 am" in meetings
    assert meeting_url(shire.march) in links(response)


def test_successor_names_its_predecessor(shire, client):
    response = client.get(committee_url(shire.sosc))
    assert "Previously Safe and Strong Communities Select Committee." in text(response)
    assert committee_url(shire.ssc) in links(response)
    assert "Special meeting" in text(response)


def test_committee_url_with_a_wrong_slug_redirects(shire, client):
    response = client.get(reverse("portal:committee", kwargs={"pk": shire.ssc.pk, "slug": "old"}))
    assert response.status_code == 301
    assert response["Location"] == committee_url(shire.ssc)
    missing = reverse("portal:committee", kwargs={"pk": 999999, "slug": "x"})
    assert client.get(missing).status_code == 404


def test_meeting_page_agenda(shire, client):
    response = client.get(meeting_url(shire.march))
    assert response.status_code == 200
    page = text(response)
    assert "Safe and Strong Communities Select Committee Monday 4 March 2019, 10.00 am" in page
    assert "Venue Oak Room, County Buildings, Stafford" in page
    assert "https://shire.public-i.tv/core/portal/webcast_interactive/412345" in links(response)
    assert f"/feeds/meetings/{shire.march.pk}.ics" in links(response)
    agenda = page.split("Agenda")[2].split("Reports")[0]
    assert (
        "3. Minutes of the previous meeting Pages 1 - 8 of the agenda pack "
        "Minutes of the meeting held on Tuesday 22 January 2019"
    ) in agenda
    assert (
        "4. Domestic Abuse Strategy Report of the Cabinet Member for Communities "
        "Pages 9 - 22 of the agenda pack "
        "Read the report: Domestic Abuse Strategy 2019-2022 "
        "a) Refuge provision Pages 23 - 30 of the agenda pack b) Perpetrator programmes 5."
    ) in agenda
    assert (
        "6. Residential Care Contract Award This item is exempt: Schedule 12A paragraph 3."
    ) in agenda
    assert f"#report-{shire.report_strategy.pk}" in links(response)
    assert meeting_url(shire.jan) in links(response)


def test_meeting_page_reports(shire, client):
    page = text(client.get(meeting_url(shire.march)))
    reports = page.split("Reports")[-1].split("Attendance")[0]
    assert "Report of Cllr Gill Heath, Cabinet Member for Communities" in reports
    assert (
        "Recommendations That the Select Committee endorse the draft Domestic Abuse Strategy."
        in reports
    )
    assert (
        "Andrew Donaldson Commissioning Manager, Community Safety Telephone: 01785 278000 "
        "Email: andrew.donaldson@shire.gov.uk"
    ) in reports
    assert "Appendix A - Summary of Key Findings Appendix B - Provider costs Exempt" in reports
    assert (
        "Residential Care Contract Award This item is exempt: Schedule 12A paragraph 3." in reports
    )


def test_meeting_page_attendance_and_declarations(shire, client):
    page = text(client.get(meeting_url(shire.march)))
    attendance = page.split("Attendance")[-1].split("Declarations of interest")[0]
    assert "Present Cllr Kath Perry, MBE (in the chair)" in attendance
    assert "Also in attendance Cllr Gill Heath, Cabinet Member for Communities" in attendance
    assert "Apologies Cllr Joan Smith" in attendance
    declarations = page.split("Declarations of interest")[-1].split("Minutes")[0]
    assert (
        "Cllr Kath Perry, MBE, item 4 (Domestic Abuse Strategy): Non-registrable (personal) "
        "interest. A personal interest as a trustee of a local refuge."
    ) in declarations
    assert (
        "item 6 (Residential Care Contract Award): Other interest. "
        "The interest relates to an exempt item and is not published."
    ) in declarations


def test_meeting_page_minutes(shire, client):
    page = text(client.get(meeting_url(shire.march)))
    minutes = page.split("signed by Cllr Kath Perry, MBE.")[1]
    assert (
        "Confirmed at the meeting on Tuesday 28 May 2019 and signed by Cllr Kath Perry, MBE."
        in page
    )
    assert (
        "47. Domestic Abuse Strategy Members asked about refuge capacity in Tamworth. Resolved "
        "a) That the draft Domestic Abuse Strategy be endorsed. "
        "b) That a progress report come to the Committee in March 2020."
    ) in page
    assert (
        "49. Residential Care Contract Award This item is exempt: Schedule 12A paragraph 3." in page
    )
    positions = [minutes.index(f"{n}. ") for n in range(44, 50)]
    assert positions == sorted(positions)
    assert "Previous meeting: Tuesday 22 January 2019 Next meeting: Tuesday 28 May 2019" in page


def test_meeting_without_papers(shire, client):
    page = text(client.get(meeting_url(shire.future)))
    assert "The agenda has not been published." in page
    assert "Attendance has not been recorded." in page
    assert "Minutes have not been published yet." in page
    assert client.get(reverse("portal:meeting", kwargs={"pk": 999999})).status_code == 404


def test_draft_minutes_say_so(shire, client):
    page = text(client.get(meeting_url(shire.may)))
    assert "Draft minutes, to be confirmed at a later meeting." in page
    assert "1. Appointment of Vice-Chairman" in page


def test_person_page_roles_and_attendance_rates(shire, client):
    response = client.get(person_url(shire.joan))
    assert response.status_code == 200
    page = text(response)
    assert "Cllr Joan Smith" in page
    assert "Party Labour Electoral division Tamworth North" in page
    roles = page.split("Committee roles")[1].split("Attendance")[0]
    assert (
        "2019-20 Safe and Strong Communities Select Committee Vice-Chairman (Scrutiny) "
        "2018-19 Safe and Strong Communities Select Committee Member"
    ) in roles
    rates = page.split("Attendance rate")[1]
    # 2018-19: present on 22 January, apologies on 4 March. 2019-20: present on 28 May.
    assert "Safe and Strong Communities Select Committee 2019-20 1 1 0 100%" in rates
    assert "Safe and Strong Communities Select Committee 2018-19 2 1 1 50%" in rates


def test_person_page_lists_declarations_keeping_exempt_interests_private(shire, client):
    page = text(client.get(person_url(shire.kath)))
    declarations = page.split("Declarations of interest")[-1]
    assert "Safe and Strong Communities Select Committee, Monday 4 March 2019" in declarations
    assert "A personal interest as a trustee of a local refuge." in declarations
    assert "The interest relates to an exempt item and is not published." in declarations
    assert "CONFIDENTIAL-CANARY-12A" not in page


def test_person_page_counts_only_meetings_with_recorded_attendance_within_the_seat(shire, client):
    f.meeting(shire.ssc, "2019-02-11")  # no attendance recorded: not an absence
    late = f.person(shire.council, "Lee Late")
    f.seat(shire.ssc, late, 2018, starts_on=f.dt.date(2019, 2, 1))
    f.attend(shire.march, late)
    page = text(client.get(person_url(late)))
    # Only 4 March counts: 22 January was before the seat began.
    assert "Safe and Strong Communities Select Committee 2018-19 1 1 0 100%" in page
    assert "2 1 1 50%" in text(client.get(person_url(shire.joan)))


def test_person_page_lists_attendance_as_a_non_member(shire, client):
    page = text(client.get(person_url(shire.gill)))
    assert "No attendance as a committee member has been recorded." in page
    assert (
        "Also attended Safe and Strong Communities Select Committee, Monday 4 March 2019 "
        "(Cabinet Member for Communities)"
    ) in page


def test_decisions_list_and_filters(shire, client):
    response = client.get(reverse("portal:decisions"))
    page = text(response)
    # 46, 47, 48, 49 of March; 1 of May; nothing of the audit committee.
    assert "5 items with decisions" in page
    assert page.index("Appointment of Vice-Chairman") < page.index("46. Minutes of the meeting")
    assert "Safe and Strong Communities Select Committee, Monday 4 March 2019" in page
    assert (
        "49. Residential Care Contract Award Safe and Strong Communities Select Committee, Monday 4 March 2019 This item is exempt"
        in page
    )

    since_april = text(client.get(reverse("portal:decisions"), {"date_from": "2019-04-01"}))
    assert "1 item with decisions" in since_april
    assert "Appointment of Vice-Chairman" in since_april

    march_only = text(
        client.get(
            reverse("portal:decisions"),
            {"committee": shire.ssc.pk, "date_from": "2019-03-04", "date_to": "2019-03-04"},
        )
    )
    assert "4 items with decisions" in march_only
    assert "Appointment of Vice-Chairman" not in march_only

    audit = text(client.get(reverse("portal:decisions"), {"committee": shire.audit.pk}))
    assert "0 items with decisions" in audit
    assert "No decisions match these filters." in audit


def test_decisions_filter_by_topic_matches_titles_and_readable_decisions(shire, client):
    url = reverse("portal:decisions")
    by_title = text(client.get(url, {"topic": "residential care"}))
    assert "1 item with decisions" in by_title and "Residential Care Contract Award" in by_title
    by_decision = text(client.get(url, {"topic": "public be excluded"}))
    assert "1 item with decisions" in by_decision and "Exclusion of the Public" in by_decision
    # Words found only in the hidden resolution of a Part Two item must not surface its title.
    hidden = text(client.get(url, {"topic": "Ltd"}))
    assert "0 items with decisions" in hidden
    assert "Residential Care Contract Award" not in hidden


def test_decisions_filter_rejects_a_backwards_range(shire, client):
    page = text(
        client.get(
            reverse("portal:decisions"), {"date_from": "2019-05-01", "date_to": "2019-04-01"}
        )
    )
    assert "There is a problem with the filter" in page
    assert "The end date must be the same as or after the start date." in page


def test_decisions_are_paginated(shire, client):
    record = (
        shire.audit_meeting.minutes
        if hasattr(shire.audit_meeting, "minutes")
        else f.minutes(shire.audit_meeting)
    )
    for n in range(25):
        f.minute_item(record, str(100 + n), f"Audit item {n}", n, resolutions=[f"Noted {n}."])
    url = reverse("portal:decisions")
    first = client.get(url, {"committee": shire.audit.pk})
    assert "25 items with decisions" in text(first)
    assert text(first).count("Audit item") == 20
    assert "Page 1 of 2" in text(first)
    assert f"?committee={shire.audit.pk}&page=2" in links(first)
    second = text(client.get(url, {"committee": shire.audit.pk, "page": 2}))
    assert second.count("Audit item") == 5
    assert "Page 2 of 2" in second


@pytest.mark.parametrize("name", ["home", "committee", "meeting", "person", "decisions"])
def test_pages_are_accessible_in_structure(shire, client, name):
    url = {
        "home": "/",
        "committee": committee_url(shire.ssc),
        "meeting": meeting_url(shire.march),
        "person": person_url(shire.joan),
        "decisions": reverse("portal:decisions"),
    }[name]
    response = client.get(url)
    body = response.content.decode()
    assert re.search(r'<html lang="en-GB"[ >]', body)
    assert re.search(r'<a href="#main" class="[^"]*\bgovuk-skip-link\b', body)
    assert '<main id="main"' in body and "<header" in body and "<footer" in body
    assert 'name="viewport"' in body
    assert 'media="print"' in body
    levels = headings(response)
    assert levels.count(1) == 1 and levels[0] == 1
    # Headings never skip a level on the way down.
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels


def test_every_form_control_has_a_label(shire, client):
    body = client.get(reverse("portal:decisions")).content.decode()
    ids = re.findall(r'<(?:input|select)\b[^>]*\bid="([^"]+)"', body)
    assert ids == ["id_topic", "id_committee", "id_date_from", "id_date_to"]
    for control in ids:
        assert re.search(rf'<label\b[^>]*\bfor="{control}"', body)
    assert 'type="date"' in body


def test_a_webcast_link_that_is_not_http_is_not_a_link(shire, client):
    shire.march.webcast_url = "javascript:alert(1)"
    shire.march.save()
    response = client.get(meeting_url(shire.march))
    assert "javascript:" not in response.content.decode()
    assert "Watch the webcast" not in text(response)


def test_signing_in_as_a_member_opens_the_exempt_papers(shire, users, client):
    login = client.get(reverse("login"))
    body = login.content.decode()
    assert re.search(r'<label\b[^>]*\bfor="id_username"', body)
    assert re.search(r'<label\b[^>]*\bfor="id_password"', body)
    url = meeting_url(shire.march)
    response = client.post(
        reverse("login"),
        {"username": "joan", "password": "not-a-real-password", "next": url},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url
    assert "Signed in as Joan Smith" in text(response)
    assert f"Members questioned the {f.CANARY} bid." in text(response)
