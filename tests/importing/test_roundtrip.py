"""Every expected contract object loads into an empty database and exports back unchanged."""

from __future__ import annotations

import pytest

from minutebook.importing.loader import export_loaded, load_document

from .conftest import EXPECTED, expected


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name)
def test_export_of_a_loaded_document_equals_the_input(staffordshire, path):
    data = expected(path.name)
    result = load_document(data, staffordshire, near_misses=False)
    assert export_loaded(result) == data
