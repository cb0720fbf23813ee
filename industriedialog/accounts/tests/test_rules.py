import pytest

from industriedialog.accounts.permissions import can
from industriedialog.accounts.roles import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("roles", "superuser", "expected"),
    [
        ([Role.ADVISOR], False, True),
        ([Role.EDITOR], False, True),
        ([Role.ANALYST], False, True),
        ([], True, True),
        ([Role.REPRESENTATIVE], False, False),
        ([Role.JURY], False, False),
        ([Role.MINISTRY], False, False),
        ([Role.ADVISORY_BOARD], False, False),
        ([], False, False),
    ],
)
def test_only_staff_and_admins_may_enter_the_staff_area(roles, superuser, expected):
    user = UserFactory(roles=roles, is_superuser=superuser)
    assert can(user, "accounts.access_staff_area") is expected


def test_ministry_and_advisory_board_may_read_reports_but_not_enter_staff_area():
    for role in (Role.MINISTRY, Role.ADVISORY_BOARD):
        user = UserFactory(roles=[role])
        assert can(user, "accounts.view_reports")
        assert not can(user, "accounts.access_staff_area")


def test_deactivated_staff_member_loses_access():
    user = UserFactory(roles=[Role.ADVISOR], is_active=False)
    assert not can(user, "accounts.access_staff_area")


def test_profile_may_be_changed_by_its_owner_and_admins_only():
    owner, other = UserFactory(), UserFactory(roles=[Role.ADVISOR])
    admin = UserFactory(is_superuser=True)
    assert can(owner, "accounts.change_profile", owner)
    assert not can(other, "accounts.change_profile", owner)
    assert can(admin, "accounts.change_profile", owner)


def test_anonymous_visitor_may_do_nothing_protected():
    assert not can(None, "accounts.access_staff_area")
    assert not can(None, "accounts.view_reports")


def test_only_admins_manage_roles():
    assert can(UserFactory(is_superuser=True), "accounts.manage_roles")
    assert not can(UserFactory(roles=[Role.ADVISOR]), "accounts.manage_roles")
