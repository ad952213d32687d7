"""The filter form of the decisions list (GET, so results can be bookmarked and shared)."""

from __future__ import annotations

from django import forms

from minutebook.committees.models import Committee


class DateInput(forms.DateInput):
    """A native date picker; browsers submit ISO dates, which DateField accepts."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DecisionFilterForm(forms.Form):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.order_by("name"),
        required=False,
        empty_label="All committees",
        label="Committee",
    )
    topic = forms.CharField(
        required=False,
        max_length=200,
        label="Topic",
        help_text="Words in the title of the item or in the decision, e.g. domestic abuse",
    )
    date_from = forms.DateField(required=False, label="From", widget=DateInput())
    date_to = forms.DateField(required=False, label="To", widget=DateInput())

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be the same as or after the start date.")
        return data
