"""The students a clerk opened last, kept on the workstation per clerk login and per database (QSettings).

Only what that clerk was shown anyway is kept: the student's id, number and name, newest first, at
most ``LIMIT``. Per database, so that a demo and the university's own data never mix their ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from PySide6.QtCore import QSettings

LIMIT = 10


@dataclass(frozen=True)
class Recent:
    student_id: int
    number: str
    name: str


class RecentStudents:
    def __init__(self, login: str, database: str):
        where = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
        self.key = f"recentStudents/{login}/{where}"

    def load(self) -> list[Recent]:
        raw = QSettings().value(self.key, "")
        try:
            rows = json.loads(raw) if isinstance(raw, str) and raw else []
            return [Recent(int(r["student_id"]), str(r["number"]), str(r["name"])) for r in rows][:LIMIT]
        except (ValueError, KeyError, TypeError):  # a hand-edited or damaged setting: start afresh
            return []

    def _save(self, rows: list[Recent]) -> list[Recent]:
        rows = rows[:LIMIT]
        QSettings().setValue(self.key, json.dumps([asdict(r) for r in rows], ensure_ascii=False))
        return rows

    def opened(self, student_id: int, number: str = "", name: str = "") -> list[Recent]:
        """The student goes first; what is not known yet (number, name) is kept from before."""
        rows = self.load()
        before = next((r for r in rows if r.student_id == student_id), None)
        if before is not None:
            number, name = number or before.number, name or before.name
        rows = [Recent(student_id, number, name)] + [r for r in rows if r.student_id != student_id]
        return self._save(rows)

    def named(self, student_id: int, number: str, name: str) -> list[Recent]:
        """The number and name as the card shows them, the order left as it is."""
        rows = [Recent(student_id, number, name) if r.student_id == student_id else r for r in self.load()]
        return self._save(rows)
