"""Small dialogs the views share: a change with its reason, and picking a student by search.

A dialog that saves runs the service in the background; on a refusal it shows the clerk's
message inside the dialog and stays open with everything typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.student_search import search_students
from ui import labels
from ui.changes import Changes
from ui.context import AppContext
from ui.focus import arrange_focus, keyboard_fields
from ui.screen import fit_to_screen
from ui.tasks import Lane
from desk.unit_of_work import UnitOfWork


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
    label.setAccessibleName(QCoreApplication.translate("Dialogs", "Error"))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ActionDialog(QDialog):
    """A form whose OK runs ``action(values)`` in the background; refusals are shown, the input kept.

    Subclasses (or callers) add rows to ``form``; ``values()`` returns what the action needs. The
    dialog opens with the focus in its first field, and Tab follows the rows, the reason, then OK.
    """

    succeeded = Signal(object)

    def __init__(self, context: AppContext, title: str, intro: str, ok_text: str, object_name: str,
                 action: Callable[[Any], Any], parent: QWidget | None = None, *, reason: bool = True,
                 reason_hint: str = "", changes: Changes | Callable[[Any], Changes | None] | None = None):
        super().__init__(parent)
        self.context = context
        self.action = action
        self.changes = changes  # what a success changed, announced to every open view (ui.changes)
        self.lane = Lane.WRITE  # an import of a whole file is a long job (Lane.LONG)
        self.result_value = None
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("dialogIntro")
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.reason: QLineEdit | None = None
        if reason:
            self.reason = QLineEdit(self)
            self.reason.setObjectName("reasonField")
            self.reason.setAccessibleName(self.tr("Reason"))
            self.reason.setPlaceholderText(reason_hint or self.tr("why — kept with the change"))
        self.error = error_label(self, "dialogError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self._tail = QVBoxLayout()
        layout.addLayout(self._tail)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(540, 10))
        self._focus_arranged = False
        self._fit_timer = QTimer(self)  # once the layout has settled, after whatever changed it
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_height)

    def showEvent(self, event) -> None:
        if not self._focus_arranged:  # every row is in place by now, whoever added it
            self._focus_arranged = True
            arrange_focus(self, keyboard_fields(self.form) + keyboard_fields(self._tail),
                          [self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                           self.buttons.button(QDialogButtonBox.StandardButton.Cancel)])
        super().showEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a text changed (a refusal shown), a row came or went
            self._fit_later()
        return handled

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_later()  # narrower: wrapped texts take more lines

    def _fit_later(self) -> None:
        # Qt may lay the dialog out before its timer is made (a row added in a subclass's set-up) or after
        # Python has let go of its attributes (the window closing): nothing to fit then.
        timer = self.__dict__.get("_fit_timer")
        if timer is not None:
            timer.start()

    def fit_height(self) -> None:
        """At least as tall as every row needs at the dialog's width, growing if need be.

        Qt keeps a window no smaller than its rows' minimum sizes, but a wrapped text (the intro, a
        refusal, a preview) needs more lines the narrower it is; left out, it squeezes the fields.
        """
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalMinimumSize().height()
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)  # a dialog lower than that grows to it
            if self.isVisible():
                fit_to_screen(self)  # grown past the screen's edge: moved back inside

    def set_texts(self, title: str, intro: str, ok_text: str) -> None:
        """For subclasses, whose translated texts exist only once the dialog does."""
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)

    def finish_form(self) -> None:
        """Call after adding the caller's rows: the reason comes last, just above the buttons."""
        if self.reason is not None:
            self.form.addRow(self.tr("&Reason:"), self.reason)

    def values(self) -> Any:
        return self.reason.text() if self.reason is not None else None

    def run(self) -> None:
        try:
            values = self.values()
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        action = self.action

        def done(result):
            self.buttons.setEnabled(True)
            self.result_value = result
            self.succeeded.emit(result)
            self.accept()

        def failed(error: BaseException):
            self.buttons.setEnabled(True)
            self.refused(error)

        self.context.operate(lambda: action(values), done, failed, changes=self.changes, show=self.error, lane=self.lane)

    def refused(self, error: BaseException) -> None:
        """Called on the GUI thread after a refusal has been shown in the dialog; the input is kept."""


class StudentPicker(QWidget):
    """A search field and a short list of matching students; ``student_id`` is the one chosen."""

    chosen = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self.field = QLineEdit(self)
        self.field.setObjectName("pickStudentField")
        self.field.setAccessibleName(self.tr("Find a student"))
        self.field.setPlaceholderText(self.tr("Student number or name"))
        self.results = QListWidget(self)
        self.results.setObjectName("pickStudentResults")
        self.results.setAccessibleName(self.tr("Students found"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setMinimumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._search)
        self.results.currentItemChanged.connect(self._changed)

    @property
    def student_id(self) -> int | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _changed(self, item, _previous) -> None:
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _search(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        db, actor, text = self.context.db, self.context.actor, self.field.text()
        self.context.tasks.run(lambda: search_students(UnitOfWork(db, actor), text, limit=20),
                               lambda page: self._show(page, generation), lambda _error: None)

    def _show(self, page, generation: int) -> None:
        if generation != self._generation:
            return  # a newer search has begun
        self.results.clear()
        for row in page.rows:
            status = labels.programme_status(row.status)
            item = QListWidgetItem(f"{row.student_number}  {row.last_name} {row.first_names}  ·  {row.programme_code or ''} {status}")
            item.setData(Qt.ItemDataRole.UserRole, row.student_id)
            self.results.addItem(item)
        if page.rows:
            self.results.setCurrentRow(0)
