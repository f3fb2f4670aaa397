"""Login addresses: what makes one well formed, its domain, and the key that finds near duplicates."""

from __future__ import annotations

import re

from desk.errors import DomainError
from desk.i18n import translate
from desk.text import fold

_SPACE = re.compile(r"\s")
_LOCAL = re.compile(r"^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?$")
DOMAIN_PATTERN = re.compile(r"^(?=.{4,200}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


def address_problem(email: str) -> str | None:
    """Why ``email`` is not a usable login address, in words; None when it is one."""
    text = (email or "").strip()
    if not text:
        return translate("Accounts", "the address is empty")
    if _SPACE.search(text):
        return translate("Accounts", "it contains a space")
    if text.count("@") != 1:
        return translate("Accounts", "it needs exactly one @")
    if not text.isascii():
        return translate("Accounts", "it contains letters outside a–z (Polish letters are not used in logins)")
    local, domain = text.lower().split("@")
    if not local or len(local) > 64 or not _LOCAL.match(local) or ".." in local:
        return translate("Accounts", "the part before @ is empty or has characters a login cannot have")
    if not DOMAIN_PATTERN.match(domain):
        return translate("Accounts", "the part after @ is not a domain such as student.uni.opole.pl")
    return None


def check_address(email: str) -> str:
    """The address in lower case, or a DomainError naming what is wrong with it."""
    problem = address_problem(email)
    if problem is not None:
        raise DomainError(
            translate("Accounts", "%1 is not a valid login address: %2.").replace("%1", (email or "").strip() or "“”")
            .replace("%2", problem)
        )
    return email.strip().lower()


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def near_duplicate_key(email: str) -> str:
    """The form two addresses share when they differ only in case, dots before @ or Polish letters."""
    text = fold(email).replace(" ", "")
    local, _, domain = text.partition("@")
    return local.replace(".", "") + "@" + domain


def malformed_text(email: str, problem: str) -> str:
    return translate("Accounts", "%1 is not a valid login address: %2.").replace("%1", email).replace("%2", problem)
