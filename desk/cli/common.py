"""What every terminal command shares: signing in, the database, one-line errors, codes to ids."""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from pathlib import Path


PASSWORD_ENV = "DESK_PASSWORD"
_translators: list = []  # installed translators must outlive the call that installs them


class CommandError(Exception):
    """A problem to print as one line and exit with status 1."""


def install_translator() -> None:
    """Polish messages at the terminal on a Polish system, when the translation is shipped."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    import resources

    if QLocale.system().language() != QLocale.Language.Polish:
        return  # English: the code's own words (their counted forms: desk.i18n.translate)
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    translator = QTranslator(app)
    if translator.load(str(resources.path("translations", "desk_pl.qm"))):
        app.installTranslator(translator)
        _translators.append(translator)


def open_database_for(args, *, create: bool = False):
    from desk.db import open_database

    return open_database(args.db, create=create).database


@contextlib.contextmanager
def removed_when_failed(args):
    """For commands that make a database file: when the command fails, the file it made (with its
    journal) is removed again, never left empty or half-built. A file that was there is left alone."""
    from desk.db import resolve_url

    url = resolve_url(args.db)
    path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") else None
    made = path is not None and not path.exists()
    try:
        yield
    except BaseException:
        if made:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise


def ask_password(prompt: str = "Password: ") -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"No password: set {PASSWORD_ENV} or run in a terminal.")
    return getpass.getpass(prompt)


def acting_staff(args, db):
    from desk.institution import institution_settings
    from desk.staff import sign_in

    login = args.as_login
    if not login:
        if institution_settings(db).is_demo:
            from desk.demo import DEMO_PASSWORD

            login = "admin"
            os.environ.setdefault(PASSWORD_ENV, DEMO_PASSWORD)
        else:
            raise CommandError("Say who acts: --as LOGIN (the password from DESK_PASSWORD or a prompt).")
    return sign_in(db, login, ask_password(f"Password for {login}: "))


def confirm(args, question: str) -> None:
    """Go on only when ``--yes`` was given or the person at the terminal answers yes; else a CommandError."""
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        raise CommandError(f"{question} Confirm with --yes.")
    if input(f"{question} [y/N] ").strip().lower() not in ("y", "yes", "t", "tak"):
        raise CommandError("Nothing was done.")


def require_administrator(args, db):
    from desk.staff import Permission, require

    actor = acting_staff(args, db)
    require(actor, Permission.ADMINISTER)
    return actor


def term_id_by_code(db, code: str) -> int:
    from desk.registrations import terms

    for term in terms(db):
        if term.code == code:
            return term.id
    raise CommandError(f"No term {code}.")


def unit_id_by_code(db, code: str) -> int:
    from desk.registrations import units

    for unit in units(db):
        if unit.code.lower() == code.lower():
            return unit.id
    raise CommandError(f"No unit {code}.")
