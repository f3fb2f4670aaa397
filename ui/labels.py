"""Clerk-facing names of the domain's values (statuses, levels, modes, class types), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk.labels import class_type_label
from desk.model import (
    ClassType,
    EnrollmentSource,
    EnrollmentStatus,
    Level,
    PaymentStatus,
    PersonCategory,
    ProgrammeStatus,
    RegistrationKind,
    RoundStatus,
    StudyMode,
)
from ui import theme


def programme_status(status: ProgrammeStatus | None) -> str:
    if status is None:
        return ""
    return {
        ProgrammeStatus.ACTIVE: QCoreApplication.translate("Labels", "active"),
        ProgrammeStatus.ON_LEAVE: QCoreApplication.translate("Labels", "on leave"),
        ProgrammeStatus.SUSPENDED: QCoreApplication.translate("Labels", "suspended"),
        ProgrammeStatus.REMOVED: QCoreApplication.translate("Labels", "removed"),
        ProgrammeStatus.GRADUATED: QCoreApplication.translate("Labels", "graduated"),
    }[status]


# Colours that read on the theme's background (light or dark) and keep their meaning for
# colour-blind clerks, because the status is always written out too. They follow the theme (ui/theme.py).
STATUS_COLOURS = {
    ProgrammeStatus.ACTIVE: theme.live("ok"),
    ProgrammeStatus.ON_LEAVE: theme.live("waiting"),
    ProgrammeStatus.SUSPENDED: theme.live("problem"),
    ProgrammeStatus.REMOVED: theme.live("problem"),
    ProgrammeStatus.GRADUATED: theme.live("muted"),
}


def level(value: Level) -> str:
    return {
        Level.FIRST_CYCLE: QCoreApplication.translate("Labels", "first cycle"),
        Level.SECOND_CYCLE: QCoreApplication.translate("Labels", "second cycle"),
        Level.LONG_CYCLE: QCoreApplication.translate("Labels", "long cycle"),
        Level.DOCTORAL: QCoreApplication.translate("Labels", "doctoral"),
    }[value]


def mode(value: StudyMode) -> str:
    return {
        StudyMode.FULL_TIME: QCoreApplication.translate("Labels", "full-time"),
        StudyMode.PART_TIME: QCoreApplication.translate("Labels", "part-time"),
    }[value]


def class_type(value: ClassType | str) -> str:
    return class_type_label(value)  # the desk's words for it, also in its stored messages


def category(value: PersonCategory) -> str:
    return {
        PersonCategory.STUDENT: QCoreApplication.translate("Labels", "student"),
        PersonCategory.PHD_STUDENT: QCoreApplication.translate("Labels", "PhD student"),
        PersonCategory.STAFF: QCoreApplication.translate("Labels", "staff"),
    }[value]


def enrollment_status(value: EnrollmentStatus) -> str:
    return {
        EnrollmentStatus.ACCEPTED: QCoreApplication.translate("Labels", "accepted"),
        EnrollmentStatus.CANCELLED: QCoreApplication.translate("Labels", "cancelled"),
    }[value]


def payment_status(value: PaymentStatus) -> str:
    return {
        PaymentStatus.DUE: QCoreApplication.translate("Labels", "due"),
        PaymentStatus.PAID: QCoreApplication.translate("Labels", "paid"),
        PaymentStatus.CANCELLED: QCoreApplication.translate("Labels", "cancelled"),
    }[value]


def round_status(value: RoundStatus | None) -> str:
    if value is None:
        return QCoreApplication.translate("Labels", "no rounds")
    return {
        RoundStatus.PREPARING: QCoreApplication.translate("Labels", "preparing"),
        RoundStatus.ACTIVE: QCoreApplication.translate("Labels", "active"),
        RoundStatus.CLOSED: QCoreApplication.translate("Labels", "closed"),
    }[value]


def registration_kind(value: RegistrationKind) -> str:
    return {
        RegistrationKind.DIRECT: QCoreApplication.translate("Labels", "first come, first served"),
        RegistrationKind.TOKEN: QCoreApplication.translate("Labels", "token"),
    }[value]


# The theme's colours with a meaning, kept in step with the theme (theme.colour("ok") reads the same).
OK_COLOUR = theme.live("ok")
PROBLEM_COLOUR = theme.live("problem")


def enrollment_source(value: EnrollmentSource) -> str:
    return {
        EnrollmentSource.PORTAL: QCoreApplication.translate("Labels", "portal"),
        EnrollmentSource.DESK: QCoreApplication.translate("Labels", "at the desk"),
        EnrollmentSource.TOKEN: QCoreApplication.translate("Labels", "token round"),
        EnrollmentSource.IMPORT: QCoreApplication.translate("Labels", "import"),
    }[value]
MUTED_COLOUR = theme.live("muted")
WAITING_COLOUR = theme.live("waiting")
