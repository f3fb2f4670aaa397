"""The demo university: a realistic, deterministic data set for trying the desk and measuring it.

Long because the demo is one generated world: every part draws from the same random sequence in
a fixed order, so splitting it would make the order (and so the data) depend on import order.

Everything is drawn from one ``random.Random(seed)`` and placed relative to ``today``, so the
same seed and day give the same database. Rows go in with Core bulk inserts and pre-assigned
keys (no ORM object per row): 300,000 students build in a few minutes on either database.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time as clock_time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, insert, select, text

from desk import demo_names as names
from desk.changes import Action, Description, Shown
from desk.chain import CHAINED_TABLES, seal
from desk.clock import DEFAULT_TIME_ZONE, local_to_utc
from desk.db import Database
from desk.errors import DomainError
from desk.i18n import translate
from desk.messages import define
from desk.model import (
    Base,
    TokenAllocationRule,
    AccessDecision,
    AccessGrant,
    AccessRule,
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    GroupTeacher,
    LedgerKind,
    Level,
    LoginAccount,
    LoginTemplate,
    OrgUnit,
    Payment,
    PaymentStatus,
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Role,
    Round,
    RoundStatus,
    Setting,
    StaffUnit,
    StaffUser,
    Student,
    StudentProgramme,
    StudyMode,
    Term,
    TimetableSlot,
    TokenEntry,
    TokenRequest,
    TokenType,
    UnitKind,
)
from desk.staff import hash_password
from desk.text import fold, person_name_fields
from desk.unit_of_work import SystemJob, UnitOfWork

DEMO_PASSWORD = "demo1234"
INSTITUTION = "Uniwersytet Nadodrzański"
STUDENT_DOMAIN = "student.und.edu.pl"
PHD_DOMAIN = "doktorant.und.edu.pl"
STAFF_DOMAIN = "und.edu.pl"
DEMO_STAFF = (
    ("admin", "Anna Administratorka", Role.ADMINISTRATOR, ()),
    ("dziekanat", "Dorota Dziekańska", Role.CLERK, ("WMFI",)),
    ("cos", "Cezary Obsługa", Role.SERVICE_CENTER, ()),
)
JO_PRICE = Decimal("180.00")
JO_ALLOCATION = 4
BATCH = 10_000

# The reason the build is recorded with: kept as a code, put into words in the reader's language.
DEMO_DATABASE = define("demo.database", "Demo", QT_TRANSLATE_NOOP("Demo", "demo database"))


class DemoAction(Action):
    """The demo university built into an empty database."""

    BUILD = "demo.build"

    def describe(self, shown: Shown) -> Description:
        return Description(translate("History", "Demo database built"))

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    students: int
    persons: int
    programmes: int
    class_groups: int
    enrollments: int
    registrations: int
    ledger_entries: int
    seconds: float


@dataclass
class _Group:
    id: int
    course_id: int
    term_id: int
    unit_code: str
    class_type: ClassType
    seat_limit: int
    count: int = 0


def _pesel(birth: date, male: bool, serial: int) -> str:
    """A valid PESEL for the birth date and sex (the century is encoded in the month)."""
    month = birth.month + {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    sex_digit = (serial % 5) * 2 + (1 if male else 0)
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial % 1000:03d}{sex_digit}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(digits, weights)) % 10) % 10
    return digits + str(check)


def _feminine(surname: str) -> str:
    for ending in ("ski", "cki", "dzki"):
        if surname.endswith(ending):
            return surname[:-1] + "a"
    return surname


def _chunks(rows: list[dict], size: int = BATCH) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class _Builder:
    def __init__(self, db: Database, students: int, seed: int, today: date, progress: Progress | None):
        self.db = db
        self.n = students
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.report = progress or (lambda phase, done, total: None)
        # "Now" for created_at columns: noon of the day before the given one, fixed so builds are
        # repeatable, and in the past whenever the demo is built (noon of the day itself is still
        # ahead in the morning, and nothing may be recorded as done in the future).
        self.now = local_to_utc(datetime.combine(today - timedelta(days=1), clock_time(12, 0)))
        self.counts: dict[str, int] = {}

    # --- writing ---------------------------------------------------------------------------

    def insert(self, model, rows: list[dict], phase: str) -> None:
        total = len(rows)
        done = 0
        for chunk in _chunks(rows):
            with self.db.write() as session:
                if model.__tablename__ in CHAINED_TABLES:
                    # Sealed in the hash chain in this order: ids ascend in it (RETURNING in parameter order).
                    seal(session, model.__table__, chunk)
                    session.execute(insert(model).returning(model.id, sort_by_parameter_order=True), chunk).all()
                else:
                    session.execute(insert(model), chunk)
            done += len(chunk)
            self.report(phase, done, total)
        self.counts[model.__tablename__] = self.counts.get(model.__tablename__, 0) + total

    # --- the university --------------------------------------------------------------------

    def terms(self) -> None:
        year = self.today.year if self.today.month >= 10 else self.today.year - 1
        if self.today.month >= 3 and self.today.month < 10:
            # Spring and summer: the current term is the summer one, the next the coming winter.
            self.current = dict(id=1, code=f"{year + 1}L", name=f"Semestr letni {year}/{year + 1}",
                                starts_on=date(year + 1, 3, 1), ends_on=date(year + 1, 9, 30))
            self.next = dict(id=2, code=f"{year + 1}Z", name=f"Semestr zimowy {year + 1}/{year + 2}",
                             starts_on=date(year + 1, 10, 1), ends_on=date(year + 2, 2, 28))
        else:
            self.current = dict(id=1, code=f"{year}Z", name=f"Semestr zimowy {year}/{year + 1}",
                                starts_on=date(year, 10, 1), ends_on=date(year + 1, 2, 28))
            self.next = dict(id=2, code=f"{year + 1}L", name=f"Semestr letni {year}/{year + 1}",
                             starts_on=date(year + 1, 3, 1), ends_on=date(year + 1, 9, 30))
        self.academic_year = year
        self.insert(Term, [self.current, self.next], "terms")

    def units(self) -> None:
        rows = [dict(id=1, code="UND", name=INSTITUTION, name_en="Oder University", kind=UnitKind.UNIVERSITY, parent_id=None)]
        self.unit_ids: dict[str, int] = {"UND": 1}
        next_id = 2
        for code, name, name_en, _fields in names.FACULTIES:
            rows.append(dict(id=next_id, code=code, name=name, name_en=name_en, kind=UnitKind.FACULTY, parent_id=1))
            self.unit_ids[code] = next_id
            next_id += 1
        for code, name, name_en, kind in (
            ("SJO", "Studium Języków Obcych", "Foreign Language Centre", UnitKind.LANGUAGE_CENTRE),
            ("SWFIS", "Studium Wychowania Fizycznego i Sportu", "Physical Education and Sports Centre", UnitKind.PE_CENTRE),
        ):
            rows.append(dict(id=next_id, code=code, name=name, name_en=name_en, kind=kind, parent_id=1))
            self.unit_ids[code] = next_id
            next_id += 1
        for code, name, _en, fields in names.FACULTIES:
            for field_name, field_code in fields[:2]:
                rows.append(dict(id=next_id, code=f"{code}-I{field_code}", name=f"Instytut: {field_name}", name_en=None,
                                 kind=UnitKind.INSTITUTE, parent_id=self.unit_ids[code]))
                next_id += 1
        self.insert(OrgUnit, rows, "units")

    def programmes(self) -> None:
        rows = []
        self.programme_info: list[dict] = []
        variants = (
            ("S1", Level.FIRST_CYCLE, StudyMode.FULL_TIME, "studia I stopnia, stacjonarne", 3, 6),
            ("S2", Level.SECOND_CYCLE, StudyMode.FULL_TIME, "studia II stopnia, stacjonarne", 2, 3),
            ("N1", Level.FIRST_CYCLE, StudyMode.PART_TIME, "studia I stopnia, niestacjonarne", 3, 2),
            ("N2", Level.SECOND_CYCLE, StudyMode.PART_TIME, "studia II stopnia, niestacjonarne", 2, 1),
        )
        next_id = 1
        for faculty, _name, _en, fields in names.FACULTIES:
            for index, (field_name, field_code) in enumerate(fields):
                chosen = variants[:2] if index < 2 else variants[:1] + variants[2:3]
                if field_code == "PRA":
                    chosen = (("JM", Level.LONG_CYCLE, StudyMode.FULL_TIME, "jednolite studia magisterskie", 5, 4),
                              ("NJM", Level.LONG_CYCLE, StudyMode.PART_TIME, "jednolite studia magisterskie, niestacjonarne", 5, 1))
                for suffix, level, mode, label, stages, weight in chosen:
                    code = f"{field_code}-{suffix}"
                    rows.append(dict(id=next_id, code=code, name=f"{field_name} ({label})", name_en=None,
                                     unit_id=self.unit_ids[faculty], level=level, mode=mode))
                    self.programme_info.append(dict(id=next_id, faculty=faculty, level=level, mode=mode,
                                                    stages=stages, weight=weight, field=field_name))
                    next_id += 1
        for faculty in ("WMFI", "WNS", "WFL", "WCH"):
            rows.append(dict(id=next_id, code=f"SD-{faculty}", name=f"Szkoła doktorska ({faculty})", name_en=None,
                             unit_id=self.unit_ids[faculty], level=Level.DOCTORAL, mode=StudyMode.FULL_TIME))
            self.programme_info.append(dict(id=next_id, faculty=faculty, level=Level.DOCTORAL, mode=StudyMode.FULL_TIME,
                                            stages=4, weight=0.3, field="Szkoła doktorska"))
            next_id += 1
        self.insert(Programme, rows, "programmes")

    def token_types(self) -> None:
        self.insert(TokenType, [
            dict(id=1, code="JO", name="Lektorat języka obcego", semester_price=JO_PRICE),
            dict(id=2, code="WF", name="Wychowanie fizyczne", semester_price=Decimal("120.00")),
            dict(id=3, code="EJO", name="Egzamin z języka obcego", semester_price=Decimal("90.00")),
        ], "token types")
        # DOMAIN rule 4: tokens go automatically to full-time first-cycle students.
        self.insert(TokenAllocationRule, [
            dict(id=1, token_type_id=1, level=Level.FIRST_CYCLE, mode=StudyMode.FULL_TIME, amount=JO_ALLOCATION,
                 active=True, created_by_id=None, created_at=self.now),
        ], "token allocation rules")

    def templates(self) -> None:
        self.insert(LoginTemplate, [
            dict(id=1, category=PersonCategory.STUDENT, domain=STUDENT_DOMAIN, template="{student_number}@" + STUDENT_DOMAIN),
            dict(id=2, category=PersonCategory.PHD_STUDENT, domain=PHD_DOMAIN, template="{student_number}@" + PHD_DOMAIN),
            dict(id=3, category=PersonCategory.STAFF, domain=STAFF_DOMAIN, template="{first_initial}.{last_name}@" + STAFF_DOMAIN),
        ], "login templates")

    # --- people ------------------------------------------------------------------------------

    def _name(self, male: bool) -> tuple[str, str | None, str]:
        rng = self.rng
        first = rng.choice(names.MALE_FIRST_NAMES if male else names.FEMALE_FIRST_NAMES)
        middle = None
        if rng.random() < 0.05:
            middle = rng.choice(names.MALE_FIRST_NAMES if male else names.FEMALE_FIRST_NAMES)
            if middle == first:
                middle = None

        def surname() -> str:
            if rng.random() < 0.6:
                base = rng.choice(names.ADJECTIVAL_SURNAMES)
                return base if male else _feminine(base)
            return rng.choice(names.NOUN_SURNAMES)

        last = surname()
        if rng.random() < 0.03:
            other = surname()
            if other != last:
                last = f"{last}-{other}"
        return first, middle, last

    def people(self) -> None:
        rng = self.rng
        persons, students, programmes, logins = [], [], [], []
        self.student_info: list[dict] = []
        weights = [p["weight"] for p in self.programme_info]
        person_id = 0
        student_id = 0
        login_id = 0
        numbers = rng.sample(range(100_000, 100_000 + max(self.n * 3, 1000)), self.n + 100)
        number_iter = iter(numbers)
        year = self.academic_year
        pesels: set[str] = set()
        while student_id < self.n:
            person_id += 1
            male = rng.random() < 0.46
            first, middle, last = self._name(male)
            programme = rng.choices(self.programme_info, weights)[0]
            stage = rng.randint(1, programme["stages"])
            level = programme["level"]
            age = 19 + stage - 1 + {Level.FIRST_CYCLE: 0, Level.LONG_CYCLE: 0, Level.SECOND_CYCLE: 3, Level.DOCTORAL: 5}[level]
            age += rng.choice((0, 0, 0, 1, 1, 2, 5)) if programme["mode"] is StudyMode.PART_TIME or rng.random() < 0.1 else 0
            birth = date(year - age, 1, 1) + timedelta(days=rng.randint(0, 364))
            pesel = None
            if rng.random() >= 0.02:  # foreign students without a PESEL
                serial = rng.randint(0, 4999)
                pesel = _pesel(birth, male, serial)
                while pesel in pesels:
                    serial += 1
                    pesel = _pesel(birth, male, serial)
                pesels.add(pesel)
            category = PersonCategory.PHD_STUDENT if level is Level.DOCTORAL else PersonCategory.STUDENT
            email_name = fold(f"{first}.{last}").replace(" ", "").replace("-", ".")
            persons.append(dict(
                id=person_id, first_name=first, middle_name=middle, last_name=last, pesel=pesel, birth_date=birth,
                private_email=f"{email_name}{rng.randint(1, 99)}@{rng.choice(('gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'))}",
                category=category, created_at=self.now, updated_at=self.now,
                **person_name_fields(first, middle, last),
            ))
            # A few people hold two student numbers (a second programme started separately).
            records = 2 if rng.random() < 0.01 and student_id + 2 <= self.n else 1
            for record in range(records):
                student_id += 1
                number = str(next(number_iter))
                students.append(dict(id=student_id, person_id=person_id, student_number=number, created_at=self.now))
                lines = [programme] if record == 0 else [rng.choices(self.programme_info, weights)[0]]
                if record == 0 and rng.random() < 0.03:
                    second = rng.choices(self.programme_info, weights)[0]
                    if second["id"] != programme["id"]:
                        lines.append(second)
                for index, line in enumerate(lines):
                    line_stage = stage if index == 0 else rng.randint(1, line["stages"])
                    mid_year = rng.random() < 0.02 and line_stage == 1
                    admitted = date(year, 2, 20) if mid_year else date(year - line_stage + 1, 10, 1)
                    status = self._status(line_stage, line["stages"])
                    since = None if status is ProgrammeStatus.ACTIVE else self.today - timedelta(days=rng.randint(5, 300))
                    if since is not None and since < admitted:
                        since = admitted  # a status begins no earlier than the admission (desk.student_records)
                    programmes.append(dict(
                        student_id=student_id, programme_id=line["id"], stage=line_stage, status=status,
                        status_since=since, admitted_on=admitted,
                    ))
                    if index == 0:
                        self.student_info.append(dict(
                            id=student_id, person_id=person_id, number=number, programme=line, stage=line_stage,
                            status=status, mid_year=mid_year, admitted=admitted, male=male,
                        ))
                # The login is made at admission from the template; some are missing or wrong.
                domain = PHD_DOMAIN if category is PersonCategory.PHD_STUDENT else STUDENT_DOMAIN
                roll = rng.random()
                if roll < 0.02:
                    continue  # no login yet
                login_id += 1
                email = f"{number}@{domain}"
                linked: int | None = person_id
                if roll < 0.03:
                    linked = None  # exists in the mail system, not linked to the person
                elif roll < 0.035:
                    email = f"{number}@{PHD_DOMAIN if domain == STUDENT_DOMAIN else STUDENT_DOMAIN}"
                elif roll < 0.038:
                    email = f"{number}@{domain.upper()}"
                logins.append(dict(id=login_id, email=email, email_folded=email.lower(), person_id=linked,
                                   linked_at=self.now if linked else None, linked_by_id=None, created_at=self.now))
            if person_id % 5000 == 0:
                self.report("students: generating", student_id, self.n)
        self.person_count = person_id
        self.login_id = login_id
        self.insert(Person, persons, "persons")
        self.insert(Student, students, "students")
        self.insert(StudentProgramme, programmes, "programmes of students")
        self.insert(LoginAccount, logins, "login accounts")

    def _status(self, stage: int, stages: int) -> ProgrammeStatus:
        roll = self.rng.random()
        if roll < 0.05:
            return ProgrammeStatus.ON_LEAVE
        if roll < 0.06:
            return ProgrammeStatus.SUSPENDED
        if roll < 0.10:
            return ProgrammeStatus.REMOVED
        if roll < 0.15 and stage == stages:
            return ProgrammeStatus.GRADUATED
        return ProgrammeStatus.ACTIVE

    def teachers(self) -> None:
        rng = self.rng
        count = max(40, self.n // 40)
        persons, logins = [], []
        used: set[str] = set()
        self.teacher_ids: list[int] = []
        for _ in range(count):
            self.person_count += 1
            male = rng.random() < 0.5
            first, middle, last = self._name(male)
            persons.append(dict(
                id=self.person_count, first_name=first, middle_name=middle, last_name=last, pesel=None,
                birth_date=None, private_email=None, category=PersonCategory.STAFF,
                created_at=self.now, updated_at=self.now, **person_name_fields(first, middle, last),
            ))
            base = fold(f"{first[0]}.{last}").replace(" ", "").replace("-", ".")
            local, suffix = base, 1
            while local in used:  # the duplicate rule: j.kowalski, j.kowalski2, …
                suffix += 1
                local = f"{base}{suffix}"
            used.add(local)
            self.login_id += 1
            email = f"{local}@{STAFF_DOMAIN}"
            logins.append(dict(id=self.login_id, email=email, email_folded=email, person_id=self.person_count,
                               linked_at=self.now, linked_by_id=None, created_at=self.now))
            self.teacher_ids.append(self.person_count)
        self.insert(Person, persons, "teachers")
        self.insert(LoginAccount, logins, "teachers' logins")

    # --- teaching ----------------------------------------------------------------------------

    def courses_and_groups(self) -> None:
        rng = self.rng
        target = max(80, self.n // 60)
        courses, groups, slots, teachers = [], [], [], []
        self.groups: list[_Group] = []
        self.language_courses: list[int] = []
        self.pe_courses: list[int] = []
        self.faculty_courses: dict[str, list[int]] = {}
        self.next_term_courses: dict[str, list[int]] = {}
        course_id = 0
        group_id = 0

        def add_course(code: str, name: str, unit: str, language: str = "pl") -> int:
            nonlocal course_id
            course_id += 1
            courses.append(dict(id=course_id, code=code, name=name, name_en=None, unit_id=self.unit_ids[unit], language=language))
            return course_id

        def add_group(course: int, term: dict, unit: str, class_type: ClassType, number: int, limit: int) -> None:
            nonlocal group_id
            group_id += 1
            lower = 0 if class_type is ClassType.LECTURE else max(3, limit // 3)
            groups.append(dict(
                id=group_id, course_id=course, term_id=term["id"], class_type=class_type, number=number,
                seat_limit=limit, lower_limit=lower, enrolled_count=0, over_limit_count=0,
                description="Zajęcia w języku angielskim." if rng.random() < 0.03 else None,
            ))
            # As a timetable office plans them: a faculty's classes in the morning and early afternoon, physical
            # education after them, language classes in the evening block, so that only groups of one kind clash.
            drawn = rng.choice((8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18))
            start_hour = {ClassType.LANGUAGE: 17 + drawn % 2, ClassType.PE: 14}.get(class_type, 8 + drawn % 4)
            length = 2 if class_type is ClassType.PE else rng.choice((1, 2, 2, 3))
            slots.append(dict(
                group_id=group_id, weekday=rng.randint(1, 5), starts_at=clock_time(start_hour, 0 if rng.random() < 0.5 else 15),
                ends_at=clock_time(min(start_hour + length, 21), 30 if length == 2 else 0),
                room=f"{rng.randint(1, 4)}{rng.randint(0, 3)}{rng.randint(0, 9)}", building=rng.choice(names.BUILDINGS),
            ))
            for teacher in rng.sample(self.teacher_ids, 2 if rng.random() < 0.1 else 1):
                teachers.append(dict(group_id=group_id, person_id=teacher))
            if term is self.current:
                self.groups.append(_Group(group_id, course, term["id"], unit, class_type, limit))

        # Language classes at the language centre: every language and level, many groups.
        language_groups = target * 15 // 100
        language_courses = []
        for code, name, lang in names.LANGUAGES:
            for level in names.LANGUAGE_LEVELS:
                language_courses.append(add_course(f"SJO-{code}-{level}", f"{name} – poziom {level}", "SJO", lang))
        self.language_courses = language_courses
        pe_groups = target * 10 // 100
        pe_courses = [add_course(f"WF-{index + 1:02d}", f"Wychowanie fizyczne: {activity}", "SWFIS")
                      for index, activity in enumerate(names.PE_ACTIVITIES)]
        self.pe_courses = pe_courses
        faculty_groups = target - language_groups - pe_groups
        faculties = [f[0] for f in names.FACULTIES]
        per_faculty = max(6, faculty_groups // len(faculties))
        for faculty, _n, _e, fields in names.FACULTIES:
            made = 0
            course_number = 0
            self.faculty_courses[faculty] = []
            while made < per_faculty:
                field_name, field_code = fields[course_number % len(fields)]
                title = names.COURSE_TITLES[(course_number // len(fields)) % len(names.COURSE_TITLES)]
                course_number += 1
                course = add_course(f"{faculty}-{field_code}-{course_number:03d}", f"{field_name}: {title}", faculty)
                self.faculty_courses[faculty].append(course)
                # A lecture and its classes or labs, each in the current term.
                add_group(course, self.current, faculty, ClassType.LECTURE, 1, rng.choice((200, 250, 300, 350, 400)))
                made += 1
                kind = rng.choice((ClassType.CLASS, ClassType.CLASS, ClassType.LAB, ClassType.SEMINAR))
                for number in range(1, rng.randint(2, 4)):
                    if made >= per_faculty:
                        break
                    limit = {ClassType.CLASS: rng.randint(20, 30), ClassType.LAB: rng.randint(12, 18),
                             ClassType.SEMINAR: rng.randint(12, 20)}[kind]
                    add_group(course, self.current, faculty, kind, number, limit)
                    made += 1
            # The next term's offer: a few courses already planned.
            self.next_term_courses[faculty] = self.faculty_courses[faculty][:3]
            for course in self.next_term_courses[faculty]:
                add_group(course, self.next, faculty, ClassType.LECTURE, 1, 250)
        for index in range(language_groups):
            course = language_courses[index % len(language_courses)]
            add_group(course, self.current, "SJO", ClassType.LANGUAGE, index // len(language_courses) + 1, rng.randint(16, 24))
        for index, course in enumerate(language_courses):
            add_group(course, self.next, "SJO", ClassType.LANGUAGE, 1, 20)
        for index in range(pe_groups):
            course = pe_courses[index % len(pe_courses)]
            add_group(course, self.current, "SWFIS", ClassType.PE, index // len(pe_courses) + 1, rng.randint(20, 30))
        for course in pe_courses:
            add_group(course, self.next, "SWFIS", ClassType.PE, 1, 25)
        self.insert(Course, courses, "courses")
        self.group_rows = groups
        self.slots = slots
        self.teacher_rows = teachers

    # --- registrations -------------------------------------------------------------------

    def _at(self, days: int, hour: int, minute: int = 0) -> datetime:
        return local_to_utc(datetime.combine(self.today + timedelta(days=days), clock_time(hour, minute)), DEFAULT_TIME_ZONE)

    def registrations(self) -> None:
        cur, nxt = self.current["code"], self.next["code"]
        regs, offers, rounds, rules = [], [], [], []
        self.registration_ids: dict[str, int] = {}

        def reg(code, name, unit, term, kind, token_type=None, selection=None, message=None, courses=()):
            reg_id = len(regs) + 1
            regs.append(dict(id=reg_id, code=code, name=name, unit_id=self.unit_ids[unit], term_id=term["id"], kind=kind,
                             token_type_id=token_type, message=message, selection_limit=selection, entitled_only=True))
            offers.extend(dict(registration_id=reg_id, course_id=c) for c in courses)
            self.registration_ids[code] = reg_id
            return reg_id

        def rnd(reg_id, name, start: datetime, end: datetime, unregister=True, micro=None):
            now = self.now
            status = RoundStatus.CLOSED if end <= now else RoundStatus.ACTIVE if start <= now else RoundStatus.PREPARING
            rounds.append(dict(registration_id=reg_id, name=name, starts_at=start, ends_at=end, status=status,
                               unregister_allowed=unregister, micro_round_minutes=micro[0] if micro else None,
                               micro_break_minutes=micro[1] if micro else None))

        lang_now = reg(f"SJO-LEK-{cur}", f"Lektoraty – {self.current['name'].lower()}", "SJO", self.current,
                       RegistrationKind.TOKEN, token_type=1, selection=1,
                       message="Jeden żeton opłaca jeden semestr lektoratu. Po wykorzystaniu żetonów zapis generuje należność.",
                       courses=self.language_courses)
        rnd(lang_now, "Tura I", self._at(-45, 9), self._at(-38, 23, 59), micro=(60, 15))
        rnd(lang_now, "Tura II (dogrywka)", self._at(-2, 9), self._at(5, 23, 59), micro=(60, 15))
        lang_next = reg(f"SJO-LEK-{nxt}", f"Lektoraty – {self.next['name'].lower()}", "SJO", self.next,
                        RegistrationKind.TOKEN, token_type=1, selection=1, courses=self.language_courses)
        rnd(lang_next, "Tura I", self._at(10, 9), self._at(17, 23, 59), micro=(60, 15))
        exam = reg(f"SJO-EGZ-{nxt}", "Egzaminy z języka obcego", "SJO", self.next, RegistrationKind.TOKEN,
                   token_type=3, selection=1, courses=self.language_courses[2::4])
        rnd(exam, "Zapisy na egzaminy", self._at(5, 10), self._at(12, 23, 59), micro=(30, 10))
        pe_now = reg(f"WF-{cur}", f"Wychowanie fizyczne – {self.current['name'].lower()}", "SWFIS", self.current,
                     RegistrationKind.DIRECT, selection=1, courses=self.pe_courses)
        rnd(pe_now, "Tura I", self._at(-50, 8), self._at(-43, 23, 59), unregister=False)
        pe_next = reg(f"WF-{nxt}", f"Wychowanie fizyczne – {self.next['name'].lower()}", "SWFIS", self.next,
                      RegistrationKind.DIRECT, selection=1, courses=self.pe_courses)
        rnd(pe_next, "Tura I", self._at(20, 8), self._at(27, 23, 59), unregister=False)
        for faculty in ("WMFI", "WE", "WPA"):
            seminars = reg(f"{faculty}-SEM-{cur}", f"Seminaria dyplomowe – {faculty}", faculty, self.current,
                           RegistrationKind.DIRECT, selection=1, courses=self.faculty_courses[faculty][:6])
            rnd(seminars, "Tura I", self._at(-1, 10), self._at(6, 23, 59), unregister=True)
            electives = reg(f"{faculty}-OGU-{nxt}", f"Przedmioty do wyboru – {faculty}", faculty, self.next,
                            RegistrationKind.DIRECT, selection=2, courses=self.next_term_courses[faculty])
            rnd(electives, "Tura I", self._at(14, 10), self._at(21, 23, 59))
            rnd(electives, "Tura II", self._at(24, 10), self._at(28, 23, 59))
        # Who may take part: token registrations for full-time first-cycle students (DOMAIN rule 4).
        for reg_id in (lang_now, lang_next, exam):
            rules.append(dict(registration_id=reg_id, programme_id=None, level=Level.FIRST_CYCLE, mode=StudyMode.FULL_TIME,
                              stage=None, created_by_id=None, created_at=self.now))
        for reg_id in (pe_now, pe_next):
            rules.append(dict(registration_id=reg_id, programme_id=None, level=Level.FIRST_CYCLE, mode=None,
                              stage=1, created_by_id=None, created_at=self.now))
        for faculty in ("WMFI", "WE", "WPA"):
            for info in self.programme_info:
                if info["faculty"] == faculty and info["level"] is not Level.DOCTORAL:
                    rules.append(dict(registration_id=self.registration_ids[f"{faculty}-SEM-{cur}"], programme_id=info["id"],
                                      level=None, mode=None, stage=info["stages"], created_by_id=None, created_at=self.now))
                    rules.append(dict(registration_id=self.registration_ids[f"{faculty}-OGU-{nxt}"], programme_id=info["id"],
                                      level=None, mode=None, stage=None, created_by_id=None, created_at=self.now))
        self.insert(Registration, regs, "registrations")
        self.insert(RegistrationCourse, offers, "registration offers")
        self.insert(Round, rounds, "rounds")
        self.insert(AccessRule, rules, "access rules")
        self.lang_now = lang_now
        # Individual grants: students back from leave, and a couple of revocations.
        grants = []
        back = [s for s in self.student_info if s["status"] is ProgrammeStatus.ACTIVE
                and s["programme"]["level"] is Level.FIRST_CYCLE and s["programme"]["mode"] is StudyMode.FULL_TIME]
        for info in self.rng.sample(back, min(len(back), max(5, self.n // 1000))):
            grants.append(dict(registration_id=lang_now, student_id=info["id"], decision=AccessDecision.GRANT,
                               reason=self.rng.choice(names.GRANT_REASONS), granted_by_id=None,
                               granted_at=self.now - timedelta(days=self.rng.randint(1, 20)),
                               valid_until=self._at(5, 23, 59) if self.rng.random() < 0.3 else None,
                               withdrawn_at=None, withdrawn_by_id=None))
        on_leave = [s for s in self.student_info if s["status"] is ProgrammeStatus.ON_LEAVE]
        for info in on_leave[: max(3, self.n // 2000)]:
            grants.append(dict(registration_id=lang_next, student_id=info["id"], decision=AccessDecision.GRANT,
                               reason=names.GRANT_REASONS[0], granted_by_id=None, granted_at=self.now - timedelta(days=2),
                               valid_until=None, withdrawn_at=None, withdrawn_by_id=None))
        for info in back[: max(2, self.n // 5000)]:
            grants.append(dict(registration_id=lang_next, student_id=info["id"], decision=AccessDecision.REVOKE,
                               reason=self.rng.choice(names.REVOKE_REASONS), granted_by_id=None,
                               granted_at=self.now - timedelta(days=3), valid_until=None, withdrawn_at=None, withdrawn_by_id=None))
        self.insert(AccessGrant, grants, "access grants")

    # --- enrollments, tokens, payments -----------------------------------------------------

    def enrollments(self) -> None:
        rng = self.rng
        by_unit_type: dict[tuple[str, ClassType], list[_Group]] = {}
        for group in self.groups:
            by_unit_type.setdefault((group.unit_code, group.class_type), []).append(group)
        lectures = {faculty: by_unit_type.get((faculty, ClassType.LECTURE), []) for faculty in self.unit_ids}
        small = {faculty: [g for t in (ClassType.CLASS, ClassType.LAB, ClassType.SEMINAR) for g in by_unit_type.get((faculty, t), [])]
                 for faculty in self.unit_ids}
        languages = by_unit_type.get(("SJO", ClassType.LANGUAGE), [])
        pe = by_unit_type.get(("SWFIS", ClassType.PE), [])
        rows, ledger, payments, requests = [], [], [], []
        enrollment_id = 0
        ledger_id = 0
        enrolled_at = local_to_utc(datetime.combine(self.current["starts_on"] - timedelta(days=10), clock_time(9, 30)))

        def place(student: dict, pool: list[_Group], source: EnrollmentSource, tries: int = 4) -> _Group | None:
            nonlocal enrollment_id
            if not pool:
                return None
            for _ in range(tries):
                group = pool[rng.randrange(len(pool))]
                if group.count < group.seat_limit:
                    group.count += 1
                    enrollment_id += 1
                    cancelled = rng.random() < 0.03
                    if cancelled:
                        group.count -= 1
                    rows.append(dict(
                        id=enrollment_id, student_id=student["id"], group_id=group.id,
                        registration_id=self.lang_now if group.class_type is ClassType.LANGUAGE else None,
                        source=source, status=EnrollmentStatus.CANCELLED if cancelled else EnrollmentStatus.ACCEPTED,
                        over_limit=False, reason=None,
                        created_at=enrolled_at + timedelta(seconds=rng.randint(0, 7 * 86400)), created_by_id=None,
                        cancelled_at=self.now - timedelta(days=rng.randint(1, 30)) if cancelled else None, cancelled_by_id=None,
                    ))
                    return None if cancelled else group
            return None

        def ledger_entry(student_id: int, kind: LedgerKind, amount: int, reason: str, at: datetime, token_type: int = 1,
                         document: str | None = None) -> None:
            nonlocal ledger_id
            ledger_id += 1
            ledger.append(dict(id=ledger_id, student_id=student_id, token_type_id=token_type, kind=kind, amount=amount,
                               reason=reason, document_ref=document, idempotency_key=f"demo-{self.seed}-{ledger_id}",
                               reverses_id=None, token_request_id=None, created_at=at, created_by_id=None))

        for student in self.student_info:
            programme = student["programme"]
            token_student = programme["level"] is Level.FIRST_CYCLE and programme["mode"] is StudyMode.FULL_TIME
            balance = 0
            if token_student and not student["mid_year"]:
                at = local_to_utc(datetime.combine(student["admitted"], clock_time(8, 0)))
                ledger_entry(student["id"], LedgerKind.ALLOCATION, JO_ALLOCATION, "przydział automatyczny: studia I stopnia stacjonarne", at)
                balance = JO_ALLOCATION
                # Semesters already taken in earlier years used tokens.
                used = min(balance, (student["stage"] - 1) * 2)
                if used:
                    ledger_entry(student["id"], LedgerKind.SPEND, -used, "lektorat w poprzednich semestrach", at + timedelta(days=200))
                    balance -= used
            if token_student and rng.random() < 0.005:
                ledger_entry(student["id"], LedgerKind.CORRECTION, 1, rng.choice(names.CORRECTION_REASONS),
                             self.now - timedelta(days=rng.randint(10, 60)), document=f"DZ.{self.academic_year}.{rng.randint(100, 999)}")
                balance += 1
            if student["status"] is not ProgrammeStatus.ACTIVE:
                continue
            faculty = programme["faculty"]
            place(student, lectures.get(faculty, []), EnrollmentSource.PORTAL)
            place(student, small.get(faculty, []), rng.choice((EnrollmentSource.PORTAL, EnrollmentSource.PORTAL, EnrollmentSource.DESK)))
            if rng.random() < 0.65:
                place(student, lectures.get(faculty, []), EnrollmentSource.IMPORT)
            if token_student and student["stage"] <= 2 and rng.random() < 0.8:
                group = place(student, languages, EnrollmentSource.TOKEN)
                if group is not None:
                    if balance > 0:
                        ledger_entry(student["id"], LedgerKind.SPEND, -1, "zapis na lektorat", enrolled_at + timedelta(days=1))
                        balance -= 1
                    else:
                        payments.append(dict(student_id=student["id"], amount=JO_PRICE, token_type_id=1, course_id=group.course_id,
                                             term_id=self.current["id"], token_request_id=None,
                                             status=rng.choice((PaymentStatus.DUE, PaymentStatus.DUE, PaymentStatus.PAID)),
                                             due_on=self.current["starts_on"] + timedelta(days=30), created_at=enrolled_at,
                                             created_by_id=None, cancelled_reason=None))
                elif rng.random() < 0.05:
                    requests.append(student)
            if programme["level"] is Level.FIRST_CYCLE and student["stage"] == 1 and rng.random() < 0.7:
                place(student, pe, EnrollmentSource.PORTAL)
        # A few recorded overrides: a clerk enrolled over the limit of a full group, with a reason.
        full = [g for g in self.groups if g.class_type is not ClassType.LECTURE and g.count >= g.seat_limit]
        for group in full[: max(2, len(self.groups) // 500)]:
            student = self.student_info[rng.randrange(len(self.student_info))]
            enrollment_id += 1
            group.count += 1
            rows.append(dict(id=enrollment_id, student_id=student["id"], group_id=group.id, registration_id=None,
                             source=EnrollmentSource.DESK, status=EnrollmentStatus.ACCEPTED, over_limit=True,
                             reason="decyzja prodziekana: powtarzanie przedmiotu", created_at=self.now - timedelta(days=3),
                             created_by_id=None, cancelled_at=None, cancelled_by_id=None))
        # Pairs may repeat by chance (a student drawn twice for the same lecture): keep the first.
        seen: set[tuple[int, int]] = set()
        unique_rows = []
        for row in rows:
            key = (row["student_id"], row["group_id"])
            if row["status"] is EnrollmentStatus.ACCEPTED:
                if key in seen:
                    continue
                seen.add(key)
            unique_rows.append(row)
        counts: dict[int, int] = {}
        for row in unique_rows:
            if row["status"] is EnrollmentStatus.ACCEPTED:
                counts[row["group_id"]] = counts.get(row["group_id"], 0) + 1
        for row in self.group_rows:
            row["enrolled_count"] = counts.get(row["id"], 0)
            row["over_limit_count"] = max(0, row["enrolled_count"] - row["seat_limit"])
        self.insert(ClassGroup, self.group_rows, "class groups")
        self.insert(TimetableSlot, self.slots, "timetable")
        self.insert(GroupTeacher, self.teacher_rows, "teachers of groups")
        self.insert(Enrollment, unique_rows, "enrollments")
        self.insert(TokenEntry, ledger, "token ledger")
        self.insert(Payment, payments, "payments")
        # Pending requests in the active token round: students still waiting for a place.
        with self.db.read() as session:
            round_id = session.scalar(
                select(Round.id).where(Round.registration_id == self.lang_now, Round.status == RoundStatus.ACTIVE)
            )
        request_rows = []
        for index, student in enumerate(requests):
            group = languages[rng.randrange(len(languages))]
            request_rows.append(dict(
                portal_key=f"demo-{self.seed}-{index}", student_id=student["id"], registration_id=self.lang_now,
                round_id=round_id, course_id=group.course_id, group_id=group.id, action=RequestAction.REGISTER,
                submitted_at=self.now - timedelta(minutes=rng.randint(5, 2000)), payment_accepted=rng.random() < 0.5,
                status=RequestStatus.PENDING, resolved_at=None, resolution_reason=None,
            ))
        if round_id is not None:
            self.insert(TokenRequest, request_rows, "token requests")

    # --- staff and settings ------------------------------------------------------------------

    def staff(self) -> None:
        users, units = [], []
        password = hash_password(DEMO_PASSWORD)  # one hash for all: argon2 is slow on purpose
        for index, (login, full_name, role, unit_codes) in enumerate(DEMO_STAFF, start=1):
            users.append(dict(id=index, login=login, full_name=full_name, password_hash=password, role=role, active=True,
                              failed_sign_ins=0, locked_until=None, last_sign_in_at=None, created_at=self.now))
            units.extend(dict(staff_id=index, unit_id=self.unit_ids[code]) for code in unit_codes)
        self.insert(StaffUser, users, "staff")
        self.insert(StaffUnit, units, "staff units")
        self.insert(Setting, [
            dict(key="demo", value="1"),
            dict(key="demo_seed", value=str(self.seed)),
            dict(key="institution_name", value=INSTITUTION),
            dict(key="time_zone", value=DEFAULT_TIME_ZONE),
        ], "settings")

    def build(self) -> None:
        self.terms()
        self.units()
        self.programmes()
        self.token_types()
        self.templates()
        self.people()
        self.teachers()
        self.courses_and_groups()
        self.registrations()
        self.enrollments()
        self.staff()
        uow = UnitOfWork(self.db, SystemJob.SETUP, now=self.now)
        with uow.write():
            uow.record_change(DemoAction.BUILD, entity="database", entity_id=None,
                              after={"students": self.n, "seed": self.seed}, reason=DEMO_DATABASE(), portal=False)
        if not self.db.is_sqlite:
            reset_sequences(self.db)
        if self.db.is_sqlite:
            with self.db.engine.connect() as connection:
                connection.exec_driver_sql("ANALYZE")
        else:
            # VACUUM too: after a bulk load the visibility map is empty, and index-only scans
            # would visit the table for every row until autovacuum comes by.
            with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE")


def reset_sequences(db: Database) -> None:
    """After rows were loaded with their ids given (PostgreSQL): move each id sequence past them,
    or the next row added by the desk would collide with a loaded one."""
    with db.write() as session:
        for table in Base.metadata.sorted_tables:
            column = table.c.get("id")
            if column is None or not column.primary_key or not column.autoincrement:
                continue
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
            )


def _publish(db: Database, progress: Progress | None) -> None:
    """The demo's portal: everything published, so the student's eye and the sync have something to show."""
    from desk import sync
    from desk.model import SyncKind, SyncTrigger

    sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.FULL,
                  progress=(lambda done, total, text: progress("portal: " + text, done, total)) if progress else None)


def build_demo(
    db: Database,
    *,
    students: int = 12_000,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    publish: bool = True,
) -> DemoSummary:
    """Fill an empty, migrated database with the demo university (and, with ``publish``, its portal)."""
    if students < 1:
        raise DomainError("A demo needs at least one student.")
    with db.read() as session:
        if session.scalar(select(func.count()).select_from(Person)) or session.scalar(
            select(func.count()).select_from(StaffUser)
        ):
            raise DomainError("The database is not empty: a demo is built only into an empty database.")
    started = time.perf_counter()
    today = today or datetime.now(ZoneInfo(DEFAULT_TIME_ZONE)).date()
    builder = _Builder(db, students, seed, today, progress)
    builder.build()
    if publish:
        _publish(db, progress)
    counts = builder.counts
    return DemoSummary(
        students=counts.get("students", 0),
        persons=counts.get("persons", 0),
        programmes=counts.get("programmes", 0),
        class_groups=counts.get("class_groups", 0),
        enrollments=counts.get("enrollments", 0),
        registrations=counts.get("registrations", 0),
        ledger_entries=counts.get("token_ledger", 0),
        seconds=time.perf_counter() - started,
    )
