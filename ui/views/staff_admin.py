"""Staff accounts, for administrators: who may sign in, with which role and units; add, change, disable, reset."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import registrations, staff
from desk.clock import to_local
from desk.model import Role
from desk.registrations import Choice
from desk.staff import Permission, StaffLine, role_label
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.formats import datetime_text, fit_combo
from ui.dialogs import ActionDialog
from ui.screen import fit_to_screen
from ui.tables import install_table_tools
from desk.unit_of_work import UnitOfWork

# The columns of the staff table, in order.
COL_LOGIN, COL_NAME, COL_ROLE, COL_UNITS, COL_ACTIVE, COL_LOCKED, COL_LAST = range(7)
ROLES = (Role.CLERK, Role.SERVICE_CENTER, Role.ADMINISTRATOR)


def _password_field(parent: QWidget, name: str, accessible: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UnitPicker(QWidget):
    """The units a clerk acts for: a filter and a list of checkable units."""

    def __init__(self, units: list[Choice], chosen: tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("staffUnitFilter")
        self.filter.setAccessibleName(self.tr("Find a unit"))
        self.filter.setPlaceholderText(self.tr("Find a unit by code or name"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("staffUnitsField")
        self.list.setAccessibleName(self.tr("Units the clerk acts for"))
        self.list.setMinimumHeight(150)
        self.list.setUniformItemSizes(True)
        for unit in units:
            item = QListWidgetItem(f"{unit.code} — {unit.name}")
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, unit.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if unit.code in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("staffUnitsChosen")
        self.chosen.setAccessibleName(self.tr("Units ticked"))
        self.chosen.setWordWrap(True)
        self.chosen.setProperty("role", "muted")
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self._show_chosen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self._show_chosen()
        first = next((self.list.item(row) for row in range(self.list.count())
                      if self.list.item(row).checkState() == Qt.CheckState.Checked), None)
        if first is not None:
            self.list.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)

    def _show_chosen(self) -> None:
        codes = [self.list.item(row).data(Qt.ItemDataRole.UserRole + 1) for row in range(self.list.count())
                 if self.list.item(row).checkState() == Qt.CheckState.Checked]
        self.chosen.setText(self.tr("Ticked: %1").replace("%1", ", ".join(codes)) if codes else self.tr("No unit ticked."))

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(text) and text not in item.text().lower())

    def check(self, code: str, checked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def unit_ids(self) -> list[int]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


def _role_box(parent: QWidget, current: Role | None = None) -> QComboBox:
    box = fit_combo(QComboBox(parent))
    box.setObjectName("staffRoleField")
    box.setAccessibleName(QCoreApplication.translate("StaffAdminView", "Role"))
    for role in ROLES:
        box.addItem(role_label(role), role.value)  # Qt hands a str subclass back as a plain str
    if current is not None:
        box.setCurrentIndex(ROLES.index(current))
    return box


def _chosen_role(box: QComboBox) -> Role:
    return Role(box.currentData())


class AddStaffDialog(ActionDialog):
    """A new account: login, name, role (and a clerk's units), a first password typed twice."""

    def __init__(self, context: AppContext, units: list[Choice], parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "addStaffDialog",
                         lambda v: staff.add_staff(UnitOfWork(db, actor), v["login"], v["full_name"], v["role"], v["unit_ids"],
                                                   v["password"], reason=v["reason"]),
                         parent, reason_hint="")
        self.set_texts(self.tr("Add a staff account"),
                       self.tr("The new staff member signs in with this login and password and can change the password "
                               "afterwards (File → Change password). A password has at least %1 characters.")
                       .replace("%1", str(staff.STAFF_PASSWORD_LENGTH)),
                       self.tr("&Add account"))
        self.reason.setPlaceholderText(self.tr("e.g. new clerk of the dean's office, from 1 October"))
        self.login = QLineEdit(self)
        self.login.setObjectName("staffLoginField")
        self.login.setAccessibleName(self.tr("Login"))
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("staffNameField")
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.role = _role_box(self)
        self.units = UnitPicker(units, parent=self)
        self.password = _password_field(self, "staffPasswordField", self.tr("Password"))
        self.repeat = _password_field(self, "staffRepeatField", self.tr("Repeat the password"))
        self.form.addRow(self.tr("&Login:"), self.login)
        self.form.addRow(self.tr("&Full name:"), self.full_name)
        self.form.addRow(self.tr("R&ole:"), self.role)
        self.units_label = QLabel(self.tr("&Units:"), self)
        self.units_label.setBuddy(self.units.list)
        self.form.addRow(self.units_label, self.units)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("Re&peat:"), self.repeat)
        self.finish_form()
        fit_to_screen(self, QSize(640, 10))
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _role_changed(self) -> None:
        clerk = _chosen_role(self.role) is Role.CLERK
        self.units.setEnabled(clerk)
        self.units.setToolTip("" if clerk else self.tr("Only a dean's office clerk acts for units."))

    def values(self) -> dict:
        if self.password.text() != self.repeat.text():
            raise ValueError(self.tr("The passwords differ."))
        role = _chosen_role(self.role)
        return {
            "login": self.login.text(),
            "full_name": self.full_name.text(),
            "role": role,
            "unit_ids": self.units.unit_ids() if role is Role.CLERK else [],
            "password": self.password.text(),
            "reason": self.reason.text(),
        }


class ChangeRoleDialog(ActionDialog):
    """Another role, or other units for a clerk."""

    def __init__(self, context: AppContext, line: StaffLine, units: list[Choice], parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "changeRoleDialog",
                         lambda v: staff.change_role(UnitOfWork(db, actor), line.login, v["role"], v["unit_ids"], reason=v["reason"]),
                         parent)
        self.set_texts(self.tr("Change the role of %1").replace("%1", line.login),
                       self.tr("%1 is now: %2. The new role applies from their next sign-in.")
                       .replace("%1", line.full_name)
                       .replace("%2", role_label(line.role) + (f" ({', '.join(line.unit_codes)})" if line.unit_codes else "")),
                       self.tr("&Change role"))
        self.role = _role_box(self, line.role)
        self.units = UnitPicker(units, line.unit_codes, self)
        self.form.addRow(self.tr("R&ole:"), self.role)
        self.units_label = QLabel(self.tr("&Units:"), self)
        self.units_label.setBuddy(self.units.list)
        self.form.addRow(self.units_label, self.units)
        self.finish_form()
        fit_to_screen(self, QSize(640, 10))
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _role_changed(self) -> None:
        self.units.setEnabled(_chosen_role(self.role) is Role.CLERK)

    def values(self) -> dict:
        role = _chosen_role(self.role)
        return {"role": role, "unit_ids": self.units.unit_ids() if role is Role.CLERK else [], "reason": self.reason.text()}


class ResetPasswordDialog(ActionDialog):
    """A new password typed twice; it also ends a pause after failed sign-ins."""

    def __init__(self, context: AppContext, line: StaffLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "resetPasswordDialog",
                         lambda v: staff.reset_password(UnitOfWork(db, actor), line.login, v["password"], reason=v["reason"]), parent)
        self.set_texts(self.tr("Reset the password of %1").replace("%1", line.login),
                       self.tr("A new password for %1 (at least %2 characters). Tell it to them in person; they can "
                               "change it after signing in. Any pause after failed sign-ins ends now.")
                       .replace("%1", line.full_name).replace("%2", str(staff.STAFF_PASSWORD_LENGTH)),
                       self.tr("&Reset password"))
        self.reason.setPlaceholderText(self.tr("e.g. forgotten, asked in person"))
        self.password = _password_field(self, "staffPasswordField", self.tr("New password"))
        self.repeat = _password_field(self, "staffRepeatField", self.tr("Repeat the new password"))
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("Re&peat:"), self.repeat)
        self.finish_form()

    def values(self) -> dict:
        if self.password.text() != self.repeat.text():
            raise ValueError(self.tr("The passwords differ."))
        return {"password": self.password.text(), "reason": self.reason.text()}


class StaffAdminView(QWidget):
    """The staff accounts table and its actions; only an administrator sees and changes it."""

    loaded = Signal(int)  # the table has been (re)loaded: the number of accounts shown
    changed = Signal(object)  # a change was saved here: the StaffLine as it is now

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("staffAdminView")
        self.lines: list[StaffLine] = []
        self.units: list[Choice] = []
        self.last_dialog: ActionDialog | None = None
        self._keep_login: str | None = None
        self.may_manage = context.actor.can(Permission.MANAGE_STAFF)

        title = QLabel(self.tr("Staff accounts"), self)
        title.setObjectName("staffAdminTitle")
        title.setProperty("role", "title")
        self.note = QLabel(self)
        self.note.setObjectName("staffAdminNote")
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("staffTable")
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Units"), self.tr("Active"),
            self.tr("Paused until"), self.tr("Last sign-in"),
        ])
        install_table_tools(self.table)  # a context menu; Ctrl+C copies the selected rows with their headings
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.summary = QLabel(self)
        self.summary.setObjectName("staffSummary")
        self.summary.setAccessibleName(self.tr("Staff accounts in total"))
        self.summary.setWordWrap(True)
        self.add_button = self._button(self.tr("&Add…"), "addStaffButton", self.tr("Add a staff account"), self.add)
        self.role_button = self._button(self.tr("Change &role…"), "changeRoleButton",
                                        self.tr("Change the role or units of the selected account"), self.change_role)
        self.active_button = self._button(self.tr("&Disable…"), "toggleActiveButton",
                                          self.tr("Disable or enable the selected account"), self.toggle_active)
        self.reset_button = self._button(self.tr("Reset &password…"), "resetPasswordButton",
                                         self.tr("Reset the password of the selected account"), self.reset_password)
        self.refresh_button = self._button(self.tr("R&efresh"), "refreshStaffButton", self.tr("Read the staff accounts again"),
                                           self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.add_button, self.role_button, self.active_button, self.reset_button, self.refresh_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        if not self.may_manage:
            self.note.setText(self.tr("Only an administrator manages staff accounts. Your role (%1) does not allow it: "
                                      "ask an administrator to add an account, change a role or reset a password.")
                              .replace("%1", role_label(context.actor.role)))
            self.table.setVisible(False)
            for button in (self.add_button, self.role_button, self.active_button, self.reset_button, self.refresh_button):
                button.setVisible(False)
                button.setEnabled(False)
            layout.addStretch(1)
            return
        self.note.setText(self.tr("Who may sign in to the desk. A clerk acts for the units ticked for them; the Student "
                                  "Service Center links logins; administrators manage accounts and settings. "
                                  "Every change is kept with its reason."))
        self._selection()
        self.reload()

    def _button(self, text: str, name: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.may_manage:
            return
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(lambda: (staff.list_staff(UnitOfWork(db, actor)), registrations.units(db)), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))
        self.loaded.emit(len(self.lines))

    def _show(self, loaded) -> None:
        lines, units = loaded
        keep = self._keep_login or (self.current().login if self.current() else None)
        self._keep_login = None
        self.lines, self.units = lines, units
        zone = self.context.time_zone
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            values = [
                line.login,
                line.full_name,
                role_label(line.role),
                ", ".join(line.unit_codes) if line.role is Role.CLERK else self.tr("every unit"),
                self.tr("active") if line.active else self.tr("disabled"),
                to_local(line.locked_until, zone).strftime("%Y-%m-%d %H:%M:%S") if line.locked_until else "",
                datetime_text(line.last_sign_in_at, zone) if line.last_sign_in_at else self.tr("never"),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == COL_ACTIVE:
                    item.setForeground(labels.OK_COLOUR if line.active else labels.PROBLEM_COLOUR)
                if column == COL_LOCKED and line.locked_until:
                    item.setForeground(labels.WAITING_COLOUR)
                if column == COL_UNITS and line.role is not Role.CLERK:
                    item.setForeground(labels.MUTED_COLOUR)
                if not line.active:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 16, 360))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
        active = sum(1 for line in lines if line.active)
        self.summary.setText(self.tr("%n staff account(s), %1 active.", "", len(lines)).replace("%1", str(active)))
        if keep is not None:
            self.select_login(keep)
        self._selection()
        self.loaded.emit(len(lines))

    # --- selection ---------------------------------------------------------------------------

    def current(self) -> StaffLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) and self.table.selectionModel().hasSelection() else None

    def select_login(self, login: str) -> bool:
        for row, line in enumerate(self.lines):
            if line.login.lower() == login.lower():
                self.table.selectRow(row)
                return True
        return False

    def _selection(self) -> None:
        line = self.current()
        chosen = line is not None and self.may_manage
        own = line is not None and line.id == self.context.actor.id
        self.add_button.setEnabled(self.may_manage)
        self.role_button.setEnabled(chosen and not own)
        self.reset_button.setEnabled(chosen)
        self.active_button.setEnabled(chosen and not own)
        self.active_button.setText(self.tr("&Enable…") if line is not None and not line.active else self.tr("&Disable…"))
        tip = self.tr("You cannot disable your own account or change your own role.") if own else ""
        self.active_button.setToolTip(tip)
        self.role_button.setToolTip(tip)

    # --- actions ------------------------------------------------------------------------------

    def _open(self, dialog: ActionDialog) -> None:
        dialog.changes = Changes.of(staff=ALL, history=ALL)
        dialog.succeeded.connect(self._saved)
        self.last_dialog = dialog
        dialog.open()

    def _saved(self, line: StaffLine) -> None:
        self._keep_login = line.login
        self.changed.emit(line)
        self.reload()

    def add(self) -> None:
        if not self.may_manage:
            return
        self._open(AddStaffDialog(self.context, self.units, self))

    def change_role(self) -> None:
        line = self.current()
        if line is None or not self.role_button.isEnabled():
            return
        self._open(ChangeRoleDialog(self.context, line, self.units, self))

    def toggle_active(self) -> None:
        line = self.current()
        if line is None or not self.active_button.isEnabled():
            return
        db, actor, login = self.context.db, self.context.actor, line.login
        who = f"{line.full_name} ({line.login}, {role_label(line.role)})"
        if line.active:
            dialog = ActionDialog(self.context, self.tr("Disable %1").replace("%1", line.login),
                                  self.tr("%1 will no longer be able to sign in. Nothing they did is removed; the account "
                                          "can be enabled again.").replace("%1", who),
                                  self.tr("&Disable account"), "disableStaffDialog",
                                  lambda reason: staff.disable_staff(UnitOfWork(db, actor), login, reason=reason), self,
                                  reason_hint=self.tr("e.g. left the university on 30 September"))
        else:
            dialog = ActionDialog(self.context, self.tr("Enable %1").replace("%1", line.login),
                                  self.tr("%1 will be able to sign in again with their password.").replace("%1", who),
                                  self.tr("&Enable account"), "enableStaffDialog",
                                  lambda reason: staff.enable_staff(UnitOfWork(db, actor), login, reason=reason), self,
                                  reason_hint=self.tr("e.g. back from leave"))
        dialog.finish_form()
        self._open(dialog)

    def reset_password(self) -> None:
        line = self.current()
        if line is None or not self.reset_button.isEnabled():
            return
        self._open(ResetPasswordDialog(self.context, line, self))
