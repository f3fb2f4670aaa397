"""Running work off the GUI thread: one helper over QThreadPool, results posted back to the GUI.

A task is a plain function that opens its own database session and returns plain data. The
success and failure callbacks run on the GUI thread; no UI code runs inside the task.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class TaskHandle:
    """Lets the GUI cancel a running task and lets the task report progress."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self.cancelled = False

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
    """Runs reads on a shared pool and writes on a one-thread pool, so writes never overlap."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(4)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self._live: set[_Relay] = set()

    def run(
        self,
        function: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        write: bool = False,
        with_handle: bool = False,
    ) -> TaskHandle:
        """Start ``function`` in the background; callbacks run on the GUI thread."""
        relay = _Relay()  # lives in the GUI thread, so its signals are delivered there
        handle = TaskHandle(relay)
        self._live.add(relay)

        def finished(callback, value):
            self._live.discard(relay)
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
        (self.write_pool if write else self.read_pool).start(job)
        return handle

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every running task (tests and shutdown)."""
        return self.read_pool.waitForDone(msecs) and self.write_pool.waitForDone(msecs)
