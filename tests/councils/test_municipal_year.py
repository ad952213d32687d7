import datetime as dt

import pytest
from django.db import IntegrityError

from minutebook.councils.models import Council, MunicipalYear, municipal_year_label


def test_year_turns_at_the_annual_meeting_not_on_the_first_of_may(council):
    assert council.municipal_year_of(dt.date(2019, 5, 22)) == 2018
    assert council.municipal_year_of(dt.date(2019, 5, 23)) == 2019
    assert council.municipal_year_of(dt.date(2019, 3, 4)) == 2018


def test_default_rule_applies_outside_recorded_years(db):
    council = Council.objects.create(name="Parish Council of Nowhere")
    assert council.municipal_year_of(dt.date(2024, 4, 30)) == 2023
    assert council.municipal_year_of(dt.date(2024, 5, 1)) == 2024


def test_label_is_printed_as_councils_print_it():
    assert municipal_year_label(2018) == "2018-19"
    assert municipal_year_label(1999) == "1999-00"


def test_a_year_cannot_end_before_it_starts(council):
    with pytest.raises(IntegrityError):
        MunicipalYear.objects.create(
            council=council,
            start_year=2030,
            starts_on=dt.date(2030, 5, 20),
            ends_on=dt.date(2030, 5, 1),
        )
