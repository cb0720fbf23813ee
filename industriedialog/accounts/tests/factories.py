from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from industriedialog.accounts.models import User
from industriedialog.accounts.roles import Role
from industriedialog.accounts.services import user_set_roles

PASSWORD = "korrekt-Pferd-Batterie-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[Role] | None, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            user_set_roles(user=self, roles=extracted)

    @factory.post_generation
    def verified_email(self, create: bool, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def staff_user(**kwargs) -> User:  # type: ignore[no-untyped-def]
    return UserFactory(roles=[Role.ADVISOR], **kwargs)


def representative_user(**kwargs) -> User:  # type: ignore[no-untyped-def]
    return UserFactory(roles=[Role.REPRESENTATIVE], **kwargs)


def login_with_second_factor(client, user: User) -> User:  # type: ignore[no-untyped-def]
    """Sign ``user`` in with a session that has passed the second factor, as the middleware
    demands of staff. Skips the login form (tested in test_login), so the many staff tests
    do not trip the login rate limit."""
    from django.test import RequestFactory

    from industriedialog.accounts.services import second_factor_record

    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    second_factor_record(request=request, user=user, kind="totp")
    session.save()
    return user
