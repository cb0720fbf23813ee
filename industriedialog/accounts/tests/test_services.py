import pytest
from django.contrib.auth.models import Group

from industriedialog.accounts.roles import GROUP_NAMES, Role
from industriedialog.accounts.selectors import user_roles
from industriedialog.accounts.services import user_set_roles
from industriedialog.common.models import AuditLogEntry

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_has_its_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(GROUP_NAMES.values())


def test_staff_groups_may_open_the_back_office():
    advisor = Group.objects.get(name=GROUP_NAMES[Role.ADVISOR])
    assert advisor.permissions.filter(codename="access_admin").exists()
    rep = Group.objects.get(name=GROUP_NAMES[Role.REPRESENTATIVE])
    assert not rep.permissions.filter(codename="access_admin").exists()


def test_setting_roles_replaces_them_and_writes_the_audit_log():
    admin = UserFactory(is_superuser=True)
    user = UserFactory(roles=[Role.REPRESENTATIVE])
    user_set_roles(user=user, roles=[Role.JURY, Role.ADVISOR], actor=admin)
    assert user_roles(user) == [Role.ADVISOR, Role.JURY]
    entry = AuditLogEntry.objects.filter(action="accounts.roles_changed").latest("id")
    assert entry.actor == admin
    assert entry.data == {"before": ["representative"], "after": ["advisor", "jury"]}
