"""How Minutebook words dates and letters sub-clauses: one home, so every page agrees.

Pure functions, no database and no settings. Month and day names come from ``strftime``,
which prints English names because nothing in Minutebook changes the C locale.
"""

from __future__ import annotations

import string

# --- letters ------------------------------------------------------------------------------


def letter(index: int) -> str:
    """The letter for the ``index``-th sub-item or clause, counting from 0.

    a, b, ..., z, then aa, ab, ..., az, ba, ..., zz, then aaa: the spreadsheet-column
    convention, so labels never repeat and never run out of letters.
    """
    if index < 0:
        raise ValueError(f"no letter for a negative position ({index})")
    letters = ""
    n = index + 1
    while n:
        n, remainder = divmod(n - 1, 26)
        letters = string.ascii_lowercase[remainder] + letters
    return letters
