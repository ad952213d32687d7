"""The seeds read through other converters score as the seeds' own text does.

Each seed is printed to a PDF (:mod:`tests.parsing.printed_seeds`), then read three ways:
poppler's ``pdftotext`` in reading order, ``pdftotext -layout``, and Minutebook's own PDF
reader. Each reading is scored by ../shared/tools/score.py against the seeds' gold records,
section by section: the parser is judged on documents from converters it has not seen, so
no section may depend on the seeds' converter keeping paragraphs and table rows on one line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.parsing.printed_seeds import print_seed
from tests.shared_documents import EXPECTED, SCORER, SEEDS

from minutebook.parsing import parse_lines, parse_path, sources, to_json

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
pytestmark = pytest.mark.skipif(
    not (SEED_FILES and SCORER.is_file()), reason="the shared seeds and scorer are not here"
)

# Every section but the work programme, whichever way the PDF is read.
SECTION_F1 = 0.97
# The work programme is a ruled table of wrapped cells: what each reading recovers today.
# Raise these as the readers improve; None: not yet read at all from that converter.
WORK_PROGRAMME_F1: dict[str, float | None] = {
    "pdftotext": None,  # each cell a block of its own, two columns interleaved: not read yet
    "pdftotext -layout": 0.90,
    "pdf": 0.97,
}
READINGS = list(WORK_PROGRAMME_F1)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    return {
        seed.name.split("_")[0]: print_seed(sources.read_lines(seed), folder / f"{seed.stem}.pdf")
        for seed in SEED_FILES
    }


def _read(pdf: Path, reading: str) -> dict[str, object]:
    if reading == "pdf":
        return to_json(parse_path(pdf))
    args = ["pdftotext", *reading.split()[1:], str(pdf), "-"]
    output = subprocess.run(args, capture_output=True, check=True).stdout
    return to_json(parse_lines(sources.text_lines(output)))


def _section_scores(folder: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(SCORER), "--batch", str(EXPECTED), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.findall(r"^\s*total\s+(\S+)\s+.*F1=([0-9.]+)", result.stdout, re.M)
    return {section: float(f1) for section, f1 in found}


@pytest.mark.parametrize("reading", READINGS)
def test_every_section_reads_through_another_converter(
    reading: str, printed: dict[str, Path], tmp_path: Path
) -> None:
    if reading != "pdf" and shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    for number, pdf in printed.items():
        data = _read(pdf, reading)
        (tmp_path / f"{number}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    scores = _section_scores(tmp_path)
    assert scores, "the scorer printed no section scores"
    low = {
        section: f1
        for section, f1 in scores.items()
        if section not in {"work_programme", "ALL"} and f1 < SECTION_F1
    }
    assert low == {}
    floor = WORK_PROGRAMME_F1[reading]
    if floor is not None:
        assert scores["work_programme"] >= floor
