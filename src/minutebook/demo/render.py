"""Print a demo meeting's agenda front sheet the way the council's papers lay it out.

The text follows the seeds (see /work/shared/seeds): committee, date, time, venue, the
issuing officer, the numbered agenda with page ranges and "Report of ..." lines, the Part Two
section, the committee membership in two columns and the note on filming.
"""

from __future__ import annotations

from . import banks
from . import calendar as cal


def front_sheet(meeting, items, seats, chair_word: str) -> str:
    lines = [
        "",
        meeting.committee.name,
        "",
        f"{meeting.date:%A}, {cal.long_date(meeting.date)}",
        "",
        cal.clock(meeting.start_time),
        "",
        meeting.venue,
        "",
        banks.AGENDA_NOTE,
        "",
        *meeting.agenda_issued_by.split(", ", 1),
        cal.long_date(meeting.agenda_published_on),
        "",
        "A G E N D A",
        "",
    ]
    top = [i for i in items if i.parent is None]
    part_two = [i for i in top if i.part == 2]
    for item in top:
        if item.part == 2:
            continue
        pages = f" (Pages {item.start_page} - {item.end_page})" if item.start_page else ""
        lines.append(f"{item.number}. **{item.title}**{pages}")
        if item.report_of:
            lines += ["", f"Report of the {item.report_of}"]
        for sub in (i for i in items if i.parent is item):
            lines += [f" - {sub.number}) {sub.title}", "", sub.report_of]
        if item.standard == "exclusion":
            lines += [
                "",
                f"The {chair_word} to move:-",
                "",
                "\u201cThat the public be excluded from the meeting for the following items of business which "
                "involve the likely disclosure of exempt information as defined in the paragraphs of Schedule 12A "
                "(as amended) of the Local Government Act 1972 indicated below\u201d.",
                "",
                "Part Two",
                "",
                "(All reports in this section are exempt)",
                "",
            ]
            if not part_two:
                lines.append("nil")
            for exempt in part_two:
                pages = (
                    f" (Pages {exempt.start_page} - {exempt.end_page})" if exempt.start_page else ""
                )
                paragraphs = " & ".join(str(n) for n in getattr(exempt, "paragraphs", []))
                lines.append(f"{exempt.number}. **{exempt.title}**{pages}")
                lines += ["", f"Exemption paragraph(s) {paragraphs}", ""]
    names = []
    for seat in seats:
        if seat.role == "substitute":
            continue
        title = f" ({seat.title})" if seat.role in ("chair", "vice_chair") else ""
        names.append(f"{seat.person.name}{title}")
    names.sort(key=lambda n: n.split(" (")[0].split()[-1])
    half = (len(names) + 1) // 2
    lines += ["", "Committee Membership", ""]
    for left, right in zip(names[:half], [*names[half:], ""], strict=False):
        lines.append(f"{left}\t{right}".rstrip())
    lines += [
        "",
        "Note for Members of the Press and Public",
        "",
        "Filming of Meetings",
        "",
        "The Open (public) section of this meeting may be filmed for live or later broadcasting or other use, "
        "and, if you are at the meeting, you may be filmed, and are deemed to have agreed to being filmed and to "
        "the use of the recording for broadcast and/or other purposes.",
        "",
    ]
    return "\n".join(lines)
