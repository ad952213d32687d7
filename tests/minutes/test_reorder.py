"""Changing the order of a meeting's draft minutes: services and the workspace page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from minutebook.meetings import services as meetings
from minutebook.meetings.models import AgendaItem, Part
from minutebook.meetings.services import WorkspaceError
from minutebook.minutes import services
from minutebook.minutes.models import MinuteItem, Minutes

Standard = AgendaItem.Standard
HTMX = {"HTTP_HX_REQUEST": "true"}


def printed(minutes: Minutes) -> list[tuple[str, str]]:
    """(number, title) in printed order: Part One, then Part Two."""
    part_one, part_two = services.minutes_parts(minutes)
    return [(i.number_label, i.title) for i in part_one + part_two]


def numbers_of(minutes: Minutes) -> dict[str, str]:
    return {i.title: i.number_label for i in minutes.items.all()}


@pytest.fixture
def both(january, march) -> tuple[Minutes, Minutes]:
    """January's minutes numbered 1-3, March's 4-8 (numbers run through the year)."""
    return services.start_minutes(january), services.start_minutes(march)


def test_moving_a_minute_up_renumbers_that_meeting_in_order(both):
    jan, mar = both
    january_before = numbers_of(jan)
    assert printed(mar) == [
        ("4", "Declarations of Interest"),
        ("5", "Minutes of the meeting held on 22 January 2019"),
        ("6", "Domestic Homicide Reviews"),
        ("7", "Prevent"),
        ("8", "Work Programme"),
    ]
    assert services.move_item(mar.items.get(title="Prevent"), "up") is True
    assert printed(mar) == [
        ("4", "Declarations of Interest"),
        ("5", "Minutes of the meeting held on 22 January 2019"),
        ("6", "Prevent"),
        ("7", "Domestic Homicide Reviews"),
        ("8", "Work Programme"),
    ]
    assert [i.order for i in mar.items.order_by("order")] == [1, 2, 3, 4, 5]
    assert numbers_of(jan) == january_before
    # And back down again.
    assert services.move_item(mar.items.get(title="Prevent"), "down") is True
    assert printed(mar)[2:4] == [("6", "Domestic Homicide Reviews"), ("7", "Prevent")]


def test_a_minute_already_first_or_last_stays_put(both):
    _, mar = both
    before = printed(mar)
    assert services.move_item(mar.items.get(number=4), "up") is False
    assert services.move_item(mar.items.get(number=8), "down") is False
    assert printed(mar) == before
    with pytest.raises(WorkspaceError):
        services.move_item(mar.items.get(number=5), "sideways")


def test_a_late_minute_added_to_earlier_minutes_keeps_that_meetings_numbers(both):
    """January's forgotten item took 9 (March has 4-8): moved up, it takes January's 3,
    and the Work Programme takes 9; nothing clashes with March."""
    jan, mar = both
    march_before = numbers_of(mar)
    services.add_item(jan, "Forgotten item")
    assert [n for n, _ in printed(jan)] == ["1", "2", "3", "9"]
    services.move_item(jan.items.get(title="Forgotten item"), "up")
    assert printed(jan) == [
        ("1", "Declarations of Interest"),
        ("2", "Minutes of the previous meeting"),
        ("3", "Forgotten item"),
        ("9", "Work Programme"),
    ]
    assert numbers_of(mar) == march_before


def test_minutes_move_within_their_part_and_numbers_run_on_through_part_two(march):
    meetings.add_item(march, "Staffing matter", part=Part.TWO, paragraphs=[1])
    minutes = services.start_minutes(march)
    late = services.add_item(minutes, "Urgent business")  # Part One, numbered after Part Two
    assert printed(minutes)[-3:] == [
        ("6", "Exclusion of the Public"),
        ("8", "Urgent business"),
        ("7", "Staffing matter"),
    ]
    # The last Part One minute does not move down into Part Two, nor Part Two's first up.
    assert services.move_item(late, "down") is False
    assert services.move_item(minutes.items.get(title="Staffing matter"), "up") is False
    # Moved above the exclusion, it is numbered in order, and Part Two takes the last number.
    assert services.move_item(late, "up") is True
    assert printed(minutes)[-3:] == [
        ("6", "Urgent business"),
        ("7", "Exclusion of the Public"),
        ("8", "Staffing matter"),
    ]
    assert [n for n, _ in printed(minutes)] == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_confirmed_minutes_cannot_be_reordered(both):
    jan, mar = both
    services.confirm_previous_minutes(
        mar.items.get(agenda_item__standard=Standard.MINUTES), today=dt.date(2019, 3, 5)
    )
    before = printed(jan)
    with pytest.raises(WorkspaceError, match="confirmed"):
        services.move_item(jan.items.get(number=2), "up")
    assert printed(jan) == before


def test_minutes_with_printed_labels_are_not_reordered(committee, march):
    minutes = services.start_minutes(march)
    MinuteItem.objects.create(minutes=minutes, number_label="107/20", title="Imported", order=9)
    with pytest.raises(WorkspaceError, match="printed numbers"):
        services.move_item(minutes.items.get(title="Prevent"), "up")


def test_the_audit_trail_says_why_a_minute_was_renumbered(both):
    _, mar = both
    services.move_item(mar.items.get(title="Prevent"), "up")
    latest = mar.items.get(title="Domestic Homicide Reviews").history.first()
    assert (latest.number_label, latest.history_change_reason) == (
        "7",
        "Minutes reordered: minute 7 moved up",
    )


def test_a_committee_numbering_per_meeting_reorders_the_same_way(committee, january, march):
    from minutebook.committees.models import Committee

    committee.minute_numbering = Committee.MinuteNumbering.MEETING
    committee.save()
    services.start_minutes(january)
    mar = services.start_minutes(march)
    services.move_item(mar.items.get(title="Work Programme"), "up")
    assert [n for n, _ in printed(mar)] == ["1", "2", "3", "4", "5"]
    assert printed(mar)[3] == ("4", "Work Programme")


# --- the workspace page -------------------------------------------------------------------


def test_the_order_page_moves_a_minute_without_javascript(clerk_client, both):
    _, mar = both
    march = mar.meeting
    minutes_page = clerk_client.get(reverse("manage:minutes", args=[march.pk])).content.decode()
    url = reverse("manage:minutes_order", args=[march.pk])
    assert url in minutes_page
    page = clerk_client.get(url).content.decode()
    prevent = mar.items.get(title="Prevent")
    assert f'id="move-up-{prevent.pk}"' in page
    response = clerk_client.post(url, {"item": prevent.pk, "direction": "up"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#order-{prevent.pk}"
    page = clerk_client.get(response["Location"]).content.decode()
    assert "Moved “Prevent” up; it is now minute 6." in page
    assert printed(mar)[2] == ("6", "Prevent")


def test_the_order_page_swaps_the_list_for_htmx_and_keeps_focus(clerk_client, both):
    _, mar = both
    url = reverse("manage:minutes_order", args=[mar.meeting.pk])
    prevent = mar.items.get(title="Prevent")
    response = clerk_client.post(url, {"item": prevent.pk, "direction": "down"}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#minutes-order"
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="minutes-order"')
    assert f'id="move-down-{prevent.pk}" autofocus' in body
    assert "it is now minute 8." in body
    assert 'role="status"' in body
    assert printed(mar)[-1] == ("8", "Prevent")


def test_the_order_page_moves_only_this_meetings_minutes(clerk_client, both):
    jan, mar = both
    url = reverse("manage:minutes_order", args=[mar.meeting.pk])
    theirs = jan.items.get(number=2)
    before = (printed(jan), printed(mar))
    response = clerk_client.post(url, {"item": theirs.pk, "direction": "up"}, follow=True)
    assert "Choose a minute of this meeting" in response.content.decode()
    assert (printed(jan), printed(mar)) == before


def test_confirmed_minutes_offer_no_reordering(clerk_client, both):
    jan, mar = both
    services.confirm_previous_minutes(
        mar.items.get(agenda_item__standard=Standard.MINUTES), today=dt.date(2019, 3, 5)
    )
    url = reverse("manage:minutes_order", args=[jan.meeting.pk])
    assert (
        url
        not in clerk_client.get(reverse("manage:minutes", args=[jan.meeting.pk])).content.decode()
    )
    page = clerk_client.get(url).content.decode()
    assert "can no longer be changed" in page
    assert "move-up-" not in page
    before = printed(jan)
    response = clerk_client.post(url, {"item": jan.items.get(number=2).pk, "direction": "up"})
    assert response.status_code == 302
    assert printed(jan) == before
