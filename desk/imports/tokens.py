"""Importing token types, their allocation rules, and students' balances (an opening balance for a student
with no entries yet; a later change is a correction, under the correction deadline like any other)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desk import bounds
from desk.chain import seal
from desk.changes import Change
from desk.i18n import translate
from desk.imports import cells
from desk.imports.kind import Column, Kind, Row, Status
from desk.imports.people import _chunks, students_by_number
from desk.imports.table_kind import Reference, TableKind
from desk.imports.teaching import LEVEL, MODE
from desk.messages import define
from desk.model import LedgerKind, Student, TokenAllocationRule, TokenEntry, TokenType
from desk.staff import Permission
from desk.tokens import correction_deadline, ledger_reason
from desk.unit_of_work import UnitOfWork

IMPORTED_BALANCE = define("import.balance", "Import", QT_TRANSLATE_NOOP("Import", "balance brought in by an import"))

_TOKEN_TYPE = Column("token_type", QT_TRANSLATE_NOOP("ImportColumns", "Token type"), "Typ żetonu", cells.text(10), True,
                     note=QT_TRANSLATE_NOOP("ImportNotes", "a token type's code, e.g. JO"), example="JO")


class TokenTypesKind(TableKind):
    code = "token_types"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Token types")
    entity = "token_type"
    published = True
    model = TokenType
    key = ("code",)
    key_fields = ("code",)
    fields = ("name", "semester_price")
    columns = (
        Column("code", QT_TRANSLATE_NOOP("ImportColumns", "Token type"), "Typ żetonu", cells.text(10), True, example="JO"),
        Column("name", QT_TRANSLATE_NOOP("ImportColumns", "Name"), "Nazwa", cells.text(100), True,
               example="Lektorat języka obcego"),
        Column("semester_price", QT_TRANSLATE_NOOP("ImportColumns", "Price of a semester"), "Cena semestru", cells.PRICE,
               True, note=QT_TRANSLATE_NOOP("ImportNotes", "in PLN, paid beyond the free tokens"), example="180.00"),
    )


class TokenRulesKind(TableKind):
    code = "token_rules"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Token allocation rules")
    entity = "token_allocation_rule"
    model = TokenAllocationRule
    key = ("token_type", "level", "mode")
    key_fields = ("token_type_id", "level", "mode")
    fields = ("amount", "active")
    columns = (
        _TOKEN_TYPE,
        Column("level", QT_TRANSLATE_NOOP("ImportColumns", "Level"), "Poziom", LEVEL,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any level"), example="pierwszego stopnia"),
        Column("mode", QT_TRANSLATE_NOOP("ImportColumns", "Mode"), "Forma studiów", MODE,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: any mode"), example="stacjonarne"),
        Column("amount", QT_TRANSLATE_NOOP("ImportColumns", "Tokens"), "Żetony", cells.whole(bounds.TOKEN_ALLOCATION),
               True, example="4"),
        Column("active", QT_TRANSLATE_NOOP("ImportColumns", "Active"), "Aktywna", cells.FLAG, example="tak", default=True),
    )
    references = (Reference("token_type", "token_type_id", TokenType,
                            problem=QT_TRANSLATE_NOOP("Import", "no token type %1 at the desk")),)

    def row_key(self, row: Row) -> tuple | None:
        return tuple(row.values.get(k) for k in self.key) if row["token_type"] else None

    def record(self, state, row):
        values = super().record(state, row)
        if values is not None:
            values.setdefault("level", None)
            values.setdefault("mode", None)
        return values

    def insert_values(self, uow, values):
        return {**super().insert_values(uow, values), "created_by_id": uow.staff_id, "created_at": uow.now}


class TokenBalancesKind(Kind):
    code = "token_balances"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Token balances")
    entity = "token_entry"
    permission = Permission.CORRECT_TOKENS
    key = ("student_number", "token_type")
    columns = (
        Column("student_number", QT_TRANSLATE_NOOP("ImportColumns", "Student number"), "Numer albumu", cells.digits(20),
               True, "INDEKS", example="123456"),
        _TOKEN_TYPE,
        Column("balance", QT_TRANSLATE_NOOP("ImportColumns", "Balance"), "Saldo", cells.whole(bounds.TOKEN_BALANCE), True,
               note=QT_TRANSLATE_NOOP("ImportNotes", "the tokens the student has now"), example="4"),
    )

    def begin(self, session: Session, uow: UnitOfWork) -> dict:
        types = dict(session.execute(select(TokenType.code, TokenType.id)).all())
        deadlines = {tid: correction_deadline(session, tid, uow.now) for tid in types.values()}
        return {"types": types, "deadlines": deadlines}

    def judge(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> None:
        students = students_by_number(session, {r["student_number"] for r in rows})
        balances: dict[tuple[int, int], tuple[int, int]] = {}
        ids = [s[0] for s in students.values()]
        for chunk in _chunks(ids):
            for sid, tid, total, entries in session.execute(
                    select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount), func.count())
                    .where(TokenEntry.student_id.in_(chunk)).group_by(TokenEntry.student_id, TokenEntry.token_type_id)):
                balances[(sid, tid)] = (int(total or 0), entries)
        for row in rows:
            student = students.get(row["student_number"])
            type_id = state["types"].get(row["token_type"])
            if student is None:
                row.problem(self.column("student_number"), translate("Import", "no student %1 at the desk")
                            .replace("%1", row["student_number"]))
            if type_id is None:
                row.problem(self.column("token_type"), translate("Import", "no token type %1 at the desk")
                            .replace("%1", row["token_type"]))
            if row.problems:
                continue
            if not any(uow.can(Permission.CORRECT_TOKENS, unit) for unit in student[1]):
                row.problem(self.column("student_number"), translate("Import", "not a student of your units"))
                continue
            current, entries = balances.get((student[0], type_id), (0, 0))
            if current == row["balance"]:
                row.status = Status.UNCHANGED
                continue
            if entries:
                deadline = state["deadlines"].get(type_id)
                if deadline is not None and deadline.passed:
                    row.problem(self.column("balance"), deadline.message("Europe/Warsaw"))
                    continue
            row.current = (student[0], type_id, row["balance"] - current, bool(entries))
            row.status = Status.CHANGED if entries else Status.NEW
            row.changes = [(self.column("balance").shown(), str(current), str(row["balance"]))] if entries else []

    def records(self, session: Session):
        for number, code, balance in session.execute(
                select(Student.student_number, TokenType.code, func.sum(TokenEntry.amount)).select_from(TokenEntry)
                .join(Student, Student.id == TokenEntry.student_id).join(TokenType, TokenType.id == TokenEntry.token_type_id)
                .group_by(Student.id, Student.student_number, TokenType.id, TokenType.code).order_by(Student.id, TokenType.id)):
            yield {"student_number": number, "token_type": code, "balance": int(balance)}

    def write(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> list[Change]:
        values = []
        for row in rows:
            student_id, type_id, amount, correction = row.current
            text, message = ledger_reason(IMPORTED_BALANCE())
            values.append(dict(student_id=student_id, token_type_id=type_id,
                               kind=LedgerKind.CORRECTION if correction else LedgerKind.ALLOCATION, amount=amount,
                               reason=text, reason_message=message, created_at=uow.now, created_by_id=uow.staff_id))
        # Sealed in the chain in this order, the ids ascending in it.
        session.execute(insert(TokenEntry), seal(session, TokenEntry.__table__, values, assign_ids=True))
        ids = [value["id"] for value in values]
        return [Change("token_entry", eid, row.current[0], None, {"line": row.line, **row.values}, None,
                       {"token_type_id": row.current[1], "amount": row.current[2]}) for row, eid in zip(rows, ids)]
