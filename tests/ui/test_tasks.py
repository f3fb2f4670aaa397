"""The lanes of background work, and operations: success announced, errors shown one way."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desk.errors import DomainError
from ui.changes import ALL, Changes, Kind
from ui.tasks import Cancelled, Lane, error_message


def test_a_write_is_not_queued_behind_a_long_job(qtbot, tasks):
    gate = threading.Event()
    long_started = threading.Event()

    def long_job():
        long_started.set()
        gate.wait(20)
        return "long"

    finished: list[str] = []
    tasks.run(long_job, finished.append, lane=Lane.LONG)
    assert long_started.wait(10)
    try:
        tasks.run(lambda: "saved", finished.append, lane=Lane.WRITE)
        qtbot.waitUntil(lambda: finished == ["saved"], timeout=5_000)
        assert tasks.busy(Lane.LONG) == 1 and not gate.is_set()  # the long job is still running
    finally:
        gate.set()
    qtbot.waitUntil(lambda: finished == ["saved", "long"], timeout=10_000)


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot, tasks):
    order: list[int] = []
    running = threading.Semaphore(1)

    def write(number):
        def work():
            assert running.acquire(blocking=False), "two writes ran at once"
            try:
                order.append(number)
            finally:
                running.release()
            return number
        return work

    results: list[int] = []
    for number in range(8):
        tasks.run(write(number), results.append, lane=Lane.WRITE)
    qtbot.waitUntil(lambda: len(results) == 8, timeout=10_000)
    assert order == list(range(8)) and results == list(range(8))


def test_reads_go_on_while_a_write_and_a_long_job_wait(qtbot, tasks):
    gate = threading.Event()
    tasks.run(lambda: gate.wait(20), lane=Lane.LONG)
    tasks.run(lambda: gate.wait(20), lane=Lane.WRITE)
    read: list[str] = []
    try:
        tasks.run(lambda: "rows", read.append)
        qtbot.waitUntil(lambda: read == ["rows"], timeout=5_000)
    finally:
        gate.set()


def test_a_keyed_long_job_is_not_started_twice(qtbot, tasks):
    gate = threading.Event()
    calls: list[int] = []

    def job():
        calls.append(1)
        gate.wait(20)

    first = tasks.run(job, lane=Lane.LONG, key="resolve")
    second = tasks.run(job, lane=Lane.LONG, key="resolve")
    assert second is first
    gate.set()
    qtbot.waitUntil(lambda: first.finished, timeout=10_000)
    assert calls == [1]
    third = tasks.run(lambda: None, lane=Lane.LONG, key="resolve")
    assert third is not first


def test_an_operation_announces_what_it_changed(qtbot, app_context):
    heard: list[Changes] = []
    app_context.changes.changed.connect(heard.append)
    results: list[int] = []
    with qtbot.waitSignal(app_context.changes.changed, timeout=5_000):
        app_context.operate(lambda: 12, results.append, changes=lambda group_id: Changes.of(group={group_id}, outbox=ALL))
    assert results == [12]
    assert heard[0].touches(Kind.GROUP, 12) and not heard[0].touches(Kind.GROUP, 13) and heard[0].touches(Kind.OUTBOX)
    assert not heard[0].touches(Kind.STUDENT)


def test_a_refusal_is_shown_in_the_message_area_as_it_is(qtbot, app_context):
    area = QLabel()
    qtbot.addWidget(area)
    failures: list[BaseException] = []

    def refuse():
        raise DomainError("The limit cannot be lower than the 12 students in the group.")

    heard: list[Changes] = []
    app_context.changes.changed.connect(heard.append)
    app_context.operate(refuse, failed=failures.append, changes=Changes.of(group=ALL), show=area)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert area.text() == "The limit cannot be lower than the 12 students in the group."
    assert heard == []  # nothing changed, nothing announced


def test_an_unexpected_error_is_a_short_message_and_its_details_are_logged(qtbot, app_context, caplog):
    window = QWidget()
    qtbot.addWidget(window)
    failures: list[BaseException] = []

    def crash():
        raise ZeroDivisionError("division by zero deep inside")

    with caplog.at_level(logging.ERROR, logger="ui.tasks"):
        app_context.operate(crash, failed=failures.append, show=window)
        qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    box = window.findChild(QMessageBox, "operationErrorBox")
    assert box is not None and box.text() == error_message(failures[0])
    assert "Traceback" not in box.text() and "division" not in box.text()
    assert "ZeroDivisionError" in caplog.text and "Traceback" in caplog.text
    box.close()


def test_a_cancelled_operation_is_neither_shown_nor_logged(qtbot, app_context, caplog):
    area = QLabel()
    qtbot.addWidget(area)
    failures: list[BaseException] = []

    def stopped():
        raise Cancelled()

    with caplog.at_level(logging.ERROR, logger="ui.tasks"):
        app_context.operate(stopped, failed=failures.append, show=area, lane=Lane.LONG)
        qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert area.text() == "" and caplog.text == ""


def test_changes_merge_and_name_their_kinds():
    merged = Changes.of(group={1}, student=5) | Changes.of(group={2}, outbox=ALL)
    assert merged.ids(Kind.GROUP) == {1, 2} and merged.ids(Kind.OUTBOX) is ALL and merged.ids(Kind.SYNC) == frozenset()
    assert merged.touches(Kind.STUDENT, [4, 5]) and not merged.touches(Kind.STUDENT, 4)
    with pytest.raises(ValueError):
        Changes.of(groups={1})  # a typo is a mistake, not a change nobody hears



# --- the broadcast between views -------------------------------------------------------------------


def test_a_change_on_a_card_refreshes_the_open_sync_view_and_another_card(qtbot, app_context, db):
    from PySide6.QtWidgets import QDialogButtonBox

    from tests import factories
    from ui.views.student_card import PersonEditDialog, StudentCardWindow
    from ui.views.sync_view import SyncView

    student_id = factories.student(db, "Jan", "Kowalski")  # made without the services: nothing queued
    sync_view = SyncView(app_context)
    qtbot.addWidget(sync_view)
    sync_view.show()
    qtbot.waitUntil(lambda: sync_view.overview is not None, timeout=10_000)
    assert sync_view.waiting_total_count == 0
    editing, watching = StudentCardWindow(app_context, student_id), StudentCardWindow(app_context, student_id)
    for card in (editing, watching):
        qtbot.addWidget(card)
        qtbot.waitUntil(lambda card=card: card.card is not None, timeout=10_000)
    dialog = PersonEditDialog(app_context, editing.card, None, editing)
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Kowalski-Nowak")
    dialog.reason.setText("akt małżeństwa")
    with qtbot.waitSignal(sync_view.loaded, timeout=10_000):  # no F5: the change was announced
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert sync_view.waiting_total_count >= 1
    qtbot.waitUntil(lambda: watching.card.last_name == "Kowalski-Nowak", timeout=10_000)


def test_a_hidden_view_refreshes_when_it_is_shown_again(qtbot, app_context):
    shown = QWidget()
    qtbot.addWidget(shown)
    refreshed: list[int] = []
    follower = app_context.follow(shown, lambda changes: changes.touches(Kind.GROUP, 7), lambda: refreshed.append(1))
    app_context.changes.announce(Changes.of(group={8}))
    app_context.changes.announce(Changes.of(group={7}))
    QCoreApplication.processEvents()  # whatever the announcements queued has run
    assert refreshed == [] and follower.stale  # hidden: nothing read for nobody to see
    shown.show()
    qtbot.waitUntil(lambda: refreshed == [1], timeout=5_000)
    for _ in range(3):  # announced together: one refresh
        app_context.changes.announce(Changes.of(group=ALL))
    qtbot.waitUntil(lambda: refreshed == [1, 1], timeout=5_000)
    QCoreApplication.processEvents()  # a second refresh would be queued by now (the broadcast's timer is a zero one)
    assert refreshed == [1, 1]
