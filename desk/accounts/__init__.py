"""Login accounts: templates, the state of a login in plain words, linking, the worklist and bulk linking from a file.

One module per part: ``actions`` (what is recorded), ``addresses`` (well-formed addresses), ``templates``
(login templates and generated addresses), ``persons`` (what the parts share), ``linking`` (link, unlink,
the login made at admission), ``state`` (what the portal makes of a login, in plain words), ``worklist``
and ``bulk_link`` (the mail system's file). The names the rest of the desk uses are re-exported here.
"""

from __future__ import annotations

from desk.accounts.actions import MADE_AT_ADMISSION, LoginAction
from desk.accounts.addresses import address_problem, check_address, domain_of, near_duplicate_key
from desk.accounts.templates import (
    PLACEHOLDERS,
    TemplateLine,
    category_label,
    render_template,
    list_templates,
    set_template,
    generate_login,
)
from desk.accounts.persons import OUTBOX_ENTITY, PersonFacts
from desk.accounts.linking import LinkResult, link_login, unlink_login, create_login_for, create_login_at_admission
from desk.accounts.state import (
    AccountState,
    state_label,
    PORTAL_MESSAGE,
    portal_message,
    LoginFacts,
    AccountReport,
    account_state,
)
from desk.accounts.worklist import (
    DEFAULT_WORKLIST_LIMIT,
    CURRENT_STATUSES,
    WorkKind,
    work_kind_label,
    WorkItem,
    Worklist,
    worklist,
)
from desk.accounts.bulk_link import (
    MAX_FILE_BYTES,
    MAX_FILE_ROWS,
    LineOutcome,
    ERROR_OUTCOMES,
    outcome_label,
    BulkLine,
    BulkPreview,
    BulkResult,
    read_link_file,
    preview_bulk_link,
    apply_bulk_link,
)

__all__ = [
    "AccountReport",
    "AccountState",
    "BulkLine",
    "BulkPreview",
    "BulkResult",
    "CURRENT_STATUSES",
    "DEFAULT_WORKLIST_LIMIT",
    "ERROR_OUTCOMES",
    "LineOutcome",
    "LinkResult",
    "LoginAction",
    "LoginFacts",
    "MAX_FILE_BYTES",
    "MADE_AT_ADMISSION",
    "MAX_FILE_ROWS",
    "OUTBOX_ENTITY",
    "PLACEHOLDERS",
    "PORTAL_MESSAGE",
    "PersonFacts",
    "TemplateLine",
    "WorkItem",
    "WorkKind",
    "Worklist",
    "account_state",
    "address_problem",
    "apply_bulk_link",
    "category_label",
    "check_address",
    "create_login_at_admission",
    "create_login_for",
    "domain_of",
    "generate_login",
    "link_login",
    "list_templates",
    "near_duplicate_key",
    "outcome_label",
    "portal_message",
    "preview_bulk_link",
    "read_link_file",
    "render_template",
    "set_template",
    "state_label",
    "unlink_login",
    "work_kind_label",
    "worklist",
]
