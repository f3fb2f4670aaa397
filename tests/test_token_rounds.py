"""Token rounds: requests resolved in submission order at micro-breaks, payments only with consent, refunds."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desk import payments, token_rounds, tokens
from desk.clock import as_utc
from desk.model import (
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    LedgerKind,
    Level,
    Payment,
    PaymentStatus,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Round,
    TokenEntry,
    TokenRequest,
)
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork

UTC = timezone.utc
START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # micro-rounds of 60 minutes, breaks of 15
REGISTER, UNREGISTER = RequestAction.REGISTER, RequestAction.UNREGISTER


@pytest.fixture
def lang(db, admin):
    token = factories.token_type(db)
    course_id = factories.course(db, "SJO-ANG-B2", unit_code="SJO")
    term_id = factories.term(db, "2027L")
    group = factories.group(db, course_id, term_id, seat_limit=2, class_type=None)
    other = factories.group(db, course_id, term_id, number=2, seat_limit=5)
    reg = factories.registration(db, code="LEK", unit_code="SJO", term_id=term_id, course_ids=(course_id,),
                                 kind=RegistrationKind.TOKEN, token_type_id=token, selection_limit=1,
                                 rounds=((START, START + timedelta(days=2)),), rules=({"level": Level.FIRST_CYCLE},))
    return dict(token=token, group=group, other=other, reg=reg, admin=admin)


def _fund(db, admin, student, token, amount):
    tokens.correct_balance(UnitOfWork(db, admin, now=START - timedelta(days=30)), student, token, amount, reason="przydział")


def _submit(db, lang, student, minutes, action=REGISTER, group=None, pay=False):
    return token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=START + timedelta(minutes=minutes)), student,
                                       group or lang["group"], lang["reg"], action, payment_accepted=pay)


def _status(db, request_id):
    with db.read() as session:
        return session.get(TokenRequest, request_id).status


def test_breaks_follow_the_round(db, lang):
    with db.read() as session:
        round_ = session.scalars(select(Round)).one()
    starts = token_rounds.break_starts(round_, START + timedelta(minutes=200))
    assert starts == [START + timedelta(minutes=60), START + timedelta(minutes=135)]
    assert token_rounds.due_cutoff(round_, START + timedelta(minutes=59)) is None


def test_resolution_in_submission_order_while_places_remain(db, lang):
    students = factories.many_students(db, 4)
    for s in students:
        _fund(db, lang["admin"], s, lang["token"], 2)
    # Submitted in reverse order of creation: the last student first.
    requests = [_submit(db, lang, s, 50 - i) for i, s in enumerate(students)]
    late = _submit(db, lang, factories.many_students(db, 1, prefix="Late")[0], 65)  # after the first break began
    result = token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))["LEK"]
    assert (result.accepted, result.still_pending) == (2, 2)
    assert [_status(db, r) for r in requests] == [RequestStatus.PENDING, RequestStatus.PENDING,
                                                  RequestStatus.ACCEPTED, RequestStatus.ACCEPTED]
    assert _status(db, late) is RequestStatus.PENDING
    with db.read() as session:
        assert session.get(ClassGroup, lang["group"]).enrolled_count == 2
        assert session.scalar(select(func.count()).select_from(TokenEntry).where(TokenEntry.kind == LedgerKind.SPEND)) == 2


def test_running_twice_changes_nothing(db, lang):
    student = factories.student(db)
    _fund(db, lang["admin"], student, lang["token"], 1)
    _submit(db, lang, student, 10)
    now = START + timedelta(minutes=70)
    first = token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=now))["LEK"]
    with db.read() as session:
        entries = session.scalar(select(func.count()).select_from(TokenEntry))
    second = token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=now))["LEK"]
    assert first.accepted == 1 and second.accepted == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TokenEntry)) == entries


def test_payment_only_with_consent(db, lang):
    with_consent, without = factories.many_students(db, 2)
    a = _submit(db, lang, with_consent, 5, pay=True)
    b = _submit(db, lang, without, 6, pay=False)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    assert _status(db, a) is RequestStatus.ACCEPTED and _status(db, b) is RequestStatus.REFUSED
    with db.read() as session:
        payment = session.scalars(select(Payment)).one()
        assert (payment.student_id, payment.status, str(payment.amount)) == (with_consent, PaymentStatus.DUE, "300.00")
        assert session.get(TokenRequest, b).resolution_code == "refusal.no_tokens"
    assert tokens.balances(UnitOfWork(db, lang["admin"]), with_consent)[0].balance == 0  # never negative: a payment instead


def test_unregister_refunds_the_token_or_cancels_the_payment(db, lang):
    funded, paying = factories.many_students(db, 2)
    _fund(db, lang["admin"], funded, lang["token"], 1)
    _submit(db, lang, funded, 5)
    _submit(db, lang, paying, 6, pay=True)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    _submit(db, lang, funded, 80, action=UNREGISTER)
    _submit(db, lang, paying, 81, action=UNREGISTER)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=136)))
    assert tokens.balances(UnitOfWork(db, lang["admin"]), funded)[0].balance == 1
    with db.read() as session:
        assert session.scalars(select(Payment.status)).one() is PaymentStatus.CANCELLED
        stored_reason = session.scalars(select(Payment.cancelled_reason)).one()
        assert session.get(ClassGroup, lang["group"]).enrolled_count == 0
        assert session.scalar(select(func.count()).select_from(Enrollment).where(Enrollment.status == EnrollmentStatus.ACCEPTED)) == 0
    # The system's reason is kept as a code and shown in the reader's language.
    assert '"code"' in stored_reason
    (line,) = payments.list_payments(UnitOfWork(db, lang["admin"]), status=PaymentStatus.CANCELLED)
    assert line.cancelled_reason.startswith("unregistered (request ")


def test_places_running_out_mid_break_and_permanent_refusal_at_the_end(db, lang):
    students = factories.many_students(db, 3)
    for s in students:
        _fund(db, lang["admin"], s, lang["token"], 1)
    requests = [_submit(db, lang, s, 10 + i) for i, s in enumerate(students)]
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    assert _status(db, requests[2]) is RequestStatus.PENDING
    result = token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(days=3)))["LEK"]
    assert result.refused_permanently == 1
    assert _status(db, requests[2]) is RequestStatus.REFUSED_PERMANENTLY
    assert tokens.balances(UnitOfWork(db, lang["admin"]), students[2])[0].balance == 1  # nothing spent for it


def test_selection_limit_and_duplicate_requests(db, lang):
    student = factories.student(db)
    _fund(db, lang["admin"], student, lang["token"], 3)
    first = _submit(db, lang, student, 5)
    second = _submit(db, lang, student, 6, group=lang["other"])
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    assert _status(db, first) is RequestStatus.ACCEPTED and _status(db, second) is RequestStatus.REFUSED


def test_sixteen_concurrent_duplicate_requests_are_one(db, lang):
    student = factories.student(db)
    barrier = threading.Barrier(16)
    ids, errors = [], []

    def submit():
        barrier.wait()
        try:
            ids.append(token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=START + timedelta(minutes=3)), student,
                                                   lang["group"], lang["reg"], REGISTER,
                                                   portal_key="basket-77"))
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=submit) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TokenRequest)) == 1
    assert len(ids) == 16 and len(set(ids)) == 1


def test_two_resolvers_at_once_carry_out_each_request_once(db, lang):
    students = factories.many_students(db, 30)
    for s in students:
        _fund(db, lang["admin"], s, lang["token"], 1)
    for i, s in enumerate(students):
        _submit(db, lang, s, 1 + i, group=lang["other"] if i % 2 else lang["group"])
    barrier = threading.Barrier(4)

    def resolve():
        barrier.wait()
        token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))

    threads = [threading.Thread(target=resolve) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with db.read() as session:
        spent = session.scalar(select(func.count()).select_from(TokenEntry).where(TokenEntry.kind == LedgerKind.SPEND))
        enrolled = session.scalar(select(func.sum(ClassGroup.enrolled_count)))
        accepted = session.scalar(select(func.count()).select_from(TokenRequest).where(TokenRequest.status == RequestStatus.ACCEPTED))
    assert spent == enrolled == accepted == 7  # 2 + 5 seats


def test_a_lecture_held_does_not_refuse_a_class_of_the_same_course(db, lang):
    """Reproduction: a student holding the course's lecture had a request for its class group refused "already registered"."""
    from desk import enrollment
    from desk.model import ClassType

    with db.read() as session:
        course_id, term_id = session.execute(
            select(ClassGroup.course_id, ClassGroup.term_id).where(ClassGroup.id == lang["group"])).one()
    lecture = factories.group(db, course_id, term_id, number=9, class_type=ClassType.LECTURE)
    student = factories.student(db)
    _fund(db, lang["admin"], student, lang["token"], 1)
    enrollment.enroll(UnitOfWork(db, lang["admin"]), student, lecture, reason="wykład obowiązkowy")
    request = _submit(db, lang, student, 5)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    assert _status(db, request) is RequestStatus.ACCEPTED
    # A second class group of the same course is the same slot: refused.
    again = _submit(db, lang, student, 70, group=lang["other"])
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=136)))
    assert _status(db, again) is RequestStatus.REFUSED
    with db.read() as session:
        row = session.get(TokenRequest, again)
    assert row.resolution_code == "refusal.same_slot"


def test_waiting_and_permanently_refused_requests_reach_the_portal_with_their_reason(db, lang):
    from desk.model import AuditEntry, OutboxEntry

    students = factories.many_students(db, 3)
    for s in students:
        _fund(db, lang["admin"], s, lang["token"], 1)
    requests = [_submit(db, lang, s, 10 + i) for i, s in enumerate(students)]

    def queued(request_id):
        with db.read() as session:
            return [e.payload for e in session.scalars(
                select(OutboxEntry).where(OutboxEntry.entity == "token_request", OutboxEntry.entity_id == request_id)
                .order_by(OutboxEntry.id))]

    assert queued(requests[2]) == [{"status": "pending", "reason": None}]  # in the basket
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=61)))
    waiting = queued(requests[2])
    assert waiting[-1]["status"] == "pending" and waiting[-1]["reason"]["code"] == "refusal.full"
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=136)))
    assert len(queued(requests[2])) == 2  # still waiting for the same reason: nothing new to send
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(days=3)))
    ended = queued(requests[2])[-1]
    assert ended == {"status": "refused_permanently",
                     "reason": {"code": "refusal.registration_ended", "params": {"registration": "LEK"}}}
    with db.read() as session:
        row = session.get(TokenRequest, requests[2])
        assert (row.resolution_code, row.resolution_reason) == ("refusal.registration_ended", None)
        audited = session.scalars(select(AuditEntry).where(AuditEntry.entity == "token_request",
                                                           AuditEntry.entity_id == requests[2]).order_by(AuditEntry.id)).all()
        # Submitted by the student on the portal, left waiting at a break, refused for good at the end.
        assert [(a.action, a.job) for a in audited] == [
            ("token_request.submitted", "portal"), ("token_request.waiting", "token_round"),
            ("token_request.refused_permanently", "token_round")]
        assert [(a.reason_message or {}).get("code") for a in audited] == [
            None, "refusal.full", "refusal.registration_ended"]
        ended_at_registration = session.scalars(select(AuditEntry).where(AuditEntry.entity == "registration")).one()
        assert (ended_at_registration.action, ended_at_registration.after) == (
            "token_request.refuse_permanently", {"requests": 1})
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity == "registration")) == 0
    lines = {line.id: line for line in token_rounds.requests_of(UnitOfWork(db, lang["admin"]), lang["reg"])}
    assert lines[requests[2]].resolution_reason == "The registration ended before a place was found."
    assert lines[requests[0]].resolution_reason == "Registered; one JO token spent."


def test_a_request_refused_in_the_basket_says_why_in_codes(db, lang):
    from desk.model import ProgrammeStatus

    on_leave = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    with pytest.raises(token_rounds.TokenRequestRefused) as refused:
        _submit(db, lang, on_leave, 5)
    assert [r.code.value for r in refused.value.refusals] == ["no_access", "programme_status"]
    late = factories.student(db)
    with pytest.raises(token_rounds.TokenRequestRefused) as closed:
        _submit(db, lang, late, 60 * 24 * 3)
    assert closed.value.refusal.value == "round_not_open"


def test_on_the_demo_an_incremental_sync_after_the_rounds_leaves_a_full_sync_nothing_to_repair(demo_db):
    """Every request resolved at a break, left waiting, or refused when the registration ended reaches the portal."""
    from desk import sync
    from desk.clock import now_utc
    from desk.demo import DEMO_PASSWORD
    from desk.model import Registration, SyncKind
    from desk.portal import simulator
    from desk.portal.database import open_portal_for
    from desk.staff import sign_in

    admin = sign_in(demo_db, "admin", DEMO_PASSWORD)
    portal = open_portal_for(demo_db)
    now = now_utc()
    try:
        sync.run_sync(UnitOfWork(demo_db, admin), SyncKind.FULL, portal=portal)
        with demo_db.read() as session:
            registration_id, ends = session.execute(
                select(Registration.id, func.max(Round.ends_at)).join(Round, Round.registration_id == Registration.id)
                .where(Registration.code.like("SJO-LEK-%"), Round.starts_at <= now).group_by(Registration.id)).one()
        asked = simulator.token_requests(portal, registration_id, students=300, seed=3, at=now)
        assert asked.actions > 20
        sync.run_sync(UnitOfWork(demo_db, admin, now=now), SyncKind.INCREMENTAL, portal=portal)
        first = token_rounds.resolve_due(UnitOfWork(demo_db, SystemJob.TOKEN_ROUND, now=now + timedelta(minutes=80)))
        ended = token_rounds.resolve_due(UnitOfWork(demo_db, SystemJob.TOKEN_ROUND,
                                                    now=as_utc(ends) + timedelta(minutes=1)))
        resolved = [r for results in (first, ended) for r in results.values()]
        assert sum(r.accepted for r in resolved) and sum(r.refused for r in resolved)
        assert sum(r.still_pending for r in first.values()) and sum(r.refused_permanently for r in resolved)
        sync.run_sync(UnitOfWork(demo_db, admin), SyncKind.INCREMENTAL, portal=portal)
        report = sync.run_sync(UnitOfWork(demo_db, admin), SyncKind.FULL, portal=portal)
        assert {r.table: r.added + r.changed + r.removed for r in report.repaired if r.added + r.changed + r.removed} == {}
    finally:
        portal.dispose()
