"""How Minutebook words dates and letters sub-clauses: one home, so every page agrees.

Pure functions, no database and no settings. Month and day names come from ``strftime``,
which prints English names because nothing in Minutebook changes the C locale.
"""

from __future__ import annotations

import datetime as dt
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


# --- dates --------------------------------------------------------------------------------


def long_date(day: dt.date) -> str:
    """ "4 March 2019": no weekday, the way titles, resolutions and document names print a
    date ("Minutes of the meeting held on 22 January 2019")."""
    return f"{day.day} {day:%B %Y}"


def full_date(day: dt.date) -> str:
    """ "Monday 4 March 2019": a meeting's date in page headings, messages and feeds."""
    return f"{day:%A} {long_date(day)}"


def front_sheet_date(day: dt.date) -> str:
    """ "Monday, 4 March 2019", with the comma, as the councils' agenda front sheets print
    the meeting date."""
    return f"{day:%A}, {long_date(day)}"


def running_header_date(day: dt.date) -> str:
    """ "Monday 04 March 2019", the day zero-padded: the seed documents' reports print the
    meeting date this way in their running header ("Committee - Monday 04 March 2019"), and
    the reports Minutebook writes copy it on purpose."""
    return f"{day:%A %d %B %Y}"
