from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "industriedialog.accounts"
    label = "accounts"
    verbose_name = _("Konten und Rollen")

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from .services import second_factor_record

        def _record(sender, request, user, authenticator, **kwargs):  # type: ignore[no-untyped-def]
            # The user just entered a valid code to activate TOTP: this session passed it.
            second_factor_record(request=request, user=user, kind=authenticator.type)

        authenticator_added.connect(_record, dispatch_uid="accounts.second_factor_record")
        post_migrate.connect(_ensure_role_groups, dispatch_uid="accounts.ensure_role_groups")


def _ensure_role_groups(sender, **kwargs):  # type: ignore[no-untyped-def]
    # After the last app has migrated, so every permission exists.
    if kwargs.get("app_config") is None or kwargs["app_config"].label != "wagtailcore":
        return
    from .services import roles_ensure_groups

    roles_ensure_groups()
