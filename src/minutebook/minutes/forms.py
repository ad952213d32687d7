"""Forms for writing minutes in the clerk's workspace."""

from __future__ import annotations

from django import forms

from minutebook.meetings.forms import ParagraphChoiceField
from minutebook.meetings.models import AgendaItem, ExemptionParagraph, Meeting, Part
from minutebook.meetings.schedule12a import numbers_for
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.minutes.services import (
    REASON_MAX_LENGTH,
    parse_resolutions,
    resolutions_as_text,
)


class StartMinutesForm(forms.Form):
    include_apologies = forms.BooleanField(
        label="Minute the apologies as an item (otherwise they are recorded with the attendance)",
        required=False,
    )


class MinuteItemForm(forms.Form):
    title = forms.CharField(label="Title", widget=forms.TextInput(attrs={"size": 60}))
    narrative = forms.CharField(
        label="Minute", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    resolutions = forms.CharField(
        label="RESOLVED",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One clause a line. Two or more clauses are lettered a), b), c) for you.",
    )
    part = forms.TypedChoiceField(
        label="Part", choices=Part.choices, coerce=int, initial=Part.ONE, widget=forms.RadioSelect
    )
    paragraphs = ParagraphChoiceField(
        label="Schedule 12A paragraphs",
        queryset=ExemptionParagraph.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item", queryset=AgendaItem.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, item: MinuteItem | None = None, **kwargs):
        self.item = item
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title": item.title,
                "narrative": item.narrative,
                "resolutions": resolutions_as_text(item),
                "part": item.part,
                "paragraphs": list(item.exempt_paragraphs.values_list("number", flat=True)),
            }
        super().__init__(*args, **kwargs)
        self.fields["paragraphs"].queryset = ExemptionParagraph.objects.filter(
            number__in=numbers_for(meeting.committee.council.country)
        )
        self.auto_id = f"minute-{item.pk}-%s" if item is not None else "new-minute-%s"
        if item is not None:
            del self.fields["agenda_item"]
        else:
            self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("order", "pk")

    def clean_resolutions(self):
        text = self.cleaned_data.get("resolutions", "")
        parse_resolutions(text)
        return text

    def clean(self):
        data = super().clean()
        if data.get("part") == Part.TWO and not data.get("paragraphs"):
            self.add_error(
                "paragraphs", "Choose at least one paragraph of Schedule 12A for a Part Two minute."
            )
        return data


class ConfirmMinutesForm(forms.Form):
    resolution = forms.CharField(
        label="Resolution",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Amend it if the committee confirmed the minutes with corrections.",
    )


class ReopenMinutesForm(forms.Form):
    reason = forms.CharField(
        label="Why is the confirmation being undone?",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            f"Recorded in the audit trail with the change. Up to {REASON_MAX_LENGTH} characters, "
            "for example “The wrong minutes were confirmed”."
        ),
        error_messages={"required": "Enter why the confirmation is being undone."},
    )


class MoveMinuteForm(forms.Form):
    """Which minute of these minutes to move, and which way."""

    item = forms.ModelChoiceField(queryset=MinuteItem.objects.none())
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])

    def __init__(self, *args, minutes: Minutes | None, **kwargs):
        super().__init__(*args, **kwargs)
        if minutes is not None:
            self.fields["item"].queryset = minutes.items.select_related("minutes__meeting")
