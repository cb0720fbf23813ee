from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone

from industriedialog.regions.models import District, State
from industriedialog.registry.models import (
    ContactPerson,
    Initiative,
    Membership,
    Organisation,
    Representation,
)
from industriedialog.registry.services import initiative_refresh_search_text
from industriedialog.registry.vocabularies import ConsentMethod, Level, OrganisationKind, Status


def state(code: str = "TH") -> State:
    """A state from the reference data; tests load it with the ``regions`` fixture."""
    return State.objects.get(code=code)


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ("code",)

    code = "TH"
    ags = "16"
    nuts1 = "DEG"
    name = "Thüringen"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("ags",)

    ags = factory.Sequence(lambda n: f"16{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Landkreis {n}")
    kind = District.Kind.RURAL
    state = factory.SubFactory(StateFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.COMPANY


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Industrieinitiative {n}")
    slug = factory.Sequence(lambda n: f"industrieinitiative-{n}")
    level = Level.REGION
    status = Status.ACTIVE
    founded_year = 2016

    @factory.post_generation
    def states(self, create: bool, extracted: list[State] | None, **kwargs: Any) -> None:
        if create:
            self.states.set(extracted if extracted is not None else [StateFactory()])

    @factory.post_generation
    def search(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            initiative_refresh_search_text(self)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    initiative = factory.SubFactory(InitiativeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "member"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    initiative = factory.SubFactory(InitiativeFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    function = "Geschäftsführung"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")

    class Params:
        consented = factory.Trait(
            consent_given_at=factory.LazyFunction(timezone.now),
            consent_method=ConsentMethod.EMAIL,
        )


def tripartite_initiative(**kwargs: Any) -> Initiative:
    """An initiative with a company, a union and a ministry as members."""
    initiative = InitiativeFactory(**kwargs)
    for kind in (OrganisationKind.COMPANY, OrganisationKind.UNION, OrganisationKind.MINISTRY):
        MembershipFactory(initiative=initiative, organisation=OrganisationFactory(kind=kind))
    initiative_refresh_search_text(initiative)
    return initiative


# Self-service: representatives and signed-in staff -----------------------------------------


class RepresentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representation

    user = factory.SubFactory("industriedialog.accounts.tests.factories.UserFactory")
    initiative = factory.SubFactory(InitiativeFactory)
    message = "Leitung der Geschäftsstelle"

    class Params:
        approved = factory.Trait(
            state=Representation.State.APPROVED, decided_at=factory.LazyFunction(timezone.now)
        )


def representative_of(initiative: Initiative, **user_kwargs: Any) -> Any:
    """A user with the representative role and an approved claim on ``initiative``."""
    from industriedialog.accounts.tests.factories import representative_user

    user = representative_user(**user_kwargs)
    RepresentationFactory(user=user, initiative=initiative, approved=True)
    return user


def staff_login(client: Any, user: Any = None) -> Any:
    """Sign ``client`` in as a staff member (default: a new advisor) past the second factor."""
    from industriedialog.accounts.tests.factories import login_with_second_factor, staff_user

    return login_with_second_factor(client, user or staff_user())
