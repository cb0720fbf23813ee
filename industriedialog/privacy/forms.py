from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PersonForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse der Person"),
        help_text=_(
            "Die Suche findet Konten, Ansprechpersonen, Anmeldungen, Abonnements und "
            "Umfrage-Einladungen mit genau dieser Adresse."
        ),
        max_length=254,
    )
    reason = forms.CharField(
        label=_("Anlass / Vermerk"),
        help_text=_("z. B. „Auskunftsersuchen per E-Mail vom 3. März“ (erscheint im Protokoll)"),
        max_length=255,
        required=False,
    )


class EraseForm(PersonForm):
    confirm = forms.CharField(
        label=_("Zur Bestätigung die E-Mail-Adresse noch einmal eingeben"),
        max_length=254,
    )

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        email, confirm = data.get("email"), data.get("confirm")
        if email and (confirm or "").strip().lower() != email.strip().lower():
            self.add_error(
                "confirm",
                _("Die Bestätigung stimmt nicht mit der E-Mail-Adresse überein."),
            )
        return data
