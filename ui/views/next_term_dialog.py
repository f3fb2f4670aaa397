"""Next term from this one: choose the source and target terms, preview what the copy creates, apply it with a reason."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import next_term
from desk.next_term import Kind, NextTermPlan, NextTermResult, Status
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.formats import datetime_text
from ui.dialogs import error_label
from ui.screen import fit_to_screen
from ui.tasks import Lane, TaskHandle

_STATUS_COLOURS = {Status.NEW: labels.OK_COLOUR, Status.EXISTS: labels.MUTED_COLOUR, Status.KEPT: labels.MUTED_COLOUR}


class NextTermDialog(QDialog):
    """The copy of a term's registrations, rounds, access rules, offer and class groups to a later term."""

    previewed = Signal(object)  # the plan shown (None when the preview was refused)
    applied = Signal(object)  # NextTermResult

    def __init__(self, context: AppContext, source_term_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.plan: NextTermPlan | None = None
        self.result: NextTermResult | None = None
        self._wanted_source = source_term_id
        self._generation = 0
        self._running: TaskHandle | None = None
        self._terms: list[tuple] = []
        self._note = ""  # what the last copy did, shown under the preview made after it
        self.setObjectName("nextTermDialog")
        self.setWindowTitle(self.tr("Next term from this one"))

        intro = QLabel(self.tr("Registrations with their rounds, access rules and courses, and class groups with their "
                               "limits, teachers and timetable are created in the target term. Students, enrollments, "
                               "grants, requests, tokens and payments are not copied."), self)
        intro.setWordWrap(True)
        intro.setObjectName("nextTermIntro")
        self.source = self._combo("nextTermSource", self.tr("Source term"))
        self.target = self._combo("nextTermTarget", self.tr("Target term"))
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("nextTermPreviewButton")
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("nextTermProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setVisible(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("nextTermSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("nextTermPreview")
        self.tree.setAccessibleName(self.tr("What the copy creates"))
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("In the target"), self.tr("Details")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 280)
        self.tree.setColumnWidth(1, 170)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("nextTermReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("why — kept with the change"))
        self.error = error_label(self, "nextTermError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("nextTermButtons")
        self.apply_button = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button.setObjectName("nextTermApplyButton")
        self.apply_button.setAccessibleName(self.tr("Apply"))
        self.apply_button.setAutoDefault(False)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        choose = QHBoxLayout()
        for text, combo in ((self.tr("&From:"), self.source), (self.tr("&To:"), self.target)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            choose.addWidget(label)
            choose.addWidget(combo, 1)
        choose.addWidget(self.preview_button)
        reason_row = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        reason_row.addRow(reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(900, 600))  # within 1366 x 768 with the window's frame and the task bar

        self.may_apply = context.actor.can(Permission.MANAGE_REGISTRATIONS)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.target.currentIndexChanged.connect(self._target_changed)
        self._load_terms()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    # --- the terms ---------------------------------------------------------------------------

    def _load_terms(self) -> None:
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: next_term.term_choices(UnitOfWork(db, actor)), self._show_terms, self._refused)

    def _show_terms(self, terms: list[tuple]) -> None:
        self._terms = terms
        for combo in (self.source, self.target):
            combo.blockSignals(True)
            combo.clear()
            for term_id, code, name, _starts, _ends in terms:
                combo.addItem(f"{code} — {name}", term_id)
            combo.blockSignals(False)
        if self._wanted_source is not None:
            self.source.setCurrentIndex(max(0, self.source.findData(self._wanted_source)))
        self._source_changed()

    def _target_changed(self) -> None:
        self._note = ""
        self.preview()

    def _source_changed(self) -> None:
        """The target offered first: the first term that starts after the source ends."""
        self._note = ""
        source_id = self.source.currentData()
        ends = next((t[4] for t in self._terms if t[0] == source_id), None)
        later = next((t[0] for t in self._terms if ends is not None and t[3] > ends), None)
        self.target.blockSignals(True)
        if later is not None:
            self.target.setCurrentIndex(self.target.findData(later))
        self.target.blockSignals(False)
        self.preview()

    # --- the preview -------------------------------------------------------------------------

    def preview(self) -> None:
        source_id, target_id = self.source.currentData(), self.target.currentData()
        if source_id is None or target_id is None:
            return
        if self._running is not None and not self._running.finished:
            self._running.cancel()
        self._generation += 1
        generation = self._generation
        self.plan = None
        self.apply_button.setEnabled(False)
        self.error.clear()
        self.summary.setText(self.tr("Looking at what the copy would create…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        db, actor = self.context.db, self.context.actor

        def work(handle: TaskHandle) -> NextTermPlan:
            return next_term.plan_next_term(UnitOfWork(db, actor), source_id, target_id, progress=handle.progress)

        self._running = self.context.tasks.run(
            work, lambda plan: self._show_plan(plan, generation), lambda error: self._refused(error, generation),
            on_progress=lambda done, total, _text: self._progressed(done, total, generation),
            lane=Lane.READ, with_handle=True,
        )

    def _progressed(self, done: int, total: int, generation: int) -> None:
        if generation == self._generation:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _refused(self, error: BaseException, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        from ui.tasks import Cancelled, log_unexpected, show_error

        if isinstance(error, Cancelled):
            return
        log_unexpected(error, "next term preview")
        self.progress.setVisible(False)
        self.tree.clear()
        self.summary.clear()
        show_error(error, self.error)
        self.previewed.emit(None)

    def _show_plan(self, plan: NextTermPlan, generation: int) -> None:
        if generation != self._generation:
            return  # a newer choice of terms was asked for meanwhile
        self.plan = plan
        self.progress.setVisible(False)
        counts = plan.counts()
        self.summary.setText(
            self.tr("%1 → %2, dates moved by whole days: %3. To create — registrations: %4, class groups: %5.")
            .replace("%1", plan.source_code).replace("%2", plan.target_code).replace("%3", str(plan.shift_days))
            .replace("%4", str(counts[Kind.REGISTRATION][Status.NEW]))
            .replace("%5", str(counts[Kind.CLASS_GROUP][Status.NEW]))
            + (f"\n{self._note}" if self._note else "")
        )
        self._fill_tree(plan, counts)
        if plan.problems:
            self.error.setText(self.tr("This copy cannot be applied:") + "\n" + "\n".join(plan.problems[:5]))
        self.apply_button.setEnabled(self.may_apply and plan.new_count > 0 and not plan.problems)
        self.previewed.emit(plan)

    def _status(self, status: Status) -> str:
        return {Status.NEW: self.tr("new"), Status.EXISTS: self.tr("exists"),
                Status.KEPT: self.tr("kept, nothing to copy")}[status]

    def _kind_title(self, kind: Kind) -> str:
        return {
            Kind.REGISTRATION: self.tr("Registrations"), Kind.ROUND: self.tr("Rounds"),
            Kind.ACCESS_RULE: self.tr("Access rules"), Kind.OFFERED_COURSE: self.tr("Courses offered"),
            Kind.CLASS_GROUP: self.tr("Class groups"), Kind.TOKEN_RULE: self.tr("Token allocation rules"),
        }[kind]

    def _fill_tree(self, plan: NextTermPlan, counts) -> None:
        zone = self.context.time_zone
        rows: dict[Kind, list[tuple[str, Status, str]]] = {kind: [] for kind in Kind}
        for r in plan.registrations:
            kind_text = labels.registration_kind(r.kind) + (f" ({r.token_type_code})" if r.token_type_code else "")
            rows[Kind.REGISTRATION].append((r.code, r.status, " · ".join(
                filter(None, [self.tr("from %1").replace("%1", r.source_code), r.unit_code, kind_text, r.problem]))))
            for item in r.rounds:
                rows[Kind.ROUND].append((f"{r.code}: {item.name}", item.status, " · ".join(filter(None, [
                    f"{datetime_text(item.starts_at, zone)} – {datetime_text(item.ends_at, zone)}",
                    labels.round_status(item.state), item.problem]))))
            for rule in r.rules:
                what = [rule.programme_code or "", labels.level(rule.level) if rule.level else "",
                        labels.mode(rule.mode) if rule.mode else "",
                        self.tr("stage %1").replace("%1", str(rule.stage)) if rule.stage else ""]
                rows[Kind.ACCESS_RULE].append((r.code, rule.status, " · ".join(filter(None, what)) or self.tr("everyone")))
            for course in r.courses:
                rows[Kind.OFFERED_COURSE].append((f"{r.code}: {course.course_code}", course.status, ""))
        for g in plan.groups:
            details = [self.tr("limit %1, lower limit %2").replace("%1", str(g.seat_limit)).replace("%2", str(g.lower_limit))]
            if g.teachers:
                details.append(", ".join(g.teachers))
            if g.description:
                details.append(g.description)
            details.extend(f"{QLocale().dayName(s.weekday, QLocale.FormatType.ShortFormat)} {s.starts_at:%H:%M}–{s.ends_at:%H:%M} {s.room or ''}".rstrip()
                           for s in g.slots)
            rows[Kind.CLASS_GROUP].append((f"{g.course_code} {labels.class_type(g.class_type)} {g.number}", g.status,
                                           " · ".join(details)))
        for t in plan.token_rules:
            what = [labels.level(t.level) if t.level else "", labels.mode(t.mode) if t.mode else "", str(t.amount)]
            rows[Kind.TOKEN_RULE].append((t.token_type_code, t.status, " · ".join(filter(None, what))))
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        for kind in Kind:
            by_status = counts[kind]
            shown = ", ".join(f"{by_status[status]} {self._status(status)}" for status in Status if by_status[status])
            top = QTreeWidgetItem([self._kind_title(kind), shown or self.tr("none"), ""])
            top.setData(0, Qt.ItemDataRole.UserRole, kind.value)
            top.addChildren([self._row(text, status, details) for text, status, details in rows[kind]])
            self.tree.addTopLevelItem(top)
        self.tree.setUpdatesEnabled(True)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _row(self, text: str, status: Status, details: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, self._status(status), details])
        item.setForeground(1, _STATUS_COLOURS[status])
        item.setToolTip(2, details)
        return item

    def done(self, result: int) -> None:
        """Closed: a preview still being made is no longer wanted."""
        if self._running is not None and not self._running.finished:
            self._running.cancel()
        super().done(result)

    # --- applying ----------------------------------------------------------------------------

    def apply(self) -> None:
        if self.plan is None:
            return
        plan, reason = self.plan, self.reason.text()
        db, actor = self.context.db, self.context.actor
        self.apply_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.error.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

        def done(result: NextTermResult) -> None:
            self.result = result
            self.preview_button.setEnabled(True)
            self.progress.setVisible(False)
            self._note = self.tr("Records copied: %1. The history shows the copy as one entry.").replace("%1", str(result.total))
            self.applied.emit(result)
            self.preview()  # everything copied now shows as there

        def failed(_error: BaseException) -> None:
            self.preview_button.setEnabled(True)
            self.progress.setVisible(False)
            self.apply_button.setEnabled(self.plan is not None and not self.plan.problems and self.plan.new_count > 0)

        self.context.operate(
            lambda: next_term.apply_next_term(UnitOfWork(db, actor), plan, reason), done, failed,
            changes=Changes.of(registration=ALL, group=ALL, outbox=ALL, history=ALL), lane=Lane.LONG, show=self.error,
        )
