"""Fixtures for the importer: the hand-checked contract objects of the three seeds."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from tests.shared_documents import SHARED

from minutebook.councils.models import Council

EXPECTED = sorted((SHARED / "expected").glob("*.json"))
SEEDS = SHARED / "seeds"


def expected(name: str) -> dict:
    """One expected contract object without its human "notes"."""
    data = json.loads((SHARED / "expected" / name).read_text(encoding="utf-8"))
    data.pop("notes", None)
    return data


@pytest.fixture
def staffordshire(db) -> Council:
    return Council.objects.create(name="Staffordshire County Council", kind=Council.Kind.COUNTY)


def row_counts() -> dict[str, int]:
    """Rows in every domain table, to show a second import added nothing."""
    domain = {"councils", "committees", "people", "meetings", "minutes", "reports", "scrutiny"}
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in domain | {"documents"}
    }
