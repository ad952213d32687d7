"""The index follows saves and deletes, and rebuilds from scratch."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import connection

from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.reports.models import Report, ReportRecommendation
from minutebook.scrutiny.models import WorkProgrammeItem
from minutebook.search import index
from minutebook.search.models import Kind, SearchEntry
from minutebook.search.query import search

from .conftest import CANARY


@pytest.fixture(autouse=True)
def _fresh_pending():
    index._local.pending = index.Changes()
    yield
    index._local.pending = index.Changes()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the index's commit hook, as a real commit would.

    The fixture's own saves left a hook waiting (the test's transaction never commits):
    drop it, so the hook for the changes made inside the block is registered there.
    """

    @contextmanager
    def run():
        connection.run_on_commit = [
            hook for hook in connection.run_on_commit if hook[1] is not index._flush
        ]
        index._local.pending = index.Changes()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return run


def found(q: str) -> set[tuple[str, int]]:
    return {(h.kind, h.entry.source_id) for h in search(q, per_page=100)}


def test_new_rows_are_indexed_on_commit(papers, committed):
    with committed():
        item = AgendaItem.objects.create(
            meeting=papers.meetings["2023-09"], number="7", order=7, title="Stalking protection"
        )
        report = Report.objects.create(
            meeting=papers.meetings["2023-09"], agenda_item=item, title="Stalking orders"
        )
        ReportRecommendation.objects.create(report=report, text="That zebras be counted.")
    assert found("stalking") >= {(Kind.AGENDA_ITEM, item.pk), (Kind.REPORT, report.pk)}
    assert found("zebras") == {(Kind.REPORT, report.pk)}


def test_edits_and_deletes_follow(papers, committed):
    report = papers.body_hit
    with committed():
        report.body = "Priorities now include modern slavery."
        report.save()
    assert (Kind.REPORT, report.pk) not in found("knife")
    assert (Kind.REPORT, report.pk) in found("slavery")
    with committed():
        report.delete()
    assert found("slavery") == set()
    assert not SearchEntry.objects.filter(kind=Kind.REPORT, source_id=report.pk).exists()


def test_resolutions_follow(papers, committed):
    minute = papers.public_minute
    with committed():
        Resolution.objects.create(minute_item=minute, order=2, label="c", text="That owls fly.")
    assert found("owls") == {(Kind.RESOLUTION, minute.pk)}
    with committed():
        minute.resolutions.all().delete()
    assert found("owls") == set()
    assert not SearchEntry.objects.filter(kind=Kind.RESOLUTION, source_id=minute.pk).exists()


def test_making_an_item_part_two_removes_its_text(papers, committed):
    item = papers.public_minute.agenda_item
    assert (Kind.MINUTE, papers.public_minute.pk) in found("refuge places")
    with committed():
        item.part = 2
        item.save()
    # The minute and report under it are now exempt: titles stay, text goes.
    assert found("refuge places") == set()
    assert found("endorsed") == set()
    entry = SearchEntry.objects.get(kind=Kind.MINUTE, source_id=papers.public_minute.pk)
    assert entry.exempt and entry.body == ""
    with committed():
        item.part = 1
        item.save()
    assert (Kind.MINUTE, papers.public_minute.pk) in found("refuge places")


def test_marking_a_report_part_two_later_never_leaks(papers, committed):
    with committed():
        report = Report.objects.create(
            meeting=papers.meetings["2023-09"], title="Hostel review", body=f"{CANARY} hostel"
        )
    assert found("hostel")  # public for now
    with committed():
        report.part = 2
        report.save()
    assert found(CANARY) == set()
    assert CANARY not in SearchEntry.objects.get(kind=Kind.REPORT, source_id=report.pk).body


def test_moving_a_meeting_moves_its_entries(papers, committed):
    meeting = papers.meetings["2019-11"]
    with committed():
        meeting.date = dt.date(2019, 12, 2)
        meeting.save()
    assert {e.date for e in SearchEntry.objects.filter(meeting=meeting)} == {dt.date(2019, 12, 2)}


def test_deleting_a_meeting_keeps_work_programme_items(papers, committed):
    wp = papers.wp_item
    meeting = papers.meetings["2023-09"]
    with committed():
        wp.planned_meeting = meeting
        wp.save()
    assert SearchEntry.objects.get(kind=Kind.WORK_PROGRAMME).meeting == meeting
    meeting_id = meeting.pk
    with committed():
        meeting.delete()
    entry = SearchEntry.objects.get(kind=Kind.WORK_PROGRAMME, source_id=wp.pk)
    assert entry.meeting is None
    assert not SearchEntry.objects.filter(meeting_id=meeting_id).exists()


def test_renaming_a_person_updates_the_names(papers, committed):
    with committed():
        papers.gill.name = "Gillian Heath"
        papers.gill.save()
    assert (Kind.WORK_PROGRAMME, papers.wp_item.pk) in found("Gillian")


def test_rebuild_matches_incremental(papers, committed):
    before = sorted(SearchEntry.objects.values_list("kind", "source_id", "title", "body", "exempt"))
    index.rebuild_index()
    after = sorted(SearchEntry.objects.values_list("kind", "source_id", "title", "body", "exempt"))
    assert before == after


def test_bulk_writes_need_a_rebuild_and_the_command_does_it(papers):
    meeting = Meeting.objects.create(committee=papers.ssc, date=dt.date(2021, 3, 1))
    minutes = Minutes.objects.create(meeting=meeting)
    MinuteItem.objects.bulk_create(
        [
            MinuteItem(
                minutes=minutes,
                committee=papers.ssc,
                municipal_year=2020,
                number_label="90",
                title="Hate crime",
                narrative="Bulk written",
            )
        ]
    )
    assert found("hate crime") == set()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(found("hate crime")) == 1
    assert (
        WorkProgrammeItem.objects.count()
        == SearchEntry.objects.filter(kind=Kind.WORK_PROGRAMME).count()
    )


def test_a_rolled_back_savepoint_loses_nothing_that_committed(papers, committed):
    from django.db import transaction

    meeting = papers.meetings["2023-09"]
    with committed():
        with pytest.raises(RuntimeError), transaction.atomic():
            # The first change of the transaction registers the hook here, in a savepoint
            # that is then rolled back, taking the hook with it.
            Report.objects.create(meeting=meeting, title="Badger survey")
            raise RuntimeError
        kept = Report.objects.create(meeting=meeting, title="Otter survey")
    assert found("survey") == {(Kind.REPORT, kept.pk)}


def test_one_hook_per_transaction(papers, committed):
    with committed() as callbacks:
        for n in range(5):
            AgendaItem.objects.create(
                meeting=papers.meetings["2023-09"], number=str(20 + n), order=20 + n, title="Owl"
            )
    assert len(callbacks) == 1
    assert len(found("owl")) == 5
