"""Instants are UTC in storage and Europe/Warsaw (with summer time) on screen."""

from datetime import datetime

from desk.clock import UTC, format_local, local_to_utc, to_local
from desk.institution import institution_settings
from desk.model import Setting


def test_local_times_follow_summer_time():
    winter = local_to_utc(datetime(2026, 1, 15, 10, 0))
    summer = local_to_utc(datetime(2026, 7, 15, 10, 0))
    assert winter == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    assert summer == datetime(2026, 7, 15, 8, 0, tzinfo=UTC)
    assert format_local(summer) == "2026-07-15 10:00"


def test_clock_change_night():
    # 2026-10-25 03:00 CEST becomes 02:00 CET: one local hour happens twice.
    before = to_local(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    after = to_local(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert (before.hour, after.hour) == (2, 2)
    assert before.utcoffset() != after.utcoffset()


def test_institution_settings_default_and_stored(db):
    settings = institution_settings(db)
    assert settings.time_zone == "Europe/Warsaw" and not settings.is_demo
    with db.write() as session:
        session.add_all([Setting(key="demo", value="1"), Setting(key="time_zone", value="No/Such_Zone")])
    settings = institution_settings(db)
    assert settings.is_demo and settings.time_zone == "Europe/Warsaw"
