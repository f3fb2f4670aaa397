"""Dates and money as the clerk's language writes them, and the one date field every form uses.

Polish: ``31.12.2026``, ``1 180,00 zł`` (a non-breaking space between thousands). English:
``2026-12-31``, ``1,180.00 PLN``. The language is the one ``ui.i18n.install`` chose (it sets the
default locale). A date is typed in any form a clerk would write it: ``31.12.2026``, ``2026-12-31``
or ``31.12.26``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from desk import labels
from desk.clock import DEFAULT_TIME_ZONE, to_local

# An optional field shows its "no date" text at this day (QDateEdit's special value sits at its minimum).
NO_DATE = QDate(1900, 1, 1)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")
_TYPING = re.compile(r"[\d./\- ]*")


def polish() -> bool:
    """Whether the application speaks Polish now (``ui.i18n.install`` set the default locale)."""
    return QLocale().language() == QLocale.Language.Polish


# --- dates -----------------------------------------------------------------------------------------


def date_format() -> str:
    """The Qt display format of a day: ``dd.MM.yyyy`` in Polish, ``yyyy-MM-dd`` in English."""
    return "dd.MM.yyyy" if polish() else "yyyy-MM-dd"


def date_hint() -> str:
    """How a day is written, for a placeholder: "dd.mm.yyyy" or "yyyy-mm-dd"."""
    return date_format().lower()


def date_text(value: date | datetime | None) -> str:
    """A day as the clerk reads it: ``31.12.2026`` (Polish), ``2026-12-31`` (English); "" for none."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}" if polish() else value.isoformat()


def datetime_text(value: datetime | None, zone: str = DEFAULT_TIME_ZONE) -> str:
    """An instant in the institution's zone: ``31.12.2026 14:05`` (Polish), ``2026-12-31 14:05`` (English)."""
    if value is None:
        return ""
    local = to_local(value, zone)
    return f"{date_text(local.date())} {local:%H:%M}"


def parse_date(text: str) -> date | None:
    """The day a clerk typed: ``31.12.2026``, ``31.12.26``, ``2026-12-31`` (also with ``/`` or ``-``).

    None for an empty text; ``ValueError`` (with words for the clerk) for anything else that is not a day.
    """
    text = (text or "").strip()
    if not text:
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        day_first = _DAY_FIRST.fullmatch(text)
        if day_first is None:
            raise ValueError(_unreadable(text))
        day, month, year = (int(part) for part in day_first.groups())
        if len(day_first.group(3)) == 2:
            year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_unreadable(text)) from None


def _unreadable(text: str) -> str:
    return (QCoreApplication.translate("Formats", "“%1” is not a date: write it as %2, e.g. %3.")
            .replace("%1", text).replace("%2", date_hint()).replace("%3", date_text(date(2027, 2, 28))))


class DateField(QDateEdit):
    """A day, typed in any of the clerk's forms or picked from the calendar; optionally "no date".

    ``day()`` is the day (None when an optional field is left empty); ``setDay`` sets it. As a
    ``QDateEdit`` it also answers ``date()``/``setDate`` (an empty optional field: ``NO_DATE``).
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "", accessible: str = "",
                 value: date | QDate | None = None, optional: bool = False, empty_text: str = ""):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        if accessible:
            self.setAccessibleName(accessible)
        self.optional = optional
        self.setCalendarPopup(True)
        # What is typed is read when the clerk leaves the field (or presses Enter), not at every
        # key: "31.12.20" is a day already, and would be rewritten before "26" is typed.
        self.setKeyboardTracking(False)
        self.setDisplayFormat(date_format())
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(9999, 12, 31))
        if optional:
            # Shown for "no date"; emptying the field (or typing nothing) means the same.
            self.setSpecialValueText(empty_text or QCoreApplication.translate("Formats", "no date"))
        self.setToolTip(QCoreApplication.translate("Formats", "Type the date (%1, or %2) or pick it from the calendar.")
                        .replace("%1", date_hint()).replace("%2", "yyyy-mm-dd" if polish() else "dd.mm.yyyy")
                        + ("\n" + QCoreApplication.translate("Formats", "Empty: no date.") if optional else ""))
        self.setDay(value)

    # --- the value ---------------------------------------------------------------------------

    def day(self) -> date | None:
        if self.lineEdit().isModified() or self.text() != self.textFromDateTime(self.dateTime()):
            self.interpretText()  # typed, not yet read (the clerk went straight to OK)
        value = self.date()
        if self.optional and value == NO_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def setDay(self, value: date | QDate | None) -> None:  # noqa: N802 - Qt's naming, beside setDate
        if value is None:
            if self.optional:
                self.setDate(NO_DATE)
                return
            value = date.today()
        if isinstance(value, date):
            value = QDate(value.year, value.month, value.day)
        self.setDate(value)

    def setText(self, text: str) -> None:  # noqa: N802 - as if typed: read at once, in any of the clerk's forms
        self.lineEdit().setText(text)
        self.interpretText()

    def clear(self) -> None:
        if self.optional:
            self.setDate(NO_DATE)
        else:
            super().clear()

    # --- typing: any of the clerk's forms, not only the display format ----------------------

    def _empty(self, text: str) -> bool:
        return self.optional and (not text.strip() or text == self.specialValueText())

    def validate(self, text: str, pos: int):
        if self._empty(text):
            return QValidator.State.Acceptable, text, pos
        try:
            parse_date(text)
        except ValueError:
            state = QValidator.State.Intermediate if _TYPING.fullmatch(text) else QValidator.State.Invalid
            return state, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt's override
        if self._empty(text):
            return QDateTime(NO_DATE, QTime(0, 0))
        try:
            value = parse_date(text)
        except ValueError:
            value = None
        if value is None:
            return self.dateTime()
        return QDateTime(QDate(value.year, value.month, value.day), QTime(0, 0))

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's override
        # Tab leaves the field for the next one, as in every other field (not to the month, then the year).
        return QWidget.focusNextPrevChild(self, forward)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's override
        # QDateTimeEdit treats a typed "." or "-" as "go to the next section": here it is just a
        # character, so "31.12.26" and "2026-12-31" can be typed (or pasted) whole.
        text = event.text()
        if text and text.isprintable():
            if self.optional and self.lineEdit().text() == self.specialValueText():
                self.lineEdit().clear()  # "no date" is replaced by what is typed, not typed after
            QAbstractSpinBox.keyPressEvent(self, event)
        else:
            super().keyPressEvent(event)


# --- money ------------------------------------------------------------------------------------------


def language() -> str:
    """ "pl" or "en": the language the application speaks now."""
    return "pl" if polish() else "en"


def amount_text(amount) -> str:
    """An amount of złoty, without the currency: ``1 180,00`` (Polish), ``1,180.00`` (English)."""
    return labels.amount(amount, language())


def money_text(amount) -> str:
    """An amount of money as every view shows it: ``1 180,00 zł`` (Polish), ``1,180.00 PLN`` (English)."""
    return labels.money(amount, language())


# --- widgets that must show all of their words -------------------------------------------------------


def fit_combo(combo: QComboBox, least: int = 0) -> QComboBox:
    """A combo box as wide as its longest item, also when items come after it is shown."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    if least:
        combo.setMinimumContentsLength(least)
    return combo


class FilterCombo(QComboBox):
    """A filter bar's choice (a term, a unit, a registration): narrow in the bar, whole when opened.

    Where the bar has no room for the longest item the current one is shortened with "…" (never
    cut off mid-letter), its whole text in the tooltip; the list that opens is as wide as its items.
    """

    def __init__(self, parent: QWidget | None = None, least: int = 12):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.currentTextChanged.connect(self.setToolTip)

    def showPopup(self) -> None:
        widest = max((self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        self.view().setMinimumWidth(widest + 48)
        super().showPopup()

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           max(field.width() - 4, 0))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


__all__ = ["DateField", "FilterCombo", "NO_DATE", "amount_text", "date_format", "date_text", "datetime_text", "fit_combo", "money_text",
           "parse_date"]
