"""The portal database: the published contract between the desk and the student portal.

The desk is the authority. It fills the ``portal_*`` tables with what students see (by sync),
and reads back what students did from ``portal_actions``. Keys are the desk's own ids, so a
row on the portal always names the desk record it came from. docs/portal-contract.md describes
every table for the portal's developers.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
)

# Bumped when a table or column changes; the portal reads it from portal_sync_state. A desk opening
# a portal of an older contract creates the new tables, adds the new columns (always nullable) and
# publishes it whole.
CONTRACT_VERSION = "5"

# portal_sync_state keys: the portal is owed a whole publication (a new portal whose first one was
# never finished, a restored desk, a portal of an older contract).
FULL_OWED = "full_publication_owed"
# Which words portal_messages holds (a fingerprint of them): sent again when it differs.
MESSAGES_FINGERPRINT = "messages"

metadata = MetaData()


def _utc(name: str, **kw) -> Column:
    # Instants in UTC, without a zone, on both databases (as the desk stores them).
    return Column(name, DateTime(timezone=False), **kw)


persons = Table(
    "portal_persons", metadata,
    Column("person_id", Integer, primary_key=True),
    Column("first_name", String(100), nullable=False),
    Column("last_name", String(150), nullable=False),
    Column("category", String(20), nullable=False),
)

logins = Table(
    "portal_logins", metadata,
    Column("login_id", Integer, primary_key=True),
    Column("email", String(254), nullable=False),
    # What the portal's sign-in looks up: the address in lower case.
    Column("email_lower", String(254), nullable=False, index=True),
    Column("person_id", Integer),  # NULL: the login exists but is linked to nobody
)

students = Table(
    "portal_students", metadata,
    Column("student_id", Integer, primary_key=True),
    Column("person_id", Integer, nullable=False, index=True),
    Column("student_number", String(20), nullable=False),
)

student_programmes = Table(
    "portal_student_programmes", metadata,
    Column("student_programme_id", Integer, primary_key=True),
    Column("student_id", Integer, nullable=False, index=True),
    Column("programme_id", Integer, nullable=False),
    Column("programme_code", String(30), nullable=False),
    Column("level", String(20), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("stage", Integer, nullable=False),
    Column("status", String(20), nullable=False),
)

registrations = Table(
    "portal_registrations", metadata,
    Column("registration_id", Integer, primary_key=True),
    Column("code", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("unit_code", String(20), nullable=False),
    Column("term_code", String(20), nullable=False),
    Column("kind", String(10), nullable=False),  # direct, token
    Column("token_type_code", String(10)),
    Column("selection_limit", Integer),
    Column("entitled_only", Boolean, nullable=False),
    Column("message", Text),
    Column("clash_check", Boolean),  # groups whose timetable clashes with one the student holds are refused
    # Students may wish to swap a group for a sibling (portal_exchange_wishes), and join a full group's waiting list
    # (portal_waiting_entries); NULL only in a portal of an older contract not yet republished.
    Column("exchanges", Boolean),
    Column("waiting_lists", Boolean),
)

registration_courses = Table(
    "portal_registration_courses", metadata,
    Column("registration_id", Integer, primary_key=True),
    Column("course_id", Integer, primary_key=True),
)

rounds = Table(
    "portal_rounds", metadata,
    Column("round_id", Integer, primary_key=True),
    Column("registration_id", Integer, nullable=False, index=True),
    Column("name", String(200), nullable=False),
    _utc("starts_at", nullable=False),
    _utc("ends_at", nullable=False),
    Column("unregister_allowed", Boolean, nullable=False),
    Column("micro_round_minutes", Integer),
    Column("micro_break_minutes", Integer),
    # Its audience (docs/portal-contract.md, "Rounds for chosen students, and turns"): the students with a programme
    # matching these four (NULL: any; all four NULL and not listed: everyone the registration admits), or, when
    # audience_listed, those of portal_round_students.
    Column("audience_programme_id", Integer),
    Column("audience_level", String(20)),
    Column("audience_mode", String(20)),
    Column("audience_stage", Integer),
    Column("audience_listed", Boolean),  # NULL only in a portal of an older contract not yet republished
    # Set: the round opens in turns, each student at their own minute (portal_round_starts); one without a minute,
    # at this one (the last turn's).
    _utc("last_turn_at"),
)

# The students a round with audience_listed is for.
round_students = Table(
    "portal_round_students", metadata,
    Column("round_id", Integer, primary_key=True),
    Column("student_id", Integer, primary_key=True, index=True),
)

# Each student's own minute in a round that opens in turns, and which turn it is (1 the first).
round_starts = Table(
    "portal_round_starts", metadata,
    Column("round_id", Integer, primary_key=True),
    Column("student_id", Integer, primary_key=True, index=True),
    _utc("starts_at", nullable=False),
    Column("turn", Integer, nullable=False),
)

access_rules = Table(
    "portal_access_rules", metadata,
    Column("rule_id", Integer, primary_key=True),
    Column("registration_id", Integer, nullable=False, index=True),
    Column("programme_id", Integer),
    Column("level", String(20)),
    Column("mode", String(20)),
    Column("stage", Integer),
)

access_grants = Table(
    "portal_access_grants", metadata,
    Column("grant_id", Integer, primary_key=True),
    Column("registration_id", Integer, nullable=False),
    Column("student_id", Integer, nullable=False, index=True),
    Column("decision", String(10), nullable=False),  # grant, revoke
    _utc("valid_until"),
    Column("standing", Boolean, nullable=False),  # False once withdrawn at the desk
)

class_groups = Table(
    "portal_class_groups", metadata,
    Column("group_id", Integer, primary_key=True),
    Column("course_id", Integer, nullable=False, index=True),
    Column("course_code", String(40), nullable=False),
    Column("course_name", String(200), nullable=False),
    Column("term_code", String(20), nullable=False),
    Column("class_type", String(20), nullable=False),
    Column("number", Integer, nullable=False),
    Column("seat_limit", Integer, nullable=False),
    Column("enrolled_count", Integer, nullable=False),
    # The weekly slots, "weekday HH:MM-HH:MM" joined by "; " in weekday and start order (1 Monday ... 7 Sunday, the
    # institution's clock); NULL: no timetable (such a group clashes with nothing).
    Column("timetable", Text),
)

# A group's seats dedicated to some students (docs/portal-contract.md, "Dedicated seats"): to those with a
# programme matching programme_id, level, mode and stage (NULL: any), or, when listed, to those on its list.
seat_shares = Table(
    "portal_seat_shares", metadata,
    Column("share_id", Integer, primary_key=True),
    Column("group_id", Integer, nullable=False, index=True),
    Column("seats", Integer, nullable=False),
    Column("taken", Integer, nullable=False),  # its seats taken by its students
    Column("programme_id", Integer),
    Column("level", String(20)),
    Column("mode", String(20)),
    Column("stage", Integer),
    Column("listed", Boolean, nullable=False),  # for the students of portal_seat_share_students only
    # When it is released by itself (its free seats everyone's from then): the earlier of its own instant and the
    # start of the round it waits for; NULL: only a clerk releases it.
    _utc("release_at"),
    Column("released", Boolean, nullable=False),  # released by a clerk, or its release carried out by the desk
)

seat_share_students = Table(
    "portal_seat_share_students", metadata,
    Column("share_id", Integer, primary_key=True),
    Column("student_id", Integer, primary_key=True, index=True),
)

enrollments = Table(
    "portal_enrollments", metadata,
    Column("enrollment_id", Integer, primary_key=True),
    Column("student_id", Integer, nullable=False, index=True),
    Column("group_id", Integer, nullable=False),
    Column("registration_id", Integer),
    Column("status", String(20), nullable=False),  # accepted, cancelled
)

token_types = Table(
    "portal_token_types", metadata,
    Column("token_type_id", Integer, primary_key=True),
    Column("code", String(10), nullable=False),
    Column("name", String(100), nullable=False),
    Column("semester_price", Numeric(10, 2), nullable=False),
)

token_balances = Table(
    "portal_token_balances", metadata,
    Column("student_id", Integer, primary_key=True),
    Column("token_type_id", Integer, primary_key=True),
    Column("balance", Integer, nullable=False),
)

token_requests = Table(
    "portal_token_requests", metadata,
    Column("request_id", Integer, primary_key=True),
    Column("portal_key", String(100)),
    Column("student_id", Integer, nullable=False, index=True),
    Column("registration_id", Integer, nullable=False),
    Column("group_id", Integer, nullable=False),
    Column("action", String(20), nullable=False),
    Column("status", String(30), nullable=False),
    Column("resolution_reason", Text),  # words, for requests resolved before codes were kept
    # Why the request was resolved, or waits: a stable code (e.g. refusal.full) and its parameters as JSON text.
    Column("resolution_code", String(60)),
    Column("resolution_params", Text),
)

# A student's wish to leave a group they hold for one of its siblings (the same course, term and class type), carried
# out at an exchange break (docs/portal-contract.md, "Exchanges"): open, done, withdrawn or void, and why it waits or
# was closed, as a code and its parameters as JSON text.
exchange_wishes = Table(
    "portal_exchange_wishes", metadata,
    Column("wish_id", Integer, primary_key=True),
    Column("student_id", Integer, nullable=False, index=True),
    Column("registration_id", Integer, nullable=False),
    Column("from_group_id", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    _utc("created_at", nullable=False),
    _utc("closed_at"),
    Column("reason_code", String(60)),
    Column("reason_params", Text),
)

# The groups a wish would take, in the student's order of preference (1 first).
exchange_wish_targets = Table(
    "portal_exchange_wish_targets", metadata,
    Column("wish_id", Integer, primary_key=True),
    Column("group_id", Integer, primary_key=True),
    Column("preference", Integer, nullable=False),
)

# A student's place on a full group's waiting list (docs/portal-contract.md, "Waiting lists"): while waiting, their
# place among those waiting (1 the first); enrolled or removed, NULL. Why they were passed over (or why it closed): a
# code and its parameters as JSON text.
waiting_entries = Table(
    "portal_waiting_entries", metadata,
    Column("entry_id", Integer, primary_key=True),
    Column("registration_id", Integer, nullable=False),
    Column("group_id", Integer, nullable=False, index=True),
    Column("student_id", Integer, nullable=False, index=True),
    Column("place", Integer),
    Column("status", String(20), nullable=False),
    Column("reason_code", String(60)),
    Column("reason_params", Text),
)

payments = Table(
    "portal_payments", metadata,
    Column("payment_id", Integer, primary_key=True),
    Column("student_id", Integer, nullable=False, index=True),
    Column("amount", Numeric(10, 2), nullable=False),
    Column("status", String(20), nullable=False),
    Column("due_on", Date),
    Column("course_id", Integer),
)

# The words of every code a published row may carry (e.g. portal_token_requests.resolution_code),
# in Polish and English, with the row's parameters still to fill in: "{group}" is replaced by the
# parameter "group", "%n" by the parameter "n". Published again whenever the desk's words change.
messages = Table(
    "portal_messages", metadata,
    Column("code", String(60), primary_key=True),
    Column("text_pl", Text, nullable=False),
    Column("text_en", Text, nullable=False),
)

# --- written by the portal, read by the desk ---------------------------------------------------

actions = Table(
    "portal_actions", metadata,
    Column("action_id", Integer, primary_key=True, autoincrement=True),
    # Unique per action, made by the portal: the desk applies each key once.
    Column("action_key", String(100), nullable=False, unique=True),
    # register, unregister, token_request, token_unregister, token_withdraw, exchange_wish, exchange_withdraw,
    # waiting_join, waiting_leave
    Column("kind", String(30), nullable=False),
    Column("student_id", Integer, nullable=False),
    Column("registration_id", Integer, nullable=False),
    Column("group_id", Integer),
    Column("payment_accepted", Boolean, nullable=False, default=False),
    _utc("submitted_at", nullable=False),
    # Set by the desk once the action is applied (or kept as a conflict).
    _utc("read_at"),
    Column("outcome", String(20)),
    # Why the desk refused it or kept it as a conflict: a code worded in portal_messages, its parameters as JSON text.
    Column("reason_code", String(60)),
    Column("reason_params", Text),
    Index("ix_portal_actions_unread", "read_at", "action_id"),
)

# --- the sync's own bookkeeping ----------------------------------------------------------------

# The sync's checkpoint ("last_batch": the queue entries of the last batch written, as ids or as a span,
# in the same transaction as its rows; see desk.sync.checkpoint_condition), the contract version, and when the desk last sent.
sync_state = Table(
    "portal_sync_state", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

# Every table the desk publishes, in an order safe for a reader (no foreign keys are declared:
# the portal may load tables in any order, and rows keep the desk's ids).
PUBLISHED = (
    persons, logins, students, student_programmes, token_types, registrations, registration_courses, rounds,
    round_students, round_starts, access_rules, access_grants, class_groups, seat_shares, seat_share_students,
    enrollments, token_balances, token_requests, exchange_wishes, exchange_wish_targets, waiting_entries, payments,
)
