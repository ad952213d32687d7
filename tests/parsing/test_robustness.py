"""The parser never raises, is deterministic, and reads the seeds the same whatever converter
made the text: variants are generated from the seed text by general transformations."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.shared_documents import SEEDS

from minutebook.parsing import parse_lines, sources, to_json

SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
needs_seeds = pytest.mark.skipif(not SEED_FILES, reason="the seeds are not available")


def seed_lines(name: str) -> list[str]:
    return sources.read_lines(next(SEEDS.glob(f"{name}_*.txt")))


def records(lines: list[str]) -> dict[str, object]:
    """What must not change between variants: the meeting, reports and work programme."""
    out = to_json(parse_lines(lines))
    return {key: out[key] for key in ("kind", "meeting", "reports", "work_programme")}


# --- never raises, deterministic ------------------------------------------------------------

LINE = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S", "Zs"),
        include_characters="\t\f\u00a0*#_[]()<>|&;:-",
    ),
    max_size=80,
)
SHAPED = st.one_of(
    LINE,
    st.sampled_from(
        [
            "",
            "Page 3",
            "RESOLVED \u2013 That the report be noted.",
            "Present: Ann Beech (Chairman)",
            "Apologies: Mike Davies",
            "Minutes of the meeting held on 4 March 2019",
            "1. **Apologies** (Pages 1 - 8)",
            "Work Programme 2018-19",
            "Date of meeting\tItem\tDetails\tAction/Outcome",
            "tbc\tItem Cabinet Member: Ann Lee Lead Officer:\t\t",
            "Recommendation",
            "Contact Officer",
            "Part Two",
            "Committee Membership",
            "| 8 June | Item |",
            "\f",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SHAPED, max_size=60))
def test_arbitrary_lines_never_raise_and_parse_the_same_twice(lines: list[str]) -> None:
    first = to_json(parse_lines(lines))
    assert to_json(parse_lines(list(lines))) == first
    assert not any("reader failed" in w for w in first["warnings"])  # type: ignore[union-attr]


@needs_seeds
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_seed_with_blocks_deleted_duplicated_and_shuffled(data: st.DataObject) -> None:
    lines = seed_lines(data.draw(st.sampled_from(["000", "001", "003"])))
    for _ in range(data.draw(st.integers(1, 6))):
        if not lines:
            break
        start = data.draw(st.integers(0, len(lines) - 1))
        end = min(len(lines), start + data.draw(st.integers(1, 80)))
        block = lines[start:end]
        action = data.draw(st.sampled_from(["delete", "duplicate", "move"]))
        del lines[start:end]
        if action == "duplicate":
            lines[start:start] = block + block
        elif action == "move":
            at = data.draw(st.integers(0, len(lines)))
            lines[at:at] = block
    first = to_json(parse_lines(lines))
    assert to_json(parse_lines(list(lines))) == first
    assert not any("reader failed" in w for w in first["warnings"])  # type: ignore[union-attr]


# --- converter variants ---------------------------------------------------------------------


def _alone(lines: list[str], n: int) -> bool:
    """A short line standing between blank lines: how converters print headings."""
    line = lines[n]
    before = n == 0 or not lines[n - 1].strip()
    after = n + 1 == len(lines) or not lines[n + 1].strip()
    return before and after and 0 < len(line.strip()) < 70 and "\t" not in line


def markdown_headings(lines: list[str]) -> list[str]:
    return [
        f"### {line.lstrip(chr(12))}" if _alone(lines, n) and "\f" not in line else line
        for n, line in enumerate(lines)
    ]


_LABEL = re.compile(r"^([A-Z][A-Za-z ]{2,30}:)(\s)")


def bold_labels(lines: list[str]) -> list[str]:
    """``Label: value`` as ``**Label:** value``; headings standing alone in bold."""
    out = []
    for n, line in enumerate(lines):
        if "**" in line or "\f" in line:
            out.append(line)
        elif _LABEL.match(line):
            out.append(_LABEL.sub(r"**\1**\2", line, count=1))
        elif _alone(lines, n):
            out.append(f"**{line.strip()}**")
        else:
            out.append(line)
    return out


_EMAIL = re.compile(r"\b[\w.]+@[\w.]+\.(?:uk|com|org)\b")
_APPENDIX = re.compile(r"\b(Appendix [A-Z0-9]+)\b")


def html_links(lines: list[str]) -> list[str]:
    """E-mail addresses and appendix references as HTML links."""
    out = []
    for line in lines:
        line = _EMAIL.sub(lambda m: f'<a href="mailto:{m.group()}">{m.group()}</a>', line)
        out.append(_APPENDIX.sub(r'<a href="/documents/x.pdf">\1</a>', line))
    return out


def pipe_tables(lines: list[str]) -> list[str]:
    """Tab-separated rows as markdown pipe rows, with a rule under each table's first row."""
    out: list[str] = []
    for n, line in enumerate(lines):
        if "\t" not in line or "\f" in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("\t")]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0 or "\t" not in lines[n - 1]:
            out.append("|" + "|".join("---" for _ in cells) + "|")
    return out


_PAGE = re.compile(r"^\s*Page \d+\s*$")


def form_feeds(lines: list[str]) -> list[str]:
    """A form feed at the start of the line after every page footer."""
    out = list(lines)
    for n in range(len(out) - 1):
        if _PAGE.match(out[n]) and "\f" not in out[n + 1]:
            out[n + 1] = "\f" + out[n + 1]
    return out


def footers_mid_paragraph(lines: list[str]) -> list[str]:
    """A "Page NN" footer (and a blank) between two lines of running prose every ~60 lines."""
    out: list[str] = []
    page = 100
    for n, line in enumerate(lines):
        out.append(line)
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        if n % 60 == 59 and line.strip() and nxt.strip() and "\t" not in line + nxt:
            page += 1
            out += ["", f"Page {page}", ""]
    return out


def footers_splitting_paragraphs(lines: list[str]) -> list[str]:
    """Every seventh long prose line broken in the middle by a bare "Page NN" footer line."""
    out: list[str] = []
    page = 200
    for n, line in enumerate(lines):
        if n % 7 == 0 and len(line) > 120 and "\t" not in line and "\f" not in line:
            words = line.split(" ")
            half = len(words) // 2
            page += 1
            out += [" ".join(words[:half]), f"Page {page}", " ".join(words[half:])]
        else:
            out.append(line)
    return out


def windows_line_endings(lines: list[str]) -> list[str]:
    data = "\r\n".join(lines).encode("utf-8")
    return sources.text_lines(data)


def non_breaking_spaces(lines: list[str]) -> list[str]:
    """Every other space a non-breaking space; trailing non-breaking spaces on some lines."""
    out = []
    for n, line in enumerate(lines):
        parts = line.split(" ")
        text = "".join(p + ("\u00a0" if i % 2 else " ") for i, p in enumerate(parts[:-1]))
        text += parts[-1]
        out.append(text + ("\u00a0" if n % 3 == 0 else ""))
    return out


VARIANTS: dict[str, Callable[[list[str]], list[str]]] = {
    "markdown_headings": markdown_headings,
    "bold_labels": bold_labels,
    "html_links": html_links,
    "pipe_tables": pipe_tables,
    "form_feeds": form_feeds,
    "footers_mid_paragraph": footers_mid_paragraph,
    "footers_splitting_paragraphs": footers_splitting_paragraphs,
    "windows_line_endings": windows_line_endings,
    "non_breaking_spaces": non_breaking_spaces,
}


@needs_seeds
@pytest.mark.parametrize("seed", ["000", "001"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_converter_variant_reads_the_same(seed: str, variant: str) -> None:
    lines = seed_lines(seed)
    changed = VARIANTS[variant](list(lines))
    assert changed != lines or variant == "form_feeds"
    expected = records(lines)
    # the seed itself is read, so equal records are not two empty reads
    assert expected["meeting"] and expected["reports"]
    assert records(changed) == expected
