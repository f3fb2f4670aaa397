"""Translatable messages for the back office: Qt's translation, without any widget."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate through Qt's installed translators; the English source if none is installed.

    Call sites pass string literals (``translate("Students", "...")``) so that ``lupdate`` finds them.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


def counted(n: int, one: str, many: str) -> str:
    """A count in the terminal's English words: "1 change", "1,204 changes" (never "change(s)").

    For the administrators' English-only terminal lines; a message a clerk reads is translated
    with its count instead (``translate(context, "%n changes", None, n)``), so Polish gets its three forms.
    """
    return f"{n:,} {one if n == 1 else many}"
