"""Acting on many selected records at once: one dialog that confirms how many, progress while it runs, the result in words.

The service (``desk.many``) asks the rulebook for each record in one transaction and one change set;
what it could not do comes back with why. The dialog's OK names how many it acts on (the one
confirmation); while it runs a bar shows how far it is and Cancel undoes everything. The result
says how many were done and which were not, each with its reason: never a partial silent failure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressBar, QWidget

from desk.many import ManyDone
from ui.changes import Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.tasks import Cancelled, TaskHandle

SHOWN_BY_NAME = 8  # names listed in the dialog and refusals in the result; the rest are counted (and in the details)


def names_list(names: list[str]) -> str:
    """Up to SHOWN_BY_NAME names, one a line, then how many more."""
    lines = names[:SHOWN_BY_NAME]
    if len(names) > SHOWN_BY_NAME:
        lines.append(QCoreApplication.translate("ManyAtOnce", "… and %1 more").replace("%1", str(len(names) - SHOWN_BY_NAME)))
    return "\n".join(lines)


class ManyAtOnceDialog(ActionDialog):
    """``action(values, progress)`` on the selected records, in the background, with progress and Cancel.

    ``succeeded`` carries the ``ManyDone``; cancelling leaves the dialog open and nothing changed.
    """

    def __init__(self, context: AppContext, title: str, intro: str, ok_text: str, object_name: str,
                 action: Callable[[Any, Callable[[int, int, str], None]], ManyDone], parent: QWidget | None = None, *,
                 reason_hint: str = "", changes: Changes | Callable[[Any], Changes | None] | None = None):
        super().__init__(context, title, intro, ok_text, object_name, lambda _values: None, parent,
                         reason_hint=reason_hint, changes=changes)
        self.many_action = action
        self.handle: TaskHandle | None = None
        self._cancelling = False
        self.progress = QProgressBar(self)
        self.progress.setObjectName("manyProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.setVisible(False)
        self._tail.addWidget(self.progress)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def run(self) -> None:
        if self.running:
            return
        try:
            values = self.values()
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first record is done
        self.progress.setVisible(True)
        self._cancelling = False
        action = self.many_action

        def work(handle: TaskHandle) -> ManyDone:
            def progress(done: int, total: int, text: str) -> None:
                # Not the handle's own cancel: a cancelled task's failure would not be reported back here.
                if self._cancelling:
                    raise Cancelled()
                handle.progress(done, total, text)

            return action(values, progress)

        def done(result: ManyDone) -> None:
            self._stopped()
            self.result_value = result
            self.succeeded.emit(result)
            self.accept()

        def failed(error: BaseException) -> None:
            self._stopped()
            if isinstance(error, Cancelled):
                self.error.setText(self.tr("Cancelled: nothing was changed."))
            self.refused(error)

        self.handle = self.context.operate(work, done, failed,
                                           changes=self.changes, show=self.error, lane=self.lane, on_progress=self._step,
                                           with_handle=True)

    def _step(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stopped(self) -> None:
        self.handle = None
        self.progress.setVisible(False)
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(True)

    def reject(self) -> None:
        """Cancel (or Escape) while it runs stops it, undoing everything; otherwise closes."""
        if self.handle is not None:
            self._cancelling = True
            self.error.setText(self.tr("Cancelling: nothing will be changed…"))
            return
        super().reject()


def result_text(result: ManyDone, done_sentence: str, name_of: Callable[[int], str]) -> str:
    """How many were done (``done_sentence``, already counted) and which were not, each with why."""
    if not result.not_done:
        return done_sentence
    reasons = names_list([f"{name_of(n.id)}: {n.why}" for n in result.not_done])
    count = len(result.not_done)
    if not result.done:
        head = QCoreApplication.translate("ManyAtOnce", "Nothing was changed: none of the %n selected could be.", "", count)
    else:
        head = done_sentence + "\n" + QCoreApplication.translate(
            "ManyAtOnce", "%n selected were not, and stay as they were:", "", count)
    return f"{head}\n{reasons}"


def show_result(parent: QWidget, title: str, result: ManyDone, done_sentence: str, name_of: Callable[[int], str]) -> QMessageBox:
    """The result in a message box that does not block (the views' loads go on); every refusal in its details."""
    refused = bool(result.not_done)
    box = QMessageBox(QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information, title,
                      result_text(result, done_sentence, name_of), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("manyResultBox")
    if len(result.not_done) > SHOWN_BY_NAME:
        box.setDetailedText("\n".join(f"{name_of(n.id)}: {n.why}" for n in result.not_done))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


__all__ = ["ManyAtOnceDialog", "names_list", "result_text", "show_result"]
