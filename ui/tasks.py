"""Running work off the GUI thread in lanes, and the one way a view runs an operation.

Three lanes, each a QThreadPool:

- reads: loads and searches, several at once;
- writes: a clerk's changes, one at a time in the order asked (a Save);
- long jobs: sync runs, token round resolution, exports, imports, backups, one at a time.

A Save never waits behind a long job: the two lanes have threads of their own. (On SQLite the
database still has one writer at a time: a long job writes in short transactions, batch by
batch, so a Save waits at most for the batch being written.)

A task is a plain function that opens its own database session and returns plain data. The
success and failure callbacks run on the GUI thread; no UI code runs inside the task.

``operate`` is how a view changes data: it runs the service in a lane, then on the GUI thread
either calls ``done`` and announces what changed (every open view showing it refreshes), or shows
the error one way: a DomainError's message as it is, anything unexpected as a short message with
the details in the log, never a traceback.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desk.errors import DatabaseOpenError, DomainError

if TYPE_CHECKING:
    from ui.changes import ChangeBroadcast, Changes

log = logging.getLogger(__name__)


class Lane(Enum):
    READ = "read"
    WRITE = "write"
    LONG = "long"


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class TaskHandle:
    """Lets the GUI cancel a running task and lets the task report progress."""

    def __init__(self, relay: _Relay, lane: Lane = Lane.READ):
        self._relay = relay
        self.lane = lane
        self.cancelled = False
        self.finished = False

    def cancel(self) -> None:
        self.cancelled = True

    def check(self) -> None:
        """Call from inside the task between steps: stops it if the user cancelled."""
        if self.cancelled:
            raise Cancelled()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.check()
        self._relay.progressed.emit(done, total, message)


class _Job(QRunnable):
    def __init__(self, function: Callable[..., Any], handle: TaskHandle, relay: _Relay, pass_handle: bool):
        super().__init__()
        self.function = function
        self.handle = handle
        self.relay = relay
        self.pass_handle = pass_handle
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.function(self.handle) if self.pass_handle else self.function()
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            if not isinstance(error, Cancelled):
                log.debug("task failed: %s", "".join(traceback.format_exception(error)))
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs work in three lanes: reads on a shared pool, a clerk's writes and long jobs on one thread each."""

    def __init__(self, parent: QObject | None = None, *, readers: int = 4):
        super().__init__(parent)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(readers)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self.long_pool = QThreadPool(self)
        self.long_pool.setMaxThreadCount(1)
        # Where the system honours it, a long job gives way to the clerk's work.
        self.long_pool.setThreadPriority(QThread.Priority.LowPriority)
        self._pools = {Lane.READ: self.read_pool, Lane.WRITE: self.write_pool, Lane.LONG: self.long_pool}
        self._live: set[_Relay] = set()
        self._keyed: dict[str, TaskHandle] = {}

    def pool(self, lane: Lane) -> QThreadPool:
        return self._pools[lane]

    def run(
        self,
        function: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        lane: Lane | None = None,
        write: bool = False,
        with_handle: bool = False,
        key: str | None = None,
    ) -> TaskHandle:
        """Start ``function`` in ``lane`` (``write=True``: the writes lane); callbacks run on the GUI thread.

        With a ``key``, a task of the same key that has not finished yet is not started twice:
        its handle is returned (a timer asking for the same job every minute during a long sync).
        """
        lane = lane or (Lane.WRITE if write else Lane.READ)
        if key is not None and key in self._keyed:
            return self._keyed[key]
        relay = _Relay()  # lives in the GUI thread, so its signals are delivered there
        handle = TaskHandle(relay, lane)
        self._live.add(relay)
        if key is not None:
            self._keyed[key] = handle

        def finished(callback, value):
            self._live.discard(relay)
            handle.finished = True
            if key is not None and self._keyed.get(key) is handle:
                del self._keyed[key]
            if callback is not None and not (handle.cancelled and isinstance(value, Cancelled)):
                try:
                    callback(value)
                except RuntimeError as error:
                    # The window that asked was closed while the work ran: nobody waits for it.
                    if "already deleted" not in str(error):
                        raise
                    log.debug("result of a closed window dropped: %s", error)

        relay.succeeded.connect(lambda value: finished(on_success, value))
        relay.failed.connect(lambda error: finished(on_failure, error))
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        job = _Job(function, handle, relay, with_handle)
        self._pools[lane].start(job)
        return handle

    def busy(self, lane: Lane) -> int:
        """Tasks running in ``lane`` now."""
        return self._pools[lane].activeThreadCount()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every running task (tests and shutdown)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())


# --- operations ----------------------------------------------------------------------------------


def error_message(error: BaseException) -> str:
    """What the clerk reads when an operation fails: a refusal's own words, or a short note."""
    if isinstance(error, (DomainError, DatabaseOpenError)):
        return str(error)
    if isinstance(error, OSError) and error.strerror:  # a file to export to or import from
        where = f"{error.strerror}: {error.filename}" if error.filename else error.strerror
        return QCoreApplication.translate("Operations", "The file cannot be read or written (%1).").replace("%1", where)
    return QCoreApplication.translate(
        "Operations",
        "Something unexpected went wrong, and what you asked for may not have been done. "
        "The details are in the log for your administrator.",
    )


def log_unexpected(error: BaseException, what: str = "operation") -> None:
    """Unexpected failures are logged with their traceback (refusals and cancellations are not failures)."""
    if isinstance(error, (DomainError, DatabaseOpenError, Cancelled)):
        return
    if isinstance(error, OSError) and error.strerror:
        log.warning("%s failed: %s", what, error)
        return
    log.error("%s failed: %s", what, "".join(traceback.format_exception(error)).rstrip())


def show_error(error: BaseException, where: QWidget | None, title: str = "") -> str:
    """Show the error's message in ``where``: a message area (QLabel) or over a window (a message box)."""
    message = error_message(error)
    if isinstance(where, QLabel):
        where.setText(message)
        where.setVisible(True)
    elif where is not None:
        box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Operations", "Not done"),
                          message, QMessageBox.StandardButton.Ok, where)
        box.setObjectName("operationErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal and not blocking: the view's loads go on meanwhile
    return message


def operate(
    tasks: TaskRunner,
    broadcast: ChangeBroadcast | None,
    work: Callable[..., Any],
    done: Callable[[Any], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    *,
    changes: Changes | Callable[[Any], Changes | None] | None = None,
    lane: Lane = Lane.WRITE,
    show: QWidget | None = None,
    title: str = "",
    on_progress: Callable[[int, int, str], None] | None = None,
    with_handle: bool = False,
    key: str | None = None,
) -> TaskHandle:
    """Run ``work`` in ``lane``; on the GUI thread then either ``done(result)`` and announce ``changes``,
    or show the error in ``show`` (a QLabel, or a window for a message box) and call ``failed(error)``.

    ``changes`` may be a function of the result, for operations that learn what they changed.
    A cancelled task is neither shown nor logged; ``failed`` gets the Cancelled error.
    """

    def succeeded(result: Any) -> None:
        try:
            if done is not None:
                done(result)
        except RuntimeError as error:
            if "already deleted" not in str(error):
                raise
        finally:
            if broadcast is not None:
                announced = changes(result) if callable(changes) else changes
                broadcast.announce(announced)

    def refused(error: BaseException) -> None:
        log_unexpected(error)
        if not isinstance(error, Cancelled):
            try:
                show_error(error, show, title)
            except RuntimeError as problem:  # the message area was closed meanwhile
                if "already deleted" not in str(problem):
                    raise
        if failed is not None:
            failed(error)

    return tasks.run(work, succeeded, refused, on_progress=on_progress, lane=lane, with_handle=with_handle, key=key)


__all__ = ["Cancelled", "Lane", "TaskHandle", "TaskRunner", "error_message", "log_unexpected", "operate", "show_error"]
