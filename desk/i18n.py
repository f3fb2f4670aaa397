"""Translatable messages for the back office: Qt's translation, without any widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate through Qt's installed translators; the English source if none is installed.

    Call sites pass string literals (``translate("Students", "...")``) so that ``lupdate`` finds them.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)
