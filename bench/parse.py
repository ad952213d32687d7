"""Parse speed: pages and MB per second, beside the raw cost of reading the same bytes.

Run on demand (not part of the test suite):

    .venv/bin/python bench/parse.py [--repeat 5] [FILES...]

With no files it measures ../shared/seeds/*.txt, ../shared/corpus/*.txt and
../shared/corpus/pdf/*.pdf. For each file it reports the best of --repeat runs of

- read: reading the file's bytes (the floor any parser pays),
- pdftotext: poppler's `pdftotext -layout` on the same PDF (the tool a clerk would reach for),
- pdfium: for a PDF, pdfium opening each page and its text and reading the text out (the
  floor any parser built on pdfium pays; parse less pdfium is the PDF layer and the readers),
- parse: `minutebook.parsing.parse_path`, the whole parse to contract dataclasses.

Times are wall-clock; with --cpu they are CPU seconds (this process's for read and parse, the
child's for pdftotext), which other jobs on a shared machine disturb far less. The load average
is printed before and after: compare runs made under a similar load.

Pages are the PDF's page count; for text, which loses page breaks, the largest of the form
feeds (+1), the highest "Page N" marker, and the line count / 50 (a printed A4 page of a pack). BENCHMARKS.md records the method and figures.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from minutebook.parsing import parse_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
PAGE_MARKER = re.compile(r"\bPage\s+(\d{1,4})\b")
LINES_PER_PAGE = 50


def best_of(repeat: int, fn: Callable[[], object], clock: Callable[[], float]) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (pdftotext)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def page_count(path: Path) -> int:
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        with pypdfium2.PdfDocument(path) as pdf:
            return len(pdf)
    text = path.read_text(encoding="utf-8", errors="replace")
    markers = [int(n) for n in PAGE_MARKER.findall(text)]
    return max(text.count("\f") + 1, max(markers, default=1), text.count("\n") // LINES_PER_PAGE)


def pdfium_text(data: bytes) -> None:
    """What pdfium does for any parser: open every page and its text, and read the text."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
            textpage = pdfium_c.FPDFText_LoadPage(page)
            count = pdfium_c.FPDFText_CountChars(textpage)
            buffer = (ctypes.c_ushort * (count + 1))()
            pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
            pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
    finally:
        pdf.close()


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)


def measure(path: Path, repeat: int, cpu: bool = False) -> dict[str, float]:
    size_mb = path.stat().st_size / 1e6
    clock = time.process_time if cpu else time.perf_counter
    row = {"pages": page_count(path), "mb": size_mb}
    row["read"] = best_of(repeat, path.read_bytes, clock)
    row["parse"] = best_of(repeat, lambda: parse_path(path), clock)
    if path.suffix.lower() == ".pdf":
        data = path.read_bytes()
        row["pdfium"] = best_of(repeat, lambda: pdfium_text(data), clock)
    if path.suffix.lower() == ".pdf" and shutil.which("pdftotext"):
        tool_clock = children_cpu if cpu else time.perf_counter
        row["pdftotext"] = best_of(repeat, lambda: pdftotext(path), tool_clock)
    return row


def default_files() -> list[Path]:
    return [
        *sorted((SHARED / "seeds").glob("*.txt")),
        *sorted((SHARED / "corpus").glob("*.txt")),
        *sorted((SHARED / "corpus" / "pdf").glob("*.pdf")),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall-clock")
    args = parser.parse_args()
    files = args.files or default_files()
    clock = "CPU" if args.cpu else "wall-clock"
    print(f"{clock} times, best of {args.repeat}; load average {load_average()}")
    header = f"{'file':48} {'pages':>5} {'MB':>6} {'read ms':>8} {'pdftotext ms':>12} {'pdfium ms':>9} {'parse ms':>9} {'pages/s':>8} {'MB/s':>6} {'x pdftotext':>11}"
    print(header)
    print("-" * len(header))
    totals = {"text": [0, 0.0, 0.0], "pdf": [0, 0.0, 0.0]}
    for path in files:
        row = measure(path, args.repeat, args.cpu)
        kind = "pdf" if path.suffix.lower() == ".pdf" else "text"
        totals[kind][0] += row["pages"]
        totals[kind][1] += row["mb"]
        totals[kind][2] += row["parse"]
        ratio = f"{row['parse'] / row['pdftotext']:.2f}" if "pdftotext" in row else ""
        tool = f"{row['pdftotext'] * 1000:.1f}" if "pdftotext" in row else ""
        engine = f"{row['pdfium'] * 1000:.1f}" if "pdfium" in row else ""
        print(
            f"{path.name[:48]:48} {row['pages']:5d} {row['mb']:6.2f} {row['read'] * 1000:8.2f} {tool:>12} {engine:>9} "
            f"{row['parse'] * 1000:9.1f} {row['pages'] / row['parse']:8.0f} {row['mb'] / row['parse']:6.2f} {ratio:>11}"
        )
    for kind, (pages, mb, seconds) in totals.items():
        if seconds:
            print(
                f"all {kind}: {pages} pages, {mb:.2f} MB in {seconds:.3f} s: {pages / seconds:.0f} pages/s, {mb / seconds:.2f} MB/s"
            )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
