"""Forms of the clerk's workspace: meetings, agenda items, reports, attendance, declarations."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from minutebook.committees.models import Committee
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    ExemptionParagraph,
    Meeting,
    Part,
)
from minutebook.meetings.schedule12a import numbers_for
from minutebook.meetings.services import check_pdf, full_date
from minutebook.people.models import Person


def council_people(council) -> forms.ModelChoiceField:
    return Person.objects.filter(Q(council=council) | Q(council__isnull=True)).order_by(
        "sort_name", "name"
    )


class ParagraphChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ExemptionParagraph) -> str:
        return f"Paragraph {obj.number}: {obj.description}"


class MeetingForm(forms.Form):
    date = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label="Start time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    venue = forms.CharField(label="Venue", max_length=300, required=False)
    webcast_url = forms.URLField(
        label="Webcast link",
        required=False,
        assume_scheme="https",
        help_text="Where the meeting is broadcast or archived, if it is webcast.",
    )
    is_special = forms.BooleanField(label="This is a special meeting", required=False)

    def __init__(self, *args, committee: Committee, meeting: Meeting | None = None, **kwargs):
        self.committee = committee
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        if meeting is None and committee.default_venue:
            self.fields["venue"].initial = committee.default_venue

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day and not data.get("is_special"):
            clash = Meeting.objects.filter(committee=self.committee, date=day).exclude(
                status=Meeting.Status.CANCELLED
            )
            if self.meeting is not None:
                clash = clash.exclude(pk=self.meeting.pk)
            if clash.exists():
                self.add_error(
                    "date",
                    f"The committee already meets on {full_date(day)}. "
                    "Choose another date, or tick “special meeting”.",
                )
        return data


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="Title", widget=forms.TextInput(attrs={"size": 60}))
    report_of = forms.CharField(
        label="Report of, or presented by",
        max_length=300,
        required=False,
        help_text="For example “Cabinet Member for Communities” (printed “Report of the "
        "Cabinet Member for Communities”) or “Presentation by Kate Cox, Lead Manager”.",
    )
    presenter = forms.ModelChoiceField(
        label="Presenter", queryset=Person.objects.none(), required=False
    )
    part = forms.TypedChoiceField(
        label="Part",
        choices=Part.choices,
        coerce=int,
        initial=Part.ONE,
        widget=forms.RadioSelect,
    )
    paragraphs = ParagraphChoiceField(
        label="Schedule 12A paragraphs",
        queryset=ExemptionParagraph.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="For a Part Two item: why the public is excluded.",
    )

    def __init__(self, *args, meeting: Meeting, item: AgendaItem | None = None, **kwargs):
        self.meeting = meeting
        self.item = item
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": item.title,
                "report_of": item.report_of,
                "presenter": item.presenter_id,
                "part": item.part,
                "paragraphs": list(item.exempt_paragraphs.values_list("number", flat=True)),
            }
        super().__init__(*args, **kwargs)
        council = meeting.committee.council
        self.fields["presenter"].queryset = council_people(council)
        self.fields["paragraphs"].queryset = ExemptionParagraph.objects.filter(
            number__in=numbers_for(council.country)
        )
        prefix = f"item-{item.pk}" if item is not None else "new"
        self.auto_id = f"{prefix}-%s"
        if item is not None and item.standard == AgendaItem.Standard.EXCLUSION:
            self.fields["part"].choices = [(Part.ONE, Part.ONE.label)]

    def clean(self):
        data = super().clean()
        if data.get("part") == Part.TWO and not data.get("paragraphs"):
            self.add_error(
                "paragraphs",
                "Choose at least one paragraph of Schedule 12A for a Part Two item.",
            )
        return data


class ReportUploadForm(forms.Form):
    file = forms.FileField(
        label="Report (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf(upload)
        return upload


class ReportTemplateForm(forms.Form):
    """The council's report template, section by section."""

    title = forms.CharField(label="Report title")
    report_of = forms.CharField(
        label="Report of",
        required=False,
        help_text="As printed: “Cllr Gill Heath, Cabinet Member for Communities”.",
    )
    local_members_interest = forms.CharField(
        label="Local Members' Interest", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    recommendations = forms.CharField(
        label="Recommendations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One recommendation a line.",
    )
    summary = forms.CharField(
        label="Summary: what is the committee being asked to do and why?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    body = forms.CharField(
        label="Report", required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    link_to_strategic_plan = forms.CharField(
        label="Link to the Strategic Plan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    link_to_other_scrutiny = forms.CharField(
        label="Link to other overview and scrutiny activity",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    community_impact = forms.CharField(
        label="Community impact", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    contact_name = forms.CharField(label="Contact officer's name", required=False)
    contact_job_title = forms.CharField(label="Job title", required=False)
    contact_phone = forms.CharField(label="Telephone", required=False)
    contact_email = forms.EmailField(label="Email", required=False)

    def clean(self):
        data = super().clean()
        details = ("contact_job_title", "contact_phone", "contact_email")
        if any(data.get(f) for f in details) and not data.get("contact_name"):
            self.add_error("contact_name", "Enter the contact officer's name.")
        return data


class AppendixForm(forms.Form):
    appendix_title = forms.CharField(
        label="Appendix title", help_text="As listed: “Appendix A - Summary of Key Findings”."
    )
    appendix_file = forms.FileField(
        label="Appendix (PDF, optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    appendix_part = forms.TypedChoiceField(
        label="Part", choices=Part.choices, coerce=int, initial=Part.ONE, widget=forms.RadioSelect
    )

    def clean_appendix_file(self):
        upload = self.cleaned_data.get("appendix_file")
        if upload:
            check_pdf(upload)
        return upload


SEAT_STATUSES = [
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Apologies"),
    (Attendance.Status.ABSENT, "Absent"),
    (Attendance.Status.SUBSTITUTE, "Substituted"),
]


class AttendanceForm(forms.Form):
    """One status (and substitute) per seat on the committee, and who chaired."""

    def __init__(self, *args, meeting: Meeting, seats, **kwargs):
        self.meeting = meeting
        self.seats = list(seats)
        super().__init__(*args, **kwargs)
        recorded = {a.person_id: a for a in meeting.attendances.all()}
        subs = {
            a.substitute_for_id: a.person_id
            for a in recorded.values()
            if a.status == Attendance.Status.SUBSTITUTE
        }
        people = council_people(meeting.committee.council)
        chair_choices = [("", "Not recorded")]
        for seat in self.seats:
            person = seat.person
            row = recorded.get(person.pk)
            status = Attendance.Status.SUBSTITUTE if person.pk in subs else None
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=f"Attendance of {person.name}",
                choices=SEAT_STATUSES,
                initial=status or (row.status if row else Attendance.Status.PRESENT),
            )
            self.fields[f"substitute_{person.pk}"] = forms.ModelChoiceField(
                label=f"Substitute for {person.name}",
                queryset=people.exclude(pk=person.pk),
                required=False,
                initial=subs.get(person.pk),
            )
            chair_choices.append((str(person.pk), person.name))
        self.fields["chair"] = forms.ChoiceField(
            label="Chair of the meeting",
            choices=chair_choices,
            required=False,
            initial=str(meeting.chair_id or ""),
        )

    def rows(self):
        for seat in self.seats:
            pk = seat.person.pk
            yield seat, self[f"status_{pk}"], self[f"substitute_{pk}"]

    def clean(self):
        data = super().clean()
        for seat in self.seats:
            pk = seat.person.pk
            if data.get(f"status_{pk}") == Attendance.Status.SUBSTITUTE and not data.get(
                f"substitute_{pk}"
            ):
                self.add_error(
                    f"substitute_{pk}", f"Choose who substituted for {seat.person.name}."
                )
        chair = data.get("chair")
        if chair:
            chair_id = int(chair)
            present = {
                seat.person.pk
                for seat in self.seats
                if data.get(f"status_{seat.person.pk}") == Attendance.Status.PRESENT
            }
            if chair_id not in present:
                self.add_error("chair", "The chair must be a member marked present.")
        return data


class InAttendanceForm(forms.Form):
    person = forms.ModelChoiceField(label="Person", queryset=Person.objects.none())
    role = forms.CharField(
        label="Role that day",
        required=False,
        help_text="For example “Cabinet Member for Communities”.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.auto_id = "also-%s"
        taken = meeting.attendances.values_list("person_id", flat=True)
        self.fields["person"].queryset = council_people(meeting.committee.council).exclude(
            pk__in=taken
        )


class DeclarationForm(forms.Form):
    person = forms.ModelChoiceField(label="Member", queryset=Person.objects.none())
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="The meeting as a whole",
    )
    nature = forms.ChoiceField(label="Kind of interest", choices=Declaration.Nature.choices)
    description = forms.CharField(
        label="Interest declared", widget=forms.Textarea(attrs={"rows": 2})
    )
    left_the_room = forms.BooleanField(label="Left the room for the item", required=False)

    def __init__(self, *args, meeting: Meeting, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.auto_id = "declaration-%s"
        self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in people])
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("order", "pk")
        self.fields["agenda_item"].label_from_instance = _item_label

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if not text:
            raise ValidationError("Describe the interest declared.")
        return text


def _item_label(item: AgendaItem) -> str:
    if item.parent_id:
        return f"{item.parent.number}({item.number}) {item.title}"
    return f"{item.number}. {item.title}"
