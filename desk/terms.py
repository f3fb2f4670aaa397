"""Terms (cykle dydaktyczne) kept by hand: add, correct and list them, and the checks a term's fields must pass.

The rules chosen:

- a code is a four-digit year and Z (winter) or L (summer): ``2026Z``, ``2027L``; unique;
- a term ends after it starts, and two terms of the same letter do not overlap (a winter term and
  the summer term may share days: universities let the winter exam session run into February);
- new dates may not end the term before the last round of its registrations ends (a round that
  runs after its term is over would be a registration for a finished term); rounds may start
  before the term does, as registrations for a winter term open in September;
- terms are university-wide: only administrators add or change them.

The portal shows a term only as the code its class groups and registrations carry: a new code
is queued for the portal (the sync publishes those rows again); name and dates stay at the desk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desk.changes import Action, Description, Shown
from desk.clock import format_local, to_local
from desk.courses import refuse, text_problem
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import ClassGroup, Registration, Round, Term
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

_CODE = re.compile(r"[0-9]{4}[ZL]")
NAME_LENGTH = 100
TERM_FIELDS = ("code", "name", "starts_on", "ends_on")
EARLIEST = date(1990, 1, 1)
LATEST = date(2200, 12, 31)


class TermAction(Action):
    """What is done to the list of terms."""

    CREATE = "term.create"
    UPDATE = "term.update"

    def describe(self, shown: Shown) -> Description:
        code = str(shown.after.get("code") or shown.before.get("code") or f"#{shown.entity_id}")
        if self is TermAction.CREATE:
            return Description(translate("History", "Term %1 added").replace("%1", code), frozenset({"code"}))
        return Description(translate("History", "Term %1 changed").replace("%1", code))


@dataclass(frozen=True)
class TermDraft:
    code: str
    name: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class TermLine:
    id: int
    code: str
    name: str
    starts_on: date
    ends_on: date
    group_count: int
    registration_count: int


def clean(draft: TermDraft) -> TermDraft:
    return TermDraft((draft.code or "").strip().upper(), (draft.name or "").strip(), draft.starts_on, draft.ends_on)


def check_term(draft: TermDraft) -> list[str]:
    """Every problem of a term's own fields, in words (empty: it may be kept). No database."""
    draft = clean(draft)
    problems = []
    if not _CODE.fullmatch(draft.code):
        problems.append(translate("Terms", "Code: a four-digit year and Z (winter) or L (summer), e.g. 2026Z, not %1.")
                        .replace("%1", draft.code[:20] or "\u2014"))
    name_problem = text_problem(draft.name, translate("Terms", "Name"), NAME_LENGTH, required=True)
    if name_problem:
        problems.append(name_problem)
    dates_given = True
    for value, what in ((draft.starts_on, translate("Terms", "Start date")), (draft.ends_on, translate("Terms", "End date"))):
        if not isinstance(value, date):
            problems.append(translate("Terms", "%1: give a date.").replace("%1", what))
            dates_given = False
        elif not EARLIEST <= value <= LATEST:
            problems.append(translate("Terms", "%1: a date from %2 to %3.").replace("%1", what)
                            .replace("%2", EARLIEST.isoformat()).replace("%3", LATEST.isoformat()))
            dates_given = False
    if dates_given and draft.ends_on <= draft.starts_on:
        problems.append(translate("Terms", "A term ends after it starts."))
    return problems


def _snapshot(row: Term) -> dict[str, Any]:
    return {"code": row.code, "name": row.name, "starts_on": row.starts_on, "ends_on": row.ends_on}


def _refuse_conflicts(session, draft: TermDraft, term_id: int | None) -> None:
    holder = session.execute(select(Term.code, Term.name).where(Term.code == draft.code, Term.id != (term_id or 0))).first()
    if holder is not None:
        raise DomainError(translate("Terms", "The term %1 already exists (\u201c%2\u201d).")
                          .replace("%1", holder.code).replace("%2", holder.name))
    letter = draft.code[-1]
    for code, starts_on, ends_on in session.execute(
        select(Term.code, Term.starts_on, Term.ends_on).where(Term.id != (term_id or 0), Term.starts_on < draft.ends_on,
                                                              Term.ends_on > draft.starts_on).order_by(Term.starts_on)
    ):
        if code.endswith(letter):
            raise DomainError(
                translate("Terms", "The dates overlap the term %1 (%2 \u2013 %3); terms of the same kind follow one another.")
                .replace("%1", code).replace("%2", starts_on.isoformat()).replace("%3", ends_on.isoformat())
            )


def add_term(uow: UnitOfWork, draft: TermDraft) -> int:
    """A new term (administrators). Returns its id."""
    refuse(check_term(draft))
    draft = clean(draft)
    uow.require(Permission.ADMINISTER)
    with uow.write() as session:
        _refuse_conflicts(session, draft, None)
        row = Term(code=draft.code, name=draft.name, starts_on=draft.starts_on, ends_on=draft.ends_on)
        session.add(row)
        _flush(session, draft.code)
        # Nothing of a new term is on the portal yet: its groups and registrations will carry it.
        uow.record_change(TermAction.CREATE, entity="term", entity_id=row.id, after=_snapshot(row), portal=False)
        return row.id


def edit_term(uow: UnitOfWork, term_id: int, changes: Mapping[str, Any], reason: str) -> TermLine:
    """Correct a term (administrators): any of code, name, starts_on, ends_on."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Terms", "Say why the term changes (it is kept with the change)."))
    unknown = sorted(set(changes) - set(TERM_FIELDS))
    if unknown:
        raise DomainError(translate("Terms", "A term has no field %1.").replace("%1", ", ".join(unknown)))
    uow.require(Permission.ADMINISTER)
    with uow.write() as session:
        row = session.get(Term, term_id)
        if row is None:
            raise NotFound(translate("Terms", "That term no longer exists."))
        draft = clean(replace(TermDraft(row.code, row.name, row.starts_on, row.ends_on), **dict(changes)))
        refuse(check_term(draft))
        _refuse_conflicts(session, draft, row.id)
        last_round = session.execute(
            select(Round.name, Round.ends_at, Registration.code)
            .join(Registration, Registration.id == Round.registration_id)
            .where(Registration.term_id == row.id).order_by(Round.ends_at.desc()).limit(1)
        ).first()
        if last_round is not None and to_local(last_round.ends_at).date() > draft.ends_on:
            raise DomainError(
                translate("Terms", "The term cannot end before the round \u201c%1\u201d of the registration %2 ends (%3).")
                .replace("%1", last_round.name).replace("%2", last_round.code).replace("%3", format_local(last_round.ends_at))
            )
        before = _snapshot(row)
        row.code, row.name, row.starts_on, row.ends_on = draft.code, draft.name, draft.starts_on, draft.ends_on
        _flush(session, draft.code)
        after = _snapshot(row)
        if before == after:
            raise DomainError(translate("Terms", "Nothing was changed."))
        # The code on both sides whether or not it changed: the history names the term by it.
        uow.record_change(TermAction.UPDATE, entity="term", entity_id=row.id,
                          before={k: v for k, v in before.items() if after[k] != v or k == "code"},
                          after={k: v for k, v in after.items() if before[k] != v or k == "code"}, reason=reason,
                          portal={"code": row.code} if before["code"] != after["code"] else False)
    return term_line(uow, term_id)


def _flush(session, code: str) -> None:
    try:
        session.flush()
    except IntegrityError:  # another workstation added the code between the check and the write
        raise DomainError(translate("Terms", "The term %1 already exists.").replace("%1", code)) from None


def _lines(session, condition=None) -> list[TermLine]:
    groups = select(func.count(ClassGroup.id)).where(ClassGroup.term_id == Term.id).scalar_subquery()
    registrations = select(func.count(Registration.id)).where(Registration.term_id == Term.id).scalar_subquery()
    query = select(Term.id, Term.code, Term.name, Term.starts_on, Term.ends_on, groups, registrations).order_by(Term.starts_on,
                                                                                                             Term.code)
    if condition is not None:
        query = query.where(condition)
    return [TermLine(i, c, n, s, e, g or 0, r or 0) for i, c, n, s, e, g, r in session.execute(query)]


def list_terms(uow: UnitOfWork) -> list[TermLine]:
    """Every term, by start date."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return _lines(session)


def term_line(uow: UnitOfWork, term_id: int) -> TermLine:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        lines = _lines(session, Term.id == term_id)
    if not lines:
        raise NotFound(translate("Terms", "That term no longer exists."))
    return lines[0]


def term_by_code(uow: UnitOfWork, code: str) -> int:
    """The id of the term with this code (2026z is 2026Z), or NotFound."""
    code = (code or "").strip().upper()
    with uow.read() as session:
        found = session.scalar(select(Term.id).where(Term.code == code))
    if found is None:
        raise NotFound(translate("Terms", "There is no term %1.").replace("%1", code[:20]))
    return found
