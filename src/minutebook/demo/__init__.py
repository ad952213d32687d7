"""The demo council: a synthetic, deterministic county council that reads like real papers.

``build_demo_council(seed, years, scale, today)`` fills the database; ``delete_demo_council()``
removes it again. The ``load_demo`` management command wraps both. See builder.py for how the
reference date ("today") decides which meetings are past and which are upcoming.
"""

from minutebook.demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from minutebook.demo.builder import (
    CANARY,
    DEFAULT_REFERENCE_DATE,
    DemoResult,
    DemoSize,
    build_demo_council,
)
from minutebook.demo.reset import delete_demo_council, demo_council

__all__ = [
    "CANARY",
    "DEFAULT_REFERENCE_DATE",
    "DEMO_PASSWORD",
    "DemoResult",
    "DemoSize",
    "build_demo_council",
    "delete_demo_council",
    "demo_council",
    "ensure_demo_accounts",
]
