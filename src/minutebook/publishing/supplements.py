"""Supplementary agendas: the papers that arrived or changed after the agenda went out.

Members and the public who already hold the first pack need only what is new, not a whole
second pack. So when an agenda is published again, every paper whose content differs from
the previous version (a late report, a revised appendix, an updated work programme) is also
bound into a supplement: a cover sheet headed "Supplementary Agenda" listing those items
with the supplement's own page ranges, then the papers, numbered from Page 1.

Which papers changed is decided once, on the members' versions
(:func:`minutebook.publishing.packs.changed_papers`), so the public and members' supplements
list the same items with the same page numbers; an exempt paper's pages are
"Document is Restricted" pages in the public one, as in the pack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string

from minutebook import wording
from minutebook.meetings.models import Meeting, Part
from minutebook.publishing import render
from minutebook.publishing.pdf import BLANK, Piece, Rendered, assemble, html_to_pdf, pad


@dataclass
class SupplementRow:
    number: str
    title: str
    label: str
    pages_text: str


def _item_label(item) -> str:
    """ "7" for an item, "7(a)" for a sub-item, as the minutes refer to them."""
    if item.parent_id and item.parent.number:
        return f"{item.parent.number}({item.number})"
    return item.number


def build_supplements(
    meeting: Meeting,
    papers: list,
    version: int,
    issued_on: dt.date,
    audiences: list[str],
) -> dict[str, Rendered]:
    """One supplement per audience binding ``papers`` (already evened up across audiences),
    or nothing when no paper changed."""
    if not papers:
        return {}
    starts, number = [], 1
    for paper in papers:
        starts.append(number)
        number += paper.pages
    title = f"{meeting.committee.name}, {render.plain_date(meeting.date)}: supplementary agenda"
    covers: dict[str, Rendered] = {}
    for audience in audiences:
        rows = []
        for paper, start in zip(papers, starts, strict=True):
            exempt = paper.item.part == Part.TWO or paper.public is None
            shows = audience == render.MEMBERS or not exempt
            rows.append(
                SupplementRow(
                    number=_item_label(paper.item),
                    title=paper.item.title,
                    label=paper.label if shows else "Exempt papers",
                    pages_text=render.pages_text((start, start + paper.pages - 1)),
                )
            )
        html = render_to_string(
            "publishing/supplement.html",
            {
                "committee_name": meeting.committee.name,
                "date_text": wording.front_sheet_date(meeting.date),
                "time_text": render.clock(meeting.start_time),
                "venue": meeting.venue or meeting.committee.default_venue,
                "issued_on": render.plain_date(issued_on),
                "version": version,
                "rows": rows,
                "members": audience == render.MEMBERS,
            },
        )
        covers[audience] = html_to_pdf(html)
    # Both audiences' covers take the same number of sheets, like the packs' front sheets.
    length = max(c.pages for c in covers.values())
    supplements: dict[str, Rendered] = {}
    for audience in audiences:
        pieces = [Piece(pad(covers[audience], length, BLANK).pdf, False, "the supplement cover")]
        pieces += [Piece(p.version(audience).pdf, True, p.label) for p in papers]
        supplements[audience] = assemble(
            pieces,
            first_number=1,
            title=title if audience == render.PUBLIC else f"{title} (members' version)",
            manifest={
                "meeting": meeting.pk,
                "audience": audience,
                "supplement_to_version": version,
                "papers": [
                    {"key": p.key, "pages": [s, s + p.pages - 1]}
                    for p, s in zip(papers, starts, strict=True)
                ],
            },
        )
    return supplements
