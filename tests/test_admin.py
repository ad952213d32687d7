"""Every model is in the admin, and every admin page loads for a clerk."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

PROJECT_APPS = {
    "councils",
    "committees",
    "people",
    "meetings",
    "minutes",
    "reports",
    "scrutiny",
    "documents",
}


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]


def test_every_project_model_is_registered():
    missing = [m.__name__ for m in project_models() if m not in admin.site._registry]
    assert missing == []


@pytest.mark.parametrize(
    "model", project_models(), ids=lambda m: f"{m._meta.app_label}.{m.__name__}"
)
def test_changelist_and_add_pages_load(admin_client, model, committee):
    opts = model._meta
    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add.status_code == 200


def test_change_page_of_a_committee_shows_its_name(admin_client, committee):
    response = admin_client.get(reverse("admin:committees_committee_change", args=[committee.pk]))
    assert response.status_code == 200
    assert "Safe and Strong Communities Select Committee" in response.content.decode()
