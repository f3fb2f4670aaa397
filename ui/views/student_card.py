"""The student card: person, programmes, login, what the portal shows, classes, tokens and payments of one student.

Long because it is one window of seven sections that refresh together and keep the clerk's place
(the chosen row, the scroll) across a refresh; its dialogs live in student_card_dialogs.py.
"""

from __future__ import annotations


from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.eligibility import registrations_for_student
from desk.model import SyncKind
from desk.portal.database import open_portal_for
from desk.portal.student_view import Comparison, aspect_label, compare
from desk.staff import Permission
from desk.history import CARD_LIMIT, HistoryLine, student_history
from desk.sync import SyncReport, run_sync
from desk.round_audiences import own_starts
from desk.students import StudentCard, reveal_pesel, student_card
from ui import labels, theme
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.formats import date_text, datetime_text, money_text
from ui.screen import fit_to_screen
from ui.tables import install_table_tools
from ui.tasks import Lane, error_message, log_unexpected
from ui.views.student_card_dialogs import GrantAccessDialog, PersonEditDialog
from ui.views.student_record_dialogs import AddProgrammeDialog, StageDialog, StatusChangeDialog
from desk.unit_of_work import UnitOfWork

# A row where the portal is behind the desk: bold on a warm tint of the theme, with text that reads on it.
DIFFERENT_BACKGROUND = theme.live("different")
DIFFERENT_FOREGROUND = theme.live("different_text")
ASPECT, ON_PORTAL, AT_DESK = range(3)


def _table(object_name: str, accessible: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(object_name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setWordWrap(False)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().defaultSectionSize() * max(1, len(rows)) + 6
    table.setFixedHeight(min(height, 260))
    install_table_tools(table)  # a context menu; Ctrl+C copies the selected rows with their headings
    return table


def load_comparison(db, student_id: int) -> Comparison:
    """What the portal shows the student next to what the desk would publish (off the GUI thread)."""
    portal = open_portal_for(db)
    try:
        return compare(db, portal, student_id)
    finally:
        portal.dispose()


class StudentCardWindow(QWidget):
    """A window with one student's card; several can be open side by side."""

    loaded = Signal()
    portalLoaded = Signal(object)  # the Comparison shown in "On the portal", or None when it cannot be read
    studentSynced = Signal(object)  # the SyncReport of "Sync this student now"
    historyLoaded = Signal(int)  # entries shown in "History" (-1 when it cannot be read)

    def __init__(self, context: AppContext, student_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.student_id = student_id
        self.card: StudentCard | None = None
        self.registrations: list = []  # every registration of this term and the next, with its verdict
        self.shown_registrations: list = []  # those in the table: the clerk's units' own, unless "All units"
        self.all_units = not context.actor.unit_ids  # a clerk sees their units' registrations first
        self._keep_registration: int | None = None  # the row chosen before a refresh, chosen again after it
        self._wanted_scroll: int | None = None
        self._pesel: str | None = None
        self.comparison: Comparison | None = None
        self.last_sync_report: SyncReport | None = None
        self._portal_generation = 0
        self.history_lines: list[HistoryLine] = []
        self._history_generation = 0
        self.setObjectName("studentCardWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Student card"))
        fit_to_screen(self, QSize(960, 760))  # a 1366x768 laptop has less room than that

        self.title = QLabel(self.tr("Loading…"), self)
        self.title.setObjectName("studentCardTitle")
        self.title.setProperty("role", "title")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("studentCardSubtitle")

        self.show_pesel = QPushButton(self.tr("Show &PESEL"), self)
        self.show_pesel.setObjectName("showPeselButton")
        self.show_pesel.setAccessibleName(self.tr("Show PESEL (recorded in the history)"))
        self.show_pesel.setToolTip(self.tr("Shows the full PESEL. Every look is recorded in the history."))
        self.show_pesel.clicked.connect(self._reveal_pesel)
        self.edit = QPushButton(self.tr("&Edit personal data…"), self)
        self.edit.setObjectName("editPersonButton")
        self.edit.setAccessibleName(self.tr("Edit personal data"))
        self.edit.clicked.connect(self._edit)
        self.refresh = QPushButton(self.tr("&Refresh"), self)
        self.refresh.setObjectName("refreshCardButton")
        self.refresh.setAccessibleName(self.tr("Refresh the card"))
        self.refresh.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeCardButton")
        close.setAccessibleName(self.tr("Close the card"))
        close.clicked.connect(self.close)
        for button in (self.show_pesel, self.edit):
            button.setEnabled(False)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        for button in (self.show_pesel, self.edit, self.refresh, close):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.body = QWidget(self)
        self.body.setObjectName("studentCardBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("studentCardScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll = scroll
        # After a refresh the card is laid out in steps (sections answering later, tables growing):
        # the clerk's place is held through each of them until the clerk (or the keyboard) moves it.
        scroll.verticalScrollBar().rangeChanged.connect(self._restore_scroll)
        scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._restoring = False
        # QScrollArea fits its widget only when it is itself resized: a card whose sections grew
        # after loading would be squeezed into the old height, its sections drawn over each other.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(lambda: self.scroll.setWidgetResizable(True))
        self.body.installEventFilter(self)
        self.portal_section = self._portal_section()
        self.portal_section.setVisible(False)  # shown with the rest of the card
        self.history_section = self._history_section()
        self.history_section.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        # A change to this student made anywhere (another card, class groups, tokens, the sync) shows here.
        context.follow(self, self._shows, self.reload, while_hidden=True)
        self.reload()

    def _shows(self, changes: Changes) -> bool:
        return any(changes.touches(kind, self.student_id) for kind in (Kind.STUDENT, Kind.TOKENS, Kind.PAYMENT))

    def _show_focused(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.body.isAncestorOf(focused):
            self.scroll.ensureWidgetVisible(focused, 0, 24)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.LayoutRequest:
            self._fit_timer.start()
        elif event.type() == QEvent.Type.Shortcut and isinstance(watched, QGroupBox):
            # A section reached by its Alt+letter is scrolled into view (Tab scrolls by itself), once
            # the box has given its first field the keyboard; a refresh moving the focus does not scroll.
            QTimer.singleShot(0, self, self._show_focused)
        return super().eventFilter(watched, event)

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, student_id = self.context.db, self.context.actor, self.student_id

        def load():
            return (student_card(UnitOfWork(db, actor), student_id),
                    registrations_for_student(UnitOfWork(db, actor), student_id),
                    own_starts(UnitOfWork(db, actor), student_id))

        self.context.tasks.run(load, self._show_loaded, self._failed)
        self.reload_portal()
        self.reload_history()

    def _show_loaded(self, loaded) -> None:
        card, registrations, starts = loaded
        self.registrations = registrations
        # Each registration's next round that opens in turns or is for chosen students, as it stands for the student.
        self.own_starts = {}
        for start in sorted(starts, key=lambda s: s.starts_at):
            self.own_starts.setdefault(start.registration_id, start)
        self._show(card)

    def _opens_for_student(self, registration_id: int) -> str:
        """When the student's turn comes in the registration's round that opens in turns (or that it is not for them);
        empty where everyone starts together."""
        start = getattr(self, "own_starts", {}).get(registration_id)
        if start is None:
            return ""
        if not start.in_audience:
            return self.tr("“%1” is for other students").replace("%1", start.round_name)
        when = datetime_text(start.starts_at, self.context.time_zone)
        return self.tr("%1 (turn %2)").replace("%1", when).replace("%2", str(start.turn)) if start.turn else when

    def _failed(self, error: BaseException) -> None:
        self.title.setText(self.tr("The card cannot be shown"))
        log_unexpected(error, "student card")
        self.subtitle.setText(error_message(error))
        self.loaded.emit()

    def _restore_scroll(self, _low: int = 0, _high: int = 0) -> None:
        """After a refresh, the card stays where the clerk had scrolled to, however its sections are laid out."""
        if self._wanted_scroll is None:
            return
        bar = self.scroll.verticalScrollBar()
        self._restoring = True
        try:
            bar.setValue(min(self._wanted_scroll, bar.maximum()))
        finally:
            self._restoring = False

    def _scrolled(self, _value: int) -> None:
        if not self._restoring:  # the clerk scrolled, or Tab or an Alt+letter took the view elsewhere
            self._wanted_scroll = None

    def _park_keyboard(self) -> str | None:
        """Before the sections are rebuilt: the name of the field that has the keyboard, the keyboard kept
        on the card meanwhile (a deleted field would hand it on and scroll the card to wherever it went)."""
        focused = QApplication.focusWidget()
        kept = (self.portal_section, self.history_section)
        if focused is None or not self.body.isAncestorOf(focused) or any(s.isAncestorOf(focused) for s in kept):
            return None
        self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)
        return focused.objectName() or None

    def _give_back_keyboard(self, name: str | None, sections: list[QWidget]) -> None:
        for section in sections if name else ():
            field = section if section.objectName() == name else section.findChild(QWidget, name)
            if field is not None and field.isEnabled() and field.focusPolicy() != Qt.FocusPolicy.NoFocus:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show(self, card: StudentCard) -> None:
        keyboard = None
        if self.card is not None:  # a refresh: keep the place, the keyboard and the chosen registration
            self._wanted_scroll = self.scroll.verticalScrollBar().value() or None
            keyboard = self._park_keyboard()
            chosen = self._selected_registration()
            self._keep_registration = chosen.id if chosen is not None else self._keep_registration
        self.card = card
        name = " ".join(n for n in (card.first_name, card.middle_name, card.last_name) if n)
        self.setWindowTitle(self.tr("%1 — student %2").replace("%1", name).replace("%2", card.student_number))
        self.title.setText(name)
        self.subtitle.setText(
            self.tr("Student no. %1").replace("%1", card.student_number)
            + (
                "   ·   " + self.tr("also: %1").replace("%1", ", ".join(card.other_student_numbers))
                if card.other_student_numbers
                else ""
            )
        )
        self.show_pesel.setEnabled(card.may_view_personal_data and bool(card.pesel_masked) and self._pesel is None)
        self.show_pesel.setVisible(card.may_view_personal_data)
        self.edit.setEnabled(card.may_edit)
        if not card.may_edit:
            self.edit.setToolTip(self.tr("Only a dean's office clerk of the student's unit may change these data."))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() and item.widget() not in (self.portal_section, self.history_section):
                item.widget().deleteLater()
        sections = [self._person_section(card), self._programmes_section(card), self._login_section(card),
                    self.portal_section, self._registrations_section(), self._enrollments_section(card),
                    self._tokens_section(card), self.history_section]
        for section in sections:
            self.body_layout.addWidget(section)
            section.setVisible(True)
        self.body_layout.addStretch(1)
        self._give_back_keyboard(keyboard, sections)
        self._restore_scroll()
        self.loaded.emit()

    def _group(self, object_name: str, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        """A section; the mnemonic in its title (Alt+letter) takes the keyboard to its first field."""
        box = QGroupBox(title, self.body)
        box.setObjectName(object_name)
        box.setAccessibleName(title.replace("&", ""))
        box.installEventFilter(self)
        return box, QVBoxLayout(box)

    def _person_section(self, card: StudentCard) -> QGroupBox:
        box = QGroupBox(self.tr("Person"), self.body)
        box.setObjectName("personSection")
        form = QFormLayout(box)
        form.addRow(self.tr("First name:"), QLabel(" ".join(n for n in (card.first_name, card.middle_name) if n)))
        form.addRow(self.tr("Surname:"), QLabel(card.last_name))
        form.addRow(self.tr("Category:"), QLabel(labels.category(card.category)))
        if card.may_view_personal_data:  # personal data, as the PESEL it would half give away
            form.addRow(self.tr("Birth date:"), QLabel(date_text(card.birth_date) or "—"))
        self.pesel_label = QLabel(self._pesel or card.pesel_masked or self.tr("none (no PESEL given)"))
        self.pesel_label.setObjectName("peselLabel")
        self.pesel_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("PESEL:"), self.pesel_label)
        if card.may_view_personal_data:
            form.addRow(self.tr("Private e-mail:"), QLabel(card.private_email or "—"))
        return box

    def _programmes_section(self, card: StudentCard) -> QGroupBox:
        box, layout = self._group("programmesSection", self.tr("Progr&ammes"))
        rows = [
            [
                f"{p.code} — {p.name}",
                p.unit_code,
                labels.level(p.level),
                labels.mode(p.mode),
                str(p.stage),
                labels.programme_status(p.status)
                + (self.tr(" since %1").replace("%1", date_text(p.status_since)) if p.status_since else "")
                + (self.tr(" until %1").replace("%1", date_text(p.status_until)) if p.status_until else ""),
                date_text(p.admitted_on),
            ]
            for p in card.programmes
        ]
        table = _table(
            "programmesTable",
            self.tr("Programmes"),
            [self.tr("Programme"), self.tr("Unit"), self.tr("Level"), self.tr("Mode"), self.tr("Stage"), self.tr("Status"), self.tr("Admitted")],
            rows,
        )
        for r, p in enumerate(card.programmes):
            table.item(r, 5).setForeground(labels.STATUS_COLOURS[p.status])
        layout.addWidget(table)
        self.programmes_table = table
        self.status_button = QPushButton(self.tr("Change &status…"), box)
        self.status_button.setObjectName("changeStatusButton")
        self.status_button.setAccessibleName(self.tr("Change the status of the selected programme"))
        self.status_button.setToolTip(self.tr("Leave, return, suspension, removal or graduation, with a reason."))
        self.status_button.clicked.connect(lambda _checked=False: self.change_status())
        self.status_button.setEnabled(card.may_edit and bool(card.programmes))
        self.stage_button = QPushButton(self.tr("Change s&tage…"), box)
        self.stage_button.setObjectName("changeStageButton")
        self.stage_button.setAccessibleName(self.tr("Change the stage of the selected programme"))
        self.stage_button.clicked.connect(lambda _checked=False: self.change_stage())
        self.stage_button.setEnabled(card.may_edit and bool(card.programmes))
        self.add_programme_button = QPushButton(self.tr("A&dd programme…"), box)
        self.add_programme_button.setObjectName("addProgrammeButton")
        self.add_programme_button.setAccessibleName(self.tr("Put the student on one more programme"))
        self.add_programme_button.clicked.connect(lambda _checked=False: self.add_programme())
        self.add_programme_button.setEnabled(self.context.actor.can(Permission.EDIT_STUDENTS))
        row = QHBoxLayout()
        for button in (self.status_button, self.stage_button, self.add_programme_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        if card.programmes:
            table.selectRow(0)
        return box

    def _login_section(self, card: StudentCard) -> QGroupBox:
        box, layout = self._group("loginSection", self.tr("Login account"))
        if card.logins:
            text = "\n".join(card.logins)
        else:
            text = self.tr(
                "No login account is linked: the student cannot sign in to the portal. "
                "The Student Service Center links the institutional e-mail."
            )
        label = QLabel(text)
        label.setObjectName("loginLabel")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not card.logins:
            label.setProperty("role", "error")  # the theme's colour for a problem
        layout.addWidget(label)
        waiting = QLabel(
            self.tr("Changes waiting to be sent to the portal: %1").replace("%1", str(card.changes_waiting_for_portal))
        )
        waiting.setObjectName("portalWaitingLabel")
        layout.addWidget(waiting)
        return box

    def _registrations_section(self) -> QGroupBox:
        box, layout = self._group("registrationsSection", self.tr("Reg&istrations of this term and the next"))
        units = self.context.actor.unit_ids
        lines = [line for line in self.registrations if self.all_units or line.registration.unit_id in units]
        self.shown_registrations = lines
        self.registrations_table = None
        if units:
            # A clerk sees the registrations of their own units; the rest of the university on request.
            self.all_units_check = QCheckBox(self.tr("Show the registrations of &all units"), box)
            self.all_units_check.setObjectName("allUnitsCheck")
            self.all_units_check.setAccessibleName(self.tr("Show the registrations of all units"))
            self.all_units_check.setChecked(self.all_units)
            self.all_units_check.toggled.connect(self._show_all_units)
            layout.addWidget(self.all_units_check)
        if not lines:
            layout.addWidget(QLabel(self.tr("No registrations in the current or the next term.") if not self.registrations
                                    else self.tr("No registrations of your units in the current or the next term.")))
            return box
        rows = [
            [
                line.registration.code,
                line.registration.name,
                line.registration.term_code,
                labels.round_status(line.registration.state),
                self._opens_for_student(line.registration.id),
                self.tr("yes") if line.admitted else self.tr("no"),
                line.summary,
            ]
            for line in lines
        ]
        table = _table(
            "registrationsTable",
            self.tr("Registrations of this term and the next"),
            [self.tr("Code"), self.tr("Registration"), self.tr("Term"), self.tr("State"), self.tr("Opens for them"),
             self.tr("Admitted"), self.tr("Why")],
            rows,
        )
        for r, line in enumerate(lines):
            table.item(r, 5).setForeground(labels.OK_COLOUR if line.admitted else labels.PROBLEM_COLOUR)
            table.item(r, 6).setToolTip(line.summary)
        table.setColumnWidth(1, min(table.columnWidth(1), 260))
        table.setColumnWidth(6, 420)
        table.horizontalHeader().setStretchLastSection(True)
        # "Why" is a sentence: wrapped, its row as tall as it needs, the table as tall as its rows.
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows(table))
        self._fit_rows(table)
        table.doubleClicked.connect(lambda _index: self._explain())
        self.registrations_table = table
        layout.addWidget(table)
        buttons = QHBoxLayout()
        self.explain_button = QPushButton(self.tr("&Why? (check each condition)…"), box)
        self.explain_button.setObjectName("explainRegistrationButton")
        self.explain_button.setAccessibleName(self.tr("Explain whether the student can register"))
        self.explain_button.clicked.connect(self._explain)
        self.grant_button = QPushButton(self.tr("&Grant access…"), box)
        self.grant_button.setObjectName("grantAccessButton")
        self.grant_button.setAccessibleName(self.tr("Grant the student access to the selected registration"))
        self.grant_button.clicked.connect(self._grant)
        self.grant_button.setEnabled(self.context.actor.can(Permission.MANAGE_ACCESS))
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.grant_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        kept = next((r for r, line in enumerate(lines) if line.registration.id == self._keep_registration), 0)
        table.selectRow(kept)
        return box

    def _fit_rows(self, table: QTableWidget) -> None:
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(min(table.horizontalHeader().sizeHint().height() + rows + 6, 360))

    def _show_all_units(self, on: bool) -> None:
        self.all_units = on
        if self.card is not None:
            self._show(self.card)

    def _selected_registration(self):
        table = getattr(self, "registrations_table", None)
        lines = self.shown_registrations
        if table is None or not lines:
            return None
        row = table.currentRow()
        return lines[row if 0 <= row < len(lines) else 0].registration

    def _explain(self) -> None:
        from ui.views.explain_dialog import ExplainDialog

        registration = self._selected_registration()
        if registration is None:
            return
        dialog = ExplainDialog(self.context, self.student_id, registration.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _grant(self) -> None:
        registration = self._selected_registration()
        if registration is None or self.card is None:
            return
        dialog = GrantAccessDialog(self.context, self.card, registration.id, registration.code, self)
        dialog.exec()  # a grant is announced: the card reloads itself

    def _enrollments_section(self, card: StudentCard) -> QGroupBox:
        box, layout = self._group("enrollmentsSection", self.tr("Class gr&oups"))
        if not card.enrollments:
            layout.addWidget(QLabel(self.tr("Not enrolled in any class group.")))
            return box
        rows = [
            [
                e.term_code,
                f"{e.course_code} — {e.course_name}",
                labels.class_type(e.class_type),
                str(e.group_number),
                labels.enrollment_status(e.status),
                datetime_text(e.created_at, self.context.time_zone),
            ]
            for e in card.enrollments
        ]
        layout.addWidget(
            _table(
                "enrollmentsTable",
                self.tr("Class groups"),
                [self.tr("Term"), self.tr("Course"), self.tr("Type"), self.tr("Group"), self.tr("Status"), self.tr("Since")],
                rows,
            )
        )
        return box

    def _tokens_section(self, card: StudentCard) -> QGroupBox:
        box, layout = self._group("tokensSection", self.tr("To&kens and payments"))
        if card.tokens:
            balances = ",   ".join(f"{t.code} ({t.name}): {t.balance}" for t in card.tokens)
        else:
            balances = self.tr("No tokens allocated.")
        tokens = QLabel(balances)
        tokens.setObjectName("tokenBalances")
        tokens.setWordWrap(True)
        layout.addWidget(tokens)
        if card.payments:
            rows = [
                [money_text(p.amount), labels.payment_status(p.status), date_text(p.due_on), p.what]
                for p in card.payments
            ]
            layout.addWidget(
                _table(
                    "paymentsTable",
                    self.tr("Payments"),
                    [self.tr("Amount"), self.tr("Status"), self.tr("Due"), self.tr("For")],
                    rows,
                )
            )
        return box

    # --- on the portal ---------------------------------------------------------------------

    def _portal_section(self) -> QGroupBox:
        """Built once and kept across reloads: the comparison loads on its own, off the GUI thread."""
        box = QGroupBox(self.tr("On the portal"), self.body)
        box.setObjectName("portalSection")
        box.setAccessibleName(self.tr("On the portal: what the student sees next to the desk"))
        layout = QVBoxLayout(box)
        self.portal_step = QLabel(self.tr("Comparing with the portal…"), box)
        self.portal_step.setObjectName("portalStepLabel")
        self.portal_step.setAccessibleName(self.tr("Whether the portal is in step with the desk"))
        self.portal_step.setWordWrap(True)
        self.portal_last_sync = QLabel(box)
        self.portal_last_sync.setObjectName("portalLastSyncLabel")
        self.portal_last_sync.setAccessibleName(self.tr("Last successful sync"))
        self.portal_last_sync.setProperty("role", "muted")
        self.portal_table = QTableWidget(0, 3, box)
        self.portal_table.setObjectName("portalComparisonTable")
        self.portal_table.setAccessibleName(self.tr("What the portal shows the student, next to the desk"))
        self.portal_table.setHorizontalHeaderLabels([self.tr("Aspect"), self.tr("On the portal"), self.tr("At the desk")])
        self.portal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.portal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.portal_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.portal_table.setWordWrap(True)
        self.portal_table.verticalHeader().setVisible(False)
        install_table_tools(self.portal_table)
        # Seven rows at most; a student's several registrations are shown one a line.
        self.portal_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.portal_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(ASPECT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ON_PORTAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AT_DESK, QHeaderView.ResizeMode.Stretch)
        self.portal_table.setVisible(False)
        self.sync_student_button = QPushButton(self.tr("Sync this student &now"), box)
        self.sync_student_button.setObjectName("syncStudentButton")
        self.sync_student_button.setAccessibleName(self.tr("Sync this student to the portal now"))
        self.sync_student_button.setToolTip(self.tr("Sends everything of this student to the portal and reads back what "
                                                    "they did there, in seconds."))
        self.sync_student_button.clicked.connect(lambda _checked=False: self.sync_student())
        self.sync_student_button.setEnabled(self.context.actor.can(Permission.RUN_SYNC))
        if not self.context.actor.can(Permission.RUN_SYNC):
            self.sync_student_button.setToolTip(self.tr("Your role does not run the sync."))
        self.portal_sync_result = QLabel(box)
        self.portal_sync_result.setObjectName("portalSyncResult")
        self.portal_sync_result.setAccessibleName(self.tr("Result of syncing this student"))
        self.portal_sync_result.setWordWrap(True)
        self.portal_sync_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.portal_step)
        texts.addWidget(self.portal_last_sync)
        top.addLayout(texts, 1)
        top.addWidget(self.sync_student_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.portal_table)
        layout.addWidget(self.portal_sync_result)
        self.portal_sync_result.setVisible(False)
        return box

    def reload_portal(self) -> None:
        """Compare the portal with the desk for this student, in the background; a newer answer wins."""
        self._portal_generation += 1
        generation = self._portal_generation
        db, student_id = self.context.db, self.student_id
        if self.comparison is None:
            self.portal_step.setText(self.tr("Comparing with the portal…"))
        self.context.tasks.run(lambda: load_comparison(db, student_id),
                               lambda comparison: self._show_comparison(comparison, generation),
                               lambda error: self._portal_failed(error, generation))

    def _show_comparison(self, comparison: Comparison, generation: int) -> None:
        if generation != self._portal_generation:
            return
        self.comparison = comparison
        theirs, ours = comparison.portal.lines(), comparison.desk.lines()
        different = set(comparison.differences)
        table = self.portal_table
        table.setRowCount(len(ours))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, aspect in enumerate(ours):
            values = [aspect_label(aspect), theirs.get(aspect, "").replace("; ", "\n"), ours[aspect].replace("; ", "\n")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                tip = value if column and "\n" not in value else ""
                if aspect in different:
                    item.setFont(bold)
                    item.setBackground(theme.colour("different"))
                    item.setForeground(theme.colour("different_text"))
                    note = self.tr("Not yet on the portal: the next sync sends it.")
                    tip = f"{value}\n{note}" if tip else note
                item.setToolTip(tip)
                table.setItem(row, column, item)
        table.setVisible(True)
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)
        count = len(comparison.differences)
        if count == 0:
            self.portal_step.setText(self.tr("In step with the desk"))
            self.portal_step.setStyleSheet(f"color: {labels.OK_COLOUR.name()}; font-weight: 600")
        else:
            text = self.tr("One difference: not yet sent") if count == 1 else self.tr("%n differences: not yet sent", "", count)
            if comparison.portal.student_number is None:
                text += " " + self.tr("(the student is not on the portal yet)")
            self.portal_step.setText(text)
            self.portal_step.setStyleSheet(f"color: {labels.WAITING_COLOUR.name()}; font-weight: 600")
        if comparison.last_sync is None:
            self.portal_last_sync.setText(self.tr("No successful sync yet."))
        else:
            self.portal_last_sync.setText(
                self.tr("Last successful sync: %1").replace("%1", datetime_text(comparison.last_sync, self.context.time_zone)))
        self.portalLoaded.emit(comparison)

    def _portal_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._portal_generation:
            return
        self.comparison = None
        self.portal_table.setVisible(False)
        log_unexpected(error, "portal comparison")
        self.portal_step.setText(self.tr("What the portal shows cannot be read: %1").replace("%1", error_message(error)))
        self.portal_step.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.portalLoaded.emit(None)

    def sync_student(self) -> None:
        """Send everything of this student to the portal now, then compare again."""
        if not self.context.actor.can(Permission.RUN_SYNC):
            return
        db, actor, student_id = self.context.db, self.context.actor, self.student_id
        self.sync_student_button.setEnabled(False)
        self.portal_sync_result.setVisible(True)
        self.portal_sync_result.setStyleSheet("")
        self.portal_sync_result.setText(self.tr("Syncing this student…"))

        def done(report: SyncReport) -> None:
            self.sync_student_button.setEnabled(True)
            self.last_sync_report = report
            self.portal_sync_result.setText(
                self.tr("Synced in %1 s. Changes sent: %2; student actions read: %3; conflicts: %4.")
                .replace("%1", f"{report.seconds:.1f}").replace("%2", str(report.sent))
                .replace("%3", str(report.received)).replace("%4", str(report.conflicts)))
            if report.conflicts:
                self.portal_sync_result.setStyleSheet(f"color: {labels.WAITING_COLOUR.name()}")
            self.studentSynced.emit(report)  # the announced change reloads the waiting count and the comparison

        def failed(error: BaseException) -> None:
            self.sync_student_button.setEnabled(True)
            self.portal_sync_result.setText(error_message(error))
            self.portal_sync_result.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")

        # A sync run is a long job: it waits for a sync already running, never holds up a clerk's Save.
        self.context.operate(lambda: run_sync(UnitOfWork(db, actor), SyncKind.STUDENT, student_id=student_id), done, failed,
                             changes=Changes.of(student={student_id}, tokens={student_id}, payment={student_id}, group=ALL,
                                                outbox=ALL, sync=ALL, history=ALL),
                             lane=Lane.LONG)

    # --- history ---------------------------------------------------------------------------

    def _history_section(self) -> QGroupBox:
        """Built once and kept across reloads: the student's last entries load on their own, off the GUI thread."""
        box = QGroupBox(self.tr("History"), self.body)
        box.setObjectName("historySection")
        box.setAccessibleName(self.tr("History: who changed what for this student, and why"))
        layout = QVBoxLayout(box)
        self.history_status = QLabel(self.tr("Reading the history…"), box)
        self.history_status.setObjectName("historyStatusLabel")
        self.history_status.setProperty("role", "muted")
        self.history_status.setWordWrap(True)
        table = QTableWidget(0, 5, box)
        table.setObjectName("historyTable")
        table.setAccessibleName(self.tr("The student's history, newest first"))
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change"), self.tr("Reason")])
        install_table_tools(table)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the change takes what is left
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVisible(False)
        self.history_table = table
        layout.addWidget(self.history_status)
        layout.addWidget(table)
        return box

    def reload_history(self) -> None:
        """Read the student's last entries in the background; a newer answer wins."""
        self._history_generation += 1
        generation = self._history_generation
        db, actor, student_id, zone = self.context.db, self.context.actor, self.student_id, self.context.time_zone
        self.context.tasks.run(lambda: student_history(UnitOfWork(db, actor), student_id, limit=CARD_LIMIT, zone=zone),
                               lambda lines: self._show_history(lines, generation),
                               lambda error: self._history_failed(error, generation))

    def _show_history(self, lines: list[HistoryLine], generation: int) -> None:
        if generation != self._history_generation:
            return
        self.history_lines = lines
        table = self.history_table
        table.setRowCount(len(lines))
        bold = QFont(table.font())
        bold.setBold(True)
        for row, line in enumerate(lines):
            values = [datetime_text(line.at, self.context.time_zone), line.staff_name or line.who, line.description,
                      line.change, line.reason or ""]
            tips = [values[0], line.who, f"{line.description}\n({line.action}, #{line.id})", line.change, line.reason or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(tips[column])
                if column == 2 and line.personal_data:
                    item.setForeground(labels.WAITING_COLOUR)
                    item.setFont(bold)
                table.setItem(row, column, item)
        for column, widest in ((0, 140), (1, 160), (2, 280), (4, 160)):
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), widest))
        rows = table.verticalHeader().defaultSectionSize() * max(1, len(lines))
        height = table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + 2
        table.setFixedHeight(min(height, 320))
        table.setVisible(bool(lines))
        if not lines:
            self.history_status.setText(self.tr("Nothing has been recorded for this student yet."))
        elif len(lines) >= CARD_LIMIT:
            self.history_status.setText(self.tr("The last %1 entries, newest first. The History view shows them all.")
                                        .replace("%1", str(len(lines))))
        else:
            self.history_status.setText(self.tr("%n entries, newest first.", "", len(lines)))
        self.history_status.setStyleSheet("")
        self.historyLoaded.emit(len(lines))

    def _history_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._history_generation:
            return
        self.history_lines = []
        self.history_table.setVisible(False)
        log_unexpected(error, "student history")
        self.history_status.setText(self.tr("The history cannot be read: %1").replace("%1", error_message(error)))
        self.history_status.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.historyLoaded.emit(-1)

    # --- actions ---------------------------------------------------------------------------

    def _reveal_pesel(self) -> None:
        db, actor, student_id = self.context.db, self.context.actor, self.student_id
        self.show_pesel.setEnabled(False)

        def shown(pesel):
            self._pesel = pesel
            self.pesel_label.setText(pesel or "")
            self.reload_history()  # the look is in the history now

        self.context.operate(lambda: reveal_pesel(UnitOfWork(db, actor), student_id), shown,
                             lambda _error: self.show_pesel.setEnabled(True), changes=Changes.of(history=ALL), show=self)

    def change_status(self) -> StatusChangeDialog | None:
        """The status of the programme selected in the table, in a dialog; the announced change reloads the card."""
        if self.card is None or not self.card.programmes:
            return None
        row = self.programmes_table.currentRow()
        dialog = StatusChangeDialog(self.context, self.card, row if row >= 0 else 0, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_stage(self) -> StageDialog | None:
        if self.card is None or not self.card.programmes:
            return None
        row = self.programmes_table.currentRow()
        dialog = StageDialog(self.context, self.card, row if row >= 0 else 0, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_programme(self) -> AddProgrammeDialog | None:
        if self.card is None:
            return None
        dialog = AddProgrammeDialog(self.context, self.card, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _edit(self) -> None:
        if self.card is None:
            return
        dialog = PersonEditDialog(self.context, self.card, self._pesel, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_card is not None:
            self._show(dialog.saved_card)  # at once; the announced change reloads the comparison and the history
