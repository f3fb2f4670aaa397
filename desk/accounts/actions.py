"""What is recorded about login accounts: linking, unlinking and templates, and the reasons the system gives."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.changes import Action, Description, Shown
from desk.i18n import translate
from desk.messages import define
from desk.model import PersonCategory

# The reason a login made with a new student number is recorded with, unless the clerk gives one.
MADE_AT_ADMISSION = define("login.made_at_admission", "Accounts", QT_TRANSLATE_NOOP("Accounts", "made at admission"))


def _category(value: str) -> str:
    try:
        category = PersonCategory(value)
    except ValueError:
        return value
    return {
        PersonCategory.STUDENT: translate("Labels", "student"),
        PersonCategory.PHD_STUDENT: translate("Labels", "PhD student"),
        PersonCategory.STAFF: translate("Labels", "staff"),
    }[category]


class LoginAction(Action):
    """What is done to login accounts and their templates."""

    LINK = "login.link"  # an existing login linked to a person
    CREATE = "login.create"  # a new login, linked
    UNLINK = "login.unlink"
    DELETE = "login.delete"  # unlinked and removed: an address made by mistake
    TEMPLATE_SET = "login_template.set"

    def describe(self, shown: Shown) -> Description:
        if self is LoginAction.TEMPLATE_SET:
            return Description(translate("History", "Login template for %1 set")
                               .replace("%1", _category(str(shown.after.get("category", "")))), frozenset({"category"}))
        email = str(shown.after.get("email") or shown.before.get("email") or "")
        words = {
            LoginAction.LINK: translate("History", "Login %1 linked"),
            LoginAction.CREATE: translate("History", "Login %1 created and linked"),
            LoginAction.UNLINK: translate("History", "Login %1 unlinked"),
            LoginAction.DELETE: translate("History", "Login %1 removed"),
        }[self]
        return Description(words.replace("%1", email), frozenset({"email"}))
