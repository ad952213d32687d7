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
    """Our models, less the audit trail's history tables (shown on each record's history page)."""
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in PROJECT_APPS and not hasattr(m, "instance_type")
    ]


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


def test_audit_trail_shows_who_changed_a_meeting(admin_client, admin_user, committee):
    import datetime as dt

    from minutebook.meetings.models import Meeting

    meeting = Meeting.objects.create(
        committee=committee, date=dt.date(2019, 3, 4), venue="Oak Room"
    )
    change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "chair"}
    data.update({"venue": "Council Chamber", "date": "2019-03-04", "status": "scheduled"})
    for prefix in ("agenda_items", "attendances", "declarations"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    admin_client.post(change_url, data)
    meeting.refresh_from_db()
    assert meeting.venue == "Council Chamber"
    latest = meeting.history.first()
    assert (latest.venue, latest.history_user, latest.history_type) == (
        "Council Chamber",
        admin_user,
        "~",
    )
    page = admin_client.get(
        reverse("admin:meetings_meeting_history", args=[meeting.pk])
    ).content.decode()
    assert admin_user.username in page  # the history page names who changed it
