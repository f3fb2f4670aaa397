"""Who and when: whom a round is for and the minute each student opens it (``desk.round_audiences``).

Whom: everyone the registration admits, the students matching a rule (programme, level, mode and
stage, any left open), or those on a list of student numbers (pasted or read from a file, checked
before anything is saved). When: everyone at the round's start, in turns of equal size by a ranking
file (the highest scores first), or one turn a stage in the order given.

Saving does what differs from the round as it is, with one reason: the audience first, then the
turns. Turns made are shown in the dialog (each turn's start and students, and the ranking's lines
that named nobody), which stays open for them to be read; anything else closes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import access, round_audiences
from desk.access import ProgrammeChoice, StudentListReport
from desk.errors import DomainError
from desk.input_files import read_text_list
from desk.model import Level, StudyMode
from desk.registrations import RegistrationLine, RoundLine
from desk.round_audiences import MAX_MINUTES, MAX_TURNS, AudienceDraft, TurnsDone
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.formats import datetime_text, fit_combo
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.tasks import log_unexpected, show_error

# Whom the round is for (the first choice's items).
EVERYONE, RULE, LIST = "everyone", "rule", "list"
# When its students open it (the second choice's items); KEEP, only for a round that has turns: as they are.
AT_START, RANKING, BY_STAGE, KEEP = "start", "ranking", "stage", "keep"

# The admitted mark of a checked list is asked of the registration for this many students at most (desk.access).
_ADMITTED_ASKED = 2000
_SHOWN = 30  # numbers or lines named in a report, at most
_STAGES = re.compile(r"[\s,;]+")

# A step of saving: its kind ("audience", "clear", "turns"), its work, and the audience it sets (for "audience").
_Step = tuple[str, Callable[[], Any], AudienceDraft | None]


def audience_text(line: RoundLine) -> str:
    """Whom a round is for, as the calendar's rounds show it: "everyone", "INF-S2 · full-time · stage 2", "list of 40"."""
    if line.listed is not None:
        return QCoreApplication.translate("RoundAudience", "list of %n students", "", line.listed)
    parts = [line.audience_programme_code] if line.audience_programme_code else []
    if line.audience_mode:
        parts.append(labels.mode(line.audience_mode))
    if line.audience_level:
        parts.append(labels.level(line.audience_level))
    if line.audience_stage:
        parts.append(QCoreApplication.translate("RoundAudience", "stage %1").replace("%1", str(line.audience_stage)))
    return " · ".join(parts) or QCoreApplication.translate("RoundAudience", "everyone")


def turns_text(line: RoundLine, zone: str) -> str:
    """Whether a round opens in turns, as the calendar's rounds show it: "last turn 2027-02-01 10:40", or nothing."""
    if line.last_turn_at is None:
        return ""
    return QCoreApplication.translate("RoundAudience", "last turn %1").replace("%1", datetime_text(line.last_turn_at, zone))


def _hint(parent: QWidget, name: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "muted")
    return label


def _labelled(parent: QWidget, text: str, field: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(field)
    return label


def _page(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page, layout


class _Pages(QWidget):
    """One of its pages shown at a time, the others hidden: it is as tall as the page shown (a QStackedWidget is
    as tall as its tallest page, which leaves an empty band under a short one)."""

    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's override
        # The height its wrapped hints take at its width: a form row is otherwise given their guessed height.
        hint = super().sizeHint()
        if self.width() > 0 and self.hasHeightForWidth():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - as QStackedWidget names it
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) == 1)
        if self._current < 0:
            self._current = 0

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self.setCurrentIndex(self._pages.index(page))

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if index == self._current or not 0 <= index < len(self._pages):
            return
        self._pages[self._current].setVisible(False)
        self._current = index
        self._pages[index].setVisible(True)


class RoundAudienceDialog(ActionDialog):
    """Whom the selected round is for and when each of its students opens it; saved with one reason."""

    def __init__(self, context: AppContext, registration: RegistrationLine, line: RoundLine,
                 programmes: list[ProgrammeChoice] | None = None, parent: QWidget | None = None):
        super().__init__(context, "", "", "", "roundAudienceDialog", lambda values: values, parent,
                         reason_hint=self.tr("why — kept with the change, e.g. the dean's decision no. …"))
        self.zone = context.time_zone
        self.registration = registration
        self.line = line  # the round as it stands: what saving compares with
        self.report: StudentListReport | None = None  # the list as last checked
        self.done_turns: TurnsDone | None = None  # the turns the last save made
        self.set_texts(
            self.tr("Who and when — %1: %2").replace("%1", registration.code).replace("%2", line.name),
            self.tr("The round runs from %1 to %2 (the institution's time, %3). Saving changes only what differs "
                    "from the round as it is.").replace("%1", datetime_text(line.starts_at, self.zone))
            .replace("%2", datetime_text(line.ends_at, self.zone)).replace("%3", self.zone),
            self.tr("&Save"),
        )
        self._audience_section(programmes)
        self._turns_section()
        self._results_section()
        self.finish_form()
        self._show_as_it_is()
        if programmes is None:
            self._load_programmes()
        fit_to_screen(self, QSize(720, 10))  # as tall as its rows need (ActionDialog.fit_height)

    def fit_height(self) -> None:
        """As tall as its rows need, and no taller: a choice that shows fewer fields, a shorter report or a refusal
        gone leave no empty band above the buttons."""
        super().fit_height()
        if self.isVisible() and self.height() > self.minimumHeight():
            self.resize(self.width(), self.minimumHeight())

    # --- whom -------------------------------------------------------------------------------

    def _audience_section(self, programmes: list[ProgrammeChoice] | None) -> None:
        self.audience = fit_combo(QComboBox(self))
        self.audience.setObjectName("roundAudienceChoice")
        self.audience.setAccessibleName(self.tr("Whom the round is for"))
        self.audience.addItem(self.tr("everyone the registration admits"), EVERYONE)
        self.audience.addItem(self.tr("students matching a rule"), RULE)
        self.audience.addItem(self.tr("students on a list"), LIST)
        self.audience_pages = _Pages(self, "roundAudiencePages")

        everyone, layout = _page(self.audience_pages)
        layout.addWidget(_hint(everyone, "roundEveryoneHint", self.tr(
            "Every student the registration admits (by its rules and grants) may act in the round.")))
        layout.addStretch(1)

        rule, layout = _page(self.audience_pages)
        self.programme = fit_combo(QComboBox(rule), 24)
        self.programme.setObjectName("roundAudienceProgramme")
        self.programme.setAccessibleName(self.tr("Programme"))
        self.programme.addItem(self.tr("any programme"), None)
        self._fill_programmes(programmes or [])
        self.level = fit_combo(QComboBox(rule))
        self.level.setObjectName("roundAudienceLevel")
        self.level.setAccessibleName(self.tr("Level"))
        self.level.addItem(self.tr("any level"), None)
        for value in Level:
            self.level.addItem(labels.level(value), value)
        self.mode = fit_combo(QComboBox(rule))
        self.mode.setObjectName("roundAudienceMode")
        self.mode.setAccessibleName(self.tr("Mode"))
        self.mode.addItem(self.tr("any mode"), None)
        for value in StudyMode:
            self.mode.addItem(labels.mode(value), value)
        self.stage = QSpinBox(rule)
        self.stage.setObjectName("roundAudienceStage")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(0, 10)
        self.stage.setSpecialValueText(self.tr("any stage"))
        first = QHBoxLayout()
        first.addWidget(_labelled(rule, self.tr("Progra&mme:"), self.programme))
        first.addWidget(self.programme, 1)
        second = QHBoxLayout()
        for text, field in ((self.tr("&Level:"), self.level), (self.tr("Mo&de:"), self.mode),
                            (self.tr("St&age:"), self.stage)):
            second.addWidget(_labelled(rule, text, field))
            second.addWidget(field)
        second.addStretch(1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(_hint(rule, "roundRuleHint", self.tr(
            "Students matching every part that is set, among those the registration admits.")))
        layout.addStretch(1)

        listed, layout = _page(self.audience_pages)
        self.numbers = QPlainTextEdit(listed)
        self.numbers.setObjectName("roundAudienceNumbers")
        self.numbers.setAccessibleName(self.tr("Student numbers"))
        self.numbers.setPlaceholderText(self.tr("Student numbers, one per line or separated by commas or spaces"))
        self.numbers.setTabChangesFocus(True)  # Tab goes on to the buttons, as everywhere in a form
        self.numbers.setFixedHeight(self.numbers.fontMetrics().lineSpacing() * 4 + 12)
        self.numbers.textChanged.connect(self._list_changed)
        self.load_button = QPushButton(self.tr("Load from f&ile…"), listed)
        self.load_button.setObjectName("roundAudienceLoadButton")
        self.load_button.setAccessibleName(self.tr("Load student numbers from a file"))
        self.load_button.clicked.connect(self.load_numbers)
        self.check_button = QPushButton(self.tr("&Check"), listed)
        self.check_button.setObjectName("roundAudienceCheckButton")
        self.check_button.setAccessibleName(self.tr("Check the list"))
        self.check_button.clicked.connect(self.check_list)
        self.list_report = QLabel(listed)
        self.list_report.setObjectName("roundAudienceListReport")
        self.list_report.setWordWrap(True)
        self.list_report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(_labelled(listed, self.tr("&Numbers:"), self.numbers), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.numbers, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout.addLayout(row)
        layout.addWidget(self.list_report)
        layout.addStretch(1)

        for page in (everyone, rule, listed):
            self.audience_pages.addWidget(page)
        self.audience.currentIndexChanged.connect(self.audience_pages.setCurrentIndex)
        self.form.addRow(self.tr("&For:"), self.audience)
        self.form.addRow("", self.audience_pages)

    def _fill_programmes(self, programmes: list[ProgrammeChoice]) -> None:
        for choice in programmes:
            self.programme.addItem(f"{choice.code} — {choice.name}", choice.id)

    def _load_programmes(self) -> None:
        db = self.context.db
        self.context.tasks.run(lambda: access.programmes(db), self._programmes_loaded,
                               lambda error: show_error(error, self.error))

    def _programmes_loaded(self, programmes: list[ProgrammeChoice]) -> None:
        wanted = self.programme.currentData()
        self._fill_programmes(programmes)
        wanted = wanted if wanted is not None else self.line.audience_programme_id
        self.programme.setCurrentIndex(max(0, self.programme.findData(wanted)))

    def load_numbers(self) -> None:
        settings = QSettings()
        start = settings.value("rounds/listFolder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Student numbers"), start,
                                              self.tr("Text or CSV (*.txt *.csv);;All files (*)"))
        if not path:
            return
        settings.setValue("rounds/listFolder", str(Path(path).parent))
        try:
            self.numbers.setPlainText(read_text_list(path))
        except DomainError as error:  # too large, not UTF-8 text, unreadable: said in the clerk's words
            self.error.setText(self.tr("The file cannot be read: %1").replace("%1", str(error)))
            return
        self.check_list()

    def _list_changed(self) -> None:
        if self.report is not None:
            self.report = None
            self.list_report.setText(self.tr("Not checked yet."))

    def check_list(self) -> None:
        """The numbers looked up (nothing is saved): how many are students, which are not."""
        db, actor, registration_id = self.context.db, self.context.actor, self.registration.id
        text = self.numbers.toPlainText()
        if not text.strip():
            self.list_report.setText(self.tr("Paste or load the students' numbers first."))
            return
        self.check_button.setEnabled(False)
        self.error.clear()

        def checked(report: StudentListReport) -> None:
            self.check_button.setEnabled(True)
            if self.numbers.toPlainText() == text:  # not typed over meanwhile
                self._show_report(report)

        def failed(error: BaseException) -> None:
            self.check_button.setEnabled(True)
            log_unexpected(error, "checking a round's list")
            show_error(error, self.error)  # a refusal in its own words, anything else said shortly

        self.context.tasks.run(lambda: access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, text),
                               checked, failed)

    def _show_report(self, report: StudentListReport) -> None:
        self.report = report
        found = len(report.found)
        lines = [self.tr("%n students found.", "", found)]
        if 0 < found <= _ADMITTED_ASKED:
            outside = [s.student_number for s in report.found if not s.admitted_now]
            if outside:
                lines.append(self.tr("Not admitted by the registration now, so the round does not open for them "
                                     "(%1): %2").replace("%1", str(len(outside))).replace("%2", ", ".join(outside[:_SHOWN])))
        if report.unknown:
            lines.append(self.tr("Unknown numbers, left out (%1): %2").replace("%1", str(len(report.unknown)))
                         .replace("%2", ", ".join(report.unknown[:_SHOWN])))
        if report.duplicates:
            lines.append(self.tr("Given more than once (counted once): %1").replace("%1", ", ".join(report.duplicates[:_SHOWN])))
        if report.outside_units:
            lines.append(self.tr("Not in your units, left out: %1").replace("%1", ", ".join(report.outside_units[:_SHOWN])))
        self.list_report.setText("\n".join(lines))

    # --- when -------------------------------------------------------------------------------

    def _turns_section(self) -> None:
        self.opens = fit_combo(QComboBox(self))
        self.opens.setObjectName("roundTurnsChoice")
        self.opens.setAccessibleName(self.tr("When its students open the round"))
        self.opens.addItem(self.tr("all at the round's start"), AT_START)
        self.opens.addItem(self.tr("in turns by a ranking file"), RANKING)
        self.opens.addItem(self.tr("in turns by stage"), BY_STAGE)
        self.turn_pages = _Pages(self, "roundTurnsPages")

        at_start, layout = _page(self.turn_pages)
        self.at_start_hint = _hint(at_start, "roundAtStartHint")
        layout.addWidget(self.at_start_hint)
        layout.addStretch(1)

        ranking, layout = _page(self.turn_pages)
        self.ranking_file = QLineEdit(ranking)
        self.ranking_file.setObjectName("roundRankingFile")
        self.ranking_file.setAccessibleName(self.tr("Ranking file"))
        self.ranking_file.setPlaceholderText(self.tr("a .csv or .txt file"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), ranking)
        self.choose_button.setObjectName("roundRankingChooseButton")
        self.choose_button.setAccessibleName(self.tr("Choose the ranking file"))
        self.choose_button.clicked.connect(self.choose_ranking)
        self.turn_count = QSpinBox(ranking)
        self.turn_count.setObjectName("roundTurnCount")
        self.turn_count.setAccessibleName(self.tr("Turns"))
        self.turn_count.setRange(1, MAX_TURNS)
        self.turn_count.setValue(5)
        self.ranking_minutes = self._minutes(ranking, "roundRankingMinutes")
        first = QHBoxLayout()
        first.addWidget(_labelled(ranking, self.tr("Ran&king file:"), self.ranking_file))
        first.addWidget(self.ranking_file, 1)
        first.addWidget(self.choose_button)
        second = QHBoxLayout()
        second.addWidget(_labelled(ranking, self.tr("&Turns:"), self.turn_count))
        second.addWidget(self.turn_count)
        second.addWidget(_labelled(ranking, self.tr("Minutes &between turns:"), self.ranking_minutes))
        second.addWidget(self.ranking_minutes)
        second.addStretch(1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(_hint(ranking, "roundRankingHint", self.tr(
            "A student number and a score on each line, e.g. 123456;4,75. The highest scores go first, in turns "
            "of equal size.")))
        layout.addStretch(1)

        by_stage, layout = _page(self.turn_pages)
        self.stages = QLineEdit("3, 2, 1", by_stage)
        self.stages.setObjectName("roundTurnStages")
        self.stages.setAccessibleName(self.tr("Stages in the order of their turns"))
        self.stage_minutes = self._minutes(by_stage, "roundStageMinutes")
        row = QHBoxLayout()
        row.addWidget(_labelled(by_stage, self.tr("Sta&ges in order:"), self.stages))
        row.addWidget(self.stages, 1)
        row.addWidget(_labelled(by_stage, self.tr("Minutes &between turns:"), self.stage_minutes))
        row.addWidget(self.stage_minutes)
        layout.addLayout(row)
        layout.addWidget(_hint(by_stage, "roundStagesHint", self.tr(
            "One turn a stage, the first named first; a student of another stage opens the round with the last turn.")))
        layout.addStretch(1)

        keep, layout = _page(self.turn_pages)
        self.keep_hint = _hint(keep, "roundKeepHint")
        layout.addWidget(self.keep_hint)
        layout.addStretch(1)

        for page in (at_start, ranking, by_stage, keep):
            self.turn_pages.addWidget(page)
        self._turn_page = {AT_START: at_start, RANKING: ranking, BY_STAGE: by_stage, KEEP: keep}
        self.opens.currentIndexChanged.connect(lambda _index: self.turn_pages.setCurrentWidget(
            self._turn_page[self.opens.currentData()]))
        self.form.addRow(self.tr("&Opens:"), self.opens)
        self.form.addRow("", self.turn_pages)

    def _minutes(self, parent: QWidget, name: str) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setAccessibleName(self.tr("Minutes between turns"))
        spin.setRange(1, MAX_MINUTES)
        spin.setValue(30)
        return spin

    def choose_ranking(self) -> None:
        settings = QSettings()
        start = self.ranking_file.text().strip() or settings.value("rounds/rankingFolder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Ranking"), start,
                                              self.tr("Text or CSV (*.txt *.csv);;All files (*)"))
        if path:
            settings.setValue("rounds/rankingFolder", str(Path(path).parent))
            self.ranking_file.setText(path)

    # --- what the last save made --------------------------------------------------------------

    def _results_section(self) -> None:
        self.results, layout = _page(self)  # the table and its note together: a wrapped note in a form row of its
        self.results.setObjectName("roundTurnsResults")  # own would be given its guessed height, not its lines'
        self.turns_table = report_table(self.results, "roundTurnsMade", self.tr("Turns made"),
                                        [self.tr("Turn"), self.tr("Opens"), self.tr("Students")], (1,))
        self.turns_table.verticalHeader().setDefaultSectionSize(24)
        self.turns_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.turns_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.turns_note = QLabel(self.results)
        self.turns_note.setObjectName("roundTurnsNote")
        self.turns_note.setWordWrap(True)
        self.turns_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.turns_table)
        layout.addWidget(self.turns_note)
        self.form.addRow(_labelled(self, self.tr("T&urns made:"), self.turns_table), self.results)
        self._show_results(False)

    def _show_results(self, on: bool) -> None:
        self.form.setRowVisible(self.results, on)

    def _turns_made(self, done: TurnsDone) -> None:
        self.done_turns = done
        self.turns_table.setRowCount(len(done.turns))
        for row, turn in enumerate(done.turns):
            for column, text in enumerate((str(turn.number), datetime_text(turn.starts_at, self.zone), str(turn.students))):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.turns_table.setItem(row, column, item)
        # As tall as its turns, up to four of them (the rest scroll): the dialog stays within a laptop's screen.
        table = self.turns_table
        rows = (sum(table.rowHeight(row) for row in range(min(len(done.turns), 4)))
                or table.verticalHeader().defaultSectionSize())
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth())
        students = sum(turn.students for turn in done.turns)
        lines = [self.tr("Saved: %n turns.", "", len(done.turns)) + " "
                 + self.tr("Students in them: %1; anyone else it is for opens the round with the last turn.")
                 .replace("%1", str(students))]
        if done.unknown:
            lines.append(self.tr("Not students at the desk (%1): %2").replace("%1", str(len(done.unknown)))
                         .replace("%2", ", ".join(done.unknown[:_SHOWN])))
        if done.unreadable:
            lines.append(self.tr("Lines without a student number and a score (%1): %2")
                         .replace("%1", str(len(done.unreadable)))
                         .replace("%2", ", ".join(str(n) for n in done.unreadable[:_SHOWN])))
        if done.duplicates:
            lines.append(self.tr("Named twice, the first line counts (%1): %2").replace("%1", str(len(done.duplicates)))
                         .replace("%2", ", ".join(done.duplicates[:_SHOWN])))
        self.turns_note.setText("\n".join(lines))
        self._show_results(True)

    # --- the round as it is ---------------------------------------------------------------------

    def _show_as_it_is(self) -> None:
        """The choices as the round stands (``self.line``): saving then changes nothing until the clerk does."""
        self._show_audience()
        self._show_turns()

    def _show_audience(self) -> None:
        line = self.line
        kind = LIST if line.listed is not None else RULE if line.has_audience else EVERYONE
        self.audience.setCurrentIndex(self.audience.findData(kind))
        self.audience_pages.setCurrentIndex(self.audience.currentIndex())
        if kind == RULE:
            self.programme.setCurrentIndex(max(0, self.programme.findData(line.audience_programme_id)))
            self.level.setCurrentIndex(max(0, self.level.findData(line.audience_level)))
            self.mode.setCurrentIndex(max(0, self.mode.findData(line.audience_mode)))
            self.stage.setValue(line.audience_stage or 0)
        if line.listed is not None and self.report is None:
            self.list_report.setText(self.tr("The round is for a list of %n students now; paste or load another list "
                                             "and check it to replace it.", "", line.listed))
        elif self.report is None:
            self.list_report.setText(self.tr("Not checked yet."))

    def _show_turns(self) -> None:
        line = self.line
        self.at_start_hint.setText(self.tr("Everyone the round is for may act from its start, %1.")
                                   .replace("%1", datetime_text(line.starts_at, self.zone)))
        keep = self.opens.findData(KEEP)
        if line.last_turn_at is not None:
            text = self.tr("in the turns it has (the last at %1)").replace("%1", datetime_text(line.last_turn_at, self.zone))
            if keep < 0:
                self.opens.addItem(text, KEEP)
            else:
                self.opens.setItemText(keep, text)
            self.keep_hint.setText(self.tr("Each student keeps their turn; anyone it is for without one opens the round "
                                           "with the last turn, %1.").replace("%1", datetime_text(line.last_turn_at, self.zone)))
            self.opens.setCurrentIndex(self.opens.findData(KEEP))
        else:
            if keep >= 0:
                self.opens.removeItem(keep)
            self.opens.setCurrentIndex(self.opens.findData(AT_START))
        self.turn_pages.setCurrentWidget(self._turn_page[self.opens.currentData()])

    # --- saving -------------------------------------------------------------------------------

    def _wanted_audience(self) -> tuple[bool, AudienceDraft | None]:
        """Whether the audience is to change, and to what (None: everyone the registration admits)."""
        line, kind = self.line, self.audience.currentData()
        if kind == EVERYONE:
            return line.has_audience, None
        if kind == RULE:
            draft = AudienceDraft(self.programme.currentData(), self.level.currentData(), self.mode.currentData(),
                                  self.stage.value() or None)
            now = AudienceDraft(line.audience_programme_id, line.audience_level, line.audience_mode, line.audience_stage)
            return line.listed is not None or draft != now, draft
        if self.report is not None:
            return True, AudienceDraft(student_ids=tuple(self.report.student_ids))
        if self.numbers.toPlainText().strip():
            raise ValueError(self.tr("Check the list first: its students are shown before it is saved."))
        if line.listed is not None:
            return False, None  # the list the round has stays
        raise ValueError(self.tr("Paste or load the students' numbers, then check them."))

    def _stages(self) -> list[int]:
        parts = [part for part in _STAGES.split(self.stages.text()) if part]
        if not parts or not all(part.isdigit() for part in parts):
            raise ValueError(self.tr("Give the stages as numbers in the order of their turns, e.g. 3, 2, 1."))
        return [int(part) for part in parts]

    def values(self) -> list[_Step]:
        """The steps saving takes, each a kind ("audience", "turns", "clear"), its work for the background and, for
        the audience, what it is set to."""
        db, actor, round_id = self.context.db, self.context.actor, self.line.id
        reason = self.reason.text()
        steps: list[_Step] = []
        change, draft = self._wanted_audience()
        if change:
            steps.append(("audience", lambda: round_audiences.set_audience(UnitOfWork(db, actor), round_id, draft,
                                                                           reason=reason), draft))
        opens = self.opens.currentData()
        if opens == AT_START and self.line.last_turn_at is not None:
            steps.append(("clear", lambda: round_audiences.clear_turns(UnitOfWork(db, actor), round_id, reason=reason),
                          None))
        elif opens == RANKING:
            path = self.ranking_file.text().strip()
            if not path:
                raise ValueError(self.tr("Choose the ranking file."))
            turns, minutes = self.turn_count.value(), self.ranking_minutes.value()
            steps.append(("turns", lambda: round_audiences.turns_by_ranking(
                UnitOfWork(db, actor), round_id, read_text_list(path), turns=turns, minutes=minutes, reason=reason), None))
        elif opens == BY_STAGE:
            stages, minutes = self._stages(), self.stage_minutes.value()
            steps.append(("turns", lambda: round_audiences.turns_by_cohort(
                UnitOfWork(db, actor), round_id, stages, minutes=minutes, reason=reason), None))
        if not steps:
            raise ValueError(self.tr("Nothing to save: the round is already for these students and opens this way."))
        return steps

    def run(self) -> None:
        """Each step in turn in the background; a refusal stops there, shown in the dialog with the input kept (the
        steps done before it stay done, and the dialog compares with the round as they left it)."""
        try:
            steps = self.values()
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        self._run_steps(steps, made=False)

    def _run_steps(self, steps: list[_Step], *, made: bool) -> None:
        if not steps:
            self.buttons.setEnabled(True)
            if made:  # the turns are for reading: the dialog stays, Escape or Close ends it
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
                self.turns_table.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.accept()
            return
        (kind, work, draft), rest = steps[0], steps[1:]

        def done(result) -> None:
            self._step_done(kind, result, draft)
            self.succeeded.emit(result)
            self._run_steps(rest, made=made or kind == "turns")

        def failed(_error: BaseException) -> None:
            self.buttons.setEnabled(True)

        self.context.operate(work, done, failed, changes=self.changes, show=self.error, lane=self.lane)

    def _step_done(self, kind: str, result, draft: AudienceDraft | None) -> None:
        """The round as the step left it becomes what the dialog compares with."""
        line = self.line
        if kind == "audience":
            if draft is None:
                line = replace(line, audience_programme_id=None, audience_programme_code=None, audience_level=None,
                               audience_mode=None, audience_stage=None, listed=None)
            elif draft.student_ids is not None:
                line = replace(line, audience_programme_id=None, audience_programme_code=None, audience_level=None,
                               audience_mode=None, audience_stage=None, listed=len(set(draft.student_ids)))
                self.numbers.blockSignals(True)  # the list is the round's now: a new one is pasted and checked anew
                self.numbers.clear()
                self.numbers.blockSignals(False)
                self.report = None
            else:
                code = self.programme.currentText().split(" — ")[0] if draft.programme_id is not None else None
                line = replace(line, audience_programme_id=draft.programme_id, audience_programme_code=code,
                               audience_level=draft.level, audience_mode=draft.mode, audience_stage=draft.stage,
                               listed=None)
            self.line = line
            self._show_audience()  # the turns chosen stay: they may be the next step
            return
        if kind == "clear":
            line = replace(line, last_turn_at=None)
            self._show_results(False)
        else:
            line = replace(line, last_turn_at=result.turns[-1].starts_at if result.turns else None)
            self._turns_made(result)
        self.line = line
        self._show_turns()
