"""Accounts (the Student Service Center): a login's or a student's state in plain words, linking, the worklist and import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import accounts
from desk.accounts import AccountReport, AccountState, BulkPreview, LineOutcome, WorkItem, WorkKind, Worklist
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from ui import labels, theme
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.formats import datetime_text, fit_combo
from ui.dialogs import ActionDialog, StudentPicker, error_label
from ui.screen import fit_to_screen, keep_rows_in_sight
from ui.tables import install_table_tools
from ui.tasks import Lane

STATE_COLOURS = {
    AccountState.NO_LOGIN: labels.PROBLEM_COLOUR,
    AccountState.LOGIN_NOT_LINKED: labels.PROBLEM_COLOUR,
    AccountState.WAITING_FOR_PORTAL: labels.WAITING_COLOUR,
    AccountState.ON_PORTAL: labels.OK_COLOUR,
}
# The state is written out as well, so the colour only helps; the theme's tint keeps the text readable.
STATE_BACKGROUNDS = {
    AccountState.NO_LOGIN: "error_row",
    AccountState.LOGIN_NOT_LINKED: "error_row",
    AccountState.WAITING_FOR_PORTAL: "waiting_tint",
    AccountState.ON_PORTAL: "ok_tint",
}
WORKLIST_LIMIT_ALL = 200  # of each kind, when every kind is shown
WORKLIST_LIMIT_ONE = 2000
# What linking, unlinking or importing logins changes: the worklist, the students' cards, the queue.
LOGIN_CHANGES = Changes.of(account=ALL, student=ALL, outbox=ALL, history=ALL)
PREVIEW_ROWS = 2000  # lines shown in the import preview; every line is counted and checked


def _table(parent: QWidget, name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    install_table_tools(table)  # a context menu; Ctrl+C copies the selected rows with their headings
    return table


def _proposed_email(report: AccountReport | None) -> str:
    """The address most likely meant: the unlinked login asked about, the one made from the student
    number, the one the clerk typed, or what the template gives."""
    if report is None:
        return ""
    if report.state is AccountState.LOGIN_NOT_LINKED:
        return report.email or ""
    if report.state is AccountState.NO_LOGIN:
        if report.unlinked_candidates:
            return report.unlinked_candidates[0]
        if report.email and "@" in report.email:
            return report.email
        return report.suggested_email or ""
    return ""


# An address given as an example: the institution's own students' domain (its login template) when
# known, else one that belongs to no university.
NEUTRAL_DOMAIN = "student.example.org"


def example_email(domain: str | None) -> str:
    return f"123456@{domain or NEUTRAL_DOMAIN}"


def student_domain(db, actor) -> str | None:
    """The domain of the students' login template (off the GUI thread); None when there is none."""
    from desk.accounts.templates import list_templates
    from desk.model import PersonCategory

    found = {t.category: t.domain for t in list_templates(UnitOfWork(db, actor))}
    return found.get(PersonCategory.STUDENT)


class LinkLoginDialog(ActionDialog):
    """Link an address to the person shown, or (for a login nobody has) to a student picked by search."""

    def __init__(self, context: AppContext, report: AccountReport | None, parent: QWidget | None = None,
                 domain: str | None = None):
        self.report = report
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "linkLoginDialog", self._link, parent)
        self.db, self.actor = db, actor
        unlinked = report is not None and report.state is AccountState.LOGIN_NOT_LINKED
        self.set_texts(self.tr("Link a login"),
                       self.tr("The login goes to the portal with the next sync; until then the student still sees "
                               "that they have no account."),
                       self.tr("&Link"))
        self.reason.setPlaceholderText(self.tr("e.g. reported by the student at the desk"))
        self.email = QLineEdit(self)
        self.email.setObjectName("linkEmailField")
        self.email.setAccessibleName(self.tr("Login e-mail"))
        self.email.setPlaceholderText(self.tr("e.g. %1").replace(
            "%1", example_email((report.expected_domain if report is not None else None) or domain)))
        self.email.setText(_proposed_email(report))
        self.form.addRow(self.tr("&E-mail:"), self.email)
        self.person_id = report.person_id if report is not None and not unlinked else None
        self.picker: StudentPicker | None = None
        if self.person_id is not None:
            who = QLabel(report.person_name + (f" ({', '.join(report.student_numbers)})" if report.student_numbers else ""), self)
            who.setObjectName("linkPersonLabel")
            self.form.addRow(self.tr("For:"), who)
        else:
            self.picker = StudentPicker(context, self)
            if unlinked and report.student_numbers:
                self.picker.field.setText(report.student_numbers[0])  # the student the address was made for
            self.form.addRow(self.tr("&Student:"), self.picker)
        self.finish_form()

    def values(self):
        email = self.email.text().strip()
        if not email:
            raise ValueError(self.tr("Type the login e-mail."))
        if self.person_id is None and (self.picker is None or self.picker.student_id is None):
            raise ValueError(self.tr("Find the student the login belongs to."))
        return email, self.person_id, None if self.person_id is not None else self.picker.student_id, self.reason.text()

    def _link(self, values):
        email, person_id, student_id, reason = values
        return accounts.link_login(UnitOfWork(self.db, self.actor), email, person_id=person_id, student_id=student_id, reason=reason)


class UnlinkLoginDialog(ActionDialog):
    """Take a login away from its person, or delete a login made by mistake."""

    def __init__(self, context: AppContext, report: AccountReport, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "unlinkLoginDialog",
                         lambda values: accounts.unlink_login(UnitOfWork(db, actor), values[0], reason=values[2], remove=values[1]), parent)
        self.set_texts(self.tr("Unlink a login"),
                       self.tr("After the sync the portal has no person for this login: whoever logs in with it sees "
                               "“You are logged in, but you do not have an account in USOSweb”."),
                       self.tr("&Unlink"))
        self.reason.setPlaceholderText(self.tr("e.g. linked to the wrong person"))
        self.login = fit_combo(QComboBox(self))
        self.login.setObjectName("unlinkEmailChooser")
        self.login.setAccessibleName(self.tr("Login to unlink"))
        for fact in report.logins:
            linked = fact.person_id is not None
            self.login.addItem(fact.email + ("" if linked else "  " + self.tr("(not linked)")), (fact.email, linked))
        if report.email:
            index = next((i for i in range(self.login.count()) if self.login.itemData(i)[0] == report.email), 0)
            self.login.setCurrentIndex(index)
        self.remove = QCheckBox(self.tr("Also &delete the login (an address made by mistake)"), self)
        self.remove.setObjectName("removeLoginCheck")
        self.remove.setAccessibleName(self.tr("Also delete the login"))
        self.form.addRow(self.tr("&Login:"), self.login)
        self.form.addRow("", self.remove)
        self.finish_form()
        self.login.currentIndexChanged.connect(self._login_changed)
        self.remove.toggled.connect(self._ok_text)
        self._login_changed()

    def _login_changed(self, _index: int = 0) -> None:
        data = self.login.currentData()
        linked = bool(data and data[1])
        # A login nobody has can only be deleted.
        self.remove.setChecked(not linked or self.remove.isChecked())
        self.remove.setEnabled(linked)
        self._ok_text()

    def _ok_text(self, _checked: bool = False) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Delete") if self.remove.isChecked() else self.tr("&Unlink"))

    def values(self):
        data = self.login.currentData()
        if not data:
            raise ValueError(self.tr("There is no login to unlink."))
        return data[0], self.remove.isChecked(), self.reason.text()


class ImportPreviewDialog(ActionDialog):
    """The line-by-line report of a file before anything is linked; applying is all or nothing."""

    def __init__(self, context: AppContext, path: str, preview: BulkPreview, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "importPreviewDialog",
                         lambda values: accounts.apply_bulk_link(UnitOfWork(db, actor), path, reason=values[0], skip_errors=values[1]),
                         parent)
        self.preview = preview
        column = self.tr("PESEL") if preview.identifier_kind == "pesel" else self.tr("student number")
        self.set_texts(
            self.tr("Link logins from %1").replace("%1", preview.file_name),
            self.tr("%1 lines: the %2 from the column “%3”, the e-mail from “%4”. Nothing is linked until you confirm; "
                    "then every line is linked in one step, or none.")
            .replace("%1", str(len(preview.lines))).replace("%2", column).replace("%3", preview.identifier_column)
            .replace("%4", preview.email_column),
            self.tr("&Link %n login(s)", "", preview.to_link),
        )
        self.reason.setPlaceholderText(self.tr("e.g. export from the mail system of 1 October"))
        counts = preview.counts
        self.summary = QLabel(
            " · ".join(f"{accounts.outcome_label(outcome)}: {counts[outcome]}" for outcome in LineOutcome if outcome in counts),
            self,
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = _table(self, "importPreviewTable", self.tr("Lines of the file"),
                            [self.tr("Line"), column.capitalize(), self.tr("E-mail"), self.tr("Result"), self.tr("Details")])
        install_table_tools(self.table, email=2)
        # Lines in error first: they are what the clerk has to look at.
        lines = sorted(preview.lines, key=lambda line: (not line.is_error, line.line_number))[:PREVIEW_ROWS]
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            colour = labels.PROBLEM_COLOUR if line.is_error else (
                labels.OK_COLOUR if line.outcome is LineOutcome.OK else labels.MUTED_COLOUR)
            for column_index, value in enumerate([str(line.line_number), line.identifier, line.email,
                                                  accounts.outcome_label(line.outcome), line.message]):
                item = QTableWidgetItem(value)
                if column_index == 4:
                    item.setToolTip(value)
                if column_index == 3:
                    item.setForeground(colour)
                self.table.setItem(row, column_index, item)
        self.table.resizeColumnsToContents()
        self.table.setMinimumHeight(260)
        shown = QLabel(self.tr("Showing %1 of %2 lines, those in error first.").replace("%1", str(len(lines)))
                       .replace("%2", str(len(preview.lines))), self)
        shown.setObjectName("importShown")
        shown.setProperty("role", "muted")
        shown.setVisible(len(lines) < len(preview.lines))
        self.skip = QCheckBox(self.tr("Leave out the %1 lines in &error and link the rest").replace("%1", str(preview.errors)), self)
        self.skip.setObjectName("skipErrorsCheck")
        self.skip.setAccessibleName(self.tr("Leave out the lines in error"))
        self.skip.setVisible(preview.errors > 0)
        # The report first, then what to do about it: leave out the errors, say why, link.
        self.form.addRow(self.summary)
        self.form.addRow(self.table)
        self.form.addRow(shown)
        self.form.addRow("", self.skip)
        self.finish_form()
        self.skip.toggled.connect(self._enable)
        self._enable()
        fit_to_screen(self, QSize(900, 560))

    def _enable(self, _checked: bool = False) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.preview.to_link > 0 and (self.preview.errors == 0 or self.skip.isChecked()))

    def values(self):
        return self.reason.text(), self.skip.isChecked()


class AccountsView(QWidget):
    """Answers "I cannot log in" for a login or a student, fixes it, and works through the worklist."""

    stateShown = Signal(object)  # AccountReport
    subjectChanged = Signal()  # the person or login shown, for the window's title
    worklistLoaded = Signal(int)
    changed = Signal(object)  # LinkResult or BulkResult, after a change was saved
    importPreviewed = Signal(object)  # BulkPreview

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("accountsView")
        self.report: AccountReport | None = None
        self.worklist_result: Worklist | None = None
        self.items: list[WorkItem] = []
        self._generation = 0
        self._worklist_generation = 0
        self._worklist_started = False
        self.last_dialog = None
        may_manage = context.actor.can(Permission.MANAGE_ACCOUNTS)

        self.query = QLineEdit(self)
        self.query.setObjectName("accountQueryField")
        self.query.setAccessibleName(self.tr("Login e-mail or student number"))
        self.domain: str | None = None
        self._show_domain(None)
        db, actor = context.db, context.actor
        context.tasks.run(lambda: student_domain(db, actor), self._show_domain, lambda _error: None)
        self.query.setClearButtonEnabled(True)
        self.query.setMaxLength(254)
        self.query.returnPressed.connect(self.show_query)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setObjectName("showAccountButton")
        self.show_button.setAccessibleName(self.tr("Show the state of this login or student"))
        self.show_button.clicked.connect(self.show_query)
        self.import_button = QPushButton(self.tr("&Import from file…"), self)
        self.import_button.setObjectName("importAccountsButton")
        self.import_button.setAccessibleName(self.tr("Link logins from a file of the mail system"))
        self.import_button.setToolTip(self.tr("A CSV or Excel file with the student number (or PESEL) and the e-mail; "
                                              "you see every line's result before anything is linked."))
        self.import_button.clicked.connect(self.choose_file)
        self.import_button.setEnabled(may_manage)

        self.picker = StudentPicker(context, self)
        self.picker.results.setMinimumHeight(72)  # three names; it grows with the room the worklist leaves
        self.picker.chosen.connect(self.show_student)
        picker_box = QGroupBox(self.tr("Or find a student by name"), self)
        picker_box.setObjectName("accountPickerBox")
        picker_layout = QVBoxLayout(picker_box)
        picker_layout.addWidget(self.picker)

        self.title = QLabel(self.tr("Type a login or a student number, or find a student by name."), self)
        self.title.setObjectName("accountTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("accountStateLabel")
        self.state_label.setAccessibleName(self.tr("Account state"))
        self.state_label.setVisible(False)
        self.words = QLabel(self)
        self.words.setObjectName("accountStateWords")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = error_label(self, "accountProblems")
        self.fix = QLabel(self)
        self.fix.setObjectName("accountFix")
        self.fix.setProperty("role", "hint")
        self.fix.setWordWrap(True)
        self.fix.setVisible(False)
        self.logins = _table(self, "accountLogins", self.tr("Logins"),
                             [self.tr("Login"), self.tr("State"), self.tr("Linked"), self.tr("By"), self.tr("Waiting since")])
        self.logins.setMaximumHeight(130)
        install_table_tools(self.logins, email=0)
        self.logins.setVisible(False)
        self.link_button = QPushButton(self.tr("&Link…"), self)
        self.link_button.setObjectName("linkLoginButton")
        self.link_button.setAccessibleName(self.tr("Link a login"))
        self.link_button.clicked.connect(self.link)
        self.unlink_button = QPushButton(self.tr("&Unlink…"), self)
        self.unlink_button.setObjectName("unlinkLoginButton")
        self.unlink_button.setAccessibleName(self.tr("Unlink a login"))
        self.unlink_button.clicked.connect(self.unlink)
        self.send_button = QPushButton(self.tr("Send to the portal &now"), self)
        self.send_button.setObjectName("sendToPortalButton")
        self.send_button.setAccessibleName(self.tr("Send this student's changes to the portal now"))
        self.send_button.setToolTip(self.tr("A sync of this one student: the student can log in within seconds."))
        self.send_button.clicked.connect(self.send_now)
        self.message = QLabel(self)
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        if not may_manage:
            for button in (self.link_button, self.unlink_button):
                button.setToolTip(self.tr("Your role does not link login accounts."))
        self._enable_buttons()

        state_panel = QFrame(self)
        state_panel.setObjectName("accountStatePanel")
        state_layout = QVBoxLayout(state_panel)
        state_layout.setContentsMargins(8, 0, 0, 0)
        state_layout.addWidget(self.title)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label)
        state_row.addStretch(1)
        state_layout.addLayout(state_row)
        state_layout.addWidget(self.words)
        state_layout.addWidget(self.problems)
        state_layout.addWidget(self.fix)
        state_layout.addWidget(self.logins)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        state_layout.addLayout(buttons)
        state_layout.addWidget(self.message)
        state_layout.addStretch(1)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.setObjectName("accountsUpperSplitter")
        upper.addWidget(picker_box)
        state_scroll = QScrollArea(self)  # on a small screen the state scrolls rather than squeezing the worklist
        state_scroll.setObjectName("accountStateScroll")
        state_scroll.setWidgetResizable(True)
        state_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        state_scroll.setWidget(state_panel)
        upper.addWidget(state_scroll)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 5)
        upper.setSizes([330, 820])

        self.kind = QComboBox(self)
        self.kind.setObjectName("worklistKindFilter")
        self.kind.setAccessibleName(self.tr("Show in the worklist"))
        self.kind.addItem(self.tr("every kind"), None)
        for kind in WorkKind:
            self.kind.addItem(accounts.work_kind_label(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload_worklist())
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshWorklistButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh the worklist"))
        self.refresh_button.clicked.connect(self.reload_worklist)
        self.counts = QLabel(self)
        self.counts.setObjectName("worklistCounts")
        self.counts.setWordWrap(True)
        self.table = _table(self, "worklistTable", self.tr("Worklist"),
                            [self.tr("Kind"), self.tr("Login"), self.tr("Student no."), self.tr("Name"), self.tr("What is wrong")])
        self.table.setToolTip(self.tr("Double-click or press Enter to see a line's state above."))
        install_table_tools(self.table, student_number=2, email=1)
        self.table.itemActivated.connect(lambda _item: self.show_work_item())
        work_box = QGroupBox(self.tr("Worklist"), self)
        work_box.setObjectName("worklistBox")
        work_layout = QVBoxLayout(work_box)
        filter_row = QHBoxLayout()
        kind_label = QLabel(self.tr("Sho&w:"), self)
        kind_label.setBuddy(self.kind)
        filter_row.addWidget(kind_label)
        filter_row.addWidget(self.kind)
        filter_row.addWidget(self.refresh_button)
        filter_row.addWidget(self.counts, 1)
        work_layout.addLayout(filter_row)
        work_layout.addWidget(self.table, 1)

        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.setObjectName("accountsSplitter")
        lower.addWidget(upper)
        lower.addWidget(work_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setChildrenCollapsible(False)
        keep_rows_in_sight(self.table)  # the worklist is half of what the view is for

        top = QHBoxLayout()
        query_label = QLabel(self.tr("L&ogin or student number:"), self)
        query_label.setBuddy(self.query)
        top.addWidget(query_label)
        top.addWidget(self.query, 1)
        top.addWidget(self.show_button)
        top.addSpacing(24)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(lower, 1)
        # Logins changed here or elsewhere (a card, a sync) change the worklist: read again when shown.
        context.follow(self, lambda changes: changes.touches(Kind.ACCOUNT) or changes.touches(Kind.SYNC),
                       lambda: self.reload_worklist() if self._worklist_started else None)

    def _show_domain(self, domain: str | None) -> None:
        self.domain = domain
        self.query.setPlaceholderText(self.tr("Login e-mail or student number — e.g. %1 or 123456")
                                      .replace("%1", example_email(domain)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._worklist_started:
            # Loaded when first shown, not when the main window starts: it counts over every person.
            self._worklist_started = True
            self.reload_worklist()

    # --- the state of one login or student -------------------------------------------------

    def show_query(self) -> None:
        text = self.query.text().strip()
        if text:
            self._load(lambda db, actor: accounts.account_state(UnitOfWork(db, actor), text))

    def show_student(self, student_id: int) -> None:
        self._load(lambda db, actor: accounts.account_state(UnitOfWork(db, actor), student_id=student_id))

    def show_person(self, person_id: int) -> None:
        self._load(lambda db, actor: accounts.account_state(UnitOfWork(db, actor), person_id=person_id))

    def refresh_state(self) -> None:
        report = self.report
        if report is None:
            return
        if report.person_id is not None and report.state is not AccountState.LOGIN_NOT_LINKED:
            self.show_person(report.person_id)
        elif report.email:
            email = report.email
            self._load(lambda db, actor: accounts.account_state(UnitOfWork(db, actor), email))

    def _load(self, work) -> None:
        self._generation += 1
        generation = self._generation
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: work(db, actor), lambda report: self._show(report, generation),
                               lambda error: self._failed(error, generation))

    def subject(self) -> str:
        return self.title.text() if self.report is not None else ""

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.report = None
        self.title.setText(str(error))
        self.state_label.setVisible(False)
        for label in (self.words, self.problems, self.fix):
            label.clear()
        self.fix.setVisible(False)
        self.logins.setRowCount(0)
        self.logins.setVisible(False)
        self._enable_buttons()
        self.stateShown.emit(None)
        self.subjectChanged.emit()

    def _show(self, report: AccountReport, generation: int) -> None:
        if generation != self._generation:
            return  # a newer question was asked meanwhile
        self.report = report
        zone = self.context.time_zone
        if report.person_id is not None and report.state is not AccountState.LOGIN_NOT_LINKED:
            numbers = ", ".join(report.student_numbers)
            category = labels.category(report.category) if report.category else ""
            self.title.setText(f"{report.person_name}" + (f" ({numbers})" if numbers else "") + (f" · {category}" if category else ""))
        else:
            self.title.setText(report.email or report.query)
        colour = STATE_COLOURS[report.state]
        self.state_label.setText("● " + accounts.state_label(report.state))
        self.state_label.setStyleSheet(
            f"color: {colour.name()}; background: {theme.colour(STATE_BACKGROUNDS[report.state]).name()}; font-weight: 600; "
            f"font-size: {theme.points(12)}pt; border-radius: 4px; padding: 4px 10px;"
        )
        self.state_label.setVisible(True)
        self.words.setText(report.words)
        self.problems.setText("\n".join(report.problems))
        self.problems.setVisible(bool(report.problems))
        self.fix.setText(report.fix)
        self.fix.setVisible(bool(report.fix))
        self.logins.setRowCount(len(report.logins))
        for row, fact in enumerate(report.logins):
            values = [fact.email, accounts.state_label(fact.state), datetime_text(fact.linked_at, zone), fact.linked_by or "",
                      datetime_text(fact.waiting_since, zone)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setForeground(STATE_COLOURS[fact.state])
                self.logins.setItem(row, column, item)
        self.logins.resizeColumnsToContents()
        self.logins.setVisible(bool(report.logins))
        self._enable_buttons()
        self.stateShown.emit(report)
        self.subjectChanged.emit()

    def _enable_buttons(self) -> None:
        report = self.report
        actor = self.context.actor
        may = actor.can(Permission.MANAGE_ACCOUNTS)
        self.link_button.setEnabled(may and report is not None)
        self.unlink_button.setEnabled(may and report is not None and bool(report.logins))
        waiting = report is not None and report.state is AccountState.WAITING_FOR_PORTAL and report.student_id is not None
        self.send_button.setVisible(waiting)
        self.send_button.setEnabled(waiting and actor.can(Permission.RUN_SYNC))

    # --- changes ---------------------------------------------------------------------------

    def _saved(self, result, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {labels.OK_COLOUR.name()}")
        self.changed.emit(result)
        self.refresh_state()  # the worklist follows the announced change

    def link(self) -> None:
        dialog = LinkLoginDialog(self.context, self.report, self, domain=self.domain)
        dialog.changes = LOGIN_CHANGES
        dialog.succeeded.connect(lambda result: self._saved(
            result, self.tr("Linked: %1 → %2. It goes to the portal with the next sync.")
            .replace("%1", result.email).replace("%2", result.person_name or "")))
        dialog.succeeded.connect(lambda result: self._after_link(result))
        self.last_dialog = dialog
        dialog.open()

    def _after_link(self, result) -> None:
        # The state worth showing now is the person's, whom the login was linked to.
        if result.person_id is not None:
            self.show_person(result.person_id)

    def unlink(self) -> None:
        if self.report is None or not self.report.logins:
            return
        dialog = UnlinkLoginDialog(self.context, self.report, self)
        dialog.changes = LOGIN_CHANGES
        dialog.succeeded.connect(lambda result: self._saved(
            result, (self.tr("Deleted: %1.") if result.action == "removed" else self.tr("Unlinked: %1."))
            .replace("%1", result.email)))
        self.last_dialog = dialog
        dialog.open()

    def send_now(self) -> None:
        report = self.report
        if report is None or report.student_id is None:
            return
        from desk.model import SyncKind
        from desk.sync import run_sync

        db, actor, student_id = self.context.db, self.context.actor, report.student_id
        self.send_button.setEnabled(False)
        self.message.setText(self.tr("Sending to the portal…"))
        self.message.setStyleSheet("")

        def failed(_error: BaseException) -> None:
            self.message.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
            self._enable_buttons()

        # A sync run is a long job: it never holds up a clerk's Save.
        self.context.operate(
            lambda: run_sync(UnitOfWork(db, actor), SyncKind.STUDENT, student_id=student_id),
            lambda sync: self._saved(sync, self.tr("Sent to the portal: %n changes.", "", sync.sent)),
            failed, changes=Changes.of(student={student_id}, account=ALL, outbox=ALL, sync=ALL, history=ALL),
            lane=Lane.LONG, show=self.message,
        )

    # --- the worklist ----------------------------------------------------------------------

    def reload_worklist(self) -> None:
        self._worklist_generation += 1
        generation = self._worklist_generation
        kind = self.kind.currentData()
        kinds = [WorkKind(kind)] if kind else None
        limit = WORKLIST_LIMIT_ONE if kind else WORKLIST_LIMIT_ALL
        db, actor = self.context.db, self.context.actor
        self.counts.setText(self.tr("Counting…"))
        self.context.tasks.run(lambda: accounts.worklist(UnitOfWork(db, actor), kinds=kinds, limit=limit),
                               lambda result: self._show_worklist(result, generation),
                               lambda error: self.counts.setText(str(error)))

    def _show_worklist(self, result: Worklist, generation: int) -> None:
        if generation != self._worklist_generation:
            return
        self.worklist_result = result
        self.items = list(result.items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = [accounts.work_kind_label(item.kind), item.email or "", item.student_number or "", item.person_name or "",
                      item.detail]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4:
                    cell.setToolTip(value)
                if column == 0:
                    cell.setForeground(labels.WAITING_COLOUR if item.kind is WorkKind.NEAR_DUPLICATE else labels.PROBLEM_COLOUR)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        for column, most in ((0, 200), (1, 260), (3, 200)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        parts = []
        for kind, count in result.counts.items():
            shown = sum(1 for item in self.items if item.kind is kind)
            text = f"{accounts.work_kind_label(kind)}: <b>{count}</b>"
            if shown < count:
                text += " " + self.tr("(%1 shown)").replace("%1", str(shown))
            parts.append(text)
        self.counts.setText(" · ".join(parts))
        self.worklistLoaded.emit(len(self.items))

    def show_work_item(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None else row
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if item.email:
            self.query.setText(item.email)
            self.show_query()
        elif item.person_id is not None:
            self.query.setText(item.student_number or "")
            self.show_person(item.person_id)

    # --- import from a file ------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Link logins from a file"), str(Path.home()),
            self.tr("Spreadsheets and CSV (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read and check the file in the background, then show the report before anything is linked."""
        db, actor = self.context.db, self.context.actor
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Checking %1…").replace("%1", Path(path).name))
        self.message.setStyleSheet("")

        def shown(preview: BulkPreview) -> None:
            self.import_button.setEnabled(True)
            self.message.clear()
            dialog = ImportPreviewDialog(self.context, path, preview, self)
            dialog.changes = LOGIN_CHANGES
            dialog.lane = Lane.LONG  # an import: it never holds up a clerk's Save in the queue
            dialog.succeeded.connect(lambda result: self._saved(
                result, self.tr("Linked from the file: %1 logins (%2 new); %3 already linked; %4 lines left out.")
                .replace("%1", str(result.linked)).replace("%2", str(result.created))
                .replace("%3", str(result.unchanged)).replace("%4", str(result.skipped))))
            self.last_dialog = dialog
            dialog.open()
            self.importPreviewed.emit(preview)

        def failed(error: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.message.setText(str(error))
            self.message.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
            self.importPreviewed.emit(None)

        self.context.tasks.run(lambda: accounts.preview_bulk_link(UnitOfWork(db, actor), path), shown, failed)


