from __future__ import annotations

from django import forms

from minutebook.committees.models import Committee, Membership
from minutebook.meetings.forms import council_people


class SeatForm(forms.Form):
    person = forms.ModelChoiceField(label="Person", queryset=None)
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices, initial="member")
    role_title = forms.CharField(
        label="Role as printed (optional)",
        max_length=100,
        required=False,
        help_text="For example “Chairman” or “Vice-Chairman (Overview)”.",
    )

    def __init__(self, *args, committee: Committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = council_people(committee.council)
