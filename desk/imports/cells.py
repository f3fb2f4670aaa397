"""One cell of an import file read as a value: text within its length, digits kept as text, whole numbers
within their bounds, dates in Polish (``31.12.2026``) or ISO form, a choice by its code, English or Polish
word. A cell that cannot be read raises ``CellProblem`` with the reason in words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk import bounds
from desk.clock import local_to_utc
from desk.i18n import translate
from desk.text import fold

_PL_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_EMAIL = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}")


class CellProblem(ValueError):
    """Why a cell's text is not a value of its column (in the reader's language)."""


@dataclass(frozen=True)
class Parser:
    """Reads a cell's text (never empty: an empty cell is ``None`` before a parser sees it)."""

    read: Callable[[str], Any]
    kind: str  # what the notes sheet says of the column: "text", "date", ...
    choices: tuple[str, ...] = ()  # the values a data validation list offers


def text(max_length: int) -> Parser:
    def read(value: str) -> str:
        if len(value) > max_length:
            raise CellProblem(translate("Import", "longer than %1 characters").replace("%1", str(max_length)))
        return " ".join(value.split())
    return Parser(read, QT_TRANSLATE_NOOP("Import", "text"))


def digits(max_length: int) -> Parser:
    """A number that is text (a student number): only digits, leading zeros kept."""
    def read(value: str) -> str:
        value = value.replace(" ", "")
        if not value.isascii() or not value.isdigit() or len(value) > max_length:
            raise CellProblem(translate("Import", "%1 is not up to %2 digits").replace("%1", value[:24])
                              .replace("%2", str(max_length)))
        return value
    return Parser(read, QT_TRANSLATE_NOOP("Import", "digits, kept as text"))


def whole(bound: bounds.Bound) -> Parser:
    def read(value: str) -> int:
        try:
            return bound.parse(value)
        except bounds.OutOfBounds as error:
            raise CellProblem(str(error)) from None
    return Parser(read, QT_TRANSLATE_NOOP("Import", "whole number"))


def _date(value: str) -> date:
    value = value.strip()
    found = _PL_DATE.fullmatch(value)
    try:
        if found:
            day, month, year = map(int, found.groups())
            return date(year, month, day)
        found = _ISO_DATE.fullmatch(value)
        if found:
            return date(*map(int, found.groups()))
    except ValueError:
        pass
    raise CellProblem(translate("Import", "%1 is not a date (31.12.2026 or 2026-12-31)").replace("%1", value[:24]))


def _time(value: str) -> time:
    found = _TIME.fullmatch(value.strip())
    if found:
        hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute)
    raise CellProblem(translate("Import", "%1 is not a time (10:15)").replace("%1", value[:24]))


def _moment(value: str) -> datetime:
    """A local date and time (Europe/Warsaw), kept in UTC as every moment in the desk."""
    parts = value.replace("T", " ").split()
    if len(parts) != 2:
        raise CellProblem(translate("Import", "%1 is not a date and time (31.12.2026 10:00)").replace("%1", value[:24]))
    day, clock = _date(parts[0]), _time(parts[1])
    return local_to_utc(datetime.combine(day, clock))


DATE = Parser(_date, QT_TRANSLATE_NOOP("Import", "date: 31.12.2026 or 2026-12-31"))
TIME = Parser(_time, QT_TRANSLATE_NOOP("Import", "time: 10:15"))
MOMENT = Parser(_moment, QT_TRANSLATE_NOOP("Import", "date and time: 31.12.2026 10:00"))


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise CellProblem(translate("Import", "%1 is not an e-mail address").replace("%1", value[:60]))
    return value


EMAIL = Parser(_email, QT_TRANSLATE_NOOP("Import", "e-mail address"))

_YES = frozenset({"1", "tak", "t", "yes", "y", "true", "prawda"})
_NO = frozenset({"0", "nie", "n", "no", "false", "falsz"})


def _flag(value: str) -> bool:
    folded = fold(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise CellProblem(translate("Import", "%1 is not yes or no (tak / nie)").replace("%1", value[:24]))


FLAG = Parser(_flag, QT_TRANSLATE_NOOP("Import", "tak / nie"), ("tak", "nie"))


def _price(value: str) -> Decimal:
    try:
        return bounds.price(value)
    except bounds.OutOfBounds as error:
        raise CellProblem(str(error)) from None


PRICE = Parser(_price, QT_TRANSLATE_NOOP("Import", "amount in PLN: 120.00"))


def choice(kind: type[enum.Enum], words: Mapping[enum.Enum, tuple[str, ...]]) -> Parser:
    """A value of ``kind`` by its code or any of its words (Polish and English), case and diacritics aside.
    The first word of each is what the template's list offers."""
    known: dict[str, enum.Enum] = {}
    for member in kind:
        known[fold(str(member.value)).replace("_", " ")] = member
        for word in words.get(member, ()):
            known[fold(word)] = member
    offered = tuple(words[m][0] if words.get(m) else str(m.value) for m in kind)

    def read(value: str) -> enum.Enum:
        member = known.get(fold(value).replace("_", " "))
        if member is None:
            raise CellProblem(translate("Import", "%1 is not one of: %2").replace("%1", value[:40])
                              .replace("%2", ", ".join(offered)))
        return member
    return Parser(read, QT_TRANSLATE_NOOP("Import", "one of the listed values"), offered)
