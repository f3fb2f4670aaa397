"""Icons, the style sheet and translations shipped with the application."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``path("translations", "desk_pl.qm")``."""
    return ROOT.joinpath(*parts)
