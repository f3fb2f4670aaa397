"""The rulebook: each rule alone, then a table of situations run through every path that asks it.

The table is the agreement: for each situation, what a clerk enrolling at the desk, a clerk
moving a student, the portal's first-come registration, a token round and the explanation
("why can't this student register?") each answer. Every path runs on the same kind of world, on
both databases, and must answer what the table says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from desk import enrollment, rules, token_rounds
from desk.clock import now_utc
from desk.enrollment import EnrollmentRefused
from desk.model import ClassType, Level, RegistrationKind, RequestAction, RequestStatus, TokenRequest
from desk.refusals import describe, message, refusal_of
from desk.rules import Admission, GroupFacts, Held, Refusal, RefusalCode, RegistrationFacts, RoundFacts, Tokens
from desk.token_rounds import TokenRequestRefused
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories

# --- the rules alone ------------------------------------------------------------------------------

LECTURE = GroupFacts(1, 10, "MAT-101", 7, "lecture", 1, 100, 10)
CLASS_1 = GroupFacts(2, 10, "MAT-101", 7, "class", 1, 20, 5)
CLASS_2 = GroupFacts(3, 10, "MAT-101", 7, "class", 2, 20, 20)
OTHER = GroupFacts(4, 11, "FIZ-1", 7, "class", 1, 20, 0)
REG = RegistrationFacts(5, "REG", 7, frozenset({10, 11}), 1, False)
OPEN = RoundFacts(True, "Tura I", True)
ADMITTED = Admission(True, False, True)


def codes(refusals) -> list[RefusalCode]:
    return [r.code for r in refusals]


def test_the_slot_is_course_term_and_class_type():
    holds_lecture = [Held(1, LECTURE, None)]
    assert rules.enroll_at_desk(CLASS_1, holds_lecture) == ()
    refused = rules.enroll_at_desk(CLASS_2, [Held(2, CLASS_1, None)], over_limit=True)
    assert refused == (Refusal(RefusalCode.SAME_SLOT, {"course": "MAT-101", "class_type": "class", "number": 1}),)
    next_term = GroupFacts(9, 10, "MAT-101", 8, "class", 1, 20, 0)
    assert rules.enroll_at_desk(next_term, [Held(2, CLASS_1, None)]) == ()


def test_every_refusal_comes_back_in_reading_order():
    refused = rules.register_first_come(CLASS_2, [Held(2, CLASS_1, None), Held(4, OTHER, REG.id)],
                                        RegistrationFacts(5, "REG", 7, frozenset({11}), 1, False), RoundFacts(False),
                                        Admission(False, True, False))
    assert codes(refused) == [RefusalCode.ROUND_NOT_OPEN, RefusalCode.NO_ACCESS, RefusalCode.ACCESS_REVOKED,
                              RefusalCode.PROGRAMME_STATUS, RefusalCode.NOT_OFFERED, RefusalCode.SAME_SLOT,
                              RefusalCode.SELECTION_LIMIT, RefusalCode.FULL]


def test_a_move_stays_in_the_course_and_class_type():
    source = Held(1, LECTURE, None)
    assert codes(rules.move(source, CLASS_1, [source])) == [RefusalCode.OTHER_CLASS_TYPE]
    assert codes(rules.move(source, LECTURE, [source])) == [RefusalCode.SAME_GROUP]
    assert codes(rules.move(source, OTHER, [source])) == [RefusalCode.OTHER_COURSE]
    mover = Held(2, CLASS_1, None)
    assert rules.move(mover, CLASS_2, [mover], over_limit=True) == ()
    assert codes(rules.move(mover, CLASS_2, [mover])) == [RefusalCode.FULL]


def test_token_requests_wait_only_for_a_place():
    broke = Tokens("JO", 0, False, "300.00")
    assert codes(rules.resolve_token_register(CLASS_2, [], REG, broke)) == [RefusalCode.NO_TOKENS, RefusalCode.FULL]
    assert not rules.only_waiting(rules.resolve_token_register(CLASS_2, [], REG, broke))
    paying = Tokens("JO", 0, True, "300.00")
    assert rules.only_waiting(rules.resolve_token_register(CLASS_2, [], REG, paying))
    assert rules.resolve_token_register(CLASS_1, [Held(1, LECTURE, None)], REG, paying) == ()
    assert codes(rules.resolve_token_unregister(RoundFacts(True, "Tura I", False), False)) == [
        RefusalCode.UNREGISTER_NOT_ALLOWED, RefusalCode.NOT_ENROLLED]
    direct = rules.submit_token_request(REG, OPEN, register=True, admission=ADMITTED, group=CLASS_1)
    assert codes(direct) == [RefusalCode.NOT_TOKEN_REGISTRATION]


def test_the_explanation_asks_the_same_rules():
    token_reg = RegistrationFacts(5, "LEK", 7, frozenset({10}), None, True)
    coming = RoundFacts(False, "Tura II", True, "2027-03-01T08:00:00+00:00")
    assert codes(rules.explain(token_reg, coming, ADMITTED, [Held(2, CLASS_1, None)], group=CLASS_2,
                               tokens=Tokens("JO", 0, None))) == [
        RefusalCode.ROUND_NOT_OPEN, RefusalCode.SAME_SLOT, RefusalCode.FULL]
    assert codes(rules.explain(REG, OPEN, ADMITTED, [Held(4, OTHER, REG.id)], course_id=10, places=(0, 3))) == [
        RefusalCode.SELECTION_LIMIT, RefusalCode.FULL]


def test_words_are_made_from_the_code_when_shown():
    refusal = Refusal(RefusalCode.FULL, {**CLASS_2.params(), "enrolled": 20, "limit": 20})
    stored = message(refusal)
    assert stored.code == "refusal.full" and stored.params["group"] == "MAT-101 class 2"
    assert describe(refusal) == "Group MAT-101 class 2 is full: 20 of 20 places taken."
    assert refusal_of(stored).code is RefusalCode.FULL
    assert describe(Refusal(RefusalCode.SELECTION_LIMIT, {"limit": 1, "taken": 1})) == (
        "All the courses the registration allows per student are taken (limit: 1).")
    for code in RefusalCode:  # every code has its words
        assert describe(Refusal(code, {"registration": "REG", "course": "C", "class_type": "lab", "number": 1,
                                       "from_course": "C", "from_class_type": "lecture", "from_number": 1}))


# --- the table: every path agrees ---------------------------------------------------------------------

PATHS = ("desk", "move", "portal", "token", "explain")


@dataclass(frozen=True)
class Case:
    name: str
    expected: dict[str, RefusalCode | None] = field(default_factory=dict)  # by path; a path not named: no refusal
    holds: tuple[str, ...] = ()  # groups the student holds first: lecture, class1, other (a class of another course)
    target: str = "class2"
    move_from: str = "class1"  # what the student moving holds and is moved from
    full: bool = False  # the target group's places are all taken by others
    round_open: bool = True
    student: str = "admitted"  # admitted, second_cycle (no rule admits), revoked
    offered: bool = True  # the registration offers the target's course
    tokens: bool = True  # a token left (otherwise none, and the payment not accepted)


SAME, FULL = RefusalCode.SAME_SLOT, RefusalCode.FULL
TABLE = [
    Case("nothing stands in the way"),
    Case("holds the lecture, asks for a class group", holds=("lecture",), move_from="lecture",
         expected={"move": RefusalCode.OTHER_CLASS_TYPE}),
    Case("holds a class group, asks for another", holds=("class1",),
         expected={"desk": SAME, "portal": SAME, "token": SAME, "explain": SAME}),
    Case("holds a class group, asks for the same one", holds=("class1",), target="class1", move_from="class1",
         expected={"desk": SAME, "move": RefusalCode.SAME_GROUP, "portal": SAME, "token": SAME, "explain": SAME}),
    Case("the selection limit is used by another course", holds=("other",),
         expected={p: RefusalCode.SELECTION_LIMIT for p in ("desk", "portal", "token", "explain")}),
    Case("the group is full", full=True, expected={p: FULL for p in PATHS}),
    Case("no round is open", round_open=False,
         expected={p: RefusalCode.ROUND_NOT_OPEN for p in ("portal", "token", "explain")}),
    Case("no rule admits the student", student="second_cycle",
         expected={p: RefusalCode.NO_ACCESS for p in ("portal", "token", "explain")}),
    Case("access revoked", student="revoked",
         expected={p: RefusalCode.ACCESS_REVOKED for p in ("portal", "token", "explain")}),
    Case("the course is not offered", offered=False,
         expected={p: RefusalCode.NOT_OFFERED for p in ("desk", "portal", "token", "explain")}),
    Case("no tokens, payment not accepted", tokens=False, expected={"token": RefusalCode.NO_TOKENS}),
]


class World:
    """One path's own course, groups and registration, so that the paths of a case cannot meet."""

    def __init__(self, db, admin, case: Case, path: str, index: int):
        from desk import access, tokens
        from desk.unit_of_work import UnitOfWork

        self.db, self.admin, self.case, self.path = db, admin, case, path
        now = self.now = now_utc()
        term = factories.term(db)
        course = factories.course(db, f"C{index}-{path}")
        other_course = factories.course(db, f"D{index}-{path}")
        self.groups = {
            "lecture": factories.group(db, course, term, number=1, class_type=ClassType.LECTURE, seat_limit=50),
            "class1": factories.group(db, course, term, number=1, seat_limit=5),
            "class2": factories.group(db, course, term, number=2, seat_limit=1 if case.full else 5),
            "other": factories.group(db, other_course, term, number=1, seat_limit=5),
        }
        token = factories.token_type(db) if path == "token" else None
        rounds = ((now - timedelta(hours=2), now + timedelta(days=1)),) if case.round_open else \
            ((now - timedelta(days=3), now - timedelta(days=2)),)
        self.registration = factories.registration(
            db, code=f"R{index}-{path}", term_id=term, course_ids=(course, other_course) if case.offered else (other_course,),
            selection_limit=1, rounds=rounds, rules=({"level": Level.FIRST_CYCLE},),
            kind=RegistrationKind.TOKEN if token else None, token_type_id=token,
        )
        if case.student == "second_cycle":
            factories.programme(db, "INF-S2", level=Level.SECOND_CYCLE)
            self.student = factories.student(db, last_name=f"S{index}{path}", programme_code="INF-S2")
        else:
            self.student = factories.student(db, last_name=f"S{index}{path}")
        if case.student == "revoked":
            access.revoke_access(UnitOfWork(db, admin), self.registration, [self.student], reason="zaległe opłaty")
        if token and case.tokens:
            tokens.correct_balance(UnitOfWork(db, admin, now=now - timedelta(days=30)), self.student, token, 1,
                                   reason="przydział")
        if case.full:
            for other in factories.many_students(db, 1, prefix=f"Full{index}{path}"):
                enrollment.enroll(UnitOfWork(db, admin), other, self.groups["class2"], reason="r")
        held = list(case.holds) + ([case.move_from] if path == "move" and case.move_from not in case.holds else [])
        self.held = {}
        for name in held:
            self.held[name] = enrollment.enroll(
                UnitOfWork(db, admin), self.student, self.groups[name], reason="r",
                registration_id=self.registration if name == "other" else None,
            ).enrollment_id

    def run(self) -> RefusalCode | None:
        return getattr(self, f"_{self.path}")()

    def _desk(self):
        try:
            enrollment.enroll(UnitOfWork(self.db, self.admin), self.student, self.groups[self.case.target], reason="r",
                              registration_id=self.registration)
        except EnrollmentRefused as refused:
            return refused.refusal
        return None

    def _move(self):
        try:
            enrollment.move(UnitOfWork(self.db, self.admin), self.held[self.case.move_from], self.groups[self.case.target],
                            reason="r")
        except EnrollmentRefused as refused:
            return refused.refusal
        return None

    def _portal(self):
        try:
            enrollment.register_from_portal(UnitOfWork(self.db, SystemJob.PORTAL), self.student, self.groups[self.case.target],
                                            self.registration)
        except EnrollmentRefused as refused:
            return refused.refusal
        return None

    def _token(self):
        submitted = self.now - timedelta(hours=1)
        try:
            request = token_rounds.submit_request(UnitOfWork(self.db, SystemJob.PORTAL, now=submitted), self.student,
                                                  self.groups[self.case.target], self.registration, RequestAction.REGISTER,
                                                  payment_accepted=False)
        except TokenRequestRefused as refused:
            return refused.refusal
        token_rounds.resolve_registration(UnitOfWork(self.db, SystemJob.TOKEN_ROUND, now=submitted + timedelta(minutes=1)),
                                          self.registration)
        with self.db.read() as session:
            row = session.get(TokenRequest, request)
        if row.status is RequestStatus.ACCEPTED:
            return None
        assert row.status is (RequestStatus.PENDING if row.resolution_code == "refusal.full" else RequestStatus.REFUSED)
        return RefusalCode(row.resolution_code.removeprefix("refusal."))

    def _explain(self):
        from desk import eligibility

        explanation = eligibility.explain(UnitOfWork(self.db, self.admin), self.student, self.registration,
                                          group_id=self.groups[self.case.target])
        failed = [c for c in explanation.checks if c.outcome is eligibility.Outcome.FAILED and c.refusal is not None]
        assert [c.refusal for c in failed] == [
            next(r for r in explanation.refusals if eligibility.condition_of(r.code) is c.condition) for c in failed]
        assert explanation.admitted is (not explanation.refusals)
        return explanation.refusals[0].code if explanation.refusals else None


@pytest.mark.parametrize("case", TABLE, ids=[c.name for c in TABLE])
def test_every_path_answers_as_the_table_says(db, admin, case):
    index = TABLE.index(case)
    answers = {path: World(db, admin, case, path, index).run() for path in PATHS}
    assert answers == {path: case.expected.get(path) for path in PATHS}


def test_the_explanation_agrees_with_the_portal_in_every_situation_of_the_table():
    for case in TABLE:
        assert case.expected.get("explain") == case.expected.get("portal"), case.name
