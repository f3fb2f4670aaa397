"""Institution-wide settings kept in the database: name, time zone, whether it is a demo."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from desk.clock import DEFAULT_TIME_ZONE
from desk.db import Database
from desk.model import Setting

NAME = "institution_name"
TIME_ZONE = "time_zone"
DEMO = "demo"


@dataclass(frozen=True)
class InstitutionSettings:
    name: str
    time_zone: str
    is_demo: bool


def institution_settings(db: Database) -> InstitutionSettings:
    with db.read() as session:
        values = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    zone = values.get(TIME_ZONE) or DEFAULT_TIME_ZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = DEFAULT_TIME_ZONE  # a damaged setting must not stop the desk from opening
    return InstitutionSettings(
        name=values.get(NAME, ""),
        time_zone=zone,
        is_demo=values.get(DEMO) == "1",
    )
