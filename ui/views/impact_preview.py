"""What a change would set off, shown before it is made (``desk.impact``: who gains a seat from a waiting list, who
moves or loses one), asked in the background while the clerk reads or edits a dialog.

The impact preview rehearses the change itself in a transaction that is undone, so it holds the
database's writer for a moment: ``Rehearsals`` runs one at a time per dialog and drops the answers to
questions asked before the latest one, so typing a number never queues a rehearsal per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from desk.errors import DomainError
from desk.i18n import translate
from desk.impact import Impact
from ui.context import AppContext
from ui.many_at_once import names_list

# A rehearsal needs a reason as the change does; nothing it records is kept, so no clerk ever reads this one.
REHEARSAL_REASON = "impact preview"


def outrun(error: BaseException) -> bool:
    """Whether applying a plan was refused because the groups changed since it was previewed."""
    return isinstance(error, DomainError) and str(error) == translate(
        "Groups", "The groups changed since the preview: look at the preview again.")


class Rehearsals(QObject):
    """Runs a preview in the background, one at a time: only the latest question is answered.

    ``ask(work)`` after ``delay_ms`` (edits in quick succession ask once) runs ``work`` in the reads'
    lane; a question asked while another runs waits for it, and an answer to an older question is dropped.
    The latest answer goes to ``answered(result)``, or its error to ``refused(error)``, on the GUI thread
    (dropped, as every task's is, when the window that asked has closed meanwhile).
    """

    def __init__(self, context: AppContext, parent: QObject, answered: Callable[[Any], None],
                 refused: Callable[[BaseException], None], *, delay_ms: int = 0):
        super().__init__(parent)
        self.context = context
        self.answered = answered
        self.refused = refused
        self._asked = 0
        self._waiting: tuple[int, Callable[[], Any]] | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

    def ask(self, work: Callable[[], Any]) -> None:
        self._asked += 1
        self._waiting = (self._asked, work)
        self._timer.start()

    def _start(self) -> None:
        if self._running or self._waiting is None:
            return
        (asked, work), self._waiting = self._waiting, None
        self._running = True
        self.context.tasks.run(work, lambda result: self._done(asked, result, None),
                               lambda error: self._done(asked, None, error))

    def _done(self, asked: int, result: Any, error: BaseException | None) -> None:
        self._running = False
        if asked == self._asked:
            if error is None:
                self.answered(result)
            else:
                self.refused(error)
        self._start()  # a newer question came meanwhile


def gains_text(seen: Impact) -> str:
    """Who would gain a seat from a waiting list, by name (or that no one would)."""
    if not seen.gains:
        return QCoreApplication.translate("ImpactPreview", "No one would gain a seat from a waiting list.")
    names = [f"{line.student_number or ''} {line.student_name or ''} — {line.description}".strip()
             for line in seen.gains]
    return (QCoreApplication.translate("ImpactPreview", "%n students would gain a seat from a waiting list:", None,
                                       len(seen.gains)) + "\n" + names_list(names))


def impact_text(seen: Impact) -> str:
    """What applying a change would set off: how many move or lose a seat, which dedicated seats and payments
    change, and who would gain a seat from a waiting list, by name."""
    counts = [QCoreApplication.translate("ImpactPreview", "%n students moved", None, len(seen.moves))]
    if seen.losses:
        counts.append(QCoreApplication.translate("ImpactPreview", "%n students losing a seat", None, len(seen.losses)))
    if seen.shares:
        counts.append(QCoreApplication.translate("ImpactPreview", "%n changes of dedicated seats", None,
                                                 len(seen.shares)))
    if seen.payments:
        counts.append(QCoreApplication.translate("ImpactPreview", "%n changes of payments", None,
                                                 len(seen.payments)))
    return " · ".join(counts) + "\n" + gains_text(seen)
