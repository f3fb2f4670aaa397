"""Export, print and copy from the window: class lists, payments, access, token balances, groups at risk, any table."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from desk import access, enrollment, rosters, token_rounds
from desk.clock import now_utc
from desk.model import AuditEntry, Level, RegistrationKind, RequestAction, Role, TimetableSlot
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories
from ui.context import AppContext
from ui.tables import table_tools
from ui.views.access_panel import AccessPanel
from ui.views.groups import GroupsView
from ui.views.payments_list import PaymentsView
from ui.views.student_lookup import StudentLookupView
from ui.views.token_balances import TokenCorrectionView

TIMEOUT = 20_000
ROSTER = 358  # a lecture's worth: several printed pages


# --- the world and the window's dialogs ---------------------------------------------------------------


@pytest.fixture
def saving(monkeypatch):
    """The save dialog answers with the path the test sets; the files "opened" are recorded, nothing is launched."""
    answer: dict[str, Path | None] = {"path": None}
    asked: list[str] = []
    opened: list[str] = []

    def save_dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return (str(answer["path"]), "") if answer["path"] else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    return answer, asked, opened


def _big_group(db, admin, count: int = ROSTER) -> tuple[int, int]:
    """MAT-101 lecture 1 of 2026Z with ``count`` students enrolled (Polish names at both ends); (term, group)."""
    term = factories.term(db, "2026Z", date(2026, 10, 1), date(2027, 1, 31))
    group = factories.group(db, factories.course(db, "MAT-101"), term, seat_limit=count + 20, lower_limit=count + 10)
    with db.write() as session:
        session.add(TimetableSlot(group_id=group, weekday=2, starts_at=time(10, 15), ends_at=time(11, 45), room="101",
                                  building="A"))
    ids = factories.many_students(db, count - 2, prefix="Nowak")
    ids += [factories.student(db, "Jan", "Lewandowski"), factories.student(db, "Łukasz", "Łukasiewicz")]
    for sid in ids:
        enrollment.enroll(UnitOfWork(db, admin), sid, group, reason="r")
    return term, group


def _groups_view(qtbot, context, term: int, group: int) -> GroupsView:
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_term(term)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        assert view.select_group(group)
    return view


def _wait_written(qtbot, holder) -> str:
    """The file the export flow the view started wrote."""
    qtbot.waitUntil(lambda: holder() is not None, timeout=TIMEOUT)
    flow = holder()
    qtbot.waitUntil(lambda: flow.done_box is not None, timeout=TIMEOUT)
    assert flow.error is None, flow.error
    return str(flow.path)


def _pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout for p in range(1, pages + 1)]


def _heading_row_on_every_page(texts: list[str]) -> None:
    assert len(texts) >= 3
    assert "Class list: MAT-101" in texts[0] and f"Students / limit: {ROSTER} / {ROSTER + 20}" in texts[0]
    for number, text in enumerate(texts, start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        if number > 1:
            assert lines[0].split()[:3] == ["No.", "Student", "no."], (number, lines[0])
        else:
            assert any(line.split()[:3] == ["No.", "Student", "no."] for line in lines)
        assert re.search(rf"\b{number}\s*/\s*{len(texts)}\b", text)  # the footer's page numbers
    everything = "\n".join(texts)
    assert everything.index("Lewandowski") < everything.index("Łukasiewicz") < everything.index("Nowak00000")
    assert f"\n{ROSTER} " in everything.replace(" " * 2, " ") or f" {ROSTER} " in everything


def _audited(db, action: str) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


# --- class lists from the class-groups view -------------------------------------------------------------


@pytest.mark.slow
def test_class_list_exported_from_the_groups_view_prints_with_the_heading_row_on_every_page(
        qtbot, app_context, db, admin, tmp_path, saving):
    answer, asked, opened = saving
    term, group = _big_group(db, admin)
    view = _groups_view(qtbot, app_context, term, group)
    assert view.class_lists.export_action.isEnabled()
    answer["path"] = tmp_path / "out" / "lista"
    (tmp_path / "out").mkdir()
    view.class_lists.export_action.trigger()
    written = Path(_wait_written(qtbot, lambda: view.class_lists.last_export))
    assert written == tmp_path / "out" / "lista.xlsx" and written.exists()
    # Suggested: the group's codes, in the user's Documents (no folder used before).
    assert "class-list 2026Z MAT-101 class 1" in asked[0]
    sheet = load_workbook(written).worksheets[0]
    header = next(r for r in range(1, 15) if sheet.cell(row=r, column=1).value == "No.")
    assert sheet.cell(row=header + ROSTER, column=1).value == ROSTER
    assert sheet.print_title_rows == f"${header}:${header}"
    assert _audited(db, "export.roster") == 1
    # "Open the file" opens it with the program the system has for it.
    box = view.class_lists.last_export.done_box
    box.findChild(QPushButton, "openExportedFileButton").click()
    box.findChild(QPushButton, "showExportFolderButton").click()
    assert opened == [str(written), str(written.parent)]

    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler's pdftotext is not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(written)], check=True, capture_output=True, timeout=180)
    _heading_row_on_every_page(_pdf_pages(tmp_path / "lista.pdf"))


@pytest.mark.slow
def test_class_list_saved_as_pdf_and_printed_from_the_view_repeats_the_heading_row(
        qtbot, app_context, db, admin, tmp_path, saving):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    answer, asked, opened = saving
    term, group = _big_group(db, admin)
    view = _groups_view(qtbot, app_context, term, group)
    answer["path"] = tmp_path / "lista"
    with qtbot.waitSignal(view.class_lists.pdfWritten, timeout=TIMEOUT) as written:
        view.class_lists.pdf_action.trigger()
    assert written.args == [str(tmp_path / "lista.pdf")] and asked[0].endswith(".pdf")
    _heading_row_on_every_page(_pdf_pages(tmp_path / "lista.pdf"))
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".desk")] == ["lista.pdf"]
    assert _audited(db, "export.roster") == 1  # a PDF of the list is an export of it
    # The print preview paints the same pages.
    with qtbot.waitSignal(view.class_lists.printed, timeout=TIMEOUT) as painted:
        view.class_lists.print_action.trigger()
    assert painted.args[0] == len(_pdf_pages(tmp_path / "lista.pdf"))
    view.class_lists.last_preview.close()


# --- copying and the context menu ---------------------------------------------------------------------


def _lookup(qtbot, context, db) -> StudentLookupView:
    factories.student(db, "Anna", "Nowak", number="200001")
    factories.student(db, "Jan", "Nowak", number="200002")
    view = StudentLookupView(context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    with qtbot.waitSignal(view.searchFinished, timeout=TIMEOUT) as finished:
        view.set_query("nowak")
    assert finished.args == [2]
    return view


def test_ctrl_c_copies_the_selected_rows_with_the_header_line(qtbot, app_context, db):
    view = _lookup(qtbot, app_context, db)
    view.table.setFocus()
    view.table.selectAll()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Student no.", "Surname", "First names", "Programme", "Stage", "Status", "Login"]
    assert [line.split("\t")[:3] for line in lines[1:]] == [["200001", "Nowak", "Anna"], ["200002", "Nowak", "Jan"]]
    assert lines[1].split("\t")[6] == "200001@student.uni.example.pl"


def test_the_context_menu_copies_the_student_number_and_opens_the_student(qtbot, app_context, db):
    view = _lookup(qtbot, app_context, db)
    view.table.clearSelection()
    view.table.selectRow(1)
    tools = table_tools(view.table)
    menu = tools.menu_for(1)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["openStudentAction", "copyStudentNumberAction", "copyEmailAction", "copyRowsAction", "exportTableAction"]
    menu.findChild(QAction, "copyStudentNumberAction").trigger()
    assert QGuiApplication.clipboard().text() == "200002"
    menu.findChild(QAction, "copyEmailAction").trigger()
    assert QGuiApplication.clipboard().text() == "200002@student.uni.example.pl"
    with qtbot.waitSignal(view.studentOpened, timeout=TIMEOUT) as opened:
        menu.findChild(QAction, "openStudentAction").trigger()
    assert opened.args == [view.model.row_at(1).student_id]
    # A right click on another row chooses it and shows its menu.
    view.table.customContextMenuRequested.emit(view.table.visualRect(view.model.index(0, 0)).center())
    assert tools.last_menu.isVisible() and view.table.currentIndex().row() == 0
    tools.last_menu.close()
    # The menu key: the menu of the current row.
    view.table.clearSelection()
    view.table.selectRow(1)
    menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), view.table.mapToGlobal(QPoint(1, 1)))
    QApplication.sendEvent(view.table, menu_key)
    assert tools.last_menu.isVisible() and view.table.currentIndex().row() == 1
    tools.last_menu.findChild(QAction, "copyStudentNumberAction").trigger()
    assert QGuiApplication.clipboard().text() == "200002"
    tools.last_menu.close()
    qtbot.keyClick(view.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # Shift+F10 as well
    assert tools.last_menu.isVisible()
    tools.last_menu.close()
    view.table.setCurrentIndex(view.model.index(0, 0))
    # Enter still opens the one student.
    with qtbot.waitSignal(view.studentOpened, timeout=TIMEOUT) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.row_at(0).student_id]


def test_the_selected_students_export_to_excel_and_the_export_is_recorded(qtbot, app_context, db, tmp_path, saving):
    answer, asked, _opened = saving
    view = _lookup(qtbot, app_context, db)
    view.table.selectAll()
    answer["path"] = tmp_path / "found.xlsx"
    flow = view.export_selected()
    written = _wait_written(qtbot, lambda: flow)
    sheet = load_workbook(written).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "Student no.")
    assert [row[:2] for row in values[header + 1:]] == [["200001", "Nowak"], ["200002", "Nowak"]]
    assert "Students found nowak" in asked[0]
    assert _audited(db, "export.list") == 1


# --- the other lists ----------------------------------------------------------------------------------


def _rows_after_header(path: str, first_heading: str) -> list[list]:
    values = [[c.value for c in row] for row in load_workbook(path).worksheets[0].iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == first_heading)
    return values[header + 1:]


def test_payments_due_export_from_the_payments_view(qtbot, app_context, db, tmp_path, saving):
    answer, _asked, _opened = saving
    now = now_utc()
    token = factories.token_type(db)
    course = factories.course(db, "SJO-ANG", unit_code="SJO")
    term = factories.term(db)
    group = factories.group(db, course, term, seat_limit=5)
    start = now - timedelta(hours=2)
    reg = factories.registration(db, code="SJO-LEK", unit_code="SJO", term_id=term, course_ids=(course,),
                                 kind=RegistrationKind.TOKEN, token_type_id=token,
                                 rounds=((start, start + timedelta(days=7)),), rules=({"level": Level.FIRST_CYCLE},))
    student = factories.student(db, number="300001")
    token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=now - timedelta(minutes=90)), student, group, reg,
                                RequestAction.REGISTER, payment_accepted=True)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND))
    view = PaymentsView(app_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=TIMEOUT)
    answer["path"] = tmp_path / "payments.xlsx"
    view.export_button.click()
    rows = _rows_after_header(_wait_written(qtbot, lambda: view.last_export), "Student no.")
    assert [row[:3] for row in rows] == [["300001", "Jan Kowalski", 300]]
    assert table_tools(view.table).menu_for(0).findChild(QAction, "exportTableAction").isEnabled()
    assert _audited(db, "export.payments") == 1


def test_access_list_export_from_the_registrations_view(qtbot, app_context, db, admin, tmp_path, saving):
    answer, asked, _opened = saving
    reg = factories.registration(db, code="WMF-SEM")
    students = [factories.student(db, "Anna", "Nowak", number="400001"), factories.student(db, "Ewa", "Nowak", number="400002")]
    access.grant_access(UnitOfWork(db, admin), reg, students, reason="list from the dean")
    panel = AccessPanel(app_context)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.set_registration(reg, "WMF-SEM")
    assert panel.export_button.isEnabled()
    answer["path"] = tmp_path / "access.xlsx"
    panel.export_button.click()
    rows = _rows_after_header(_wait_written(qtbot, lambda: panel.last_export), "Student no.")
    assert sorted(row[0] for row in rows) == ["400001", "400002"] and rows[0][2] == "grant"
    assert "access WMF-SEM" in asked[0]
    assert _audited(db, "export.access") == 1


def test_token_balances_of_the_shown_students_cohort(qtbot, app_context, db, tmp_path, saving):
    answer, asked, _opened = saving
    factories.token_type(db)
    first = factories.student(db, "Anna", "Nowak", number="500001", stage=2)
    factories.student(db, "Ewa", "Nowak", number="500002", stage=2)
    factories.student(db, "Jan", "Nowak", number="500003", stage=1)
    view = TokenCorrectionView(app_context)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.studentLoaded, timeout=TIMEOUT):
        view.set_student(first)
    dialog = view.choose_cohort()
    qtbot.waitUntil(lambda: dialog.programme.count() > 0, timeout=TIMEOUT)
    assert dialog.programme.currentText().startswith("INF-S1") and dialog.stage.value() == 2
    answer["path"] = tmp_path / "tokens.xlsx"
    dialog.accept()
    rows = _rows_after_header(_wait_written(qtbot, lambda: view.last_export), "Student no.")
    assert [row[:2] for row in rows] == [["500001", "Nowak"], ["500002", "Nowak"]] and rows[0][3] == 0
    assert "tokens INF-S1 2" in asked[0]


def test_groups_at_risk_export_from_the_groups_view(qtbot, app_context, db, admin, tmp_path, saving):
    answer, asked, _opened = saving
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    at_risk = factories.group(db, course, term, number=1, seat_limit=20, lower_limit=5)
    fine = factories.group(db, course, term, number=2, seat_limit=20, lower_limit=0)
    view = _groups_view(qtbot, app_context, term, fine)
    answer["path"] = tmp_path / "risk.xlsx"
    view.class_lists.at_risk_action.trigger()
    rows = _rows_after_header(_wait_written(qtbot, lambda: view.class_lists.last_export), "Course")
    assert [row[:5] for row in rows] == [["MAT-101", "Course MAT-101", "class", 1, 0]]
    assert "groups-at-risk 2026Z" in asked[0]
    assert at_risk


# --- cancelled and refused ------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("action", ["export_action", "pdf_action"])
def test_a_cancelled_export_leaves_no_file_and_no_record(qtbot, app_context, db, admin, tmp_path, saving, monkeypatch, action):
    answer, _asked, _opened = saving
    term, group = _big_group(db, admin, count=40)
    view = _groups_view(qtbot, app_context, term, group)
    started, release = threading.Event(), threading.Event()
    gather = rosters.gather

    def slow_gather(uow, scope):
        found = gather(uow, scope)
        started.set()
        release.wait(10)
        return found

    monkeypatch.setattr(rosters, "gather", slow_gather)
    answer["path"] = tmp_path / "out" / "lista"
    (tmp_path / "out").mkdir()
    getattr(view.class_lists, action).trigger()
    flow = view.class_lists.last_export
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    with qtbot.waitSignal(flow.cancelled, timeout=TIMEOUT):
        flow.cancel()
    release.set()
    assert app_context.tasks.wait(TIMEOUT)
    assert list((tmp_path / "out").iterdir()) == []
    assert _audited(db, "export.roster") == 0
    assert flow.done_box is None and flow.error is None  # neither "written" nor an error: cancelled


def test_a_role_without_personal_data_gets_the_services_refusal_as_a_message(qtbot, db, tasks, tmp_path, saving):
    answer, _asked, _opened = saving
    service_center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = PaymentsView(AppContext(db, service_center, tasks))
    qtbot.addWidget(view)
    answer["path"] = tmp_path / "payments.xlsx"
    qtbot.waitUntil(lambda: view.term.count() > 0, timeout=TIMEOUT)
    view.export_button.click()
    with qtbot.waitSignal(view.last_export.failed, timeout=TIMEOUT) as failed:
        pass
    message = failed.args[0]
    box = view.last_export.done_box
    assert isinstance(box, QMessageBox) and box.objectName() == "exportErrorBox" and box.text() == message
    assert "Traceback" not in message and "personal data" in message.lower()
    assert not (tmp_path / "payments.xlsx").exists()
