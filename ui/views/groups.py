"""Class groups and capacity: limits, counts and fill of a registration's or a term's groups; a group's students.

Long because the view holds one table and its three panes (filters, members, limits) that act on the
same selection; its dialogs live in ui.views.group_dialogs, ui.views.share_dialogs (dedicated seats),
ui.views.closure_dialogs (closing a group), ui.views.waiting_list_dialog and ui.views.teaching_dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import groups, registrations
from desk.errors import DomainError
from desk.groups import GroupLine, GroupScope, MemberLine
from desk.registrations import Choice, RegistrationLine
from desk.staff import Permission
from ui import labels, theme
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.formats import FilterCombo, datetime_text
from ui.dialogs import ActionDialog
from ui.views.group_dialogs import (
    EnrollDialog,
    LowerLimitDialog,
    SetLimitDialog,
    group_label,
)
from ui.views.closure_dialogs import CloseGroupDialog, ReopenGroupDialog
from ui.views.group_members import GroupMemberActions
from ui.views.share_dialogs import SharesDialog
from ui.views.waiting_list_dialog import WaitingListDialog
from ui.views.teaching_dialogs import GroupOfferActions
from ui.print_roster import ClassListActions
from ui.tables import install_table_tools
from ui.models.group_table_model import (
    COURSE,
    DEDICATED,
    Capacity,
    capacity_label,
    FILL,
    NAME,
    TEACHERS,
    TIMETABLE,
    TYPE,
    AtRiskRole,
    ClosedRole,
    FillRole,
    GroupTableModel,
)
from desk.unit_of_work import UnitOfWork

# The fill bar's colours follow the theme (updated in place when it changes).
BAR_TRACK = theme.live("bar_track")
BAR_NORMAL = theme.live("bar_normal")
BAR_FULL = theme.live("bar_full")
BAR_OVER = theme.live("bar_over")
BAR_AT_RISK = theme.live("bar_at_risk")


_ADD_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class FillBarDelegate(QStyledItemDelegate):
    """Paints how full a group is as a bar with the percentage beside it.

    Blue while places remain, dark blue when full, red when enrolled over the limit, orange
    while below the lower limit (the row's tooltip says the same in words).
    """

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # background, selection, focus
        if index.data(ClosedRole):  # no bar: it takes no one; the word says so
            painter.save()
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            painter.setPen(opt.palette.highlightedText().color() if selected else labels.MUTED_COLOUR)
            painter.drawText(opt.rect.adjusted(6, 0, -6, 0), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             text)
            painter.restore()
            return

        fill = float(index.data(FillRole) or 0.0)
        metrics = opt.fontMetrics
        text_width = metrics.horizontalAdvance("100%") + 6
        area = opt.rect.adjusted(6, 0, -6, 0)
        bar_height = max(6, min(10, area.height() - 10))
        bar = QRect(area.left(), area.center().y() - bar_height // 2 + 1, max(10, area.width() - text_width - 6), bar_height)
        if fill > 1:
            colour = BAR_OVER
        elif index.data(AtRiskRole):
            colour = BAR_AT_RISK
        elif fill >= 1:
            colour = BAR_FULL
        else:
            colour = BAR_NORMAL
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR_TRACK)
        painter.drawRect(bar)
        painter.setBrush(colour)
        painter.drawRect(QRect(bar.left(), bar.top(), round(bar.width() * min(fill, 1.0)), bar.height()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        text_rect = QRect(bar.right() + 4, area.top(), area.right() - bar.right() - 4, area.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


class GroupsView(QWidget):
    """The capacity table of a registration or a term, the students of the selected group, and changes to both.

    ``groupsLoaded(n)`` follows each load of the table (n groups, -1 when the load failed and the
    message is shown); ``membersLoaded(n)`` each load of a group's students.
    """

    groupsLoaded = Signal(int)
    membersLoaded = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("groupsView")
        self.may_change = context.actor.can(Permission.MANAGE_GROUPS)
        self.members: list[MemberLine] = []
        self.current_group: GroupLine | None = None
        self.last_dialog: QWidget | None = None
        self.last_message: QMessageBox | None = None
        self._terms_loaded = False
        self._registrations_loading = False
        self._pending_term: int | None = None
        self._pending_registration: int | None = None
        self._looked_up: set[int] = set()
        self._generation = {"registrations": 0, "groups": 0, "members": 0}
        self._first_when_loaded = False  # Down in the filter before the groups came (see _into_list)
        self._when_loaded: list = []  # a group's action asked for meanwhile: done for the first one when they come
        self._restoring = False
        self._reset_selection: list[int] = []
        self._members_of: int | None = None
        self._keep_member: tuple[frozenset[int], int] = (frozenset(), 0)  # the selected students' ids, the current row
        self._filling_members = False
        self._sized_for: GroupScope | None = None

        # --- scope -------------------------------------------------------------------------
        # Sized by a typical entry, not the longest, so the view fits a small window; a long one ends in "…".
        self.term = FilterCombo(self, least=8)
        self.term.setObjectName("groupsTermChooser")
        self.term.setAccessibleName(self.tr("Term"))
        self.registration = FilterCombo(self, least=12)
        self.registration.setObjectName("groupsRegistrationChooser")
        self.registration.setAccessibleName(self.tr("Registration"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("groupsFilter")
        self.filter.setAccessibleName(self.tr("Filter by course"))
        self.filter.setPlaceholderText(self.tr("Filter: course code or name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaxLength(100)
        self.filter.setMinimumWidth(self.filter.sizeHint().width())  # room for a course code as typed, at 125% too
        self.capacity = QComboBox(self)
        self.capacity.setObjectName("groupsCapacityFilter")
        self.capacity.setAccessibleName(self.tr("Show groups by how full they are"))
        for capacity in Capacity:
            self.capacity.addItem(capacity_label(capacity), capacity)

        # --- groups ------------------------------------------------------------------------
        self.model = GroupTableModel(self)
        self.model.time_zone = context.time_zone
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
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setItemDelegateForColumn(FILL, FillBarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # The course name takes what is left (elided, whole in its tooltip): the numbers, the
        # teachers and the timetable stay readable on a 1280-pixel screen.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("00") + 16)
        self._default_widths()
        self.table.setColumnHidden(DEDICATED, True)  # until a group with dedicated seats is loaded

        self.summary = QLabel(self)
        self.summary.setObjectName("groupsSummary")
        self.summary.setAccessibleName(self.tr("Summary of the groups"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)  # wraps in a narrow window rather than widening it
        self.set_limit_button = self._button(self.tr("Set &limit…"), "setLimitButton",
                                             self.tr("Set the seat limit of the selected groups"), self.set_limit)
        self.lower_limit_button = self._button(self.tr("Lo&wer limit…"), "lowerLimitButton",
                                               self.tr("Set the lower limit of the group"), self.set_lower_limit)
        self.shares_button = self._button(self.tr("&Dedicated seats…"), "sharesButton",
                                          self.tr("Seats of the group dedicated to some students"), self.dedicated_seats)
        self.shares_button.setToolTip(self.tr("Dedicate seats of the group to some students, release or remove them"))
        self.shares_dialog: SharesDialog | None = None
        # One button, two words: a closed group is opened again, any other closed (with a preview first).
        self.close_button = self._button(self.tr("Close th&is group…"), "closeGroupButton",
                                         self.tr("Close the selected group"), self.close_or_reopen)
        self.close_button.setToolTip(self.tr("Move the group's students to the other groups of the course, then take "
                                             "no one (a preview first)"))
        self.waiting_button = self._button(self.tr("Waiti&ng list…"), "waitingListButton",
                                           self.tr("The waiting list of the selected group"), self.waiting_list)
        self.waiting_button.setToolTip(self.tr("The group's waiting list: who waits for a seat, in order"))
        self.waiting_dialog: WaitingListDialog | None = None
        self.refresh_button = self._button(self.tr("Refre&sh"), "refreshGroupsButton", self.tr("Refresh the groups"), self.reload)
        self.refresh_button.setToolTip(self.tr("Load the groups again (F5)"))

        # --- members -----------------------------------------------------------------------
        self.members_title = QLabel(self.tr("Select one group to see its students."), self)
        self.members_title.setObjectName("membersTitle")
        self.members_title.setAccessibleName(self.tr("Selected group"))
        self.members_title.setWordWrap(True)
        self.members_table = QTableWidget(0, 7, self)
        self.members_table.setObjectName("membersTable")
        self.members_table.setAccessibleName(self.tr("Students in the group"))
        self.members_table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Student no."), self.tr("Surname"), self.tr("First name"), self.tr("How"),
            self.tr("Since"), self.tr("Reason"),
        ])
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several students (Shift/Ctrl+click, Ctrl+A) are moved or unenrolled at once (ui.views.group_members).
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_table.setWordWrap(False)
        self.members_table.verticalHeader().setVisible(False)
        self.members_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.members_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        members_header = self.members_table.horizontalHeader()
        members_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a group is small
        members_header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.members_table.horizontalHeader().setHighlightSections(False)
        self.enroll_button = self._button(self.tr("&Enroll student…"), "enrollButton",
                                          self.tr("Enroll a student in the group"), self.enroll)
        self.unenroll_button = self._button(self.tr("&Unenroll…"), "unenrollButton",
                                            self.tr("Take the selected student out of the group"), self.unenroll)
        self.unenroll_button.setToolTip(self.tr("Take the selected student out of the group (Delete)"))
        self.move_button = self._button(self.tr("&Move to group…"), "moveButton",
                                        self.tr("Move the selected student to another group"), self.move)
        for button in (self.set_limit_button, self.lower_limit_button, self.shares_button, self.close_button,
                       self.enroll_button, self.unenroll_button, self.move_button):
            button.setEnabled(False)
            if not self.may_change:
                button.setToolTip(self.tr("Your role does not allow changing class groups."))
        self.waiting_button.setEnabled(False)  # one group at a time; every role may read it

        self._limit_tips = {button: button.toolTip() for button in (self.set_limit_button, self.lower_limit_button,
                                                                     self.shares_button, self.close_button)}

        self.offer = GroupOfferActions(self)  # new group, edit group, new course
        self.member_actions = GroupMemberActions(self)  # unenroll, move: one student or all the selected
        # The selected groups' class lists (Excel, print, PDF) and the term's groups at risk, also in the table's menu.
        self.class_lists = ClassListActions(context, self, self.selected_groups, lambda: (
            (self.term.currentData(), self.term.currentText().split(" — ")[0]) if self.term.currentData() is not None else None))
        install_table_tools(self.table, extra_actions=self.class_lists.actions)
        install_table_tools(self.members_table, student_number=1, open_student=self._open_member)

        # --- layout ------------------------------------------------------------------------
        choosers = QHBoxLayout()
        for text, widget in ((self.tr("Te&rm:"), self.term), (self.tr("Re&gistration:"), self.registration),
                             (self.tr("&Course:"), self.filter), (self.tr("Ca&pacity:"), self.capacity)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            choosers.addWidget(label)
            choosers.addWidget(widget, {self.term: 3, self.registration: 5, self.filter: 3, self.capacity: 2}[widget])
        # The summary has a line of its own: beside seven buttons it would wrap into a narrow column
        # taller than the buttons, taking the table's rows on a small screen.
        group_bar = QVBoxLayout()
        group_bar.addWidget(self.summary)
        group_buttons = QHBoxLayout()
        for button in (self.offer.button, self.class_lists.button, self.set_limit_button, self.lower_limit_button,
                       self.shares_button, self.close_button):
            group_buttons.addWidget(button)
        group_buttons.addStretch(1)
        group_buttons.addWidget(self.refresh_button)
        group_bar.addLayout(group_buttons)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(group_bar)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        member_bar = QHBoxLayout()
        member_bar.addWidget(self.members_title, 1)
        for button in (self.waiting_button, self.enroll_button, self.unenroll_button, self.move_button):
            member_bar.addWidget(button)
        bottom_layout.addLayout(member_bar)
        bottom_layout.addWidget(self.members_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("groupsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(choosers)
        layout.addWidget(self.splitter, 1)
        for first, second in ((self.term, self.registration), (self.registration, self.filter), (self.filter, self.capacity),
                              (self.capacity, self.table),
                              (self.table, self.offer.button), (self.offer.button, self.set_limit_button),
                              (self.set_limit_button, self.lower_limit_button),
                              (self.lower_limit_button, self.shares_button), (self.shares_button, self.close_button),
                              (self.close_button, self.refresh_button), (self.refresh_button, self.members_table),
                              (self.members_table, self.waiting_button), (self.waiting_button, self.enroll_button),
                              (self.enroll_button, self.unenroll_button),
                              (self.unenroll_button, self.move_button)):
            QWidget.setTabOrder(first, second)

        # --- wiring ------------------------------------------------------------------------
        self.term.currentIndexChanged.connect(lambda _index: self._load_registrations())
        self.registration.currentIndexChanged.connect(lambda _index: self.reload())
        self.filter.textChanged.connect(self._filter_changed)
        self.capacity.currentIndexChanged.connect(lambda _index: self._capacity_changed())
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.members_table.itemSelectionChanged.connect(self._member_buttons)
        self.table.installEventFilter(self)
        self.members_table.installEventFilter(self)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)
        # Down in the course filter goes on to the groups it leaves, the first one chosen.
        into_list = QShortcut(QKeySequence(Qt.Key.Key_Down), self.filter)
        into_list.setContext(Qt.ShortcutContext.WidgetShortcut)
        into_list.activated.connect(self._into_list)
        # Limits, counts and students changed anywhere in the application (a card, the sync, a round) show here.
        context.follow(self, lambda changes: changes.touches(Kind.GROUP) or changes.touches(Kind.REGISTRATION), self.reload)
        self._load_terms()

    def _into_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # Pressed before the groups have come (a view just opened, a clerk typing ahead): chosen when they come.
        self._first_when_loaded = self.model.rowCount() == 0
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.table.selectRow(0)
        elif self._first_when_loaded:
            self._selection_changed()  # the group's actions wait for it

    def _button(self, text: str, name: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _default_widths(self) -> None:
        """Widths before anything is loaded: the headers, and typical contents for the text columns."""
        advance = self.fontMetrics().horizontalAdvance
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            self.table.setColumnWidth(column, advance(title) + 28)
        for column, sample in ((COURSE, "SJO-ANG-B2"), (TYPE, labels.class_type("language")), (DEDICATED, "2/5 INF-S2"),
                               (TEACHERS, "Katarzyna Wiśniewska"), (TIMETABLE, "Mon 10:15–12:30, 123 B1")):
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), advance(sample) + 16))
        self.table.setColumnWidth(FILL, self._fill_width())

    def _fill_width(self) -> int:
        advance = self.fontMetrics().horizontalAdvance
        return max(advance(self.model.headerData(FILL, Qt.Orientation.Horizontal) or "") + 28, advance("100%") + 76)

    def _fit_columns(self) -> None:
        """Widths from the contents the first time a scope is shown, then left as the clerk sets them."""
        advance = self.fontMetrics().horizontalAdvance
        most = {TEACHERS: advance("M") * 18, TIMETABLE: advance("M") * 25, COURSE: advance("M") * 14}
        for column in range(self.model.columnCount()):
            if column in (NAME, FILL):
                continue
            if column == DEDICATED:
                self._fit_dedicated_column()
                continue
            self.table.resizeColumnToContents(column)
            if column in most:
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), most[column]))
        self.table.setColumnWidth(FILL, self._fill_width())
        self._leave_room_for_the_name()

    def _show_dedicated_column(self, lines: list[GroupLine]) -> bool:
        """The dedicated seats' column is shown while a group loaded has some (True when it has just appeared):
        where no seat is dedicated its room goes to the course name, on a laptop's screen too."""
        wanted = any(g.shares for g in lines)
        hidden = self.table.isColumnHidden(DEDICATED)
        if wanted == hidden:
            self.table.setColumnHidden(DEDICATED, not wanted)
        return wanted and hidden

    def _fit_dedicated_column(self) -> None:
        """As wide as its shares, up to about two of them (the rest elided, whole in the tooltip), never narrower
        than its heading ("Miejsca dedykowane" is long)."""
        self.table.resizeColumnToContents(DEDICATED)
        most = max(self.fontMetrics().horizontalAdvance("M") * 14,
                   self.table.horizontalHeader().sectionSizeHint(DEDICATED))
        self.table.setColumnWidth(DEDICATED, min(self.table.columnWidth(DEDICATED), most))

    def _leave_room_for_the_name(self) -> None:
        """The course name takes what is left; on a narrow screen the timetable, then the teachers, give way
        (elided, whole in their tooltips) until it has room for its first words."""
        room = self.table.viewport().width()
        if room <= 0:
            return
        over = self._beside_the_name() + self._name_least() - room
        least = self.fontMetrics().horizontalAdvance("M") * 9
        for column in (TIMETABLE, TEACHERS):
            if over <= 0:
                break
            give = min(over, self.table.columnWidth(column) - least)
            if give > 0:
                self.table.setColumnWidth(column, self.table.columnWidth(column) - give)
                over -= give
        self._keep_the_name_readable()

    def _name_least(self) -> int:
        """Room for the first words of a course name."""
        return self.fontMetrics().horizontalAdvance("M") * 16

    def _beside_the_name(self) -> int:
        """The width of the shown columns other than the course name."""
        return sum(self.table.columnWidth(c) for c in range(self.model.columnCount())
                   if c != NAME and not self.table.isColumnHidden(c))

    def _keep_the_name_readable(self) -> None:
        """The course name stretches into what is left; where too little is left (a narrow window, wide
        columns), it keeps room for its first words and the table scrolls sideways instead."""
        room = self.table.viewport().width()
        if room <= 0:
            return
        least = self._name_least()
        fits = self._beside_the_name() + least <= room
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(NAME) != mode:
            header.setSectionResizeMode(NAME, mode)
        if not fits and self.table.columnWidth(NAME) < least:
            self.table.setColumnWidth(NAME, least)

    # --- scope: term and registration --------------------------------------------------------

    def _load_terms(self) -> None:
        db = self.context.db
        self.summary.setText(self.tr("Loading…"))
        self.context.tasks.run(lambda: (registrations.terms(db), registrations.current_term_ids(db)),
                               self._show_terms, self._load_failed)

    def _show_terms(self, loaded: tuple[list[Choice], list[int]]) -> None:
        terms, current = loaded
        self.term.blockSignals(True)
        self.term.clear()
        for term in terms:
            self.term.addItem(f"{term.code} — {term.name}", term.id)
        wanted = self._pending_term if self._pending_term is not None else (current[0] if current else None)
        index = self.term.findData(wanted) if wanted is not None else -1
        self.term.setCurrentIndex(index if index >= 0 else self.term.count() - 1)
        self.term.blockSignals(False)
        self._pending_term = None
        self._terms_loaded = True
        if not terms:
            self.summary.setText(self.tr("There are no terms yet."))
            self.groupsLoaded.emit(0)
            return
        self._load_registrations()

    def _load_registrations(self) -> None:
        term_id = self.term.currentData()
        if term_id is None:
            return
        self._generation["registrations"] += 1
        generation = self._generation["registrations"]
        self._registrations_loading = True
        self.summary.setText(self.tr("Loading…"))
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: registrations.list_registrations(UnitOfWork(db, actor), term_id=term_id),
                               lambda lines: self._show_registrations(lines, generation),
                               lambda error: self._registrations_failed(error, generation))

    def _show_registrations(self, lines: list[RegistrationLine], generation: int) -> None:
        if generation != self._generation["registrations"]:
            return  # the clerk chose another term meanwhile
        self._registrations_loading = False
        pending, self._pending_registration = self._pending_registration, None
        self.registration.blockSignals(True)
        self.registration.clear()
        self.registration.addItem(self.tr("All groups of the term"), None)
        for line in lines:
            self.registration.addItem(f"{line.code} — {line.name}", line.id)
        index = self.registration.findData(pending) if pending is not None else 0
        self.registration.setCurrentIndex(max(index, 0))
        self.registration.blockSignals(False)
        if pending is not None and index < 0:
            self._find_term_of(pending)  # a registration of another term: switch to it
            return
        if pending is not None:
            self._looked_up.discard(pending)
        self.reload()

    def _registrations_failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation["registrations"]:
            self._registrations_loading = False
            self._load_failed(error)

    def _find_term_of(self, registration_id: int) -> None:
        if registration_id in self._looked_up:
            self._looked_up.discard(registration_id)
            self.summary.setText(self.tr("That registration no longer exists."))
            self.groupsLoaded.emit(-1)
            return
        self._looked_up.add(registration_id)
        db, actor = self.context.db, self.context.actor

        def found(lines: list[RegistrationLine]) -> None:
            line = next((item for item in lines if item.id == registration_id), None)
            if line is None:
                self._looked_up.discard(registration_id)
                self.summary.setText(self.tr("That registration no longer exists."))
                self.groupsLoaded.emit(-1)
                return
            self._pending_registration = registration_id
            if line.term_id == self.term.currentData():
                self._load_registrations()  # added since the list was loaded
            else:
                self._choose_term(line.term_id)

        self.context.tasks.run(lambda: registrations.list_registrations(UnitOfWork(db, actor)), found, self._load_failed)

    def set_term(self, term_id: int) -> None:
        """Show all groups of the term; its registrations fill the registration chooser."""
        self._pending_registration = None
        self._choose_term(term_id)

    def _choose_term(self, term_id: int) -> None:
        if not self._terms_loaded:
            self._pending_term = term_id
            return
        index = self.term.findData(term_id)
        if index < 0:
            self._pending_term = term_id
            self._terms_loaded = False
            self._load_terms()  # a term added since the list was loaded
            return
        if self.term.currentIndex() == index:
            self._load_registrations()
        else:
            self.term.setCurrentIndex(index)

    def set_registration(self, registration_id: int | None, term_id: int | None = None) -> None:
        """Show the groups a registration offers (None: all groups of the term); switches term when needed."""
        if registration_id is None:
            if term_id is not None:
                self.set_term(term_id)
            else:
                self.registration.setCurrentIndex(0)
            return
        self._pending_registration = registration_id
        if term_id is not None and (not self._terms_loaded or self.term.currentData() != term_id):
            self._choose_term(term_id)
            return
        if not self._terms_loaded or self._registrations_loading:
            return  # applied when the lists arrive
        index = self.registration.findData(registration_id)
        if index < 0:
            self._pending_registration = None
            self._find_term_of(registration_id)
            return
        self._pending_registration = None
        self._looked_up.discard(registration_id)
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

    # --- the groups --------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the groups of the chosen scope again, keeping the selected groups and student."""
        scope = self.scope()
        if scope is None or self._registrations_loading:
            return
        self._generation["groups"] += 1
        generation = self._generation["groups"]
        self._remember_members()
        self.summary.setText(self.tr("Loading…"))
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: groups.list_groups(UnitOfWork(db, actor), scope),
                               lambda lines: self._show_groups(lines, scope, generation),
                               lambda error: self._groups_failed(error, generation))

    def _show_groups(self, lines: list[GroupLine], scope: GroupScope, generation: int) -> None:
        if generation != self._generation["groups"]:
            return  # a newer load has begun: its answer will come
        self.model.set_groups(lines)  # the selection is kept by _remember/_restore_selection
        appeared = self._show_dedicated_column(lines)
        if scope != self._sized_for:
            self._sized_for = scope
            self._fit_columns()
        elif appeared:
            self._fit_dedicated_column()
            self._leave_room_for_the_name()
        waited, self._when_loaded = self._when_loaded, []
        if self._first_when_loaded and self.model.rowCount() > 0:
            self._first_when_loaded = False
            if self.table.hasFocus() and not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
        else:
            waited = []  # no group to act on
        self._show_summary()
        self._selection_changed(force=True)
        self.groupsLoaded.emit(len(lines))
        for action in waited:  # typed ahead: done now, in the order asked
            action()

    def _groups_failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation["groups"]:
            self._load_failed(error)

    def _load_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DomainError) else self.tr("The groups could not be loaded: %1").replace("%1", str(error))
        self.summary.setText(message)
        self.summary.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.groupsLoaded.emit(-1)

    def _show_summary(self) -> None:
        shown, loaded = self.model.groups, self.model.all_groups
        if self.model.filter_text or self.model.capacity is not Capacity.ALL:
            count = self.tr("%1 of %2 groups (filtered)").replace("%1", str(len(shown))).replace("%2", str(len(loaded)))
        else:
            count = self.tr("%1 groups").replace("%1", str(len(shown)))
        totals = (
            self.tr("%1 seats · %2 enrolled · %3 full · %4 below the lower limit")
            .replace("%1", str(sum(g.seat_limit for g in shown)))
            .replace("%2", str(sum(g.enrolled for g in shown)))
            .replace("%3", str(sum(1 for g in shown if g.free == 0 and not g.closed)))
            .replace("%4", str(sum(1 for g in shown if g.below_lower_limit)))
        )
        closed = sum(1 for g in shown if g.closed)
        if closed:
            totals += " · " + self.tr("%n closed", "", closed)
        dedicated = [s for g in shown for s in g.kept_shares]
        if dedicated:
            totals += " · " + (self.tr("%1 seats dedicated, %2 of them free")
                               .replace("%1", str(sum(s.seats for s in dedicated)))
                               .replace("%2", str(sum(s.free for s in dedicated))))
        self.summary.setStyleSheet("")
        self.summary.setText(f"{count} · {totals}")

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_summary()
        self._selection_changed()

    def _capacity_changed(self) -> None:
        self.model.set_capacity(self.capacity.currentData())
        self._show_summary()
        self._selection_changed()

    def _remember_selection(self) -> None:
        self._reset_selection = [g.id for g in self.selected_groups()]

    def _restore_selection(self) -> None:
        rows = {g.id: r for r, g in enumerate(self.model.groups)}
        kept = sorted(rows[group_id] for group_id in self._reset_selection if group_id in rows)
        if not kept:
            return
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = previous = kept[0]
        for row in kept[1:] + [None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(start, 0), self.model.index(previous, last_column))
            if row is not None:
                start = previous = row
        first = self.model.index(kept[0], 0)
        selection_model = self.table.selectionModel()
        self._restoring = True
        try:
            selection_model.select(selection, selection_model.SelectionFlag.Select)
            selection_model.setCurrentIndex(first, selection_model.SelectionFlag.NoUpdate)
        finally:
            self._restoring = False
        self.table.scrollTo(first)

    def _may_change_limits(self, selected: list[GroupLine]) -> bool:
        """Limits are changed by the groups' own units (the service refuses the others, all or nothing)."""
        return self.may_change and all(self.context.actor.can(Permission.MANAGE_GROUPS, g.unit_id) for g in selected)

    def selected_groups(self) -> list[GroupLine]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.group_at(row) for row in rows if row < self.model.rowCount()]

    def select_group(self, group_id: int) -> bool:
        """Select only this group (its students are then loaded); False when it is not shown."""
        row = self.model.row_of(group_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def select_groups(self, group_ids: list[int]) -> None:
        """Select these groups (those shown); several groups show no students."""
        self._reset_selection = list(group_ids)
        self.table.selectionModel().clearSelection()
        self._restore_selection()
        self._selection_changed()

    def _selection_changed(self, force: bool = False) -> None:
        if self._restoring:
            return
        selected = self.selected_groups()
        self.offer.selection_changed(selected)
        self.class_lists.update()
        own = self._may_change_limits(selected)
        waiting = self._waiting_for_the_first(selected)
        self.set_limit_button.setEnabled((own and bool(selected)) or waiting)
        self.lower_limit_button.setEnabled((own and len(selected) == 1) or waiting)
        self.shares_button.setEnabled((own and len(selected) == 1) or waiting)
        self._close_or_reopen_button(selected, (own and len(selected) == 1) or waiting)
        self.waiting_button.setEnabled(len(selected) == 1 or waiting)
        other_unit = self.may_change and not own
        others = {self.shares_button: self.tr("A group's dedicated seats are set by the unit it belongs to."),
                  self.close_button: self.tr("A group is closed by the unit it belongs to.")}
        for button, tip in self._limit_tips.items():
            button.setToolTip(others.get(button, self.tr("A group's limits are changed by the unit it belongs to."))
                              if other_unit else tip)
        closed = len(selected) == 1 and selected[0].closed
        self.enroll_button.setEnabled(self.may_change and len(selected) == 1 and not closed)
        if self.may_change:
            self.enroll_button.setToolTip(self.tr("A closed group takes no one: open it again first.") if closed else "")
        if len(selected) != 1:
            self._members_of = None
            self._generation["members"] += 1  # an answer still on its way is for a group no longer shown
            self._show_members(None, [], self._generation["members"])
            if len(selected) > 1:
                self.members_title.setText(
                    self.tr("%1 groups selected: select one to see its students.").replace("%1", str(len(selected))))
            return
        group = selected[0]
        if not force and group.id == self._members_of:
            self.current_group = group
            return
        if group.id != self._members_of:
            self._keep_member = (frozenset(), 0)
        self._members_of = group.id
        self._load_members(group)

    # --- the members of one group -------------------------------------------------------------

    def _load_members(self, group: GroupLine) -> None:
        self._generation["members"] += 1
        generation = self._generation["members"]
        if self.current_group is None or self.current_group.id != group.id:
            # Another group: the students shown belong to the previous one, so they go at once.
            self.members = []
            self.members_table.setRowCount(0)
            self.members_title.setText(self.tr("Students in %1: loading…").replace("%1", group_label(group)))
        self.current_group = group
        self._member_buttons()
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: groups.members(UnitOfWork(db, actor), group.id),
                               lambda members: self._show_members(group, members, generation),
                               lambda error: self._members_failed(error, generation))

    def _members_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation["members"]:
            return
        self.members_title.setText(str(error) if isinstance(error, DomainError) else
                                   self.tr("The students could not be loaded: %1").replace("%1", str(error)))
        self.membersLoaded.emit(-1)

    def _show_members(self, group: GroupLine | None, members: list[MemberLine], generation: int) -> None:
        if generation != self._generation["members"]:
            return  # the clerk has moved on to another group meanwhile
        self.members = list(members)
        self.current_group = group
        if group is None:
            self.members_title.setText(self.tr("Select one group to see its students."))
        else:
            self.members_title.setText(
                self.tr("Students in %1 (%2 of %3)").replace("%1", group_label(group)).replace("%2", str(group.enrolled))
                .replace("%3", str(group.seat_limit))
            )
        table = self.members_table
        table.setUpdatesEnabled(False)
        self._filling_members = True  # the selection passes through rows of the old list: not a choice to keep
        table.clearSelection()
        table.clearContents()
        table.setRowCount(len(members))
        for row, m in enumerate(members):
            how = (labels.enrollment_source(m.source) + (" · " + self.tr("over the limit") if m.over_limit else "")
                   + (" · " + self.tr("despite a timetable clash") if m.despite_clash else ""))
            values = [str(row + 1), m.student_number, m.last_name, m.first_name, how,
                      datetime_text(m.enrolled_at, self.context.time_zone), m.reason or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if (m.over_limit or m.despite_clash) and column == 4:
                    item.setForeground(labels.PROBLEM_COLOUR)
                if m.reason:
                    item.setToolTip(m.reason)
                table.setItem(row, column, item)
        table.setUpdatesEnabled(True)
        self._filling_members = False
        if members:
            keep_students, keep_row = self._keep_member
            rows = [r for r, m in enumerate(members) if m.student_id in keep_students] or [min(keep_row, len(members) - 1)]
            table.selectRow(rows[0])
            for row in rows[1:]:  # the students selected before the reload stay selected
                table.selectionModel().select(table.model().index(row, 0), _ADD_ROW)
        self._member_buttons()
        if group is not None:
            self.membersLoaded.emit(len(members))

    def _member_buttons(self) -> None:
        if self._filling_members:
            return
        self._remember_members()
        ready = self.may_change and bool(self.selected_members()) and self.current_group is not None
        self.unenroll_button.setEnabled(ready)
        self.move_button.setEnabled(ready)

    def selected_member(self) -> MemberLine | None:
        rows = self.members_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.members[row] if 0 <= row < len(self.members) else None

    def _remember_members(self) -> None:
        selected = self.selected_members()
        if selected:
            self._keep_member = (frozenset(m.student_id for m in selected), self.members_table.currentRow())

    def selected_members(self) -> list[MemberLine]:
        rows = sorted({index.row() for index in self.members_table.selectionModel().selectedRows()})
        return [self.members[row] for row in rows if row < len(self.members)]

    def _open_member(self, row: int) -> None:
        from ui.views.student_card import StudentCardWindow

        if 0 <= row < len(self.members):
            StudentCardWindow(self.context, self.members[row].student_id, self.window()).show()

    def select_member(self, student_id: int) -> bool:
        row = next((r for r, m in enumerate(self.members) if m.student_id == student_id), -1)
        if row >= 0:
            self.members_table.selectRow(row)
        return row >= 0

    # --- keyboard ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._keep_the_name_readable()
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.show_members_of_current()
                return True
            if watched is self.members_table and key == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.unenroll()
                return True
            if watched is self.members_table and key == Qt.Key.Key_Escape:
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    def show_members_of_current(self) -> None:
        """Enter in the table: the group under the cursor alone is selected and its students get the focus."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if [g.id for g in self.selected_groups()] != [self.model.group_at(index.row()).id]:
            self.table.selectRow(index.row())
        self.members_table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.members_table.currentRow() < 0 and self.members_table.rowCount():
            self.members_table.selectRow(0)

    # --- changes -----------------------------------------------------------------------------

    def _open(self, dialog: ActionDialog, changes: Changes) -> ActionDialog:
        previous = self.last_dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        dialog.changes = changes  # announced on success: this view and every other showing it refresh
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _waiting_for_the_first(self, selected: list[GroupLine]) -> bool:
        """Down was pressed before the groups came and nothing is chosen yet: the first one will be."""
        return self._first_when_loaded and not selected and self.may_change

    def _after_the_first(self, action) -> bool:
        """True when ``action`` is kept for the first group, to be done when the groups come."""
        if not self._waiting_for_the_first(self.selected_groups()):
            return False
        self._when_loaded.append(action)
        return True

    def set_limit(self) -> None:
        if self._after_the_first(self.set_limit):
            return
        selected = self.selected_groups()
        if selected and self._may_change_limits(selected):
            self._open(SetLimitDialog(self.context, selected, self), Changes.of(group={g.id for g in selected}, outbox=ALL))

    def set_lower_limit(self) -> None:
        if self._after_the_first(self.set_lower_limit):
            return
        selected = self.selected_groups()
        if len(selected) == 1 and self._may_change_limits(selected):
            self._open(LowerLimitDialog(self.context, selected[0], self), Changes.of(group={selected[0].id}, outbox=ALL))

    def dedicated_seats(self) -> None:
        """The selected group's dedicated seats: listed, added, released or removed in their own dialog."""
        if self._after_the_first(self.dedicated_seats):
            return
        selected = self.selected_groups()
        if len(selected) != 1 or not self._may_change_limits(selected):
            return
        previous = self.shares_dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        self.shares_dialog = SharesDialog(self.context, selected[0], self)
        self.shares_dialog.open()

    def _close_or_reopen_button(self, selected: list[GroupLine], enabled: bool) -> None:
        """Close for an open group, Open again for a closed one: one button, so its Alt+letter stays the same."""
        closed = len(selected) == 1 and selected[0].closed
        self.close_button.setText(self.tr("Open aga&in…") if closed else self.tr("Close th&is group…"))
        self.close_button.setAccessibleName(self.tr("Open the selected closed group again") if closed
                                            else self.tr("Close the selected group"))
        if self.may_change:  # otherwise it keeps saying that the role does not allow it
            self._limit_tips[self.close_button] = (
                self.tr("Let the closed group take students again") if closed else
                self.tr("Move the group's students to the other groups of the course, then take no one (a preview "
                        "first)"))
        self.close_button.setEnabled(enabled)

    def close_or_reopen(self) -> None:
        """The selected group closed (its preview first), or opened again when it is closed."""
        if self._after_the_first(self.close_or_reopen):
            return
        selected = self.selected_groups()
        if len(selected) != 1 or not self._may_change_limits(selected):
            return
        group = selected[0]
        if group.closed:
            self._open(ReopenGroupDialog(self.context, group, self), Changes.of(group={group.id}, outbox=ALL, history=ALL))
            return
        dialog = CloseGroupDialog(self.context, group, self)
        self._open(dialog, dialog.changes)

    def waiting_list(self) -> None:
        """The selected group's waiting list: listed in order, a student added, moved up or down, removed."""
        if self._after_the_first(self.waiting_list):
            return
        selected = self.selected_groups()
        if len(selected) != 1:
            return
        previous = self.waiting_dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        self.waiting_dialog = WaitingListDialog(self.context, selected[0], self)
        self.waiting_dialog.open()

    def enroll(self) -> None:
        selected = self.selected_groups()
        if self.may_change and len(selected) == 1 and not selected[0].closed:
            self._open(EnrollDialog(self.context, selected[0], self),
                       Changes.of(group={selected[0].id}, student=ALL, tokens=ALL, payment=ALL, outbox=ALL))

    def unenroll(self) -> None:
        """The selected student (or all the selected students at once) out of the group."""
        self.member_actions.unenroll()

    def move(self) -> None:
        """The selected student (or all the selected students at once) to another group of the course."""
        self.member_actions.move()

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A message box that does not block (window-modal, opened): the view's loads go on meanwhile."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("groupsMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
        return box


# --- dialogs -----------------------------------------------------------------------------------
