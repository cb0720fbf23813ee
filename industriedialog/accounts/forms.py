from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth calls ``signup``)."""

    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    accept_privacy = forms.BooleanField(
        label=_(
            "Ich habe die Datenschutzerklärung gelesen und stimme der Verarbeitung meiner "
            "Angaben für mein Benutzerkonto zu."
        ),
        error_messages={"required": _("Ohne diese Zustimmung können wir kein Konto anlegen.")},
    )

    def signup(self, request: HttpRequest, user: User) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "organisation_name", "language"]
        labels = {"first_name": _("Vorname"), "last_name": _("Nachname")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
