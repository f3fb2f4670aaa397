"""Sync with the portal: the last runs, what waits to go out, open conflicts, the schedule, and "sync now"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import sync
from desk.clock import now_utc, to_local
from desk.model import SyncKind, SyncResult, SyncTrigger
from desk.staff import Permission
from desk.sync import ConflictLine, RunLine, ScheduledRun, SyncReport, Waiting
from ui import labels
from ui.changes import ALL, SYNC_RUN, Changes, Kind, queues_for_portal
from ui.context import AppContext
from ui.formats import datetime_text
from ui.dialogs import ActionDialog, error_label
from ui.views.conflict_settling import may_settle, settle
from ui.screen import keep_rows_in_sight
from ui.tables import install_table_tools
from ui.tasks import Cancelled as TaskCancelled
from ui.tasks import Lane, error_message, log_unexpected
from desk.unit_of_work import UnitOfWork

# The columns of the runs table, in order.
RUN_STARTED, RUN_KIND, RUN_TRIGGER, RUN_BY, RUN_STUDENT, RUN_SENT, RUN_RECEIVED, RUN_CONFLICTS, RUN_RESULT, RUN_ERROR = range(10)
RUN_COUNT_COLUMNS = (RUN_SENT, RUN_RECEIVED, RUN_CONFLICTS)
_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows

_RESULT_COLOURS = {
    SyncResult.SUCCEEDED: labels.OK_COLOUR,
    SyncResult.FAILED: labels.PROBLEM_COLOUR,
    SyncResult.CANCELLED: labels.WAITING_COLOUR,
    SyncResult.RUNNING: labels.MUTED_COLOUR,
}


def kind_label(kind: SyncKind) -> str:
    return {
        SyncKind.FULL: QCoreApplication.translate("SyncView", "full"),
        SyncKind.INCREMENTAL: QCoreApplication.translate("SyncView", "incremental"),
        SyncKind.STUDENT: QCoreApplication.translate("SyncView", "one student"),
    }[kind]


def trigger_label(trigger: SyncTrigger) -> str:
    return {
        SyncTrigger.SCHEDULE: QCoreApplication.translate("SyncView", "schedule"),
        SyncTrigger.STAFF: QCoreApplication.translate("SyncView", "at the desk"),
        SyncTrigger.TERMINAL: QCoreApplication.translate("SyncView", "terminal"),
    }[trigger]


def result_label(result: SyncResult) -> str:
    return {
        SyncResult.RUNNING: QCoreApplication.translate("SyncView", "running"),
        SyncResult.SUCCEEDED: QCoreApplication.translate("SyncView", "succeeded"),
        SyncResult.FAILED: QCoreApplication.translate("SyncView", "failed"),
        SyncResult.CANCELLED: QCoreApplication.translate("SyncView", "cancelled"),
    }[result]


def entity_label(entity: str) -> str:
    """A kind of record in the outbox, as a clerk names it."""
    names = {
        "person": QCoreApplication.translate("SyncView", "personal data"),
        "login_account": QCoreApplication.translate("SyncView", "login accounts"),
        "student": QCoreApplication.translate("SyncView", "students (everything of one student)"),
        "student_programme": QCoreApplication.translate("SyncView", "students' programmes"),
        "token_type": QCoreApplication.translate("SyncView", "token types"),
        "registration": QCoreApplication.translate("SyncView", "registrations"),
        "round": QCoreApplication.translate("SyncView", "rounds"),
        "access_rule": QCoreApplication.translate("SyncView", "access rules"),
        "access_grant": QCoreApplication.translate("SyncView", "individual access grants"),
        "class_group": QCoreApplication.translate("SyncView", "class groups and limits"),
        "course": QCoreApplication.translate("SyncView", "courses (their code and name on the groups)"),
        "term": QCoreApplication.translate("SyncView", "terms (their code on the groups and registrations)"),
        "enrollment": QCoreApplication.translate("SyncView", "enrollments"),
        "token_entry": QCoreApplication.translate("SyncView", "token balances"),
        "token_request": QCoreApplication.translate("SyncView", "token requests"),
        "payment": QCoreApplication.translate("SyncView", "payments"),
        "seat_share": QCoreApplication.translate("SyncView", "dedicated seats"),
        "exchange_wish": QCoreApplication.translate("SyncView", "exchange wishes"),
        "waiting_entry": QCoreApplication.translate("SyncView", "waiting lists"),
    }
    return names.get(entity, entity)


def action_label(kind: str) -> str:
    """A student action read from the portal."""
    names = {
        "register": QCoreApplication.translate("SyncView", "register"),
        "unregister": QCoreApplication.translate("SyncView", "unregister"),
        "token_request": QCoreApplication.translate("SyncView", "token request"),
        "token_unregister": QCoreApplication.translate("SyncView", "token request to unregister"),
        "token_withdraw": QCoreApplication.translate("SyncView", "withdraw a token request"),
        "exchange_wish": QCoreApplication.translate("SyncView", "exchange wish"),
        "exchange_withdraw": QCoreApplication.translate("SyncView", "withdraw an exchange wish"),
        "waiting_join": QCoreApplication.translate("SyncView", "join a waiting list"),
        "waiting_leave": QCoreApplication.translate("SyncView", "leave a waiting list"),
    }
    return names.get(kind, kind)


def report_text(report: SyncReport) -> str:
    """What a run did, in one or two lines for the clerk."""
    counts = (
        QCoreApplication.translate("SyncView", "sent %1, received %2, conflicts %3")
        .replace("%1", str(report.sent)).replace("%2", str(report.received)).replace("%3", str(report.conflicts))
    )
    seconds = f"{report.seconds:.1f}"
    if report.result is SyncResult.CANCELLED:
        text = (QCoreApplication.translate("SyncView", "Cancelled after %1 s; what went out so far stays sent: %2.")
                .replace("%1", seconds).replace("%2", counts))
    elif report.result is SyncResult.FAILED:
        text = (QCoreApplication.translate("SyncView", "The sync failed: %1 (%2).")
                .replace("%1", report.error or "—").replace("%2", counts))
    else:
        finished = {
            SyncKind.FULL: QCoreApplication.translate("SyncView", "Full sync finished in %1 s: %2."),
            SyncKind.INCREMENTAL: QCoreApplication.translate("SyncView", "Sync finished in %1 s: %2."),
            SyncKind.STUDENT: QCoreApplication.translate("SyncView", "Sync of one student finished in %1 s: %2."),
        }[report.kind]
        text = finished.replace("%1", seconds).replace("%2", counts)
    if report.kind is SyncKind.FULL and report.result is SyncResult.SUCCEEDED:
        changed = [r for r in report.repaired if r.added or r.changed or r.removed]
        if not changed:
            text += "\n" + QCoreApplication.translate("SyncView", "The portal matched the desk everywhere: no rows repaired.")
        else:
            tables = ", ".join(
                f"{sync.table_words(r.table)} {r.added + r.changed + r.removed}" for r in changed
            )
            text += "\n" + (QCoreApplication.translate("SyncView", "%1 rows repaired on the portal (%2).")
                            .replace("%1", str(report.repaired_rows)).replace("%2", tables))
    return text


def repair_details(report: SyncReport) -> str:
    """Per table: added, changed, removed (a tooltip for the result of a full run)."""
    rows = [
        QCoreApplication.translate("SyncView", "%1: %2 added, %3 changed, %4 removed")
        .replace("%1", sync.table_words(r.table)).replace("%2", str(r.added)).replace("%3", str(r.changed)).replace("%4", str(r.removed))
        for r in report.repaired
    ]
    return "\n".join(rows)


def next_scheduled(entries: list[ScheduledRun], now: datetime, zone: str) -> tuple[ScheduledRun, bool] | None:
    """The next entry of the schedule after ``now`` and whether it is tomorrow."""
    if not entries:
        return None
    local = to_local(now, zone).time()
    later = [e for e in entries if e.at > local]
    return (later[0], False) if later else (entries[0], True)


@dataclass(frozen=True)
class SyncOverview:
    """Everything the view shows, read in one background task."""

    runs: list[RunLine]
    waiting: list[Waiting]
    conflicts: list[ConflictLine]
    schedule: list[ScheduledRun]
    last_success: datetime | None


def load_overview(db, actor, *, runs: int = 50) -> SyncOverview:
    may_read = actor.can(Permission.READ_STUDENTS)
    return SyncOverview(
        runs=sync.recent_runs(db, limit=runs),
        waiting=sync.waiting(db),
        conflicts=sync.conflicts(UnitOfWork(db, actor)) if may_read else [],
        schedule=sync.schedule(db),
        last_success=sync.last_success(db),
    )


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
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    install_table_tools(table)  # a context menu; Ctrl+C copies the selected rows with their headings
    return table


def _fit_columns(table: QTableWidget, widest: int = 360) -> None:
    """Columns as wide as their contents (long texts capped), the last one taking the rest of the width."""
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        table.setColumnWidth(column, min(table.columnWidth(column), widest))
    header = table.horizontalHeader()
    # resizeColumnsToContents ignores the stretch of the last section until it is asked for again.
    header.setStretchLastSection(False)
    header.setStretchLastSection(True)


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SyncView(QWidget):
    """The sync at a glance, and running it now."""

    loaded = Signal()  # a refresh has been shown
    finished = Signal(object)  # the SyncReport of a run started here, once the view shows its effect
    failed = Signal(str)  # a run started here failed (the message is shown too)
    scheduleSaved = Signal(str)  # the schedule as saved

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("syncView")
        self.overview: SyncOverview | None = None
        self.runs: list[RunLine] = []
        self.waiting: list[Waiting] = []
        self.conflict_lines: list[ConflictLine] = []
        self.last_report: SyncReport | None = None
        self.last_dialog: ActionDialog | None = None
        self.last_message: QMessageBox | None = None  # the result of settling several conflicts at once
        self._handle = None
        self._generation = 0
        self._after_refresh: list[Callable[[], None]] = []
        actor = context.actor
        self.may_run = actor.can(Permission.RUN_SYNC)
        self.may_administer = actor.can(Permission.ADMINISTER)

        # --- header: the last sync and the run buttons ---
        title = QLabel(self.tr("Sync with the portal"), self)
        title.setObjectName("syncTitle")
        title.setProperty("role", "title")
        self.last_sync_label = QLabel(self)
        self.last_sync_label.setObjectName("lastSyncLabel")
        self.last_sync_label.setAccessibleName(self.tr("Last successful sync"))
        self.last_sync_label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync &now"), self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setAccessibleName(self.tr("Sync now: send what is waiting and read student actions"))
        self.sync_button.setToolTip(self.tr("Sends every change waiting to go out and reads back what students did. "
                                            "Takes seconds; the portal stays open."))
        self.sync_button.clicked.connect(lambda _checked=False: self.run(SyncKind.INCREMENTAL))
        self.full_button = QPushButton(self.tr("F&ull sync"), self)
        self.full_button.setObjectName("fullSyncButton")
        self.full_button.setAccessibleName(self.tr("Full sync: compare every table and repair the portal"))
        self.full_button.setToolTip(self.tr("Compares every table the portal shows with the desk and repairs what differs, "
                                            "then sends and reads as a normal sync does."))
        self.full_button.clicked.connect(lambda _checked=False: self.run(SyncKind.FULL))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshSyncButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh the sync overview"))
        self.refresh_button.setToolTip(self.tr("Reads the runs, the queue and the conflicts again (F5)."))
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())
        for button in (self.sync_button, self.full_button):
            button.setVisible(self.may_run)
            button.setEnabled(self.may_run)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(self.last_sync_label)
        header.addLayout(titles, 1)
        for button in (self.sync_button, self.full_button, self.refresh_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        # --- a run in progress, and the result of the last one ---
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("syncProgressLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("cancelSyncButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the running sync"))
        self.cancel_button.setToolTip(self.tr("Stops after the current batch; what was sent so far stays sent."))
        self.cancel_button.clicked.connect(lambda _checked=False: self.cancel())
        self.progress_row = QWidget(self)
        self.progress_row.setObjectName("syncProgressRow")
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.setVisible(False)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResultLabel")
        self.result_label.setAccessibleName(self.tr("Result of the last sync"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setProperty("role", "hint")
        self.result_label.setVisible(False)

        # --- waiting to go out ---
        waiting_box = QGroupBox(self.tr("Waiting to go out"), self)
        waiting_box.setObjectName("waitingSection")
        waiting_box.setAccessibleName(self.tr("Changes waiting to go out to the portal"))
        self.waiting_table = _table(waiting_box, "waitingTable", self.tr("Changes waiting to go out, by kind of record"),
                                    [self.tr("Kind of record"), self.tr("Waiting"), self.tr("Oldest since")])
        self.waiting_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.waiting_total = QLabel(self)
        self.waiting_total.setObjectName("waitingTotalLabel")
        self.waiting_total.setAccessibleName(self.tr("Changes waiting in total"))
        self.waiting_total.setWordWrap(True)
        waiting_layout = QVBoxLayout(waiting_box)
        waiting_layout.addWidget(self.waiting_total)
        waiting_layout.addWidget(self.waiting_table, 1)

        # --- the schedule ---
        schedule_box = QGroupBox(self.tr("Schedule"), self)
        schedule_box.setObjectName("scheduleSection")
        schedule_box.setAccessibleName(self.tr("Sync schedule"))
        self.schedule_field = QLineEdit(self)
        self.schedule_field.setObjectName("scheduleField")
        self.schedule_field.setAccessibleName(self.tr("Sync schedule"))
        self.schedule_field.setPlaceholderText("01:25 full, 06:05 incremental, 16:05 incremental")
        self.schedule_field.setReadOnly(not self.may_administer)
        self.save_schedule_button = QPushButton(self.tr("&Save schedule"), self)
        self.save_schedule_button.setObjectName("saveScheduleButton")
        self.save_schedule_button.setAccessibleName(self.tr("Save the sync schedule"))
        self.save_schedule_button.clicked.connect(lambda _checked=False: self.save_schedule())
        self.save_schedule_button.setVisible(self.may_administer)
        self.save_schedule_button.setEnabled(False)
        self.schedule_field.textEdited.connect(lambda _text: self._schedule_edited())
        self.schedule_field.returnPressed.connect(self.save_schedule)
        schedule_label = QLabel(self.tr("Runs &at:"), self)
        schedule_label.setBuddy(self.schedule_field)
        self.schedule_hint = QLabel(self)
        self.schedule_hint.setObjectName("scheduleHint")
        self.schedule_hint.setWordWrap(True)
        self.schedule_hint.setProperty("role", "muted")
        self.next_run_label = QLabel(self)
        self.next_run_label.setObjectName("nextScheduledRunLabel")
        self.next_run_label.setWordWrap(True)
        self.schedule_error = error_label(self, "scheduleError")
        if self.may_administer:
            self.schedule_hint.setText(
                self.tr("Times in %1, separated by commas: “06:05 incremental” sends what changed, "
                        "“01:25 full” compares and repairs everything.").replace("%1", context.time_zone))
        else:
            self.schedule_hint.setText(self.tr("Times in %1. Only an administrator changes the schedule.")
                                       .replace("%1", context.time_zone))
            self.schedule_field.setToolTip(self.tr("Only an administrator changes the schedule."))
            # Read-only: the theme's style sheet draws it on the window's colour, with a light border.
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(schedule_label)
        schedule_row.addWidget(self.schedule_field, 1)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_run_label, 1)
        next_row.addWidget(self.save_schedule_button, 0, Qt.AlignmentFlag.AlignTop)
        schedule_layout = QVBoxLayout(schedule_box)
        schedule_layout.addLayout(schedule_row)
        schedule_layout.addLayout(next_row)
        schedule_layout.addWidget(self.schedule_hint)
        schedule_layout.addWidget(self.schedule_error)
        schedule_layout.addStretch(1)

        # --- open conflicts ---
        conflicts_box = QGroupBox(self.tr("Open conflicts"), self)
        conflicts_box.setObjectName("conflictsSection")
        conflicts_box.setAccessibleName(self.tr("Open conflicts: student actions that no longer fit"))
        self.conflicts_intro = QLabel(self)
        self.conflicts_intro.setObjectName("conflictsSummary")
        self.conflicts_intro.setWordWrap(True)
        self.conflicts_table = _table(conflicts_box, "conflictsTable", self.tr("Open conflicts"),
                                      [self.tr("Detected"), self.tr("Student no."), self.tr("Student"), self.tr("Action"),
                                       self.tr("Why it did not fit")])
        install_table_tools(self.conflicts_table, student_number=1)
        # Several conflicts (Shift/Ctrl+click, Ctrl+A) are settled together: one reason, one change set.
        self.conflicts_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.enroll_button = QPushButton(self.tr("Enroll over the &limit…"), self)
        self.enroll_button.setObjectName("enrollOverLimitButton")
        self.enroll_button.setAccessibleName(self.tr("Enroll the students of the selected conflicts over the limit"))
        self.enroll_button.setToolTip(self.tr("Enrolls the student in the group they asked for, over its limit "
                                              "(recorded as an override), and settles the conflict. "
                                              "Select several (Ctrl+A: all) to settle them at once."))
        self.enroll_button.clicked.connect(lambda _checked=False: self.enroll_over_limit())
        self.dismiss_button = QPushButton(self.tr("&Dismiss…"), self)
        self.dismiss_button.setObjectName("dismissConflictButton")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the selected conflicts"))
        self.dismiss_button.setToolTip(self.tr("Settles the conflict without changing anything; the student keeps "
                                               "what the desk has. Select several (Ctrl+A: all) to dismiss them at once."))
        self.dismiss_button.clicked.connect(lambda _checked=False: self.dismiss())
        for button in (self.enroll_button, self.dismiss_button):
            button.setEnabled(False)
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.conflicts_intro, 1)
        conflict_buttons.addWidget(self.enroll_button)
        conflict_buttons.addWidget(self.dismiss_button)
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.addLayout(conflict_buttons)
        conflicts_layout.addWidget(self.conflicts_table, 1)
        self.conflicts_table.itemSelectionChanged.connect(self._conflict_buttons)

        # --- the last runs ---
        runs_box = QGroupBox(self.tr("Last runs"), self)
        runs_box.setObjectName("runsSection")
        runs_box.setAccessibleName(self.tr("Last sync runs"))
        self.runs_table = _table(runs_box, "syncRunsTable", self.tr("Last sync runs"), [
            self.tr("Started"), self.tr("Kind"), self.tr("Trigger"), self.tr("By"), self.tr("Student"), self.tr("Sent"),
            self.tr("Received"), self.tr("Conflicts"), self.tr("Result"), self.tr("Error"),
        ])
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.addWidget(self.runs_table, 1)

        middle = QHBoxLayout()
        middle.addWidget(waiting_box, 1)
        middle.addWidget(schedule_box, 1)
        middle_widget = QWidget(self)
        middle_widget.setObjectName("syncQueueAndSchedule")
        middle_widget.setLayout(middle)
        middle.setContentsMargins(0, 0, 0, 0)
        # Room for four kinds of record, at least two on a small screen; more scroll (about a dozen kinds in all).
        row, head = self.waiting_table.verticalHeader().defaultSectionSize(), self.waiting_table.horizontalHeader().sizeHint().height()
        self.waiting_table.setMinimumHeight(head + 2 * row + 4)
        self.waiting_table.setMaximumHeight(head + 4 * row + 4)
        # The open conflicts are what a clerk comes here to settle: they keep eight rows in sight, the
        # last runs share their place as a second tab, and the queue above gives way on a small screen.
        keep_rows_in_sight(self.conflicts_table)
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setObjectName("syncTabs")
        self.lower_tabs.addTab(conflicts_box, self.tr("Open c&onflicts"))
        self.lower_tabs.addTab(runs_box, self.tr("&Past runs"))
        conflicts_box.setTitle("")
        runs_box.setTitle("")
        middle_widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.result_label)
        layout.addWidget(middle_widget)
        layout.addWidget(self.lower_tabs, 1)

        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setObjectName("syncRefreshShortcut")
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)
        # Runs of the schedule or of other workstations show up without pressing F5.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("syncRefreshTimer")
        self.refresh_timer.setInterval(60_000)
        self.refresh_timer.timeout.connect(self._timed_refresh)
        self._shown_once = False
        self.refresh()
        # A change recorded anywhere in the application queues work for the portal; it, or a run, shows here at once.
        context.follow(self, lambda changes: queues_for_portal(changes) or changes.touches(Kind.SYNC), self.refresh)

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read everything again in the background; ``then`` runs once it is shown."""
        if then is not None:
            self._after_refresh.append(then)
        self._generation += 1
        generation = self._generation
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: load_overview(db, actor), lambda overview: self._show(overview, generation),
                               lambda error: self._refresh_failed(error, generation))

    def _timed_refresh(self) -> None:
        if self.isVisible() and self._handle is None:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_timer.start()
        if self._shown_once:
            self.refresh()
        self._shown_once = True

    def hideEvent(self, event) -> None:
        self.refresh_timer.stop()
        super().hideEvent(event)

    def _refresh_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        log_unexpected(error, "sync overview")
        self.last_sync_label.setText(self.tr("The sync overview cannot be read: %1").replace("%1", error_message(error)))
        self._done_refreshing()

    def _show(self, overview: SyncOverview, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh has begun
        self.overview = overview
        self._show_last_success(overview.last_success)
        self._show_runs(overview.runs)
        self._show_waiting(overview.waiting)
        self._show_conflicts(overview.conflicts)
        self._show_schedule(overview.schedule)
        self._done_refreshing()

    def _done_refreshing(self) -> None:
        callbacks, self._after_refresh = self._after_refresh, []
        self.loaded.emit()
        for callback in callbacks:
            callback()

    def _show_last_success(self, when: datetime | None) -> None:
        if when is None:
            self.last_sync_label.setText(self.tr("No successful sync yet: the portal may not show anything of the desk."))
            return
        minutes = max(0, int((now_utc() - when).total_seconds() // 60))
        if minutes < 1:
            ago = self.tr("just now")
        elif minutes < 120:
            ago = self.tr("%1 min ago").replace("%1", str(minutes))
        else:
            ago = self.tr("about %1 hours ago").replace("%1", str(round(minutes / 60)))
        self.last_sync_label.setText(self.tr("Last successful sync: %1 (%2)")
                                     .replace("%1", datetime_text(when, self.context.time_zone)).replace("%2", ago))

    def _show_runs(self, runs: list[RunLine]) -> None:
        self.runs = list(runs)
        zone = self.context.time_zone
        table = self.runs_table
        table.setRowCount(len(self.runs))
        for row, r in enumerate(self.runs):
            by = r.started_by or (self.tr("the schedule") if r.trigger is SyncTrigger.SCHEDULE else "—")
            values = [datetime_text(r.started_at, zone), kind_label(r.kind), trigger_label(r.trigger), by, r.student_number or "",
                      str(r.sent), str(r.received), str(r.conflicts),
                      self.tr("interrupted") if r.interrupted else result_label(r.result), r.error or ""]
            for column, value in enumerate(values):
                item = _item(value, right=column in RUN_COUNT_COLUMNS)
                if column == RUN_RESULT:
                    # Interrupted: the sync's one rule (desk.sync.interrupted), as `desk sync status` and `desk check` say.
                    item.setForeground(labels.PROBLEM_COLOUR if r.interrupted else _RESULT_COLOURS[r.result])
                if column == RUN_CONFLICTS and r.conflicts:
                    item.setForeground(labels.WAITING_COLOUR)
                if column == RUN_ERROR and r.error:
                    item.setToolTip(r.error)
                    item.setForeground(labels.PROBLEM_COLOUR)
                if column == RUN_STARTED and r.finished_at is not None:
                    item.setToolTip(self.tr("Finished %1").replace("%1", datetime_text(r.finished_at, zone)))
                table.setItem(row, column, item)
        _fit_columns(table)

    def _show_waiting(self, waiting: list[Waiting]) -> None:
        self.waiting = list(waiting)
        zone = self.context.time_zone
        table = self.waiting_table
        table.setRowCount(len(self.waiting))
        for row, w in enumerate(self.waiting):
            table.setItem(row, 0, _item(entity_label(w.entity)))
            table.setItem(row, 1, _item(str(w.count), right=True))
            table.setItem(row, 2, _item(datetime_text(w.oldest, zone)))
            table.item(row, 0).setToolTip(w.entity)
        _fit_columns(table)
        total = self.waiting_total_count
        if total == 0:
            self.waiting_total.setText(self.tr("Nothing is waiting: the portal has every change made at the desk."))
            self.waiting_total.setStyleSheet(f"color: {labels.OK_COLOUR.name()}")
        else:
            if total == 1:
                text = self.tr("One change is waiting to go out to the portal.")
            else:
                text = self.tr("%n changes are waiting to go out to the portal.", "", total)
            self.waiting_total.setText(text)
            self.waiting_total.setStyleSheet(f"color: {labels.WAITING_COLOUR.name()}; font-weight: 600")

    @property
    def waiting_total_count(self) -> int:
        return sum(w.count for w in self.waiting)

    def _show_conflicts(self, conflicts: list[ConflictLine]) -> None:
        selected = {c.id for c in self._selected_conflicts()}
        self.conflict_lines = list(conflicts)
        zone = self.context.time_zone
        table = self.conflicts_table
        table.setRowCount(len(self.conflict_lines))
        for row, c in enumerate(self.conflict_lines):
            values = [datetime_text(c.detected_at, zone), c.student_number or "", c.student_name or "", action_label(c.kind),
                      c.message]
            for column, value in enumerate(values):
                item = _item(value)
                if column == 4:
                    item.setToolTip(c.message)
                table.setItem(row, column, item)
        _fit_columns(table)
        if not self.conflict_lines:
            self.conflicts_intro.setText(self.tr("No open conflicts: every student action read from the portal was applied."))
        else:
            count = len(self.conflict_lines)
            if count == 1:
                text = self.tr("One student action no longer fitted when it was read. It is kept until a clerk settles it.")
            else:
                text = self.tr("%n student actions no longer fitted when they were read. Each is kept until a clerk settles it.",
                               "", count)
            self.conflicts_intro.setText(text)
        kept = [i for i, c in enumerate(self.conflict_lines) if c.id in selected] or ([0] if self.conflict_lines else [])
        table.clearSelection()
        for row in kept:
            table.selectionModel().select(table.model().index(row, 0), _SELECT_ROW)
        if kept:
            table.setCurrentCell(kept[0], 0, _SELECT_ROW)
        self._conflict_buttons()

    def _show_schedule(self, entries: list[ScheduledRun]) -> None:
        if not self.save_schedule_button.isEnabled() or not self.may_administer:
            # An administrator's unsaved edit is kept; otherwise the field shows what is saved.
            self.schedule_field.setText(sync.format_schedule(entries))
            self.schedule_field.setCursorPosition(0)
        coming = next_scheduled(entries, now_utc(), self.context.time_zone)
        if coming is None:
            self.next_run_label.setText(self.tr("No runs are scheduled: the portal gets changes only when someone syncs."))
        else:
            entry, tomorrow = coming
            text = self.tr("Next scheduled run: tomorrow at %1 (%2)") if tomorrow else self.tr("Next scheduled run: today at %1 (%2)")
            self.next_run_label.setText(text.replace("%1", f"{entry.at:%H:%M}").replace("%2", kind_label(entry.kind)))

    # --- conflicts ---------------------------------------------------------------------------

    def _selected_conflicts(self) -> list[ConflictLine]:
        lines = getattr(self, "conflict_lines", [])
        rows = sorted({index.row() for index in self.conflicts_table.selectionModel().selectedRows()})
        return [lines[row] for row in rows if row < len(lines)]

    def _conflict_buttons(self) -> None:
        # Several selected: on when any may be settled so; the others are refused, each with why, in the result.
        selected, actor = self._selected_conflicts(), self.context.actor
        self.enroll_button.setEnabled(any(may_settle(actor, line, True) for line in selected))
        self.dismiss_button.setEnabled(any(may_settle(actor, line, False) for line in selected))

    def enroll_over_limit(self) -> None:
        """The selected conflicts settled by enrolling their students over the limit (ui.views.conflict_settling)."""
        settle(self, self._selected_conflicts(), True)

    def dismiss(self) -> None:
        """The selected conflicts dismissed (ui.views.conflict_settling)."""
        settle(self, self._selected_conflicts(), False)

    # --- the schedule ------------------------------------------------------------------------

    def _schedule_edited(self) -> None:
        self.schedule_error.clear()
        self.save_schedule_button.setEnabled(self.may_administer)

    def save_schedule(self) -> None:
        if not self.may_administer:
            return
        db, actor, text = self.context.db, self.context.actor, self.schedule_field.text()
        self.save_schedule_button.setEnabled(False)
        self.schedule_error.clear()

        def saved(entries: list[ScheduledRun]) -> None:
            value = sync.format_schedule(entries)
            self.schedule_field.setText(value)
            self.schedule_field.setCursorPosition(0)
            self._show_schedule(entries)
            self.scheduleSaved.emit(value)

        def refused(_error: BaseException) -> None:
            self.save_schedule_button.setEnabled(True)

        self.context.operate(lambda: sync.set_schedule(UnitOfWork(db, actor), text), saved, refused, changes=Changes.of(sync=ALL),
                             show=self.schedule_error)

    # --- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._handle is not None

    def run(self, kind: SyncKind = SyncKind.INCREMENTAL) -> None:
        """Run a sync of ``kind`` in the background, with progress and a way to cancel."""
        if not self.may_run or self._handle is not None:
            return
        db, actor = self.context.db, self.context.actor
        self.sync_button.setEnabled(False)
        self.full_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first step reports
        self.progress_label.setText(self.tr("Starting a full sync…") if kind is SyncKind.FULL else self.tr("Starting the sync…"))
        self.progress_row.setVisible(True)
        self.result_label.setVisible(False)

        def work(handle):
            def progress(done: int, total: int, message: str) -> None:
                try:
                    handle.progress(done, total, message)
                except TaskCancelled:
                    pass  # the engine stops at its next check, keeping what it sent

            return sync.run_sync(UnitOfWork(db, actor), kind, progress=progress, is_cancelled=lambda: handle.cancelled)

        # A long job: a clerk's Save elsewhere does not wait for it.
        self._handle = self.context.operate(work, self._run_finished, self._run_failed, changes=SYNC_RUN, lane=Lane.LONG,
                                            on_progress=self._step, with_handle=True)

    def _step(self, done: int, total: int, message: str) -> None:
        if self._handle is None:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress_label.setText(message)

    def cancel(self) -> None:
        if self._handle is None:
            return
        self._handle.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling after the current batch…"))

    def _end_run(self) -> None:
        self._handle = None
        self.progress_row.setVisible(False)
        self.sync_button.setEnabled(self.may_run)
        self.full_button.setEnabled(self.may_run)

    def _run_finished(self, report: SyncReport) -> None:
        self._end_run()
        self.last_report = report
        self.result_label.setText(report_text(report))
        self.result_label.setToolTip(repair_details(report) if report.kind is SyncKind.FULL else "")
        colour = labels.WAITING_COLOUR if report.result is SyncResult.CANCELLED or report.conflicts else None
        self.result_label.setStyleSheet(f"color: {colour.name()}" if colour is not None else "")
        self.result_label.setVisible(True)
        self.refresh(then=lambda: self.finished.emit(report))

    def _run_failed(self, error: BaseException) -> None:
        self._end_run()
        message = error_message(error)
        self.result_label.setText(message)
        self.result_label.setToolTip("")
        self.result_label.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.result_label.setVisible(True)
        self.context.changes.announce(SYNC_RUN)  # what the batches sent before the failure stays sent
        self.refresh(then=lambda: self.failed.emit(message))


__all__ = ["SyncOverview", "SyncView", "load_overview", "report_text"]
