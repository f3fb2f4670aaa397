"""Time: instants are stored in UTC and shown and reasoned about in the institution's zone."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "Europe/Warsaw"
UTC = timezone.utc


def now_utc() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """An aware UTC instant; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_local(value: datetime, zone: str = DEFAULT_TIME_ZONE) -> datetime:
    return as_utc(value).astimezone(ZoneInfo(zone))


def local_to_utc(value: datetime, zone: str = DEFAULT_TIME_ZONE) -> datetime:
    """A wall-clock time in the institution's zone (naive or aware) as a UTC instant."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(UTC)


def format_local(value: datetime | None, zone: str = DEFAULT_TIME_ZONE) -> str:
    if value is None:
        return ""
    return to_local(value, zone).strftime("%Y-%m-%d %H:%M")


def format_date(value: date | None) -> str:
    return value.isoformat() if value else ""
