"""The rulebook's refusals in words: each code's English source text, and the stored message it becomes.

A refusal is stored (a token request's reason, an audit entry, the portal) as a ``Message``: the
code and its parameters, made into words only when shown, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.clock import format_local
from desk.errors import DomainError
from desk.i18n import translate
from desk.labels import group_reference, reference_in_words
from desk.messages import GENDER, Message, MessageKind, Words, define, gender_of, in_form
from desk.rules import Refusal, RefusalCode

C = "Refusals"

NOT_TOKEN_REGISTRATION = define("refusal.not_token_registration", C, QT_TRANSLATE_NOOP(
    "Refusals", "{registration} is not a token registration."))
TOKEN_REGISTRATION = define("refusal.token_registration", C, QT_TRANSLATE_NOOP(
    "Refusals", "{registration} is a token registration: students put requests in the basket."))
ROUND_NOT_OPEN = define("refusal.round_not_open", C, QT_TRANSLATE_NOOP(
    "Refusals", "No round of {registration} is open now."))
ROUND_OPENS = define("refusal.round_not_open.opens", C, QT_TRANSLATE_NOOP(
    "Refusals", "No round of {registration} is open yet: \u201c{round}\u201d opens on {opens_at}."))
OWN_TURN = define("refusal.round_not_open.own", C, QT_TRANSLATE_NOOP(
    "Refusals", "It is not the student's turn in {registration} yet: \u201c{round}\u201d opens for them on {opens_at}."),
    female=Words.translate("Refusals", "It is not the student's turn in {registration} yet: \u201c{round}\u201d opens for them on {opens_at}.", "female"))
NOT_IN_AUDIENCE = define("refusal.not_in_audience", C, QT_TRANSLATE_NOOP(
    "Refusals", "The round \u201c{open_round}\u201d of {registration} is for other students."),
    female=Words.translate("Refusals", "The round \u201c{open_round}\u201d of {registration} is for other students.", "female"))
NOT_IN_AUDIENCE_NEXT = define("refusal.not_in_audience.next", C, QT_TRANSLATE_NOOP(
    "Refusals", "The round \u201c{open_round}\u201d of {registration} is for other students; \u201c{round}\u201d opens for the student on {opens_at}."),
    female=Words.translate("Refusals", "The round \u201c{open_round}\u201d of {registration} is for other students; \u201c{round}\u201d opens for the student on {opens_at}.", "female"))
NO_ACCESS = define("refusal.no_access", C, QT_TRANSLATE_NOOP(
    "Refusals", "No rule or individual grant admits the student to {registration}."),
    female=Words.translate("Refusals", "No rule or individual grant admits the student to {registration}.", "female"))
ACCESS_REVOKED = define("refusal.access_revoked", C, QT_TRANSLATE_NOOP(
    "Refusals", "The student's access to {registration} is revoked."),
    female=Words.translate("Refusals", "The student's access to {registration} is revoked.", "female"))
PROGRAMME_STATUS = define("refusal.programme_status", C, QT_TRANSLATE_NOOP(
    "Refusals", "The student's programme status does not allow taking part in {registration}."),
    female=Words.translate("Refusals", "The student's programme status does not allow taking part in {registration}.", "female"))
NOT_OFFERED = define("refusal.not_offered", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group} is not offered in the registration {registration}."))
COURSE_NOT_OFFERED = define("refusal.not_offered.course", C, QT_TRANSLATE_NOOP(
    "Refusals", "The course is not offered in the registration {registration}."))
GROUP_CLOSED = define("refusal.group_closed", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group} is closed: it takes no students."))
SAME_GROUP = define("refusal.same_group", C, QT_TRANSLATE_NOOP(
    "Refusals", "The student is already in group {group}."),
    female=Words.translate("Refusals", "The student is already in group {group}.", "female"))
OTHER_COURSE = define("refusal.other_course", C, QT_TRANSLATE_NOOP(
    "Refusals", "A student can only be moved to a group of the same course and term ({from_group} to {group} is not)."),
    female=Words.translate("Refusals", "A student can only be moved to a group of the same course and term ({from_group} to {group} is not).", "female"))
OTHER_CLASS_TYPE = define("refusal.other_class_type", C, QT_TRANSLATE_NOOP(
    "Refusals", "A student is moved only between groups of the same class type ({from_group} to {group} is not a move)."),
    female=Words.translate("Refusals", "A student is moved only between groups of the same class type ({from_group} to {group} is not a move).", "female"))
SAME_SLOT = define("refusal.same_slot", C, QT_TRANSLATE_NOOP(
    "Refusals", "The student is already in group {group} of this course (same class type)."),
    female=Words.translate("Refusals", "The student is already in group {group} of this course (same class type).", "female"))
TIMETABLE_CLASH = define("refusal.timetable_clash", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group} clashes in the timetable with group {other_group}: both on day {weekday}, {starts}\u2013{ends}."))
# The same, the day in words (in the reader's language when shown): one code a weekday, 1 Monday ... 7 Sunday.
_CLASH_ON_DAY = (
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Monday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Tuesday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Wednesday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Thursday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Friday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Saturday, {starts}\u2013{ends}."),
    QT_TRANSLATE_NOOP("Refusals", "Group {group} clashes in the timetable with group {other_group}: both on Sunday, {starts}\u2013{ends}."),
)
CLASH_ON = {day: define(f"refusal.timetable_clash.{day}", C, words) for day, words in enumerate(_CLASH_ON_DAY, start=1)}
SELECTION_LIMIT = define("refusal.selection_limit", C, QT_TRANSLATE_NOOP(
    "Refusals", "All the courses the registration allows per student are taken (limit: %n)."),
    female=Words.translate("Refusals", "All the courses the registration allows per student are taken (limit: %n).", "female"))
NO_TOKENS = define("refusal.no_tokens", C, QT_TRANSLATE_NOOP(
    "Refusals", "No {token} tokens left, and the payment of {price} PLN is not accepted."))
FULL = define("refusal.full", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group} is full: {enrolled} of {limit} places taken."))
DEDICATED = define("refusal.dedicated", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group}: its %n free seats are dedicated to other students."))
DEDICATED_TO_PROGRAMME = define("refusal.dedicated.programme", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group}: its %n free seats are dedicated to students of {programme}."))
DEDICATED_TO_LIST = define("refusal.dedicated.listed", C, QT_TRANSLATE_NOOP(
    "Refusals", "Group {group}: its %n free seats are dedicated to the students on a list."))
ALL_FULL = define("refusal.full.all", C, QT_TRANSLATE_NOOP(
    "Refusals", "Every group is full (groups: %n)."))
NO_GROUPS = define("refusal.full.none", C, QT_TRANSLATE_NOOP(
    "Refusals", "The registration offers no class groups yet."))
UNREGISTER_NOT_ALLOWED = define("refusal.unregister_not_allowed", C, QT_TRANSLATE_NOOP(
    "Refusals", "The round \u201c{round}\u201d does not allow unregistering."))
NOT_ENROLLED = define("refusal.not_enrolled", C, QT_TRANSLATE_NOOP(
    "Refusals", "The student is not registered in that group."),
    female=Words.translate("Refusals", "The student is not registered in that group.", "female"))
NO_LONGER_STANDING = define("refusal.not_enrolled.stale", C, QT_TRANSLATE_NOOP(
    "Refusals", "That enrollment is no longer standing."))
REGISTRATION_ENDED = define("refusal.registration_ended", C, QT_TRANSLATE_NOOP(
    "Refusals", "The registration ended before a place was found."))

_KINDS: dict[RefusalCode, MessageKind] = {
    RefusalCode.NOT_TOKEN_REGISTRATION: NOT_TOKEN_REGISTRATION,
    RefusalCode.TOKEN_REGISTRATION: TOKEN_REGISTRATION,
    RefusalCode.ROUND_NOT_OPEN: ROUND_NOT_OPEN,
    RefusalCode.NOT_IN_AUDIENCE: NOT_IN_AUDIENCE,
    RefusalCode.NO_ACCESS: NO_ACCESS,
    RefusalCode.ACCESS_REVOKED: ACCESS_REVOKED,
    RefusalCode.PROGRAMME_STATUS: PROGRAMME_STATUS,
    RefusalCode.NOT_OFFERED: NOT_OFFERED,
    RefusalCode.GROUP_CLOSED: GROUP_CLOSED,
    RefusalCode.SAME_GROUP: SAME_GROUP,
    RefusalCode.OTHER_COURSE: OTHER_COURSE,
    RefusalCode.OTHER_CLASS_TYPE: OTHER_CLASS_TYPE,
    RefusalCode.SAME_SLOT: SAME_SLOT,
    RefusalCode.TIMETABLE_CLASH: TIMETABLE_CLASH,
    RefusalCode.SELECTION_LIMIT: SELECTION_LIMIT,
    RefusalCode.NO_TOKENS: NO_TOKENS,
    RefusalCode.FULL: FULL,
    RefusalCode.DEDICATED: DEDICATED,
    RefusalCode.UNREGISTER_NOT_ALLOWED: UNREGISTER_NOT_ALLOWED,
    RefusalCode.NOT_ENROLLED: NOT_ENROLLED,
    RefusalCode.REGISTRATION_ENDED: REGISTRATION_ENDED,
}


class Refused(DomainError):
    """The rulebook refused a change: ``refusals`` (codes with parameters, in reading order); ``refusal``, the first code.

    ``gender``: the student's grammatical gender (``desk.messages.gender_of``), for the words about them.
    """

    def __init__(self, refusals: Iterable[Refusal], gender: str | None = None):
        self.refusals = tuple(refusals)
        self.gender = gender
        super().__init__(describe_all(self.refusals, gender))

    def messages(self) -> list[Message]:
        """The refusals as records store them, in the student's grammatical gender."""
        return [message(r, self.gender) for r in self.refusals]

    @property
    def refusal(self) -> RefusalCode:
        return self.refusals[0].code


def student_gender(session, student_id: int | None) -> str | None:
    """The student's grammatical gender, as their PESEL records it (None when there is no PESEL)."""
    return student_genders(session, [student_id]).get(student_id) if student_id is not None else None


def student_genders(session, student_ids) -> dict[int, str | None]:
    """Many students' grammatical genders in one query, by student."""
    from sqlalchemy import select

    from desk.model import Person, Student

    return {sid: gender_of(pesel) for sid, pesel in session.execute(
        select(Student.id, Person.pesel).join(Person, Person.id == Student.person_id)
        .where(Student.id.in_(sorted(set(student_ids)))))}


def refuse_if(refusals: Iterable[Refusal], error: type[Refused] = Refused, gender: str | None = None) -> None:
    """Raise ``error`` with the refusals, if there are any (``gender``: the student's, for the Polish words)."""
    refusals = tuple(refusals)
    if refusals:
        raise error(refusals, gender)


def group_label(params: dict[str, Any], prefix: str = "") -> str:
    """The group a refusal names, as a record keeps it (``labels.group_reference``: in no language)."""
    course = params.get(f"{prefix}course")
    if not course:
        return ""
    return group_reference(course, params.get(f"{prefix}class_type", ""), params.get(f"{prefix}number", "")).strip()


def _when(value: Any) -> str:
    try:
        return format_local(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def message(refusal: Refusal, gender: str | None = None) -> Message:
    """The refusal as a record stores it: a stable code and the parameters its words need.

    ``gender`` ("female"/"male", ``desk.messages.gender_of``) is kept with a refusal whose subject is the
    student, so that the Polish words agree ("nie jest zarejestrowana").
    """
    p = refusal.params
    params: dict[str, Any] = {k: v for k, v in p.items() if k not in ("opens_at",)}
    if p.get("course"):
        params["group"] = group_label(p)
    if p.get("from_course"):
        params["from_group"] = group_label(p, "from_")
    if p.get("other_course"):
        params["other_group"] = group_label(p, "other_")
    kind = _KINDS[refusal.code]
    if refusal.code is RefusalCode.ROUND_NOT_OPEN and p.get("opens_at"):
        kind, params["opens_at"] = OWN_TURN if p.get("own") else ROUND_OPENS, _when(p["opens_at"])
    elif refusal.code is RefusalCode.NOT_IN_AUDIENCE and p.get("opens_at"):
        kind, params["opens_at"] = NOT_IN_AUDIENCE_NEXT, _when(p["opens_at"])
    elif refusal.code is RefusalCode.NOT_OFFERED and not p.get("course"):
        kind = COURSE_NOT_OFFERED
    elif refusal.code is RefusalCode.NOT_ENROLLED and "enrollment" in p:  # a clerk's enrollment cancelled meanwhile
        kind = NO_LONGER_STANDING
    elif refusal.code is RefusalCode.SELECTION_LIMIT:
        params["n"] = p.get("limit")
    elif refusal.code is RefusalCode.TIMETABLE_CLASH:
        kind = CLASH_ON.get(p.get("weekday"), TIMETABLE_CLASH)
    elif refusal.code is RefusalCode.DEDICATED:
        params["n"] = p.get("free")
        kind = DEDICATED_TO_LIST if p.get("listed") else DEDICATED_TO_PROGRAMME if p.get("programme") else DEDICATED
    elif refusal.code is RefusalCode.FULL and "groups" in p:
        kind = ALL_FULL if p["groups"] else NO_GROUPS
        params["n"] = p["groups"]
    if kind.gendered and gender:
        params[GENDER] = gender
    return kind(**params)


def refusal_of(stored: Message | None) -> Refusal | None:
    """A stored message back as the rulebook's refusal, when it is one."""
    if stored is None or not stored.code.startswith("refusal."):
        return None
    code = stored.code.removeprefix("refusal.").partition(".")[0]
    try:
        return Refusal(RefusalCode(code), dict(stored.params))
    except ValueError:
        return None


def describe(refusal: Refusal, gender: str | None = None) -> str:
    """The refusal in the language the application (or terminal) runs in now (about a student of ``gender``)."""
    return message(refusal, gender).text()


def describe_all(refusals: Iterable[Refusal], gender: str | None = None) -> str:
    return " ".join(describe(r, gender) for r in refusals)


MOVE_INSTEAD = QT_TRANSLATE_NOOP("Refusals", "Move the student to another group instead, or unregister them from %1 first.")
ENROLL_INSTEAD = QT_TRANSLATE_NOOP("Refusals", "Enroll the student in that group instead: each class type is held separately.")
# Their feminine forms, for the translators (in_form picks them for a woman).
_FEMALE_FIXES = (
    Words.translate("Refusals", "Move the student to another group instead, or unregister them from %1 first.", "female"),
    Words.translate("Refusals", "Enroll the student in that group instead: each class type is held separately.", "female"),
)


def fix(refusal: Refusal, gender: str | None = None) -> str:
    """What a clerk can do about it, where the rulebook knows ("" where the caller says it better)."""
    code = refusal.code
    if code is RefusalCode.SAME_SLOT:
        return in_form("Refusals", MOVE_INSTEAD, gender).replace("%1", reference_in_words(group_label(refusal.params)))
    if code is RefusalCode.OTHER_CLASS_TYPE:
        return in_form("Refusals", ENROLL_INSTEAD, gender)
    if code is RefusalCode.NOT_OFFERED:
        return translate("Refusals", "Add the course to the registration in the registration calendar.")
    if code is RefusalCode.DEDICATED:
        return translate("Refusals", "Choose another group, or enroll over the limit with a reason (it is recorded as "
                                     "an override).")
    if code is RefusalCode.TIMETABLE_CLASH:
        return translate("Refusals", "Choose a group at another time, or enroll despite the clash with a reason "
                                     "(it is recorded as an override).")
    return ""
