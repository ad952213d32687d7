"""The clerk's workspace through its forms: what a clerk posts, and what the records become."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from minutebook.committees.models import Membership
from minutebook.meetings import services
from minutebook.meetings.models import AgendaItem, Attendance, Meeting, Part
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.reports.models import Report

Standard = AgendaItem.Standard
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def january(committee):
    return services.create_meeting(committee, dt.date(2019, 1, 22), dt.time(10))


def agenda_titles(meeting):
    return [(i.number, i.title) for i in services.ordered_agenda(meeting)]


def pdf_bytes(pages: int = 2) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for n in range(pages):
        pdf.drawString(72, 720, f"Prevent: page {n + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_creating_a_meeting_through_the_form(clerk_client, committee, january):
    url = reverse("manage:meeting_create", args=[committee.pk])
    assert "Create a meeting" in clerk_client.get(url).content.decode()
    response = clerk_client.post(
        url,
        {
            "date": "2019-03-04",
            "start_time": "10:00",
            "venue": "Oak Room, County Buildings, Stafford",
            "webcast_url": "webcasts.example.gov.uk/ssc/2019-03-04",
        },
    )
    meeting = Meeting.objects.get(date=dt.date(2019, 3, 4))
    assert response.status_code == 302
    assert response["Location"] == reverse("manage:meeting", args=[meeting.pk])
    assert meeting.start_time == dt.time(10)
    assert meeting.webcast_url == "https://webcasts.example.gov.uk/ssc/2019-03-04"
    page = clerk_client.get(response["Location"]).content.decode()
    assert "Monday 4 March 2019" in page
    assert "Minutes of the meeting held on 22 January 2019" in page
    assert "10.00 am" in page
    assert '<p class="nil">nil</p>' in page


def test_a_second_meeting_on_the_same_day_is_refused_with_an_error_summary(
    clerk_client, committee, january
):
    response = clerk_client.post(
        reverse("manage:meeting_create", args=[committee.pk]), {"date": "2019-01-22"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_date"' in page
    assert "already meets on Tuesday 22 January 2019" in page
    assert Meeting.objects.count() == 1


def test_adding_an_item_with_htmx_returns_the_renumbered_agenda(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    response = clerk_client.post(
        reverse("manage:item_add", args=[meeting.pk]),
        {"title": "Prevent", "report_of": "Cabinet Member for Communities", "part": "1"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#agenda"
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="agenda"')
    assert "Report of the Cabinet Member for Communities" in page
    assert "Added item 4: Prevent." in page
    assert agenda_titles(meeting)[3:5] == [("4", "Prevent"), ("5", "Work Programme")]


def test_a_part_two_item_without_paragraphs_is_refused(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    url = reverse("manage:item_add", args=[meeting.pk])
    response = clerk_client.post(url, {"title": "Staffing", "part": "2"}, **HTMX)
    assert response.status_code == 422
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#new-paragraphs"' in page
    assert not meeting.agenda_items.filter(title="Staffing").exists()
    response = clerk_client.post(
        url, {"title": "Staffing", "part": "2", "paragraphs": ["1", "4"]}, **HTMX
    )
    item = meeting.agenda_items.get(title="Staffing")
    assert (item.number, item.part) == ("6", Part.TWO)
    assert "Schedule 12A paragraphs 1, 4" in response.content.decode()


def test_editing_moving_and_removing_items(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    dhr = services.add_item(meeting, "Domestic Homicide Reviews")
    prevent = services.add_item(meeting, "Prevent")
    form = clerk_client.get(reverse("manage:item_edit", args=[prevent.pk]), **HTMX)
    assert 'value="Prevent"' in form.content.decode()
    clerk_client.post(
        reverse("manage:item_edit", args=[prevent.pk]),
        {"title": "Prevent Duty", "part": "1", "report_of": "Scrutiny and Support Manager"},
    )
    # Without HTMX: a redirect back to the agenda.
    response = clerk_client.post(reverse("manage:item_move", args=[prevent.pk, "up"]))
    assert response.status_code == 302
    assert agenda_titles(meeting)[3:5] == [
        ("4", "Prevent Duty"),
        ("5", "Domestic Homicide Reviews"),
    ]
    response = clerk_client.post(reverse("manage:item_move", args=[dhr.pk, "down"]), **HTMX)
    assert "it is now item 6." in response.content.decode()
    assert agenda_titles(meeting)[4:6] == [
        ("5", "Work Programme"),
        ("6", "Domestic Homicide Reviews"),
    ]
    # Nothing but the exclusion follows it in Part One, and items never cross that.
    response = clerk_client.post(reverse("manage:item_move", args=[dhr.pk, "down"]), **HTMX)
    page = response.content.decode()
    assert "already the last it can be" in page
    # Focus stays on the button the clerk pressed.
    assert (
        f'id="move-down-{dhr.pk}" aria-label="Move Domestic Homicide Reviews down" autofocus'
        in page
    )
    clerk_client.post(reverse("manage:item_delete", args=[prevent.pk]), **HTMX)
    after = [("4", "Work Programme"), ("5", "Domestic Homicide Reviews")]
    assert agenda_titles(meeting)[3:5] == after
    clerk_client.post(reverse("manage:item_move", args=[dhr.pk, "sideways"]))
    assert agenda_titles(meeting)[3:5] == after


def test_sub_items_through_the_form(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    visits = services.add_item(meeting, "Children's Centre Visits")
    clerk_client.post(
        reverse("manage:subitem_add", args=[meeting.pk, visits.pk]),
        {
            "title": "0-19 Health Visiting Contract",
            "report_of": "Presentation by Kate Cox, Lead Manager",
            "part": "1",
        },
    )
    sub = visits.subitems.get()
    assert (sub.number, sub.parent, sub.report_of) == (
        "a",
        visits,
        "Presentation by Kate Cox, Lead Manager",
    )


def test_uploading_a_pdf_report_and_refusing_a_disguised_file(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    item = services.add_item(meeting, "Prevent")
    url = reverse("manage:item_report", args=[item.pk])
    bad = clerk_client.post(
        url,
        {"action": "upload", "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert bad.status_code == 422
    assert "must be a PDF" in bad.content.decode()
    assert not Report.objects.exists()
    good = clerk_client.post(
        url,
        {
            "action": "upload",
            "file": SimpleUploadedFile("prevent.pdf", pdf_bytes(3), "application/pdf"),
        },
    )
    assert good.status_code == 302
    report = Report.objects.get()
    assert report.agenda_item == item
    assert report.file.read().startswith(b"%PDF-")
    # The report page links the file through the access-checked download, not storage.
    download = reverse("files:report", args=[report.pk])
    assert download in clerk_client.get(url).content.decode()
    fetched = clerk_client.get(download)
    assert fetched.status_code == 200
    body = b"".join(fetched.streaming_content) if fetched.streaming else fetched.content
    assert body.startswith(b"%PDF-")
    assert (
        "PDF report attached"
        in clerk_client.get(reverse("manage:meeting", args=[meeting.pk])).content.decode()
    )


def test_writing_a_report_in_the_template(clerk_client, committee, january):
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    item = services.add_item(meeting, "Prevent")
    clerk_client.post(
        reverse("manage:item_report", args=[item.pk]),
        {
            "action": "write",
            "title": "Prevent",
            "report_of": "Cllr Gill Heath, Cabinet Member for Communities",
            "recommendations": "That the work be noted.\nThat an update come in 12 months.",
            "summary": "Members are asked to note progress.",
            "body": "In Staffordshire the implementation of Prevent ...",
            "contact_name": "Tina Gould",
            "contact_job_title": "Scrutiny and Support Manager",
            "contact_email": "tina.gould@example.gov.uk",
        },
    )
    report = Report.objects.get()
    assert report.report_of == "Cllr Gill Heath, Cabinet Member for Communities"
    assert report.recommendations.count() == 2
    assert report.contact_officers.get().email == "tina.gould@example.gov.uk"
    clerk_client.post(
        reverse("manage:item_report", args=[item.pk]),
        {
            "action": "appendix",
            "appendix_title": "Appendix A - Delivery Plan",
            "appendix_part": "1",
            "appendix_file": SimpleUploadedFile("a.pdf", pdf_bytes(1)),
        },
    )
    assert report.appendices.get().title == "Appendix A - Delivery Plan"


@pytest.fixture
def seats(committee, make_person):
    people = []
    for order, (name, role, title) in enumerate(
        [
            ("John Francis", Membership.Role.CHAIR, "Chairman"),
            ("Ann Beech", Membership.Role.MEMBER, ""),
            ("Trevor Johnson", Membership.Role.MEMBER, ""),
        ]
    ):
        person = make_person(name)
        Membership.objects.create(
            committee=committee,
            person=person,
            municipal_year=2018,
            role=role,
            role_title=title,
            order=order,
        )
        people.append(person)
    return people


def test_recording_attendance_through_the_form(
    clerk_client, committee, january, seats, make_person
):
    john, ann, trevor = seats
    sub = make_person("Mike Davies")
    gill = make_person("Gill Heath")
    url = reverse("manage:attendance", args=[january.pk])
    page = clerk_client.get(url).content.decode()
    assert (
        f'<label for="id_status_{ann.pk}" class="visually-hidden">Attendance of Ann Beech' in page
    )
    # A substitute must be named.
    response = clerk_client.post(
        url,
        {
            f"status_{john.pk}": "present",
            f"status_{ann.pk}": "apologies",
            f"status_{trevor.pk}": "substitute",
            "chair": str(john.pk),
        },
    )
    assert response.status_code == 422
    assert "Choose who substituted for Trevor Johnson" in response.content.decode()
    clerk_client.post(
        url,
        {
            f"status_{john.pk}": "present",
            f"status_{ann.pk}": "apologies",
            f"status_{trevor.pk}": "substitute",
            f"substitute_{trevor.pk}": str(sub.pk),
            "chair": str(john.pk),
        },
    )
    clerk_client.post(url, {"action": "also", "person": str(gill.pk), "role": "Cabinet Member"})
    rows = {a.person.name: (a.status, a.is_chair) for a in january.attendances.all()}
    assert rows == {
        "John Francis": (Attendance.Status.PRESENT, True),
        "Ann Beech": (Attendance.Status.APOLOGIES, False),
        "Trevor Johnson": (Attendance.Status.APOLOGIES, False),
        "Mike Davies": (Attendance.Status.SUBSTITUTE, False),
        "Gill Heath": (Attendance.Status.IN_ATTENDANCE, False),
    }
    # Saving again keeps the also-in-attendance row and shows the substitute selected.
    page = clerk_client.get(url).content.decode()
    assert f'<option value="{sub.pk}" selected>Mike Davies</option>' in page
    assert "Gill Heath, Cabinet Member" in page
    # Nobody chairs from the apologies list.
    response = clerk_client.post(
        url,
        {
            f"status_{john.pk}": "apologies",
            f"status_{ann.pk}": "present",
            f"status_{trevor.pk}": "present",
            "chair": str(john.pk),
        },
    )
    assert response.status_code == 422
    assert january.attendances.get(person=john).is_chair


def test_declarations_with_htmx(clerk_client, committee, january, seats):
    john, ann, _ = seats
    item = services.add_item(january, "Prevent")
    url = reverse("manage:declarations", args=[january.pk])
    response = clerk_client.post(
        url,
        {
            "person": str(ann.pk),
            "agenda_item": str(item.pk),
            "nature": "other_registrable",
            "description": "Governor of a school visited by Prevent officers",
        },
        **HTMX,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="declarations">')
    assert "Declaration by Ann Beech recorded." in page
    declaration = january.declarations.get()
    assert (declaration.person, declaration.agenda_item) == (ann, item)
    response = clerk_client.post(url, {"person": str(john.pk), "description": " "}, **HTMX)
    assert response.status_code == 422
    assert january.declarations.count() == 1
    clerk_client.post(reverse("manage:declaration_delete", args=[declaration.pk]), **HTMX)
    assert not january.declarations.exists()


def test_minutes_through_the_forms_and_confirmation(clerk_client, committee, january, seats):
    john = seats[0]
    march = services.create_meeting(committee, dt.date(2019, 3, 4))
    services.add_item(march, "Prevent")
    clerk_client.post(reverse("manage:minutes_start", args=[january.pk]))
    clerk_client.post(reverse("manage:minutes_start", args=[march.pk]))
    march_minutes = Minutes.objects.get(meeting=march)
    assert [i.number_label for i in march_minutes.items.order_by("order")] == [
        "4",
        "5",
        "6",
        "7",
    ]
    prevent = march_minutes.items.get(title="Prevent")
    response = clerk_client.post(
        reverse("manage:minute_edit", args=[prevent.pk]),
        {
            "title": "Prevent",
            "part": "1",
            "narrative": "In Staffordshire the implementation of Prevent was overseen ...",
            "resolutions": "That:\na) the ongoing work be noted; and\nb) an update report be brought in 12 months.",
        },
        **HTMX,
    )
    assert response["HX-Retarget"] == f"#minute-{prevent.pk}"
    page = response.content.decode()
    assert "<strong>RESOLVED</strong> \u2013 That:" in page
    assert '<span class="clause-label">b)</span> an update report' in page
    assert [(r.label, r.text) for r in prevent.resolutions.all()] == [
        ("a", "the ongoing work be noted; and"),
        ("b", "an update report be brought in 12 months."),
    ]
    # Confirm January's minutes under March's minute 5.
    march.chair = john
    march.save()
    minute = march_minutes.items.get(agenda_item__standard=Standard.MINUTES)
    confirm_url = reverse("manage:minute_confirm", args=[minute.pk])
    minutes_page = clerk_client.get(reverse("manage:minutes", args=[march.pk])).content.decode()
    assert confirm_url in minutes_page
    form = clerk_client.get(confirm_url).content.decode()
    assert "That the minutes of the meeting held on 22 January 2019 be confirmed" in form
    response = clerk_client.post(
        confirm_url,
        {
            "resolution": "That the minutes of the meeting held on 22 January 2019 be confirmed "
            "and signed by the Chairman."
        },
    )
    assert response.status_code == 302
    jan_minutes = Minutes.objects.get(meeting=january)
    assert (jan_minutes.status, jan_minutes.confirmed_at, jan_minutes.signed_by) == (
        Minutes.Status.CONFIRMED,
        march,
        john,
    )
    page = clerk_client.get(reverse("manage:minutes", args=[january.pk])).content.decode()
    assert "Confirmed</strong> at the meeting on Monday 4 March 2019" in page
    assert reverse("manage:minute_edit", args=[jan_minutes.items.first().pk]) not in page
    # A confirmed minute refuses an edit posted anyway.
    first = jan_minutes.items.first()
    response = clerk_client.post(
        reverse("manage:minute_edit", args=[first.pk]), {"title": "Changed", "part": "1"}
    )
    assert response.status_code == 422
    first.refresh_from_db()
    assert first.title != "Changed"


def test_numbering_across_the_may_boundary_through_the_forms(clerk_client, committee, january):
    """2018-19 runs to 22 May 2019 for this council; numbers restart at its next meeting."""
    may = services.create_meeting(committee, dt.date(2019, 5, 22))
    june = services.create_meeting(committee, dt.date(2019, 6, 4))
    for meeting in (january, may, june):
        clerk_client.post(reverse("manage:minutes_start", args=[meeting.pk]))
    labels = {
        m.date: [i.number_label for i in MinuteItem.objects.filter(minutes__meeting=m)]
        for m in (january, may, june)
    }
    assert labels == {
        dt.date(2019, 1, 22): ["1", "2", "3"],
        dt.date(2019, 5, 22): ["4", "5", "6"],
        dt.date(2019, 6, 4): ["1", "2", "3"],
    }
    response = clerk_client.post(
        reverse("manage:minute_add", args=[june.pk]),
        {"title": "Urgent business", "part": "1", "resolutions": "That it be noted."},
    )
    assert response.status_code == 302
    assert june.minutes.items.get(title="Urgent business").number_label == "4"


def test_the_publish_button_publishes_the_agenda_pack(clerk_client, committee, january):
    from minutebook.documents.models import PublishedDocument

    response = clerk_client.post(
        reverse("manage:publish_agenda", args=[january.pk]),
        {"changes": "First publication."},
        follow=True,
    )
    text = response.content.decode()
    assert "Agenda pack published (version 1)." in text
    docs = PublishedDocument.objects.filter(meeting=january)
    assert docs.exists()
    assert {d.changes for d in docs} == {"First publication."}
    assert f"v1, {docs.first().get_audience_display()}" in text


def test_publishing_a_late_report_says_a_supplement_went_out(clerk_client, committee, january):
    from minutebook.documents.models import PublishedDocument

    url = reverse("manage:publish_agenda", args=[january.pk])
    clerk_client.post(url, {"changes": ""})
    item = services.add_item(january, "Late item")
    services.write_report(item, title="Late item", summary="Arrived after the agenda.")
    text = clerk_client.post(url, {"changes": ""}, follow=True).content.decode()
    assert "with a supplementary agenda of the new and revised papers" in text
    assert PublishedDocument.objects.filter(meeting=january, kind="supplement").count() == 2


def test_a_clerk_cancels_a_meeting_and_the_public_page_and_calendar_say_so(
    clerk_client, client, january
):
    response = clerk_client.post(
        reverse("manage:meeting_cancel", args=[january.pk]),
        {"reason": "Business deferred to the March meeting."},
        follow=True,
    )
    assert "is cancelled" in response.content.decode()
    public = client.get(f"/meetings/{january.pk}/").content.decode()
    assert "This meeting was cancelled. Business deferred to the March meeting." in public
    calendar = client.get(f"/feeds/meetings/{january.pk}.ics").content.decode()
    assert "STATUS:CANCELLED" in calendar
    clerk_client.post(reverse("manage:meeting_reinstate", args=[january.pk]))
    assert (
        "This meeting was cancelled" not in client.get(f"/meetings/{january.pk}/").content.decode()
    )
