"""Kinds of action and stored reasons: every code the desk writes has words, and a system's reason reads in the reader's language."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk import changes, history, rosters, tokens
from desk.changes import Action, Description, Shown
from desk.messages import Message
from desk.model import AuditEntry, TokenEntry
from desk.unit_of_work import UnitOfWork
from exports.xlsx import Column, Sheet
from tests import factories


class _NoNames:
    """Names of records that are not there: what a description sees for a deleted record."""

    def group(self, value):
        return f"#{value}"

    def registration(self, value):
        return f"#{value}"

    def token_type(self, value):
        return f"#{value}"

    def round(self, value):
        return "", None

    def grant_registration(self, grant_id):
        return None


def test_every_action_in_a_freshly_built_demo_has_its_words(demo_db):
    with demo_db.read() as session:
        codes = set(session.scalars(select(AuditEntry.action).distinct()))
    assert codes, "the demo records its build"
    assert {code for code in codes if changes.action_of(code) is None} == set()


def test_every_kind_of_action_describes_itself_even_with_nothing_to_name():
    known = changes.known_actions()
    assert len({type(action) for action in known}) >= 14  # one kind per service module
    for action in known:
        assert isinstance(action, Action) and changes.action_of(action.value) is action
        words = action.describe(Shown("x", 1, {}, {}, _NoNames()))
        assert isinstance(words, Description) and words.text and words.text != action.value, action
    assert changes.describe("mystery.thing", Shown("x", None, {}, {}, _NoNames())).text == "mystery.thing"


@pytest.fixture
def english(qapp):
    from ui import i18n

    i18n.install("en")
    yield i18n
    i18n.install("en")


def _sheet() -> Sheet:
    return Sheet(title="Lista", columns=[Column("Student", "text")], rows=[("Jan Kowalski",)])


def test_a_system_reason_recorded_in_english_reads_in_polish(db, admin, english, tmp_path):
    rosters.export_list(UnitOfWork(db, admin), _sheet(), tmp_path / "lista.xlsx", kind=rosters.ExportAction.PAYMENTS)
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export.payments")).one()
    # Stored as a code with its parameters, never as the words of the language the desk ran in.
    assert entry.reason is None and entry.reason_message == {"code": "export.spreadsheet", "params": {}}
    assert Message.from_json(entry.reason_message).text_in("pl") == "eksport do arkusza kalkulacyjnego"

    line = history.history(UnitOfWork(db, admin), action_prefix="export.")[0]
    assert line.reason == "spreadsheet export" and line.description == "Exported: payments due (lines: 1)"
    english.install("pl")
    line = history.history(UnitOfWork(db, admin), action_prefix="export.")[0]
    assert line.reason == "eksport do arkusza kalkulacyjnego"


def test_the_ledger_shows_the_allocation_rules_reason_in_the_readers_language(db, admin, english):
    token = factories.token_type(db, "JO")
    student = factories.student(db)
    tokens.add_allocation_rule(UnitOfWork(db, admin), token, 4)
    assert tokens.run_allocation(UnitOfWork(db, admin)) == 1
    with db.read() as session:
        entry = session.scalars(select(TokenEntry).where(TokenEntry.student_id == student)).one()
        audited = session.scalars(select(AuditEntry).where(AuditEntry.action == "tokens.allocation")).one()
    assert entry.reason == "tokens.allocation_by_rule"  # the code: the ledger's reason is never empty
    assert entry.reason_message == audited.reason_message == {"code": "tokens.allocation_by_rule", "params": {}}
    assert [line.reason for line in tokens.ledger(UnitOfWork(db, admin), student)] == ["automatic allocation by rule"]
    english.install("pl")
    assert [line.reason for line in tokens.ledger(UnitOfWork(db, admin), student)] == ["automatyczny przydział według reguły"]
    assert history.history(UnitOfWork(db, admin), student_id=student)[0].reason == "automatyczny przydział według reguły"
