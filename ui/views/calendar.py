"""The registration calendar: registrations by unit and term, their rounds (state from the clock), offer and access."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QSize, Qt, QTimeZone, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk import registrations
from desk.clock import local_to_utc, now_utc, to_local
from desk.model import RegistrationKind, RoundStatus
from desk.registrations import RegistrationDetail, RegistrationDraft, RegistrationLine, RoundDraft, RoundLine
from desk.staff import Permission
from ui import labels
from ui.context import AppContext
from ui.formats import FilterCombo, date_format, datetime_text
from ui.changes import ALL, Changes
from ui.tables import install_table_tools
from ui.dialogs import ActionDialog, StudentPicker
from ui.screen import fit_to_screen, keep_rows_in_sight
from ui.views.access_panel import AccessPanel
from ui.views.round_audience_dialog import RoundAudienceDialog, audience_text, turns_text
from ui.views.teaching_dialogs import TermActions
from desk.unit_of_work import UnitOfWork

_STATE_COLOURS = {RoundStatus.ACTIVE: labels.OK_COLOUR, RoundStatus.PREPARING: labels.WAITING_COLOUR,
                  RoundStatus.CLOSED: labels.MUTED_COLOUR}


def _table(parent: QWidget, name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    install_table_tools(table)  # a context menu; Ctrl+C copies the selected rows with their headings
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class RegistrationsView(QWidget):
    """The calendar of registrations; the selected one's rounds, courses and access."""

    registrationsLoaded = Signal(int)
    detailLoaded = Signal()
    showGroupsRequested = Signal(int, int)  # registration id, term id

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("registrationsView")
        self.lines: list[RegistrationLine] = []
        self.detail: RegistrationDetail | None = None
        self.choices = None  # units, terms, token types: loaded once
        self._wanted: int | None = None

        self.unit = FilterCombo(self, least=10)
        self.unit.setObjectName("calendarUnitChooser")
        self.unit.setAccessibleName(self.tr("Unit"))
        self.term = FilterCombo(self, least=10)
        self.term.setObjectName("calendarTermChooser")
        self.term.setAccessibleName(self.tr("Term"))
        self.new_button = self._button(self.tr("&New registration…"), "newRegistrationButton", self.new_registration)
        self.table = _table(self, "registrationsTable", self.tr("Registrations"), [
            self.tr("Code"), self.tr("Name"), self.tr("Unit"), self.tr("Term"), self.tr("Kind"), self.tr("State"),
            self.tr("Courses per student"), self.tr("Unregistering"), self.tr("Courses"),
        ])

        self.title = QLabel(self.tr("Choose a registration."), self)
        self.title.setObjectName("registrationTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.info = QLabel(self)
        self.info.setObjectName("registrationInfo")
        self.info.setWordWrap(True)
        self.edit_button = self._button(self.tr("&Edit…"), "editRegistrationButton", self.edit_registration)
        self.groups_button = self._button(self.tr("Class &groups"), "showGroupsButton", self._show_groups)
        self.explain_button = self._button(self.tr("E&xplain for a student…"), "explainStudentButton", self.explain_for_student)
        self.readiness_button = self._button(self.tr("Who is read&y…"), "readinessButton", self.show_readiness)
        self.readiness_button.setToolTip(self.tr("Every student it is meant for, grouped by what would stop them first"))
        self.exchanges_button = self._button(self.tr("Grou&p exchanges…"), "exchangesButton", self.show_exchanges)

        self.rounds = _table(self, "roundsTable", self.tr("Rounds"), [
            self.tr("Round"), self.tr("Starts"), self.tr("Ends"), self.tr("State"), self.tr("For"), self.tr("Turns"),
            self.tr("Unregistering"), self.tr("Micro-round / break"),
        ])
        self.add_round_button = self._button(self.tr("&Add round…"), "addRoundButton", self.add_round)
        self.edit_round_button = self._button(self.tr("Edit &round…"), "editRoundButton", self.edit_round)
        self.remove_round_button = self._button(self.tr("Remove roun&d…"), "removeRoundButton", self.remove_round)
        self.audience_button = self._button(self.tr("&Who and when…"), "roundAudienceButton", self.round_audience)
        self.audience_button.setToolTip(self.tr("Whom the selected round is for, and whether its students open it in "
                                                "turns (by a ranking or by stage)"))
        rounds_tab = QWidget(self)
        rounds_layout = QVBoxLayout(rounds_tab)
        rounds_layout.addWidget(self.rounds, 1)
        round_buttons = QHBoxLayout()
        for button in (self.add_round_button, self.edit_round_button, self.remove_round_button, self.audience_button):
            round_buttons.addWidget(button)
        round_buttons.addStretch(1)
        rounds_layout.addLayout(round_buttons)
        self.courses = _table(self, "offeredCoursesTable", self.tr("Courses offered"), [
            self.tr("Course"), self.tr("Name"), self.tr("Groups"), self.tr("Seats"), self.tr("Enrolled"),
        ])
        self.access = AccessPanel(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registrationTabs")
        self.tabs.addTab(rounds_tab, self.tr("R&ounds"))
        self.tabs.addTab(self.courses, self.tr("Co&urses"))
        self.tabs.addTab(self.access, self.tr("A&ccess"))

        filters = QHBoxLayout()
        for text, widget in ((self.tr("Un&it:"), self.unit), (self.tr("Ter&m:"), self.term)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        # New term, edit term (administrators) and next term from this one: one menu button beside the
        # term chooser (and the chooser's context menu), so the rows stay narrow enough for a laptop.
        self.term_actions = TermActions(self)
        self._add_next_term_action()
        filters.addWidget(self.term_actions.button)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        keep_rows_in_sight(self.table)  # the list is what the view is for; the detail below gives way
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        for button in (self.edit_button, self.groups_button, self.explain_button, self.readiness_button,
                       self.exchanges_button):
            head.addWidget(button)
        right_layout.addLayout(head)
        right_layout.addWidget(self.info)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("calendarSplitter")
        splitter.addWidget(left)
        # On a small screen the detail scrolls rather than squeezing the list of registrations.
        detail = QScrollArea(self)
        detail.setObjectName("registrationDetailScroll")
        detail.setWidgetResizable(True)
        detail.setFrameShape(QScrollArea.Shape.NoFrame)
        detail.setWidget(right)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        self._enable_detail(False)
        self.new_button.setEnabled(context.actor.can(Permission.MANAGE_REGISTRATIONS))

        self.unit.currentIndexChanged.connect(lambda _i: self.reload())
        self.term.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._selected)
        self.rounds.itemDoubleClicked.connect(lambda _item: self.edit_round())
        self.access.changed.connect(self._reload_detail)
        self._load_choices()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _enable_detail(self, on: bool) -> None:
        may = on and self.detail is not None and self.detail.may_edit
        for button in (self.edit_button, self.add_round_button, self.edit_round_button, self.remove_round_button,
                       self.audience_button):
            button.setEnabled(may)
        self.groups_button.setEnabled(on)
        self.explain_button.setEnabled(on)
        self.readiness_button.setEnabled(on)
        exchanges = on and self.detail is not None and self.detail.line.exchanges
        self.exchanges_button.setEnabled(exchanges)
        self.exchanges_button.setToolTip(
            self.tr("Students' wishes to swap a group for another of the same course, and the exchange run")
            if exchanges else self.tr("The registration does not allow exchanges: Edit… allows them."))

    # --- loading ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        db = self.context.db
        self.context.tasks.run(
            lambda: (registrations.units(db), registrations.terms(db), registrations.token_types(db),
                     registrations.current_term_ids(db)),
            self._show_choices, lambda error: self.title.setText(str(error)),
        )

    def _show_choices(self, loaded) -> None:
        units, terms, token_types, current = loaded
        self.choices = (units, terms, token_types)
        for combo in (self.unit, self.term):
            combo.blockSignals(True)
        self.unit.addItem(self.tr("all units"), None)
        for unit in units:
            self.unit.addItem(f"{unit.code} — {unit.name}", unit.id)
        # A clerk opens on their own unit (the first of theirs listed); an administrator with no unit sees all.
        own = self.context.actor.unit_ids
        self.unit.setCurrentIndex(next((i for i in range(1, self.unit.count()) if self.unit.itemData(i) in own), 0))
        self.term.addItem(self.tr("all terms"), None)
        for term in terms:
            self.term.addItem(f"{term.code} — {term.name}", term.id)
        if current:
            self.term.setCurrentIndex(max(0, self.term.findData(current[0])))
        for combo in (self.unit, self.term):
            combo.blockSignals(False)
        self.reload()

    def set_term(self, term_id: int | None) -> None:
        self.term.setCurrentIndex(max(0, self.term.findData(term_id)))

    def reload(self) -> None:
        if self.choices is None:
            return
        db, actor = self.context.db, self.context.actor
        unit_id, term_id = self.unit.currentData(), self.term.currentData()
        self.context.tasks.run(lambda: registrations.list_registrations(UnitOfWork(db, actor), unit_id=unit_id, term_id=term_id),
                               self._show_lines, lambda error: self.title.setText(str(error)))

    def _show_lines(self, lines: list[RegistrationLine]) -> None:
        keep = self._wanted or self.current_id()
        self.lines = lines
        self.table.blockSignals(True)
        rows = []
        for line in lines:
            kind = labels.registration_kind(line.kind) + (f" ({line.token_type_code})" if line.token_type_code else "")
            unregister = line.unregister_allowed
            rows.append([
                line.code, line.name, line.unit_code, line.term_code, kind, labels.round_status(line.state),
                str(line.selection_limit) if line.selection_limit else self.tr("no limit"),
                "" if unregister is None else (self.tr("allowed") if unregister else self.tr("not allowed")),
                str(line.course_count),
            ])
        _fill(self.table, rows)
        for r, line in enumerate(lines):
            if line.state in _STATE_COLOURS:
                self.table.item(r, 5).setForeground(_STATE_COLOURS[line.state])
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 340))
        row = next((r for r, line in enumerate(lines) if line.id == keep), 0 if lines else -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        self._wanted = None
        # The row highlighted may be the same row as before with another registration in it (a filter
        # changed), which signals no selection change: the detail pane follows the list here, always.
        self._reload_detail()
        self.registrationsLoaded.emit(len(lines))

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.lines[row].id if 0 <= row < len(self.lines) else None

    def select_registration(self, registration_id: int) -> None:
        row = next((r for r, line in enumerate(self.lines) if line.id == registration_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._wanted = registration_id
            self.unit.setCurrentIndex(0)
            self.term.setCurrentIndex(0)
            self.reload()

    def _selected(self) -> None:
        self._reload_detail()

    def _reload_detail(self) -> None:
        """Show the highlighted registration's detail (nothing when none is highlighted).

        Until it has loaded, the pane's actions are off: nothing acts on a registration no longer highlighted.
        """
        registration_id = self.current_id()
        if registration_id is None:
            self._show_detail(None)
            return
        if self.detail is not None and self.detail.line.id != registration_id:
            self._enable_detail(False)
            self.access.set_registration(None)
        db, actor = self.context.db, self.context.actor

        def loaded(detail: RegistrationDetail) -> None:
            if detail.line.id == self.current_id():  # a later choice's detail is on its way otherwise
                self._show_detail(detail)

        self.context.tasks.run(lambda: registrations.registration_detail(UnitOfWork(db, actor), registration_id), loaded,
                               lambda error: self.title.setText(str(error)))

    def _show_detail(self, detail: RegistrationDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("No registrations here."))
            self.info.clear()
            _fill(self.rounds, [])
            _fill(self.courses, [])
            self.access.set_registration(None)
            self._enable_detail(False)
            self.detailLoaded.emit()
            return
        line = detail.line
        self.title.setText(f"{line.code} — {line.name}")
        facts = [
            labels.registration_kind(line.kind) + (f" ({line.token_type_code})" if line.token_type_code else ""),
            self.tr("courses per student: %1").replace("%1", str(line.selection_limit) if line.selection_limit else self.tr("no limit")),
            self.tr("only entitled students") if line.entitled_only else self.tr("open to every active student"),
        ]
        if not line.clash_check:
            facts.append(self.tr("timetable clashes not checked"))
        if line.exchanges:
            facts.append(self.tr("students may exchange groups"))
        if line.waiting_lists:
            facts.append(self.tr("full groups keep waiting lists"))
        text = " · ".join(facts)
        if detail.message:
            text += "\n" + self.tr("Message to students: %1").replace("%1", detail.message)
        self.info.setText(text)
        zone = self.context.time_zone
        _fill(self.rounds, [
            [r.name, datetime_text(r.starts_at, zone), datetime_text(r.ends_at, zone), labels.round_status(r.state),
             audience_text(r), turns_text(r, zone),
             self.tr("allowed") if r.unregister_allowed else self.tr("not allowed"),
             f"{r.micro_round_minutes} / {r.micro_break_minutes} min" if r.micro_round_minutes else ""]
            for r in line.rounds
        ])
        for r, round_line in enumerate(line.rounds):
            self.rounds.item(r, 3).setForeground(_STATE_COLOURS[round_line.state])
            if not round_line.has_audience:  # the usual case stays quiet; a round for some students stands out
                self.rounds.item(r, 4).setForeground(labels.MUTED_COLOUR)
        self.rounds.resizeColumnsToContents()
        _fill(self.courses, [[c.code, c.name, str(c.group_count), str(c.seat_limit), str(c.enrolled)] for c in detail.courses])
        self.courses.resizeColumnsToContents()
        self.access.set_registration(line.id, line.code)
        self._enable_detail(True)
        self.detailLoaded.emit()

    # --- actions ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.last_dialog = dialog
        # A registration, its rounds or offered groups changed: the class groups and the students' cards show them.
        dialog.changes = Changes.of(registration=ALL, group=ALL, student=ALL, outbox=ALL, history=ALL)
        dialog.succeeded.connect(lambda _result: self.reload())
        dialog.open()

    def new_registration(self) -> None:
        if self.choices is None:
            return
        self._open(RegistrationDialog(self.context, self.choices, None, self))

    def edit_registration(self) -> None:
        if self.detail is not None and self.choices is not None:
            self._open(RegistrationDialog(self.context, self.choices, self.detail, self))

    def _selected_round(self) -> RoundLine | None:
        if self.detail is None:
            return None
        row = self.rounds.currentRow()
        rounds = self.detail.line.rounds
        return rounds[row] if 0 <= row < len(rounds) else None

    def add_round(self) -> None:
        if self.detail is not None:
            self._open(RoundDialog(self.context, self.detail.line, None, self))

    def edit_round(self) -> None:
        line = self._selected_round()
        if line is not None and self.detail is not None and self.edit_round_button.isEnabled():
            self._open(RoundDialog(self.context, self.detail.line, line, self))

    def round_audience(self) -> None:
        """Whom the selected round is for and when its students open it (ui.views.round_audience_dialog)."""
        line = self._selected_round()
        if line is not None and self.detail is not None and self.audience_button.isEnabled():
            self._open(RoundAudienceDialog(self.context, self.detail.line, line, self.access.programmes, self))

    def remove_round(self) -> None:
        line = self._selected_round()
        if line is None:
            return
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(self.context, self.tr("Remove a round"),
                              self.tr("Remove “%1”? Only a round that has not started can be removed.").replace("%1", line.name),
                              self.tr("&Remove"), "removeRoundDialog",
                              lambda reason: registrations.delete_round(UnitOfWork(db, actor), line.id, reason=reason), self)
        dialog.finish_form()
        self._open(dialog)

    def _show_groups(self) -> None:
        if self.detail is not None:
            self.showGroupsRequested.emit(self.detail.line.id, self.detail.line.term_id)

    def explain_for_student(self) -> None:
        if self.detail is None:
            return
        dialog = PickStudentDialog(self.context, self)
        self.last_dialog = dialog
        registration_id = self.detail.line.id

        def chosen(student_id):
            from ui.views.explain_dialog import ExplainDialog

            explanation = ExplainDialog(self.context, student_id, registration_id, parent=self)
            explanation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_explanation = explanation
            explanation.show()

        dialog.succeeded.connect(chosen)
        dialog.open()

    def show_exchanges(self) -> None:
        """The registration's open exchange wishes, its exchange run, a wish withdrawn or added
        (ui.views.exchanges_dialog)."""
        if self.detail is None or not self.exchanges_button.isEnabled():
            return
        from ui.views.exchanges_dialog import ExchangesDialog

        dialog = ExchangesDialog(self.context, self.detail.line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_exchanges = dialog
        dialog.open()

    def show_readiness(self) -> None:
        if self.detail is None:
            return
        from ui.views.readiness_dialog import ReadinessDialog

        dialog = ReadinessDialog(self.context, self.detail.line.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_readiness = dialog
        dialog.show()

    # --- next term from this one -------------------------------------------------------------

    def _add_next_term_action(self) -> None:
        self.next_term_action = QAction(self.tr("Next ter&m from this one…"), self)
        self.next_term_action.setObjectName("nextTermAction")
        self.next_term_action.triggered.connect(self.next_term)
        self.next_term_action.setEnabled(self.context.actor.can(Permission.MANAGE_REGISTRATIONS))
        menu = self.term_actions.button.menu()
        menu.addSeparator()
        menu.addAction(self.next_term_action)
        self.term.addAction(self.next_term_action)
        if self.next_term_action.isEnabled():
            self.term_actions.button.setToolTip("")  # the menu holds something this member of staff may do

    def next_term(self) -> None:
        """Copy the chosen term's registrations and class groups to a later term (ui.views.next_term_dialog)."""
        from ui.views.next_term_dialog import NextTermDialog

        dialog = NextTermDialog(self.context, self.term.currentData(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _result: self.reload())
        self.last_dialog = dialog
        dialog.open()


class PickStudentDialog(ActionDialog):
    """Find a student; the dialog's result is the student's id."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, "", "", "", "pickStudentDialog", lambda student_id: student_id, parent, reason=False)
        self.set_texts(self.tr("Which student?"), self.tr("Find the student by number or name."), self.tr("&Explain"))
        self.picker = StudentPicker(context, self)
        self.form.addRow(self.picker)
        self.picker.results.activated.connect(lambda _index: self.run())
        fit_to_screen(self, QSize(560, 360))

    def values(self):
        if self.picker.student_id is None:
            raise ValueError(self.tr("Find and choose the student first."))
        return self.picker.student_id


class RegistrationDialog(ActionDialog):
    """Create or edit a registration: its kind, limits, message and the courses it offers."""

    def __init__(self, context: AppContext, choices, detail: RegistrationDetail | None, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        registration_id = detail.line.id if detail else None
        super().__init__(context, "", "", "", "registrationDialog",
                         lambda draft: registrations.save_registration(UnitOfWork(db, actor), draft[0], registration_id=registration_id,
                                                                       reason=draft[1]),
                         parent, reason_hint=self.tr("optional for a new registration"))
        self.set_texts(self.tr("Edit registration %1").replace("%1", detail.line.code) if detail else self.tr("New registration"),
                       "", self.tr("&Save"))
        units, terms, token_types = choices
        line = detail.line if detail else None
        self.code = self._line("registrationCode", self.tr("Code"), line.code if line else "")
        self.name = self._line("registrationName", self.tr("Name"), line.name if line else "")
        self.unit = self._combo("registrationUnit", self.tr("Unit"), [(u.id, f"{u.code} — {u.name}") for u in units],
                                line.unit_id if line else None)
        self.term = self._combo("registrationTerm", self.tr("Term"), [(t.id, f"{t.code} — {t.name}") for t in terms],
                                line.term_id if line else None)
        self.kind = self._combo("registrationKind", self.tr("Kind"), [(k, labels.registration_kind(k)) for k in RegistrationKind],
                                line.kind if line else RegistrationKind.DIRECT)
        token_id = None
        if line and line.token_type_code:
            token_id = next((t.id for t in token_types if t.code == line.token_type_code), None)
        self.token = self._combo("registrationTokenType", self.tr("Token type"), [(t.id, f"{t.code} — {t.name}") for t in token_types],
                                 token_id)
        self.selection = QSpinBox(self)
        self.selection.setObjectName("registrationSelectionLimit")
        self.selection.setAccessibleName(self.tr("Courses per student"))
        self.selection.setRange(0, 50)
        self.selection.setSpecialValueText(self.tr("no limit"))
        self.selection.setValue(line.selection_limit or 0 if line else 1)
        self.entitled = QCheckBox(self.tr("Only &entitled students (by rules and grants)"), self)
        self.entitled.setObjectName("registrationEntitledOnly")
        self.entitled.setChecked(line.entitled_only if line else True)
        self.clash_check = QCheckBox(self.tr("Refuse groups that c&lash with the student's timetable"), self)
        self.clash_check.setObjectName("registrationClashCheck")
        self.clash_check.setChecked(line.clash_check if line else True)
        self.exchanges = QCheckBox(self.tr("Students may exchange &groups"), self)
        self.exchanges.setObjectName("registrationExchanges")
        self.exchanges.setToolTip(self.tr("Students wish on the portal (or a clerk for them) to swap a group for "
                                          "another of the same course; an exchange run carries the wishes out"))
        self.exchanges.setChecked(line.exchanges if line else False)
        self.waiting_lists = QCheckBox(self.tr("Full groups keep &waiting lists"), self)
        self.waiting_lists.setObjectName("registrationWaitingLists")
        self.waiting_lists.setToolTip(self.tr("A student may join a full group's waiting list; a seat freed goes to "
                                              "the first on the list the rules let take it"))
        self.waiting_lists.setChecked(line.waiting_lists if line else False)
        self.message = QPlainTextEdit(detail.message or "" if detail else "", self)
        self.message.setObjectName("registrationMessage")
        self.message.setAccessibleName(self.tr("Message to students"))
        self.message.setMaximumHeight(70)
        self.courses = QListWidget(self)
        self.courses.setObjectName("registrationCourses")
        self.courses.setAccessibleName(self.tr("Courses offered"))
        self.offered = {c.id for c in detail.courses} if detail else set()
        self.form.addRow(self.tr("&Code:"), self.code)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Unit:"), self.unit)
        self.form.addRow(self.tr("&Term:"), self.term)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("T&oken type:"), self.token)
        self.form.addRow(self.tr("Courses &per student:"), self.selection)
        self.form.addRow("", self.entitled)
        self.form.addRow("", self.clash_check)
        self.form.addRow("", self.exchanges)
        self.form.addRow("", self.waiting_lists)
        self.form.addRow(self.tr("&Message:"), self.message)
        self.form.addRow(self.tr("Courses o&ffered:"), self.courses)
        self.finish_form()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.term.currentIndexChanged.connect(self._load_courses)
        self._kind_changed()
        self._load_courses()
        fit_to_screen(self, QSize(640, 720))

    def _line(self, name: str, accessible: str, value: str) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        return field

    def _combo(self, name: str, accessible: str, items, current) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for data, text in items:
            combo.addItem(text, data)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _kind_changed(self) -> None:
        self.token.setEnabled(self.kind.currentData() == RegistrationKind.TOKEN)

    def _load_courses(self) -> None:
        term_id = self.term.currentData()
        db = self.context.db
        self.context.tasks.run(lambda: registrations.courses_of_term(db, term_id), self._show_courses,
                               lambda error: self.error.setText(str(error)))

    def _show_courses(self, courses) -> None:
        checked = self.checked_courses() | self.offered if self.courses.count() else self.offered
        self.courses.clear()
        for course in courses:
            item = QListWidgetItem(f"{course.code} — {course.name}")
            item.setData(Qt.ItemDataRole.UserRole, course.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if course.id in checked else Qt.CheckState.Unchecked)
            self.courses.addItem(item)
        self.courses_loaded = True

    def checked_courses(self) -> set[int]:
        return {
            self.courses.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.courses.count())
            if self.courses.item(i).checkState() == Qt.CheckState.Checked
        }

    def values(self):
        kind = RegistrationKind(self.kind.currentData())
        draft = RegistrationDraft(
            code=self.code.text(), name=self.name.text(), unit_id=self.unit.currentData(), term_id=self.term.currentData(),
            kind=kind, token_type_id=self.token.currentData() if kind is RegistrationKind.TOKEN else None,
            selection_limit=self.selection.value() or None, entitled_only=self.entitled.isChecked(),
            message=self.message.toPlainText(), course_ids=tuple(sorted(self.checked_courses())),
            clash_check=self.clash_check.isChecked(), exchanges=self.exchanges.isChecked(),
            waiting_lists=self.waiting_lists.isChecked(),
        )
        return (draft, self.reason.text())


class RoundDialog(ActionDialog):
    """A round's name and times (local time of the institution), unregistering, micro-rounds for token rounds."""

    def __init__(self, context: AppContext, registration: RegistrationLine, line: RoundLine | None, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        round_id = line.id if line else None
        super().__init__(context, "", "", "", "roundDialog",
                         lambda v: registrations.save_round(UnitOfWork(db, actor), registration.id, v[0], round_id=round_id, reason=v[1]),
                         parent, reason_hint=self.tr("optional for a new round"))
        self.set_texts(
            (self.tr("Edit round — %1") if line else self.tr("New round — %1")).replace("%1", registration.code),
            self.tr("Times are in the institution's time zone (%1).").replace("%1", context.time_zone), self.tr("&Save"),
        )
        self.zone = context.time_zone
        self.token = registration.kind is RegistrationKind.TOKEN
        self.name = QLineEdit(line.name if line else self.tr("Round %1").replace("%1", str(len(registration.rounds) + 1)), self)
        self.name.setObjectName("roundName")
        self.name.setAccessibleName(self.tr("Round name"))
        start = to_local(line.starts_at, self.zone) if line else to_local(now_utc(), self.zone).replace(hour=9, minute=0, second=0, microsecond=0)
        end = to_local(line.ends_at, self.zone) if line else start.replace(hour=23, minute=59)
        self.starts = self._when("roundStarts", self.tr("Starts"), start)
        self.ends = self._when("roundEnds", self.tr("Ends"), end)
        self.unregister = QCheckBox(self.tr("Students may &unregister"), self)
        self.unregister.setObjectName("roundUnregister")
        self.unregister.setChecked(line.unregister_allowed if line else True)
        self.micro = self._minutes("roundMicro", self.tr("Micro-round minutes"), line.micro_round_minutes if line else 60)
        self.pause = self._minutes("roundBreak", self.tr("Break minutes"), line.micro_break_minutes if line else 15)
        self.micro.setEnabled(self.token)
        self.pause.setEnabled(self.token)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Starts:"), self.starts)
        self.form.addRow(self.tr("&Ends:"), self.ends)
        self.form.addRow("", self.unregister)
        self.form.addRow(self.tr("&Micro-round (minutes):"), self.micro)
        self.form.addRow(self.tr("&Break (minutes):"), self.pause)
        self.finish_form()

    def _when(self, name: str, accessible: str, value: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat(date_format() + " HH:mm")  # the clerk's way of writing a day (ui.formats)
        edit.setCalendarPopup(True)
        edit.setTimeZone(QTimeZone(b"UTC"))  # the wall-clock digits; the zone is applied by local_to_utc
        edit.setDateTime(QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0, 0, QTimeZone(b"UTC")))
        return edit

    def _minutes(self, name: str, accessible: str, value: int | None) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(1, 24 * 60)
        spin.setValue(value or 15)
        return spin

    def _local(self, edit: QDateTimeEdit) -> datetime:
        qt = edit.dateTime()
        d, t = qt.date(), qt.time()
        return local_to_utc(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), self.zone)

    def values(self):
        draft = RoundDraft(
            name=self.name.text(), starts_at=self._local(self.starts), ends_at=self._local(self.ends),
            unregister_allowed=self.unregister.isChecked(),
            micro_round_minutes=self.micro.value() if self.token else None,
            micro_break_minutes=self.pause.value() if self.token else None,
        )
        return (draft, self.reason.text())
