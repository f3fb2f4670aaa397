"""One way for every table: a context menu, Ctrl+C as tab-separated rows, and exports to Excel that ask, run and offer the file.

``install_table_tools(table, ...)`` gives a table its context menu ("Open the student", "Copy the
student number", "Copy the e-mail", "Copy the selected rows", "Export to Excel…") and makes Ctrl+C
copy the selected rows with their header line (it pastes into Excel as cells). The view says where
a row's student number and e-mail are: a column, ``by_role(role)``, or a function of the row.

``run_export(...)`` is the one export flow: a save dialog in the last folder used (first: the
user's Documents), the write in the long-jobs lane with progress and Cancel, then "Open the file"
or "Show in folder". The write itself is a service (desk.rosters, desk.history): it checks the
role and records the export in the history. ``export_table`` writes what a table shows (or its
selected rows) for views without a list of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QTableWidget,
    QWidget,
)

from desk.i18n import translate
from desk.clock import now_utc, to_local
from ui.changes import ALL, Changes
from ui.tasks import Cancelled, Lane, TaskHandle, error_message, log_unexpected

if TYPE_CHECKING:
    from exports.xlsx import Sheet

# The rosters and exports.xlsx (with openpyxl) are loaded when something is exported, not with the table.

EXPORT_FOLDER_SETTING = "exports/folder"
# An export shows its progress dialog only when it takes longer than this.
PROGRESS_AFTER_MS = 400

# Where a row's value is: a column's text, a role's value (``by_role``), or a function of the row.
Locator = Any  # int | _RoleLocator | Callable[[int], Any] | None


@dataclass(frozen=True)
class _RoleLocator:
    role: int
    column: int


def by_role(role: int, column: int = 0) -> _RoleLocator:
    """A locator reading ``role`` from the row's cell in ``column`` (the model's own data, not the text shown)."""
    return _RoleLocator(role, column)


# --- reading a table ------------------------------------------------------------------------------


def _visible_columns(table: QTableView) -> list[int]:
    """The columns shown, in the order the clerk sees them (moved and hidden ones honoured)."""
    header = table.horizontalHeader()
    model = table.model()
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    return [c for c in columns if 0 <= c < model.columnCount() and not table.isColumnHidden(c)]


def selected_rows(table: QTableView) -> list[int]:
    """The selected rows from top to bottom (the current row when nothing is selected)."""
    selection = table.selectionModel()
    rows = {index.row() for index in selection.selectedIndexes()} if selection is not None else set()
    if not rows and table.currentIndex().isValid():
        rows = {table.currentIndex().row()}
    return sorted(rows)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def table_headings(table: QTableView) -> list[str]:
    model = table.model()
    return [_text(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for c in _visible_columns(table)]


def table_rows(table: QTableView, rows: Sequence[int] | None = None) -> list[list[str]]:
    """The text shown in the rows (every row when None), column by column as the clerk sees them."""
    model = table.model()
    columns = _visible_columns(table)
    rows = range(model.rowCount()) if rows is None else rows
    return [[_text(model.index(r, c).data(Qt.ItemDataRole.DisplayRole)) for c in columns] for r in rows]


def rows_as_tsv(table: QTableView, rows: Sequence[int]) -> str:
    """The header line and the rows as tab-separated text (a tab or line break inside a cell becomes a space)."""

    def line(values: Sequence[str]) -> str:
        return "\t".join(" ".join(v.split()) if ("\t" in v or "\n" in v or "\r" in v) else v for v in values)

    return "\r\n".join([line(table_headings(table)), *(line(values) for values in table_rows(table, rows))]) + "\r\n"


# --- the tools ------------------------------------------------------------------------------------


class TableTools(QObject):
    """The context menu and Ctrl+C of one table (``install_table_tools`` makes it and finds it again)."""

    copied = Signal(str)  # the text put on the clipboard

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.setObjectName("tableTools")
        self.table = table
        self.student_number: Locator = None
        self.email: Locator = None
        self.open_student: Callable[[int], Any] | None = None
        self.export: Callable[[], Any] | None = None
        self.extra_actions: Callable[[], Sequence[QAction | None]] | None = None
        self.last_menu: QMenu | None = None
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_requested)
        table.installEventFilter(self)

    # --- values of a row -----------------------------------------------------------------------

    def value(self, locator: Locator, row: int) -> str:
        if locator is None or not 0 <= row < self.table.model().rowCount():
            return ""
        if isinstance(locator, _RoleLocator):
            value = self.table.model().index(row, locator.column).data(locator.role)
        elif isinstance(locator, int):
            value = self.table.model().index(row, locator).data(Qt.ItemDataRole.DisplayRole)
        else:
            value = locator(row)
        return _text(value).strip()

    def values(self, locator: Locator, rows: Sequence[int]) -> list[str]:
        return [v for v in (self.value(locator, r) for r in rows) if v]

    # --- copying -------------------------------------------------------------------------------

    def copy_text(self, text: str) -> str:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
        return text

    def copy_rows(self) -> str:
        rows = selected_rows(self.table)
        return self.copy_text(rows_as_tsv(self.table, rows)) if rows else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if event.matches(QKeySequence.StandardKey.Copy):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.copy_rows()
                return True
        keyboard_menu = (event.type() == QEvent.Type.ContextMenu and event.reason() == event.Reason.Keyboard) or (
            event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F10
            and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)  # Shift+F10: not a menu key to Qt on X11
        if watched is self.table and keyboard_menu and self.table.currentIndex().isValid():
            # The menu of the current row, beside it (the event's position is the table's, not the cells').
            self._menu_requested(self.table.visualRect(self.table.currentIndex()).center())
            return True
        return super().eventFilter(watched, event)

    # --- the menu -------------------------------------------------------------------------------

    def menu_for(self, row: int) -> QMenu:
        """The menu for ``row`` (the clicked row; the selection when it holds the row)."""
        menu = QMenu(self.table)
        menu.setObjectName("tableContextMenu")
        rows = selected_rows(self.table)
        if row not in rows:
            rows = [row] if row >= 0 else rows
        numbers = self.values(self.student_number, rows)
        emails = self.values(self.email, rows)

        def add(text: str, name: str, slot: Callable[[], Any], enabled: bool = True) -> QAction:
            action = QAction(text, menu)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: slot())
            menu.addAction(action)
            return action

        if self.open_student is not None and row >= 0 and (self.student_number is None or self.value(self.student_number, row)):
            menu.setDefaultAction(add(self.tr("&Open the student"), "openStudentAction", lambda: self.open_student(row)))
        if numbers:
            add(self.tr("Copy the student &number") if len(numbers) == 1 else self.tr("Copy the student &numbers"),
                "copyStudentNumberAction", lambda: self.copy_text("\r\n".join(numbers)))
        if emails:
            add(self.tr("Copy the &e-mail") if len(emails) == 1 else self.tr("Copy the &e-mails"),
                "copyEmailAction", lambda: self.copy_text("\r\n".join(emails)))
        add(self.tr("&Copy the selected rows"), "copyRowsAction", self.copy_rows, bool(rows))
        extra = list(self.extra_actions()) if self.extra_actions is not None else []
        if self.export is not None or extra:
            menu.addSeparator()
        for action in extra:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self.export is not None:
            add(self.tr("E&xport to Excel…"), "exportTableAction", self.export, self.table.model().rowCount() > 0)
        return menu

    def _menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        row = index.row() if index.isValid() else -1  # below the last row: the menu of the selection
        if row >= 0 and row not in selected_rows(self.table):
            self.table.selectionModel().setCurrentIndex(
                index, self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows)
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        self.last_menu = self.menu_for(row)
        self.last_menu.popup(self.table.viewport().mapToGlobal(position))


def install_table_tools(
    table: QTableView,
    *,
    student_number: Locator = None,
    email: Locator = None,
    open_student: Callable[[int], Any] | None = None,
    export: Callable[[], Any] | None = None,
    extra_actions: Callable[[], Sequence[QAction | None]] | None = None,
) -> TableTools:
    """Give ``table`` the context menu and Ctrl+C; a second call adds what it names to the first's tools."""
    tools = table_tools(table) or TableTools(table)
    for name, value in (("student_number", student_number), ("email", email), ("open_student", open_student),
                        ("export", export), ("extra_actions", extra_actions)):
        if value is not None:
            setattr(tools, name, value)
    return tools


def table_tools(table: QTableView) -> TableTools | None:
    return table.findChild(TableTools, "tableTools", Qt.FindChildOption.FindDirectChildrenOnly)


# --- exporting ------------------------------------------------------------------------------------


def export_folder() -> Path:
    """The folder an export is suggested in: the last one used, else the user's Documents."""
    saved = str(QSettings().value(EXPORT_FOLDER_SETTING, "") or "")
    if saved and Path(saved).is_dir():
        return Path(saved)
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def suggested_name(*parts: Any, date: bool = True) -> str:
    """A file name from the list's name and codes (term, group, cohort) and today's date, valid on Windows too."""
    from exports.xlsx import safe_file_name

    words = [str(p).replace("/", "-") for p in parts if p not in (None, "")]
    if date:
        words.append(to_local(now_utc()).strftime("%Y-%m-%d"))
    return safe_file_name(" ".join(words))


def ask_export_path(parent: QWidget, title: str, file_name: str, *, suffix: str = ".xlsx",
                    kind: str = "") -> tuple[Path, bool] | None:
    """The file the clerk chose (``suffix`` added when missing), in the folder used last, and whether it
    may replace one (the dialog asked); None when the clerk closed the dialog."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(export_folder() / file_name),
                                                  kind or translate("TableTools", "Excel workbook (*.xlsx)"))
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    QSettings().setValue(EXPORT_FOLDER_SETTING, str(target.parent))
    # The dialog asked before replacing the name it returned; a name it did not see is never replaced.
    return target, target == Path(chosen)



Write = Callable[[Path, bool, Callable[[int, int], None]], Path]


class ExportFlow(QObject):
    """One export from the window: asked where, written in the background, then offered to be opened.

    ``write(path, overwrite, progress)`` runs in the long-jobs lane and returns the file written;
    ``progress(done, total)`` raises when the clerk cancelled (the writer then leaves no file).
    """

    written = Signal(str)  # the file written
    failed = Signal(str)  # the message shown (a refusal, a file problem); not on Cancel
    cancelled = Signal()

    def __init__(self, context, parent: QWidget, *, title: str, write: Write, status: QLabel | None = None,
                 changes: Changes | None = None, suffix: str = ".xlsx", kind: str = ""):
        super().__init__(parent)
        self.setObjectName("exportFlow")
        self.context = context
        self.widget = parent
        self.title = title
        self.write = write
        self.status = status
        self.changes = changes if changes is not None else Changes.of(history=ALL)
        self.suffix = suffix
        self.kind = kind  # the save dialog's filter; Excel workbooks unless said
        self.path: Path | None = None
        self.handle: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.done_box: QMessageBox | None = None
        self.error: BaseException | None = None

    def start(self, file_name: str) -> bool:
        """Ask for the file; False when the clerk closed the dialog."""
        chosen = ask_export_path(self.widget, self.title, file_name, suffix=self.suffix, kind=self.kind)
        if chosen is None:
            return False
        self.run(*chosen)
        return True

    def run(self, path: Path, overwrite: bool = True) -> TaskHandle:
        from exports.xlsx import ExportCancelled

        self.path = path
        write = self.write

        def work(handle: TaskHandle) -> Path:
            handle.check()
            try:
                return write(path, overwrite, lambda done, total: handle.progress(done, total))
            except ExportCancelled:
                raise Cancelled() from None

        self.progress = QProgressDialog(translate("TableTools", "Writing %1…").replace("%1", path.name),
                                        translate("TableTools", "Cancel"), 0, 0, self.widget)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle(self.title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self._say(translate("TableTools", "Writing %1…").replace("%1", path.name))
        self.handle = self.context.tasks.run(work, self._succeeded, self._failed, on_progress=self._step,
                                             lane=Lane.LONG, with_handle=True)
        self.progress.canceled.connect(self.cancel)
        self.progress.setValue(0)  # starts its clock: shown only if the write takes a while
        return self.handle

    def cancel(self) -> None:
        """Stop the write; nothing is left where the file was to be."""
        if self.handle is not None and not self.handle.finished:
            self.handle.cancel()
            self._close_progress()
            self._say(translate("TableTools", "Export cancelled: nothing was written."))
            self.cancelled.emit()

    def _step(self, done: int, total: int, _message: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, written: Path) -> None:
        self._close_progress()
        written = Path(written)
        self.path = written
        self._say(translate("TableTools", "Written: %1").replace("%1", str(written)))
        if self.context.changes is not None:
            self.context.changes.announce(self.changes)  # the export is in the history now
        self.done_box = offer_written_file(self.widget, self.title, written)
        self.written.emit(str(written))

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        self.error = error
        log_unexpected(error, "export")
        if isinstance(error, FileExistsError) and not getattr(error, "strerror", None):
            message = translate("TableTools", "%1 exists already: choose another name.").replace("%1", str(self.path))
        else:
            message = error_message(error)
        self._say(message, problem=True)
        box = QMessageBox(QMessageBox.Icon.Warning, self.title, message, QMessageBox.StandardButton.Ok, self.widget)
        box.setObjectName("exportErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.done_box = box
        box.open()
        self.failed.emit(message)

    def _say(self, text: str, problem: bool = False) -> None:
        if self.status is not None:
            from ui import labels

            self.status.setText(text)
            self.status.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}" if problem else "")


def offer_written_file(parent: QWidget, title: str, written: Path) -> QMessageBox:
    """"The file is written" with "Open the file" and "Show in folder" (window-modal, not blocking)."""
    text = translate("TableTools", "The file is written:\n%1").replace("%1", str(written))
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("exportDoneBox")
    open_file = box.addButton(translate("TableTools", "&Open the file"), QMessageBox.ButtonRole.ActionRole)
    open_file.setObjectName("openExportedFileButton")
    show_folder = box.addButton(translate("TableTools", "Show in &folder"), QMessageBox.ButtonRole.ActionRole)
    show_folder.setObjectName("showExportFolderButton")
    box.setDefaultButton(open_file)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_file.clicked.connect(lambda _checked=False: open_file_of(written))
    show_folder.clicked.connect(lambda _checked=False: show_folder_of(written))
    box.setWindowModality(Qt.WindowModality.NonModal)  # the clerk may go on working and open the file later
    box.show()
    return box


def open_file_of(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_folder_of(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def run_export(context, parent: QWidget, *, title: str, file_name: str, write: Write, status: QLabel | None = None,
               changes: Changes | None = None, suffix: str = ".xlsx", kind: str = "") -> ExportFlow | None:
    """Ask where and write in the background (see ExportFlow); None when the clerk closed the save dialog."""
    flow = ExportFlow(context, parent, title=title, write=write, status=status, changes=changes, suffix=suffix, kind=kind)
    if not flow.start(file_name):
        flow.deleteLater()
        return None
    return flow


# --- a table as it is shown -------------------------------------------------------------------------


def table_sheet(table: QTableView, title: str, rows: Sequence[int] | None = None, *, heading: Sequence[tuple[str, Any]] = (),
                landscape: bool | None = None) -> Sheet:
    """What the table shows (or ``rows`` of it) as a sheet: its headings and the text of its cells."""
    from exports.xlsx import Column, Sheet

    headings = table_headings(table)
    values = table_rows(table, rows)
    return Sheet(
        title=title,
        columns=[Column(h) for h in headings],
        rows=[tuple(v) for v in values],
        heading=[*heading, (translate("TableTools", "Data as of"), to_local(now_utc()).replace(tzinfo=None, microsecond=0))],
        caption=title,
        landscape=len(headings) > 6 if landscape is None else landscape,
    )


def export_table(context, table: QTableView, *, title: str, name_parts: Sequence[Any] = (), selected_only: bool | None = None,
                 personal: bool = True, status: QLabel | None = None) -> ExportFlow | None:
    """Export what the table shows (the selected rows when more than one is selected) through ``rosters.export_list``:
    the role is checked there, and a list with personal data is recorded in the history."""
    from desk import rosters
    from desk.unit_of_work import UnitOfWork

    chosen = selected_rows(table)
    if selected_only is None:
        selected_only = len(chosen) > 1
    sheet = table_sheet(table, title, chosen if selected_only else None)
    db, actor = context.db, context.actor

    def write(path: Path, overwrite: bool, progress: Callable[[int, int], None]) -> Path:
        return rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=rosters.ExportAction.LIST, overwrite=overwrite,
                                   personal=personal, progress=progress)

    return run_export(context, table, title=translate("TableTools", "Export to Excel"),
                      file_name=suggested_name(title, *name_parts),
                      write=write, status=status, changes=Changes.of(history=ALL) if personal else Changes())


__all__ = [
    "EXPORT_FOLDER_SETTING", "ExportFlow", "TableTools", "ask_export_path", "by_role", "export_folder", "export_table",
    "install_table_tools", "offer_written_file", "open_file_of", "rows_as_tsv", "run_export", "selected_rows",
    "show_folder_of", "suggested_name", "table_rows",
    "table_sheet", "table_tools",
]


def report_table(parent: QWidget, object_name: str, accessible_name: str, headings: Sequence[str],
                 stretch: Sequence[int]) -> QTableWidget:
    """A read-only table of whole rows that wrap (a dialog's report): the ``stretch`` columns share the width,
    the others fit their contents; with the table tools (Ctrl+C, the context menu)."""
    table = QTableWidget(0, len(headings), parent)
    table.setObjectName(object_name)
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headings))
    install_table_tools(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headings)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table
