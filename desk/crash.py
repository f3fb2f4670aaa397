"""The last resort for an error nobody expected: its full traceback kept in a log file the user can send."""

from __future__ import annotations

import traceback
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

LOG_FILE_NAME = "desk-errors.log"
# The log keeps the latest errors; an older half is dropped once it grows past this.
LOG_FILE_LIMIT = 2 * 1024 * 1024


def log_folder() -> Path:
    """The user's log folder for desk (platformdirs)."""
    return Path(platformdirs.user_log_dir("desk", appauthor=False))


def record_unexpected(error: BaseException, *, where: str = "") -> Path | None:
    """Append the full traceback of ``error`` to the log file; its path, or None when it cannot be written."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = f"--- {stamp} {where}\n{text}\n"
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        if path.exists() and path.stat().st_size > LOG_FILE_LIMIT:
            kept = path.read_bytes()[-LOG_FILE_LIMIT // 2:]
            path.write_bytes(kept)
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(entry)
        return path
    except OSError:
        return None
