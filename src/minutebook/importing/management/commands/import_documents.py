"""``minutebook import PATH... [--council NAME]``: parse documents and load them.

Folders are searched recursively for .pdf, .txt and .md documents, and for .json files
holding a contract object (``minutebook parse`` output, perhaps corrected by hand).

Each document is parsed and loaded in its own transaction, so one bad file is reported in
one line and counted as failed without touching the others. The same bytes import once
(SourceDocument.sha256); a different file for the same meeting merges into it by natural
keys in the loader. Exit status is non-zero when any document failed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from minutebook.councils.models import Council
from minutebook.documents.models import SourceDocument
from minutebook.importing.loader import LoadResult, load_document
from minutebook.parsing import DocumentError, parse_path, to_json

SUFFIXES = {".pdf", ".txt", ".md", ".json"}
_CONTRACT_KEYS = {"source", "kind", "minutes"}


def read_document(path: Path) -> dict[str, Any]:
    """The contract object for one file: parsed, or read as-is from a .json file.

    A .json file is a contract object written by ``minutebook parse`` (perhaps corrected by
    hand), so a clerk can fix what the parser missed and import the fixed version.
    """
    if path.suffix.lower() != ".json":
        return to_json(parse_path(path))
    try:
        data = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentError(f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or not data.keys() >= _CONTRACT_KEYS:
        raise DocumentError("JSON, but not a parsed document (minutebook parse output)")
    return data


@dataclass
class Summary:
    """Totals over one run, for the closing lines."""

    imported: int = 0
    skipped: int = 0
    failed: int = 0
    meetings: list[int] = field(default_factory=lambda: [0, 0])  # created, matched
    items: list[int] = field(default_factory=lambda: [0, 0])
    people_created: set[int] = field(default_factory=set)
    people_matched: set[int] = field(default_factory=set)
    warnings: int = 0

    def add(self, result: LoadResult, parse_warnings: int) -> None:
        self.imported += 1
        self.meetings[0] += result.meetings_created
        self.meetings[1] += result.meetings_matched
        self.items[0] += result.items_created
        self.items[1] += result.items_matched
        self.people_created |= result.people_created
        self.people_matched |= result.people_matched
        self.warnings += parse_warnings + len(result.warnings)

    def lines(self) -> list[str]:
        matched = self.people_matched - self.people_created
        return [
            f"Documents: {self.imported} imported, {self.skipped} skipped, {self.failed} failed",
            f"Meetings: {self.meetings[0]} created, {self.meetings[1]} matched",
            f"Items: {self.items[0]} created, {self.items[1]} matched",
            f"People: {len(self.people_created)} created, {len(matched)} matched",
            f"Warnings: {self.warnings}",
        ]


def find_documents(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files named, and .pdf/.txt/.md files under folders named (recursively), in order.

    Returns the files and a problem line for each path that does not exist.
    """
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(f"{raw}: no such file or folder")
    return files, missing


def choose_council(name: str | None) -> Council:
    """The named council (created if new), else the only council there is."""
    if name:
        council, _ = Council.objects.get_or_create(name=name.strip())
        return council
    councils = list(Council.objects.all()[:2])
    if len(councils) == 1:
        return councils[0]
    if not councils:
        raise CommandError("There is no council yet: say which with --council NAME.")
    raise CommandError("There is more than one council: say which with --council NAME.")


class Command(BaseCommand):
    help = (
        "Parse agenda packs and minutes (.pdf, .txt, .md; or .json from minutebook parse) "
        "and load them into the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--council", help="the council the documents belong to")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = int(options.get("verbosity", 1))
        council = choose_council(options.get("council"))
        files, missing = find_documents(options["paths"])
        summary = Summary(failed=len(missing))
        for line in missing:
            self.stderr.write(line)
        bar = tqdm(files, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
        for path in bar:
            bar.set_description(path.name[:30])
            self.import_one(path, council, summary)
        bar.close()
        for line in summary.lines():
            self.stdout.write(line)
        if summary.failed:
            raise CommandError(f"{summary.failed} document(s) could not be imported.")

    def say(self, stream: Any, line: str) -> None:
        """Write one line without tearing the progress bar (when there is one)."""
        with tqdm.external_write_mode(file=sys.stderr):
            stream.write(line)

    def import_one(self, path: Path, council: Council, summary: Summary) -> None:
        """Import one file, telling the user in one line if it was skipped or failed."""
        problem = self.try_import(path, council, summary)
        if problem:
            summary.failed += 1
            self.say(self.stderr, f"{path}: {problem}")

    def try_import(self, path: Path, council: Council, summary: Summary) -> str | None:
        """Import one file; the problem in words if it failed, else None."""
        try:
            content = path.read_bytes()
            digest = hashlib.sha256(content).hexdigest()
            if SourceDocument.objects.filter(sha256=digest).exists():
                summary.skipped += 1
                self.say(self.stdout, f"{path}: already imported, skipped")
                return None
            data = read_document(path)
            with transaction.atomic():
                result, parse_warnings = self.load(path, content, digest, data, council)
        except DocumentError as exc:
            return str(exc)
        except OSError as exc:
            return f"cannot read the file: {exc.strerror or exc}"
        except Exception as exc:  # any bug or bad data fails this one document, not the run
            return f"could not be imported: {type(exc).__name__}: {exc}"
        summary.add(result, parse_warnings)
        if self.verbosity >= 2:
            for warning in result.warnings:
                self.say(self.stdout, f"{path}: warning: {warning}")
        return None

    def load(
        self, path: Path, content: bytes, digest: str, data: dict[str, Any], council: Council
    ) -> tuple[LoadResult, int]:
        """Record the source, load its contract object, keep the JSON and every warning."""
        kinds = {k.value for k in SourceDocument.Kind}
        source = SourceDocument.objects.create(
            sha256=digest,
            original_name=path.name[:300],
            kind=data.get("kind") if data.get("kind") in kinds else SourceDocument.Kind.OTHER,
            size=len(content),
            parsed=data,
        )
        result = load_document(data, council, source)
        parse_warnings = list(data.get("warnings") or [])
        source.warnings = parse_warnings + result.warnings
        source.file.save(path.name, ContentFile(content), save=False)
        source.save(update_fields=["warnings", "file"])
        return result, len(parse_warnings)
