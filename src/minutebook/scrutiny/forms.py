"""Forms for the recommendations tracker's filters and the clerk's scrutiny pages.

Forms only validate input; the rules live in :mod:`minutebook.scrutiny.services`.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q

from minutebook.committees.models import Committee
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import MinuteItem
from minutebook.people.models import Person
from minutebook.reports.models import Report
from minutebook.scrutiny import services
from minutebook.scrutiny.models import ExecutiveResponse, WorkProgramme, WorkProgrammeItem
from minutebook.wording import long_date

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrackerFilterForm(forms.Form):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.filter(recommendations__isnull=False).distinct(),
        required=False,
        empty_label="All committees",
    )
    status = forms.ChoiceField(
        label="Where it stands",
        choices=[("", "Any"), *services.TrackerStatus.choices],
        required=False,
    )
    decision = forms.ChoiceField(
        label="Executive response",
        choices=[("", "Any"), ("none", "No response yet"), *ExecutiveResponse.Decision.choices],
        required=False,
    )


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.name}, {obj.job_title}" if obj.job_title else obj.name


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        label = long_date(obj.date)
        if obj.status == Meeting.Status.CANCELLED:
            label += " (cancelled)"
        return label


def council_people(council):
    return Person.objects.filter(Q(council=council) | Q(council__isnull=True)).order_by(
        "sort_name", "name"
    )


class WorkProgrammeItemForm(forms.Form):
    topic = forms.CharField(label="Item", widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.ChoiceField(
        label="How the committee will look at it", choices=WorkProgrammeItem.Method.choices
    )
    planned_meeting = MeetingChoiceField(
        label="Planned meeting",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not yet timetabled (tbc)",
    )
    date_text = forms.CharField(
        label="When, in words",
        max_length=300,
        required=False,
        help_text='For items not planned for a meeting: "tbc", "December 2019", '
        '"Inquiry day 30 January". Leave blank to print "tbc".',
    )
    cabinet_members = PeopleField(
        label="Cabinet Members", queryset=Person.objects.none(), required=False
    )
    officers = PeopleField(label="Lead officers", queryset=Person.objects.none(), required=False)
    background = forms.CharField(
        label="Background", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    outcome = forms.CharField(
        label="Action/outcome", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[(s, WorkProgrammeItem.Status(s).label) for s in services.EDITABLE_STATUSES],
        required=False,
        help_text="Once the item is on an agenda, its status follows that meeting.",
    )

    def __init__(self, *args, programme: WorkProgramme, row: WorkProgrammeItem | None = None, **kw):
        super().__init__(*args, **kw)
        self.programme = programme
        self.row = row
        committee = programme.committee
        self.fields["planned_meeting"].queryset = services.committee_meetings(
            committee, programme.municipal_year
        )
        people = council_people(committee.council)
        self.fields["cabinet_members"].queryset = people
        self.fields["officers"].queryset = people
        if row is not None and row.agenda_item_id is not None:
            del self.fields["status"]


class RecommendationForm(forms.Form):
    minute_item = forms.ModelChoiceField(
        label="From the minute",
        queryset=MinuteItem.objects.none(),
        required=False,
        empty_label="Not from a minute",
    )
    report = forms.ModelChoiceField(
        label="Or from the report",
        queryset=Report.objects.none(),
        required=False,
        empty_label="Not from a report",
        help_text="A review or inquiry report the recommendation is printed in.",
    )
    number = forms.CharField(label="Number", max_length=10, required=False)
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}))
    made_on = forms.DateField(label="Made on", widget=DATE_WIDGET)
    addressed_to = forms.ModelChoiceField(
        label="To (Cabinet Member)", queryset=Person.objects.none(), required=False
    )
    addressed_to_role = forms.CharField(
        label="Their role",
        max_length=200,
        required=False,
        help_text='As printed: "Cabinet Member for Children and Young People".',
    )
    response_due = forms.DateField(label="Response due", widget=DATE_WIDGET, required=False)

    def __init__(self, *args, committee: Committee, **kw):
        super().__init__(*args, **kw)
        self.committee = committee
        lineage = committee.lineage()
        minutes = (
            MinuteItem.objects.filter(committee__in=lineage)
            .select_related("minutes__meeting")
            .order_by("-minutes__meeting__date", "order")
        )
        self.fields["minute_item"].queryset = minutes
        self.fields["minute_item"].label_from_instance = self._minute_label
        reports = (
            Report.objects.filter(meeting__committee__in=lineage)
            .select_related("meeting")
            .order_by("-meeting__date", "order")
        )
        self.fields["report"].queryset = reports
        self.fields["report"].label_from_instance = self._report_label
        self.fields["addressed_to"].queryset = council_people(committee.council)

    @staticmethod
    def _minute_label(item: MinuteItem) -> str:
        part = " (Part Two)" if item.is_exempt else ""
        return f"{long_date(item.minutes.meeting.date)}: {item}{part}"

    @staticmethod
    def _report_label(report: Report) -> str:
        part = " (Part Two)" if report.part == 2 else ""
        return f"{long_date(report.meeting.date)}: {report.title}{part}"

    def clean(self):
        data = super().clean()
        if not data.get("minute_item") and not data.get("report"):
            raise forms.ValidationError(
                "Choose the minute or the report the recommendation comes from."
            )
        due, made = data.get("response_due"), data.get("made_on")
        if due and made and due < made:
            self.add_error(
                "response_due", "The response cannot be due before the recommendation was made."
            )
        return data


class ResponseForm(forms.Form):
    decision = forms.ChoiceField(
        label="Executive response",
        choices=ExecutiveResponse.Decision.choices,
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label="Reasons",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Required unless the recommendation was accepted in full.",
    )
    responded_on = forms.DateField(label="Responded on", widget=DATE_WIDGET)
    responder = forms.ModelChoiceField(
        label="Who responded", queryset=Person.objects.none(), required=False
    )
    action_deadline = forms.DateField(
        label="Action deadline",
        widget=DATE_WIDGET,
        required=False,
        help_text="When the accepted action is to be done by.",
    )

    def __init__(self, *args, committee: Committee, **kw):
        super().__init__(*args, **kw)
        self.fields["responder"].queryset = council_people(committee.council)


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label="Reported on", widget=DATE_WIDGET)
    text = forms.CharField(label="Progress", widget=forms.Textarea(attrs={"rows": 4}))
    reported_to = MeetingChoiceField(
        label="Reported to the meeting",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not reported to a meeting",
    )
    complete = forms.BooleanField(label="The action is complete", required=False)

    def __init__(self, *args, committee: Committee, **kw):
        super().__init__(*args, **kw)
        self.fields["reported_to"].queryset = Meeting.objects.filter(
            committee__in=committee.lineage()
        ).order_by("-date")
