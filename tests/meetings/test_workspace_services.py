"""The clerk's workspace services: creating meetings and building agendas."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from minutebook.committees.models import Committee, Membership
from minutebook.meetings import services
from minutebook.meetings.models import AgendaItem, Attendance, Meeting, Part
from minutebook.meetings.services import WorkspaceError
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem

Standard = AgendaItem.Standard


def agenda(meeting: Meeting) -> list[tuple[str, str]]:
    """(number, title) of every item, sub-items as "7(a)", in printed order."""
    rows = []
    for item in services.ordered_agenda(meeting):
        rows.append((item.number, item.title))
        rows += [(f"{item.number}({c.number})", c.title) for c in item.children]
    return rows


@pytest.fixture
def january(committee) -> Meeting:
    return services.create_meeting(committee, dt.date(2019, 1, 22), dt.time(10), "Oak Room")


@pytest.fixture
def march(committee, january) -> Meeting:
    return services.create_meeting(committee, dt.date(2019, 3, 4), dt.time(10), "Oak Room")


def test_a_new_meeting_has_the_standard_items_numbered(march):
    assert agenda(march) == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the meeting held on 22 January 2019"),
        ("4", "Work Programme"),
        ("5", "Exclusion of the Public"),
    ]
    assert [i.standard for i in services.ordered_agenda(march)] == [
        Standard.APOLOGIES,
        Standard.DECLARATIONS,
        Standard.MINUTES,
        Standard.WORK_PROGRAMME,
        Standard.EXCLUSION,
    ]


def test_the_minutes_item_links_the_previous_meeting_not_a_later_or_cancelled_one(
    committee, january
):
    cancelled = services.create_meeting(committee, dt.date(2019, 2, 12))
    cancelled.status = Meeting.Status.CANCELLED
    cancelled.save()
    services.create_meeting(committee, dt.date(2019, 6, 1))  # later: irrelevant
    march = services.create_meeting(committee, dt.date(2019, 3, 4))
    item = march.agenda_items.get(standard=Standard.MINUTES)
    assert item.minutes_of == january
    assert item.title == "Minutes of the meeting held on 22 January 2019"


def test_a_committee_first_meeting_has_no_previous_minutes(committee):
    first = services.create_meeting(committee, dt.date(2019, 1, 22))
    item = first.agenda_items.get(standard=Standard.MINUTES)
    assert item.minutes_of is None
    assert item.title == "Minutes of the previous meeting"


def test_a_renamed_committee_confirms_its_predecessor_minutes(committee, council):
    last = services.create_meeting(committee, dt.date(2021, 3, 1))
    renamed = Committee.objects.create(
        council=council, name="Safeguarding Overview & Scrutiny Committee", predecessor=committee
    )
    first = services.create_meeting(renamed, dt.date(2021, 6, 14))
    assert first.agenda_items.get(standard=Standard.MINUTES).minutes_of == last


def test_moving_the_date_relinks_the_minutes_item(committee, january):
    december = services.create_meeting(committee, dt.date(2018, 12, 11))
    march = services.create_meeting(committee, dt.date(2019, 3, 4))
    services.update_meeting(march, date=dt.date(2019, 1, 8))
    item = march.agenda_items.get(standard=Standard.MINUTES)
    assert item.minutes_of == december
    assert item.title == "Minutes of the meeting held on 11 December 2018"


def test_venue_defaults_to_the_committee_and_the_chair_to_the_year_chair(committee, make_person):
    committee.default_venue = "Oak Room, County Buildings, Stafford"
    committee.save()
    john = make_person("John Francis")
    Membership.objects.create(
        committee=committee, person=john, municipal_year=2018, role=Membership.Role.CHAIR
    )
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    assert meeting.venue == "Oak Room, County Buildings, Stafford"
    assert meeting.chair == john


def test_new_part_one_items_go_before_the_work_programme(march):
    services.add_item(
        march, "Domestic Homicide Reviews", report_of="Cabinet Member for Communities"
    )
    services.add_item(march, "Prevent")
    assert agenda(march)[3:] == [
        ("4", "Domestic Homicide Reviews"),
        ("5", "Prevent"),
        ("6", "Work Programme"),
        ("7", "Exclusion of the Public"),
    ]


def test_part_two_items_follow_the_exclusion_and_need_paragraphs(march):
    with pytest.raises(WorkspaceError):
        services.add_item(march, "Staffing", part=Part.TWO)
    staffing = services.add_item(march, "Staffing", part=Part.TWO, paragraphs=[1, 4])
    services.add_item(march, "Prevent")
    assert agenda(march)[-4:] == [
        ("4", "Prevent"),
        ("5", "Work Programme"),
        ("6", "Exclusion of the Public"),
        ("7", "Staffing"),
    ]
    assert sorted(p.number for p in staffing.exempt_paragraphs.all()) == [1, 4]


def test_a_council_in_wales_uses_paragraphs_12_to_18(march):
    council = march.committee.council
    council.country = council.Country.WALES
    council.save()
    with pytest.raises(WorkspaceError, match="numbered 12 to 18; 3 is not"):
        services.add_item(march, "Contract award", part=Part.TWO, paragraphs=[3])
    item = services.add_item(march, "Contract award", part=Part.TWO, paragraphs=[14])
    assert [p.number for p in item.exempt_paragraphs.all()] == [14]
    with pytest.raises(WorkspaceError, match="England"):
        council.country = council.Country.ENGLAND
        council.save()
        services.update_item(item, title=item.title, part=Part.TWO, paragraphs=[14, 15])


def test_the_agenda_form_offers_the_councils_own_paragraphs(march):
    from minutebook.meetings.forms import AgendaItemForm

    offered = AgendaItemForm(meeting=march).fields["paragraphs"].queryset
    assert [p.number for p in offered] == [1, 2, 3, 4, 5, 6, 7]
    march.committee.council.country = "wales"
    offered = AgendaItemForm(meeting=march).fields["paragraphs"].queryset
    assert [p.number for p in offered] == [12, 13, 14, 15, 16, 17, 18]


def test_marking_an_item_part_two_moves_it_below_the_exclusion(march):
    item = services.add_item(march, "Youth Offending Service Review")
    sub = services.add_item(march, "Staff structure", parent=item)
    services.update_item(item, title=item.title, part=Part.TWO, paragraphs=[4])
    assert agenda(march)[-3:] == [
        ("5", "Exclusion of the Public"),
        ("6", "Youth Offending Service Review"),
        ("6(a)", "Staff structure"),
    ]
    sub.refresh_from_db()
    assert sub.part == Part.TWO
    assert [p.number for p in sub.exempt_paragraphs.all()] == [4]
    # And back again: into Part One, where a new item goes (before the Work Programme).
    services.update_item(item, title=item.title, part=Part.ONE)
    assert agenda(march)[3:6] == [
        ("4", "Youth Offending Service Review"),
        ("4(a)", "Staff structure"),
        ("5", "Work Programme"),
    ]
    assert not item.exempt_paragraphs.exists()


def test_the_exclusion_item_cannot_be_part_two(march):
    exclusion = march.agenda_items.get(standard=Standard.EXCLUSION)
    with pytest.raises(WorkspaceError):
        services.update_item(exclusion, title=exclusion.title, part=Part.TWO, paragraphs=[1])


def test_sub_items_are_lettered_and_renumbered_after_removal(march):
    item = services.add_item(march, "Children's Centre Visits")
    a = services.add_item(march, "0-19 Health Visiting Contract", parent=item)
    services.add_item(march, "Wi-Fi in Centres", parent=item)
    services.add_item(march, "Early Years Strategy", parent=item)
    assert [n for n, _ in agenda(march)[4:7]] == ["4(a)", "4(b)", "4(c)"]
    services.remove_item(a)
    assert agenda(march)[4:6] == [("4(a)", "Wi-Fi in Centres"), ("4(b)", "Early Years Strategy")]


def test_a_sub_item_cannot_have_sub_items(march):
    item = services.add_item(march, "Children's Centre Visits")
    a = services.add_item(march, "0-19 Health Visiting Contract", parent=item)
    with pytest.raises(WorkspaceError):
        services.add_item(march, "Deeper", parent=a)


def test_moving_items_up_and_down_renumbers(march):
    dhr = services.add_item(march, "Domestic Homicide Reviews")
    prevent = services.add_item(march, "Prevent")
    assert services.move_item(prevent, "up") is True
    assert agenda(march)[3:5] == [("4", "Prevent"), ("5", "Domestic Homicide Reviews")]
    dhr.refresh_from_db()
    assert dhr.number == "5"
    # Sub-items move within their item and keep their parent's number.
    a = services.add_item(march, "first", parent=prevent)
    b = services.add_item(march, "second", parent=prevent)
    assert services.move_item(b, "up") is True
    assert agenda(march)[4:6] == [("4(a)", "second"), ("4(b)", "first")]
    assert services.move_item(a, "down") is False


def test_items_do_not_cross_the_exclusion_of_the_public(march):
    exclusion = march.agenda_items.get(standard=Standard.EXCLUSION)
    work = march.agenda_items.get(standard=Standard.WORK_PROGRAMME)
    assert services.move_item(work, "down") is False
    exempt = services.add_item(march, "Contract", part=Part.TWO, paragraphs=[3])
    assert services.move_item(exempt, "up") is False
    assert services.move_item(exclusion, "up") is False
    assert agenda(march)[-2:] == [("5", "Exclusion of the Public"), ("6", "Contract")]


def test_a_minuted_item_cannot_be_removed(march):
    from minutebook.minutes import services as minutes_services

    prevent = services.add_item(march, "Prevent")
    minutes_services.start_minutes(march)
    with pytest.raises(WorkspaceError):
        services.remove_item(prevent)


def test_report_line_reads_like_the_front_sheet(march):
    item = services.add_item(march, "Prevent", report_of="Cabinet Member for Communities")
    assert item.report_line == "Report of the Cabinet Member for Communities"
    item.report_of = "Presentation by Kate Cox, Lead Manager"
    assert item.report_line == "Presentation by Kate Cox, Lead Manager"
    item.report_of = "Cllr Gill Heath, Cabinet Member for Communities"
    assert item.report_line == "Report of Cllr Gill Heath, Cabinet Member for Communities"


def test_a_pdf_report_is_attached_and_a_non_pdf_refused(march):
    item = services.add_item(march, "Prevent", part=Part.TWO, paragraphs=[7])
    with pytest.raises(ValidationError):
        services.attach_report_pdf(item, SimpleUploadedFile("r.pdf", b"<html>not a pdf"))
    report = services.attach_report_pdf(
        item, SimpleUploadedFile("prevent.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    )
    assert report.file.read().startswith(b"%PDF-")
    assert (report.agenda_item, report.meeting, report.part) == (item, march, Part.TWO)
    assert [p.number for p in report.exempt_paragraphs.all()] == [7]


def test_a_report_written_in_the_template(march):
    item = services.add_item(march, "Prevent")
    report = services.write_report(
        item,
        recommendations=["That the work be noted.", "", "That an update come in 12 months."],
        contact=services.ContactDetails("Tina Gould", "Scrutiny and Support Manager", "01785"),
        title="Prevent",
        summary="Members are asked to note progress.",
        body="In Staffordshire ...",
    )
    assert [r.text for r in report.recommendations.all()] == [
        "That the work be noted.",
        "That an update come in 12 months.",
    ]
    assert report.contact_officers.get().name == "Tina Gould"
    again = services.write_report(item, recommendations=["Only one."], title="Prevent")
    assert again.pk == report.pk
    assert report.recommendations.count() == 1


def test_pulling_from_the_work_programme(committee, march):
    programme = WorkProgramme.objects.create(committee=committee, municipal_year=2018)
    row = WorkProgrammeItem.objects.create(
        programme=programme, topic="Prevent", planned_date=dt.date(2019, 3, 4)
    )
    elsewhere = WorkProgrammeItem.objects.create(programme=programme, topic="Libraries")
    assert services.work_programme_candidates(march) == [row, elsewhere]
    item = services.pull_from_work_programme(march, row)
    row.refresh_from_db()
    assert (row.agenda_item, row.status, row.planned_meeting) == (
        item,
        WorkProgrammeItem.Status.ON_AGENDA,
        march,
    )
    assert item.number == "4"
    assert services.work_programme_candidates(march) == [elsewhere]
    with pytest.raises(WorkspaceError):
        services.pull_from_work_programme(march, row)
    # Removing the item puts the topic back on the programme.
    services.remove_item(item)
    row.refresh_from_db()
    assert (row.agenda_item, row.status) == (None, WorkProgrammeItem.Status.PLANNED)


def test_another_committees_work_programme_is_refused(council, march):
    other = Committee.objects.create(council=council, name="Audit and Standards Committee")
    programme = WorkProgramme.objects.create(committee=other, municipal_year=2018)
    row = WorkProgrammeItem.objects.create(programme=programme, topic="Risk register")
    with pytest.raises(WorkspaceError):
        services.pull_from_work_programme(march, row)


@pytest.fixture
def seats(committee, make_person):
    people = {}
    for order, (name, role, title) in enumerate(
        [
            ("John Francis", Membership.Role.CHAIR, "Chairman"),
            ("Conor Wileman", Membership.Role.VICE_CHAIR, "Vice-Chairman"),
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
    # Next year's seat is not this year's membership.
    people["New Member"] = make_person("New Member")
    Membership.objects.create(committee=committee, person=people["New Member"], municipal_year=2019)
    return people


def test_attendance_from_the_membership_with_a_substitute_and_the_chair(march, seats, make_person):
    assert [m.person.name for m in services.membership_for(march)] == [
        "John Francis",
        "Conor Wileman",
        "Ann Beech",
        "Trevor Johnson",
    ]
    sub = make_person("Mike Davies")
    gill = make_person("Gill Heath", job_title="Cabinet Member for Communities")
    services.add_in_attendance(march, gill)
    services.record_attendance(
        march,
        [
            services.AttendanceEntry(seats["John Francis"], Attendance.Status.PRESENT, "Chairman"),
            services.AttendanceEntry(seats["Conor Wileman"], Attendance.Status.PRESENT),
            services.AttendanceEntry(seats["Ann Beech"], Attendance.Status.APOLOGIES),
            services.AttendanceEntry(
                seats["Trevor Johnson"], Attendance.Status.SUBSTITUTE, substitute=sub
            ),
        ],
        chair=seats["John Francis"],
    )
    rows = {a.person.name: a for a in march.attendances.all()}
    assert rows["Trevor Johnson"].status == Attendance.Status.APOLOGIES
    assert rows["Mike Davies"].status == Attendance.Status.SUBSTITUTE
    assert rows["Mike Davies"].substitute_for == seats["Trevor Johnson"]
    assert rows["Gill Heath"].status == Attendance.Status.IN_ATTENDANCE
    assert rows["Gill Heath"].role == "Cabinet Member for Communities"
    assert rows["John Francis"].is_chair
    march.refresh_from_db()
    assert march.chair == seats["John Francis"]
    assert march.status == Meeting.Status.HELD


def test_the_chair_must_be_present(march, seats):
    with pytest.raises(WorkspaceError):
        services.record_attendance(
            march,
            [services.AttendanceEntry(seats["John Francis"], Attendance.Status.APOLOGIES)],
            chair=seats["John Francis"],
        )


def test_declarations_belong_to_the_meeting(march, committee, seats):
    other = services.create_meeting(committee, dt.date(2019, 4, 1))
    item = services.add_item(march, "Prevent")
    services.add_declaration(march, seats["Ann Beech"], "Governor of a school", agenda_item=item)
    with pytest.raises(WorkspaceError):
        services.add_declaration(other, seats["Ann Beech"], "Governor", agenda_item=item)
    assert march.declarations.get().agenda_item == item


def test_cancelling_a_meeting_hands_its_minutes_on_and_reinstating_takes_them_back(
    committee, january, march
):
    april = services.create_meeting(committee, dt.date(2019, 4, 10))
    minutes_item = april.agenda_items.get(standard=Standard.MINUTES)
    assert minutes_item.minutes_of == march

    services.cancel_meeting(march, "Not quorate: too few members could attend.")
    march.refresh_from_db()
    assert march.status == Meeting.Status.CANCELLED
    assert march.cancellation_reason == "Not quorate: too few members could attend."
    minutes_item.refresh_from_db()
    assert minutes_item.minutes_of == january
    assert minutes_item.title == "Minutes of the meeting held on 22 January 2019"
    with pytest.raises(WorkspaceError, match="already cancelled"):
        services.cancel_meeting(march)

    services.reinstate_meeting(march)
    march.refresh_from_db()
    assert (march.status, march.cancellation_reason) == (Meeting.Status.SCHEDULED, "")
    minutes_item.refresh_from_db()
    assert minutes_item.minutes_of == march
    assert minutes_item.title == "Minutes of the meeting held on 4 March 2019"


def test_a_meeting_with_minutes_cannot_be_cancelled(january):
    from minutebook.minutes import services as minutes_services

    minutes_services.start_minutes(january)
    with pytest.raises(WorkspaceError, match="has minutes"):
        services.cancel_meeting(january)
    assert Meeting.objects.get(pk=january.pk).status != Meeting.Status.CANCELLED


def test_cancelling_the_last_meeting_before_a_renaming_relinks_the_successors_first(
    committee, january, march
):
    renamed = Committee.objects.create(
        council=committee.council, name="Safeguarding Overview Committee", predecessor=committee
    )
    june = services.create_meeting(renamed, dt.date(2019, 6, 3))
    item = june.agenda_items.get(standard=Standard.MINUTES)
    assert item.minutes_of == march
    services.cancel_meeting(march)
    item.refresh_from_db()
    assert item.minutes_of == january
