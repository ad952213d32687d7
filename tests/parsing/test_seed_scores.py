"""The importer as the issue judges it: ../shared/tools/score.py over every seed.

The threshold is the score the parser has reached; raise it as the parser improves, never
lower it to let a change through. Each seed is scored separately as well, so a regression on
one cannot hide behind the others.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from tests.shared_documents import EXPECTED, SCORER, SEEDS

from minutebook.parsing import parse_path, to_json

OVERALL_F1 = 0.995
PER_SEED_F1 = 0.99

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
pytestmark = pytest.mark.skipif(
    not (SEED_FILES and SCORER.is_file()), reason="the shared seeds and scorer are not here"
)


def _f1(output: str) -> float:
    return float(re.findall(r"F1=([0-9.]+)\s*$", output.strip())[-1])


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parsed")
    for seed in SEED_FILES:
        number = seed.name.split("_")[0]
        data = to_json(parse_path(seed))
        (folder / f"{number}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return folder


def _score(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(SCORER), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_seeds_score_at_least_the_threshold_overall(parsed):
    assert _f1(_score("--batch", str(EXPECTED), str(parsed))) >= OVERALL_F1


@pytest.mark.parametrize("gold", sorted(EXPECTED.glob("*.json")), ids=lambda p: p.stem)
def test_each_seed_scores_at_least_the_threshold(parsed, gold):
    assert _f1(_score(str(gold), str(parsed / gold.name))) >= PER_SEED_F1
