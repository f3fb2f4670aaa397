"""Import: a university's records from an .xlsx or CSV file, previewed row by row, then applied all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.imports import service, workbooks
from desk.imports.kind import Kind, Status
from desk.imports.registry import kind_named, kinds
from desk.imports.service import Applied, Preview
from desk.staff import Actor
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.models.import_rows_model import LINE, RECORD, STATUS, ImportRowsModel, preview_lines
from ui.tables import install_table_tools
from ui.tasks import Cancelled, Lane, TaskHandle, error_message, log_unexpected

# An import may touch any record of its kind and the records hanging off it; files are imported
# rarely, so every view showing any of them reads again.
IMPORTED = Changes.of(student=ALL, group=ALL, registration=ALL, tokens=ALL, payment=ALL, account=ALL, outbox=ALL,
                      staff=ALL, history=ALL)


def importable_kinds(actor: Actor) -> list[Kind]:
    """The kinds the signed-in staff member may import, in import order (a clerk's are checked by unit row by row)."""
    return [kind for kind in kinds() if actor.can(kind.permission)]


def _muted(label: QLabel) -> QLabel:
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


class ImportView(QWidget):
    """Choose a kind and a file, read the preview (what is new, changed, in error, missing), then apply it."""

    previewShown = Signal(object)  # Preview, or None when the preview failed or was cancelled
    applied = Signal(object)  # Applied
    fileSaved = Signal(str)  # a template or the current records, written

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("importView")
        self.preview: Preview | None = None
        self.path: str | None = None
        self._running: TaskHandle | None = None
        self._generation = 0
        self.confirmation: QMessageBox | None = None

        self.kind = QComboBox(self)
        self.kind.setObjectName("importKindChooser")
        self.kind.setAccessibleName(self.tr("Kind of record to import"))
        for kind in importable_kinds(context.actor):
            self.kind.addItem(kind.shown_title(), kind.code)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(18)
        self.kind.setMaximumWidth(320)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choose_button = QPushButton(self.tr("Ch&oose file…"), self)
        self.choose_button.setObjectName("chooseImportFileButton")
        self.choose_button.setAccessibleName(self.tr("Choose the file to import"))
        self.choose_button.setToolTip(self.tr("An .xlsx workbook or a CSV file (Ctrl+O); nothing is written until you apply it."))
        self.choose_button.clicked.connect(self.choose_file)
        self.again_button = QPushButton(self.tr("Preview a&gain"), self)
        self.again_button.setObjectName("previewAgainButton")
        self.again_button.setAccessibleName(self.tr("Read the file again and preview it"))
        self.again_button.setToolTip(self.tr("After correcting the file, read it again."))
        self.again_button.clicked.connect(lambda _checked=False: self.preview_again())
        self.template_button = QPushButton(self.tr("Te&mplate…"), self)
        self.template_button.setObjectName("saveTemplateButton")
        self.template_button.setAccessibleName(self.tr("Save an empty template for this kind of record"))
        self.template_button.setToolTip(self.tr("A workbook with the headings, a sheet of notes on every column and an "
                                                "example row."))
        self.template_button.clicked.connect(lambda _checked=False: self.save_template())
        self.export_button = QPushButton(self.tr("E&xport current records…"), self)
        self.export_button.setObjectName("exportRecordsButton")
        self.export_button.setAccessibleName(self.tr("Export the records the desk holds, in the file's shape"))
        self.export_button.setToolTip(self.tr("The records of this kind as the desk holds them: a file that imports back "
                                              "unchanged, a start for corrections."))
        self.export_button.clicked.connect(lambda _checked=False: self.export_current())

        self.file_label = QLabel(self.tr("Choose a kind of record and a file: you see every row's outcome before "
                                         "anything is written."), self)
        self.file_label.setObjectName("importFileLabel")
        self.file_label.setTextFormat(Qt.TextFormat.RichText)  # the file's name is escaped wherever it is shown
        self.file_label.setAccessibleName(self.tr("The file and what was detected"))
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("importProgressLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel reading or importing the file"))
        self.cancel_button.setToolTip(self.tr("Stops at the next chunk of rows; nothing is written."))
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel())
        self.progress_row = QWidget(self)
        self.progress_row.setObjectName("importProgressRow")
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.setVisible(False)

        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setAccessibleName(self.tr("Rows of the file by outcome"))
        self.counts.setWordWrap(True)
        self.columns_label = _muted(QLabel(self))
        self.columns_label.setObjectName("importColumnsLabel")
        self.ignored_label = _muted(QLabel(self))
        self.ignored_label.setObjectName("importIgnoredLabel")
        self.ignored_label.setAccessibleName(self.tr("Headings not used"))

        self.only_errors = QCheckBox(self.tr("Show only the rows in &error"), self)
        self.only_errors.setObjectName("onlyErrorsCheck")
        self.only_errors.setAccessibleName(self.tr("Show only the rows in error"))
        self.only_errors.toggled.connect(self._only_errors)
        self.shown_label = _muted(QLabel(self))
        self.shown_label.setObjectName("importShownLabel")
        self.shown_label.setWordWrap(False)
        self.model = ImportRowsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importRowsTable")
        self.table.setAccessibleName(self.tr("Rows of the file that are new, changed or in error"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)  # the rows in error first: what needs a look
        install_table_tools(self.table)  # a context menu; Ctrl+C copies the selected rows with their headings
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((LINE, 56), (RECORD, 170), (STATUS, 100)):
            self.table.setColumnWidth(column, width)
        rows_label = QLabel(self.tr("Ro&ws:"), self)
        rows_label.setBuddy(self.table)

        self.missing_box = QGroupBox(self.tr("Not in the file"), self)
        self.missing_box.setObjectName("importMissingBox")
        self.missing_label = _muted(QLabel(self.missing_box))
        self.missing_label.setObjectName("importMissingLabel")
        self.missing_list = QListWidget(self.missing_box)
        self.missing_list.setObjectName("importMissingList")
        self.missing_list.setAccessibleName(self.tr("Records at the desk the file does not name"))
        missing_list_label = QLabel(self.tr("Records at the desk &not named:"), self.missing_box)
        missing_list_label.setBuddy(self.missing_list)
        missing_layout = QVBoxLayout(self.missing_box)
        missing_layout.addWidget(self.missing_label)
        missing_layout.addWidget(missing_list_label)
        missing_layout.addWidget(self.missing_list, 1)
        self.missing_box.setVisible(False)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("importReasonField")
        self.reason.setAccessibleName(self.tr("Reason for the import"))
        self.reason.setPlaceholderText(self.tr("why — kept with the change, e.g. students admitted in September"))
        self.reason.setMaxLength(500)
        self.reason.textChanged.connect(lambda _text: self._enable())
        self.reason.returnPressed.connect(self.apply)
        self.skip = QCheckBox(self.tr("&Skip the rows in error"), self)
        self.skip.setObjectName("skipErrorsCheck")
        self.skip.setAccessibleName(self.tr("Skip the rows in error and import the rest"))
        self.skip.toggled.connect(lambda _checked: self._enable())
        self.apply_button = QPushButton(self.tr("&Apply…"), self)
        self.apply_button.setObjectName("applyImportButton")
        self.apply_button.setAccessibleName(self.tr("Apply the import"))
        self.apply_button.setAutoDefault(True)  # Enter on the focused button asks for confirmation
        self.apply_button.clicked.connect(lambda _checked=False: self.apply())
        self.apply_hint = _muted(QLabel(self))
        self.apply_hint.setObjectName("applyImportHint")
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Result of the import"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        # The kind and its blank template first, then the file: two rows, so the view fits a narrow window.
        top = QHBoxLayout()
        kind_label = QLabel(self.tr("&Kind of record:"), self)
        kind_label.setBuddy(self.kind)
        top.addWidget(kind_label)
        top.addWidget(self.kind, 1)
        top.addWidget(self.template_button)
        top.addWidget(self.export_button)
        top.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        file_row.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignTop)
        file_row.addWidget(self.file_label, 1)

        rows_panel = QWidget(self)
        rows_layout = QVBoxLayout(rows_panel)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(rows_label)
        filter_row.addWidget(self.only_errors)
        filter_row.addWidget(self.shown_label)
        filter_row.addStretch(1)
        rows_layout.addLayout(filter_row)
        rows_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("importSplitter")
        self.splitter.addWidget(rows_panel)
        self.splitter.addWidget(self.missing_box)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([900, 230])  # the rows need the width; the list of records not named is short

        bottom = QHBoxLayout()
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        bottom.addWidget(reason_label)
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.skip)
        bottom.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(file_row)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.message)  # a refusal or the result, next to the file it is about
        layout.addWidget(self.counts)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.ignored_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.apply_hint)
        self.setTabOrder(self.kind, self.choose_button)
        for first, second in ((self.choose_button, self.again_button), (self.again_button, self.template_button),
                              (self.template_button, self.export_button), (self.export_button, self.cancel_button),
                              (self.cancel_button, self.only_errors), (self.only_errors, self.table),
                              (self.table, self.missing_list), (self.missing_list, self.reason),
                              (self.reason, self.skip), (self.skip, self.apply_button)):
            self.setTabOrder(first, second)
        self._show_preview(None)

    # --- choosing ----------------------------------------------------------------------------

    @property
    def kind_code(self) -> str | None:
        return self.kind.currentData()

    def select_kind(self, code: str) -> None:
        index = self.kind.findData(code)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def _kind_changed(self, _index: int) -> None:
        # The same file read as another kind: preview it again rather than show rows judged as the old one.
        if self.path is not None:
            self.preview_file(self.path)
        else:
            self._enable()

    def choose_file(self) -> None:
        folder = str(Path(self.path).parent) if self.path else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import %1 from a file").replace("%1", self.kind.currentText()), folder,
            self.tr("Spreadsheets and CSV (*.xlsx *.csv);;All files (*)"))
        if path:
            self.preview_file(path)

    def preview_again(self) -> None:
        if self.path is not None:
            self.preview_file(self.path)

    # --- the preview -------------------------------------------------------------------------

    def preview_file(self, path: str) -> None:
        """Read and judge the file in the background (nothing is written); then show what importing it would do."""
        code = self.kind_code
        if code is None:
            return
        if self._running is not None:
            self._running.cancel()
        self.path = str(path)
        self._generation += 1
        generation = self._generation
        self._show_preview(None)
        self.message.setVisible(False)
        self.file_label.setText(self.tr("Reading %1…").replace("%1", _escaped(Path(path).name)))
        self._start_progress(self.tr("Reading the file"))
        db, actor = self.context.db, self.context.actor

        def work(handle: TaskHandle) -> Preview:
            return service.preview_import(UnitOfWork(db, actor), code, path,
                                          progress=lambda done, total, _what: handle.progress(done, total),
                                          cancelled=lambda: handle.cancelled)

        def done(preview: Preview) -> None:
            if generation != self._generation:
                return
            self._stop_progress()
            self._show_preview(preview)
            self.previewShown.emit(preview)

        def failed(error: BaseException) -> None:
            # Said here, not by ui.tasks.operate: a preview replaced by a newer one fails silently.
            if generation != self._generation:
                return
            log_unexpected(error, "import preview")
            self._stop_progress()
            self.file_label.setText(_escaped(Path(path).name))
            if isinstance(error, (Cancelled, service.ImportCancelled)):
                self._say(self.tr("Cancelled: the file was not read to the end."), labels.PROBLEM_COLOUR.name())
            else:
                self._say(error_message(error), labels.PROBLEM_COLOUR.name())
            self.previewShown.emit(None)

        self._running = self.context.tasks.run(work, done, failed, lane=Lane.READ, with_handle=True,
                                               on_progress=lambda d, t, _w: self._progressed(d, t, generation))

    def _show_preview(self, preview: Preview | None) -> None:
        self.preview = preview
        self.only_errors.setChecked(False)
        if preview is None:
            self.model.set_lines([])
            for label in (self.counts, self.columns_label, self.ignored_label, self.shown_label):
                label.clear()
                label.setVisible(False)
            self.missing_box.setVisible(False)
            self.skip.setChecked(False)
            self._enable()
            return
        kind = kind_named(preview.kind)
        self.file_label.setText(
            self.tr("<b>%1</b> as %2 — %3; headings on line %4.")
            .replace("%1", _escaped(preview.path.name)).replace("%2", _escaped(kind.shown_title()))
            .replace("%3", _escaped(preview.shape.describe())).replace("%4", str(preview.header_line)))
        counts = preview.counts
        parts = [
            self.tr("<b>%1</b> new").replace("%1", f"{counts[Status.NEW]:,}"),
            self.tr("<b>%1</b> changed").replace("%1", f"{counts[Status.CHANGED]:,}"),
            self.tr("<b>%1</b> unchanged").replace("%1", f"{counts[Status.UNCHANGED]:,}"),
        ]
        errors = self.tr("<b>%1</b> in error").replace("%1", f"{counts[Status.ERROR]:,}")
        if counts[Status.ERROR]:
            errors = f"<span style='color: {labels.PROBLEM_COLOUR.name()}'>{errors}</span>"
        parts.append(errors)
        self.counts.setText(" · ".join(parts) + "  " + self.tr("(%1 rows in all)").replace("%1", f"{preview.total:,}"))
        self.counts.setVisible(True)
        self.columns_label.setText(self.tr("Columns read: %1").replace("%1", ", ".join(preview.columns)))
        self.columns_label.setVisible(bool(preview.columns))
        self.ignored_label.setText(self.tr("Headings not used (left out): %1").replace("%1", ", ".join(preview.ignored)))
        self.ignored_label.setVisible(bool(preview.ignored))
        self.model.set_lines(preview_lines(preview.rows, kind.shown_key))
        not_unchanged = preview.total - counts[Status.UNCHANGED]
        self.shown_label.setText(
            self.tr("Showing the first %1 of %2 rows that are new, changed or in error.")
            .replace("%1", f"{len(preview.rows):,}").replace("%2", f"{not_unchanged:,}")
            if len(preview.rows) < not_unchanged else
            self.tr("Unchanged rows are not listed.") if counts[Status.UNCHANGED] else "")
        self.shown_label.setVisible(bool(self.shown_label.text()))
        self.only_errors.setEnabled(preview.errors > 0)
        self.missing_list.clear()
        if preview.missing:
            self.missing_label.setText(
                self.tr("%n record(s) of this kind at the desk are not in the file. Nothing is deleted: they stay "
                        "as they are.", "", preview.missing))
            self.missing_list.addItems(preview.missing_shown)
            if preview.missing > len(preview.missing_shown):
                self.missing_list.addItem(self.tr("… and %1 more").replace(
                    "%1", f"{preview.missing - len(preview.missing_shown):,}"))
        self.missing_box.setVisible(preview.missing > 0)
        self._enable()

    def _only_errors(self, checked: bool) -> None:
        self.model.set_only_errors(checked)

    # --- applying ----------------------------------------------------------------------------

    def _to_apply(self) -> int:
        preview = self.preview
        return 0 if preview is None else preview.counts[Status.NEW] + preview.counts[Status.CHANGED]

    def _enable(self) -> None:
        preview = self.preview
        running = self._running is not None and not self._running.finished
        has_kind = self.kind_code is not None
        for button in (self.choose_button, self.template_button, self.export_button, self.kind):
            button.setEnabled(has_kind and not running)
        self.again_button.setEnabled(self.path is not None and not running)
        errors = preview.errors if preview is not None else 0
        self.skip.setEnabled(errors > 0 and not running)
        if not errors:
            self.skip.setChecked(False)
        self.skip.setText(self.tr("&Skip the %n row(s) in error", "", errors) if errors
                          else self.tr("&Skip the rows in error"))
        reason = self.reason.text().strip()
        if preview is None and self.path is not None:
            hint = ""  # the message above says why there is no preview
        elif preview is None:
            hint = self.tr("Choose a file: its preview comes first, nothing is written until you apply it.")
        elif not self._to_apply():
            hint = (self.tr("Nothing to import: every row is unchanged or in error.") if errors
                    else self.tr("Nothing to import: every row is unchanged."))
        elif errors and not self.skip.isChecked():
            hint = self.tr("%n row(s) in error: correct the file and preview it again, or skip them.", "", errors)
        elif not reason:
            hint = self.tr("Say why the file is imported (the reason is kept with the change).")
        else:
            hint = self.tr("Applying writes %1 new and %2 changed records as one change set, all or nothing.") \
                .replace("%1", f"{preview.counts[Status.NEW]:,}").replace("%2", f"{preview.counts[Status.CHANGED]:,}")
        self.apply_hint.setText(hint)
        self.apply_hint.setVisible(bool(hint))
        self.apply_button.setEnabled(self._may_apply() and not running)
        self.reason.setEnabled(not running)

    def _may_apply(self) -> bool:
        preview = self.preview
        return (preview is not None and self._to_apply() > 0 and (preview.errors == 0 or self.skip.isChecked())
                and bool(self.reason.text().strip()))

    def apply(self) -> None:
        """Ask first: what will be written, from which file, and what is left out."""
        if not self._may_apply() or (self._running is not None and not self._running.finished):
            return
        preview = self.preview
        text = self.tr("Import %1 new and %2 changed records of “%3” from %4?") \
            .replace("%1", f"{preview.counts[Status.NEW]:,}").replace("%2", f"{preview.counts[Status.CHANGED]:,}") \
            .replace("%3", kind_named(preview.kind).shown_title()).replace("%4", preview.path.name)
        if preview.errors:
            text += "\n\n" + self.tr("The %n row(s) in error are left out.", "", preview.errors)
        text += "\n\n" + self.tr("It is written as one change set with your reason, and goes to the portal with the next sync.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Apply the import"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmImportBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Import"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.apply_now() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None)
        self.confirmation = box
        box.open()

    def apply_now(self) -> None:
        """Write what the preview showed, in the background, as one audited change set."""
        preview = self.preview
        if preview is None or not self._may_apply():
            return
        reason, skip = self.reason.text().strip(), self.skip.isChecked()
        db, actor = self.context.db, self.context.actor
        self._generation += 1
        generation = self._generation
        self.message.setVisible(False)
        self._start_progress(self.tr("Importing"))

        def work(handle: TaskHandle) -> Applied:
            return service.apply_import(UnitOfWork(db, actor), preview, reason=reason, skip_errors=skip,
                                        progress=lambda done, total, _what: handle.progress(done, total),
                                        cancelled=lambda: handle.cancelled)

        def done(result: Applied) -> None:
            self._stop_progress()
            self._show_preview(None)
            self.reason.clear()
            self.file_label.setText(
                self.tr("%1 was imported; preview it again to see the desk's records against the file.")
                .replace("%1", _escaped(preview.path.name)))
            self._say(self.tr("Imported from %1: %2 new, %3 changed, %4 unchanged, %5 rows in error skipped. "
                              "Change set %6 in the history.")
                      .replace("%1", preview.path.name).replace("%2", f"{result.new:,}")
                      .replace("%3", f"{result.changed:,}").replace("%4", f"{result.unchanged:,}")
                      .replace("%5", f"{result.skipped:,}").replace("%6", f"#{result.change_set_id}"),
                      labels.OK_COLOUR.name())
            self.applied.emit(result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._stop_progress()
            self._failed(error, self.tr("Cancelled: nothing was written."))

        # An import is a long job: a clerk's Save at another view never waits behind it in the queue.
        self._running = self.context.operate(work, done, failed, changes=IMPORTED, lane=Lane.LONG, show=self.message,
                                             on_progress=lambda d, t, _w: self._progressed(d, t, generation),
                                             with_handle=True)

    # --- templates and exports ---------------------------------------------------------------

    def save_template(self, path: str | None = None) -> None:
        code = self.kind_code
        if code is None:
            return
        if path is None:
            path = self._save_path(self.tr("Save the template of %1").replace("%1", self.kind.currentText()),
                                   f"{code}-template.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path:
            self._write(lambda: workbooks.write_template(code, path, overwrite=True),
                        self.tr("Template saved: %1"))

    def export_current(self, path: str | None = None) -> None:
        code = self.kind_code
        if code is None:
            return
        if path is None:
            path = self._save_path(self.tr("Export %1").replace("%1", self.kind.currentText()), f"{code}.xlsx",
                                   self.tr("Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)"))
        if path:
            db, actor = self.context.db, self.context.actor
            self._write(lambda: workbooks.export_records(UnitOfWork(db, actor), code, path, overwrite=True),
                        self.tr("Exported: %1"))

    def _save_path(self, title: str, name: str, filters: str) -> str:
        folder = Path(self.path).parent if self.path else Path.home()
        path, _filter = QFileDialog.getSaveFileName(self, title, str(folder / name), filters)
        return path

    def _write(self, work, said: str) -> None:
        self.message.setVisible(False)

        def done(written: Path) -> None:
            self._say(said.replace("%1", str(written)), labels.OK_COLOUR.name())
            self.fileSaved.emit(str(written))

        # Writing a file is a long job, like every export.
        self.context.operate(work, done, lambda error: self._failed(error, ""), lane=Lane.LONG, show=self.message)

    # --- progress and messages ---------------------------------------------------------------

    def cancel(self) -> None:
        if self._running is not None and not self._running.finished:
            self._running.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _start_progress(self, what: str) -> None:
        self.progress_label.setText(what)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.progress_row.setVisible(True)
        self._enable_while_running(True)

    def _enable_while_running(self, running: bool) -> None:
        for widget in (self.kind, self.choose_button, self.again_button, self.template_button, self.export_button,
                       self.reason, self.skip, self.apply_button):
            widget.setEnabled(not running)

    def _progressed(self, done: int, total: int, generation: int) -> None:
        if generation != self._generation:
            return
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))

    def _stop_progress(self) -> None:
        self.progress_row.setVisible(False)
        self._running = None
        self._enable()

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour}")
        self.message.setVisible(True)

    def _failed(self, error: BaseException, cancelled_text: str) -> None:
        """The refusal is already in the message area (ui.tasks.operate), in the clerk's words; a cancel is said here."""
        if isinstance(error, Cancelled):
            self.message.setText(cancelled_text)
        self.message.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.message.setVisible(bool(self.message.text()))


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
