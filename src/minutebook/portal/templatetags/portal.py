"""Template filters for the portal: UK dates and times, and the Schedule 12A notice.

Django's own ``date`` filter prints "a.m." and follows the active locale; councils print
"Monday 4 March 2019, 10.00 am" and the public expects exactly that, so these filters use
the wording the printed papers use (``publishing.render``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse

from minutebook.councils.models import municipal_year_label
from minutebook.publishing.render import clock, paragraphs_text, plain_date

register = template.Library()


@register.filter
def uk_date(value: dt.date | None) -> str:
    """2019-03-04 -> "Monday 4 March 2019"."""
    return f"{value:%A} {plain_date(value)}" if value else ""


@register.filter
def uk_short_date(value: dt.date | None) -> str:
    """2019-03-04 -> "4 March 2019", for tables where the weekday is noise."""
    return plain_date(value) if value else ""


@register.filter
def uk_time(value: dt.time | None) -> str:
    """10:00 -> "10.00 am", 14:30 -> "2.30 pm", 12:00 -> "12.00 pm"."""
    return clock(value)


@register.filter
def uk_datetime(day: dt.date | None, time: dt.time | None = None) -> str:
    """A date and optional time: "Monday 4 March 2019, 10.00 am"."""
    text = uk_date(day)
    return f"{text}, {uk_time(time)}" if text and time is not None else text


@register.filter
def year_label(start_year: int | None) -> str:
    """2018 -> "2018-19"."""
    return municipal_year_label(start_year) if start_year is not None else ""


@register.filter
def page_range(item: Any) -> str:
    """An agenda item's place in the pack: "Pages 9 - 22", or "Page 9"."""
    start, end = getattr(item, "start_page", None), getattr(item, "end_page", None)
    if start is None:
        return ""
    if end is None or end == start:
        return f"Page {start}"
    return f"Pages {start} - {end}"


@register.filter
def exempt_notice(item: Any) -> str:
    """The public's line for a Part Two item: "This item is exempt: Schedule 12A paragraph 3".

    Reads ``exempt_paragraphs.all()``, so views should prefetch them.
    """
    paragraphs: Iterable[Any] = item.exempt_paragraphs.all()
    numbers = sorted(p.number for p in paragraphs)
    if not numbers:
        return "This item is exempt under Schedule 12A to the Local Government Act 1972"
    return f"This item is exempt: Schedule 12A {paragraphs_text(numbers)}"


@register.filter
def percent(value: float | None) -> str:
    """0.875 -> "88%"; None (no meetings expected) -> words, which a screen reader can say."""
    if value is None:
        return "No meetings"
    return f"{round(value * 100)}%"


def _slug(obj: Any) -> str:
    return obj.slug or "-"


@register.filter
def committee_url(committee: Any) -> str:
    """The canonical address of a committee's page (the slug is for people, the id for us)."""
    return reverse("portal:committee", kwargs={"pk": committee.pk, "slug": _slug(committee)})


@register.filter
def person_url(person: Any) -> str:
    """The canonical address of a person's page."""
    return reverse("portal:person", kwargs={"pk": person.pk, "slug": _slug(person)})


@register.filter
def meeting_url(meeting: Any) -> str:
    return reverse("portal:meeting", kwargs={"pk": meeting.pk})


@register.filter
def http_url(value: str | None) -> str:
    """The URL if it is http(s), else nothing: imported links must not smuggle ``javascript:``."""
    text = (value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else ""


# --- GOV.UK Frontend helpers -------------------------------------------------------------

# A meeting's status as a GOV.UK tag colour: grey until papers exist, green once confirmed.
STATUS_TAG_CLASSES = {
    "scheduled": "govuk-tag--grey",
    "agenda_published": "govuk-tag--blue",
    "held": "govuk-tag--light-blue",
    "minutes_drafted": "govuk-tag--yellow",
    "minutes_confirmed": "govuk-tag--green",
    "cancelled": "govuk-tag--red",
}


@register.filter
def status_tag_class(status: str | None) -> str:
    """The GOV.UK tag modifier for a meeting status: "minutes_confirmed" -> "govuk-tag--green"."""
    return STATUS_TAG_CLASSES.get(status or "", "govuk-tag--grey")


def _widget_class(widget: Any) -> str:
    if getattr(widget, "input_type", None) in ("checkbox", "radio"):
        return ""
    if widget.__class__.__name__.endswith("Select"):
        return "govuk-select"
    if widget.__class__.__name__ == "Textarea":
        return "govuk-textarea"
    return "govuk-input"


@register.filter
def govuk_widget(field: Any, extra: str = "") -> str:
    """A bound form field's widget with GOV.UK classes, its error state and described-by ids.

    ``{{ form.date_from|govuk_widget }}``; ``extra`` adds classes such as
    "govuk-input--width-10". Forms stay plain Django forms: the look is the template's business.
    """
    widget = field.field.widget
    classes = [c for c in (_widget_class(widget), extra) if c]
    if field.errors and classes:
        classes.append(f"{classes[0]}--error")
    attrs: dict[str, str] = {}
    if classes:
        attrs["class"] = " ".join([*classes, widget.attrs.get("class", "")]).strip()
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


def _loaded(obj: Any, field: str) -> Any:
    """``obj.field`` if the related object is already loaded (no query), else None."""
    if obj is None or not hasattr(obj, "_state"):
        return None
    return obj._state.fields_cache.get(field)


@register.simple_tag(takes_context=True)
def current_council(context: dict) -> Any:
    """The council this site publishes for, named in the header.

    A page about a meeting or committee names that committee's council, already loaded with
    it; any other page the first council (a database normally holds one).
    """
    from minutebook.councils.models import Council

    committee = context.get("committee") or _loaded(context.get("meeting"), "committee")
    council = _loaded(committee, "council")
    if council is not None:
        return council
    return Council.objects.order_by("pk").first()


def _is_pdf(file: Any) -> bool:
    try:
        with file.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


@register.simple_tag(takes_context=True)
def meeting_papers(context: dict, meeting: Any) -> list[dict[str, Any]]:
    """The latest published version of each of a meeting's papers that the viewer may read.

    One row per document: its label, PDF address (through the access-checked /files/ view),
    page count, and the HTML version's address where the publishing app has one.
    """
    from minutebook.documents.models import PublishedDocument
    from minutebook.publishing.views import may_read

    request = context.get("request")
    user = getattr(request, "user", None)
    audiences = [PublishedDocument.Audience.PUBLIC]
    if user is not None and may_read(user, meeting, PublishedDocument.Audience.MEMBERS):
        audiences.append(PublishedDocument.Audience.MEMBERS)
    html_views = {
        PublishedDocument.Kind.FRONT_SHEET: "publishing:front_sheet",
        PublishedDocument.Kind.AGENDA_PACK: "publishing:pack",
        PublishedDocument.Kind.MINUTES: "publishing:minutes",
    }
    latest: dict[tuple[str, str], Any] = {}
    documents = PublishedDocument.objects.filter(meeting=meeting, audience__in=audiences)
    for doc in documents.exclude(file="").order_by("kind", "audience", "-version"):
        latest.setdefault((doc.kind, doc.audience), doc)
    # Only real PDFs: a placeholder file (as the demo writes) would be a broken link.
    latest = {key: doc for key, doc in latest.items() if _is_pdf(doc.file)}
    order = [k for k, _ in PublishedDocument.Kind.choices]
    rows = []
    for (kind, audience), doc in sorted(
        latest.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1] != "public")
    ):
        members = audience == PublishedDocument.Audience.MEMBERS
        html_view = html_views.get(kind)
        html = None
        if html_view:
            html = reverse(html_view, kwargs={"meeting_id": meeting.pk})
            html += "?audience=" + audience
        rows.append(
            {
                "label": doc.get_kind_display(),
                "members": members,
                "version": doc.version,
                "pages": doc.page_count,
                "pdf": reverse("files:published", kwargs={"pk": doc.pk}),
                "html": html,
            }
        )
    return rows
