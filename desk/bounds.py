"""The range of every number a clerk or a file gives, checked before any database work by services and the terminal.

One place for the ranges, so that a service refuses what its form or argument refuses:

============================  ==========================  ========================================
number                        range                       why
============================  ==========================  ========================================
a token correction            -1,000 .. +1,000 (not 0)    more is a typing error, not a decision
a token balance               0 .. 10,000                 no student needs more; sums stay small
tokens an allocation gives    1 .. 1,000                  per student and rule or cohort
a seat limit, a lower limit   0 .. 10,000                 the largest lecture hall with margin
a change of a seat limit      -10,000 .. +10,000          stays within the limit's own range
a price (PLN)                 0.00 .. 100,000.00          two decimal places at most, never rounded
an id (a record's number)     1 .. 2,147,483,647          PostgreSQL's integer
a list's length (--limit)     1 .. 100,000                a screen or a file, not the whole table
a stage (year of study)       1 .. 10
a group's number              1 .. 10,000
a weekday of a timetable      1 .. 7                      Monday is 1, Sunday 7
a student number              1 .. 20 ASCII digits        kept as text: leading zeros count
a first or middle name        up to 100 characters        as the person's columns keep them
a surname                     up to 150 characters
an e-mail address             up to 254 characters        RFC 5321's limit
============================  ==========================  ========================================

Numbers given as text are whole numbers in ASCII digits with an optional sign: ``²``, ``٣`` and
``１`` are refused, not read as digits.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.errors import DomainError
from desk.i18n import translate

_WHOLE = re.compile(r"[+-]?[0-9]{1,20}")
_PRICE = re.compile(r"[0-9]{1,20}([.,][0-9]+)?")


class OutOfBounds(DomainError):
    """A number outside its documented range, or text that is not such a number."""


def _shown(value: object) -> str:
    text = str(value)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 24 else text[:24] + "…"


@dataclass(frozen=True)
class Bound:
    """A whole number's range; ``what`` names it (a source text of the "Bounds" context)."""

    what: str
    low: int
    high: int

    def message(self, given: object) -> str:
        return (translate("Bounds", "%1 is a whole number from %2 to %3, not %4.")
                .replace("%1", translate("Bounds", self.what)).replace("%2", f"{self.low:,}")
                .replace("%3", f"{self.high:,}").replace("%4", _shown(given)))

    def check(self, value: object) -> int:
        """The value itself when it is an int within the range; else OutOfBounds."""
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise OutOfBounds(self.message(value))
        return value

    def parse(self, text: str) -> int:
        """A number typed or read from a file: ASCII digits with an optional sign, within the range."""
        stripped = str(text).strip()
        if not _WHOLE.fullmatch(stripped):
            raise OutOfBounds(self.message(text))
        return self.check(int(stripped))

    def argument(self):
        """An argparse ``type``: a refusal is argparse's usage error (exit status 2), no traceback."""

        def parse(text: str) -> int:
            try:
                return self.parse(text)
            except OutOfBounds as error:
                raise argparse.ArgumentTypeError(str(error)) from None

        parse.__name__ = self.what
        return parse


TOKEN_CORRECTION = Bound(QT_TRANSLATE_NOOP("Bounds", "A token correction"), -1_000, 1_000)
TOKEN_BALANCE = Bound(QT_TRANSLATE_NOOP("Bounds", "A token balance"), 0, 10_000)
TOKEN_ALLOCATION = Bound(QT_TRANSLATE_NOOP("Bounds", "The tokens an allocation gives"), 1, 1_000)
SEAT_LIMIT = Bound(QT_TRANSLATE_NOOP("Bounds", "A seat limit"), 0, 10_000)
SEAT_LIMIT_CHANGE = Bound(QT_TRANSLATE_NOOP("Bounds", "A change of a seat limit"), -10_000, 10_000)
LOWER_LIMIT = Bound(QT_TRANSLATE_NOOP("Bounds", "A lower limit"), 0, 10_000)
RECORD_ID = Bound(QT_TRANSLATE_NOOP("Bounds", "An id"), 1, 2**31 - 1)
LIST_LIMIT = Bound(QT_TRANSLATE_NOOP("Bounds", "A list's length"), 1, 100_000)
STAGE = Bound(QT_TRANSLATE_NOOP("Bounds", "A stage"), 1, 10)
GROUP_NUMBER = Bound(QT_TRANSLATE_NOOP("Bounds", "A group's number"), 1, 10_000)
WEEKDAY = Bound(QT_TRANSLATE_NOOP("Bounds", "A weekday (Monday 1 to Sunday 7)"), 1, 7)

PRICE_MAX = Decimal("100000.00")

# Lengths of what a person types, as the columns keep them (characters).
STUDENT_NUMBER_DIGITS = 20
FIRST_NAME_LENGTH = 100
MIDDLE_NAME_LENGTH = 100
SURNAME_LENGTH = 150
EMAIL_LENGTH = 254


def price(value: Decimal | str | int) -> Decimal:
    """A price in PLN: 0.00 to 100,000.00 with two decimal places at most (0.001 is refused, not rounded)."""
    refused = OutOfBounds(translate("Bounds", "A price is an amount in PLN from 0.00 to 100,000.00 with at most two "
                                              "decimal places, e.g. 180.00; not %1.").replace("%1", _shown(value)))
    if isinstance(value, bool) or isinstance(value, float):
        raise refused
    if isinstance(value, Decimal):
        amount = value
    else:
        text = str(value).strip()
        if not _PRICE.fullmatch(text):
            raise refused
        try:
            amount = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise refused from None
    if not amount.is_finite() or amount < 0 or amount > PRICE_MAX or amount != amount.quantize(Decimal("0.01")):
        raise refused
    return amount.quantize(Decimal("0.01"))
