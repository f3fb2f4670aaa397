"""Class groups and capacity: limits, counts and fill for a registration or a term; a group's members."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import enrollment, groups, registrations
from desk.clock import format_local
from desk.groups import GroupLine, GroupScope, MemberLine
from desk.staff import Permission
from ui import labels
from ui.context import AppContext
from ui.dialogs import ActionDialog, StudentPicker
from ui.models.group_table_model import (
    COURSE,
    ENROLLED,
    FILL,
    FREE,
    LIMIT,
    LOWER,
    NAME,
    NUMBER,
    TEACHERS,
    TIMETABLE,
    TYPE,
    FillRole,
    GroupTableModel,
)


class FillBarDelegate(QStyledItemDelegate):
    """Paints how full a group is; over 100% and full groups stand out."""

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        fill = index.data(FillRole) or 0.0
        rect: QRect = option.rect.adjusted(4, 6, -44, -6)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e0e0e0"))
        painter.drawRect(rect)
        colour = QColor("#b3261e") if fill > 1 else QColor("#1a73e8") if fill < 1 else QColor("#0b5394")
        painter.setBrush(colour)
        painter.drawRect(QRect(rect.left(), rect.top(), int(rect.width() * min(fill, 1.0)), rect.height()))
        painter.restore()

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class GroupsView(QWidget):
    """The capacity table of a registration or a term; limits edited one at a time or in bulk."""

    groupsLoaded = Signal(int)
    membersLoaded = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("groupsView")
        self._pending_term: int | None = None
        self._pending_registration: int | None = None
        self._keep_selection: list[int] = []
        self.members: list[MemberLine] = []

        self.term = QComboBox(self)
        self.term.setObjectName("groupsTermChooser")
        self.term.setAccessibleName(self.tr("Term"))
        self.term.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.term.setMinimumContentsLength(12)
        self.registration = QComboBox(self)
        self.registration.setObjectName("groupsRegistrationChooser")
        self.registration.setAccessibleName(self.tr("Registration"))
        self.registration.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.registration.setMinimumContentsLength(18)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("groupsFilter")
        self.filter.setAccessibleName(self.tr("Filter by course"))
        self.filter.setPlaceholderText(self.tr("Filter: course code or name"))
        self.filter.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("groupsSummary")

        self.model = GroupTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("groupsTable")
        self.table.setAccessibleName(self.tr("Class groups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COURSE, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setItemDelegateForColumn(FILL, FillBarDelegate(self.table))
        header = self.table.horizontalHeader()
        for column, width in ((COURSE, 150), (NAME, 240), (TYPE, 110), (NUMBER, 60), (LIMIT, 60), (LOWER, 90),
                              (ENROLLED, 80), (FREE, 60), (FILL, 130), (TEACHERS, 200), (TIMETABLE, 220)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)

        self.set_limit_button = self._button(self.tr("Set &limit…"), "setLimitButton", self.tr("Set the seat limit of the selected groups"), self.set_limit)
        self.lower_limit_button = self._button(self.tr("Lo&wer limit…"), "lowerLimitButton", self.tr("Set the lower limit of the group"), self.set_lower_limit)
        self.refresh_button = self._button(self.tr("&Refresh"), "refreshGroupsButton", self.tr("Refresh the groups"), self.reload)

        self.members_title = QLabel(self.tr("Select a group to see its students."), self)
        self.members_title.setObjectName("membersTitle")
        self.members_title.setWordWrap(True)
        self.members_table = QTableWidget(0, 6, self)
        self.members_table.setObjectName("membersTable")
        self.members_table.setAccessibleName(self.tr("Students in the group"))
        self.members_table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Student no."), self.tr("Surname"),
                                                       self.tr("First name"), self.tr("How"), self.tr("Since")])
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.members_table.verticalHeader().setDefaultSectionSize(24)
        self.members_table.horizontalHeader().setStretchLastSection(True)
        self.enroll_button = self._button(self.tr("&Enroll a student…"), "enrollButton", self.tr("Enroll a student in the group"), self.enroll)
        self.unenroll_button = self._button(self.tr("&Unenroll…"), "unenrollButton", self.tr("Take the selected student out of the group"), self.unenroll)
        self.move_button = self._button(self.tr("&Move to another group…"), "moveButton", self.tr("Move the selected student to another group"), self.move)
        may = context.actor.can(Permission.MANAGE_GROUPS)
        for button in (self.set_limit_button, self.lower_limit_button, self.enroll_button, self.unenroll_button, self.move_button):
            button.setEnabled(False)
            if not may:
                button.setToolTip(self.tr("Your role does not allow changing class groups."))

        choosers = QHBoxLayout()
        for label_text, widget in ((self.tr("&Term:"), self.term), (self.tr("Re&gistration:"), self.registration)):
            label = QLabel(label_text, self)
            label.setBuddy(widget)
            choosers.addWidget(label)
            choosers.addWidget(widget)
        choosers.addWidget(self.filter, 1)
        group_buttons = QHBoxLayout()
        group_buttons.addWidget(self.summary, 1)
        for button in (self.set_limit_button, self.lower_limit_button, self.refresh_button):
            group_buttons.addWidget(button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(group_buttons)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.members_title, 1)
        for button in (self.enroll_button, self.unenroll_button, self.move_button):
            member_buttons.addWidget(button)
        bottom_layout.addLayout(member_buttons)
        bottom_layout.addWidget(self.members_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("groupsSplitter")
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(choosers)
        layout.addWidget(splitter, 1)

        self.term.currentIndexChanged.connect(self._term_changed)
        self.registration.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter.textChanged.connect(self.model.set_filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self.members_table.setFocus())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.members_table, self.unenroll)
        self._load_terms()

    def _button(self, text: str, name: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    # --- scope -----------------------------------------------------------------------------

    def _load_terms(self) -> None:
        db = self.context.db
        self.context.tasks.run(lambda: (registrations.terms(db), registrations.current_term_ids(db)), self._show_terms, self._failed)

    def _show_terms(self, loaded) -> None:
        terms, current = loaded
        self.term.blockSignals(True)
        self.term.clear()
        for term in terms:
            self.term.addItem(f"{term.code} — {term.name}", term.id)
        wanted = self._pending_term or (current[0] if current else None)
        index = self.term.findData(wanted)
        self.term.setCurrentIndex(index if index >= 0 else 0)
        self.term.blockSignals(False)
        self._term_changed()

    def _term_changed(self) -> None:
        term_id = self.term.currentData()
        if term_id is None:
            return
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: registrations.list_registrations(db, actor, term_id=term_id), self._show_registrations, self._failed)

    def _show_registrations(self, lines) -> None:
        self.registration.blockSignals(True)
        self.registration.clear()
        self.registration.addItem(self.tr("All groups of the term"), None)
        for line in lines:
            self.registration.addItem(f"{line.code} — {line.name}", line.id)
        index = self.registration.findData(self._pending_registration) if self._pending_registration else 0
        self.registration.setCurrentIndex(max(index, 0))
        self._pending_registration = None
        self.registration.blockSignals(False)
        self.reload()

    def set_term(self, term_id: int) -> None:
        self._pending_term = term_id
        index = self.term.findData(term_id)
        if index >= 0:
            self.term.setCurrentIndex(index)

    def set_registration(self, registration_id: int, term_id: int | None = None) -> None:
        """Show the groups a registration offers (switching to its term when given)."""
        self._pending_registration = registration_id
        if term_id is not None and self.term.currentData() != term_id:
            self.set_term(term_id)
            return
        index = self.registration.findData(registration_id)
        if index >= 0:
            self._pending_registration = None
            if self.registration.currentIndex() == index:
                self.reload()
            else:
                self.registration.setCurrentIndex(index)

    def scope(self) -> GroupScope | None:
        registration_id = self.registration.currentData()
        if registration_id is not None:
            return GroupScope(registration_id=registration_id)
        term_id = self.term.currentData()
        return GroupScope(term_id=term_id) if term_id is not None else None

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        scope = self.scope()
        if scope is None:
            return
        self._keep_selection = [g.id for g in self.selected_groups()] or self._keep_selection
        db, actor = self.context.db, self.context.actor
        self.summary.setText(self.tr("Loading…"))
        self.context.tasks.run(lambda: groups.list_groups(db, actor, scope), self._show_groups, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))
        self.groupsLoaded.emit(0)

    def _show_groups(self, lines: list[GroupLine]) -> None:
        self.model.set_groups(lines)
        seats = sum(g.seat_limit for g in lines)
        enrolled = sum(g.enrolled for g in lines)
        at_risk = sum(1 for g in lines if g.below_lower_limit)
        full = sum(1 for g in lines if g.free == 0)
        self.summary.setText(
            self.tr("%1 groups · %2 seats · %3 enrolled · %4 full · %5 below the lower limit")
            .replace("%1", str(len(lines))).replace("%2", str(seats)).replace("%3", str(enrolled))
            .replace("%4", str(full)).replace("%5", str(at_risk))
        )
        selection = self.table.selectionModel()
        for group_id in self._keep_selection:
            row = self.model.row_of(group_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))
        if not self.selected_groups():
            self._show_members(None, [])
        self._selection_changed()
        self.groupsLoaded.emit(len(lines))

    def selected_groups(self) -> list[GroupLine]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.group_at(row) for row in rows if row < self.model.rowCount()]

    def select_group(self, group_id: int) -> None:
        row = self.model.row_of(group_id)
        if row >= 0:
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        selected = self.selected_groups()
        may = self.context.actor.can(Permission.MANAGE_GROUPS)
        self.set_limit_button.setEnabled(may and bool(selected))
        self.lower_limit_button.setEnabled(may and len(selected) == 1)
        self.enroll_button.setEnabled(may and len(selected) == 1)
        if len(selected) == 1:
            self._keep_selection = [selected[0].id]
            self._load_members(selected[0])
        else:
            self._show_members(None, [])

    def _load_members(self, group: GroupLine) -> None:
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: groups.members(db, actor, group.id), lambda members: self._show_members(group, members),
                               self._failed)

    def _show_members(self, group: GroupLine | None, members: list[MemberLine]) -> None:
        if group is not None and self.selected_groups()[:1] and self.selected_groups()[0].id != group.id:
            return  # the clerk has moved on to another group meanwhile
        self.members = members
        self.current_group = group
        if group is None:
            self.members_title.setText(self.tr("Select one group to see its students."))
        else:
            self.members_title.setText(
                self.tr("Students in %1 (%2 of %3)").replace("%1", group.label).replace("%2", str(group.enrolled))
                .replace("%3", str(group.seat_limit))
            )
        self.members_table.setRowCount(len(members))
        for row, m in enumerate(members):
            how = labels.enrollment_source(m.source) + (" · " + self.tr("over the limit") if m.over_limit else "")
            values = [str(row + 1), m.student_number, m.last_name, m.first_name, how,
                      format_local(m.enrolled_at, self.context.time_zone)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if m.reason:
                    item.setToolTip(m.reason)
                self.members_table.setItem(row, column, item)
        self.members_table.resizeColumnsToContents()
        may = self.context.actor.can(Permission.MANAGE_GROUPS)
        self.unenroll_button.setEnabled(may and bool(members))
        self.move_button.setEnabled(may and bool(members))
        if members:
            self.members_table.selectRow(0)
        self.membersLoaded.emit(len(members))

    def selected_member(self) -> MemberLine | None:
        row = self.members_table.currentRow()
        return self.members[row] if 0 <= row < len(self.members) else None

    # --- actions ---------------------------------------------------------------------------

    def _after_change(self, _result=None) -> None:
        self.reload()

    def set_limit(self) -> None:
        selected = self.selected_groups()
        if not selected:
            return
        dialog = SetLimitDialog(self.context, selected, self)
        dialog.succeeded.connect(self._after_change)
        dialog.open()
        self.last_dialog = dialog

    def set_lower_limit(self) -> None:
        selected = self.selected_groups()
        if len(selected) != 1:
            return
        group = selected[0]
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(
            self.context, self.tr("Lower limit — %1").replace("%1", group.label),
            self.tr("Below this number of students the group does not run; it is flagged in the table."),
            self.tr("&Save"), "lowerLimitDialog",
            lambda v: groups.set_lower_limit(db, actor, group.id, v[0], reason=v[1]), self,
        )
        spin = QSpinBox(dialog)
        spin.setObjectName("lowerLimitField")
        spin.setAccessibleName(self.tr("Lower limit"))
        spin.setRange(0, 100_000)
        spin.setValue(group.lower_limit)
        dialog.form.addRow(self.tr("&Lower limit:"), spin)
        dialog.finish_form()
        dialog.values = lambda: (spin.value(), dialog.reason.text())
        dialog.succeeded.connect(self._after_change)
        dialog.open()
        self.last_dialog = dialog

    def enroll(self) -> None:
        selected = self.selected_groups()
        if len(selected) != 1:
            return
        dialog = EnrollDialog(self.context, selected[0], self)
        dialog.succeeded.connect(self._after_change)
        dialog.open()
        self.last_dialog = dialog

    def unenroll(self) -> None:
        member = self.selected_member()
        group = getattr(self, "current_group", None)
        if member is None or group is None or not self.unenroll_button.isEnabled():
            return
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(
            self.context, self.tr("Unenroll — %1").replace("%1", group.label),
            self.tr("Take %1 %2 (%3) out of %4? The place is free again at once.")
            .replace("%1", member.first_name).replace("%2", member.last_name).replace("%3", member.student_number)
            .replace("%4", group.label),
            self.tr("&Unenroll"), "unenrollDialog",
            lambda reason: enrollment.unenroll(db, actor, member.enrollment_id, reason=reason), self,
        )
        dialog.finish_form()
        dialog.succeeded.connect(self._after_change)
        dialog.open()
        self.last_dialog = dialog

    def move(self) -> None:
        member = self.selected_member()
        group = getattr(self, "current_group", None)
        if member is None or group is None:
            return
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: groups.sibling_groups(db, actor, group.id),
                               lambda siblings: self._open_move(member, group, siblings), self._failed)

    def _open_move(self, member: MemberLine, group: GroupLine, siblings: list[GroupLine]) -> None:
        if not siblings:
            QMessageBox.information(self, self.tr("Move"), self.tr("The course has no other group in this term."))
            return
        dialog = MoveDialog(self.context, member, group, siblings, self)
        dialog.succeeded.connect(self._after_change)
        dialog.open()
        self.last_dialog = dialog


class SetLimitDialog(ActionDialog):
    """Set the selected groups' limit to a value, or change it by +N / −N: all or nothing."""

    def __init__(self, context: AppContext, selected: list[GroupLine], parent: QWidget | None = None):
        db, actor = context.db, context.actor
        ids = [g.id for g in selected]
        names = ", ".join(g.label for g in selected[:4]) + (" …" if len(selected) > 4 else "")
        super().__init__(
            context, "", "", "", "setLimitDialog",
            lambda v: groups.set_seat_limits(db, actor, ids, value=v[1] if v[0] == "value" else None,
                                             delta=v[1] if v[0] == "delta" else None, reason=v[2]),
            parent,
        )
        self.set_texts(
            self.tr("Seat limit — %1 group(s)").replace("%1", str(len(selected))),
            self.tr("Groups: %1. A limit is never set below the students already in a group.").replace("%1", names),
            self.tr("&Apply"),
        )
        self.to_value = QRadioButton(self.tr("Set &to"), self)
        self.to_value.setObjectName("limitToValue")
        self.by_delta = QRadioButton(self.tr("Change &by"), self)
        self.by_delta.setObjectName("limitByDelta")
        self.value = QSpinBox(self)
        self.value.setObjectName("limitValueField")
        self.value.setAccessibleName(self.tr("New limit"))
        self.value.setRange(0, 100_000)
        self.value.setValue(selected[0].seat_limit)
        self.delta = QSpinBox(self)
        self.delta.setObjectName("limitDeltaField")
        self.delta.setAccessibleName(self.tr("Change of the limit"))
        self.delta.setRange(-100_000, 100_000)
        self.delta.setPrefix("±")
        self.delta.setValue(5)
        self.to_value.setChecked(len(selected) == 1)
        self.by_delta.setChecked(len(selected) > 1)
        self.to_value.toggled.connect(self._sync)
        self._sync()
        self.form.addRow(self.to_value, self.value)
        self.form.addRow(self.by_delta, self.delta)
        self.finish_form()

    def _sync(self) -> None:
        self.value.setEnabled(self.to_value.isChecked())
        self.delta.setEnabled(not self.to_value.isChecked())

    def values(self):
        if self.to_value.isChecked():
            return ("value", self.value.value(), self.reason.text())
        return ("delta", self.delta.value(), self.reason.text())


class EnrollDialog(ActionDialog):
    """Find a student and enroll them; over the limit only with the box ticked (recorded as an override)."""

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(
            context, "", "", "", "enrollDialog",
            lambda v: enrollment.enroll(db, actor, v[0], group.id, reason=v[2], over_limit=v[1]), parent,
        )
        self.set_texts(
            self.tr("Enroll in %1").replace("%1", group.label),
            self.tr("%1 of %2 places taken.").replace("%1", str(group.enrolled)).replace("%2", str(group.seat_limit)),
            self.tr("&Enroll"),
        )
        self.picker = StudentPicker(context, self)
        self.over_limit = QCheckBox(self.tr("Enroll &over the limit (a recorded override)"), self)
        self.over_limit.setObjectName("overLimitBox")
        self.over_limit.setAccessibleName(self.tr("Enroll over the limit"))
        self.over_limit.setEnabled(group.free == 0)
        if group.free:
            self.over_limit.setToolTip(self.tr("The group has free places."))
        self.form.addRow(self.tr("&Student:"), self.picker)
        self.form.addRow("", self.over_limit)
        self.finish_form()
        self.resize(620, 420)

    def values(self):
        student_id = self.picker.student_id
        if student_id is None:
            raise ValueError(self.tr("Find and choose the student first."))
        return (student_id, self.over_limit.isChecked(), self.reason.text())


class MoveDialog(ActionDialog):
    """Move a student to another group of the course: both steps or neither."""

    def __init__(self, context: AppContext, member: MemberLine, group: GroupLine, siblings: list[GroupLine],
                 parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(
            context, "", "", "", "moveDialog",
            lambda v: enrollment.move(db, actor, member.enrollment_id, v[0], reason=v[2], over_limit=v[1]), parent,
        )
        self.set_texts(
            self.tr("Move %1 %2").replace("%1", member.first_name).replace("%2", member.last_name),
            self.tr("From %1 to another group of the course, in one step.").replace("%1", group.label),
            self.tr("&Move"),
        )
        self.target = QComboBox(self)
        self.target.setObjectName("moveTargetChooser")
        self.target.setAccessibleName(self.tr("Target group"))
        for sibling in siblings:
            self.target.addItem(
                self.tr("%1 — %2 of %3, %4 free").replace("%1", sibling.label).replace("%2", str(sibling.enrolled))
                .replace("%3", str(sibling.seat_limit)).replace("%4", str(sibling.free)),
                sibling.id,
            )
        self.siblings = siblings
        self.over_limit = QCheckBox(self.tr("Even if the group is &full (a recorded override)"), self)
        self.over_limit.setObjectName("moveOverLimitBox")
        self.over_limit.setAccessibleName(self.tr("Move over the limit"))
        self.form.addRow(self.tr("&To group:"), self.target)
        self.form.addRow("", self.over_limit)
        self.finish_form()

    def values(self):
        return (self.target.currentData(), self.over_limit.isChecked(), self.reason.text())
