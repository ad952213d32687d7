"""Bytes to lines: decode text files, extract PDF text. Owned by the sources reader."""

from __future__ import annotations

from pathlib import Path

from minutebook.parsing.errors import DocumentError


def read_lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read file ({exc.strerror})") from exc
    if not data.strip():
        raise DocumentError("the file is empty")
    return data.decode("utf-8").splitlines()
