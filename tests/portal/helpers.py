"""Reading rendered pages the way a person would: as text, and as links to follow."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


def text(response) -> str:
    """The visible text of a page, tags removed and whitespace collapsed to single spaces."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    # Inline elements join their neighbours; every other tag separates words.
    body = re.sub(r"</?(a|span|strong|em|abbr|b|i|code)\b[^>]*>", "", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).strip()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links(response) -> list[str]:
    parser = _Links()
    parser.feed(response.content.decode())
    return parser.hrefs


def headings(response) -> list[int]:
    """The levels of the page's headings, in document order."""
    return [int(n) for n in re.findall(r"<h([1-6])\b", response.content.decode())]
