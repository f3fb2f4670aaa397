"""Cold start: the time until the sign-in window is on screen, against a bare PySide6 dialog (the floor),
and the time from signing in to the main window.

    python -m tests.benchmarks.cold_start [--students N] [--db PATH] [--runs R] [--no-main]

Builds (once, then reuses) a demo database of N students (300,000 by default) under bench-data/.
Each run starts a new process with the same Python and environment (offscreen unless
QT_QPA_PLATFORM says otherwise, a fresh settings folder): ``desk --db PATH`` until its sign-in
dialog reports itself shown (DESK_REPORT_SHOWN=1), and, taking turns with it, a bare process that
shows a QDialog with two QLineEdits and a button. The clock runs from starting the process to the
line on its standard error; the CPU time is what the process reports at that moment.

Then the whole way in: the application started by a small driver that types the demo
administrator's login and password into the sign-in dialog and presses Sign in as soon as it works
(the window is shown before the database is opened), timed from the start of its Python until Sign in
works, from the press until the main window is shown and until it is first painted (a password hash
is part of it), and from the start of its Python to the main window shown. A first such run is not counted (it fills
the caches). The day's backup (under bench-data/backups/) starts ten seconds after the main window is
up, so a first start of a day is timed as any other: no run here waits for it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"
MARKER = "shown sign-in"

DESK = "import sys; from ui.entry import main; sys.exit(main())"  # what the ``desk`` command runs

FLOOR = f"""
import sys, time
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLineEdit, QPushButton

class Dialog(QDialog):
    def showEvent(self, event):
        super().showEvent(event)
        print(f"{MARKER} {{time.process_time():.3f}}", file=sys.stderr, flush=True)

app = QApplication(sys.argv[:1])
dialog = Dialog()
form = QFormLayout(dialog)
form.addRow("Login:", QLineEdit(dialog))
form.addRow("Password:", QLineEdit(dialog))
form.addRow(QPushButton("Sign in", dialog))
dialog.exec()
"""

# The application, signed in by a driver: its marks are perf_counter values of the same process.
SIGNED_IN = """
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

app = QApplication(sys.argv[:1])
login, password = sys.argv[1], sys.argv[2]

def mark(what):
    print(f"bench {what} {time.perf_counter():.6f}", file=sys.stderr, flush=True)

def sign_in(dialog):
    dialog.login.setText(login)
    dialog.password.setText(password)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    if not ok.isEnabled():  # shown before the database is open: pressed once Sign in works
        dialog.ready.connect(lambda: sign_in(dialog))
        return
    mark("pressed")
    ok.click()

class Watch(QObject):
    seen = set()

    def eventFilter(self, watched, event):
        if event.type() in (QEvent.Type.Show, QEvent.Type.Paint) and watched.isWidgetType() and watched.isWindow():
            key = (watched.objectName(), event.type())
            if key not in self.seen:
                self.seen.add(key)
                if key == ("signInDialog", QEvent.Type.Show):
                    print(f"bench started {started:.6f}", file=sys.stderr, flush=True)
                    QTimer.singleShot(0, lambda: sign_in(watched))
                elif key == ("mainWindow", QEvent.Type.Show):
                    mark("main-shown")
                elif key == ("mainWindow", QEvent.Type.Paint):
                    mark("main-painted")
                    QTimer.singleShot(0, watched.close)
        return False

watch = Watch()
app.installEventFilter(watch)
from ui.entry import main
sys.exit(main(sys.argv[3:]))
"""


def demo_database(students: int, path: Path | None) -> Path:
    path = path or DATA / f"start-{students // 1000}k.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the demo database {path} ({students:,} students), once…", file=sys.stderr)
        subprocess.run([sys.executable, "-c", DESK, "--db", str(path), "demo", "--students", str(students)],
                       cwd=ROOT, check=True)
    return path.resolve()


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["DESK_REPORT_SHOWN"] = "1"
    # As an installed desk starts: from compiled bytecode. Where the environment forbids writing it
    # (PYTHONDONTWRITEBYTECODE), the runs keep their own under bench-data/, filled by the first run.
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env.setdefault("PYTHONPYCACHEPREFIX", str(DATA / "pycache"))
    # The settings (the last database, the language) and the logs of these runs stay out of the user's.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def until_marker(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from starting the process to its marker, and the CPU seconds it reports; then it is ended."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    watchdog = threading.Timer(120, process.kill)  # a window that never shows (a message box instead) ends the run
    watchdog.start()
    try:
        for line in process.stderr:
            if line.startswith(MARKER):
                return time.perf_counter() - started, float(line.split()[-1])
            seen.append(line)
        raise RuntimeError("the process ended before its window was shown:\n" + "".join(seen[-20:]))
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()
        process.stderr.close()


def signed_in(db: Path, env: dict[str, str], login: str, password: str) -> dict[str, float]:
    """Seconds from pressing Sign in to the main window shown and painted, and from the start of the
    process's Python to Sign in working and to the main window shown (signed in at once); the process
    then closes it."""
    process = subprocess.run([sys.executable, "-c", SIGNED_IN, login, password, "--db", str(db)], cwd=ROOT, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             timeout=600)
    marks = {}
    for line in process.stderr.splitlines():
        if line.startswith("bench "):
            _, what, at = line.split()
            marks[what] = float(at)
    if not {"started", "pressed", "main-shown", "main-painted"} <= marks.keys():
        raise RuntimeError(f"the main window was not reached (exit {process.returncode}):\n{process.stderr[-3000:]}")
    return {"shown": marks["main-shown"] - marks["pressed"], "painted": marks["main-painted"] - marks["pressed"],
            "whole": marks["main-shown"] - marks["started"], "ready": marks["pressed"] - marks["started"]}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p95": p95(values)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=300_000, help="students in the demo database (300,000)")
    parser.add_argument("--db", type=Path, help="a demo database to use (default: bench-data/start-<N>k.sqlite)")
    parser.add_argument("--runs", type=int, default=9, help="runs of each process (9; at least 7)")
    parser.add_argument("--main-runs", type=int, default=5, help="runs signed in to the main window (5)")
    parser.add_argument("--no-main", action="store_true", help="measure the sign-in window only")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default=os.environ.get("DESK_PASSWORD", "demo1234"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    db = demo_database(args.students, args.db)

    with tempfile.TemporaryDirectory(prefix="desk-cold-start-") as home:
        env = environment(Path(home))
        desk = [sys.executable, "-c", DESK, "--db", str(db)]
        floor = [sys.executable, "-c", FLOOR]
        until_marker(desk, env), until_marker(floor, env)  # compiled bytecode and a warm file cache for both
        wall: dict[str, list[float]] = {"desk": [], "floor": []}
        cpu: dict[str, list[float]] = {"desk": [], "floor": []}
        for _ in range(args.runs):  # taking turns: a busy moment of the machine falls on both
            for name, command in (("desk", desk), ("floor", floor)):
                seconds, cpu_seconds = until_marker(command, env)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
        results: dict[str, object] = {"database": str(db.name), "runs": args.runs,
                                      "sign_in_wall": {k: summary(v) for k, v in wall.items()},
                                      "sign_in_cpu": {k: summary(v) for k, v in cpu.items()}}
        print(f"Sign-in window on screen ({db.name}, {args.runs} runs each, taking turns):")
        print(f"  {'':6} {'median':>8} {'p95':>8} {'CPU median':>11}")
        for name in ("desk", "floor"):
            s, c = summary(wall[name]), summary(cpu[name])
            print(f"  {name:6} {s['median']:7.3f}s {s['p95']:7.3f}s {c['median']:10.3f}s")
        ratio = statistics.median(wall["desk"]) / statistics.median(wall["floor"])
        cpu_ratio = statistics.median(cpu["desk"]) / statistics.median(cpu["floor"])
        results["ratio"], results["cpu_ratio"] = ratio, cpu_ratio
        print(f"  desk / floor: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (medians)")

        if not args.no_main:
            signed_in(db, env, args.login, args.password)  # not counted: it fills the bytecode and file caches
            runs = [signed_in(db, env, args.login, args.password) for _ in range(args.main_runs)]
            shown = summary([run["shown"] for run in runs])
            painted = summary([run["painted"] for run in runs])
            whole = summary([run["whole"] for run in runs])
            ready = summary([run["ready"] for run in runs])
            results["main_window"] = {"shown": shown, "painted": painted, "whole": whole, "ready": ready,
                                      "runs": args.main_runs}
            print(f"Start → Sign in works (the database open): median {ready['median']:.3f}s p95 {ready['p95']:.3f}s")
            print(f"Sign in pressed → main window ({args.main_runs} runs): shown median {shown['median']:.3f}s "
                  f"p95 {shown['p95']:.3f}s; painted median {painted['median']:.3f}s p95 {painted['p95']:.3f}s")
            print(f"Start → main window shown, signed in at once: median {whole['median']:.3f}s p95 {whole['p95']:.3f}s")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
