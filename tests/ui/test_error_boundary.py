"""The application's last resort: an error nobody expected is a message naming the log file with its traceback."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from desk.crash import LOG_FILE_NAME
from ui import app


def _raised():
    try:
        raise LookupError("nobody expected this")
    except LookupError:
        return sys.exc_info()


def test_the_hook_shows_a_message_naming_the_log_file(monkeypatch, error_log_folder):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    app._show_unexpected(*_raised())
    [box] = shown
    log_file = error_log_folder / LOG_FILE_NAME
    assert box.objectName() == "unexpectedErrorBox"
    assert "did not expect" in box.text() and str(log_file) in box.text()
    assert "Traceback" not in box.text() and "LookupError" in box.detailedText()
    logged = log_file.read_text(encoding="utf-8")
    assert "LookupError: nobody expected this" in logged and "_raised" in logged


def test_the_boundary_is_installed_with_a_qt_message_handler(monkeypatch, error_log_folder):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app.install_error_boundary()
    try:
        assert sys.excepthook is app._show_unexpected
        from PySide6.QtCore import qCritical

        qCritical("a critical message from Qt")
        assert "a critical message from Qt" in (error_log_folder / LOG_FILE_NAME).read_text(encoding="utf-8")
    finally:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)
