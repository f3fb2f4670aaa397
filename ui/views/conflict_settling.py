"""The sync view's settling of conflicts: one with its own dialog, or all the selected at once with one reason.

One conflict: a dialog that names the student and why the desk refused, a refusal shown in it. Several
(Shift/Ctrl+click, Ctrl+A): one dialog whose OK names how many, ``resolve_conflicts`` for all in one change
set with progress, and a result that names each conflict left open and why. The texts are the sync
view's own (translated in its context).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize

from desk import sync, sync_conflicts
from desk.many import ManyDone
from desk.staff import Actor, Permission
from desk.sync import ConflictLine
from desk.unit_of_work import UnitOfWork
from ui.changes import ALL, Changes
from ui.dialogs import ActionDialog
from ui.many_at_once import ManyAtOnceDialog, names_list, show_result
from ui.screen import fit_to_screen

# Settling conflicts (an enrollment over the limit among them) changes what the sync view and the groups show.
SETTLED_MANY = Changes.of(sync=ALL, group=ALL, student=ALL, outbox=ALL, history=ALL)


def may_settle(actor: Actor, line: ConflictLine, enroll_over_limit: bool) -> bool:
    """Settling is the decision of the unit that runs the group or the registration (the service checks it too)."""
    if enroll_over_limit and (line.kind != "register" or line.group_id is None):
        return False
    return actor.can(Permission.MANAGE_GROUPS, line.unit_id)


def conflict_name(line: ConflictLine) -> str:
    """A conflict as the dialog and the result name it: the student and what they asked for."""
    from ui.views.sync_view import action_label

    what = " ".join(part for part in (action_label(line.kind), line.group_label or line.registration_code or "") if part)
    return f"{line.student_name or ''} ({line.student_number or '—'}): {what}"


def settle(view, lines: list[ConflictLine], enroll_over_limit: bool) -> None:
    """Open the dialog that settles the selected conflicts: the one-conflict dialog, or the one for all of them."""
    if len(lines) == 1:
        _settle_one(view, lines[0], enroll_over_limit)
    elif lines:
        _settle_many(view, lines, enroll_over_limit)


def _fit(dialog: ActionDialog) -> None:
    dialog.finish_form()
    # The intro wraps over several lines: give the dialog the height that needs.
    fitting = dialog.heightForWidth(560)
    fit_to_screen(dialog, QSize(560, fitting if fitting > 0 else dialog.sizeHint().height()))


def _settle_one(view, line: ConflictLine, enroll_over_limit: bool) -> None:
    from ui.views.sync_view import action_label

    db, actor = view.context.db, view.context.actor
    who = f"{line.student_name or ''} ({line.student_number or '—'})"
    message = line.message.strip().rstrip(".")
    if enroll_over_limit:
        title = QCoreApplication.translate("SyncView", "Enroll over the limit")
        intro = QCoreApplication.translate(
            "SyncView", "%1 asked on the portal to %2, and the desk refused: “%3”. Enrolling over the limit records "
                        "an override and settles the conflict.")
        ok, name = QCoreApplication.translate("SyncView", "&Enroll over the limit"), "enrollOverLimitDialog"
        hint = QCoreApplication.translate("SyncView", "e.g. decision of the vice-dean, the student must repeat the class")
    else:
        title = QCoreApplication.translate("SyncView", "Dismiss the conflict")
        intro = QCoreApplication.translate(
            "SyncView", "%1 asked on the portal to %2, and the desk refused: “%3”. Dismissing changes nothing at the "
                        "desk; the portal shows the student what the desk has.")
        ok, name = QCoreApplication.translate("SyncView", "&Dismiss the conflict"), "dismissConflictDialog"
        hint = QCoreApplication.translate("SyncView", "e.g. the student was told by e-mail, another group was offered")
    intro = intro.replace("%1", who).replace("%2", action_label(line.kind)).replace("%3", message)
    conflict_id = line.id
    dialog = ActionDialog(
        view.context, title, intro, ok, name,
        lambda reason: sync.resolve_conflict(UnitOfWork(db, actor), conflict_id, enroll_over_limit=enroll_over_limit,
                                             reason=reason),
        view, reason_hint=hint,
    )
    _fit(dialog)
    dialog.succeeded.connect(lambda _result: view.refresh())
    view.last_dialog = dialog
    dialog.open()


def _settle_many(view, lines: list[ConflictLine], enroll_over_limit: bool) -> None:
    db, actor, count = view.context.db, view.context.actor, len(lines)
    named = {line.id: conflict_name(line) for line in lines}
    if enroll_over_limit:
        title = QCoreApplication.translate("SyncView", "Enroll over the limit — %n conflicts", "", count)
        intro = QCoreApplication.translate(
            "SyncView", "Enroll the students of these %n conflicts in the groups they asked for, over the limits "
                        "(each recorded as an override), and settle the conflicts:", "", count)
        ok = QCoreApplication.translate("SyncView", "&Enroll %n students over the limit", "", count)
        name = "enrollConflictsOverLimitDialog"
        hint = QCoreApplication.translate("SyncView", "e.g. decision of the vice-dean, the student must repeat the class")
    else:
        title = QCoreApplication.translate("SyncView", "Dismiss %n conflicts", "", count)
        intro = QCoreApplication.translate(
            "SyncView", "Dismiss these %n conflicts? Dismissing changes nothing at the desk; the portal shows each "
                        "student what the desk has.", "", count)
        ok, name = QCoreApplication.translate("SyncView", "&Dismiss %n conflicts", "", count), "dismissConflictsDialog"
        hint = QCoreApplication.translate("SyncView", "e.g. the students were told by e-mail, other groups were offered")
    ids = [line.id for line in lines]
    dialog = ManyAtOnceDialog(
        view.context, title, f"{intro}\n{names_list(list(named.values()))}", ok, name,
        lambda reason, progress: sync_conflicts.resolve_conflicts(
            UnitOfWork(db, actor), ids, enroll_over_limit=enroll_over_limit, reason=reason, progress=progress),
        view, reason_hint=hint, changes=SETTLED_MANY,
    )
    _fit(dialog)

    def settled(result: ManyDone) -> None:
        done = len(result.done)
        if enroll_over_limit:
            sentence = QCoreApplication.translate(
                "SyncView", "%n conflicts settled by enrolling the students over the limit.", "", done)
        else:
            sentence = QCoreApplication.translate("SyncView", "%n conflicts dismissed.", "", done)
        view.last_message = show_result(view, title, result, sentence, lambda cid: named.get(cid, str(cid)))

    dialog.succeeded.connect(settled)
    view.last_dialog = dialog
    dialog.open()
