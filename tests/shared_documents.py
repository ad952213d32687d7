"""Where the shared real documents are: ../shared beside the checkout, as the brief lays it
out, or wherever MINUTEBOOK_SHARED points (a clone elsewhere, e.g. CI's)."""

from __future__ import annotations

import os
from pathlib import Path

_CANDIDATES = [
    os.environ.get("MINUTEBOOK_SHARED", ""),
    str(Path(__file__).resolve().parents[2] / "shared"),
    "/work/shared",
]
SHARED = next(
    (Path(c) for c in _CANDIDATES if c and (Path(c) / "seeds").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
EXPECTED = SHARED / "expected"
SCORER = SHARED / "tools" / "score.py"
