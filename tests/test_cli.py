"""The installed ``minutebook`` console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

MINUTEBOOK = Path(sys.executable).parent / "minutebook"


@pytest.fixture
def run(user_environment):
    def run(
        *args: str, env: dict | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(MINUTEBOOK), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=user_environment(**(env or {})),
            cwd=cwd,
        )

    return run


def test_help_lists_the_subcommands(run):
    result = run("--help")
    assert result.returncode == 0
    for command in ["parse", "import", "serve", "demo"]:
        assert command in result.stdout


def test_parse_prints_contract_json(run, tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text(
        "MINUTES of the meeting of the Audit Committee held on 4 March 2019\n\n"
        "Present: Cllr Ann Beech (Chair), Cllr Mike Davies\n\n"
        "1. Declarations of Interest\nThere were none.\n\n"
        "2. Internal Audit Plan\nRESOLVED: That the plan be approved.\n",
        encoding="utf-8",
    )
    result = run("parse", str(doc))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "minutes.txt"
    assert {"kind", "meeting", "minutes", "reports", "work_programme", "warnings"} <= data.keys()
    assert data["minutes"][0]["date"] == "2019-03-04"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n"),
        ("binary.pdf", b"\x00\x01\x02not a pdf\xff" * 50),
    ],
)
def test_parse_refuses_bad_input_with_one_clear_line(run, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0]


def test_parse_names_a_missing_file(run, tmp_path):
    result = run("parse", str(tmp_path / "nowhere.pdf"))
    assert result.returncode != 0 and "nowhere.pdf" in result.stderr


def test_manage_runs_django_commands_against_a_fresh_sqlite_file(run, tmp_path):
    env = {"MINUTEBOOK_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    result = run("manage", "migrate", "--no-input", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "minutebook.sqlite3").exists()
