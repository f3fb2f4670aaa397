"""Linking logins in bulk from the mail system's CSV or .xlsx file: a preview, then all or nothing."""

from __future__ import annotations

import csv
import enum
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.accounts.actions import LoginAction
from desk.accounts.addresses import address_problem, malformed_text
from desk.accounts.persons import CHUNK, OUTBOX_ENTITY, PersonFacts, required_reason
from desk.accounts.templates import domain_problem, templates_by_category
from desk import input_files
from desk.changes import Change
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import LoginAccount, Person, PersonCategory, Student
from desk.staff import Permission
from desk.text import fold
from desk.unit_of_work import UnitOfWork

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILE_ROWS = 100_000  # lines of data; the cells, fields and unpacked size are bounded in desk.input_files


class LineOutcome(enum.StrEnum):
    OK = "ok"
    ALREADY_LINKED = "already_linked"  # to this very person: nothing to do
    UNKNOWN_STUDENT = "unknown_student"
    MALFORMED = "malformed"
    LINKED_TO_ANOTHER = "linked_to_another"
    DOMAIN_MISMATCH = "domain_mismatch"
    DUPLICATE_LINE = "duplicate_line"
    MISSING_VALUE = "missing_value"


ERROR_OUTCOMES = frozenset({
    LineOutcome.UNKNOWN_STUDENT, LineOutcome.MALFORMED, LineOutcome.LINKED_TO_ANOTHER, LineOutcome.DOMAIN_MISMATCH,
    LineOutcome.DUPLICATE_LINE, LineOutcome.MISSING_VALUE,
})


def outcome_label(outcome: LineOutcome) -> str:
    return {
        LineOutcome.OK: translate("Accounts", "ok"),
        LineOutcome.ALREADY_LINKED: translate("Accounts", "already linked"),
        LineOutcome.UNKNOWN_STUDENT: translate("Accounts", "unknown student"),
        LineOutcome.MALFORMED: translate("Accounts", "malformed address"),
        LineOutcome.LINKED_TO_ANOTHER: translate("Accounts", "linked to someone else"),
        LineOutcome.DOMAIN_MISMATCH: translate("Accounts", "domain mismatch"),
        LineOutcome.DUPLICATE_LINE: translate("Accounts", "duplicate line"),
        LineOutcome.MISSING_VALUE: translate("Accounts", "missing value"),
    }[outcome]


@dataclass(frozen=True)
class BulkLine:
    line_number: int  # as the clerk sees it in the file (1 = the first line)
    identifier: str  # student number or PESEL as written
    email: str
    outcome: LineOutcome
    message: str
    person_id: int | None = None
    person_name: str | None = None

    @property
    def is_error(self) -> bool:
        return self.outcome in ERROR_OUTCOMES


@dataclass(frozen=True)
class BulkPreview:
    file_name: str
    identifier_kind: str  # "student_number" or "pesel"
    identifier_column: str
    email_column: str
    lines: tuple[BulkLine, ...]

    @property
    def counts(self) -> dict[LineOutcome, int]:
        counts: dict[LineOutcome, int] = {}
        for line in self.lines:
            counts[line.outcome] = counts.get(line.outcome, 0) + 1
        return counts

    @property
    def to_link(self) -> int:
        return sum(1 for line in self.lines if line.outcome is LineOutcome.OK)

    @property
    def errors(self) -> int:
        return sum(1 for line in self.lines if line.is_error)

    @property
    def can_apply(self) -> bool:
        return self.errors == 0 and self.to_link > 0


@dataclass(frozen=True)
class BulkResult:
    linked: int  # logins linked, new or existing rows
    created: int  # of them, new login rows
    unchanged: int  # lines already linked as the file says
    skipped: int  # lines in error, left out on request


@dataclass(frozen=True)
class _Rows:
    identifier_kind: str
    identifier_column: str
    email_column: str
    rows: tuple[tuple[int, str, str], ...]  # line number, identifier, e-mail


_NUMBER_HEADERS = {"indeks", "nr indeksu", "numer indeksu", "nr albumu", "numer albumu", "album", "nr alb",
                   "student number", "student no", "student nr", "studentnumber", "index", "index number",
                   "numer studenta", "nr studenta", "student id"}


_PESEL_HEADERS = {"pesel", "nr pesel", "numer pesel"}
_EMAIL_HEADERS = {"email", "e mail", "mail", "adres", "adres email", "adres e mail", "email address", "e mail address",
                  "address", "login", "adres poczty", "konto", "adres mailowy", "poczta", "login email"}


def _header_key(value) -> str:
    text = fold(str(value if value is not None else ""))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _column_kind(value) -> str | None:
    key = _header_key(value)
    if not key:
        return None
    if key in _PESEL_HEADERS or key.startswith("pesel"):
        return "pesel"
    if key in _NUMBER_HEADERS or "indeks" in key or "album" in key:
        return "student_number"
    if key in _EMAIL_HEADERS or "mail" in key.split(" ") or key.startswith(("e mail", "email", "adres")):
        return "email"
    return None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 123456 kept by a spreadsheet as a number
    return str(value).strip().strip("\"'").strip()


def _too_many_rows() -> DomainError:
    return DomainError(
        translate("Accounts", "The file has more than %1 rows; split it into smaller files.").replace("%1", f"{MAX_FILE_ROWS:,}")
    )


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    # Excel on a Polish Windows saves CSV in Windows-1250.
    text = input_files.text_of(input_files.read_bytes(path, max_bytes=MAX_FILE_BYTES), path.name, legacy_encoding="cp1250")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t", "|"), key=first.count) if first else ","
    if first and first.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if len(row) > input_files.MAX_COLUMNS:
                row = row[:input_files.MAX_COLUMNS]
            if any(len(field) > input_files.MAX_FIELD_CHARS for field in row):
                raise _long_field(reader.line_num)
            yield reader.line_num, row
    except csv.Error:
        raise _long_field(reader.line_num) from None


def _long_field(line: int) -> DomainError:
    return DomainError(
        translate("Accounts", "Line %1 of the file has a field longer than %2 characters (or an unclosed quote); "
                              "it is not the mail system's list.").replace("%1", str(line))
        .replace("%2", f"{input_files.MAX_FIELD_CHARS:,}"))


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = DomainError(translate("Accounts", "%1 cannot be read as an Excel (.xlsx) file.").replace("%1", path.name))
    input_files.check_xlsx(path)  # before openpyxl parses any of it (which it does with defusedxml)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, ParseError, DefusedXmlException):
        raise unreadable from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_row=MAX_FILE_ROWS + 10, max_col=input_files.MAX_COLUMNS)
        for number, row in enumerate(rows, start=1):
            yield number, list(row)
    except (ParseError, DefusedXmlException, KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError, EOFError):
        raise unreadable from None
    finally:
        book.close()


def read_link_file(path: str | Path) -> _Rows:
    """The (student number or PESEL, e-mail) pairs of a CSV or .xlsx file, with their line numbers."""
    path = Path(path)
    try:
        missing = not path.exists()
    except OSError:  # a name too long, a path through a file: checked_file says so
        missing = False
    if missing:
        raise NotFound(translate("Accounts", "There is no file %1.").replace("%1", str(path)))
    path = input_files.checked_file(path, max_bytes=MAX_FILE_BYTES)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DomainError(translate("Accounts", "Old Excel files (.xls) cannot be read: save it as .xlsx or .csv."))
    try:
        with path.open("rb") as handle:
            is_zip = handle.read(2) == b"PK"
    except OSError:
        raise DomainError(translate("Files", "The file %1 cannot be read.").replace("%1", path.name)) from None
    rows = _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") or is_zip else _csv_rows(path)
    header = None
    seen_first: list = []
    for number, row in rows:
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        if header is None:
            if not seen_first:
                seen_first = cells
            kinds = [_column_kind(c) for c in cells]
            emails = [i for i, k in enumerate(kinds) if k == "email"]
            ids = [i for i, k in enumerate(kinds) if k == "student_number"] or [i for i, k in enumerate(kinds) if k == "pesel"]
            if emails and ids:
                if len(emails) > 1:
                    raise DomainError(
                        translate("Accounts", "Several columns could be the e-mail (%1): leave only the institutional one.")
                        .replace("%1", ", ".join(cells[i] for i in emails))
                    )
                id_column, email_column = ids[0], emails[0]
                header = (kinds[id_column], cells[id_column], cells[email_column])
                data: list[tuple[int, str, str]] = []
            elif number >= 10:
                break  # a header, if any, is among the first lines
            continue
        if len(data) >= MAX_FILE_ROWS:
            raise _too_many_rows()
        identifier = (cells[id_column] if id_column < len(cells) else "").replace(" ", "")
        if header[0] == "pesel" and identifier.isdigit() and len(identifier) < 11:
            identifier = identifier.zfill(11)  # a spreadsheet keeping PESEL as a number drops its leading zero
        email = cells[email_column] if email_column < len(cells) else ""
        data.append((number, identifier, email))
    if header is None:
        raise DomainError(
            translate("Accounts", "The file needs a column with the student number (or PESEL) and a column with the e-mail, "
                                  "named in its first line (e.g. “numer albumu” and “e-mail”); its first line has: %1.")
            .replace("%1", "; ".join(c for c in seen_first if c)[:200] or "—")
        )
    kind, id_name, email_name = header
    return _Rows(kind, id_name, email_name, tuple(data))


def _persons_in_bulk(session: Session, person_ids: Iterable[int]) -> dict[int, PersonFacts]:
    ids = list(set(person_ids))
    found: dict[int, tuple[str, PersonCategory, list[tuple[int, str]]]] = {}
    for start in range(0, len(ids), CHUNK):
        for pid, first, last, category, sid, number in session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.category, Student.id, Student.student_number)
            .outerjoin(Student, Student.person_id == Person.id)
            .where(Person.id.in_(ids[start : start + CHUNK]))
            .order_by(Person.id, Student.id)
        ):
            entry = found.setdefault(pid, (f"{first} {last}", category, []))
            if sid is not None:
                entry[2].append((sid, number))
    return {
        pid: PersonFacts(pid, name, category, records[0][0] if records else None, tuple(n for _s, n in records))
        for pid, (name, category, records) in found.items()
    }


@dataclass(frozen=True)
class _Login:
    id: int
    email: str
    person_id: int | None


def _evaluate(session: Session, parsed: _Rows, *, lock: bool) -> tuple[list[BulkLine], dict[int, PersonFacts], dict[str, _Login]]:
    """Each line's outcome against the data as it stands, in bulk queries (plain rows, no ORM objects:
    a file of 100,000 lines is checked in seconds)."""
    templates = templates_by_category(session)
    identifiers = list({identifier for _n, identifier, _e in parsed.rows if identifier})
    person_of: dict[str, int] = {}
    for start in range(0, len(identifiers), CHUNK):
        chunk = identifiers[start : start + CHUNK]
        if parsed.identifier_kind == "pesel":
            query = select(Person.pesel, Person.id).where(Person.pesel.in_(chunk))
        else:
            query = select(Student.student_number, Student.person_id).where(Student.student_number.in_(chunk))
        person_of.update(session.execute(query).all())
    persons = _persons_in_bulk(session, person_of.values())
    problems = {email: address_problem(email) for _n, _i, email in parsed.rows if email}
    addresses = list({email.lower() for email, problem in problems.items() if problem is None})
    logins: dict[str, _Login] = {}
    for start in range(0, len(addresses), CHUNK):
        query = select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id).where(
            func.lower(LoginAccount.email).in_(addresses[start : start + CHUNK]))
        if lock:
            query = query.with_for_update()
        logins.update((email.lower(), _Login(lid, email, pid)) for lid, email, pid in session.execute(query))
    persons.update(_persons_in_bulk(
        session, (l.person_id for l in logins.values() if l.person_id is not None and l.person_id not in persons)
    ))

    pesel = parsed.identifier_kind == "pesel"
    texts = {
        "missing email": translate("Accounts", "The line has %1.").replace("%1", translate("Accounts", "no e-mail")),
        "missing id": translate("Accounts", "The line has %1.").replace(
            "%1", translate("Accounts", "no PESEL") if pesel else translate("Accounts", "no student number")),
        "duplicate": translate("Accounts", "Line %1 has this address or student already."),
        "unknown": translate("Accounts", "No person has the PESEL %1.") if pesel else translate("Accounts", "No student has the number %1."),
        "already": translate("Accounts", "Already linked: nothing to do."),
        "another": translate("Accounts", "%1 is already linked to %2, not to %3."),
        "existing": translate("Accounts", "The existing login will be linked to %1."),
        "new": translate("Accounts", "A new login will be linked to %1."),
    }
    lines: list[BulkLine] = []
    first_email: dict[str, int] = {}
    first_identifier: dict[str, int] = {}
    for number, identifier, email in parsed.rows:
        def line(outcome: LineOutcome, message: str, person: PersonFacts | None = None) -> BulkLine:
            return BulkLine(number, identifier, email, outcome, message, person.person_id if person else None,
                            person.name if person else None)

        if not identifier or not email:
            lines.append(line(LineOutcome.MISSING_VALUE, texts["missing id" if email else "missing email"]))
            continue
        key = email.lower()
        if key in first_email or identifier in first_identifier:
            earlier = first_email.get(key) or first_identifier.get(identifier)
            lines.append(line(LineOutcome.DUPLICATE_LINE, texts["duplicate"].replace("%1", str(earlier))))
            continue
        first_email[key] = number
        first_identifier[identifier] = number
        problem = problems[email]
        if problem is not None:
            lines.append(line(LineOutcome.MALFORMED, malformed_text(email, problem)))
            continue
        pid = person_of.get(identifier)
        if pid is None:
            lines.append(line(LineOutcome.UNKNOWN_STUDENT, texts["unknown"].replace("%1", identifier)))
            continue
        person = persons[pid]
        login = logins.get(key)
        if login is not None and login.person_id == pid:
            lines.append(line(LineOutcome.ALREADY_LINKED, texts["already"], person))
            continue
        if login is not None and login.person_id is not None:
            holder = persons[login.person_id]
            lines.append(line(LineOutcome.LINKED_TO_ANOTHER, texts["another"].replace("%1", login.email)
                              .replace("%2", holder.label).replace("%3", person.label), person))
            continue
        mismatch = domain_problem(key, person.category, templates, person.label)
        if mismatch is not None:
            lines.append(line(LineOutcome.DOMAIN_MISMATCH, mismatch, person))
            continue
        lines.append(line(LineOutcome.OK, texts["existing" if login is not None else "new"].replace("%1", person.label), person))
    return lines, persons, logins


def _pesels_read(uow: UnitOfWork, parsed: _Rows) -> None:
    """A file keyed by PESEL confirms PESELs line by line: only for the personal-data right, and in the access
    log (in its own transaction, kept even when the import is then refused)."""
    if parsed.identifier_kind != "pesel":
        return
    uow.require(Permission.VIEW_PERSONAL_DATA)
    from desk.students import PersonAction, record_pesel_use

    record_pesel_use(uow, PersonAction.PESEL_FILE, [(None, None)], after={"rows": len(parsed.rows)})


def preview_bulk_link(uow: UnitOfWork, path: str | Path) -> BulkPreview:
    """What linking the file would do, line by line; nothing is changed."""
    uow.require(Permission.MANAGE_ACCOUNTS)
    parsed = read_link_file(path)
    _pesels_read(uow, parsed)
    with uow.read() as session:
        lines, _persons, _logins = _evaluate(session, parsed, lock=False)
    return BulkPreview(Path(path).name, parsed.identifier_kind, parsed.identifier_column, parsed.email_column, tuple(lines))


def apply_bulk_link(uow: UnitOfWork, path: str | Path, *, reason: str, skip_errors: bool = False) -> BulkResult:
    """Link every line of the file in one transaction: all or nothing.

    The file is checked again against the data as it stands; a line in error refuses the whole
    file unless ``skip_errors`` says to leave such lines out.
    """
    uow.require(Permission.MANAGE_ACCOUNTS)
    reason = required_reason(reason, translate("Accounts", "Say why the logins are linked (e.g. export from the mail system of 1 Oct)."))
    parsed = read_link_file(path)
    _pesels_read(uow, parsed)
    with uow.write() as session:
        now, staff_id = uow.now, uow.staff_id
        lines, persons, logins = _evaluate(session, parsed, lock=True)
        errors = [line for line in lines if line.is_error]
        if errors and not skip_errors:
            first = errors[0]
            raise DomainError(
                translate("Accounts", "Nothing was linked: %n lines have errors, e.g. line %2: %3 Fix the file, or "
                                      "leave those lines out explicitly.", None, len(errors))
                .replace("%2", str(first.line_number)).replace("%3", first.message)
            )
        todo = [line for line in lines if line.outcome is LineOutcome.OK]
        existing = [(logins[line.email.lower()], line) for line in todo if line.email.lower() in logins]
        new = [line for line in todo if line.email.lower() not in logins]
        if existing:
            session.execute(
                update(LoginAccount),
                [dict(id=login.id, person_id=line.person_id, linked_at=now, linked_by_id=staff_id) for login, line in existing],
            )
        created: list[tuple[int, str]] = []
        if new:
            try:
                for start in range(0, len(new), CHUNK):
                    chunk = new[start : start + CHUNK]
                    created.extend(session.execute(
                        insert(LoginAccount).returning(LoginAccount.id, LoginAccount.email, sort_by_parameter_order=True),
                        [dict(email=line.email.lower(), email_folded=line.email.lower(), person_id=line.person_id,
                              linked_at=now, linked_by_id=staff_id, created_at=now) for line in chunk],
                    ).all())
            except IntegrityError:
                raise DomainError(translate("Accounts", "Some of these logins were just created at another workstation; "
                                                        "preview the file again.")) from None

        def change(login_id: int, line, email: str, linked: bool) -> Change:
            after = {"email": email, "person_id": line.person_id}
            return Change(OUTBOX_ENTITY, login_id, persons[line.person_id].student_id,
                          before={"email": email, "person_id": None} if linked else None, after=after, reason=reason)

        linked = uow.record_changes(LoginAction.LINK, [change(login.id, line, login.email, True) for login, line in existing])
        linked += uow.record_changes(LoginAction.CREATE, [change(login_id, line, email, False)
                                                          for (login_id, email), line in zip(created, new)])
        return BulkResult(
            linked=linked, created=len(created),
            unchanged=sum(1 for line in lines if line.outcome is LineOutcome.ALREADY_LINKED),
            skipped=len(errors),
        )
