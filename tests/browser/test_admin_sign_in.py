"""A clerk signs in to the admin in a real browser and finds the committee records."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_signs_in_and_opens_a_committee(live_server, page, committee):
    get_user_model().objects.create_superuser("clerk", "clerk@example.gov.uk", "minutebook-demo")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill("minutebook-demo")
    page.get_by_role("button", name="Log in").click()
    page.locator('a[href="/admin/committees/committee/"]').first.click()
    page.get_by_role("link", name="Safe and Strong Communities Select Committee").click()
    assert (
        page.get_by_label("Name:").input_value() == "Safe and Strong Communities Select Committee"
    )
