"""A real X session for the application: Xvfb at a laptop's 1366x768, openbox, keys sent by xdotool.

The keys go through the X server to whichever window has the keyboard, as a clerk's keyboard does;
nothing here clicks, and nothing reaches into the application's process. What the application did
is read back from its database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

SCREEN = (1366, 768)
TOOLS = ("Xvfb", "openbox", "xdotool")
DEADLINE = 30.0  # seconds for one step of the application to show; a busy CI machine is slow, not wrong


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def require_tools() -> None:
    missing = missing_tools()
    if missing:
        pytest.skip(f"a real X server needs {', '.join(missing)} (installed by .ci/run)")


def until(check: Callable[[], object], what: str, timeout: float = DEADLINE) -> object:
    """Wait for another process (the X server, the application) to reach a state; fail with ``what``.

    The application runs in its own process, so there is no signal to wait on here: the state is
    looked at every 50 ms until the deadline.
    """
    ends = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > ends:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.05)


class XSession:
    """Xvfb on a free display (it picks the number itself) with openbox managing the windows."""

    def __init__(self, folder: Path, size: tuple[int, int] = SCREEN):
        self.folder = folder
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:  # Xvfb writes the display number once it accepts clients
            number = answer.readline().strip()
        if not number:
            self.server.kill()
            raise AssertionError("Xvfb did not start")
        self.display = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.display}
        self.env.pop("QT_QPA_PLATFORM", None)
        self.manager = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        until(self._managed, "openbox to manage the screen")
        self.shots = 0

    def _managed(self) -> bool:
        probe = subprocess.run(["xdotool", "search", "--maxdepth", "1", "--class", "openbox"], env=self.env,
                               capture_output=True, text=True)
        return probe.returncode == 0 or self.manager.poll() is not None

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=DEADLINE)
        return done.stdout.strip() if done.returncode == 0 else ""

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "15", text)

    def title(self) -> str:
        """The title of the window that has the keyboard."""
        return self.xdotool("getactivewindow", "getwindowname")

    def wait_title(self, text: str, timeout: float = DEADLINE) -> str:
        return until(lambda: text in self.title() and self.title(), f"a window titled …{text}… to have the keyboard",
                     timeout)

    def wait_title_gone(self, text: str, timeout: float = DEADLINE) -> None:
        until(lambda: self.title() and text not in self.title(), f"the window titled …{text}… to close", timeout)

    def screenshot(self, name: str) -> Path | None:
        """The whole screen as PNG (ImageMagick's import), kept beside the test's files; None without it."""
        if shutil.which("import") is None:
            return None
        self.shots += 1
        path = self.folder / f"{self.shots:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, capture_output=True, timeout=DEADLINE)
        return path

    def close(self) -> None:
        for process in (self.manager, self.server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


class Application:
    """The desk application in its own process on the session's display, with its own settings folder."""

    def __init__(self, session: XSession, database: Path, home: Path, *, scale: float | None = None, lang: str = "en"):
        env = {**session.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
               "XDG_CACHE_HOME": str(home / "cache"), "QT_QPA_PLATFORM": "xcb", "LANGUAGE": lang,
               "LANG": "pl_PL.UTF-8" if lang == "pl" else "en_GB.UTF-8", "PYTHONFAULTHANDLER": "1"}
        if scale:
            env["QT_SCALE_FACTOR"] = str(scale)
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "application.log"
        self.log_file = self.log.open("w")
        entry = str(Path(sys.executable).with_name("desk"))
        self.process = subprocess.Popen([entry, "--db", str(database)], env=env, stdout=self.log_file,
                                        stderr=subprocess.STDOUT)

    def output(self) -> str:
        if not self.log_file.closed:
            self.log_file.flush()
        return self.log.read_text(errors="replace")

    def ended(self, timeout: float = DEADLINE) -> int:
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self.log_file.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self.log_file.closed:
            self.log_file.close()
