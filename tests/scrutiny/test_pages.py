"""Public pages: the work programme as the council's table, and the recommendations tracker."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from minutebook.scrutiny.models import Recommendation

from .conftest import CANARY, TODAY, client_for


def text(response) -> str:
    """The visible text of a page's main element, whitespace collapsed."""
    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


def wp_url(world, year=2018):
    return reverse("scrutiny:work_programme", kwargs={"pk": world.committee.pk, "year": year})


def test_work_programme_page_prints_the_council_table(client, world):
    response = client.get(wp_url(world))
    assert response.status_code == 200
    page = text(response)
    body = response.content.decode()
    assert "<title>Work programme 2018-19: Safe and Strong Communities Select Committee" in body
    assert 'aria-label="Breadcrumb"' in body
    # Headings in the council's order.
    headings = re.findall(r'<h2 class="govuk-heading-l" id="[^"]+">([^<]+)</h2>', body)
    assert [html.unescape(h) for h in headings] == [
        "Work Programme 2018-19",
        "Standing Items 2018-19",
        "Briefing Notes/Updates/Visits 2018-19",
        "Working Group and/or Inquiry Days 2018-19",
        "Current & Related Work of Select Committees and/or All Party Member Groups 2018-19",
    ]
    # UK dates with times; tbc and printed date text for untimetabled rows.
    assert "22 January 2019, 2.00 pm Child Sexual Exploitation" in page
    assert "4 March 2019, 10.00 am Domestic Homicide Reviews" in page
    assert "8 November 2018, 10.00 am Meeting cancelled Update from the October SSRBG" in page
    assert "Tbc? 12 months after start of contract Domestic Abuse" in page
    assert "tbc Care Packages and Communication" in page
    assert "22 August 2018 Direct Payments" in page
    assert "2019-03-04" not in page
    # Names: two Cabinet Members and two officers on one item, as the council prints them.
    assert (
        "Cabinet Members: Mark Sutton & Alan White Lead Officers: Mick Harrison/Julie Long" in page
    )
    assert "Lead Officers: Mick Harrison/Julie Long" in page
    # The held meeting's item reads considered; withdrawn stays withdrawn.
    row = body[body.index(f'id="wp-{world.dhr.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Considered" in row
    assert "Withdrawn" in text(client.get(wp_url(world)))


def test_dates_of_one_meeting_are_one_cell(client, world):
    from minutebook.scrutiny import services

    services.save_item(world.programme, topic="Prevent: referrals", planned_meeting=world.april)
    body = client.get(wp_url(world)).content.decode()
    assert body.count('rowspan="2"') == 1
    cell = re.search(r'<th scope="rowgroup" rowspan="2"[^>]*>(.*?)</th>', body, re.S).group(1)
    assert "10 April 2019" in cell


def test_print_stylesheet_is_linked_for_print_only(client, world):
    body = client.get(wp_url(world)).content.decode()
    assert re.search(r'href="[^"]*scrutiny/print\.css"\s+media="print"', body)


def test_current_year_page_and_other_years(client, world, frozen_today):
    response = client.get(
        reverse("scrutiny:work_programme_current", kwargs={"pk": world.committee.pk})
    )
    # 1 September 2019 is in 2019-20, which has no programme yet: say so, and link 2018-19.
    assert response.status_code == 200
    page = text(response)
    assert "has no work programme for 2019-20" in page
    assert wp_url(world) in response.content.decode()
    assert client.get(wp_url(world, 2017)).status_code == 404


def test_a_part_two_outcome_is_kept_from_the_public(client, world, users):
    exempt_item = world.march.agenda_items.get(number="10")
    world.prevent.agenda_item = exempt_item
    world.prevent.outcome = f"Members agreed to {CANARY}."
    world.prevent.save()
    public = client.get(wp_url(world)).content.decode()
    assert CANARY not in public
    assert "The outcome was recorded in private" in public
    assert "Prevent Strategy" in public  # the item itself is public
    member = client_for(users["member"]).get(wp_url(world)).content.decode()
    assert CANARY in member
    assert CANARY not in client_for(users["other_member"]).get(wp_url(world)).content.decode()


# --- the tracker ------------------------------------------------------------------------------


def test_tracker_lists_recommendations_with_responses_and_progress(client, recs, frozen_today):
    response = client.get(reverse("scrutiny:recommendations"))
    assert response.status_code == 200
    page = text(response)
    assert "<title>Scrutiny recommendations" in response.content.decode()
    assert "6 recommendations." in page
    assert "That two more officers be recruited." in page
    assert "Partly accepted on 15 April 2019 by Cllr Mark Sutton One post can be funded" in page
    assert "Action deadline 1 December 2019" in page
    assert "Response due 1 May 2019" in page
    assert "20 June 2019: Done. Complete." in page
    assert "Cabinet Member for Children and Young People" in page
    assert "minute 53 Domestic Homicide Reviews" in page
    assert "Action overdue" in page and "Response overdue" in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "response_overdue"}, ["late"]),
        ({"status": "action_overdue"}, ["slipping"]),
        ({"status": "complete"}, ["done"]),
        ({"status": "awaiting"}, ["awaiting"]),
        ({"decision": "rejected"}, ["refused"]),
        ({"decision": "none"}, ["awaiting", "late"]),
    ],
)
def test_tracker_filters(client, recs, frozen_today, params, expected):
    response = client.get(reverse("scrutiny:recommendations"), params)
    shown = set(re.findall(r'id="rec-(\d+)"', response.content.decode()))
    assert shown == {str(getattr(recs, name).pk) for name in expected}


def test_tracker_filters_by_committee(client, recs, council, frozen_today):
    from minutebook.committees.models import Committee

    other = Committee.objects.create(council=council, name="Audit Committee")
    Recommendation.objects.create(committee=other, text="Audit it.", made_on=dt.date(2019, 1, 1))
    response = client.get(reverse("scrutiny:recommendations"), {"committee": other.pk})
    assert "Audit it." in text(response)
    assert "That two more officers be recruited." not in text(response)


def test_a_renamed_committees_filter_includes_its_old_names(client, recs, council, frozen_today):
    from minutebook.committees.models import Committee

    old = recs.awaiting.committee
    renamed = Committee.objects.create(
        council=council, name="Safeguarding Overview", predecessor=old
    )
    Recommendation.objects.create(
        committee=renamed, text="Keep it under review.", made_on=dt.date(2019, 6, 1)
    )
    page = text(client.get(reverse("scrutiny:recommendations"), {"committee": renamed.pk}))
    assert "Keep it under review." in page
    assert "That two more officers be recruited." in page  # made under the old name
    page = text(client.get(reverse("scrutiny:recommendations"), {"committee": old.pk}))
    assert "Keep it under review." not in page  # not the other way round


def test_overdue_page(client, recs, frozen_today):
    response = client.get(reverse("scrutiny:overdue"))
    page = text(response)
    assert "as at Sunday 1 September 2019" in page
    responses = page[page.index("Responses overdue (1)") : page.index("Actions overdue")]
    actions = page[page.index("Actions overdue (1)") :]
    assert "That the learning be shared with schools." in responses
    assert "That a helpline be publicised." in actions
    assert "That a multi-agency review panel" not in page  # due 1 October: not yet


# --- Part Two -----------------------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["public", "other_member"])
def test_the_exempt_recommendation_never_reaches_the_public(recs, users, viewer, frozen_today):
    client = client_for(users[viewer])
    for name in ("recommendations", "overdue"):
        body = client.get(reverse(f"scrutiny:{name}")).content.decode()
        assert CANARY not in body, name
        assert f'id="rec-{recs.secret.pk}"' not in body
    detail = client.get(reverse("scrutiny:recommendation", kwargs={"pk": recs.secret.pk}))
    assert detail.status_code == 404
    assert CANARY not in detail.content.decode()


@pytest.mark.parametrize("viewer", ["member", "clerk"])
def test_those_entitled_see_the_exempt_recommendation(recs, users, viewer, frozen_today):
    client = client_for(users[viewer])
    assert CANARY in client.get(reverse("scrutiny:recommendations")).content.decode()
    assert CANARY in client.get(reverse("scrutiny:overdue")).content.decode()
    detail = client.get(reverse("scrutiny:recommendation", kwargs={"pk": recs.secret.pk}))
    assert CANARY in detail.content.decode()


def test_a_recommendation_in_an_exempt_report_is_hidden_too(client, recs, world):
    from minutebook.reports.models import Report

    report = Report.objects.get(meeting=world.march, part=2)
    recs.awaiting.minute_item = None
    recs.awaiting.report = report
    recs.awaiting.save()
    body = client.get(reverse("scrutiny:recommendations")).content.decode()
    assert "That a multi-agency review panel" not in body
