"""``import_documents`` (``minutebook import``) on folders of good and bad files."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from minutebook.councils.models import Council
from minutebook.documents.models import SourceDocument
from minutebook.meetings.models import Meeting
from minutebook.parsing import parse_path, to_json
from minutebook.people.models import Person

from .conftest import EXPECTED, SEEDS, expected, row_counts

GOOD = """\
Minutes of the meeting of the Audit and Standards Committee held on 4 March 2019

Present: Ann Beech (Chairman)

Attendance
Mike Davies
Jason Jones

Apologies: Paul Snape

1. Declarations of Interest

There were none at this meeting.

2. Annual Governance Statement

RESOLVED - That the statement be approved.
"""


def run(*args: str) -> tuple[str, str]:
    """Run the command; returns (stdout, stderr). Raises CommandError as the command does."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_documents", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args: str) -> tuple[str, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_documents", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(raised.value)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "papers"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"\x00\x01\x02not a pdf\xff" * 50)
    (folder / "broken.json").write_text('{"source": "x", "kind": ', encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"ignored: not a document type we read")
    return folder


def test_a_folder_with_good_and_bad_files(staffordshire, mixed_folder):
    out, err, message = run_failing(str(mixed_folder))

    assert "3 document(s) could not be imported" in message
    assert "Documents: 1 imported, 0 skipped, 3 failed" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3
    for name in ["empty.txt", "scan.pdf", "broken.json"]:
        assert sum(name in line for line in lines) == 1
    assert not any("notes.docx" in line for line in lines)

    source = SourceDocument.objects.get()
    good = mixed_folder / "2019" / "good.txt"
    assert source.original_name == "good.txt" and source.size == good.stat().st_size
    assert source.parsed == to_json(parse_path(good))
    assert source.file.read() == good.read_bytes()
    # Whatever the parser found is loaded: one meeting per set of minutes, all linked.
    dates = {m["date"] for m in source.parsed["minutes"]}
    assert source.meetings.count() == len(dates) == Meeting.objects.count()


def test_the_same_bytes_import_once(staffordshire, mixed_folder):
    run_failing(str(mixed_folder))
    counts = row_counts()
    out, _, _ = run_failing(str(mixed_folder))
    assert "Documents: 0 imported, 1 skipped, 3 failed" in out
    assert "good.txt: already imported, skipped" in out
    assert row_counts() == counts
    assert SourceDocument.objects.count() == 1


def test_a_failed_document_leaves_no_source_record_and_is_retried(staffordshire, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "source": "bad",
                "kind": "minutes",
                "minutes": [{"committee": "Cabinet", "date": "2019-03-04", "items": [7]}],
            }
        )
    )
    _, err, _ = run_failing(str(bad))
    assert "bad.json" in err and "not an object" in err
    assert (SourceDocument.objects.count(), Meeting.objects.count()) == (0, 0)
    run_failing(str(bad))  # not skipped as "already imported": it never was


def copy_expected(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in EXPECTED]


def test_contract_files_merge_and_skip_by_hash(staffordshire, tmp_path):
    copy_expected(tmp_path / "json")
    out, _ = run(str(tmp_path / "json"))
    assert "Documents: 3 imported, 0 skipped, 0 failed" in out
    assert "Meetings: 3 created, 2 matched" in out
    assert Meeting.objects.filter(date=dt.date(2019, 3, 4)).count() == 1
    counts = row_counts()

    out, _ = run(str(tmp_path / "json"))
    assert "Documents: 0 imported, 3 skipped, 0 failed" in out

    # Different bytes, same minutes: imported, and merged into the meeting that exists.
    again = expected("003.json")
    again["source"] = "003-rescanned.txt"
    (tmp_path / "rescanned.json").write_text(json.dumps(again), encoding="utf-8")
    out, _ = run(str(tmp_path / "rescanned.json"))
    assert "Documents: 1 imported" in out and "Meetings: 0 created, 1 matched" in out
    assert row_counts() == {**counts, "documents.SourceDocument": 4}


def test_the_source_keeps_its_json_and_every_warning(staffordshire, tmp_path):
    (path,) = [p for p in copy_expected(tmp_path) if p.name == "000.json"]
    run(str(path))
    source = SourceDocument.objects.get()
    assert source.kind == "agenda_pack"
    assert source.parsed == json.loads(path.read_text(encoding="utf-8"))
    assert "'Tilly Flannigan' taken as 'Tilly Flanagan' (near-miss)" in source.warnings
    assert sorted(m.date.isoformat() for m in source.meetings.all()) == ["2019-01-22", "2019-03-04"]
    assert source.reports.count() == 4


def test_without_council_and_no_council_in_the_database_it_asks_for_one(db, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CommandError, match="--council"):
        run(str(tmp_path))
    assert SourceDocument.objects.count() == 0


def test_with_two_councils_it_asks_which(db, tmp_path):
    Council.objects.create(name="Kent County Council")
    Council.objects.create(name="Merton Council")
    with pytest.raises(CommandError, match="--council"):
        run(str(tmp_path))


def test_a_named_council_is_created_and_the_only_council_is_used_by_default(db, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    run(str(tmp_path / "a.txt"), "--council", "Staffordshire County Council")
    council = Council.objects.get()
    assert council.name == "Staffordshire County Council"
    (tmp_path / "b.txt").write_text(GOOD.replace("4 March", "5 March"), encoding="utf-8")
    run(str(tmp_path / "b.txt"))
    assert set(Person.objects.values_list("council", flat=True)) == {council.pk}
    assert SourceDocument.objects.count() == 2


def test_a_missing_path_is_one_failure_among_others(staffordshire, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out, err, _ = run_failing(str(tmp_path / "nowhere"), str(tmp_path / "a.txt"))
    assert "nowhere: no such file or folder" in err
    assert "Documents: 1 imported, 0 skipped, 1 failed" in out


def test_the_seeds_import_and_a_second_run_changes_nothing(staffordshire):
    out, _ = run(str(SEEDS))
    assert "Documents: 3 imported, 0 skipped, 0 failed" in out
    counts = row_counts()
    assert counts["meetings.Meeting"] >= 1
    out, _ = run(str(SEEDS))
    assert "Documents: 0 imported, 3 skipped, 0 failed" in out
    assert row_counts() == counts
    # Whatever the parser reads, no committee ends up with two meetings on one day.
    pairs = list(Meeting.objects.values_list("committee", "date"))
    assert len(pairs) == len(set(pairs))


def test_minutebook_import_exits_non_zero_when_a_document_fails(tmp_path):
    """The console script end to end: its own SQLite file, no TTY, so no progress bar."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    env = {
        **os.environ,
        "MINUTEBOOK_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "",
        "DJANGO_SETTINGS_MODULE": "minutebook.settings.development",
    }
    script = str(Path(sys.executable).parent / "minutebook")
    ok = subprocess.run(
        [script, "import", str(tmp_path / "good.txt"), "--council", "Test Council"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Documents: 1 imported" in ok.stdout and ok.stderr == ""
    (tmp_path / "empty.md").write_bytes(b"")
    bad = subprocess.run(
        [script, "import", str(tmp_path / "good.txt"), str(tmp_path / "empty.md")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert bad.returncode != 0
    assert "Documents: 0 imported, 1 skipped, 1 failed" in bad.stdout
    assert "empty.md" in bad.stderr
