"""The public subscription form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from industriedialog.knowledge.models import Topic

CONSENT_TEXT = _(
    "Ich möchte den Newsletter der Servicestelle Industriedialog per E-Mail erhalten. Meine "
    "E-Mail-Adresse, die gewählten Themen und diese Einwilligung werden nur dafür gespeichert. "
    "Ich kann die Einwilligung jederzeit widerrufen, zum Beispiel über den Abmeldelink in "
    "jeder Ausgabe."
)


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen"),
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keine Auswahl: Sie erhalten alle Ausgaben."),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir Ihnen den Newsletter nicht senden.")
        },
    )


class ConfirmForm(forms.Form):
    """An empty form: confirming and unsubscribing need a button press, not a link prefetch."""
