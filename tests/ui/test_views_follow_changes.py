"""Views that show what is read from the database follow changes made elsewhere in the application."""

from __future__ import annotations

from datetime import timedelta

from desk import groups
from desk.clock import now_utc
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.changes import ALL, Changes
from ui.main_window import MainWindow
from ui.views.sync_view import SyncView


def _group(db, seat_limit: int = 20) -> int:
    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    course = factories.course(db)
    return factories.group(db, course, term, seat_limit=seat_limit)


def test_the_sync_view_counts_what_waits_after_a_change_made_in_another_view(qtbot, app_context, db, admin):
    group = _group(db)
    view = SyncView(app_context)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10_000)
    before = view.waiting_total_count
    # The class groups view changes a limit and announces the group it changed.
    groups.set_seat_limits(UnitOfWork(db, admin), [group], value=25, reason="większa sala")
    app_context.changes.announce(Changes.of(group={group}))
    qtbot.waitUntil(lambda: view.waiting_total_count > before, timeout=10_000)
    assert "Nothing is waiting" not in view.waiting_total.text()


def test_the_lookup_reads_its_results_again_and_data_as_of_follows(qtbot, app_context, db, monkeypatch):
    factories.student(db, "Ewa", "Kowalska")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    lookup = window.lookup
    with qtbot.waitSignal(lookup.searchFinished, timeout=10_000):
        lookup.set_query("kowalska")
    assert lookup.model.rowCount() == 1
    first = window.data_label.text()
    later = now_utc() + timedelta(minutes=7)
    monkeypatch.setattr("ui.main_window.now_utc", lambda: later)
    # Another clerk's admission (or a sync) changes students the operation cannot name one by one.
    factories.student(db, "Maria", "Kowalska")
    app_context.changes.announce(Changes.of(student=ALL, account=ALL, outbox=ALL, history=ALL))
    qtbot.waitUntil(lambda: lookup.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: window.data_label.text() != first, timeout=10_000)
    assert "data as of" in window.data_label.text()
