"""Translatable messages for the back office: Qt's translation, without any widget."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QTranslator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate through Qt's installed translators; the English source if none is installed.

    Call sites pass string literals (``translate("Students", "...")``) so that ``lupdate`` finds them.
    A count (``n``) the installed translators do not know (the terminal in English installs none)
    takes its English singular or plural form from the shipped English forms: "1 line", "2 lines".
    """
    words = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and words == text.replace("%n", str(n)):
        english = _english_forms()
        form = english.translate(context, text, disambiguation, n) if english is not None else ""
        if form:
            return form.replace("%n", str(n))
    return words


@cache
def _english_forms() -> QTranslator | None:
    import resources  # the compiled .qm files ship with the package

    translator = QTranslator()
    return translator if translator.load(str(resources.path("translations", "desk_en.qm"))) else None


def counted(n: int, one: str, many: str) -> str:
    """A count in the terminal's English words: "1 change", "1,204 changes" (never "change(s)").

    For the administrators' English-only terminal lines; a message a clerk reads is translated
    with its count instead (``translate(context, "%n changes", None, n)``), so Polish gets its three forms.
    """
    return f"{n:,} {one if n == 1 else many}"
