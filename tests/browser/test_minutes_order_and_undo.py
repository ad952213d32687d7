"""In a real browser: reorder draft minutes with HTMX, and undo a confirmation.

Moving a minute swaps the list in place (no page load), keeps keyboard focus on the button
pressed and announces the change; the "Are you sure?" page asks for a reason. axe-core
checks both new pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from minutebook.meetings import services
from minutebook.minutes import services as minutes_services
from minutebook.minutes.models import Minutes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def two_meetings(committee):
    """January's minutes 1-3 and March's 4-8, both draft; a clerk to sign in."""
    january = services.create_meeting(committee, dt.date(2019, 1, 22), dt.time(10))
    march = services.create_meeting(committee, dt.date(2019, 3, 4), dt.time(10))
    services.add_item(march, "Domestic Homicide Reviews")
    services.add_item(march, "Prevent")
    minutes_services.start_minutes(january)
    minutes_services.start_minutes(march)
    clerk = get_user_model().objects.create_user("clerk", password="minutebook-demo")
    clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    return january, march


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill("minutebook-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def serious_axe_violations(page) -> list[str]:
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (scripts/test does)"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""
    )
    return found


def test_a_clerk_reorders_draft_minutes_in_place(live_server, page, two_meetings):
    _, march = two_meetings
    base = live_server.url
    sign_in(page, base)
    page.goto(f"{base}/manage/meetings/{march.pk}/minutes/")
    page.get_by_role("link", name="Change the order of the minutes").click()
    order = page.locator("#minutes-order")
    expect(order.locator(".minute__title")).to_have_text(
        [
            "4. Declarations of Interest",
            "5. Minutes of the meeting held on 22 January 2019",
            "6. Domestic Homicide Reviews",
            "7. Prevent",
            "8. Work Programme",
        ]
    )
    assert serious_axe_violations(page) == []

    page.evaluate("window.stillThisPage = true")
    page.get_by_role("button", name="Move up minute 7, Prevent").click()
    expect(order.locator(".minute__title").nth(2)).to_have_text("6. Prevent")
    expect(order.locator(".minute__title").nth(3)).to_have_text("7. Domestic Homicide Reviews")
    prevent = Minutes.objects.get(meeting=march).items.get(title="Prevent")
    # Focus stays on the button pressed, now in Prevent's new place; the change is announced.
    expect(page.locator(f"#move-up-{prevent.pk}")).to_be_focused()
    expect(page.locator("#live")).to_have_text("Moved “Prevent” up; it is now minute 6.")
    assert page.evaluate("window.stillThisPage") is True
    # Keyboard only: Enter moves it again.
    page.keyboard.press("Enter")
    expect(order.locator(".minute__title").nth(1)).to_have_text("5. Prevent")
    prevent.refresh_from_db()
    assert prevent.number_label == "5"


def test_a_clerk_undoes_a_confirmation_with_a_reason(live_server, page, two_meetings):
    january, march = two_meetings
    minutes_services.confirm_previous_minutes(
        Minutes.objects.get(meeting=march).items.get(agenda_item__minutes_of=january)
    )
    base = live_server.url
    sign_in(page, base)
    page.goto(f"{base}/manage/meetings/{march.pk}/minutes/")
    page.get_by_role("link", name="Undo the confirmation of the minutes of 22 January 2019").click()
    expect(page.get_by_role("heading", level=3)).to_have_text(
        "Are you sure you want to undo the confirmation?"
    )
    assert serious_axe_violations(page) == []

    page.get_by_role("button", name="Yes, undo the confirmation").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Enter why the confirmation is being undone.")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Why is the confirmation being undone?")).to_be_focused()
    assert serious_axe_violations(page) == []

    page.get_by_label("Why is the confirmation being undone?").fill("Confirmed by mistake")
    page.get_by_role("button", name="Yes, undo the confirmation").click()
    expect(page.locator(".messages")).to_contain_text(
        "The confirmation of the minutes of 22 January 2019 is undone"
    )
    expect(page.locator(".status-line")).to_contain_text("Draft")
    expect(page.get_by_role("link", name="Edit minute 1")).to_be_visible()
    assert Minutes.objects.get(meeting=january).status == Minutes.Status.DRAFT
