"""Student lookup: one query text finds students by number, name, PESEL or login e-mail.

Numbers match PESELs (and their prefixes) only for roles with the personal-data right, and every
lookup that finds a student by PESEL, or is given a whole PESEL, is written to the access log; for
other roles a number is a student number, and a whole PESEL is refused, found or not.

Names are matched on a folded form (no case, no diacritics, ``ł`` as ``l``) through a
substring index: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN index. Every word of
the query must match, in any order. Words shorter than three characters cannot use a trigram
index; they match the start of a word instead (a B-tree prefix range when they are alone).
Results are ordered by the database on the Polish sort key and fetched a page at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from sqlalchemy import ARRAY, Integer, and_, any_, bindparam, func, literal_column, or_, select, text, union
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


def _prefix_range(column, prefix: str):
    """``column`` starts with ``prefix``, as a range an ordinary B-tree index answers."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


S = StudentSearchRow


def _short_word_filter(word: str):
    """A short word matches the start of a name word (first, middle, either part of a surname).

    It is checked row by row on the rows an index found: the name is written as an expression no
    index answers, or PostgreSQL's planner would answer "ka%" from the trigram index, reading a
    tenth of it, and join that to the rows found (70 ms instead of 10).
    """
    escaped = _like_escape(word)
    name = S.search_name.concat("")
    return or_(
        name.like(f"{escaped}%", escape="\\"),
        name.like(f"% {escaped}%", escape="\\"),
        name.like(f"%-{escaped}%", escape="\\"),
    )


def _long_word_likes(parsed: ParsedQuery) -> list:
    return [S.search_name.like(f"%{_like_escape(w)}%", escape="\\") for w in parsed.long_words]


def _word_filters(parsed: ParsedQuery, *, after_index: bool) -> list:
    """Row-by-row conditions for the name words; after the index, only those it did not check."""
    long_words = () if after_index else parsed.long_words
    short_words = parsed.short_words[1:] if after_index and not parsed.long_words else parsed.short_words
    likes = _long_word_likes(parsed) if long_words else []
    return likes + [_short_word_filter(w) for w in short_words]


def _prefix_sources(word: str) -> tuple:
    """Students whose surname, or first name, starts with ``word``: two B-tree index ranges."""
    return (
        select(S.student_id.label("id")).where(_prefix_range(S.last_name_folded, word)),
        select(S.student_id.label("id")).where(_prefix_range(S.first_name_folded, word)),
    )


def _index_source(session: Session, parsed: ParsedQuery):
    """The ids of students matching the name words, from the best index; None without name words.

    SQLite: the FTS5 trigram table. PostgreSQL: LIKE on the folded name, which its pg_trgm
    index answers. A short word alone: the surname and first-name prefix indexes.
    """
    if parsed.long_words:
        if session.get_bind().dialect.name == "sqlite":
            match = " AND ".join(_fts_phrase(w) for w in parsed.long_words)
            return (
                select(literal_column("rowid").label("id"))
                .select_from(text("student_search_text"))
                .where(text("student_search_text MATCH :match").bindparams(match=match))
            )
        return select(S.student_id.label("id")).where(*_long_word_likes(parsed))
    if parsed.short_words:
        # Without a longer word, the first short word drives the query through the prefix indexes.
        return union(*_prefix_sources(parsed.short_words[0]))
    return None


def _index_branches(session: Session, parsed: ParsedQuery) -> list | None:
    """The index's answer as conditions on the search row, any of which admits a row; None without name words.

    PostgreSQL: the long words' LIKEs themselves (its trigram index answers them). A short word
    alone: its two prefix ranges, each answered by its own index and taken as its own branch, so
    the other conditions are checked on the rows each range finds.
    """
    if parsed.long_words:
        if session.get_bind().dialect.name != "sqlite":
            return [and_(*_long_word_likes(parsed))]
        return [S.student_id.in_(_index_source(session, parsed))]
    if parsed.short_words:
        word = parsed.short_words[0]
        return [_prefix_range(S.last_name_folded, word), _prefix_range(S.first_name_folded, word)]
    return None


def _capped_count(session: Session, selects) -> int:
    """How many rows the selects give, counting no further than BROAD_MATCH + 1 in each."""
    return sum(
        session.scalar(select(func.count()).select_from(each.limit(BROAD_MATCH + 1).subquery())) or 0
        for each in selects
    )


def _most_selective_first(session: Session, parsed: ParsedQuery) -> ParsedQuery:
    """With short words only, let the one that starts the fewest names drive the query."""
    if parsed.long_words or len(parsed.short_words) < 2:
        return parsed
    counts = {word: _capped_count(session, _prefix_sources(word)) for word in parsed.short_words}
    ordered = tuple(sorted(parsed.short_words, key=lambda word: counts[word]))
    return replace(parsed, short_words=ordered)


def _other_conditions(parsed: ParsedQuery) -> list:
    """Numbers (student number, or PESEL prefix where allowed) and login e-mails."""
    conditions = []
    for number in parsed.numbers:
        if len(number) >= 4 and parsed.pesel:
            # Two indexes (student number, PESEL) joined by UNION: an OR would scan every row.
            by_number = select(S.student_id).where(_prefix_range(S.student_number, number))
            by_pesel = select(S.student_id).where(
                S.person_id.in_(select(Person.id).where(_prefix_range(Person.pesel, number)))
            )
            conditions.append(S.student_id.in_(union(by_number, by_pesel)))
        else:
            conditions.append(_prefix_range(S.student_number, number))  # too short for a PESEL, or not allowed
    for email in parsed.emails:
        owners = select(LoginAccount.person_id).where(
            _prefix_range(LoginAccount.email_folded, email), LoginAccount.person_id.is_not(None)
        )
        conditions.append(S.person_id.in_(owners))
    return conditions


def _is_broad(session: Session, parsed: ParsedQuery) -> bool:
    """Whether one name word matches so many students that walking everyone in order is cheaper.

    Only a single word: several words together usually match few people, and the walk would
    then pass most of the index before filling a page.
    """
    if parsed.numbers or parsed.emails or len(parsed.long_words) + len(parsed.short_words) != 1:
        return False
    if parsed.short_words:
        return _capped_count(session, _prefix_sources(parsed.short_words[0])) > BROAD_MATCH
    return _capped_count(session, [_index_source(session, parsed)]) > BROAD_MATCH


def find_student_ids(session: Session, parsed: ParsedQuery, limit: int, offset: int = 0) -> list[int]:
    """One page of matching student ids in display order: Polish order of names, or by number.

    A narrow match is collected first, with its sort keys, into a materialized set that the
    name index answers, and then sorted; a broad one (more than BROAD_MATCH students) walks the
    order index and stops after a page. Left to choose, both planners sometimes walked the whole
    index for a rare surname, or hashed every student (150 ms instead of 10).
    """
    parsed = _most_selective_first(session, parsed)
    if _one_long_word_on_postgresql(session, parsed):
        # PostgreSQL's estimate from the trigram statistics can be three times off ("nowak":
        # 15,000 estimated, 5,300 found), and walking the order for a surname reads every name
        # before it (120 ms). So the narrow way is tried with a cap, and tells when it overflows.
        found = _narrow(session, parsed, _index_branches(session, parsed), limit, offset, cap=BROAD_MATCH)
        if found is not None:
            return found
        branches = None
    else:
        branches = None if _is_broad(session, parsed) else _index_branches(session, parsed)
    if branches is not None:
        return _narrow(session, parsed, branches, limit, offset)
    query = select(S.student_id).where(*_other_conditions(parsed), *_word_filters(parsed, after_index=False))
    return list(session.scalars(_ordered(query, S, parsed).limit(limit).offset(offset)))


def _one_long_word_on_postgresql(session: Session, parsed: ParsedQuery) -> bool:
    return (session.get_bind().dialect.name == "postgresql" and len(parsed.long_words) == 1
            and not (parsed.short_words or parsed.numbers or parsed.emails))


def _ordered(query, columns, parsed: ParsedQuery):
    if parsed.order == "number":
        return query.order_by(columns.student_number)
    return query.order_by(columns.sort_key, columns.student_number, columns.student_id)


def _narrow(session: Session, parsed: ParsedQuery, branches: list, limit: int, offset: int, *,
            cap: int | None = None) -> list[int] | None:
    """Collect the matches the index finds (with their sort keys), then sort and page them.

    With ``cap``, at most that many are collected: None when there are more (the match is broad).
    """
    conditions = [*_other_conditions(parsed), *_word_filters(parsed, after_index=True)]
    selects = [select(S.student_id, S.sort_key, S.student_number).where(branch, *conditions) for branch in branches]
    collected = selects[0] if len(selects) == 1 else union(*selects)
    if cap is not None:
        collected = collected.limit(cap + 1)
    matches = collected.cte("matches").prefix_with("MATERIALIZED")
    if cap is None:
        return list(session.scalars(_ordered(select(matches.c.student_id), matches.c, parsed).limit(limit).offset(offset)))
    total = select(func.count()).select_from(matches).scalar_subquery()
    rows = session.execute(
        _ordered(select(matches.c.student_id, total.label("total")), matches.c, parsed).limit(limit).offset(offset)
    ).all()
    if not rows:
        return [] if offset == 0 else None  # past a capped set: the broad way pages on
    if rows[0].total > cap:
        return None
    return [row.student_id for row in rows]


def _among(session: Session, column, ids: list[int]):
    """``column IN ids``; on PostgreSQL as one array parameter (``= ANY``), which is cheaper to
    send and to plan than a hundred separate parameters."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("ids", ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def rows_for(session: Session, student_ids: list[int]) -> list[StudentRow]:
    """Lookup rows for the given students, in the given order (two queries for any page)."""
    if not student_ids:
        return []
    first_login = (
        select(LoginAccount.email)
        .where(LoginAccount.person_id == Person.id)
        .order_by(LoginAccount.id)
        .limit(1)
        .scalar_subquery()
    )
    people = session.execute(
        select(
            Student.id,
            Student.person_id,
            Student.student_number,
            Person.last_name,
            Person.first_name,
            Person.middle_name,
            first_login.label("login"),
        )
        .join(Person, Person.id == Student.person_id)
        .where(_among(session, Student.id, student_ids))
    ).all()
    programmes: dict[int, list] = {}
    for line in session.execute(
        select(
            StudentProgramme.student_id,
            Programme.code,
            Programme.name,
            StudentProgramme.stage,
            StudentProgramme.status,
            StudentProgramme.admitted_on,
        )
        .join(Programme, Programme.id == StudentProgramme.programme_id)
        .where(_among(session, StudentProgramme.student_id, student_ids))
    ):
        programmes.setdefault(line.student_id, []).append(line)
    by_id: dict[int, StudentRow] = {}
    for p in people:
        lines = programmes.get(p.id, [])
        # The programme shown: active before on leave before the rest; the latest admission wins.
        main = min(
            lines,
            key=lambda line: (_STATUS_PRIORITY[line.status], -line.admitted_on.toordinal()),
            default=None,
        )
        by_id[p.id] = StudentRow(
            student_id=p.id,
            person_id=p.person_id,
            student_number=p.student_number,
            last_name=p.last_name,
            first_names=" ".join(n for n in (p.first_name, p.middle_name) if n),
            programme_code=main.code if main else None,
            programme_name=main.name if main else None,
            stage=main.stage if main else None,
            status=main.status if main else None,
            programme_count=len(lines),
            login=p.login,
        )
    return [by_id[i] for i in student_ids if i in by_id]


def search_students(uow: UnitOfWork, query: str,
    *,
    limit: int = DEFAULT_PAGE,
    offset: int = 0,
) -> SearchPage:
    """One page of students matching ``query``, in Polish alphabetical order (or by number)."""
    uow.require(Permission.READ_STUDENTS)
    limit = max(1, min(limit, 1000))
    offset = max(0, offset)
    parsed = parse_query(query)
    if parsed.is_empty:
        return SearchPage(query, offset, (), False)
    if uow.can(Permission.VIEW_PERSONAL_DATA):
        parsed = replace(parsed, pesel=True)
    elif any(_is_pesel(number) for number in parsed.numbers):
        uow.require(Permission.VIEW_PERSONAL_DATA)  # refused before looking: it says nothing of who has it
    with uow.read() as session:
        limit_interactive(session)
        ids = find_student_ids(session, parsed, limit + 1, offset)
        has_more = len(ids) > limit
        rows = rows_for(session, ids[:limit])
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
