"""The class-groups view's dialogs: seat limit (with who would gain a seat from a waiting list), lower limit, enroll,
unenroll, move; each one change, all or nothing."""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QRadioButton, QSpinBox, QWidget

from desk import enrollment, groups, impact
from desk import labels
from desk.enrollment import EnrollmentRefused, Refusal
from desk.errors import DomainError
from desk.impact import Impact
from desk.groups import GroupLine, MemberLine
from desk.unit_of_work import UnitOfWork
from ui.context import AppContext
from ui.formats import fit_combo
from ui.dialogs import ActionDialog, StudentPicker
from ui.models.group_table_model import timetable
from ui.screen import fit_to_screen
from ui.tasks import error_message
from ui.views.impact_preview import REHEARSAL_REASON, Rehearsals, gains_text


# The refusals a clerk may override by enrolling over the limit (with a reason): the group is full, or its free
# seats are all dedicated to other students.
OVER_THE_LIMIT = frozenset({Refusal.FULL, Refusal.DEDICATED})


def needs_the_override(error: BaseException) -> bool:
    """Whether the rulebook refused for want of a seat the student may take: the over-limit override is offered."""
    return isinstance(error, EnrollmentRefused) and any(r.code in OVER_THE_LIMIT for r in error.refusals)


def group_label(group: GroupLine) -> str:
    """The group as a clerk names it: course code, class type (translated) and number."""
    return labels.group_label(group.course_code, group.class_type, group.number)


class SignedSpinBox(QSpinBox):
    """A change such as +5 or −3, always shown with its sign."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt's name
        return f"{value:+d}"


class SetLimitDialog(ActionDialog):
    """Set the selected groups' limit to a value, or change it by +N / −N: all or nothing.

    Before OK it shows who would gain a seat from a waiting list (the change rehearsed in the
    background, ``desk.impact``), asked again a moment after the number changes.
    """

    def __init__(self, context: AppContext, selected: list[GroupLine], parent: QWidget | None = None):
        db, actor = context.db, context.actor
        ids = [g.id for g in selected]
        super().__init__(
            context, "", "", "", "setLimitDialog",
            lambda v: groups.set_seat_limits(UnitOfWork(db, actor), ids, value=v[1] if v[0] == "value" else None,
                                             delta=v[1] if v[0] == "delta" else None, reason=v[2]),
            parent,
        )
        self.selected = selected
        self.set_texts(
            self.tr("Seat limit — %n groups", "", len(selected)),
            self.tr("A limit is never set below the students already in a group; then nothing is changed."),
            self.tr("&Apply"),
        )
        self.to_value = QRadioButton(self.tr("Set &to"), self)
        self.to_value.setObjectName("limitToValue")
        self.to_value.setAccessibleName(self.tr("Set the limit to a value"))
        self.by_delta = QRadioButton(self.tr("Change &by"), self)
        self.by_delta.setObjectName("limitByDelta")
        self.by_delta.setAccessibleName(self.tr("Change the limit by a number"))
        self.value = QSpinBox(self)
        self.value.setObjectName("limitValueField")
        self.value.setAccessibleName(self.tr("New limit"))
        self.value.setRange(0, 100_000)
        self.value.setValue(selected[0].seat_limit)
        self.delta = SignedSpinBox(self)
        self.delta.setObjectName("limitDeltaField")
        self.delta.setAccessibleName(self.tr("Change of the limit"))
        self.delta.setRange(-100_000, 100_000)
        self.delta.setValue(5)
        self.preview = QLabel(self)
        self.preview.setObjectName("limitPreview")
        self.preview.setAccessibleName(self.tr("New limits"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.gains = QLabel(self)
        self.gains.setObjectName("limitImpact")
        self.gains.setAccessibleName(self.tr("Who would gain a seat from a waiting list"))
        self.gains.setWordWrap(True)
        self.gains.setTextFormat(Qt.TextFormat.PlainText)
        self.gains.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Typing "25" asks once, not for 2 and then for 25.
        self.rehearsals = Rehearsals(context, self, self._gains_shown, self._gains_refused, delay_ms=300)
        self.to_value.setChecked(len(selected) == 1)
        self.by_delta.setChecked(len(selected) > 1)
        self.to_value.toggled.connect(self._sync)
        self.value.valueChanged.connect(self._sync)
        self.delta.valueChanged.connect(self._sync)
        self.form.addRow(self.to_value, self.value)
        self.form.addRow(self.by_delta, self.delta)
        self.form.addRow(self.tr("Groups:"), self.preview)
        self.form.addRow(self.tr("Waiting lists:"), self.gains)
        self.finish_form()
        self._sync()
        # The keyboard starts in the number the clerk will type, and follows the choice of Set to / Change by.
        self._field_of_choice().setFocus(Qt.FocusReason.OtherFocusReason)
        self.to_value.toggled.connect(lambda _checked: self._field_of_choice().setFocus(Qt.FocusReason.ShortcutFocusReason))

    def _field_of_choice(self) -> QSpinBox:
        field = self.value if self.to_value.isChecked() else self.delta
        field.selectAll()
        return field

    def _sync(self, *_args) -> None:
        self.value.setEnabled(self.to_value.isChecked())
        self.delta.setEnabled(not self.to_value.isChecked())
        lines = []
        for g in self.selected[:8]:
            asked = self.value.value() if self.to_value.isChecked() else g.seat_limit + self.delta.value()
            line = f"{group_label(g)}: {g.seat_limit} → {asked}"
            if asked < g.enrolled:
                line += "  " + self.tr("(below the %1 enrolled)").replace("%1", str(g.enrolled))
            lines.append(line)
        if len(self.selected) > 8:
            lines.append(self.tr("… and %1 more").replace("%1", str(len(self.selected) - 8)))
        self.preview.setText("\n".join(lines))
        self._ask_the_waiting_lists()

    def _ask_the_waiting_lists(self) -> None:
        """Who would gain a seat: the change rehearsed in the background, only where a limit rises (a lower one
        frees no seat)."""
        value = self.value.value() if self.to_value.isChecked() else None
        delta = None if self.to_value.isChecked() else self.delta.value()
        rises = any((value if value is not None else g.seat_limit + delta) > g.seat_limit for g in self.selected)
        if not rises:
            self.rehearsals.ask(lambda: None)  # an answer still on its way is for a number no longer asked
            return
        self.gains.setText(self.tr("Asking the waiting lists…"))
        db, actor, zone, ids = self.context.db, self.context.actor, self.context.time_zone, [g.id for g in self.selected]

        def rehearse() -> Impact:
            uow = UnitOfWork(db, actor)
            return impact.preview(uow, lambda: groups.set_seat_limits(uow, ids, value=value, delta=delta,
                                                                       reason=REHEARSAL_REASON), zone=zone)

        self.rehearsals.ask(rehearse)

    def _gains_shown(self, seen: Impact | None) -> None:
        if seen is None:
            self.gains.setText(self.tr("A limit that does not rise frees no seat for a waiting list."))
        else:
            self.gains.setText(gains_text(seen))

    def _gains_refused(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            self.gains.setText(self.tr("No one: these limits would be refused as they stand."))
        else:
            self.gains.setText(error_message(error))

    def values(self):
        if self.to_value.isChecked():
            return ("value", self.value.value(), self.reason.text())
        if self.delta.value() == 0:
            raise ValueError(self.tr("Give a change such as +5 or -3."))
        return ("delta", self.delta.value(), self.reason.text())


class LowerLimitDialog(ActionDialog):
    """The number of students below which one group does not run."""

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "lowerLimitDialog",
                         lambda v: groups.set_lower_limit(UnitOfWork(db, actor), group.id, v[0], reason=v[1]), parent)
        self.set_texts(
            self.tr("Lower limit — %1").replace("%1", group_label(group)),
            self.tr("Below this number of students the group does not run; it is flagged in the table. "
                    "%1 enrolled, seat limit %2.").replace("%1", str(group.enrolled)).replace("%2", str(group.seat_limit)),
            self.tr("&Save"),
        )
        self.lower_limit = QSpinBox(self)
        self.lower_limit.setObjectName("lowerLimitField")
        self.lower_limit.setAccessibleName(self.tr("Lower limit"))
        self.lower_limit.setRange(0, 100_000)  # above the seat limit is refused by the service, with the reason
        self.lower_limit.setValue(group.lower_limit)
        self.form.addRow(self.tr("&Lower limit:"), self.lower_limit)
        self.finish_form()

    def values(self):
        return (self.lower_limit.value(), self.reason.text())


class EnrollDialog(ActionDialog):
    """Find a student and enroll them; over the limit only with the box ticked (recorded as an override)."""

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(
            context, "", "", "", "enrollDialog",
            lambda v: enrollment.enroll(UnitOfWork(db, actor), v[0], group.id, reason=v[2], over_limit=v[1],
                                        despite_clash=v[3]), parent,
        )
        self.group = group
        taken = self.tr("%1 of %2 places taken.").replace("%1", str(group.enrolled)).replace("%2", str(group.seat_limit))
        if group.dedicated_free:
            taken += " " + self.tr("Free places dedicated to some students: %n (other students only over the limit).",
                                   "", group.dedicated_free)
        self.set_texts(self.tr("Enroll in %1").replace("%1", group_label(group)), taken, self.tr("&Enroll"))
        self.picker = StudentPicker(context, self)
        self.picker.setObjectName("enrollStudentPicker")
        self.picker.setAccessibleName(self.tr("Student to enroll"))
        self.over_limit = QCheckBox(self.tr("Enroll &over the limit (a recorded override)"), self)
        self.over_limit.setObjectName("overLimitBox")
        self.over_limit.setAccessibleName(self.tr("Enroll over the limit"))
        self._full(group.free == 0)
        self.despite_clash = clash_box(self)
        self.form.addRow(self.tr("&Student:"), self.picker)
        self.form.addRow("", self.over_limit)
        self.form.addRow("", self.despite_clash)
        self.finish_form()
        fit_to_screen(self, QSize(620, 440))
        self.picker.chosen.connect(lambda _student: offer_clash(self.despite_clash, False))  # another student: asked anew

    def _full(self, full: bool) -> None:
        self.over_limit.setEnabled(full)
        self.over_limit.setToolTip("" if full else self.tr("The group has free places."))

    def refused(self, error: BaseException) -> None:
        if needs_the_override(error):
            self._full(True)  # full, or its free seats dedicated to others: the override is now the clerk's choice
        if clashes(error):
            offer_clash(self.despite_clash, True)  # the refusal said with which group and when

    def values(self):
        student_id = self.picker.student_id
        if student_id is None:
            raise ValueError(self.tr("Find and choose the student first."))
        return (student_id, self.over_limit.isEnabled() and self.over_limit.isChecked(), self.reason.text(),
                self.despite_clash.isEnabled() and self.despite_clash.isChecked())


class UnenrollDialog(ActionDialog):
    """Take a student out of a group, with the reason."""

    def __init__(self, context: AppContext, member: MemberLine, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "unenrollDialog",
                         lambda reason: enrollment.unenroll(UnitOfWork(db, actor), member.enrollment_id, reason=reason), parent)
        self.member = member
        self.set_texts(
            self.tr("Unenroll — %1").replace("%1", group_label(group)),
            self.tr("Take %1 %2 (%3) out of %4? The place is free again at once.")
            .replace("%1", member.first_name).replace("%2", member.last_name).replace("%3", member.student_number)
            .replace("%4", group_label(group)),
            self.tr("&Unenroll"),
        )
        self.finish_form()

    def values(self):
        return self.reason.text()


def clash_box(parent: QWidget) -> QCheckBox:
    """"Despite the timetable clash": offered once the rulebook has named the clash (a recorded override)."""
    box = QCheckBox(QCoreApplication.translate("EnrollDialog", "Despite the timetable &clash (a recorded override)"), parent)
    box.setObjectName("despiteClashBox")
    box.setAccessibleName(QCoreApplication.translate("EnrollDialog", "Despite the timetable clash"))
    offer_clash(box, False)
    return box


def offer_clash(box: QCheckBox, clash: bool) -> None:
    box.setEnabled(clash)
    if not clash:
        box.setChecked(False)
    box.setToolTip("" if clash else QCoreApplication.translate(
        "EnrollDialog", "Offered when the group clashes with one the student holds."))


def clashes(error: BaseException) -> bool:
    return isinstance(error, EnrollmentRefused) and any(r.code is Refusal.TIMETABLE_CLASH for r in error.refusals)


def target_text(group: GroupLine) -> str:
    """A group offered to move to: its fill and its timetable (one student moved or many)."""
    text = (QCoreApplication.translate("MoveDialog", "%1 — %2 of %3, %4 free").replace("%1", group_label(group))
            .replace("%2", str(group.enrolled)).replace("%3", str(group.seat_limit)).replace("%4", str(group.free)))
    when = timetable(group.slots)
    return text + (f" · {when}" if when else "")


class MoveDialog(ActionDialog):
    """Move a student to another group of the course: both steps or neither."""

    def __init__(self, context: AppContext, member: MemberLine, group: GroupLine, siblings: list[GroupLine],
                 parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(
            context, "", "", "", "moveDialog",
            lambda v: enrollment.move(UnitOfWork(db, actor), member.enrollment_id, v[0], reason=v[2], over_limit=v[1],
                                      despite_clash=v[3]), parent,
        )
        self.member = member
        self.siblings = list(siblings)
        self.set_texts(
            self.tr("Move %1 %2").replace("%1", member.first_name).replace("%2", member.last_name),
            self.tr("From %1 to another group of the course, in one step.").replace("%1", group_label(group)),
            self.tr("&Move"),
        )
        self.target = fit_combo(QComboBox(self))
        self.target.setObjectName("moveTargetChooser")
        self.target.setAccessibleName(self.tr("Target group"))
        for sibling in self.siblings:
            self.target.addItem(target_text(sibling), sibling.id)
        self.over_limit = QCheckBox(self.tr("Even if the group is &full (a recorded override)"), self)
        self.over_limit.setObjectName("moveOverLimitBox")
        self.over_limit.setAccessibleName(self.tr("Move over the limit"))
        self._forced_full: set[int] = set()
        self.despite_clash = clash_box(self)
        self._clashing: set[int] = set()  # targets the rulebook said clash
        self.target.currentIndexChanged.connect(lambda _index: self._sync())
        first_free = next((i for i, g in enumerate(self.siblings) if g.free > 0), 0)
        self.target.setCurrentIndex(first_free)
        self.form.addRow(self.tr("&To group:"), self.target)
        self.form.addRow("", self.over_limit)
        self.form.addRow("", self.despite_clash)
        self.finish_form()
        self._sync()

    def target_group(self) -> GroupLine | None:
        index = self.target.currentIndex()
        return self.siblings[index] if 0 <= index < len(self.siblings) else None

    def _sync(self) -> None:
        target = self.target_group()
        full = target is not None and (target.free == 0 or target.id in self._forced_full)
        self.over_limit.setEnabled(full)
        if not full:
            self.over_limit.setChecked(False)
        self.over_limit.setToolTip("" if full else self.tr("The group has free places."))
        offer_clash(self.despite_clash, target is not None and target.id in self._clashing)

    def refused(self, error: BaseException) -> None:
        target = self.target_group()
        if target is not None and needs_the_override(error):
            self._forced_full.add(target.id)
        if target is not None and clashes(error):
            self._clashing.add(target.id)
        self._sync()

    def values(self):
        target = self.target_group()
        if target is None:
            raise ValueError(self.tr("Choose the group to move to."))
        return (target.id, self.over_limit.isEnabled() and self.over_limit.isChecked(), self.reason.text(),
                self.despite_clash.isEnabled() and self.despite_clash.isChecked())
