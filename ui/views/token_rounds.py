"""A token round at a glance: its breaks, requests by status and per group, and "resolve now" with progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import registrations, token_rounds
from desk.clock import now_utc
from desk.model import RegistrationKind, RequestAction, RequestStatus
from desk.staff import Permission
from desk.token_rounds import GroupRequests, RequestCounts, ResolutionResult
from ui import labels
from ui.changes import TOKEN_ROUND, Kind
from ui.context import AppContext
from ui.formats import datetime_text
from ui.tables import install_table_tools
from ui.tasks import Lane
from desk.unit_of_work import UnitOfWork


def request_status(status: RequestStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        RequestStatus.PENDING: QCoreApplication.translate("Labels", "waiting"),
        RequestStatus.ACCEPTED: QCoreApplication.translate("Labels", "accepted"),
        RequestStatus.REFUSED: QCoreApplication.translate("Labels", "refused"),
        RequestStatus.REFUSED_PERMANENTLY: QCoreApplication.translate("Labels", "refused permanently"),
        RequestStatus.WITHDRAWN: QCoreApplication.translate("Labels", "withdrawn"),
    }[status]


class TokenRoundView(QWidget):
    loaded = Signal()
    resolved = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("tokenRoundView")
        self.lines = []
        self.registration = QComboBox(self)
        self.registration.setObjectName("tokenRegistrationChooser")
        self.registration.setAccessibleName(self.tr("Token registration"))
        self.registration.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.registration.setMinimumContentsLength(30)
        self.rounds = QLabel(self)
        self.rounds.setObjectName("tokenRoundTimes")
        self.rounds.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("tokenRequestCounts")
        self.counts.setProperty("role", "title")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("tokenRequestsByGroup")
        self.table.setAccessibleName(self.tr("Requests per group"))
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Limit"), self.tr("Enrolled"), self.tr("Waiting"),
                                              self.tr("Accepted"), self.tr("Refused")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QComboBox(self)
        self.status.setObjectName("tokenRequestStatusFilter")
        self.status.setAccessibleName(self.tr("Requests with status"))
        self.status.addItem(self.tr("every status"), None)
        for status in RequestStatus:
            self.status.addItem(request_status(status), status)
        self.status.setCurrentIndex(1)
        self.requests = QTableWidget(0, 7, self)
        self.requests.setObjectName("tokenRequests")
        self.requests.setAccessibleName(self.tr("Requests in the order submitted"))
        self.requests.setHorizontalHeaderLabels([self.tr("Submitted"), self.tr("Student no."), self.tr("Name"), self.tr("Group"),
                                                 self.tr("Request"), self.tr("Status"), self.tr("Why")])
        self.requests.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requests.verticalHeader().setVisible(False)
        self.requests.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.requests.verticalHeader().setDefaultSectionSize(24)
        self.requests.horizontalHeader().setStretchLastSection(True)
        install_table_tools(self.table)
        install_table_tools(self.requests, student_number=1)
        self.request_lines = []
        self.resolve_button = QPushButton(self.tr("&Resolve now"), self)
        self.resolve_button.setObjectName("resolveNowButton")
        self.resolve_button.setAccessibleName(self.tr("Resolve the pending requests now"))
        self.resolve_button.setToolTip(self.tr("Carries out every pending request submitted so far, in the order submitted."))
        self.resolve_button.clicked.connect(self.resolve_now)
        self.resolve_button.setEnabled(False)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Registration:"), self)
        label.setBuddy(self.registration)
        top.addWidget(label)
        top.addWidget(self.registration, 1)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.rounds)
        layout.addWidget(self.counts)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("tokenRoundSplitter")
        splitter.addWidget(self.table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        status_label = QLabel(self.tr("Requests, in the order submitted, &with status:"), self)
        status_label.setBuddy(self.status)
        filter_row.addWidget(status_label)
        filter_row.addWidget(self.status)
        filter_row.addStretch(1)
        lower_layout.addLayout(filter_row)
        lower_layout.addWidget(self.requests, 1)
        splitter.addWidget(lower)
        layout.addWidget(splitter, 1)
        self.registration.currentIndexChanged.connect(lambda _i: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        # Requests carried out at a break, read back by a sync, or a balance corrected: the counts change.
        context.follow(self, lambda changes: any(changes.touches(kind) for kind in (Kind.REGISTRATION, Kind.TOKENS, Kind.SYNC)),
                       self.reload)
        db, actor = context.db, context.actor
        context.tasks.run(lambda: [line for line in registrations.list_registrations(UnitOfWork(db, actor)) if line.kind is RegistrationKind.TOKEN],
                          self._show_registrations, lambda error: self.counts.setText(str(error)))

    def _show_registrations(self, lines) -> None:
        self.lines = lines
        self.registration.blockSignals(True)
        for line in lines:
            self.registration.addItem(f"{line.code} — {line.name} ({labels.round_status(line.state)})", line.id)
        active = next((i for i, line in enumerate(lines) if line.state is not None and line.state.value == "active"), 0)
        self.registration.setCurrentIndex(active)
        self.registration.blockSignals(False)
        self.reload()

    def select_registration(self, registration_id: int) -> None:
        index = self.registration.findData(registration_id)
        if index >= 0:
            if index == self.registration.currentIndex():
                self.reload()
            else:
                self.registration.setCurrentIndex(index)

    def reload(self) -> None:
        registration_id = self.registration.currentData()
        if registration_id is None:
            self.counts.setText(self.tr("No token registrations."))
            self.loaded.emit()
            return
        db, actor = self.context.db, self.context.actor
        status = self.status.currentData()
        status = RequestStatus(status) if status else None
        self.context.tasks.run(
            lambda: (*token_rounds.request_counts(UnitOfWork(db, actor), registration_id),
                     token_rounds.requests_of(UnitOfWork(db, actor), registration_id, status=status)),
            lambda loaded: self._show(registration_id, *loaded), lambda error: self.counts.setText(str(error)),
        )

    def _show(self, registration_id: int, counts: RequestCounts, groups: list[GroupRequests], requests=()) -> None:
        zone = self.context.time_zone
        self.request_lines = list(requests)
        self.requests.setRowCount(len(self.request_lines))
        for row, r in enumerate(self.request_lines):
            action = self.tr("register") if r.action is RequestAction.REGISTER else self.tr("unregister")
            if r.payment_accepted and r.action is RequestAction.REGISTER:
                action += " · " + self.tr("will pay")
            for column, value in enumerate([datetime_text(r.submitted_at, zone), r.student_number, r.student_name, r.group_label,
                                            action, request_status(r.status), r.resolution_reason or ""]):
                self.requests.setItem(row, column, QTableWidgetItem(value))
        self.requests.resizeColumnsToContents()
        line = next((l for l in self.lines if l.id == registration_id), None)
        zone = self.context.time_zone
        texts = []
        if line is not None:
            for r in line.rounds:
                text = self.tr("%1: %2 – %3, %4; micro-rounds of %5 min with %6 min breaks").replace("%1", r.name) \
                    .replace("%2", datetime_text(r.starts_at, zone)).replace("%3", datetime_text(r.ends_at, zone)) \
                    .replace("%4", labels.round_status(r.state)).replace("%5", str(r.micro_round_minutes or "–")) \
                    .replace("%6", str(r.micro_break_minutes or "–"))
                texts.append(text)
            nxt = self._next_break(line)
            if nxt is not None:
                texts.append(self.tr("Next break, when requests are carried out: %1").replace("%1", datetime_text(nxt, zone)))
        self.rounds.setText("\n".join(texts))
        self.counts.setText(
            self.tr("Waiting %1 · accepted %2 · refused %3 · refused permanently %4 · withdrawn %5")
            .replace("%1", str(counts.pending)).replace("%2", str(counts.accepted)).replace("%3", str(counts.refused))
            .replace("%4", str(counts.refused_permanently)).replace("%5", str(counts.withdrawn))
        )
        self.table.setRowCount(len(groups))
        for row, g in enumerate(groups):
            for column, value in enumerate([g.label, str(g.seat_limit), str(g.enrolled), str(g.pending), str(g.accepted), str(g.refused)]):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.resolve_button.setEnabled(counts.pending > 0 and self.context.actor.can(Permission.MANAGE_REGISTRATIONS))
        self.loaded.emit()

    def _next_break(self, line):
        from datetime import timedelta

        now = now_utc()
        for r in line.rounds:
            if r.starts_at <= now < r.ends_at and r.micro_round_minutes and r.micro_break_minutes:
                cycle = timedelta(minutes=r.micro_round_minutes + r.micro_break_minutes)
                moment = r.starts_at + timedelta(minutes=r.micro_round_minutes)
                while moment <= now:
                    moment += cycle
                return min(moment, r.ends_at)
        return None

    def resolve_now(self) -> None:
        registration_id = self.registration.currentData()
        if registration_id is None:
            return
        db, actor = self.context.db, self.context.actor
        progress = QProgressDialog(self.tr("Carrying out the requests in the order submitted…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("resolveProgress")
        progress.setWindowTitle(self.tr("Resolve now"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.resolve_button.setEnabled(False)

        def work(handle):
            return token_rounds.resolve_now(UnitOfWork(db, actor), registration_id,
                                            progress=lambda done, total: handle.progress(done, total))

        def step(done: int, total: int, _message: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(result: ResolutionResult) -> None:
            progress.close()
            self.last_result = result
            self.reload()
            self.resolved.emit(result)

        def failed(_error: BaseException) -> None:
            progress.close()
            self.resolve_button.setEnabled(True)

        # A long job: a clerk's Save elsewhere does not wait for it.
        handle = self.context.operate(work, finished, failed, changes=TOKEN_ROUND, lane=Lane.LONG, show=self,
                                      title=self.tr("Resolve now"), on_progress=step, with_handle=True)
        progress.canceled.connect(handle.cancel)
