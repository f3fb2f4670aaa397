"""The class-groups view's changes to a group's students: unenroll and move one, or all the selected at once.

One student: the dialogs of ``ui.views.group_dialogs`` (a refusal shown in the dialog, the input kept).
Several: one dialog (the target group and the reason), whose OK names how many (the one confirmation);
the same services run for each student in one change set (``enrollment.move_many``/``unenroll_many``),
and the result says how many were done and which were not, each with the rulebook's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QMessageBox

from desk import enrollment
from desk.groups import GroupLine, MemberLine
from desk.many import ManyDone
from desk.unit_of_work import UnitOfWork
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.many_at_once import ManyAtOnceDialog, names_list, show_result
from ui.tasks import error_message
from ui.views.group_dialogs import MoveDialog, UnenrollDialog, clash_box, group_label, offer_clash, target_text


def _move_title() -> str:
    """The class-groups view's own words (translated in its context)."""
    return QCoreApplication.translate("GroupsView", "Move to group")


def member_name(member: MemberLine) -> str:
    return f"{member.first_name} {member.last_name} ({member.student_number})"


class MoveManyDialog(ManyAtOnceDialog):
    """Move the selected students to one group: the target, the override when it has too few places, the reason."""

    def __init__(self, context: AppContext, members: list[MemberLine], group: GroupLine, siblings: list[GroupLine], parent=None):
        db, actor, count = context.db, context.actor, len(members)
        ids = [m.enrollment_id for m in members]
        super().__init__(
            context, "", "", "", "moveManyDialog",
            lambda v, progress: enrollment.move_many(UnitOfWork(db, actor), ids, v[0], reason=v[2], over_limit=v[1],
                                                     despite_clash=v[3], progress=progress),
            parent,
        )
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
        self.over_limit = QCheckBox(self.tr("Even if the group has too few places (a recorded &override)"), self)
        self.over_limit.setObjectName("moveOverLimitBox")
        self.over_limit.setAccessibleName(self.tr("Move over the limit"))
        self.target.currentIndexChanged.connect(lambda _index: self._sync())
        roomy = next((i for i, g in enumerate(self.siblings) if g.free >= count), None)
        self.target.setCurrentIndex(roomy if roomy is not None else next((i for i, g in enumerate(self.siblings) if g.free), 0))
        self.form.addRow(self.tr("&To group:"), self.target)
        # Whose timetable clashes is known student by student: offered from the start, each refusal named in the result.
        self.despite_clash = clash_box(self)
        offer_clash(self.despite_clash, True)
        self.despite_clash.setToolTip(self.tr("Without it, the students whose timetable clashes with the group stay where "
                                              "they are (each is named in the result)."))
        self.form.addRow("", self.over_limit)
        self.form.addRow("", self.despite_clash)
        self.finish_form()
        self._sync()

    def target_group(self) -> GroupLine | None:
        index = self.target.currentIndex()
        return self.siblings[index] if 0 <= index < len(self.siblings) else None

    def _sync(self) -> None:
        target = self.target_group()
        short = target is not None and target.free < self.count
        self.over_limit.setEnabled(short)
        if not short:
            self.over_limit.setChecked(False)
        self.over_limit.setToolTip(
            self.tr("Without it, the students beyond the free places stay where they are (each is named in the result).")
            if short else self.tr("The group has places for all of them."))

    def values(self):
        target = self.target_group()
        if target is None:
            raise ValueError(self.tr("Choose the group to move to."))
        return (target.id, self.over_limit.isEnabled() and self.over_limit.isChecked(), self.reason.text(),
                self.despite_clash.isChecked())


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
        changes = Changes.of(group={group.id, *(g.id for g in siblings)}, student={m.student_id for m in members},
                             outbox=ALL, history=ALL)
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
