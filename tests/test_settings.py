import subprocess
import sys
from pathlib import Path

import pytest

from minutebook.settings.base import database_from_environment

MINUTEBOOK = Path(sys.executable).parent / "minutebook"


@pytest.fixture
def run_minutebook(user_environment):
    def run(*args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(MINUTEBOOK), *args],
            capture_output=True,
            text=True,
            env=user_environment(**env),
            timeout=120,
        )

    return run


def test_default_database_is_a_sqlite_file_in_wal_mode(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment(tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://clerk:secret@db.example:5433/minutebook")
    config = database_from_environment(tmp_path / "unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "minutebook")


def test_database_url_may_name_another_sqlite_file(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    assert database_from_environment(tmp_path / "x")["NAME"] == f"{tmp_path}/other.sqlite3"


def test_production_settings_pass_the_deploy_check(tmp_path, run_minutebook):
    result = run_minutebook(
        "manage", "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="minutebook.settings.production",
        SECRET_KEY="k" * 20 + "a-long-random-production-secret-key-for-the-check-only",
        ALLOWED_HOSTS="committees.example.gov.uk",
        MINUTEBOOK_DATA_DIR=str(tmp_path),
        DATABASE_URL="",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path, run_minutebook):
    result = run_minutebook(
        "manage", "check",
        DJANGO_SETTINGS_MODULE="minutebook.settings.production",
        SECRET_KEY="",
        ALLOWED_HOSTS="x.example",
        MINUTEBOOK_DATA_DIR=str(tmp_path),
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
