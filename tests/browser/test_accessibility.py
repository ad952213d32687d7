"""Accessibility of every public page type, in a real browser (Playwright driving Debian's Chromium).

On a small demo council: axe-core (from npm, node_modules/axe-core) finds no violation of
impact "serious" or "critical" on any page type; from the top of a page the first Tab
reaches the skip link, which moves focus to the main content; whatever Tab reaches shows
that it has focus; and at a phone's width (375 pixels) no page scrolls sideways.

scripts/test runs ``npm ci`` (scripts/lib.sh: ensure_node_modules) so axe.min.js is there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from minutebook.demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from minutebook.demo.builder import build_demo_council
from minutebook.minutes.models import MinuteItem
from minutebook.publishing.packs import publish_agenda

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
# Swagger UI (django-ninja's API documentation) draws each operation as a button holding a
# deep link and a copy button: a structure of Swagger UI's own that our stylesheet cannot
# change. Every other rule still applies to that page.
KNOWN = {"API documentation": {"nested-interactive"}}
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def council():
    """A year of the demo council, its search index, the demo sign-ins, and one agenda
    published for real (the demo's own published files are placeholders, not PDFs)."""
    result = build_demo_council(seed=2019, years=1, today=dt.date(2026, 11, 25))
    ensure_demo_accounts(result.member, result.clerk)
    from minutebook.search.index import rebuild_index

    rebuild_index()
    publish_agenda(part_two_meeting(), get_user_model().objects.get(username="clerk"))
    return result


def part_two_meeting():
    """The latest meeting whose minutes have a Part Two item."""
    exempt = (
        MinuteItem.objects.filter(exempt_paragraphs__isnull=False)
        .select_related("minutes__meeting__committee")
        .order_by("-minutes__meeting__date")
        .first()
    )
    assert exempt is not None, "the demo council has no Part Two minute to show"
    return exempt.minutes.meeting


def page_types(result) -> dict[str, str]:
    """One address for each kind of public page: name -> path."""
    meeting = part_two_meeting()
    committee = meeting.committee
    member = result.member
    return {
        "home": "/",
        "committee": f"/committees/{committee.pk}/{committee.slug or '-'}/",
        "meeting with minutes and Part Two": f"/meetings/{meeting.pk}/",
        "person": f"/people/{member.pk}/{member.slug or '-'}/",
        "decisions": "/decisions/",
        "decisions with a filter error": "/decisions/?date_from=2026-10-01&date_to=2026-09-01",
        "search results": "/search/?q=domestic+abuse",
        "search results, page 2": "/search/?q=council&page=2",
        "topic timeline": "/search/timeline/?q=domestic+abuse",
        "papers: front sheet": f"/papers/{meeting.pk}/front-sheet/",
        "sign in": "/accounts/login/",
        "API documentation": "/api/docs",
    }


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }"""
    )


def describe(problems: dict[str, list[dict]]) -> str:
    lines = []
    for name, violations in problems.items():
        for v in violations:
            lines.append(f"{name}: [{v['impact']}] {v['id']}: {v['help']}")
            for node in v["nodes"][:5]:
                summary = " ".join((node["summary"] or "").split())
                lines.append(f"    {node['target']}: {summary[:300]}")
            if len(v["nodes"]) > 5:
                lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_no_serious_or_critical_axe_violations_on_any_page_type(council, live_server, page):
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (scripts/test does)"
    urls = page_types(council)
    problems: dict[str, list[dict]] = {}
    for name, path in urls.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, f"{name}: {path}"
        known = KNOWN.get(name, set())
        blocking = [
            v for v in axe_violations(page) if v["impact"] in BLOCKING and v["id"] not in known
        ]
        if blocking:
            problems[name] = blocking
    # The clerk sees the Part Two text, under its "Not for publication" banner.
    sign_in(page, live_server.url, "clerk")
    page.goto(live_server.url + urls["meeting with minutes and Part Two"])
    assert page.get_by_text("Not for publication.").count() > 0
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    if blocking:
        problems["meeting, signed in as the clerk"] = blocking
    assert not problems, "axe-core found serious or critical problems:\n" + describe(problems)


def focus_state(page) -> dict:
    """What the focused element is, and whether its focus style can be seen."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const clear = c => c === "transparent" || /rgba\\(.*,\\s*0\\)$/.test(c);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
                && !clear(style.outlineColor);
            const shadow = style.boxShadow && style.boxShadow !== "none";
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.className || ""),
                text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
                visible: outline || shadow, outline: style.outline, boxShadow: style.boxShadow,
                onScreen: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0,
            };
        }"""
    )


def test_the_first_tab_reaches_the_skip_link_and_it_moves_focus_to_main(council, live_server, page):
    for path in ("/", page_types(council)["meeting with minutes and Part Two"], "/decisions/"):
        page.goto(live_server.url + path)
        page.keyboard.press("Tab")
        first = focus_state(page)
        assert "govuk-skip-link" in first["cls"], f"{path}: first Tab reached {first}"
        assert first["text"] == "Skip to main content"
        assert first["onScreen"] and first["visible"], f"{path}: the skip link is hidden: {first}"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", path
        # The next Tab continues from the main content, not from the header.
        page.keyboard.press("Tab")
        inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
        assert inside, f"{path}: Tab after the skip link left the main content"


def test_everything_tab_reaches_shows_its_focus(council, live_server, page):
    urls = page_types(council)
    unseen = []
    for name in (
        "home",
        "meeting with minutes and Part Two",
        "decisions",
        "search results",
        "person",
        "sign in",
    ):
        page.goto(live_server.url + urls[name])
        for _ in range(60):
            page.keyboard.press("Tab")
            state = focus_state(page)
            if state["tag"] == "body":
                break  # past the end of the page
            if not state["visible"]:
                unseen.append(f"{name}: <{state['tag']} class={state['cls']!r}> {state['text']!r}")
    assert not unseen, "no visible focus on:\n" + "\n".join(sorted(set(unseen)))


def test_no_page_scrolls_sideways_on_a_phone(council, live_server, browser):
    context = browser.new_context(viewport=PHONE, locale="en-GB", timezone_id="Europe/London")
    phone = context.new_page()
    wide = {}
    try:
        for name, path in page_types(council).items():
            phone.goto(live_server.url + path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                culprits = phone.evaluate(
                    """limit => [...document.querySelectorAll("body *")]
                        .filter(el => el.getBoundingClientRect().right > limit + 1)
                        .filter(el => !el.closest(".table-scroll, .visually-hidden, .govuk-visually-hidden"))
                        .slice(0, 5)
                        .map(el => el.tagName.toLowerCase() + "." + String(el.className).replace(/ /g, "."))""",
                    PHONE["width"],
                )
                wide[name] = f"{width}px wide: {culprits}"
    finally:
        context.close()
    assert not wide, "pages wider than a 375px phone:\n" + "\n".join(
        f"{name}: {why}" for name, why in wide.items()
    )
