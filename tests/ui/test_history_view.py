"""The History view and the student card's History section, on a demo university (pytest-qt)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QSettings, Qt
from sqlalchemy import select

from desk import access, rosters, students
from desk.groups import GroupScope
from desk.model import ClassGroup, OrgUnit, Person, Programme, Registration, Student, StudentProgramme
from desk.staff import actor_for_login
from ui.context import AppContext
from ui.views import history as history_view
from ui.views.history import WHAT, HistoryView
from ui.views.student_card import StudentCardWindow
from desk.unit_of_work import UnitOfWork


def _wmfi_students(db, count: int) -> list[tuple[int, str]]:
    with db.read() as session:
        return list(session.execute(
            select(Student.id, Student.student_number)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .join(Programme, Programme.id == StudentProgramme.programme_id)
            .join(OrgUnit, OrgUnit.id == Programme.unit_id)
            .join(Person, Person.id == Student.person_id)
            .where(OrgUnit.code == "WMFI", Person.pesel.is_not(None))
            .order_by(Student.id).distinct().limit(count)
        ).all())


def _registration(db, code: str) -> int:
    with db.read() as session:
        return session.scalar(select(Registration.id).where(Registration.code == code))


@pytest.fixture
def admin(demo_db):
    return actor_for_login(demo_db, "admin")


@pytest.fixture
def done(demo_db, admin):
    """Two students with entries: access for both, the first one's PESEL shown, a class list exported."""
    (first, first_number), (second, second_number) = _wmfi_students(demo_db, 2)
    access.grant_access(UnitOfWork(demo_db, admin), _registration(demo_db, "WMFI-SEM-2026Z"), [first, second], reason="late topic")
    students.reveal_pesel(UnitOfWork(demo_db, admin), first)
    with demo_db.read() as session:
        group_id = session.scalar(select(ClassGroup.id).where(ClassGroup.enrolled_count > 0).order_by(ClassGroup.id))
    return {"first": first, "first_number": first_number, "second": second, "second_number": second_number,
            "group_id": group_id}


def _view(qtbot, context) -> HistoryView:
    view = HistoryView(context)
    qtbot.addWidget(view)
    if not view.hint.isVisibleTo(view):
        qtbot.waitUntil(lambda: view.summary.text() not in ("", "Reading the history…"), timeout=10_000)
    return view


def _texts(view, column: int) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_filter_by_student_number_shows_only_that_students_entries(qtbot, demo_db, admin, tasks, done):
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    assert {line.student_id for line in view.model.lines} >= {done["first"], done["second"]}
    view.student.setText(done["second_number"])
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.student, Qt.Key.Key_Return)
    assert shown.args == [1]
    assert [line.student_number for line in view.model.lines] == [done["second_number"]]
    assert _texts(view, WHAT) == ["Access to WMFI-SEM-2026Z granted"]
    view.student.setText(done["first_number"])
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.apply_button.click()
    assert shown.args == [2] and {line.student_id for line in view.model.lines} == {done["first"]}
    view.student.setText("999999999")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.student, Qt.Key.Key_Return)
    assert "no student with the number 999999999" in view.summary.text()


def test_personal_data_filter_shows_pesel_looks_and_exports(qtbot, demo_db, admin, tasks, done, tmp_path):
    rosters.export_rosters(UnitOfWork(demo_db, admin), GroupScope(group_ids=(done["group_id"],)), tmp_path / "lista.xlsx")
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.personal.setChecked(True)
    assert shown.args == [2]
    assert [line.action for line in view.model.lines] == ["export.roster", "person.view_pesel"]
    whats = _texts(view, WHAT)
    assert whats[0].startswith("Exported: class lists (groups: 1") and whats[1] == "PESEL shown"
    assert view.model.index(0, WHAT).data(Qt.ItemDataRole.FontRole).bold()
    # Narrowed by staff member: the clerk has looked at nothing.
    view.staff.setCurrentIndex(view.staff.findData("dziekanat"))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.staff, Qt.Key.Key_Return)
    assert shown.args == [0] and view.summary.text() == "No entries match these filters."
    assert not view.export_button.isEnabled()


def test_export_writes_the_lines_shown_and_remembers_the_folder(qtbot, demo_db, admin, tasks, done, tmp_path, monkeypatch):
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    view.student.setText(done["first_number"])
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.student, Qt.Key.Key_Return)
    target = tmp_path / "out" / "historia"
    target.parent.mkdir()
    asked = []

    def save_dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(target), ""

    monkeypatch.setattr(history_view.QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    with qtbot.waitSignal(view.exported, timeout=10_000) as written:
        view.export_button.click()
    path = written.args[0]
    assert path.endswith("historia.xlsx") and done["first_number"] in asked[0]
    sheet = load_workbook(path).worksheets[0]
    header = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "Entry")
    assert [sheet.cell(row=header + i, column=4).value for i in (1, 2)] == [
        "PESEL shown", "Access to WMFI-SEM-2026Z granted"]
    assert sheet.cell(row=header + 3, column=1).value is None
    assert any(f"student: {done['first_number']}" in str(sheet.cell(row=r, column=1).value) for r in range(1, header))
    assert QSettings().value(history_view.EXPORT_FOLDER_SETTING) == str(target.parent)
    assert "Exported 2 entries" in view.summary.text()
    # The export is in the history now: F5 shows it.
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5_000)
    view.table.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.table, Qt.Key.Key_F5)
    assert shown.args == [3] and view.model.lines[0].action == "export.history"
    # The next export starts in the folder used last.
    monkeypatch.setattr(history_view.QFileDialog, "getSaveFileName", staticmethod(lambda *args: asked.append(args[2]) or ("", "")))
    view.export_button.click()
    assert asked[-1].startswith(str(target.parent))


def test_more_reads_the_next_page(qtbot, demo_db, admin, tasks, monkeypatch):
    many = [sid for sid, _number in _wmfi_students(demo_db, 12)]
    access.grant_access(UnitOfWork(demo_db, admin), _registration(demo_db, "WMFI-SEM-2026Z"), many, reason="cohort")
    monkeypatch.setattr(history_view, "PAGE", 5)
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    assert view.model.rowCount() == 5 and view.more_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.more_button.click()
    assert shown.args == [10] and view.more_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.more_button.click()
    assert shown.args == [13] and not view.more_button.isEnabled()  # 12 grants and the demo's build
    ids = [line.id for line in view.model.lines]
    assert ids == sorted(set(ids), reverse=True)


def test_enter_in_a_date_filter_applies_it(qtbot, demo_db, admin, tasks, done):
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    assert view.model.rowCount() > 0
    view.until.setDate(QDate(2001, 1, 1))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.until, Qt.Key.Key_Return)
    assert shown.args == [0]
    view.until.setDate(history_view.NO_DATE)
    view.since.setDate(QDate.currentDate())
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.since, Qt.Key.Key_Enter)
    assert shown.args[0] >= 3


def test_a_clerk_reads_one_students_history_only(qtbot, demo_db, tasks, done):
    clerk = actor_for_login(demo_db, "dziekanat")
    view = _view(qtbot, AppContext(demo_db, clerk, tasks))
    assert view.hint.isVisibleTo(view) and "student number" in view.hint.text()
    assert view.model.rowCount() == 0 and not view.staff.isEnabled()
    view.student.setText(done["first_number"])
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.student, Qt.Key.Key_Return)
    assert shown.args == [2] and not view.hint.isVisibleTo(view)


def test_the_student_card_lists_the_students_history(qtbot, demo_db, admin, tasks, done):
    window = StudentCardWindow(AppContext(demo_db, admin, tasks), done["first"])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.historyLoaded, timeout=10_000) as shown:
        pass
    assert shown.args == [2]
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    assert window.history_section.isVisibleTo(window)
    table = window.history_table
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == [
        "PESEL shown", "Access to WMFI-SEM-2026Z granted"]
    assert table.item(1, 1).text() == "Anna Administratorka" and table.item(1, 4).text() == "late topic"
    # Showing the PESEL on the card is recorded and appears at once.
    with qtbot.waitSignal(window.historyLoaded, timeout=10_000) as shown:
        window.show_pesel.click()
    assert shown.args == [3] and table.item(0, 2).text() == "PESEL shown"
    # A reload keeps the section (it is not rebuilt with the other sections).
    with qtbot.waitSignal(window.historyLoaded, timeout=10_000):
        window.reload()
    assert window.history_section.isVisibleTo(window) and window.history_table is table


def test_kind_of_record_filter(qtbot, demo_db, admin, tasks, done):
    view = _view(qtbot, AppContext(demo_db, admin, tasks))
    view.kind.setCurrentIndex(view.kind.findText("personal data"))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        qtbot.keyClick(view.kind, Qt.Key.Key_Return)
    assert shown.args == [1] and view.model.lines[0].action == "person.view_pesel"
    view.kind.setCurrentIndex(view.kind.findText("access to registrations"))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as shown:
        view.apply_button.click()
    assert shown.args == [2] and {line.entity for line in view.model.lines} == {"access_grant"}
