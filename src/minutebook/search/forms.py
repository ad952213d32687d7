"""The search and timeline forms (GET, so every search can be bookmarked and shared)."""

from __future__ import annotations

from django import forms

from minutebook.committees.models import Committee
from minutebook.people.models import Person
from minutebook.portal.forms import DateInput

from .models import Kind, SearchEntry

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"]


class TimelineForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=300,
        label="Topic",
        help_text='Words, or a phrase in quotes: "domestic abuse".',
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "true"}
        ),
    )
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.order_by("name"),
        required=False,
        empty_label="All committees",
        label="Committee",
        help_text="Includes the committees it replaced.",
    )


class SearchForm(TimelineForm):
    q = forms.CharField(
        required=False,
        max_length=300,
        label="Search for",
        help_text='Words, or a phrase in quotes: "domestic abuse". Put - before a word to leave it out.',
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "true"}
        ),
    )
    kind = forms.MultipleChoiceField(
        choices=Kind.choices,
        required=False,
        label="Type of record",
        widget=forms.CheckboxSelectMultiple,
    )
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        empty_label="Anyone",
        label="Person named",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "from" and "to" are Python keywords, so these two fields are added by name.
        self.fields["from"] = forms.DateField(
            required=False, label="From", input_formats=DATE_FORMATS, widget=DateInput()
        )
        self.fields["to"] = forms.DateField(
            required=False, label="To", input_formats=DATE_FORMATS, widget=DateInput()
        )
        named = SearchEntry.people.through.objects.values("person_id")
        self.fields["person"].queryset = Person.objects.filter(pk__in=named).order_by(
            "sort_name", "name"
        )
        self.order_fields(["q", "committee", "person", "from", "to", "kind"])

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date must be the same as or after the start date.")
        return data

    def has_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("committee", "person", "from", "to", "kind"))
