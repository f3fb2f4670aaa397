"""What every view is handed: the open database, the signed-in staff member, the lanes, the broadcast."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

from desk.db import Database
from desk.staff import Actor
from ui.changes import ChangeBroadcast, Changes, follow
from ui.tasks import Lane, TaskHandle, TaskRunner, operate


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    tasks: TaskRunner
    time_zone: str = "Europe/Warsaw"
    changes: ChangeBroadcast = field(default_factory=ChangeBroadcast, compare=False)

    def operate(
        self,
        work: Callable[..., Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        changes: Changes | Callable[[Any], Changes | None] | None = None,
        lane: Lane = Lane.WRITE,
        show: QWidget | None = None,
        title: str = "",
        on_progress: Callable[[int, int, str], None] | None = None,
        with_handle: bool = False,
        key: str | None = None,
    ) -> TaskHandle:
        """Run a change in the background (see ui.tasks.operate) and announce what it changed."""
        return operate(self.tasks, self.changes, work, done, failed, changes=changes, lane=lane, show=show, title=title,
                       on_progress=on_progress, with_handle=with_handle, key=key)

    def follow(self, view: QWidget, wants: Callable[[Changes], bool], refresh: Callable[[], None], *,
               while_hidden: bool = False):
        """Refresh ``view`` with ``refresh`` whenever a change it shows (``wants``) is announced."""
        return follow(view, self.changes, wants, refresh, while_hidden=while_hidden)
