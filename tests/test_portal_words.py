"""The portal gets codes with their parameters, and the words of every code in Polish and English;
a portal made by an older desk is brought to the contract and published whole."""

from __future__ import annotations

import json

from datetime import timedelta

from sqlalchemy import func, select, text

from desk import sync, token_rounds
from desk.clock import as_utc, now_utc
from desk.demo import DEMO_PASSWORD
from desk.messages import Message
from desk.model import Registration, Round, SyncKind
from desk.portal import schema, simulator
from desk.portal.database import open_portal_for
from desk.staff import sign_in
from desk.unit_of_work import SystemJob, UnitOfWork
from tests.test_sync import portal_differences


def _fill(text_: str, params: dict, words: dict[str, str]) -> str:
    """What the portal does with a row's code and parameters, as the contract says: a group's class type
    (``MAT-101 lab 1``) in the words of its ``class_type.`` message, in the language filled in."""
    for name, value in params.items():
        if name == "group" or name.endswith("_group"):
            course, _, rest = str(value).rpartition(" ")
            course, _, kind = course.rpartition(" ")
            value = f"{course} {words.get('class_type.' + kind, kind)} {rest}" if course else value
        text_ = text_.replace("{" + name + "}", str(value))
    return text_.replace("%n", str(params.get("n", "")))


def test_every_code_on_the_portal_has_its_words_in_polish_and_english(demo_db):
    admin = sign_in(demo_db, "admin", DEMO_PASSWORD)
    portal = open_portal_for(demo_db)
    now = now_utc()
    try:
        sync.run_sync(UnitOfWork(demo_db, admin), SyncKind.FULL, portal=portal)
        with demo_db.read() as session:
            registration_id, ends = session.execute(
                select(Registration.id, func.max(Round.ends_at)).join(Round, Round.registration_id == Registration.id)
                .where(Registration.code.like("SJO-LEK-%"), Round.starts_at <= now).group_by(Registration.id)).one()
        simulator.token_requests(portal, registration_id, students=300, seed=3, at=now)
        sync.run_sync(UnitOfWork(demo_db, admin, now=now), portal=portal)
        token_rounds.resolve_due(UnitOfWork(demo_db, SystemJob.TOKEN_ROUND, now=now + timedelta(minutes=80)))
        token_rounds.resolve_due(UnitOfWork(demo_db, SystemJob.TOKEN_ROUND, now=as_utc(ends) + timedelta(minutes=1)))
        sync.run_sync(UnitOfWork(demo_db, admin), portal=portal)
        with portal.read() as target:
            words = {code: (pl, en) for code, pl, en in target.execute(
                select(schema.messages.c.code, schema.messages.c.text_pl, schema.messages.c.text_en))}
            coded = target.execute(
                select(schema.token_requests.c.resolution_code, schema.token_requests.c.resolution_params)
                .where(schema.token_requests.c.resolution_code.is_not(None))).all()
    finally:
        portal.dispose()
    assert words["refusal.full"] == ("Grupa {group} jest pełna: zajęte miejsca: {enrolled} z {limit}.",
                                     "Group {group} is full: {enrolled} of {limit} places taken.")
    assert coded, "the demo's token rounds leave requests resolved with a reason"
    assert words["class_type.language"] == ("lektorat", "language class")  # a group's class type, in words
    for code, params in coded:
        assert code in words, code
        filled = {language: _fill(template, json.loads(params or "{}"), {c: w[i] for c, w in words.items()})
                  for i, (language, template) in enumerate(zip(("pl", "en"), words[code]))}
        # The portal's words equal the desk's own for the same message.
        assert filled == Message(code, json.loads(params or "{}")).texts()
        assert "{" not in filled["pl"] and "{" not in filled["en"]


def test_a_portal_of_an_older_contract_gets_the_new_columns_and_is_published_whole(demo_db):
    admin = sign_in(demo_db, "admin", DEMO_PASSWORD)
    sync.run_sync(UnitOfWork(demo_db, admin), SyncKind.FULL)
    portal = open_portal_for(demo_db)
    with portal.write() as target:  # as an older desk left it: no coded reasons, no words table
        target.execute(text("DROP TABLE portal_messages"))
        target.execute(text("ALTER TABLE portal_token_requests DROP COLUMN resolution_params"))
        target.execute(text("ALTER TABLE portal_token_requests DROP COLUMN resolution_code"))
        target.execute(text("UPDATE portal_sync_state SET value = '2' WHERE key = 'contract_version'"))
    portal.dispose()

    report = sync.run_sync(UnitOfWork(demo_db, admin))  # an incremental run, as a timer would start it
    assert report.kind is SyncKind.FULL
    portal = open_portal_for(demo_db)
    try:
        assert portal_differences(demo_db, portal) == {}
        with portal.read() as target:
            assert target.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == "contract_version")) \
                == schema.CONTRACT_VERSION
            assert target.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == schema.FULL_OWED)) is None
            assert target.execute(select(schema.messages.c.code)).first() is not None
    finally:
        portal.dispose()
