"""The rulebook: from the facts of a proposed change to every refusal that applies, as codes with parameters.

Pure: no session, no Qt, no SQLAlchemy. Whoever proposes a change (a clerk enrolling or moving a
student, the portal's first-come registration and unregistration, a token request put in the
basket or carried out at a break, the explanation of "why can't this student register?", a view
deciding what to offer) gathers the facts and asks here; nothing else decides. Refusals come back
in the order a clerk should read them (``RefusalCode``'s order). Words are made from the codes
when shown (``desk.refusals``), never stored.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any


class RefusalCode(enum.StrEnum):
    """Every rule that can refuse a change; the declaration order is the order a clerk reads them in."""

    NOT_TOKEN_REGISTRATION = "not_token_registration"  # a basket request in a first-come registration
    TOKEN_REGISTRATION = "token_registration"  # a first-come registration in a token registration
    ROUND_NOT_OPEN = "round_not_open"
    NOT_IN_AUDIENCE = "not_in_audience"  # the round open now is for other students
    NO_ACCESS = "no_access"  # no rule or individual grant admits the student
    ACCESS_REVOKED = "access_revoked"
    PROGRAMME_STATUS = "programme_status"  # no programme in a status that takes part
    NOT_OFFERED = "not_offered"
    GROUP_CLOSED = "group_closed"  # the group was closed: it takes no one
    SAME_GROUP = "same_group"  # a move to the group the student is in
    OTHER_COURSE = "other_course"  # a move to a group of another course or term
    OTHER_CLASS_TYPE = "other_class_type"  # a move to a group of another class type: that is not a move
    SAME_SLOT = "same_slot"  # already in a group of the same course, term and class type
    TIMETABLE_CLASH = "timetable_clash"  # the group's weekly slots overlap a group the student holds in the term
    SELECTION_LIMIT = "selection_limit"
    NO_TOKENS = "no_tokens"  # no tokens left and the payment not accepted
    FULL = "full"
    DEDICATED = "dedicated"  # the group's free seats are dedicated to other students
    UNREGISTER_NOT_ALLOWED = "unregister_not_allowed"
    NOT_ENROLLED = "not_enrolled"
    REGISTRATION_ENDED = "registration_ended"  # a token request still unmet when the registration ended


_ORDER = {code: index for index, code in enumerate(RefusalCode)}
# What a clerk may do despite the rule, with a reason, recorded as an override.
OVERRIDABLE = frozenset({RefusalCode.FULL, RefusalCode.DEDICATED, RefusalCode.TIMETABLE_CLASH})
# What a token request waits through for the next break: a seat may come free (or a share be released).
_WAITS = frozenset({RefusalCode.FULL, RefusalCode.DEDICATED})


@dataclass(frozen=True)
class Refusal:
    """One rule that refuses the change; ``params`` are plain JSON values (the words are made from them)."""

    code: RefusalCode
    params: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # params is a dict: hash by code and the sorted items
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "params": dict(self.params)}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> "Refusal":
        return cls(RefusalCode(value["code"]), dict(value.get("params") or {}))


def in_reading_order(refusals: Iterable[Refusal]) -> tuple[Refusal, ...]:
    return tuple(sorted(refusals, key=lambda r: _ORDER[r.code]))


# --- facts --------------------------------------------------------------------------------------


def clock(minutes: int) -> str:
    """Minutes after midnight as the clock shows them: 495 -> "08:15"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class SlotFacts:
    """A weekly timetable slot: its weekday (1 Monday ... 7 Sunday), start and end in minutes after midnight,
    as the institution's clocks show them (its time zone)."""

    weekday: int
    starts: int
    ends: int

    def overlap(self, other: SlotFacts) -> SlotFacts | None:
        """The time both take, or None: the same weekday and one starting before the other ends (a group
        ending at 10:00 and one starting at 10:00 do not clash)."""
        starts, ends = max(self.starts, other.starts), min(self.ends, other.ends)
        return SlotFacts(self.weekday, starts, ends) if self.weekday == other.weekday and starts < ends else None

    def params(self) -> dict[str, Any]:
        return {"weekday": self.weekday, "starts": clock(self.starts), "ends": clock(self.ends)}


@dataclass(frozen=True)
class Study:
    """A programme the student studies in a status that takes part, as dedicated seats ask of it."""

    programme_id: int
    level: str  # a Level value
    mode: str  # a StudyMode value
    stage: int


@dataclass(frozen=True)
class Seeker:
    """What dedicated seats ask of a student: the programmes studied, and the shares whose list names them."""

    studies: tuple[Study, ...] = ()
    listed: frozenset[int] = frozenset()


NOBODY_IN_PARTICULAR = Seeker()  # a student none of whose facts a share asks for: everyone's seats only


def studies_match(studies: Iterable[Study], programme_id: int | None, level: str | None, mode: str | None,
                  stage: int | None) -> bool:
    """A programme the student studies matches every one of programme, level, mode and stage that is set."""
    return any((programme_id is None or programme_id == study.programme_id)
               and (level is None or level == study.level)
               and (mode is None or mode == study.mode)
               and (stage is None or stage == study.stage) for study in studies)


@dataclass(frozen=True)
class Audience:
    """Whom a round is for: the students of a programme, level, mode and stage (any left open), or those on its
    list."""

    programme_id: int | None = None
    level: str | None = None
    mode: str | None = None
    stage: int | None = None
    listed: bool = False


@dataclass(frozen=True)
class RoundPlan:
    """A round as the rules see it: when it runs, for whom, and whether each student opens it at their own minute."""

    id: int
    name: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    unregister_allowed: bool = True
    audience: Audience | None = None  # None: everyone the registration admits
    last_turn: datetime | None = None  # set: staggered; the last turn's start, when a student without a minute opens it


@dataclass(frozen=True)
class Entrant:
    """What rounds ask of a student: the programmes studied, the rounds whose list names them, their own starts."""

    studies: tuple[Study, ...] = ()
    listed: frozenset[int] = frozenset()  # round ids
    starts: Mapping[int, datetime] = field(default_factory=dict)  # round id -> the student's own start

    def __hash__(self) -> int:
        return hash((self.studies, self.listed, tuple(sorted(self.starts.items()))))


ANYONE = Entrant()  # a student of whom nothing is known: rounds with an audience are not for them


def in_audience(plan: RoundPlan, entrant: Entrant) -> bool:
    audience = plan.audience
    if audience is None:
        return True
    if audience.listed:
        return plan.id in entrant.listed
    return studies_match(entrant.studies, audience.programme_id, audience.level, audience.mode, audience.stage)


def opens_for(plan: RoundPlan, entrant: Entrant) -> datetime:
    """When the round opens for the student: at its start, or at their own minute of a staggered round (a student
    without one: with the last turn), never after it ends."""
    if plan.last_turn is None:
        return plan.starts_at
    own = entrant.starts.get(plan.id) or plan.last_turn
    return min(max(own, plan.starts_at), plan.ends_at)


def round_for(plans: Iterable[RoundPlan], now: datetime, entrant: Entrant | None = None) -> RoundFacts:
    """Of a registration's rounds (in the order they start), the one open to the student at ``now``, else the next to
    open for them; without the student (``entrant`` None), as for everyone. A round open now for others only is
    said (``outside``) when none is open to the student."""
    plans = tuple(plans)
    outside = None
    for plan in plans:
        if not plan.starts_at <= now < plan.ends_at:
            continue
        if entrant is not None and not in_audience(plan, entrant):
            outside = outside or plan
            continue
        opens = opens_for(plan, entrant or ANYONE) if entrant is not None else plan.starts_at
        if opens <= now:
            return RoundFacts(True, plan.name, plan.unregister_allowed, id=plan.id)
        return RoundFacts(False, plan.name, plan.unregister_allowed, opens.isoformat(), id=plan.id, own_start=True)
    for plan in plans:
        if plan.starts_at > now and (entrant is None or in_audience(plan, entrant)):
            opens = opens_for(plan, entrant) if entrant is not None else plan.starts_at
            return RoundFacts(False, plan.name, plan.unregister_allowed, opens.isoformat(), id=plan.id,
                              own_start=opens != plan.starts_at, outside=outside.name if outside else None)
    return RoundFacts(False, outside=outside.name if outside else None)


@dataclass(frozen=True)
class ShareFacts:
    """Seats of a group dedicated to the students matching a programme, level, mode and stage (any left open), or
    to those on its list; ``released``: its free seats are everyone's now."""

    id: int
    seats: int
    taken: int
    released: bool = False
    programme_id: int | None = None
    level: str | None = None
    mode: str | None = None
    stage: int | None = None
    listed: bool = False
    programme_code: str = ""  # for the words

    @property
    def free(self) -> int:
        return max(0, self.seats - self.taken)

    def admits(self, seeker: Seeker) -> bool:
        if self.listed:
            return self.id in seeker.listed
        return studies_match(seeker.studies, self.programme_id, self.level, self.mode, self.stage)

    def params(self) -> dict[str, Any]:
        """Who it is for, as plain values (the words are made from them)."""
        return {"programme": self.programme_code, "level": self.level or "", "mode": self.mode or "",
                "stage": self.stage or 0, "listed": self.listed}


@dataclass(frozen=True)
class GroupFacts:
    """A class group as the rules see it."""

    id: int
    course_id: int
    course_code: str
    term_id: int
    class_type: str  # a ClassType value
    number: int
    seat_limit: int
    enrolled: int
    slots: tuple[SlotFacts, ...] = ()  # its weekly timetable (none: it never clashes)
    shares: tuple[ShareFacts, ...] = ()  # its dedicated seats, released or not
    closed: bool = False  # closed: it takes no one

    @property
    def slot(self) -> tuple[int, int, str]:
        """What a student holds one group of: the course, the term and the class type."""
        return (self.course_id, self.term_id, str(self.class_type))

    @property
    def full(self) -> bool:
        return self.enrolled >= self.seat_limit

    @property
    def reserved(self) -> tuple[ShareFacts, ...]:
        """The shares not released: their seats are kept for their students."""
        return tuple(share for share in self.shares if not share.released)

    @property
    def general_free(self) -> int:
        """Everyone's free seats: the limit less the dedicated seats, less everyone else enrolled."""
        reserved = self.reserved
        return (self.seat_limit - sum(s.seats for s in reserved)) - (self.enrolled - sum(s.taken for s in reserved))

    def seat_for(self, seeker: Seeker) -> Seat | None:
        """The seat the student would take: a free seat of their first share that has one (dedicated seats go
        first), else one of everyone's; None when every free seat is dedicated to others (or none is free).

        A share's free seats are the share's even when a clerk's override filled everyone's seats past the
        limit: the override is a seat more, not one of the share's."""
        share = next((s for s in self.reserved if s.free > 0 and s.admits(seeker)), None)
        if share is not None:
            return Seat(share.id)
        return Seat(None) if self.general_free > 0 else None

    def with_seat_taken(self, seat: Seat, count: int = 1) -> GroupFacts:
        """The group after ``count`` seats taken (or given back, negative) as ``seat`` says."""
        shares = tuple(replace(s, taken=s.taken + count) if s.id == seat.share_id and not s.released else s
                       for s in self.shares)
        return replace(self, enrolled=self.enrolled + count, shares=shares)

    def params(self, prefix: str = "") -> dict[str, Any]:
        return {f"{prefix}course": self.course_code, f"{prefix}class_type": str(self.class_type),
                f"{prefix}number": self.number}


@dataclass(frozen=True)
class Seat:
    """Which seat a student takes: a share's (its id), or everyone's (None)."""

    share_id: int | None = None


@dataclass(frozen=True)
class Held:
    """One of the student's standing (accepted) enrollments."""

    enrollment_id: int
    group: GroupFacts
    registration_id: int | None


@dataclass(frozen=True)
class RegistrationFacts:
    id: int
    code: str
    term_id: int
    offered_course_ids: frozenset[int]
    selection_limit: int | None
    token: bool  # a token registration (requests in the basket) rather than first come, first served
    clash_check: bool = True  # groups whose timetables overlap one the student holds are refused


@dataclass(frozen=True)
class RoundFacts:
    """The registration's round now: the one open, else the next to open (``opens_at``), else none."""

    open: bool
    name: str | None = None
    unregister_allowed: bool = True
    opens_at: str | None = None  # ISO instant in UTC of the next round, when none is open
    id: int | None = None  # the round's id (the open one, or the next)
    own_start: bool = False  # ``opens_at`` is the student's own minute of a staggered round
    outside: str | None = None  # a round open now, for other students only (its name)


@dataclass(frozen=True)
class Admission:
    """DOMAIN rule 2, as the access service found it."""

    rule_or_grant: bool
    revoked: bool
    status_allows: bool


@dataclass(frozen=True)
class Tokens:
    token_code: str
    balance: int
    payment_accepted: bool | None  # None: not asked yet (the explanation), so not a refusal
    price: str = ""


# --- the rules, one function each ----------------------------------------------------------------


def _round(registration: RegistrationFacts, round_: RoundFacts) -> list[Refusal]:
    if round_.open:
        return []
    params: dict[str, Any] = {"registration": registration.code}
    if round_.opens_at:
        params.update(round=round_.name, opens_at=round_.opens_at)
        if round_.own_start:
            params["own"] = True
    if round_.outside:
        return [Refusal(RefusalCode.NOT_IN_AUDIENCE, {**params, "open_round": round_.outside})]
    return [Refusal(RefusalCode.ROUND_NOT_OPEN, params)]


def _admission(registration: RegistrationFacts, admission: Admission) -> list[Refusal]:
    refusals = []
    if not admission.rule_or_grant:
        refusals.append(Refusal(RefusalCode.NO_ACCESS, {"registration": registration.code}))
    if admission.revoked:
        refusals.append(Refusal(RefusalCode.ACCESS_REVOKED, {"registration": registration.code}))
    if not admission.status_allows:
        refusals.append(Refusal(RefusalCode.PROGRAMME_STATUS, {"registration": registration.code}))
    return refusals


def _offered(registration: RegistrationFacts, group: GroupFacts) -> list[Refusal]:
    if group.course_id in registration.offered_course_ids and group.term_id == registration.term_id:
        return []
    return [Refusal(RefusalCode.NOT_OFFERED, {**group.params(), "registration": registration.code})]


def _open(group: GroupFacts) -> list[Refusal]:
    return [Refusal(RefusalCode.GROUP_CLOSED, group.params())] if group.closed else []


def _same_slot(group: GroupFacts, held: Iterable[Held]) -> list[Refusal]:
    same = next((h for h in held if h.group.slot == group.slot), None)
    if same is None:
        return []
    return [Refusal(RefusalCode.SAME_SLOT, same.group.params())]


def _clash(group: GroupFacts, held: Iterable[Held], *, check: bool = True) -> list[Refusal]:
    """Each group the student holds whose weekly slots overlap the group's, with the first overlap."""
    if not check or not group.slots:
        return []
    refusals = []
    for h in held:
        if h.group.id == group.id:
            continue
        overlap = next((o for mine in group.slots for theirs in h.group.slots if (o := mine.overlap(theirs))), None)
        if overlap is not None:
            refusals.append(Refusal(RefusalCode.TIMETABLE_CLASH, {**group.params(), **h.group.params("other_"),
                                                                  **overlap.params()}))
    return refusals


def _selection_limit(registration: RegistrationFacts, group: GroupFacts, held: Iterable[Held]) -> list[Refusal]:
    return _selection_limit_of(registration, group.course_id, held)


def _tokens(tokens: Tokens | None) -> list[Refusal]:
    if tokens is None or tokens.balance > 0 or tokens.payment_accepted is not False:
        return []
    return [Refusal(RefusalCode.NO_TOKENS, {"token": tokens.token_code, "price": tokens.price})]


def _places(group: GroupFacts, seeker: Seeker, *, over_limit: bool = False) -> list[Refusal]:
    """A seat the student may take: none when the group is full, or when its free seats are all dedicated to
    students the student is not one of."""
    if over_limit or group.seat_for(seeker) is not None:
        return []
    if group.full:
        return [Refusal(RefusalCode.FULL, {**group.params(), "enrolled": group.enrolled, "limit": group.seat_limit})]
    return [dedicated(group)]


def dedicated(group: GroupFacts) -> Refusal:
    """The group's free seats are all kept for others: how many, and for whom (the first share with a free seat)."""
    share = next((s for s in group.reserved if s.free > 0), None)
    return Refusal(RefusalCode.DEDICATED, {**group.params(), "free": group.seat_limit - group.enrolled,
                                           **(share.params() if share is not None else {})})


def full(group: GroupFacts, enrolled: int, limit: int) -> Refusal:
    """The refusal when the seat take itself finds the group full (the database's last word)."""
    return Refusal(RefusalCode.FULL, {**group.params(), "enrolled": enrolled, "limit": limit})


# --- the changes ---------------------------------------------------------------------------------


def enroll_at_desk(group: GroupFacts, held: Iterable[Held], *, registration: RegistrationFacts | None = None,
                   over_limit: bool = False, despite_clash: bool = False,
                   seeker: Seeker = NOBODY_IN_PARTICULAR) -> tuple[Refusal, ...]:
    """A clerk enrolls a student (rounds and access are the portal's conditions, not the desk's); over a full
    group's limit, or despite a timetable clash, only when the clerk says so (the service records it)."""
    held = tuple(held)
    clash_check = not despite_clash and (registration is None or registration.clash_check)
    refusals = _open(group) + _same_slot(group, held) + _clash(group, held, check=clash_check)
    if registration is not None:
        refusals += _offered(registration, group) + _selection_limit(registration, group, held)
    return in_reading_order(refusals + _places(group, seeker, over_limit=over_limit))


def move(source: Held, target: GroupFacts, held: Iterable[Held], *, over_limit: bool = False,
         clash_check: bool = True, seeker: Seeker = NOBODY_IN_PARTICULAR) -> tuple[Refusal, ...]:
    """A clerk moves a student from one group to another of the same course, term and class type (``clash_check``
    False: the clerk moves despite a timetable clash, or the enrollment's registration does not check)."""
    if target.id == source.group.id:
        return (Refusal(RefusalCode.SAME_GROUP, target.params()),)
    if (target.course_id, target.term_id) != (source.group.course_id, source.group.term_id):
        return (Refusal(RefusalCode.OTHER_COURSE, {**source.group.params("from_"), **target.params()}),)
    refusals = _open(target)
    if str(target.class_type) != str(source.group.class_type):
        refusals.append(Refusal(RefusalCode.OTHER_CLASS_TYPE, {**source.group.params("from_"), **target.params()}))
    else:
        staying = [h for h in held if h.enrollment_id != source.enrollment_id]
        refusals += _same_slot(target, staying) + _clash(target, staying, check=clash_check)
    return in_reading_order(refusals + _places(target, seeker, over_limit=over_limit))


def register_first_come(group: GroupFacts, held: Iterable[Held], registration: RegistrationFacts, round_: RoundFacts,
                        admission: Admission, seeker: Seeker = NOBODY_IN_PARTICULAR) -> tuple[Refusal, ...]:
    """A student registers on the portal in a round of a first-come registration."""
    held = tuple(held)
    refusals = [Refusal(RefusalCode.TOKEN_REGISTRATION, {"registration": registration.code})] if registration.token else []
    refusals += (_round(registration, round_) + _admission(registration, admission) + _offered(registration, group)
                 + _open(group) + _same_slot(group, held) + _clash(group, held, check=registration.clash_check)
                 + _selection_limit(registration, group, held) + _places(group, seeker))
    return in_reading_order(refusals)


def unregister_first_come(registration: RegistrationFacts, round_: RoundFacts, enrolled: bool) -> tuple[Refusal, ...]:
    """A student unregisters on the portal, where the open round allows it."""
    refusals = _round(registration, round_)
    if round_.open and not round_.unregister_allowed:
        refusals.append(Refusal(RefusalCode.UNREGISTER_NOT_ALLOWED, {"round": round_.name}))
    if not enrolled:
        refusals.append(Refusal(RefusalCode.NOT_ENROLLED, {}))
    return in_reading_order(refusals)


def submit_token_request(registration: RegistrationFacts, round_: RoundFacts, *, register: bool,
                         admission: Admission | None = None, group: GroupFacts | None = None,
                         held: Iterable[Held] = ()) -> tuple[Refusal, ...]:
    """A student puts a request in the basket: a token registration with a round open; to register, admitted,
    and the group clear of the groups the student holds in the term."""
    if not registration.token:
        return (Refusal(RefusalCode.NOT_TOKEN_REGISTRATION, {"registration": registration.code}),)
    refusals = _round(registration, round_)
    if register:
        if admission is not None:
            refusals += _admission(registration, admission)
        if group is not None:
            refusals += _offered(registration, group) + _open(group) + _clash(group, held, check=registration.clash_check)
    return in_reading_order(refusals)


def resolve_token_register(group: GroupFacts, held: Iterable[Held], registration: RegistrationFacts,
                           tokens: Tokens, seeker: Seeker = NOBODY_IN_PARTICULAR) -> tuple[Refusal, ...]:
    """A register request at a break. No seat for the student alone means the request waits for one; anything
    else refuses it."""
    held = tuple(held)
    return in_reading_order(_open(group) + _same_slot(group, held) + _clash(group, held, check=registration.clash_check)
                            + _selection_limit(registration, group, held) + _tokens(tokens) + _places(group, seeker))


def resolve_token_unregister(round_: RoundFacts, enrolled: bool) -> tuple[Refusal, ...]:
    """An unregister request at a break: where the request's round allows it, and only from a group held."""
    refusals = []
    if not round_.unregister_allowed:
        refusals.append(Refusal(RefusalCode.UNREGISTER_NOT_ALLOWED, {"round": round_.name}))
    if not enrolled:
        refusals.append(Refusal(RefusalCode.NOT_ENROLLED, {}))
    return in_reading_order(refusals)


def registration_ended(registration: RegistrationFacts) -> Refusal:
    """What a request still unmet when the registration ends is refused with."""
    return Refusal(RefusalCode.REGISTRATION_ENDED, {"registration": registration.code})


def only_waiting(refusals: Iterable[Refusal]) -> bool:
    """A token request refused by nothing but a group with no seat for the student waits for the next break."""
    refusals = tuple(refusals)
    return bool(refusals) and all(r.code in _WAITS for r in refusals)


def explain(registration: RegistrationFacts, round_: RoundFacts, admission: Admission, held: Iterable[Held], *,
            group: GroupFacts | None = None, course_id: int | None = None, places: tuple[int, int] | None = None,
            tokens: Tokens | None = None, seeker: Seeker = NOBODY_IN_PARTICULAR) -> tuple[Refusal, ...]:
    """"Why can't this student register?": what the portal's path (first come, or a token request) would refuse.

    With a group, every rule the registering paths apply to it; with only a course (or nothing), the
    rules that need no group, and ``places`` (groups with a place, all groups) of the course (or of
    the registration). Tokens refuse only once the student has said no to paying.
    """
    held = tuple(held)
    refusals = _round(registration, round_) + _admission(registration, admission)
    if group is not None:
        refusals += (_offered(registration, group) + _open(group) + _same_slot(group, held)
                     + _selection_limit(registration, group, held))
        refusals += _clash(group, held, check=registration.clash_check) + _places(group, seeker)
    else:
        if course_id is not None and course_id not in registration.offered_course_ids:
            refusals.append(Refusal(RefusalCode.NOT_OFFERED, {"registration": registration.code}))
        refusals += _selection_limit_of(registration, course_id, held)
        if places is not None:
            refusals += places_among(*places)
    if registration.token:
        refusals += _tokens(tokens)
    return in_reading_order(refusals)


def places_among(open_groups: int, all_groups: int) -> list[Refusal]:
    """Without a group in mind: refused when no group has a place (or there is no group at all)."""
    if open_groups > 0:
        return []
    return [Refusal(RefusalCode.FULL, {"groups": all_groups})]


def _selection_limit_of(registration: RegistrationFacts, course_id: int | None, held: Iterable[Held]) -> list[Refusal]:
    """Without a group in mind: refused when every course the limit allows is taken (and not by this course)."""
    if registration.selection_limit is None:
        return []
    courses = {h.group.course_id for h in held if h.registration_id == registration.id}
    if course_id in courses or len(courses) < registration.selection_limit:
        return []
    return [Refusal(RefusalCode.SELECTION_LIMIT, {"limit": registration.selection_limit, "taken": len(courses)})]
