"""The lookup view driven as a clerk would: typing, arrows, Enter, scrolling for more."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import insert

from desk import student_search
from desk.model import Person, PersonCategory, Student
from desk.text import person_name_fields
from tests import factories
from ui.tasks import Lane
from ui.views.student_lookup import StudentLookupView


def _view(qtbot, app_context) -> StudentLookupView:
    view = StudentLookupView(app_context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    return view


def _search(qtbot, view, text: str) -> int:
    with qtbot.waitSignal(view.searchFinished, timeout=10_000) as finished:
        view.set_query(text)
    return finished.args[0]


def test_typing_a_name_without_diacritics_finds_it(qtbot, app_context, db):
    factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    factories.student(db, "Anna", "Nowak")
    view = _view(qtbot, app_context)
    assert _search(qtbot, view, "lukasz zolkiewski") == 1
    assert view.model.row_at(0).last_name == "Żółkiewski"
    assert "1" in view.feedback.text()
    assert _search(qtbot, view, "1234") == 1
    assert _search(qtbot, view, "123456@STUDENT") == 1
    assert _search(qtbot, view, "qqqzzz") == 0
    assert "No student" in view.feedback.text()


def test_keyboard_down_and_enter_open_the_card(qtbot, app_context, db):
    factories.student(db, "Ewa", "Kowalska")
    view = _view(qtbot, app_context)
    _search(qtbot, view, "kowalska")
    view.field.setFocus()
    qtbot.keyClick(view.field, Qt.Key.Key_Down)
    assert view.focusWidget() is view.table and view.table.currentIndex().row() == 0
    with qtbot.waitSignal(view.studentOpened) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    card = view._cards[opened.args[0]]
    qtbot.waitUntil(lambda: card.card is not None)
    assert card.card.last_name == "Kowalska"
    card.close()
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert view.focusWidget() is view.field


def test_a_stale_answer_never_replaces_a_newer_one(qtbot, app_context, db, monkeypatch):
    factories.student(db, "Anna", "Nowak")
    factories.student(db, "Jan", "Kowalski")
    release = threading.Event()
    real = student_search.search_students

    def slow_for_nowak(uow, query, **kwargs):
        if query == "nowak":
            release.wait(10)
        return real(uow, query, **kwargs)

    monkeypatch.setattr("ui.views.student_lookup.search_students", slow_for_nowak)
    view = _view(qtbot, app_context)
    view.set_query("nowak")
    view._search()  # start now, without the typing pause
    with qtbot.waitSignal(view.searchFinished, timeout=10_000):
        view.set_query("kowalski")
        view._search()
    release.set()
    app_context.tasks.wait()
    qtbot.waitUntil(lambda: app_context.tasks.busy(Lane.READ) == 0)
    assert [view.model.row_at(i).last_name for i in range(view.model.rowCount())] == ["Kowalski"]


def test_scrolling_fetches_the_next_page(qtbot, app_context, db):
    programme_id = factories.programme(db)
    with db.write() as session:
        session.execute(
            insert(Person),
            [
                dict(id=1000 + i, first_name="Jan", middle_name=None, last_name=f"Nowakowski{i:03d}",
                     category=PersonCategory.STUDENT, **person_name_fields("Jan", None, f"Nowakowski{i:03d}"))
                for i in range(150)
            ],
        )
        session.execute(insert(Student), [dict(id=1000 + i, person_id=1000 + i, student_number=f"9{i:05d}") for i in range(150)])
    assert programme_id
    view = _view(qtbot, app_context)
    assert _search(qtbot, view, "nowakowski") == student_search.DEFAULT_PAGE
    assert view.model.canFetchMore()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 150, timeout=10_000)
    numbers = [view.model.row_at(i).last_name for i in range(150)]
    assert numbers == sorted(numbers) and len(set(numbers)) == 150


def test_hostile_input_is_just_text(qtbot, app_context, db):
    factories.student(db, "Anna", "Nowak")
    view = _view(qtbot, app_context)
    for text in ['"', "%", "_", "'", "AND", "*", "a" * 1000, "\x00\x01", "'; DROP TABLE students; --"]:
        assert _search(qtbot, view, text) == 0, text
    assert _search(qtbot, view, "") == 0
    assert "Type" in view.feedback.text()


def test_enter_during_a_newer_search_opens_a_row_of_its_answer_only(qtbot, app_context, db, monkeypatch):
    kowalski = factories.student(db, "Jan", "Kowalski")
    nowak = factories.student(db, "Anna", "Nowak")
    release = threading.Event()
    real = student_search.search_students

    def slow_for_nowak(uow, query, **kwargs):
        if query == "nowak":
            release.wait(10)
        return real(uow, query, **kwargs)

    monkeypatch.setattr("ui.views.student_lookup.search_students", slow_for_nowak)
    view = _view(qtbot, app_context)
    assert _search(qtbot, view, "kowalski") == 1
    opened: list[int] = []
    view.studentOpened.connect(opened.append)
    view.field.setFocus()
    view.set_query("nowak")
    view._search()  # the search has started (no typing pause), its answer is slow to come
    qtbot.keyClick(view.field, Qt.Key.Key_Return)
    QCoreApplication.processEvents()  # anything Enter queued has been delivered; the answer is held back
    assert opened == []  # never a row of the "kowalski" results
    try:
        with qtbot.waitSignal(view.studentOpened, timeout=10_000):
            release.set()
    finally:
        release.set()
    assert opened == [nowak] and kowalski not in opened
    view._cards[nowak].close()


def test_enter_in_the_typing_pause_opens_the_answer_to_what_was_typed(qtbot, app_context, db):
    factories.student(db, "Jan", "Kowalski")
    nowak = factories.student(db, "Anna", "Nowak")
    view = _view(qtbot, app_context)
    assert _search(qtbot, view, "kowalski") == 1
    view.field.setFocus()
    view.field.setText("nowak")  # the typing pause has not ended
    with qtbot.waitSignal(view.studentOpened, timeout=10_000) as opened:
        qtbot.keyClick(view.field, Qt.Key.Key_Return)
    assert opened.args == [nowak]
    view._cards[nowak].close()


def test_enter_with_no_match_opens_nothing(qtbot, app_context, db):
    factories.student(db, "Jan", "Kowalski")
    view = _view(qtbot, app_context)
    assert _search(qtbot, view, "kowalski") == 1
    opened: list[int] = []
    view.studentOpened.connect(opened.append)
    view.field.setFocus()
    view.field.setText("qqqzzz")
    with qtbot.waitSignal(view.searchFinished, timeout=10_000):
        qtbot.keyClick(view.field, Qt.Key.Key_Return)
    QCoreApplication.processEvents()  # whatever Enter queued has run
    assert opened == []
