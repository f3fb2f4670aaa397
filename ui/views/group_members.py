"""The class-groups view's changes to a group's students: unenroll and move one, or all the selected at once.

One student: the dialogs of ``ui.views.group_dialogs`` (a refusal shown in the dialog, the input kept).
Several: one dialog (the target group and the reason), whose OK names how many (the one confirmation),
and the result says how many were done and which were not, each with the rulebook's reason. A move
shows its preview first (``desk.closures.plan_moves``: where each student goes or why they stay, the
target's free seats, who would gain a freed seat from a waiting list) and applies exactly that plan in
one change set; only a clerk's override (over the limit, despite a clash), which a plan does not make,
moves each student by the rulebook in turn (``enrollment.move_many``). Unenrolling runs
``enrollment.unenroll_many`` in one change set.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QMessageBox

from desk import closures, enrollment
from desk.closures import Plan
from desk.enrollment import Refusal
from desk.groups import GroupLine, MemberLine
from desk.many import ManyDone, NotDone
from desk.unit_of_work import UnitOfWork
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.many_at_once import ManyAtOnceDialog, names_list, show_result
from ui.screen import fit_to_screen
from ui.tasks import error_message
from ui.views.closure_dialogs import PlanPreview
from ui.views.group_dialogs import (
    OVER_THE_LIMIT,
    MoveDialog,
    UnenrollDialog,
    clash_box,
    group_label,
    offer_clash,
    target_text,
)
from ui.views.impact_preview import outrun


def _move_title() -> str:
    """The class-groups view's own words (translated in its context)."""
    return QCoreApplication.translate("GroupsView", "Move to group")


def member_name(member: MemberLine) -> str:
    return f"{member.first_name} {member.last_name} ({member.student_number})"


def apply_moves(uow: UnitOfWork, plan: Plan, reason: str) -> ManyDone:
    """A previewed move applied (one change set), told as acting on many is: who moved, who stayed and why."""
    applied = closures.apply_plan(uow, plan, reason=reason)
    return ManyDone(len(plan.placements), tuple(p.enrollment_id for p in plan.placed),
                    tuple(NotDone(p.enrollment_id, p.why) for p in plan.not_placed), applied.change_set_id)


def _stays_for(plan: Plan | None, codes: frozenset) -> bool:
    """Whether a student of the plan stays for one of these refusals (which a clerk may override)."""
    return plan is not None and any(r.code in codes for p in plan.not_placed for r in p.refusals)


def _move_students(db, actor, enrollment_ids: list[int], values: tuple, progress) -> ManyDone:
    """In the background: the plan shown applied, or each student moved by the rulebook with the override ticked."""
    if values[0] == "plan":
        _how, plan, reason = values
        return apply_moves(UnitOfWork(db, actor), plan, reason)
    _how, target_id, over_limit, despite_clash, reason = values
    return enrollment.move_many(UnitOfWork(db, actor), enrollment_ids, target_id, reason=reason, over_limit=over_limit,
                                despite_clash=despite_clash, progress=progress)


class MoveManyDialog(ManyAtOnceDialog):
    """Move the selected students to one group: the target, its preview (each student's place or why they stay, the
    target's free seats, who would gain a freed seat from a waiting list), the overrides where the preview leaves
    students behind for want of a seat or for a clash, and the reason."""

    def __init__(self, context: AppContext, members: list[MemberLine], group: GroupLine, siblings: list[GroupLine], parent=None):
        db, actor, count = context.db, context.actor, len(members)
        ids = [m.enrollment_id for m in members]
        super().__init__(context, "", "", "", "moveManyDialog",
                         lambda v, progress: _move_students(db, actor, ids, v, progress), parent)
        self.ids = ids
        self.count = count
        self.siblings = list(siblings)
        self.set_texts(
            self.tr("Move %n students", "", count),
            self.tr("Move these %n students from %1 to another group of the course:", "", count)
            .replace("%1", group_label(group)) + "\n" + names_list([member_name(m) for m in members]),
            self.tr("&Move %n students", "", count),
        )
        self.target = QComboBox(self)
        self.target.setObjectName("moveTargetChooser")
        self.target.setAccessibleName(self.tr("Target group"))
        for sibling in self.siblings:
            self.target.addItem(target_text(sibling), sibling.id)
        self.preview = PlanPreview(context, self, closing=False)
        self.preview.ready.connect(lambda _plan: self._sync())
        self.over_limit = QCheckBox(self.tr("Even if the group has too few places (a recorded &override)"), self)
        self.over_limit.setObjectName("moveOverLimitBox")
        self.over_limit.setAccessibleName(self.tr("Move over the limit"))
        # Whose timetable clashes is known student by student: offered once the preview names a clash.
        self.despite_clash = clash_box(self)
        self.overridden = QLabel(self.tr("With an override ticked, the students the preview leaves behind for that "
                                         "reason move too, each recorded as an override."), self)
        self.overridden.setObjectName("moveOverrideNote")
        self.overridden.setWordWrap(True)
        self.overridden.setVisible(False)
        roomy = next((i for i, g in enumerate(self.siblings) if g.free >= count), None)
        self.target.setCurrentIndex(roomy if roomy is not None else next((i for i, g in enumerate(self.siblings) if g.free), 0))
        self.target.currentIndexChanged.connect(lambda _index: self._preview())
        self.over_limit.toggled.connect(lambda _checked: self._sync())
        self.despite_clash.toggled.connect(lambda _checked: self._sync())
        self.form.addRow(self.tr("&To group:"), self.target)
        self.form.addRow(self.preview)
        self.form.addRow("", self.over_limit)
        self.form.addRow("", self.despite_clash)
        self.form.addRow("", self.overridden)
        self.finish_form()
        fit_to_screen(self, QSize(780, 640))
        self._preview()

    def target_group(self) -> GroupLine | None:
        index = self.target.currentIndex()
        return self.siblings[index] if 0 <= index < len(self.siblings) else None

    def _preview(self) -> None:
        target = self.target_group()
        ids = self.ids
        if target is not None:
            self.preview.preview(lambda uow: closures.plan_moves(uow, ids, target.id))
        self._sync()

    def _shown_plan(self) -> Plan | None:
        """The plan on the screen, if it is for the group chosen."""
        plan, target = self.preview.plan, self.target_group()
        if plan is None or target is None or [t.group_id for t in plan.targets] != [target.id]:
            return None
        return plan

    def _sync(self) -> None:
        plan = self._shown_plan()
        short = _stays_for(plan, OVER_THE_LIMIT)  # the overrides are offered where the preview leaves someone behind
        self.over_limit.setEnabled(short)
        if not short:
            self.over_limit.setChecked(False)
        offer_clash(self.despite_clash, _stays_for(plan, frozenset({Refusal.TIMETABLE_CLASH})))
        self.over_limit.setToolTip(
            self.tr("Without it, the students beyond the free places stay where they are (each is named in the result).")
            if self.over_limit.isEnabled() else self.tr("The preview leaves no one behind for want of a place."))
        self.overridden.setVisible(self._overriding())

    def _overriding(self) -> bool:
        return ((self.over_limit.isEnabled() and self.over_limit.isChecked())
                or (self.despite_clash.isEnabled() and self.despite_clash.isChecked()))

    def values(self):
        target = self.target_group()
        if target is None:
            raise ValueError(self.tr("Choose the group to move to."))
        plan = self._shown_plan()
        if plan is None:
            raise ValueError(self.tr("The preview is not ready: move them once it is shown."))
        if self._overriding():
            return ("override", target.id, self.over_limit.isEnabled() and self.over_limit.isChecked(),
                    self.despite_clash.isEnabled() and self.despite_clash.isChecked(), self.reason.text())
        if not plan.placed:
            raise ValueError(self.tr("None of them can be moved to %1: the preview says why.").replace("%1", group_label(target)))
        return ("plan", plan, self.reason.text())

    def refused(self, error: BaseException) -> None:
        if outrun(error):
            self.preview.outdated()


class UnenrollManyDialog(ManyAtOnceDialog):
    """Take the selected students out of the group, with one reason."""

    def __init__(self, context: AppContext, members: list[MemberLine], group: GroupLine, parent=None):
        db, actor, count = context.db, context.actor, len(members)
        ids = [m.enrollment_id for m in members]
        super().__init__(
            context, "", "", "", "unenrollManyDialog",
            lambda reason, progress: enrollment.unenroll_many(UnitOfWork(db, actor), ids, reason=reason, progress=progress),
            parent,
        )
        self.set_texts(
            self.tr("Unenroll %n students", "", count),
            self.tr("Take these %n students out of %1? Their places are free again at once.", "", count)
            .replace("%1", group_label(group)) + "\n" + names_list([member_name(m) for m in members]),
            self.tr("&Unenroll %n students", "", count),
        )
        self.finish_form()


class GroupMemberActions(QObject):
    """Unenroll and move for the class-groups view: the students selected in its members table."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view

    def _ready(self) -> tuple[list[MemberLine], GroupLine] | None:
        view = self.view
        members, group = view.selected_members(), view.current_group
        if not (view.may_change and members and group is not None):
            return None
        return members, group

    def unenroll(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        members, group = ready
        changes = Changes.of(group={group.id}, student={m.student_id for m in members}, tokens=ALL, payment=ALL, outbox=ALL,
                             history=ALL)
        if len(members) == 1:
            self.view._open(UnenrollDialog(self.view.context, members[0], group, self.view), changes)
            return
        dialog = UnenrollManyDialog(self.view.context, members, group, self.view)
        self._results(dialog, members, self.tr("Unenroll"),
                      lambda done: self.tr("%n students unenrolled from %1.", "", done).replace("%1", group_label(group)))
        self.view._open(dialog, changes)

    def move(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        members, group = ready
        view = self.view
        db, actor = view.context.db, view.context.actor
        view.move_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            view._member_buttons()
            view._message(QMessageBox.Icon.Warning, _move_title(), error_message(error))

        # The rulebook says where a student may go (desk.rules.move: same course, term and class type); the
        # students of one group may go to the same groups, and each is asked again when moved.
        enrollment_id = members[0].enrollment_id
        view.context.tasks.run(lambda: enrollment.groups_to_move_to(UnitOfWork(db, actor), enrollment_id),
                               lambda siblings: self._open_move(members, group, siblings), failed)

    def _open_move(self, members: list[MemberLine], group: GroupLine, siblings: list[GroupLine]) -> None:
        view = self.view
        view._member_buttons()
        if not siblings:
            view._message(QMessageBox.Icon.Information, _move_title(),
                          QCoreApplication.translate("GroupsView", "The course has no other group of this class type in this term."))
            return
        # A seat freed in the group may go to a student on its waiting list: any student's card may change.
        changes = Changes.of(group={group.id, *(g.id for g in siblings)}, student=ALL, payment=ALL, outbox=ALL,
                             history=ALL)
        if len(members) == 1:
            view._open(MoveDialog(view.context, members[0], group, siblings, view), changes)
            return
        dialog = MoveManyDialog(view.context, members, group, siblings, view)

        def moved(done: int) -> str:
            target = dialog.target_group()
            return self.tr("%n students moved to %1.", "", done).replace("%1", group_label(target) if target else "")

        self._results(dialog, members, _move_title(), moved)
        view._open(dialog, changes)

    def _results(self, dialog: ManyAtOnceDialog, members: list[MemberLine], title: str, done_sentence) -> None:
        names = {m.enrollment_id: member_name(m) for m in members}

        def shown(result: ManyDone) -> None:
            self.view.last_message = show_result(self.view, title, result, done_sentence(len(result.done)),
                                                 lambda eid: names.get(eid, str(eid)))

        dialog.succeeded.connect(shown)
