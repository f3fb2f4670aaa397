"""The History view shows an import as one line with its rows counted, and opens it to its rows (pytest-qt)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desk.demo import _pesel
from desk.imports import service
from desk.model import Role
from tests import factories
from ui.context import AppContext
from ui.views import history as history_view
from ui.views.history import CHANGE, RECORD, WHAT, ChangeSetDialog, HistoryView
from desk.unit_of_work import UnitOfWork

HEADER = "INDEKS;Nazwisko;Imię;PESEL;Data urodzenia;PRG_KOD;Etap;Status;Status od;Data przyjęcia\n"
NUMBERS = ("012341", "012342", "012343")


@pytest.fixture
def head(db, admin, tmp_path):
    """An import of three new students: one change set."""
    factories.programme(db)
    path = tmp_path / "students.csv"
    path.write_text(HEADER + "".join(
        f"{number};Abacka;Anna;{_pesel(date(2003, 3, 1 + i), False, 100 + i)};{1 + i:02d}.03.2003;INF-S1;1;;;01.10.2026\n"
        for i, number in enumerate(NUMBERS)), encoding="utf-8")
    preview = service.preview_import(UnitOfWork(db, admin), "students", path)
    return service.apply_import(UnitOfWork(db, admin), preview, reason="the dean's list").change_set_id


def _view(qtbot, context) -> HistoryView:
    view = HistoryView(context)
    qtbot.addWidget(view)
    if not view.hint.isVisibleTo(view):
        qtbot.waitUntil(lambda: view.summary.text() not in ("", "Reading the history…"), timeout=10_000)
    return view


def _texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_an_import_is_one_line_that_opens_to_its_rows(qtbot, db, admin, tasks, head, monkeypatch):
    monkeypatch.setattr(history_view, "PAGE", 2)  # the rows come in pages: two, then the third
    view = _view(qtbot, AppContext(db, admin, tasks))
    texts = _texts(view.model, WHAT)
    line = "Import of Students and their programmes from students.csv: 3 new, 0 changed"
    assert line in texts and not any(text.startswith("Imported") for text in texts)
    row = texts.index(line)
    assert _texts(view.model, RECORD)[row] == "import · 3 rows"
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, WHAT))
    assert view.open_button.isEnabled()
    view.table.setCurrentIndex(view.model.index(texts.index("Staff account admin created"), WHAT))
    assert not view.open_button.isEnabled()  # an entry outside a change set has nothing to open

    view.table.setCurrentIndex(view.model.index(row, WHAT))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.change_set_dialog
    assert isinstance(dialog, ChangeSetDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert dialog.windowTitle() == f"Change set #{head}"
    assert "3 rows" in dialog.heading.text() and "the dean's list" in dialog.heading.text()
    assert dialog.more_button.isEnabled() and dialog.width() <= 1366 and dialog.height() <= 700
    # The keyboard is in the rows (in a real X server the window manager activates the dialog a moment later).
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.table and dialog.table.currentIndex().row() == 0, timeout=10_000)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)  # Alt+letters reach the window that has the keyboard
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as shown:
        qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert shown.args == [3]
    assert _texts(dialog.model, WHAT) == [f"Imported {number} / INF-S1 (line {i + 2})" for i, number in enumerate(NUMBERS)]
    assert all("PESEL: " in text for text in _texts(dialog.model, CHANGE))
    assert not dialog.more_button.isEnabled() and dialog.summary.text().startswith("3 rows shown")
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)

    # The button and a double click open it too.
    view.open_button.click()
    qtbot.waitUntil(lambda: view.change_set_dialog.model.rowCount() == 2, timeout=10_000)
    view.change_set_dialog.reject()
    rect = view.table.visualRect(view.model.index(row, WHAT))
    before = view.change_set_dialog
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first press
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.change_set_dialog is not before
    qtbot.waitUntil(lambda: view.change_set_dialog.model.rowCount() == 2, timeout=10_000)
    view.change_set_dialog.reject()


def test_a_clerk_sees_a_students_own_row_and_no_change_set_to_open(qtbot, db, admin, tasks, head):
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = _view(qtbot, AppContext(db, clerk, tasks))
    view.student.setText(NUMBERS[1])
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.student, Qt.Key.Key_Return)
    assert shown.args == [1]
    assert _texts(view.model, WHAT) == [f"Imported {NUMBERS[1]} / INF-S1 (line 3)"]
    assert view.model.lines[0].change_set_id == head
    view.table.setCurrentIndex(view.model.index(0, WHAT))
    assert not view.open_button.isEnabled()  # the whole import is the whole log's: administrators open it
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.change_set_dialog is None
