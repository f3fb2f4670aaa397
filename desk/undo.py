"""Undoing a change set: a many-student move, a group's closure, an exchange break or a swap, reversed in one step.

A change set records each student's move as the enrollment it cancelled and the one it made. Undoing
it cancels and removes each enrollment the set made and gives each student back the very enrollment
it cancelled (the same row, its seat retaken from the share it held), opens a closed group again and
reopens the wishes an exchange carried out. So the database is as it was before the set, except for
the audit trail, which keeps both the set and its undoing. It is refused, saying what stands in the
way, when anything depending on the set has happened since: a student of it moved, left or was
enrolled again in between, or a seat the undoing needs is no longer free.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desk import bounds, rule_facts
from desk.changes import Action, Description, Shown
from desk.enrollment import (
    _GROUP_SHARE_SEAT,
    _TAKE_SEAT,
    _TAKE_SHARE_SEAT,
    EnrollmentAction,
    _reason,
    _release_seat,
)
from desk.errors import DomainError, NotFound
from desk.exchanges import WAITING, ExchangeAction, _stored
from desk.i18n import translate
from desk.model import AuditEntry, ClassGroup, Course, Enrollment, EnrollmentStatus, ExchangeWish, Student, WishStatus
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

# The change sets that can be undone: their heads' actions.
UNDOABLE = frozenset({"enrollment.move_many", "enrollment.move_planned", "class_group.close", "exchange.break",
                      "exchange.swap"})
_MADE = frozenset({EnrollmentAction.MOVE.value, EnrollmentAction.EXCHANGE.value})


class UndoAction(Action):
    UNDO = "change_set.undo"

    def describe(self, shown: Shown) -> Description:
        """The head names the set it undid (its id is in ``after``, the head itself is no record); each row says
        what it gave back or took away."""
        if shown.entity == "change_set":
            return Description(translate("History", "Change set #%1 undone").replace(
                "%1", str(shown.after.get("undone", ""))), frozenset({"undone", "action"}))
        if shown.entity == "enrollment":
            if shown.after.get("status") == EnrollmentStatus.ACCEPTED.value:
                return Description(translate("History", "Undone: the former seat given back in %1").replace(
                    "%1", shown.names.group(shown.after.get("group_id"))), frozenset({"group_id", "status"}))
            return Description(translate("History", "Undone: the enrollment in %1 removed").replace(
                "%1", shown.names.group(shown.after.get("group_id"))), frozenset({"group_id", "status"}))
        if shown.entity == "class_group":
            return Description(translate("History", "Undone: the group opened again"), frozenset({"closed"}))
        return Description(translate("History", "Undone"))


@dataclass(frozen=True)
class Undone:
    students: int  # students given back their former seats
    change_set_id: int | None


class CannotUndo(DomainError):
    """Something that depends on the change set has happened since; ``reasons``: each in words."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__(translate("Undo", "The change set cannot be undone:") + "\n" + "\n".join(reasons[:20]))


def undo(uow: UnitOfWork, change_set_id: int, *, reason: str) -> Undone:
    """Reverse the change set in one transaction (and one change set of its own), or refuse with what stands in the
    way."""
    reason = _reason(reason)
    bounds.RECORD_ID.check(change_set_id)
    with uow.write() as session:
        head = session.get(AuditEntry, change_set_id)
        if head is None or head.change_set_id != head.id:
            raise NotFound(translate("Undo", "There is no change set %1.").replace("%1", str(change_set_id)))
        if head.action not in UNDOABLE:
            raise DomainError(translate("Undo", "A change set of this kind cannot be undone."))
        entries = session.scalars(select(AuditEntry).where(AuditEntry.change_set_id == head.id)
                                  .order_by(AuditEntry.id)).all()
        moves = [(e.before["enrollment_id"], e.entity_id) for e in entries
                 if e.action in _MADE and e.entity == "enrollment" and (e.before or {}).get("enrollment_id")]
        made = [new for _old, new in moves]
        old_ids = [old for old, _new in moves]
        rows = {e.id: e for e in session.scalars(select(Enrollment).where(Enrollment.id.in_(made + old_ids)))}
        students = sorted({rows[i].student_id for i in made + old_ids if i in rows})
        groups = {rows[i].group_id for i in made + old_ids if i in rows}
        for unit in set(session.scalars(select(Course.unit_id).join(ClassGroup, ClassGroup.course_id == Course.id)
                                        .where(ClassGroup.id.in_(groups)))):
            uow.require(Permission.MANAGE_GROUPS, unit)
        rule_facts.lock_students(session, students)
        rule_facts.groups(session, groups, lock=True, timetables=False, now=uow.now)
        stands = _in_the_way(session, head, moves, rows, students)
        if stands:
            raise CannotUndo(stands)
        with uow.change_set(UndoAction.UNDO, entity="change_set", after={"undone": head.id, "action": head.action},
                            reason=reason) as undone:
            # Every seat the set took given back first, then every former seat retaken: a cycle's seats free each
            # other's.
            for _old_id, new_id in moves:
                _let_go(session, rows[new_id])
            for old_id, new_id in moves:
                _give_back(uow, session, rows[old_id], rows[new_id])
            for e in entries:
                if e.action == "class_group.close" and e.entity == "class_group" and e.entity_id != head.id:
                    session.execute(update(ClassGroup).where(ClassGroup.id == e.entity_id).values(closed_at=None)
                                    .execution_options(synchronize_session=False))
                    uow.record_change(UndoAction.UNDO, entity="class_group", entity_id=e.entity_id,
                                      after={"closed": False}, reason=reason)
            wishes = [e.entity_id for e in entries if e.action == ExchangeAction.WISH.value
                      and (e.after or {}).get("status") == WishStatus.DONE.value]
            if wishes:
                session.execute(update(ExchangeWish).where(ExchangeWish.id.in_(wishes))
                                .values(status=WishStatus.OPEN, closed_at=None, done_enrollment_id=None,
                                        **_stored(WAITING())).execution_options(synchronize_session=False))
                for wish_id in wishes:
                    uow.record_change(ExchangeAction.WISH, entity="exchange_wish", entity_id=wish_id,
                                      after={"status": WishStatus.OPEN.value}, reason=reason)
            # The rows the set made go: the database is as it was (the audit trail keeps them).
            session.execute(delete(Enrollment).where(Enrollment.id.in_(made)))
        return Undone(len(moves), undone)


def _in_the_way(session: Session, head: AuditEntry, moves, rows: dict, students: list[int]) -> list[str]:
    """What has happened since the set that it depends on, in words."""
    numbers = dict(session.execute(select(Student.id, Student.student_number).where(Student.id.in_(students))).all())
    touched = set(session.scalars(select(AuditEntry.entity_id).where(
        AuditEntry.entity == "enrollment", AuditEntry.id > head.id,
        AuditEntry.entity_id.in_([new for _old, new in moves] + [old for old, _new in moves]),
        (AuditEntry.change_set_id.is_(None)) | (AuditEntry.change_set_id != head.id))))
    later = set(session.scalars(select(AuditEntry.student_id).where(
        AuditEntry.entity == "enrollment", AuditEntry.id > head.id, AuditEntry.student_id.in_(students),
        (AuditEntry.change_set_id.is_(None)) | (AuditEntry.change_set_id != head.id))))
    # A wish recorded since from a seat the set gave (even one closed since) keeps that enrollment: it cannot go.
    wished_from = set(session.scalars(select(ExchangeWish.enrollment_id).where(
        ExchangeWish.enrollment_id.in_([new for _old, new in moves]))))
    reasons = []
    for old_id, new_id in moves:
        new, old = rows.get(new_id), rows.get(old_id)
        if new is None or old is None:
            reasons.append(translate("Undo", "An enrollment of the change set no longer exists."))
            continue
        number = numbers.get(new.student_id, "")
        if new.status is not EnrollmentStatus.ACCEPTED or new_id in touched or old_id in touched \
                or new.student_id in later:
            reasons.append(translate("Undo", "Student %1 was enrolled, moved or unenrolled since.").replace("%1", number))
        elif new_id in wished_from:
            reasons.append(translate("Undo", "Student %1 has wished since to exchange the group the change set gave "
                                             "them.").replace("%1", number))
    return reasons


def _let_go(session: Session, new: Enrollment) -> None:
    """An enrollment the set made, cancelled and its seat given back."""
    session.execute(update(Enrollment).where(Enrollment.id == new.id).values(status=EnrollmentStatus.CANCELLED)
                    .execution_options(synchronize_session=False))
    _release_seat(session, new.group_id, new.share_id)


def _give_back(uow: UnitOfWork, session: Session, old: Enrollment, new: Enrollment) -> None:
    """The enrollment the set cancelled standing again, its seat retaken."""
    taken = False
    if old.share_id is not None and session.execute(_TAKE_SHARE_SEAT, {"share": old.share_id}).rowcount == 1:
        session.execute(_GROUP_SHARE_SEAT, {"group": old.group_id, "n": 1})
        taken = True
    if not taken and session.execute(_TAKE_SEAT, {"group": old.group_id}).one_or_none() is None:
        number = session.scalar(select(Student.student_number).where(Student.id == old.student_id))
        raise CannotUndo([translate("Undo", "Student %1's former group has no seat free now.").replace("%1", number)])
    if not taken and old.share_id is not None:  # the share was released meanwhile: the seat is everyone's now
        session.execute(update(Enrollment).where(Enrollment.id == old.id).values(share_id=None)
                        .execution_options(synchronize_session=False))
    session.execute(update(Enrollment).where(Enrollment.id == old.id)
                    .values(status=EnrollmentStatus.ACCEPTED, cancelled_at=None, cancelled_by_id=None)
                    .execution_options(synchronize_session=False))
    uow.record_change(UndoAction.UNDO, entity="enrollment", entity_id=old.id, student_id=old.student_id,
                      before={"group_id": new.group_id, "enrollment_id": new.id},
                      after={"group_id": old.group_id, "status": EnrollmentStatus.ACCEPTED})
    uow.record_change(UndoAction.UNDO, entity="enrollment", entity_id=new.id, student_id=new.student_id,
                      after={"group_id": new.group_id, "status": EnrollmentStatus.CANCELLED}, operation="delete")
