"""Dialogs that keep the teaching offer: a new course, a new or corrected class group, a new or corrected term.

Each runs its service in the clerk's write lane (``ActionDialog``); a refusal is shown inside the
dialog with everything typed kept. The checks are the services' own (``desk.courses``,
``desk.group_records``, ``desk.terms``): the forms only turn typed text into values.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QSpinBox, QToolButton, QWidget

from desk import bounds
from desk.courses import CourseDraft, add_course, list_courses
from desk.errors import DomainError
from desk.group_records import GroupDraft, GroupRecord, add_group, edit_group, group_record, parse_slot, slot_text
from desk.model import ClassType
from desk.registrations import Choice, terms, units
from desk.staff import Permission
from desk.terms import TermDraft, TermLine, add_term, edit_term, term_line
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.formats import DateField, fit_combo
from ui.screen import fit_to_screen

# Sized for a 1366x768 screen: the tallest of these dialogs stays under 600 pixels.
WIDTH = 560
TEXT_LINES = 4


class _FirstFieldFocus:
    """The first field has the keyboard when the dialog opens."""

    first_field: QWidget | None = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[misc]
        if self.first_field is not None:
            self.first_field.setFocus()


def _line(parent: QWidget, name: str, accessible: str, value: str = "", *, length: int = 200) -> QLineEdit:
    field = QLineEdit(value, parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setMaxLength(length)
    return field


def _text(parent: QWidget, name: str, accessible: str, value: str = "", placeholder: str = "") -> QPlainTextEdit:
    field = QPlainTextEdit(value, parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)  # Tab moves on, as in every other field
    field.setFixedHeight(field.fontMetrics().lineSpacing() * TEXT_LINES + 12)
    return field


def _spin(parent: QWidget, name: str, accessible: str, value: int, bound: bounds.Bound) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setAccessibleName(accessible)
    spin.setRange(bound.low, bound.high)
    spin.setValue(value)
    return spin


def _combo(parent: QWidget, name: str, accessible: str, items: list[tuple[str, object]], current: object = None) -> QComboBox:
    combo = fit_combo(QComboBox(parent))
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _date(parent: QWidget, name: str, accessible: str, value: date) -> DateField:
    return DateField(parent, name=name, accessible=accessible, value=value)


# --- courses ---------------------------------------------------------------------------------


class CourseDialog(_FirstFieldFocus, ActionDialog):
    """A new course of a unit: code, name, English name, language. The result is the course's id."""

    def __init__(self, context: AppContext, units: list[Choice], parent: QWidget | None = None, *, unit_id: int | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "courseDialog", lambda draft: add_course(UnitOfWork(db, actor), draft), parent,
                         reason=False)
        self.set_texts(self.tr("New course"),
                       self.tr("A course is taught in class groups; add its groups once the course is saved."),
                       self.tr("&Add course"))
        self.code = _line(self, "courseCodeField", self.tr("Course code"), length=40)
        self.code.setPlaceholderText(self.tr("e.g. MAT-101"))
        self.name = _line(self, "courseNameField", self.tr("Course name"))
        self.name_en = _line(self, "courseNameEnField", self.tr("English name"))
        self.unit = _combo(self, "courseUnitChooser", self.tr("Organising unit"),
                           [(f"{u.code} — {u.name}", u.code) for u in units],
                           next((u.code for u in units if u.id == unit_id), None))
        self.language = _line(self, "courseLanguageField", self.tr("Language"), "pl", length=8)
        self.language.setPlaceholderText(self.tr("pl, en, de …"))
        self.form.addRow(self.tr("&Code:"), self.code)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&English name:"), self.name_en)
        self.form.addRow(self.tr("&Unit:"), self.unit)
        self.form.addRow(self.tr("&Language:"), self.language)
        self.finish_form()
        self.first_field = self.code
        fit_to_screen(self, QSize(WIDTH, 10))

    def values(self) -> CourseDraft:
        if self.unit.currentData() is None:
            raise ValueError(self.tr("Choose the organising unit."))
        return CourseDraft(self.code.text(), self.name.text(), self.unit.currentData(), name_en=self.name_en.text(),
                           language=self.language.text())


# --- class groups ----------------------------------------------------------------------------


class GroupDialog(_FirstFieldFocus, ActionDialog):
    """A new class group (``record`` None) or a correction of one: type, number, limits, teachers,
    timetable, description. A new group's result is its id."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, record: GroupRecord | None = None,
                 courses: list[Choice] = (), terms: list[Choice] = (), term_id: int | None = None,
                 course_id: int | None = None):
        db, actor = context.db, context.actor
        if record is None:
            action = lambda draft: add_group(UnitOfWork(db, actor), draft)  # noqa: E731
        else:
            action = lambda v: edit_group(UnitOfWork(db, actor), record.id, v[0], v[1])  # noqa: E731
        super().__init__(context, "", "", "", "groupDialog", action, parent, reason=record is not None)
        self.record = record
        if record is None:
            self.set_texts(self.tr("New class group"),
                           self.tr("Teachers by their login e-mail or person id, separated by commas. "
                                   "Timetable: one slot a line, as WEEKDAY START-END ROOM BUILDING, e.g. 1 08:00-09:30 A-101 Main."),
                           self.tr("&Add group"))
        else:
            self.set_texts(self.tr("Edit class group — %1").replace("%1", f"{record.course_code} "
                                                                          f"{labels.class_type(record.class_type)} {record.number}"),
                           self.tr("%1 enrolled. A limit is never set below the students already in the group.")
                           .replace("%1", str(record.enrolled)),
                           self.tr("&Save"))
        self.course: QComboBox | None = None
        self.term: QComboBox | None = None
        if record is None:
            self.course = _combo(self, "groupCourseChooser", self.tr("Course"),
                                 [(f"{c.code} — {c.name}", c.id) for c in courses], course_id)
            self.course.setEditable(True)  # type to find a course among many
            self.course.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.term = _combo(self, "groupTermChooser", self.tr("Term"), [(f"{t.code} — {t.name}", t.id) for t in terms], term_id)
            self.form.addRow(self.tr("&Course:"), self.course)
            self.form.addRow(self.tr("&Term:"), self.term)
        else:
            shown = QLabel(f"{record.course_code}, {record.term_code}", self)
            shown.setObjectName("groupCourseShown")
            self.form.addRow(self.tr("Course:"), shown)
        current_type = record.class_type if record else ClassType.CLASS
        self.class_type = _combo(self, "groupTypeChooser", self.tr("Class type"),
                                 [(labels.class_type(t), t.value) for t in ClassType], current_type.value)
        self.number = QSpinBox(self)
        self.number.setObjectName("groupNumberField")
        self.number.setAccessibleName(self.tr("Group number"))
        self.number.setRange(0 if record is None else 1, bounds.GROUP_NUMBER.high)
        if record is None:
            self.number.setSpecialValueText(self.tr("next free"))
        self.number.setValue(record.number if record else 0)
        self.seat_limit = _spin(self, "groupSeatLimitField", self.tr("Seat limit"), record.seat_limit if record else 20,
                                bounds.SEAT_LIMIT)
        self.lower_limit = _spin(self, "groupLowerLimitField", self.tr("Lower limit"), record.lower_limit if record else 0,
                                 bounds.LOWER_LIMIT)
        self.teachers = _line(self, "groupTeachersField", self.tr("Teachers"), ", ".join(record.teachers) if record else "",
                              length=4000)
        self.teachers.setPlaceholderText(self.tr("e.g. j.kowalski@uni.example.pl, 1234"))
        if record is not None and record.teacher_names:
            self.teachers.setToolTip(", ".join(record.teacher_names))
        self.slots = _text(self, "groupSlotsField", self.tr("Timetable"),
                           "\n".join(slot_text(s) for s in record.slots) if record else "",
                           self.tr("1 08:00-09:30 A-101 Main building"))
        self.description = _text(self, "groupDescriptionField", self.tr("Description"),
                                 (record.description or "") if record else "")
        self.form.addRow(self.tr("Class t&ype:"), self.class_type)
        self.form.addRow(self.tr("&Number:"), self.number)
        self.form.addRow(self.tr("&Seat limit:"), self.seat_limit)
        self.form.addRow(self.tr("&Lower limit:"), self.lower_limit)
        self.form.addRow(self.tr("Teac&hers:"), self.teachers)
        self.form.addRow(self.tr("Ti&metable:"), self.slots)
        self.form.addRow(self.tr("&Description:"), self.description)
        self.finish_form()
        self.first_field = self.course if self.course is not None else self.class_type
        fit_to_screen(self, QSize(WIDTH, 10))

    def _slots(self):
        try:
            return tuple(parse_slot(line) for line in self.slots.toPlainText().splitlines() if line.strip())
        except DomainError as error:
            raise ValueError(str(error)) from None

    def _teachers(self) -> tuple[str, ...]:
        return tuple(part.strip() for part in self.teachers.text().replace(";", ",").split(",") if part.strip())

    def values(self):
        slots = self._slots()
        fields = dict(class_type=self.class_type.currentData(), seat_limit=self.seat_limit.value(),
                      lower_limit=self.lower_limit.value(), teachers=self._teachers(), slots=slots,
                      description=self.description.toPlainText())
        if self.record is None:
            course_id = self.course.currentData() if self.course.findText(self.course.currentText()) >= 0 else None
            if course_id is None:
                raise ValueError(self.tr("Choose the course from the list."))
            if self.term.currentData() is None:
                raise ValueError(self.tr("Choose the term."))
            return GroupDraft(course_id=course_id, term_id=self.term.currentData(), number=self.number.value() or None, **fields)
        return ({**fields, "number": self.number.value()}, self.reason.text())


# --- terms -----------------------------------------------------------------------------------


class TermDialog(_FirstFieldFocus, ActionDialog):
    """A new term (``line`` None) or a correction of one: code, name, first and last day (administrators)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, line: TermLine | None = None,
                 suggested: TermDraft | None = None):
        db, actor = context.db, context.actor
        if line is None:
            action = lambda draft: add_term(UnitOfWork(db, actor), draft)  # noqa: E731
        else:
            action = lambda v: edit_term(UnitOfWork(db, actor), line.id, v[0], v[1])  # noqa: E731
        super().__init__(context, "", "", "", "termDialog", action, parent, reason=line is not None)
        self.line = line
        if line is None:
            self.set_texts(self.tr("New term"),
                           self.tr("A code is a four-digit year and Z (winter) or L (summer), e.g. 2026Z. "
                                   "Terms of the same kind do not overlap."),
                           self.tr("&Add term"))
        else:
            self.set_texts(self.tr("Edit term — %1").replace("%1", line.code),
                           self.tr("A term cannot end before the rounds of its registrations do."), self.tr("&Save"))
        start = line or suggested
        self.code = _line(self, "termCodeField", self.tr("Term code"), start.code if start else "", length=5)
        self.code.setPlaceholderText("2026Z")
        self.name = _line(self, "termNameField", self.tr("Term name"), start.name if start else "", length=100)
        today = date.today()
        self.starts = _date(self, "termStartsField", self.tr("First day"),
                            start.starts_on if start and start.starts_on else today)
        self.ends = _date(self, "termEndsField", self.tr("Last day"), start.ends_on if start and start.ends_on else today)
        self.form.addRow(self.tr("&Code:"), self.code)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&First day:"), self.starts)
        self.form.addRow(self.tr("&Last day:"), self.ends)
        self.finish_form()
        self.first_field = self.code
        fit_to_screen(self, QSize(WIDTH - 80, 10))

    def values(self):
        draft = TermDraft(self.code.text(), self.name.text(), self.starts.day(), self.ends.day())
        if self.line is None:
            return draft
        return ({"code": draft.code, "name": draft.name, "starts_on": draft.starts_on, "ends_on": draft.ends_on},
                self.reason.text())


# --- the views' actions ----------------------------------------------------------------------


def _action(view: QWidget, text: str, name: str, shortcut: str, slot) -> QAction:
    action = QAction(text, view)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # while the view has the keyboard
    action.triggered.connect(lambda _checked=False: slot())
    view.addAction(action)
    return action


def _menu_button(view: QWidget, text: str, name: str, actions: list[QAction]) -> QToolButton:
    button = QToolButton(view)
    button.setObjectName(name)
    button.setText(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addActions(actions)
    button.setMenu(menu)
    return button


class GroupOfferActions(QObject):
    """The class-groups view's "New group…", "Edit group…" and "New course…": a menu button, shortcuts
    (Insert, F2, Ctrl+Shift+N) and the groups table's context menu."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.new_group = _action(view, self.tr("&New group…"), "newGroupAction", "Insert", self.open_new_group)
        self.edit_group = _action(view, self.tr("&Edit group…"), "editGroupAction", "F2", self.open_edit_group)
        self.new_course = _action(view, self.tr("New &course…"), "newCourseAction", "Ctrl+Shift+N", self.open_new_course)
        actions = [self.new_group, self.edit_group, self.new_course]
        for action in actions:
            action.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.button = _menu_button(view, self.tr("C&ourses and groups"), "groupOfferButton", actions)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.table.addActions(actions)
        may = view.may_change
        self.new_group.setEnabled(may)
        self.new_course.setEnabled(may)
        self.edit_group.setEnabled(False)

    def selection_changed(self, selected: list) -> None:
        self.edit_group.setEnabled(self.view.may_change and len(selected) == 1)

    def open_new_group(self, course_id: int | None = None) -> None:
        view = self.view
        if not view.may_change:
            return
        selected = view.selected_groups()
        if course_id is None and len(selected) == 1:
            course_id = selected[0].course_id
        db, actor, term_id = view.context.db, view.context.actor, view.term.currentData()

        def load():
            courses = [Choice(c.id, c.code, c.name) for c in list_courses(UnitOfWork(db, actor))]
            return courses, terms(db)

        def show(loaded) -> None:
            courses, term_choices = loaded
            dialog = GroupDialog(view.context, view, courses=courses, terms=term_choices, term_id=term_id, course_id=course_id)
            dialog.succeeded.connect(lambda group_id: self._added(group_id, dialog.term.currentData()))
            view._open(dialog, Changes.of(group=ALL, outbox=ALL, history=ALL))

        view.context.tasks.run(load, show, view._load_failed)

    def _added(self, group_id: int, term_id: int | None) -> None:
        """Show the new group selected once the table has it (the broadcast reloads the table); a group of
        another term switches the view to that term. Given up after two loads without it (a registration
        chosen that does not offer its course)."""
        view = self.view
        loads = [0]

        def select(_count: int) -> None:
            loads[0] += 1
            if view.select_group(group_id) or loads[0] >= 2:
                view.groupsLoaded.disconnect(select)

        view.groupsLoaded.connect(select)
        if term_id is not None and term_id != view.term.currentData():
            view.set_term(term_id)

    def open_edit_group(self) -> None:
        view = self.view
        selected = view.selected_groups()
        if not view.may_change or len(selected) != 1:
            return
        db, actor, group_id = view.context.db, view.context.actor, selected[0].id
        view.context.tasks.run(
            lambda: group_record(UnitOfWork(db, actor), group_id),
            lambda record: view._open(GroupDialog(view.context, view, record=record),
                                      Changes.of(group={group_id}, outbox=ALL, history=ALL)),
            view._load_failed)

    def open_new_course(self) -> None:
        view = self.view
        if not view.may_change:
            return
        db = view.context.db
        selected = view.selected_groups()
        unit_id = selected[0].unit_id if selected else None

        def show(unit_choices) -> None:
            dialog = CourseDialog(view.context, unit_choices, view, unit_id=unit_id)
            # A course is taught in groups: its first group is the next thing to add.
            dialog.succeeded.connect(lambda course_id: self.open_new_group(course_id))
            view._open(dialog, Changes.of(history=ALL))

        view.context.tasks.run(lambda: units(db), show, view._load_failed)


class TermActions(QObject):
    """The calendar's "New term…" and "Edit term…" (administrators): a menu button, shortcuts
    (Ctrl+Shift+T, Ctrl+Shift+E) and the term chooser's context menu; the chooser shows the new list after either."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.new_term = _action(view, self.tr("New &term…"), "newTermAction", "Ctrl+Shift+T", self.open_new_term)
        self.edit_term = _action(view, self.tr("E&dit term…"), "editTermAction", "Ctrl+Shift+E", self.open_edit_term)
        self.button = _menu_button(view, self.tr("Term&s"), "termsMenuButton", [self.new_term, self.edit_term])
        view.term.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.term.addActions([self.new_term, self.edit_term])
        may = view.context.actor.can(Permission.ADMINISTER)
        self.new_term.setEnabled(may)
        self.edit_term.setEnabled(may)
        if not may:
            self.button.setToolTip(self.tr("Terms are added and corrected by administrators."))

    def _suggested(self) -> TermDraft | None:
        """The term after the last one: winter after summer and the other way round."""
        choices = self.view.choices[1] if self.view.choices else []
        if not choices:
            return None
        last = choices[-1].code
        if len(last) != 5 or not last[:4].isdigit():
            return None
        year, letter = int(last[:4]), last[4]
        if letter not in "ZL":
            return None
        # 2026Z (winter 2026/27) is followed by 2027L (its summer), 2027L by 2027Z.
        return TermDraft(f"{year + 1}L" if letter == "Z" else f"{year}Z", "", None, None)

    def open_new_term(self) -> None:
        view = self.view
        if not self.new_term.isEnabled():
            return
        dialog = TermDialog(view.context, view, suggested=self._suggested())
        dialog.succeeded.connect(self.refresh_terms)
        view._open(dialog)

    def open_edit_term(self) -> None:
        view = self.view
        term_id = view.term.currentData()
        if not self.edit_term.isEnabled():
            return
        if term_id is None:
            view.title.setText(self.tr("Choose a term to edit in the Term list."))
            return
        db, actor = view.context.db, view.context.actor

        def show(line: TermLine) -> None:
            dialog = TermDialog(view.context, view, line=line)
            dialog.succeeded.connect(lambda _line: self.refresh_terms(term_id))
            view._open(dialog)

        view.context.tasks.run(lambda: term_line(UnitOfWork(db, actor), term_id), show,
                               lambda error: view.title.setText(str(error)))

    def refresh_terms(self, term_id) -> None:
        """Read the terms again into the chooser (and the registration form's list), choosing ``term_id``."""
        view = self.view
        db = view.context.db
        wanted = term_id.id if isinstance(term_id, TermLine) else term_id

        def show(choices: list[Choice]) -> None:
            if view.choices is not None:
                view.choices = (view.choices[0], choices, view.choices[2])
            view.term.blockSignals(True)
            while view.term.count() > 1:  # the first entry is "all terms"
                view.term.removeItem(1)
            for term in choices:
                view.term.addItem(f"{term.code} — {term.name}", term.id)
            view.term.setCurrentIndex(max(0, view.term.findData(wanted)))
            view.term.blockSignals(False)
            view.reload()

        view.context.tasks.run(lambda: terms(db), show, lambda error: view.title.setText(str(error)))
