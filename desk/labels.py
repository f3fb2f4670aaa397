"""Words for the desk's own values, in the clerk's language (the same words in every view and list)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.i18n import translate
from desk.messages import define
from desk.model import ClassType

NBSP = "\u00a0"


# The words of each class type; also worded for the portal (``portal_messages``), where a group a message
# names is kept as course code, class type code and number (``group_reference``).
_CLASS_TYPE_WORDS = {kind: define(f"class_type.{kind.value}", "Labels", source) for kind, source in (
    (ClassType.LECTURE, QT_TRANSLATE_NOOP("Labels", "lecture")),
    (ClassType.CLASS, QT_TRANSLATE_NOOP("Labels", "class")),
    (ClassType.LAB, QT_TRANSLATE_NOOP("Labels", "lab")),
    (ClassType.SEMINAR, QT_TRANSLATE_NOOP("Labels", "seminar")),
    (ClassType.LANGUAGE, QT_TRANSLATE_NOOP("Labels", "language class")),
    (ClassType.PE, QT_TRANSLATE_NOOP("Labels", "PE")),
)}
_VALUES = frozenset(kind.value for kind in ClassType)  # the codes a kept group reference may hold


def class_type_label(value: ClassType | str, translate: Callable[[str, str], str] = translate) -> str:
    """"lecture", "class", … as the clerk reads them; a value the desk does not know, as it is.

    ``translate``: another language's words (``Message.text_in``); the clerk's by default.
    """
    try:
        kind = ClassType(value)
    except ValueError:
        return str(value)
    return translate("Labels", _CLASS_TYPE_WORDS[kind].source)


def group_reference(course_code: str, class_type: ClassType | str, number: int) -> str:
    """A group as a record keeps it, in no language: course code, class type code and number ("MAT-101 lab 1").

    What a stored message's ``group`` parameters hold (and the portal fills in): ``Message`` puts the class
    type in words when the message is shown (``reference_in_words``).
    """
    return f"{course_code} {ClassType(class_type).value if isinstance(class_type, ClassType) else class_type} {number}"


def group_label(course_code: str, class_type: ClassType | str, number: int) -> str:
    """A group as the clerk reads it: course code, class type in words and number ("MAT-101 laboratorium 1")."""
    return f"{course_code} {class_type_label(class_type)} {number}"


def reference_in_words(reference: str, translate: Callable[[str, str], str] = translate) -> str:
    """A kept ``group_reference`` in the reader's words; any other text as it is."""
    code, _, rest = str(reference).rpartition(" ")
    course, _, kind = code.rpartition(" ")
    if not course or not rest.isdigit() or kind not in _VALUES:
        return str(reference)
    return f"{course} {class_type_label(kind, translate)} {rest}"



def amount(value, language: str) -> str:
    """An amount of złoty without the currency: ``1 180,00`` in Polish (non-breaking spaces), ``1,180.00`` in English."""
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    whole, _, cents = f"{abs(number):,.2f}".partition(".")
    sign = "\u2212" if number < 0 else ""
    if language == "pl":
        return f"{sign}{whole.replace(',', NBSP)},{cents}"
    return f"{sign}{whole}.{cents}"


def money(value, language: str) -> str:
    """An amount of money as the clerk reads it: ``1 180,00 zł`` in Polish, ``1,180.00 PLN`` in English."""
    return f"{amount(value, language)}{NBSP}zł" if language == "pl" else f"{amount(value, language)} PLN"
