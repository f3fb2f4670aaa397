"""Student lookup: one query text finds students by number, name, PESEL or login e-mail.

Numbers match PESELs (and their prefixes) only for roles with the personal-data right, and every
lookup that finds a student by PESEL, or is given a whole PESEL, is written to the access log; for
other roles a number is a student number, and a whole PESEL is refused, found or not.

Names are matched on a folded form (no case, no diacritics, ``ł`` as ``l``) through a
substring index: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN index. Every word of
the query must match, in any order. Words shorter than three characters cannot use a trigram
index; they match the start of a name word instead (first, middle, either part of a surname),
found through an index of name-word starts when the query has no longer word.
Results are ordered by the database on the Polish sort key and fetched a page at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from sqlalchemy import and_, any_, bindparam, case, func, intersect, literal_column, or_, select, text, union, union_all
from sqlalchemy.orm import Session
from stdnum.pl import pesel as stdnum_pesel

from desk.db import Database, limit_interactive
from desk.model import (
    LoginAccount,
    Person,
    Programme,
    ProgrammeStatus,
    Student,
    StudentProgramme,
    StudentNameStart,
    StudentSearchRow,
)
from desk.staff import Actor, Permission, require
from desk.text import fold
from desk.unit_of_work import UnitOfWork

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
DEFAULT_PAGE = 100
# Name words matching more people than this are "broad": walking everyone in Polish order and
# keeping the matches finds a page sooner than sorting every match.
BROAD_MATCH = 10_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DIGITS = re.compile(r"^\d+$")

# Which status to show when a student has several programmes: the most actionable first.
_STATUS_PRIORITY = {
    ProgrammeStatus.ACTIVE: 0,
    ProgrammeStatus.ON_LEAVE: 1,
    ProgrammeStatus.SUSPENDED: 2,
    ProgrammeStatus.GRADUATED: 3,
    ProgrammeStatus.REMOVED: 4,
}


@dataclass(frozen=True)
class ParsedQuery:
    """What the clerk typed, split into the kinds of terms the search understands."""

    numbers: tuple[str, ...] = ()  # digits: student number or PESEL prefix
    emails: tuple[str, ...] = ()  # contains "@": login prefix
    long_words: tuple[str, ...] = ()  # folded, 3+ characters: substring of the name
    short_words: tuple[str, ...] = ()  # folded, 1-2 characters: start of a name word
    pesel: bool = False  # numbers of 4+ digits match PESEL prefixes too (the personal-data right)

    @property
    def is_empty(self) -> bool:
        return not (self.numbers or self.emails or self.long_words or self.short_words)

    @property
    def order(self) -> Literal["number", "name"]:
        return "number" if self.numbers and not (self.long_words or self.short_words) else "name"


def parse_query(query: str) -> ParsedQuery:
    """Split a query into terms. Hostile input (quotes, wildcards, operators) is just text."""
    cleaned = _CONTROL.sub(" ", query or "")[:MAX_QUERY_LENGTH]
    numbers: list[str] = []
    emails: list[str] = []
    long_words: list[str] = []
    short_words: list[str] = []
    for raw in cleaned.split()[:MAX_WORDS]:
        if "@" in raw:
            emails.append(raw.strip().lower())
            continue
        digits = raw.replace("-", "") if _DIGITS.match(raw.replace("-", "")) else None
        if digits:
            numbers.append(digits)
            continue
        word = fold(raw)
        # Characters that are neither letters nor digits carry no meaning in a name, except
        # the hyphen and apostrophe of double-barrelled and foreign surnames.
        word = "".join(c for c in word if c.isalnum() or c in "-'.")
        if not word:
            continue
        (long_words if len(word) >= 3 else short_words).append(word)
    return ParsedQuery(tuple(numbers), tuple(emails), tuple(long_words), tuple(short_words))


@dataclass(frozen=True)
class StudentRow:
    """One line of the lookup table."""

    student_id: int
    person_id: int
    student_number: str
    last_name: str
    first_names: str
    programme_code: str | None
    programme_name: str | None
    stage: int | None
    status: ProgrammeStatus | None
    programme_count: int
    login: str | None  # the linked institutional e-mail, None when no login is linked


@dataclass(frozen=True)
class SearchPage:
    """One page of results; ``next_offset`` is where the following page starts."""

    query: str
    offset: int
    rows: tuple[StudentRow, ...]
    has_more: bool
    next_offset: int = 0


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix_range(column, name: str):
    """``column`` starts with the prefix given as ``<name>_from`` (and ``<name>_to``, the prefix and
    the last code point): a range an ordinary B-tree index answers."""
    return and_(column >= bindparam(f"{name}_from"), column < bindparam(f"{name}_to"))


def _prefix_params(name: str, prefix: str) -> dict[str, str]:
    return {f"{name}_from": prefix, f"{name}_to": prefix + "\U0010ffff"}


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


S = StudentSearchRow


@dataclass(frozen=True)
class _Shape:
    """What the statements of a lookup depend on: how many terms of each kind, not the terms
    themselves, which are parameters. Each statement is built once per shape and kept, so a lookup
    spends its time in the database rather than in building and compiling SQL."""

    sqlite: bool
    long_words: int
    short_words: int
    numbers: tuple[bool, ...]  # for each number: whether it is a PESEL prefix too
    emails: int
    order: Literal["number", "name"]


def _shape(session: Session, parsed: ParsedQuery) -> _Shape:
    return _Shape(
        sqlite=session.get_bind().dialect.name == "sqlite",
        long_words=len(parsed.long_words),
        short_words=len(parsed.short_words),
        numbers=tuple(len(number) >= 4 and parsed.pesel for number in parsed.numbers),
        emails=len(parsed.emails),
        order=parsed.order,
    )


def _params(parsed: ParsedQuery) -> dict:
    """The values of the statements' parameters for the query's terms."""
    params: dict = {"match": " AND ".join(_fts_phrase(w) for w in parsed.long_words)}
    for i, word in enumerate(parsed.long_words):
        params[f"long_{i}"] = f"%{_like_escape(word)}%"
    for i, word in enumerate(parsed.short_words):
        escaped = _like_escape(word)
        params.update({f"short_{i}_first": f"{escaped}%", f"short_{i}_word": f"% {escaped}%",
                       f"short_{i}_part": f"%-{escaped}%", **_prefix_params(f"short_{i}", word)})
    for i, number in enumerate(parsed.numbers):
        params.update(_prefix_params(f"number_{i}", number))
    for i, email in enumerate(parsed.emails):
        params.update(_prefix_params(f"email_{i}", email))
    return params


def _short_word_filter(i: int):
    """A short word matches the start of a name word (first, middle, either part of a surname).

    It is checked row by row on the rows an index found: the name is written as an expression no
    index answers, or PostgreSQL's planner would answer "ka%" from the trigram index, reading a
    tenth of it, and join that to the rows found (70 ms instead of 10).
    """
    name = S.search_name.concat("")
    return or_(*(name.like(bindparam(f"short_{i}_{where}"), escape="\\") for where in ("first", "word", "part")))


def _long_word_likes(shape: _Shape) -> list:
    return [S.search_name.like(bindparam(f"long_{i}"), escape="\\") for i in range(shape.long_words)]


def _word_filters(shape: _Shape, *, after_index: bool) -> list:
    """Row-by-row conditions for the name words; after the index, only those it did not check."""
    long_words = 0 if after_index else shape.long_words
    first_short = shape.short_words if after_index and not shape.long_words else 0  # the index found them all
    likes = _long_word_likes(shape) if long_words else []
    return likes + [_short_word_filter(i) for i in range(first_short, shape.short_words)]


def _name_starts(i: int):
    """Students with a name word starting with the i-th short word: one range of the index of
    name-word starts, which holds the first two characters at each start of a word, so the same
    students as ``_short_word_filter`` (a student with two such words, as "Maria Magdalena" for
    "m", is there twice)."""
    return select(StudentNameStart.student_id.label("id")).where(_prefix_range(StudentNameStart.word_start, f"short_{i}"))


def _index_source(shape: _Shape):
    """The ids of students matching the name words, from the best index; None without name words.

    SQLite: the FTS5 trigram table. PostgreSQL: LIKE on the folded name, which its pg_trgm
    index answers. A short word alone: the index of name-word starts.
    """
    if shape.long_words:
        if shape.sqlite:
            return (
                select(literal_column("rowid").label("id"))
                .select_from(text("student_search_text"))
                .where(text("student_search_text MATCH :match"))
            )
        return select(S.student_id.label("id")).where(*_long_word_likes(shape))
    if shape.short_words:
        return _name_starts(0)
    return None


def _index_branches(shape: _Shape) -> list | None:
    """The index's answer as a condition on the search row (in a list); None without name words.

    SQLite: the ids the FTS5 trigram table finds. PostgreSQL: the long words' LIKEs themselves
    (its trigram index answers them). Short words without a long one: the students all of them
    start a name word of, from the name-word starts; the other conditions are checked on these rows.
    """
    if shape.long_words:
        if not shape.sqlite:
            return [and_(*_long_word_likes(shape))]
        return [S.student_id.in_(_index_source(shape))]
    if shape.short_words:
        return [_found_by_short_words(shape)]
    return None


def _found_by_short_words(shape: _Shape):
    """Students every short word starts a name word of: the intersection of the words' ranges of
    name-word starts. On PostgreSQL as one array of ids, each looked up by primary key: as an IN,
    the planner hashed the ids and read every search row (40 ms and more) for a few hundred."""
    starts = [_name_starts(i) for i in range(shape.short_words)]
    found = starts[0] if len(starts) == 1 else intersect(*starts)
    if shape.sqlite:
        return S.student_id.in_(found)
    return S.student_id == any_(func.array(found.scalar_subquery()))


def _other_conditions(shape: _Shape) -> list:
    """Numbers (student number, or PESEL prefix where allowed) and login e-mails."""
    conditions = []
    for i, pesel in enumerate(shape.numbers):
        if pesel:
            # Two indexes (student number, PESEL) joined by UNION: an OR would scan every row.
            by_number = select(S.student_id).where(_prefix_range(S.student_number, f"number_{i}"))
            by_pesel = select(S.student_id).where(
                S.person_id.in_(select(Person.id).where(_prefix_range(Person.pesel, f"number_{i}")))
            )
            conditions.append(S.student_id.in_(union(by_number, by_pesel)))
        else:
            conditions.append(_prefix_range(S.student_number, f"number_{i}"))  # too short for a PESEL, or not allowed
    for i in range(shape.emails):
        owners = select(LoginAccount.person_id).where(
            _prefix_range(LoginAccount.email_folded, f"email_{i}"), LoginAccount.person_id.is_not(None)
        )
        conditions.append(S.person_id.in_(owners))
    return conditions


def find_page(session: Session, parsed: ParsedQuery, limit: int, offset: int = 0) -> list[StudentRow]:
    """One page of matching students in display order (Polish order of names, or by number), each
    with what its line shows, in one statement.

    A narrow match is collected first, with its sort keys, into a materialized set that the
    name index answers, and then sorted; a broad one (more than BROAD_MATCH students) walks the
    order index and stops after a page. Left to choose, both planners sometimes walked the whole
    index for a rare surname, or hashed every student (150 ms instead of 10). Only one name word
    alone can be broad: several words together usually match few people, and the walk would then
    pass most of the index before filling a page.
    """
    shape = _shape(session, parsed)
    params = {**_params(parsed), "limit": limit, "offset": offset}
    if not (shape.long_words or shape.short_words):
        statement = _broad_statement(shape)  # numbers and e-mails: their own indexes, in order
    elif shape.numbers or shape.emails or shape.long_words + shape.short_words > 1:
        statement = _narrow_statement(shape)
    else:
        statement = _one_word_statement(shape)
        params.update(count_limit=BROAD_MATCH + 1, broad_match=BROAD_MATCH)
    return [_line(row) for row in session.execute(statement, params)]


def find_student_ids(session: Session, parsed: ParsedQuery, limit: int, offset: int = 0) -> list[int]:
    """One page of matching student ids in display order."""
    return [row.student_id for row in find_page(session, parsed, limit, offset)]


def _ordered(query, columns, shape: _Shape):
    if shape.order == "number":
        return query.order_by(columns.student_number)
    return query.order_by(columns.sort_key, columns.student_number, columns.student_id)


def _page(query, shape: _Shape):
    return _ordered(query, query.selected_columns, shape).limit(bindparam("limit")).offset(bindparam("offset"))


@lru_cache(maxsize=256)
def _broad_statement(shape: _Shape):
    """Walk everyone in display order, keeping the matches, until a page is full."""
    query = select(S.student_id, S.sort_key, S.student_number).where(
        *_other_conditions(shape), *_word_filters(shape, after_index=False)
    )
    return _with_lines(_page(query, shape).subquery("page"), shape)


@lru_cache(maxsize=256)
def _narrow_statement(shape: _Shape):
    """Collect the matches the index finds (with their sort keys), then sort and page them."""
    conditions = [*_other_conditions(shape), *_word_filters(shape, after_index=True)]
    matches = (
        select(S.student_id, S.sort_key, S.student_number).where(*_index_branches(shape), *conditions)
        .cte("matches").prefix_with("MATERIALIZED")
    )
    return _with_lines(_page(select(matches), shape).subquery("page"), shape)


@lru_cache(maxsize=16)
def _one_word_statement(shape: _Shape):
    """One name word alone: few matches (BROAD_MATCH or fewer) are collected and sorted, many are
    found by walking everyone in display order until a page is full; both ways are in the one
    statement, and how many there are is counted (up to BROAD_MATCH + 1) before either runs.

    Counted from the word's index; on PostgreSQL a long word's matches are collected (with their
    sort keys) and counted, as its estimate from the trigram statistics can be three times off
    ("nowak": 15,000 estimated, 5,300 found) and walking the order for a surname reads every name
    before it (120 ms). The way not taken costs nothing: PostgreSQL skips a plan whose condition
    is a one-time filter; SQLite would test that on every row, so there the way not taken is LIMIT 0.
    """
    columns = (S.student_id, S.sort_key, S.student_number)
    narrow = select(*columns).where(*_index_branches(shape))
    walk = select(*columns).where(*_word_filters(shape, after_index=False))
    if not shape.sqlite and shape.long_words:
        matches = narrow.limit(bindparam("count_limit")).cte("matches").prefix_with("MATERIALIZED")
        narrow = select(matches)
        counted = select(func.count().label("n")).select_from(matches)
    else:
        counted = select(func.count().label("n")).select_from(_index_source(shape).limit(bindparam("count_limit")).subquery())
    count = select(counted.cte("counted").prefix_with("MATERIALIZED").c.n).scalar_subquery()
    few, many = count <= bindparam("broad_match"), count > bindparam("broad_match")
    if shape.sqlite:
        ways = [_ordered(query, query.selected_columns, shape)
                .limit(case((taken, bindparam("limit")), else_=0)).offset(bindparam("offset"))
                for query, taken in ((narrow, few), (walk, many))]
    else:
        ways = [_page(narrow.where(few), shape), _page(walk.where(many), shape)]
    page = union_all(*(select(way.subquery()) for way in ways)).subquery("page")
    return _with_lines(page, shape)


def _with_lines(page, shape: _Shape):
    """The page's students (ids with their sort columns) with what their lines show, in page order:
    the names, the programme shown (active before on leave before the rest; the latest admission
    wins), how many programmes, and the first linked login."""
    shown = (
        select(StudentProgramme.id)
        .where(StudentProgramme.student_id == page.c.student_id)
        .order_by(_STATUS_ORDER, StudentProgramme.admitted_on.desc(), StudentProgramme.id)
        .limit(1)
        .scalar_subquery()
    )
    count = (
        select(func.count()).select_from(StudentProgramme)
        .where(StudentProgramme.student_id == page.c.student_id)
        .scalar_subquery()
    )
    lines = select(page, shown.label("shown_programme"), count.label("programme_count")).subquery("lines")
    first_login = (
        select(LoginAccount.email)
        .where(LoginAccount.person_id == Student.person_id)
        .order_by(LoginAccount.id)
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            Student.id.label("student_id"),
            Student.person_id,
            Student.student_number,
            Person.last_name,
            Person.first_name,
            Person.middle_name,
            Programme.code,
            Programme.name,
            StudentProgramme.stage,
            StudentProgramme.status,
            lines.c.programme_count,
            first_login.label("login"),
        )
        .select_from(lines)
        .join(Student, Student.id == lines.c.student_id)
        .join(Person, Person.id == Student.person_id)
        .outerjoin(StudentProgramme, StudentProgramme.id == lines.c.shown_programme)
        .outerjoin(Programme, Programme.id == StudentProgramme.programme_id)
    )
    return _ordered(query, lines.c, shape)


_STATUS_ORDER = case(
    *[(StudentProgramme.status == status, priority) for status, priority in _STATUS_PRIORITY.items()],
    else_=len(_STATUS_PRIORITY),
)


def _line(row) -> StudentRow:
    return StudentRow(
        student_id=row.student_id,
        person_id=row.person_id,
        student_number=row.student_number,
        last_name=row.last_name,
        first_names=" ".join(n for n in (row.first_name, row.middle_name) if n),
        programme_code=row.code,
        programme_name=row.name,
        stage=row.stage,
        status=row.status,
        programme_count=row.programme_count,
        login=row.login,
    )


def search_students(uow: UnitOfWork, query: str,
    *,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> SearchPage:
    """One page of students matching ``query``, in Polish alphabetical order (or by number)."""
    limit = max(1, min(limit, 1000))
    offset = max(0, offset)
    parsed = parse_query(query)
    # The rights are read in the lookup's own transaction (once: the staff member as they are now).
    with uow.read() as session:
        uow.require(Permission.READ_STUDENTS)
        if parsed.is_empty:
            return SearchPage(query, offset, (), False)
        if uow.can(Permission.VIEW_PERSONAL_DATA):
            parsed = replace(parsed, pesel=True)
        elif any(_is_pesel(number) for number in parsed.numbers):
            uow.require(Permission.VIEW_PERSONAL_DATA)  # refused before looking: it says nothing of who has it
        limit_interactive(session)
        rows = find_page(session, parsed, limit + 1, offset)
        has_more = len(rows) > limit
        rows = rows[:limit]
    if parsed.pesel:
        _log_pesel_search(uow, parsed, rows)
    next_offset = offset + len(rows)
    return SearchPage(query, offset, tuple(rows), has_more, next_offset)


def _is_pesel(number: str) -> bool:
    return len(number) == 11 and stdnum_pesel.is_valid(number)


def _log_pesel_search(uow: UnitOfWork, parsed: ParsedQuery, rows: list[StudentRow]) -> None:
    """The access-log entries of a lookup by PESEL: one per student shown because of their PESEL (a number
    term their student number does not start with); a whole PESEL that found nobody is one entry too."""
    from desk.students import PersonAction, record_pesel_use

    terms = [number for number in parsed.numbers if len(number) >= 4]
    if not terms:
        return
    found = [(row.person_id, row.student_id) for row in rows
             if any(not row.student_number.startswith(number) for number in terms)]
    if not found and any(len(number) == 11 for number in terms):
        found = [(None, None)]
    if found:
        record_pesel_use(uow, PersonAction.SEARCH_BY_PESEL, found)
