"""Roles and the permission table: each role can do what the ones below it can, a visitor
is a viewer unless the deployment requires sign-in."""

import pytest

from ikm_data import access
from ikm_data.errors import AccessError

MATRIX = {  # action: (visitor, viewer, uploader, admin)
    "view": (True, True, True, True), "export": (True, True, True, True),
    "upload": (False, False, True, True), "commit": (False, False, True, True),
    "rollback": (False, False, True, True), "remove_sample": (False, False, True, True),
    "remove_phase": (False, False, True, True), "repair": (False, False, True, True),
    "reveal": (False, False, False, True), "audit": (False, False, False, True),
    "accounts": (False, False, False, True),
}


@pytest.mark.parametrize("action", sorted(MATRIX))
def test_the_permission_table(action, monkeypatch):
    monkeypatch.setenv("IKM_REQUIRE_SIGN_IN", "0")
    assert tuple(access.can(role, action) for role in (None, *access.ROLES)) == MATRIX[action]


def test_requiring_sign_in_takes_everything_from_a_visitor_only(monkeypatch):
    monkeypatch.setenv("IKM_REQUIRE_SIGN_IN", "1")
    assert not any(access.can(None, action) for action in access.PERMISSIONS)
    assert access.can("viewer", "view") and not access.can("viewer", "upload")


def test_unknown_roles_and_actions_fail_loudly():
    with pytest.raises(KeyError):
        access.can("viewer", "fly")
    with pytest.raises(KeyError):
        access.can("boss", "view")
    with pytest.raises(AccessError):
        access.check_role("boss")
