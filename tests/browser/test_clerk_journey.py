"""A clerk runs a meeting end to end in a real browser (Playwright driving Debian's Chromium).

Sign in, create a meeting, add an item with a PDF report, record attendance and a
declaration, write minutes with resolutions a) and b), and confirm them at the next meeting.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader

from minutebook.committees.models import Membership
from minutebook.meetings import services
from minutebook.meetings.models import Attendance, Meeting
from minutebook.minutes import services as minutes_services
from minutebook.minutes.models import Minutes
from minutebook.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def report_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in (1, 2, 3):
        pdf.drawString(72, 770, "Prevent: report of the Cabinet Member for Communities")
        pdf.drawString(72, 750, f"Page {page} of 3")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def council_year(committee, make_person):
    """The committee's 2018-19 membership, January's draft minutes, and a signed-in clerk."""
    people = {}
    for order, (name, role, title) in enumerate(
        [
            ("John Francis", Membership.Role.CHAIR, "Chairman"),
            ("Ann Beech", Membership.Role.MEMBER, ""),
            ("Trevor Johnson", Membership.Role.MEMBER, ""),
        ]
    ):
        people[name] = make_person(name)
        Membership.objects.create(
            committee=committee,
            person=people[name],
            municipal_year=2018,
            role=role,
            role_title=title,
            order=order,
        )
    january = services.create_meeting(committee, dt.date(2019, 1, 22), dt.time(10))
    minutes_services.start_minutes(january)  # minutes 1 to 3 of 2018-19
    clerk = get_user_model().objects.create_user(
        "clerk", password="minutebook-demo", first_name="Tina", last_name="Gould"
    )
    clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    return people


def create_meeting(page, base: str, day: str) -> None:
    page.goto(f"{base}/manage/")
    page.get_by_role(
        "link", name="Create a meeting of the Safe and Strong Communities Select Committee"
    ).click()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Venue").fill("Oak Room, County Buildings, Stafford")
    page.get_by_label("Webcast link").fill("https://webcasts.example.gov.uk/ssc")
    page.get_by_role("button", name="Create meeting").click()


def test_a_clerk_runs_a_meeting_from_agenda_to_confirmed_minutes(live_server, page, council_year):
    base = live_server.url
    # Sign in, and land in the workspace.
    page.goto(f"{base}/manage/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/manage/"))
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill("minutebook-demo")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()

    # Create the March meeting: the standard items are there and numbered.
    create_meeting(page, base, "2019-03-04")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda: Monday 4 March 2019")
    agenda = page.locator("#agenda")
    expect(agenda.locator(".agenda-item__title")).to_have_text(
        [
            "1. Apologies",
            "2. Declarations of Interest",
            "3. Minutes of the meeting held on 22 January 2019",
            "4. Work Programme",
            "5. Exclusion of the Public",
        ]
    )
    expect(agenda.locator(".nil")).to_have_text("nil")
    march = Meeting.objects.get(date=dt.date(2019, 3, 4))

    # Add an item with HTMX: no page load, the agenda renumbers, the form clears.
    page.evaluate("window.stillThisPage = true")
    page.locator("#new-title").fill("Prevent")
    page.locator("#new-report_of").fill("Cabinet Member for Communities")
    page.get_by_role("button", name="Add item").click()
    expect(agenda.locator(".agenda-item__title").nth(3)).to_have_text("4. Prevent")
    expect(agenda.locator(".agenda-item__title").nth(4)).to_have_text("5. Work Programme")
    expect(agenda).to_contain_text("Report of the Cabinet Member for Communities")
    expect(page.locator("#new-title")).to_have_value("")
    assert page.evaluate("window.stillThisPage") is True

    # Attach the report as a PDF.
    page.get_by_role("link", name="Report for item 4").click()
    page.get_by_label("Report (PDF)").set_input_files(
        {"name": "prevent.pdf", "mimeType": "application/pdf", "buffer": report_pdf()}
    )
    page.get_by_role("button", name="Upload report").click()
    expect(page.locator(".messages")).to_contain_text("PDF report attached to item 4.")
    report = Report.objects.get(agenda_item__meeting=march)
    with report.file.open("rb") as stored:
        assert len(PdfReader(stored).pages) == 3
    page.get_by_role("link", name="Back to the agenda").click()
    expect(page.locator("#agenda")).to_contain_text("PDF report attached")

    # Attendance from the membership: Ann Beech sent apologies; John Francis chaired.
    page.get_by_role("link", name="Attendance", exact=True).click()
    page.get_by_label("Attendance of Ann Beech").select_option("apologies")
    page.get_by_label("Chair of the meeting").select_option(label="John Francis")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".messages")).to_contain_text("Attendance saved.")
    statuses = {a.person.name: a.status for a in march.attendances.all()}
    assert statuses == {
        "John Francis": Attendance.Status.PRESENT,
        "Ann Beech": Attendance.Status.APOLOGIES,
        "Trevor Johnson": Attendance.Status.PRESENT,
    }
    assert march.attendances.get(is_chair=True).person.name == "John Francis"

    # A declaration of interest in item 4 (recorded with HTMX).
    page.get_by_role("link", name="Declarations", exact=True).click()
    page.get_by_label("Member").select_option(label="Trevor Johnson")
    page.get_by_label("Agenda item").select_option(label="4. Prevent")
    page.get_by_label("Interest declared").fill("He is a governor of a school in the pilot")
    page.get_by_role("button", name="Record declaration").click()
    expect(page.locator("#declarations table")).to_contain_text("Trevor Johnson")
    expect(page.locator("#declarations table")).to_contain_text("4. Prevent")

    # Minutes: drafted from the agenda, numbered on from January's 1-3.
    page.get_by_role("link", name="Minutes", exact=True).click()
    page.get_by_role("button", name="Draft minutes from the agenda").click()
    titles = page.locator(".minute__title")
    expect(titles).to_have_text(
        [
            "4. Declarations of Interest",
            "5. Minutes of the meeting held on 22 January 2019",
            "6. Prevent",
            "7. Work Programme",
        ]
    )
    expect(page.locator("#main")).to_contain_text(
        "Trevor Johnson declared an interest in item 4 (Prevent): He is a governor"
    )

    # Write minute 6 with RESOLVED a) and b), edited in place.
    prevent = Minutes.objects.get(meeting=march).items.get(title="Prevent")
    page.get_by_role("link", name="Edit minute 6").click()
    form = page.locator(f"#minute-{prevent.pk} form")
    form.get_by_label("Minute").fill("The Select Committee were informed of the Prevent Board.")
    form.get_by_label("RESOLVED").fill(
        "That:\na) the ongoing work around Prevent be noted; and\n"
        "b) an update report be brought in 12 months time."
    )
    form.get_by_role("button", name="Save minute").click()
    minute = page.locator(f"#minute-{prevent.pk}")
    expect(minute.locator(".clauses li")).to_have_text(
        [
            "a) the ongoing work around Prevent be noted; and",
            "b) an update report be brought in 12 months time.",
        ]
    )
    assert [(r.label, r.text[:20]) for r in prevent.resolutions.all()] == [
        ("a", "the ongoing work aro"),
        ("b", "an update report be "),
    ]

    # The next meeting confirms March's minutes under its own "Minutes of ..." item.
    create_meeting(page, base, "2019-04-15")
    expect(page.locator("#agenda")).to_contain_text(
        "3. Minutes of the meeting held on 4 March 2019"
    )
    page.get_by_role("link", name="Minutes", exact=True).click()
    page.get_by_role("button", name="Draft minutes from the agenda").click()
    expect(page.locator(".minute__title").first).to_have_text("8. Declarations of Interest")
    page.get_by_role("link", name="Resolve to confirm the minutes of 4 March 2019").click()
    expect(page.get_by_label("Resolution")).to_have_value(
        "That the minutes of the meeting held on 4 March 2019 be confirmed and signed by "
        "the Chairman."
    )
    page.get_by_role("button", name="Confirm the minutes").click()
    expect(page.locator(".messages")).to_contain_text(
        "The minutes of the meeting held on 4 March 2019 are confirmed."
    )

    march_minutes = Minutes.objects.get(meeting=march)
    april = Meeting.objects.get(date=dt.date(2019, 4, 15))
    assert (march_minutes.status, march_minutes.confirmed_at) == (Minutes.Status.CONFIRMED, april)
    march.refresh_from_db()
    assert march.status == Meeting.Status.MINUTES_CONFIRMED
    # January's minutes were never confirmed: still draft.
    assert Minutes.objects.get(meeting__date=dt.date(2019, 1, 22)).status == Minutes.Status.DRAFT

    # March's minutes now say so and offer no edits.
    page.goto(f"{base}/manage/meetings/{march.pk}/minutes/")
    expect(page.locator(".status-line")).to_contain_text(
        "Confirmed at the meeting on Monday 15 April 2019"
    )
    expect(page.get_by_role("link", name=re.compile(r"^Edit minute"))).to_have_count(0)
