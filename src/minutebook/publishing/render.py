"""Models to printable HTML in the council's formats: front sheet, minutes, reports, programme.

Each ``*_context`` function reads the rows once and returns plain values; each ``*_html``
function renders an HTML fragment (for the HTML pack) and ``*_document`` a whole printable
page (for WeasyPrint). ``audience`` is ``"public"`` or ``"members"``: the public version
keeps Part Two titles and paragraph numbers and leaves out everything else about them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from minutebook import wording
from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.models import AgendaItem, Attendance, Meeting, Part, report_of_line
from minutebook.minutes.models import Minutes
from minutebook.reports.models import Report
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem, WorkProgrammeLead

PUBLIC = "public"
MEMBERS = "members"
AUDIENCES = (PUBLIC, MEMBERS)


# ---------------------------------------------------------------------------------------------
# Wording


# "4 March 2019"; the packs and the portal's template tags import it by this name.
plain_date = wording.long_date


def clock(time: dt.time | None) -> str:
    """ "10.00 am", "2.30 pm"."""
    if time is None:
        return ""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def and_list(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def paragraphs_text(numbers: list[int]) -> str:
    """ "paragraph 3", "paragraphs 3 and 4"."""
    words = [str(n) for n in numbers]
    if not words:
        return ""
    return f"paragraph{'s' if len(words) > 1 else ''} {and_list(words)}"


def exempt_line(numbers: list[int]) -> str:
    """What the front sheet prints under a Part Two item."""
    if not numbers:
        return "Exempt: Schedule 12A"
    return f"Exempt: Schedule 12A {paragraphs_text(numbers)}"


def pages_text(pages: tuple[int, int] | None) -> str:
    if not pages:
        return ""
    start, end = pages
    return f"(Page {start})" if start == end else f"(Pages {start} - {end})"


def two_columns(names: list[str]) -> list[tuple[str, str]]:
    """Names down the left column then the right, as membership boxes print them."""
    half = (len(names) + 1) // 2
    return list(itertools.zip_longest(names[:half], names[half:], fillvalue=""))


def committee_noun(committee: Committee) -> str:
    name = committee.name.lower()
    if "select committee" in name:
        return "Select Committee"
    if "panel" in name:
        return "Panel"
    if "board" in name:
        return "Board"
    return "Committee"


def chair_word(committee: Committee, year: int) -> str:
    """ "Chairman" or "Chair", however this committee's chair was styled that year."""
    title = (
        Membership.objects.filter(
            committee=committee, municipal_year=year, role=Membership.Role.CHAIR
        )
        .values_list("role_title", flat=True)
        .first()
    )
    return title.split("(")[0].strip() if title else "Chair"


def _paragraph_numbers(row: Any) -> list[int]:
    return sorted(p.number for p in row.exempt_paragraphs.all())


def _safe(html: str) -> SafeString:
    # Only ever given the output of our own autoescaping templates.
    return mark_safe(html)


# ---------------------------------------------------------------------------------------------
# Front sheet


@dataclass
class ItemRow:
    number: str
    title: str
    pages_text: str = ""
    lines: list[str] = field(default_factory=list)
    exempt_text: str = ""
    motion: bool = False
    subitems: list[ItemRow] = field(default_factory=list)


def top_level_items(meeting: Meeting) -> list[AgendaItem]:
    items = (
        meeting.agenda_items.filter(parent__isnull=True)
        .select_related("presenter")
        .prefetch_related("exempt_paragraphs", "subitems__exempt_paragraphs")
        .order_by("order", "pk")
    )
    return list(items)


def subitems_of(item: AgendaItem) -> list[AgendaItem]:
    return sorted(item.subitems.all(), key=lambda s: (s.order, s.pk))


def _item_row(
    item: AgendaItem,
    audience: str,
    ranges: dict[int, tuple[int, int]] | None,
    exempt_parent: bool = False,
) -> ItemRow:
    exempt = item.part == Part.TWO or exempt_parent
    shows_detail = audience == MEMBERS or not exempt
    pages = ranges.get(item.pk) if ranges is not None else item.pages
    lines: list[str] = []
    if shows_detail:
        if item.report_of:
            lines.append(report_of_line(item.report_of))
        elif item.presenter_id:
            person = item.presenter
            who = ", ".join(x for x in (person.name, person.job_title, person.organisation) if x)
            lines.append(f"Presentation by {who}")
    row = ItemRow(
        number=item.number,
        title=item.title,
        pages_text=pages_text(pages) if shows_detail else "",
        lines=lines,
        exempt_text=exempt_line(_paragraph_numbers(item)) if item.part == Part.TWO else "",
        motion=item.standard == AgendaItem.Standard.EXCLUSION,
    )
    row.subitems = [_item_row(s, audience, ranges, exempt) for s in subitems_of(item)]
    return row


def front_sheet_context(
    meeting: Meeting,
    audience: str = PUBLIC,
    ranges: dict[int, tuple[int, int]] | None = None,
    issued_on: dt.date | None = None,
    items: list[AgendaItem] | None = None,
) -> dict[str, Any]:
    """What the front sheet prints. ``ranges`` maps agenda item ids to page ranges; without
    it the ranges stored on the items (from the last publication) are used."""
    committee = meeting.committee
    items = top_level_items(meeting) if items is None else items
    rows = [_item_row(i, audience, ranges) for i in items]
    issuer_name, _, issuer_title = (meeting.agenda_issued_by or "").partition(",")
    issued = issued_on or meeting.agenda_published_on
    seats = committee.memberships_on(meeting.date).order_by("order", "person__sort_name")
    names = []
    for seat in seats:
        label = seat.person.name
        if seat.role != Membership.Role.MEMBER:
            label += f" ({seat.role_title or seat.get_role_display()})"
        names.append(label)
    return {
        "fs": {
            "audience": audience,
            "committee_name": committee.name,
            "date_text": wording.front_sheet_date(meeting.date),
            "time_text": clock(meeting.start_time),
            "venue": meeting.venue or committee.default_venue,
            "is_special": meeting.is_special,
            "webcast_url": meeting.webcast_url,
            "issuer_name": issuer_name.strip(),
            "issuer_title": issuer_title.strip(),
            "issued_on": wording.long_date(issued) if issued else "",
            "part_one": [r for r, i in zip(rows, items, strict=True) if i.part == Part.ONE],
            "part_two": [r for r, i in zip(rows, items, strict=True) if i.part == Part.TWO],
            "membership_rows": two_columns(names),
            "chair_word": chair_word(committee, meeting.municipal_year),
            "contact_line": contact_line(committee.contact_officer),
        }
    }


def contact_line(officer: Any) -> str:
    """ "Scrutiny and Support Manager: Tina Gould Tel: (01785) 276148", the enquiries line
    at the foot of the council's front sheets; what the officer's record lacks is left out."""
    if officer is None:
        return ""
    line = f"{officer.job_title}: {officer.name}" if officer.job_title else officer.name
    if officer.phone:
        line += f" Tel: {officer.phone}"
    if officer.email:
        line += f" Email: {officer.email}"
    return line


def front_sheet_html(meeting: Meeting, audience: str = PUBLIC, **kwargs: Any) -> SafeString:
    return _safe(
        render_to_string(
            "publishing/_front_sheet.html", front_sheet_context(meeting, audience, **kwargs)
        )
    )


def front_sheet_document(
    meeting: Meeting, audience: str = PUBLIC, footer: bool = False, **kwargs: Any
) -> str:
    context = front_sheet_context(meeting, audience, **kwargs)
    return render_to_string("publishing/front_sheet.html", {**context, "footer": footer})


# ---------------------------------------------------------------------------------------------
# Minutes


def _person_label(attendance: Attendance) -> str:
    label = attendance.person.name
    if attendance.role:
        label += f" ({attendance.role})"
    if attendance.substitute_for_id:
        label += f" (substitute for {attendance.substitute_for.name})"
    return label


def minutes_context(meeting: Meeting, audience: str = PUBLIC, draft: bool = False) -> dict:
    """The minutes of ``meeting`` as the council prints them. Needs ``meeting.minutes``."""
    minutes = Minutes.objects.get(meeting=meeting)  # fresh: callers may hold a stale cache
    word = chair_word(meeting.committee, meeting.municipal_year)
    rows = list(
        meeting.attendances.select_related("person", "substitute_for").order_by(
            "order", "person__sort_name"
        )
    )
    chair = next((a for a in rows if a.is_chair), None)
    present_text = ""
    if chair is not None:
        present_text = f"{chair.person.name} ({chair.role or word})"
    elif meeting.chair_id:
        present_text = f"{meeting.chair.name} ({word})"
    present = [
        _person_label(a)
        for a in rows
        if a is not chair and a.status in (Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE)
    ]

    def names(status: str) -> str:
        return and_list([a.person.name for a in rows if a.status == status])

    items = []
    for item in minutes.items.prefetch_related("resolutions", "exempt_paragraphs").order_by(
        "order", "pk"
    ):
        resolutions = list(item.resolutions.all())
        single = resolutions[0].text if len(resolutions) == 1 and not resolutions[0].label else ""
        clauses = [] if single else [(r.label, r.text) for r in resolutions]
        numbers = _paragraph_numbers(item)
        exempt_text = ""
        if item.part == Part.TWO and numbers:
            exempt_text = f"(exemption paragraph{'s' if len(numbers) > 1 else ''} " + (
                " & ".join(str(n) for n in numbers) + ")"
            )
        items.append(
            {
                "number": item.number_label or (str(item.number) if item.number else ""),
                "title": item.title,
                "part": item.part,
                "exempt_text": exempt_text,
                "visible": audience == MEMBERS or item.part == Part.ONE,
                "narrative": item.narrative,
                "single": single,
                "lead": "That:",
                "clauses": clauses,
            }
        )
    return {
        "mn": {
            "draft": draft,
            "committee_name": meeting.committee.name,
            "date_text": wording.long_date(meeting.date),
            "present_text": present_text,
            "attendance_rows": two_columns(present),
            "also_text": names(Attendance.Status.IN_ATTENDANCE),
            "apologies_text": names(Attendance.Status.APOLOGIES),
            "absent_text": names(Attendance.Status.ABSENT),
            "items_one": [i for i in items if i["part"] == Part.ONE],
            "items_two": [i for i in items if i["part"] == Part.TWO],
            "chair_word": word,
        }
    }


def minutes_html(meeting: Meeting, audience: str = PUBLIC, draft: bool = False) -> SafeString:
    return _safe(
        render_to_string("publishing/_minutes.html", minutes_context(meeting, audience, draft))
    )


# ---------------------------------------------------------------------------------------------
# Reports


def report_context(report: Report, meeting: Meeting, audience: str = PUBLIC) -> dict:
    exempt = report.part == Part.TWO
    numbers = _paragraph_numbers(report)
    report_of = report.report_of
    if not report_of and report.cabinet_member_id:
        report_of = report.cabinet_member.printed_name
    contacts = []
    for officer in report.contact_officers.select_related("person").order_by("order", "pk"):
        person = officer.person
        contacts.append(
            {
                "name": officer.name or (person.name if person else ""),
                "job_title": officer.job_title or (person.job_title if person else ""),
                "phone": officer.phone or (person.phone if person else ""),
                "email": officer.email or (person.email if person else ""),
            }
        )
    appendices = [
        {"title": a.title, "withheld": audience == PUBLIC and a.part == Part.TWO}
        for a in report.appendices.order_by("order", "pk")
    ]
    recommendations = [
        (wording.letter(i), r.text) for i, r in enumerate(report.recommendations.order_by("order"))
    ]
    day = report.meeting_date or meeting.date
    return {
        "rp": {
            "exempt_text": (
                "Not for publication by virtue of "
                f"{paragraphs_text(numbers) or 'a paragraph'} of Part 1 of Schedule 12A "
                "to the Local Government Act 1972"
            )
            if exempt
            else "",
            "local_members_interest": report.local_members_interest,
            "committee_name": meeting.committee.name,
            "committee_noun": committee_noun(meeting.committee),
            "meeting_text": wording.running_header_date(day),
            "title": report.title,
            "recommendations": recommendations,
            "report_line": report_of_line(report_of),
            "summary": report.summary,
            "body": report.body,
            "link_to_strategic_plan": report.link_to_strategic_plan,
            "link_to_other_scrutiny": report.link_to_other_scrutiny,
            "community_impact": report.community_impact,
            "contacts": contacts,
            "appendices": appendices,
        }
    }


def report_html(report: Report, meeting: Meeting, audience: str = PUBLIC) -> SafeString:
    return _safe(
        render_to_string("publishing/_report.html", report_context(report, meeting, audience))
    )


# ---------------------------------------------------------------------------------------------
# Work programme

_GROUPS: list[tuple[tuple[str, ...], str, str]] = [
    ((WorkProgrammeItem.Method.MEETING,), "Work Programme {year}", "Date of meeting"),
    ((WorkProgrammeItem.Method.STANDING,), "Standing Items {year}", "Timing"),
    ((WorkProgrammeItem.Method.BRIEFING,), "Briefing Notes/Updates/Visits {year}", "Date"),
    (
        (WorkProgrammeItem.Method.WORKING_GROUP, WorkProgrammeItem.Method.INQUIRY),
        "Working Group and/or Inquiry Days {year}",
        "Date",
    ),
    (
        (WorkProgrammeItem.Method.RELATED,),
        "Current & Related Work of Other Committees and Member Groups {year}",
        "Timescale",
    ),
]


def programme_for(meeting: Meeting) -> WorkProgramme | None:
    return WorkProgramme.objects.filter(
        committee=meeting.committee, municipal_year=meeting.municipal_year
    ).first()


def work_programme_context(programme: WorkProgramme, meeting: Meeting) -> dict:
    label = municipal_year_label(programme.municipal_year)
    rows: dict[str, list[dict]] = {}
    items = programme.items.select_related("planned_meeting").prefetch_related("leads__person")
    for item in items.order_by("order", "pk"):
        leads = sorted(item.leads.all(), key=lambda lead: lead.order)
        if item.date_text:
            date_text = item.date_text
        elif item.planned_date:
            date_text = wording.long_date(item.planned_date)
        elif item.planned_meeting_id:
            date_text = wording.long_date(item.planned_meeting.date)
        else:
            date_text = "tbc"
        rows.setdefault(item.method, []).append(
            {
                "date_text": date_text,
                "topic": item.topic,
                "cabinet_members": " & ".join(
                    lead.person.name
                    for lead in leads
                    if lead.role == WorkProgrammeLead.Role.CABINET_MEMBER
                ),
                "officers": " & ".join(
                    lead.person.name
                    for lead in leads
                    if lead.role == WorkProgrammeLead.Role.OFFICER
                ),
                "background": item.background,
                "outcome": item.outcome,
            }
        )
    groups = []
    for methods, heading, date_heading in _GROUPS:
        group_rows = [row for method in methods for row in rows.get(method, [])]
        if group_rows:
            groups.append(
                {
                    "heading": heading.format(year=label),
                    "date_heading": date_heading,
                    "rows": group_rows,
                }
            )
    if programme.title and groups and groups[0]["heading"].startswith("Work Programme"):
        groups[0]["heading"] = programme.title
    chair = (
        Membership.objects.filter(
            committee=meeting.committee,
            municipal_year=programme.municipal_year,
            role=Membership.Role.CHAIR,
        )
        .select_related("person")
        .first()
    )
    return {
        "wp": {
            "committee_name": meeting.committee.name,
            "year_label": label,
            "chair_name": chair.person.name if chair else "",
            "chair_word": (chair.role_title or "Chair") if chair else "Chair",
            "groups": groups,
        }
    }


def work_programme_html(programme: WorkProgramme, meeting: Meeting) -> SafeString:
    return _safe(
        render_to_string(
            "publishing/_work_programme.html", work_programme_context(programme, meeting)
        )
    )


# ---------------------------------------------------------------------------------------------
# Whole documents


def document(body: str, title: str, footer: bool = False) -> str:
    """A printable page around one fragment."""
    return render_to_string(
        "publishing/paper.html", {"body": _safe(body), "title": title, "footer": footer}
    )
