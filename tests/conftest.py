"""Fixtures shared by the whole suite: a small council built from real rows."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from minutebook.committees.models import Committee
from minutebook.councils.models import Council, MunicipalYear
from minutebook.people.models import Person


@pytest.fixture
def council(db) -> Council:
    council = Council.objects.create(name="Test County Council", kind=Council.Kind.COUNTY)
    # Annual meetings on real-looking dates: the year turns in late May, not on 1 May.
    starts = [
        dt.date(2018, 5, 24),
        dt.date(2019, 5, 23),
        dt.date(2020, 5, 21),
        dt.date(2021, 5, 20),
    ]
    for start, next_start in itertools.pairwise(starts):
        MunicipalYear.objects.create(
            council=council,
            start_year=start.year,
            starts_on=start,
            ends_on=next_start - dt.timedelta(days=1),
        )
    return council


@pytest.fixture
def committee(council) -> Committee:
    return Committee.objects.create(
        council=council,
        name="Safe and Strong Communities Select Committee",
        kind=Committee.Kind.SELECT,
    )


@pytest.fixture
def make_person(council):
    def make(name: str, **fields) -> Person:
        return Person.objects.create(council=council, name=name, **fields)

    return make
