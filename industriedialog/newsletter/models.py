"""Newsletter: subscribers with double opt-in and consent records, issues composed by editors,
one delivery row per issue and subscriber (so a retried send never mails anyone twice)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin

from industriedialog.knowledge.models import Topic

from .admin_forms import IssueForm
from .blocks import FreeItemBlock


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> QuerySet[Subscriber]:
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """One e-mail address; the status follows its consent (pending → confirmed → withdrawn)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Bestätigung ausstehend")
        CONFIRMED = "confirmed", _("bestätigt")
        UNSUBSCRIBED = "unsubscribed", _("abgemeldet")

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    language = models.CharField(
        _("Sprache"), max_length=10, choices=settings.LANGUAGES, default="de"
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("Themen"),
        blank=True,
        related_name="+",
        help_text=_("Keine Auswahl: alle Themen."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Abonnentin / Abonnent")
        verbose_name_plural = _("Abonnentinnen und Abonnenten")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email


class ConsentRecord(models.Model):
    """What a subscriber agreed to or withdrew, when, and how it was confirmed (GDPR Art. 7)."""

    class Action(models.TextChoices):
        GIVEN = "given", _("Einwilligung erteilt (Formular)")
        CONFIRMED = "confirmed", _("Einwilligung bestätigt (Double-Opt-in)")
        WITHDRAWN = "withdrawn", _("Einwilligung widerrufen")

    class Method(models.TextChoices):
        FORM = "form", _("Anmeldeformular")
        CONFIRMATION_LINK = "confirmation_link", _("Bestätigungslink in der E-Mail")
        UNSUBSCRIBE_PAGE = "unsubscribe_page", _("Abmeldeseite")
        ONE_CLICK = "one_click", _("One-Click-Abmeldung des E-Mail-Programms")

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("Abonnentin / Abonnent"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    action = models.CharField(_("Vorgang"), max_length=20, choices=Action.choices)
    method = models.CharField(_("Weg"), max_length=30, choices=Method.choices)
    consent_text = models.TextField(_("Wortlaut der Einwilligung"), blank=True)
    topics = models.CharField(_("Themen"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Einwilligungsnachweis")
        verbose_name_plural = _("Einwilligungsnachweise")
        ordering = ["subscriber", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.subscriber}: {self.get_action_display()} ({self.created_at:%d.%m.%Y %H:%M})"


class Issue(PreviewableMixin, ClusterableModel):
    """A newsletter issue: editors pick news, new material and free items, preview, send."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SENDING = "sending", _("wird versandt")
        SENT = "sent", _("versandt")

    subject = models.CharField(_("Betreff"), max_length=200)  # type: ignore[var-annotated]
    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    news = ParentalManyToManyField(
        "knowledge.NewsPage", verbose_name=_("Meldungen"), blank=True, related_name="+"
    )
    documents = ParentalManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("Neues Material"),
        blank=True,
        related_name="+",
    )
    items = StreamField(
        [("item", FreeItemBlock())],
        verbose_name=_("Weitere Beiträge"),
        blank=True,
        help_text=_(
            "Freie Beiträge, etwa Veranstaltungshinweise (bis das Veranstaltungsmodul "
            "Termine direkt anbietet)."
        ),
    )
    topics = models.ManyToManyField(  # type: ignore[var-annotated]
        Topic,
        verbose_name=_("Themen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Erhalten alle, die eines dieser Themen gewählt haben (oder gar keins). Ohne "
            "Auswahl geht die Ausgabe an alle bestätigten Abonnentinnen und Abonnenten."
        ),
    )
    status = models.CharField(  # type: ignore[var-annotated]
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    recipients_total = models.PositiveIntegerField(_("Empfänger gesamt"), default=0, editable=False)  # type: ignore[var-annotated]
    sent_count = models.PositiveIntegerField(_("versandt"), default=0, editable=False)  # type: ignore[var-annotated]
    failed_count = models.PositiveIntegerField(_("fehlgeschlagen"), default=0, editable=False)  # type: ignore[var-annotated]
    send_started_at = models.DateTimeField(_("Versand begonnen"), null=True, editable=False)  # type: ignore[var-annotated]
    sent_at = models.DateTimeField(_("Versand abgeschlossen"), null=True, editable=False)  # type: ignore[var-annotated]
    sent_by = models.ForeignKey(  # type: ignore[var-annotated]
        settings.AUTH_USER_MODEL,
        verbose_name=_("versandt von"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)  # type: ignore[var-annotated]

    base_form_class = IssueForm
    panels = [
        FieldPanel("subject"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("news"), FieldPanel("documents"), FieldPanel("items")],
            heading=_("Inhalt"),
        ),
        FieldPanel("topics"),
        HelpPanel(
            content=_(
                "Speichern, in der Vorschau prüfen, dann in der Liste der Ausgaben "
                "„Versand“ wählen. Versandte Ausgaben erscheinen im Archiv auf der Website."
            )
        ),
    ]

    class Meta:
        verbose_name = _("Newsletter-Ausgabe")
        verbose_name_plural = _("Newsletter-Ausgaben")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_issue", _("Newsletter-Ausgaben versenden"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def recipients(self) -> QuerySet[Subscriber]:
        """Confirmed subscribers of at least one of the issue's topics, or of all topics."""
        subscribers = Subscriber.objects.confirmed()
        topic_ids = [t.pk for t in self.topics.all()] if self.pk else []
        if topic_ids:
            with_topics = Subscriber.topics.through.objects.filter(topic_id__in=topic_ids)
            any_topic = Subscriber.topics.through.objects.values("subscriber_id")
            subscribers = subscribers.filter(
                Q(pk__in=with_topics.values("subscriber_id")) | ~Q(pk__in=any_topic)
            )
        return subscribers.order_by("pk")

    def get_preview_template(self, request: Any, mode_name: str) -> str:
        return "newsletter/emails/issue_message.html"

    def get_preview_context(self, request: Any, mode_name: str) -> dict[str, Any]:
        from .services import issue_context

        return {**issue_context(self), "is_preview": True}


class Delivery(models.Model):
    """One issue to one subscriber; created before the mail goes out (at most once)."""

    class Status(models.TextChoices):
        SENDING = "sending", _("in Zustellung")
        SENT = "sent", _("versandt")
        FAILED = "failed", _("fehlgeschlagen")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SENDING)
    error = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue} → {self.subscriber} ({self.get_status_display()})"
