"""Reading rendered pages as text, links and headings."""

from __future__ import annotations

import html
import re


def text(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(a|span|strong|em|mark|time|b|i)\b[^>]*>", "", body)
    body = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html.unescape(body)).strip()


def links(response) -> list[str]:
    return [
        html.unescape(h)
        for h in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', response.content.decode())
    ]


def headings(response) -> list[int]:
    return [int(n) for n in re.findall(r"<h([1-6])\b", response.content.decode())]
