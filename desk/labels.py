"""Words for the desk's own values, in the clerk's language (the same words in every view and list)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from desk.i18n import translate
from desk.model import ClassType

NBSP = "\u00a0"


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
