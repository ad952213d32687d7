"""What loading one document did: counts for the import summary, ids for the export."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LoadResult:
    """The outcome of :func:`minutebook.importing.loader.load_document` for one document.

    ``created``/``matched`` count records by kind ("meeting", "agenda_item", "minute_item",
    "work_programme_item", "report", "committee"); people are sets of ids so that a name
    printed twenty times in one pack counts once. The id lists say what the document
    touched, in document order, so that :func:`export_loaded` can write it back out.
    """

    source: str = ""
    kind: str = ""
    created: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    people_created: set[int] = field(default_factory=set)
    people_matched: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    input_warnings: list[str] | None = None
    meeting_id: int | None = None
    minutes_meeting_ids: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)
    programme_ids: list[int] = field(default_factory=list)

    def count(self, what: str, created: bool) -> None:
        bucket = self.created if created else self.matched
        bucket[what] = bucket.get(what, 0) + 1

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    @property
    def meetings_created(self) -> int:
        return self.created.get("meeting", 0)

    @property
    def meetings_matched(self) -> int:
        return self.matched.get("meeting", 0)

    @property
    def items_created(self) -> int:
        return sum(n for k, n in self.created.items() if k.endswith("item"))

    @property
    def items_matched(self) -> int:
        return sum(n for k, n in self.matched.items() if k.endswith("item"))
