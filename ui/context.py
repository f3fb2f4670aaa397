"""What every view is handed: the open database, the signed-in staff member, the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from desk.db import Database
from desk.staff import Actor
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    tasks: TaskRunner
    time_zone: str = "Europe/Warsaw"
