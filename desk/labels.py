"""Words for the desk's own values, in the clerk's language (the same words in every view and list)."""

from __future__ import annotations

from desk.i18n import translate
from desk.model import ClassType


def class_type_label(value: ClassType | str) -> str:
    """"lecture", "class", … as the clerk reads them; a value the desk does not know, as it is."""
    try:
        kind = ClassType(value)
    except ValueError:
        return str(value)
    return {
        ClassType.LECTURE: translate("Labels", "lecture"),
        ClassType.CLASS: translate("Labels", "class"),
        ClassType.LAB: translate("Labels", "lab"),
        ClassType.SEMINAR: translate("Labels", "seminar"),
        ClassType.LANGUAGE: translate("Labels", "language class"),
        ClassType.PE: translate("Labels", "PE"),
    }[kind]
