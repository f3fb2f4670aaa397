"""Every kind of record a file can bring, by its code, in the order a new university imports them."""

from __future__ import annotations

from functools import cache

from desk.errors import DomainError
from desk.i18n import translate
from desk.imports.kind import Kind


@cache
def kinds() -> tuple[Kind, ...]:
    from desk.imports import people, registrations, teaching, tokens

    return (
        teaching.UnitsKind(), teaching.TermsKind(), teaching.ProgrammesKind(), tokens.TokenTypesKind(),
        tokens.TokenRulesKind(), people.StudentsKind(), people.StaffKind(), people.LoginsKind(), teaching.CoursesKind(),
        teaching.GroupsKind(), teaching.SlotsKind(), registrations.RegistrationsKind(), registrations.RoundsKind(),
        registrations.OfferedCoursesKind(), registrations.AccessRulesKind(), tokens.TokenBalancesKind(),
        registrations.EnrollmentsKind(),
    )


def kind_named(code: str) -> Kind:
    for kind in kinds():
        if kind.code == code:
            return kind
    raise DomainError(translate("Import", "There is no kind of record %1 to import; the kinds are: %2.")
                      .replace("%1", str(code)[:40]).replace("%2", ", ".join(k.code for k in kinds())))
