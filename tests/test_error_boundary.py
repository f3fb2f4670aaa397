"""The terminal's last resort: an error nobody expected is a short message, exit status 3 and a log file."""

from __future__ import annotations

import desk.cli.check
from desk import cli
from desk.crash import LOG_FILE_NAME


def test_an_unexpected_error_is_one_line_exit_3_and_a_log_file(tmp_path, monkeypatch, capsys, error_log_folder):
    def broken(args):
        raise ZeroDivisionError("secret detail 85010112345")

    monkeypatch.setattr(desk.cli.check, "cmd_check", broken)
    status = cli.main(["--db", str(tmp_path / "x.sqlite"), "check"])
    err = capsys.readouterr().err
    assert status == cli.UNEXPECTED_EXIT == 3
    assert "Traceback" not in err and "85010112345" not in err
    assert "unexpected error (ZeroDivisionError)" in err
    log_file = error_log_folder / LOG_FILE_NAME
    assert str(log_file) in err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged and "def broken" not in err


def test_refusals_keep_their_own_exit_status(tmp_path, capsys):
    assert cli.main(["--db", str(tmp_path / "missing" / "x.sqlite"), "db", "version"]) == 1
    assert "unexpected" not in capsys.readouterr().err


def test_no_log_folder_still_gives_the_message(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr("desk.crash.log_folder", lambda: blocker / "logs")
    monkeypatch.setattr(desk.cli.check, "cmd_check", lambda args: 1 / 0)
    assert cli.main(["--db", str(tmp_path / "x.sqlite"), "check"]) == 3
    assert "no log file could be written" in capsys.readouterr().err
