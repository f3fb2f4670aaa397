"""The sync's timetable: entries such as "01:25 full, 06:05 incremental", kept as a setting, and the slot due now."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import func, select

from desk.changes import Action, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, as_utc, now_utc
from desk.db import Database
from desk.errors import DomainError
from desk.i18n import translate
from desk.model import Setting, SyncKind, SyncRun, SyncTrigger
from desk.staff import Actor, Permission, require
from desk.unit_of_work import UnitOfWork

class ScheduleAction(Action):
    """An administrator changing when the sync runs."""

    SCHEDULE = "sync.schedule"

    def describe(self, shown: Shown) -> Description:
        return Description(translate("History", "Sync schedule changed"))


SCHEDULE_SETTING = "sync_schedule"
DEFAULT_SCHEDULE = "01:25 full, 06:05 incremental, 16:05 incremental"

_ENTRY = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s+(full|incremental)\s*$")


@dataclass(frozen=True)
class ScheduledRun:
    at: time
    kind: SyncKind


def parse_schedule(text: str) -> list[ScheduledRun]:
    """``"01:25 full, 06:05 incremental"`` as a list; a clear refusal of anything else."""
    entries = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", text or ""))):
        match = _ENTRY.match(part)
        if match is None:
            raise DomainError(
                translate("Sync", "“%1” is not a schedule entry: write e.g. “06:05 incremental” or “01:25 full”.").replace("%1", part))
        entries.append(ScheduledRun(time(int(match[1]), int(match[2])), SyncKind(match[3])))
    return sorted(set(entries), key=lambda e: (e.at, e.kind.value))


def format_schedule(entries: list[ScheduledRun]) -> str:
    return ", ".join(f"{e.at:%H:%M} {e.kind.value}" for e in entries)


def schedule(db: Database) -> list[ScheduledRun]:
    with db.read() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == SCHEDULE_SETTING))
    try:
        return parse_schedule(value if value is not None else DEFAULT_SCHEDULE)
    except DomainError:
        return parse_schedule(DEFAULT_SCHEDULE)  # a damaged setting must not stop the sync


def set_schedule(uow: UnitOfWork, text: str) -> list[ScheduledRun]:
    uow.require(Permission.ADMINISTER)
    entries = parse_schedule(text)
    value = format_schedule(entries)
    with uow.write() as session:
        row = session.get(Setting, SCHEDULE_SETTING)
        before = row.value if row else DEFAULT_SCHEDULE
        if row is None:
            session.add(Setting(key=SCHEDULE_SETTING, value=value))
        else:
            row.value = value
        uow.record_change(ScheduleAction.SCHEDULE, entity="setting", entity_id=None,
                          before={"schedule": before}, after={"schedule": value}, portal=False)
    return entries


@dataclass(frozen=True)
class DueSlot:
    kind: SyncKind
    at: datetime  # the slot's instant (UTC): one run per slot


def due_run(db: Database, *, now: datetime | None = None, zone: str = DEFAULT_TIME_ZONE) -> SyncKind | None:
    """The kind of the scheduled run due now, if one is (see due_slot)."""
    due = due_slot(db, now=now, zone=zone)
    return due.kind if due else None


def due_slot(db: Database, *, now: datetime | None = None, zone: str = DEFAULT_TIME_ZONE) -> DueSlot | None:
    """The scheduled slot due now (its time passed today, no scheduled run since): full before incremental."""
    from zoneinfo import ZoneInfo

    now = as_utc(now or now_utc())
    local = now.astimezone(ZoneInfo(zone))
    passed = [e for e in schedule(db) if e.at <= local.time()]
    if not passed:
        return None
    latest = max(passed, key=lambda e: e.at)
    slot = datetime.combine(local.date(), latest.at, tzinfo=ZoneInfo(zone))
    with db.read() as session:
        since = session.scalar(
            select(func.count()).select_from(SyncRun)
            .where(SyncRun.trigger == SyncTrigger.SCHEDULE, SyncRun.started_at >= slot)
        )
    if since:
        return None
    kinds = {e.kind for e in passed if e.at == latest.at}
    return DueSlot(SyncKind.FULL if SyncKind.FULL in kinds else SyncKind.INCREMENTAL, as_utc(slot))
