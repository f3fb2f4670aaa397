"""The import view driven by objectName: a preview with errors per row and column, applying with the rows in
error skipped, a template saved, a refusal in words, and a clerk who sees only the kinds they may import."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView
from sqlalchemy import select

from desk.imports.kind import Status
from desk.model import OrgUnit, Role
from tests import factories
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.import_rows_model import LINE, RECORD, STATUS, WHAT
from ui.views.import_view import ImportView

UNITS_WITH_ERRORS = (
    "Kod jednostki;Nazwa;Rodzaj;Kolor\n"
    "WMF;Wydział Matematyki, Fizyki i Informatyki;wydział;niebieski\n"
    "WF;Wydział Filologiczny;wydział;zielony\n"
    "WZ;;wydział;żółty\n"
    "WP;Wydział Prawa;planeta;czerwony\n"
    "WH;Wydział Historyczny;wydział;szary\n"
)


def _view(qtbot, context) -> ImportView:
    view = ImportView(context)
    qtbot.addWidget(view)
    view.resize(1150, 680)
    view.show()
    return view


def _preview(qtbot, view, path, kind: str = "units"):
    view.select_kind(kind)
    with qtbot.waitSignal(view.previewShown, timeout=20_000) as shown:
        view.preview_file(str(path))
    return shown.args[0]


def _cells(view, column: int) -> list[str]:
    model = view.findChild(QTableView, "importRowsTable").model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture
def units_file(tmp_path):
    path = tmp_path / "jednostki.csv"
    path.write_bytes(UNITS_WITH_ERRORS.encode("cp1250"))
    return path


def test_a_preview_with_errors_shows_them_per_row_and_column_and_apply_stays_disabled(qtbot, app_context, db, units_file):
    factories.unit(db, "WMF", "Wydział Matematyki i Fizyki")
    view = _view(qtbot, app_context)
    preview = _preview(qtbot, view, units_file)
    assert preview.counts == {Status.NEW: 2, Status.CHANGED: 1, Status.UNCHANGED: 0, Status.ERROR: 2}
    assert "CSV, Windows-1250, separated by semicolon" in view.findChild(QLabel, "importFileLabel").text()
    counts = view.findChild(QLabel, "importCounts").text()
    assert all(part in counts for part in ("<b>2</b> new", "<b>1</b> changed", "<b>0</b> unchanged", "<b>2</b> in error"))
    assert "Kolor" in view.findChild(QLabel, "importIgnoredLabel").text()
    assert _cells(view, RECORD) == ["WZ", "WP", "WMF", "WF", "WH"]  # the rows in error first
    assert _cells(view, STATUS) == ["error", "error", "changed", "new", "new"]
    what = _cells(view, WHAT)
    assert what[0] == "Name: empty, but required"
    assert what[1].startswith("Kind: ")
    assert what[2] == "Name: Wydział Matematyki i Fizyki → Wydział Matematyki, Fizyki i Informatyki"
    apply = view.findChild(QPushButton, "applyImportButton")
    view.findChild(QLineEdit, "importReasonField").setText("jednostki z USOS")
    assert not apply.isEnabled()
    assert "2 rows in error" in view.findChild(QLabel, "applyImportHint").text()
    view.findChild(QCheckBox, "onlyErrorsCheck").setChecked(True)
    assert _cells(view, RECORD) == ["WZ", "WP"]
    view.findChild(QCheckBox, "onlyErrorsCheck").setChecked(False)
    view.findChild(QTableView, "importRowsTable").sortByColumn(LINE, Qt.SortOrder.AscendingOrder)
    assert _cells(view, RECORD) == ["WMF", "WF", "WZ", "WP", "WH"]


def test_skipping_the_rows_in_error_applies_the_good_rows_after_confirmation(qtbot, app_context, db, units_file):
    factories.unit(db, "WMF", "Wydział Matematyki i Fizyki")
    view = _view(qtbot, app_context)
    _preview(qtbot, view, units_file)
    apply = view.findChild(QPushButton, "applyImportButton")
    view.findChild(QLineEdit, "importReasonField").setText("jednostki z USOS")
    view.findChild(QCheckBox, "skipErrorsCheck").setChecked(True)
    assert apply.isEnabled()
    apply.setFocus()
    qtbot.keyClick(apply, Qt.Key.Key_Return)  # Enter asks first
    box = view.confirmation
    assert box is not None and box.isVisible() and "2 new and 1 changed" in box.text()
    with qtbot.waitSignal(view.applied, timeout=20_000) as applied, \
            qtbot.waitSignal(app_context.changes.changed, timeout=20_000) as announced:
        box.button(QMessageBox.StandardButton.Yes).click()
    result = applied.args[0]
    assert (result.new, result.changed, result.skipped) == (2, 1, 2)
    assert announced.args[0].touches("history")
    message = view.findChild(QLabel, "importMessage").text()
    assert "2 new, 1 changed" in message and f"#{result.change_set_id}" in message
    with db.read() as session:
        names = dict(session.execute(select(OrgUnit.code, OrgUnit.name)).all())
    assert names["WMF"] == "Wydział Matematyki, Fizyki i Informatyki"
    assert {"WF", "WH"} <= names.keys() and not {"WZ", "WP"} & names.keys()
    assert not apply.isEnabled()  # the preview is spent: nothing to apply twice


def test_a_template_is_saved_for_the_chosen_kind(qtbot, app_context, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    view = _view(qtbot, app_context)
    view.select_kind("terms")
    target = tmp_path / "cykle.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(view.fileSaved, timeout=20_000):
        view.findChild(QPushButton, "saveTemplateButton").click()
    headings = [cell.value for cell in next(load_workbook(target).active.iter_rows(max_row=1))]
    assert headings == ["Term", "Name", "Starts on", "Ends on"]
    assert str(target) in view.findChild(QLabel, "importMessage").text()


def test_a_refusal_is_said_in_words(qtbot, app_context, tmp_path):
    old = tmp_path / "stary.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 not really a workbook")
    view = _view(qtbot, app_context)
    assert _preview(qtbot, view, old) is None
    message = view.findChild(QLabel, "importMessage")
    assert message.isVisible() and "Old Excel files (.xls) cannot be read" in message.text()
    assert "Traceback" not in message.text()
    assert not view.findChild(QPushButton, "applyImportButton").isEnabled()


def test_a_clerk_sees_only_the_kinds_they_may_import_and_their_units_rows(qtbot, db, tasks, tmp_path):
    factories.programme(db, "INF-S1", "WMF")
    factories.programme(db, "FIL-S1", "WF")
    factories.student(db, "Anna", "Nowak", number="700001", programme_code="INF-S1", login=None)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = _view(qtbot, AppContext(db, clerk, tasks))
    chooser = view.findChild(QComboBox, "importKindChooser")
    assert [chooser.itemData(i) for i in range(chooser.count())] == ["students", "token_balances", "enrollments"]
    path = tmp_path / "studenci.csv"
    path.write_text("Numer albumu;Nazwisko;Imię;Kod kierunku;Data przyjęcia\n"
                    "700002;Kowalska;Ewa;INF-S1;01.10.2026\n"
                    "700003;Wiśniewski;Piotr;FIL-S1;01.10.2026\n", encoding="utf-8")
    preview = _preview(qtbot, view, path, "students")
    assert preview.counts[Status.NEW] == 1 and preview.errors == 1
    assert "the programme FIL-S1 is not of your units" in _cells(view, WHAT)[0]
    assert view.findChild(QLabel, "importMissingLabel").text().startswith("1 record of this kind")
    missing = view.findChild(QLabel, "importMissingLabel").parent()
    assert missing.isVisible()


def test_the_main_window_opens_a_file_for_import_on_ctrl_o(qtbot, app_context, units_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names[-1] == "Import"
    action = window.findChild(QAction, "importFileAction")
    assert action.shortcut().toString() == "Ctrl+O"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(units_file), ""))
    with qtbot.waitSignal(window.import_view.previewShown, timeout=20_000) as shown:
        action.trigger()
    assert window.stack.currentWidget() is window.import_view
    assert shown.args[0] is not None and shown.args[0].errors == 2
    assert window.import_view.minimumSizeHint().height() < 560


def test_a_refusal_of_the_role_is_said_in_words(qtbot, app_context, db, units_file):
    from sqlalchemy import update

    from desk.model import StaffUser

    view = _view(qtbot, app_context)
    with db.write() as session:  # demoted while the view is open: the service reads the role again
        session.execute(update(StaffUser).where(StaffUser.login == "admin").values(role=Role.CLERK))
    assert _preview(qtbot, view, units_file) is None
    message = view.findChild(QLabel, "importMessage").text()
    assert message.startswith("Your role (dean's office clerk) does not allow this")


def test_reading_the_file_shows_progress_and_can_be_cancelled(qtbot, app_context, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("Kod jednostki;Nazwa;Rodzaj\n" + "".join(f"U{i};Jednostka {i};instytut\n" for i in range(20_000)),
                    encoding="utf-8")
    view = _view(qtbot, app_context)
    view.select_kind("units")
    with qtbot.waitSignal(view.previewShown, timeout=20_000) as shown:
        view.preview_file(str(path))
        assert view.findChild(QPushButton, "cancelImportButton").isVisible()
        view.findChild(QPushButton, "cancelImportButton").click()
    assert shown.args[0] is None
    assert view.findChild(QLabel, "importMessage").text() == "Cancelled: the file was not read to the end."
    assert not view.findChild(QPushButton, "cancelImportButton").isVisible()
    assert view.findChild(QPushButton, "chooseImportFileButton").isEnabled()
    assert not view.findChild(QPushButton, "applyImportButton").isEnabled()


def test_the_current_records_are_exported_in_the_files_shape(qtbot, app_context, db, tmp_path):
    factories.unit(db, "WMF", "Wydział Matematyki i Fizyki")
    view = _view(qtbot, app_context)
    view.select_kind("units")
    target = tmp_path / "units.csv"
    with qtbot.waitSignal(view.fileSaved, timeout=20_000):
        view.export_current(str(target))
    assert "WMF;Wydział Matematyki i Fizyki" in target.read_text(encoding="utf-8")


def test_every_control_has_a_name_and_the_labels_mnemonics():
    from PySide6.QtWidgets import QAbstractButton, QWidget

    from desk.staff import Actor
    from ui.tasks import TaskRunner

    actor = Actor(1, "admin", "Anna Administratorka", Role.ADMINISTRATOR, frozenset())
    view = ImportView(AppContext(None, actor, TaskRunner()))
    try:
        controls = [w for w in view.findChildren(QWidget)
                    if isinstance(w, (QAbstractButton, QLineEdit, QComboBox, QTableView)) and w.objectName()
                    and not w.objectName().startswith("qt_")]
        assert len(controls) >= 11
        assert all(w.accessibleName() for w in controls), [w.objectName() for w in controls if not w.accessibleName()]
        assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in controls)
        buttons = [w.text() for w in controls if isinstance(w, QAbstractButton)]
        assert all("&" in text for text in buttons), buttons
        letters = [text[text.index("&") + 1].lower() for text in buttons]
        assert len(letters) == len(set(letters)), buttons
    finally:
        view.deleteLater()


def test_the_rows_model_words_sorts_and_filters_without_widgets():
    from desk.imports.kind import Row
    from ui.models.import_rows_model import ImportRowsModel, preview_lines

    changed = Row(4, {"code": "WMF"}, status=Status.CHANGED, changes=[("Name", "Stara", "Nowa"), ("Kind", "instytut", "wydział")])
    wrong = Row(7, {"code": None}, problems=[("Unit code", "empty, but required"), ("Kind", "planeta is not a kind")],
                status=Status.ERROR)
    new = Row(2, {"code": "WF"}, status=Status.NEW)
    model = ImportRowsModel()
    model.set_lines(preview_lines([changed, wrong, new], lambda row: row.values["code"] or "—"))
    assert [(p.line, p.record, p.what) for p in model.lines] == [
        (7, "—", "Unit code: empty, but required; Kind: planeta is not a kind"),
        (4, "WMF", "Name: Stara → Nowa; Kind: instytut → wydział"),
        (2, "WF", ""),
    ]
    model.sort(LINE, Qt.SortOrder.DescendingOrder)
    assert [p.line for p in model.lines] == [7, 4, 2]
    model.set_only_errors(True)
    assert model.rowCount() == 1 and model.index(0, STATUS).data() == "error"


def test_the_window_offers_the_import_to_whoever_may_import_some_kind():
    """The main window decides on its Import view without loading every kind of import: by the permissions
    the kinds ask for, which must stay the same as theirs."""
    from desk.imports.registry import kinds
    from ui.main_window import IMPORT_PERMISSIONS

    assert set(IMPORT_PERMISSIONS) == {kind.permission for kind in kinds()}
