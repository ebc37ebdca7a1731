"""Who may do what: the roles (viewer < uploader < admin) and one permission table that
the pages and the command line both ask (``can(role, action)``)."""

from __future__ import annotations

from ikm_data.settings import setting

ROLES = ("viewer", "uploader", "admin")  # each can do what the ones before it can

# the least role an action needs
PERMISSIONS = {
    "view": "viewer",  # every chart and the masked directory (a visitor too, unless sign-in is required)
    "export": "viewer",  # page downloads, decks (personal data left out)
    "upload": "uploader",  # check a file on Unggah Data
    "commit": "uploader",
    "rollback": "uploader",
    "remove_phase": "uploader",
    "remove_sample": "uploader",
    "repair": "uploader",
    "reveal": "admin",  # one record's NIK, phone and owner
    "audit": "admin",  # the audit log page
    "accounts": "admin",
}


def rank(role: str | None) -> int:
    """0 for no role (a visitor who has not signed in), 1 viewer, 2 uploader, 3 admin.

    Raises KeyError for a role that does not exist."""
    return 0 if role is None else ROLES.index(role) + 1 if role in ROLES else _unknown(role)


def _unknown(role: str) -> int:
    raise KeyError(f"unknown role {role!r}")


def require_sign_in() -> bool:
    """Whether the deployment requires sign-in even to view (``IKM_REQUIRE_SIGN_IN=1``)."""
    return setting("IKM_REQUIRE_SIGN_IN").strip().lower() in ("1", "true", "yes", "ya")


def can(role: str | None, action: str) -> bool:
    """Whether ``role`` (None: a visitor who has not signed in) may do ``action`` (a key of
    ``PERMISSIONS``). A visitor counts as a viewer unless sign-in is required.

    Raises KeyError for an unknown action or role."""
    needed = rank(PERMISSIONS[action])
    have = rank(role)
    if role is None and not require_sign_in():
        have = rank("viewer")
    return have >= needed


def check_role(role: str) -> str:
    """``role`` when it is one of ``ROLES``; AccessError (exit 2) otherwise."""
    from ikm_data.errors import AccessError

    if role not in ROLES:
        raise AccessError.from_key("access.role.unknown", role=role, roles=", ".join(ROLES))
    return role
