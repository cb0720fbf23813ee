"""Views of the events module (thin: input, permission, service or selector, render)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require
from industriedialog.common.querystrings import query_without_page
from industriedialog.common.ratelimit import limit_posts, posted_email
from industriedialog.registry.models import EventFormat
from industriedialog.registry.vocabularies import EventFormatCode, Labels

from . import exports, ical, selectors, services
from .filters import EventFilter
from .forms import (
    CancelForm,
    EventForm,
    FeedbackForm,
    InvitationsForm,
    ParticipantsMessageForm,
    PlanningTaskAddForm,
    PlanningTaskForm,
    PlanningTemplateForm,
    RegistrationForm,
)
from .models import Event, PlanningTask, PlanningTemplate, Registration
from .vocabularies import EventKind, RegistrationStatus

PAGE_SIZE = 20


# --- Public calendar -------------------------------------------------------------------------


def _filter_controls(filterset: EventFilter) -> list[dict[str, Any]]:
    """The calendar's filter fields as plain data: options and selection computed once
    (rendering Django's choice iterators per option cost more than the whole result list)."""
    from industriedialog.regions.models import State

    from .filters import ONLINE_CHOICES, WHEN_CHOICES

    form = filterset.form
    data = filterset.data or {}
    options: dict[str, list[Any]] = {
        "kind": [("", _("alle Arten")), *EventKind.choices],
        "format": [("", _("alle Formate")), *EventFormatCode.choices],
        "state": [
            ("", _("alle Länder")),
            *State.objects.order_by("name").values_list("code", "name"),
        ],
        "online": [("", _("online und vor Ort")), *ONLINE_CHOICES[1:]],
        "zeitraum": WHEN_CHOICES,
    }
    controls = []
    for name, field in form.fields.items():
        value = str(data.get(name) or "")
        control = {"name": name, "id": f"id_{name}", "label": field.label, "value": value}
        if name in options:
            control["options"] = [
                (str(v), str(label), str(v) == value) for v, label in options[name]
            ]
        controls.append(control)
    return controls


def event_list(request: HttpRequest) -> HttpResponse:
    filterset = EventFilter(request.GET or None, queryset=selectors.events_public())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = Labels()
    rows = [
        {
            "event": event,
            "kind": labels.label(EventKind, event.kind),
            "format": labels.label(EventFormatCode, event.format.code) if event.format else "",
            "start": (start := event.local_start),
            "end": (end := event.local_end),
            "same_day": start.date() == end.date(),
        }
        for event in page.object_list
    ]
    return render(
        request,
        "events/event_list.html",
        {
            "filter": filterset,
            "controls": _filter_controls(filterset),
            "page": page,
            "rows": rows,
            "query": query_without_page(request),
        },
    )


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """All published events (filters of the calendar apply) as one iCal feed."""
    filterset = EventFilter(request.GET or None, queryset=selectors.events_public())
    events = filterset.qs if request.GET else selectors.events_public()
    response = HttpResponse(ical.events_feed(events[:1000]), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="industriedialog-veranstaltungen.ics"'
    return response


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get_public(slug, request.user)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "counts": selectors.event_place_counts(event),
            "participants": selectors.participants_public(event),
            "registration_open": event.registration_is_open(),
            "can_manage": can(request.user, "events.change_event", event),
        },
    )


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get_public(slug, request.user)
    response = HttpResponse(ical.event_ics(event), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


# --- Registration ----------------------------------------------------------------------------


@limit_posts("event_register", key=posted_email)
def registration_create(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get_public(slug, request.user)
    token = request.GET.get("einladung") or request.POST.get("einladung") or ""
    invitation = services.invitation_for(event=event, token=token) if token else None
    if not event.is_public and invitation is None:
        return render(
            request, "events/registration_closed.html", {"event": event, "by_invitation": True}
        )
    if not event.registration_is_open():
        return render(request, "events/registration_closed.html", {"event": event})
    initial = {"email": invitation.email} if invitation else None
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("privacy")
        try:
            registration, _created = services.registration_submit(
                event=event, invitation_token=token, language=get_language() or "de", **data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(
                request,
                "events/registration_sent.html",
                {"event": event, "email": registration.email},
            )
    return render(
        request,
        "events/registration_form.html",
        {
            "event": event,
            "form": form,
            "token": token,
            "counts": selectors.event_place_counts(event),
        },
    )


def _registration_or_404(token: str) -> Registration:
    registration = selectors.registration_by_token(token)
    if registration is None:
        raise Http404
    return registration


@limit_posts("event_registration_token")
def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the double opt-in e-mail: a button, so link scanners confirm nothing."""
    registration = _registration_or_404(token)
    if request.method == "POST":
        registration = services.registration_confirm(token=token) or registration
    return render(
        request,
        "events/registration_status.html",
        {"registration": registration, "event": registration.event, "token": token},
    )


@limit_posts("event_registration_token")
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_or_404(token)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.registration_cancel(registration=registration)
        registration.refresh_from_db()
    return render(
        request,
        "events/registration_cancel.html",
        {"registration": registration, "event": registration.event, "form": form},
    )


@limit_posts("event_feedback")
def feedback(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    event = selectors.event_get_public(slug)
    if not services.feedback_allowed(event=event, token=token):
        return render(request, "events/feedback_closed.html", {"event": event}, status=403)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(event=event, token=token, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "events/feedback_thanks.html", {"event": event})
    return render(request, "events/feedback_form.html", {"event": event, "form": form})


# --- Back office -----------------------------------------------------------------------------


def _staff_event(request: HttpRequest, pk: int, action: str = "events.change_event") -> Event:
    event = get_object_or_404(Event.objects.select_related("format"), pk=pk)
    require(request.user, action, event)
    return event


@permission_required("events.manage_events")
def staff_event_list(request: HttpRequest) -> HttpResponse:
    events = Event.objects.select_related("format", "state").order_by("-starts_at")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "events/staff_event_list.html", {"page": page, "query": ""})


@permission_required("events.manage_events")
def staff_event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Die Veranstaltung wurde angelegt; %(count)s Planungsaufgaben sind entstanden.")
                % {"count": event.planning_tasks.count()},
            )
            return redirect("events:staff_planning", pk=event.pk)
    return render(request, "events/staff_event_form.html", {"form": form, "event": None})


@permission_required("events.manage_events")
def staff_event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                event=Event.objects.get(pk=pk), actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Änderungen wurden gespeichert."))
            return redirect("events:staff_event_edit", pk=pk)
    return render(request, "events/staff_event_form.html", {"form": form, "event": event})


@permission_required("events.manage_events")
def staff_participants(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk, "events.view_participants")
    if request.method == "POST":
        require(request.user, "events.change_event", event)
        registration = get_object_or_404(
            Registration, pk=request.POST.get("registration"), event=event
        )
        moved = services.registration_cancel(registration=registration, actor=request.user)
        messages.success(
            request,
            _("Die Anmeldung wurde storniert.")
            + (
                " " + _("Nachgerückt: %(names)s.") % {"names": ", ".join(m.name for m in moved)}
                if moved
                else ""
            ),
        )
        return redirect("events:staff_participants", pk=pk)
    invitation_form = InvitationsForm()
    return render(
        request,
        "events/staff_participants.html",
        {
            "event": event,
            "registrations": selectors.registrations_for_staff(event),
            "counts": selectors.event_place_counts(event),
            "invitation_form": invitation_form,
            "invitations": event.invitations.all(),
        },
    )


@permission_required("events.manage_events")
def staff_participants_export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    event = _staff_event(request, pk, "events.view_participants")
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    content, content_type, name = exports.participants_export(event, file_format)
    from industriedialog.common.models import audit_log

    audit_log(
        "events.participants_exported", obj=event, actor=request.user, data={"format": file_format}
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("events.manage_events")
def staff_badges(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk, "events.view_participants")
    from .badges import badges_pdf

    response = HttpResponse(badges_pdf(event), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="namensschilder-{event.slug}.pdf"'
    return response


@permission_required("events.manage_events")
def staff_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk)
    form = InvitationsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = services.invitations_create(
            event=event, actor=request.user, emails=form.cleaned_data["emails"]
        )
        messages.success(
            request, _("%(count)s Einladungen werden versandt.") % {"count": len(created)}
        )
        return redirect("events:staff_participants", pk=pk)
    return render(
        request,
        "events/staff_invitations.html",
        {"event": event, "form": form, "invitations": event.invitations.all()},
    )


@permission_required("events.manage_events")
def staff_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """Check-in on a phone: one big button per person; htmx swaps the row."""
    event = _staff_event(request, pk, "events.check_in")
    if request.method == "POST":
        registration = get_object_or_404(
            Registration, pk=request.POST.get("registration"), event=event
        )
        try:
            registration = services.registration_check_in(
                registration=registration,
                actor=request.user,
                attended=request.POST.get("attended") == "1",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("events:staff_check_in", pk=pk)
        if request.htmx:  # type: ignore[attr-defined]
            return render(request, "events/includes/check_in_row.html", {"r": registration})
        return redirect("events:staff_check_in", pk=pk)
    search = (request.GET.get("q") or "").strip()
    registrations = event.registrations.filter(status=RegistrationStatus.CONFIRMED).order_by(
        "name", "id"
    )
    if search:
        registrations = registrations.filter(name__icontains=search)
    return render(
        request,
        "events/staff_check_in.html",
        {
            "event": event,
            "registrations": registrations,
            "search": search,
            "counts": selectors.event_place_counts(event),
        },
    )


@permission_required("events.manage_events")
def staff_message(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk, "events.message_participants")
    form = ParticipantsMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.participants_message_send(
            event=event, actor=request.user, **form.cleaned_data
        )
        messages.success(
            request, _("Die Nachricht geht an %(count)s Teilnehmende.") % {"count": count}
        )
        return redirect("events:staff_participants", pk=pk)
    return render(request, "events/staff_message.html", {"event": event, "form": form})


@permission_required("events.manage_events")
def staff_planning(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk)
    add_form = PlanningTaskAddForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        if request.POST.get("action") == "add":
            if add_form.is_valid():
                services.planning_task_add(
                    event=event, actor=request.user, owner=request.user, **add_form.cleaned_data
                )
                messages.success(request, _("Die Aufgabe wurde angelegt."))
                return redirect("events:staff_planning", pk=pk)
        else:
            task = get_object_or_404(PlanningTask, pk=request.POST.get("task"), event=event)
            form = PlanningTaskForm(
                request.POST, instance=PlanningTask.objects.get(pk=task.pk), prefix=f"t{task.pk}"
            )
            if form.is_valid():
                services.planning_task_update(task=task, actor=request.user, **form.cleaned_data)
                messages.success(
                    request, _("Die Aufgabe „%(title)s“ wurde gespeichert.") % {"title": task.title}
                )
                return redirect("events:staff_planning", pk=pk)
            messages.error(
                request,
                _("Bitte die Angaben zur Aufgabe prüfen: %(errors)s")
                % {"errors": " ".join(str(e) for errs in form.errors.values() for e in errs)},
            )
    tasks = event.planning_tasks.select_related("owner")
    return render(
        request,
        "events/staff_planning.html",
        {
            "event": event,
            "rows": [(t, PlanningTaskForm(instance=t, prefix=f"t{t.pk}")) for t in tasks],
            "add_form": add_form,
            "today": timezone.localdate(),
        },
    )


@permission_required("events.manage_events")
def staff_tasks_overdue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "events/staff_tasks_overdue.html",
        {"tasks": selectors.planning_tasks_overdue(), "today": timezone.localdate()},
    )


@permission_required("events.edit_planning_templates")
def staff_template_list(request: HttpRequest) -> HttpResponse:
    templates = {t.format_id: t for t in PlanningTemplate.objects.prefetch_related("tasks")}
    return render(
        request,
        "events/staff_template_list.html",
        {"rows": [(f, templates.get(f.pk)) for f in EventFormat.objects.all()]},
    )


@permission_required("events.edit_planning_templates")
def staff_template_edit(request: HttpRequest, code: str) -> HttpResponse:
    event_format = get_object_or_404(EventFormat, code=code)
    template = PlanningTemplate.objects.filter(format=event_format).first()
    initial: dict[str, Any] = {}
    if template is not None:
        initial = {
            "note": template.note,
            "tasks": "\n".join(f"{t.offset_days}; {t.title}" for t in template.tasks.all()),
        }
    form = PlanningTemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.planning_template_save(
            format=event_format,
            actor=request.user,
            note=form.cleaned_data["note"],
            tasks=form.cleaned_data["tasks"],
        )
        messages.success(request, _("Die Planungsvorlage wurde gespeichert."))
        return redirect("events:staff_template_list")
    return render(
        request,
        "events/staff_template_form.html",
        {"form": form, "event_format": event_format},
    )


@permission_required("events.manage_events")
def staff_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    event = _staff_event(request, pk, "events.view_feedback")
    return render(
        request,
        "events/staff_feedback.html",
        {"event": event, "summary": selectors.feedback_summary(event), "values": range(1, 6)},
    )


@require_POST
@permission_required("events.manage_events")
def staff_send_reminders(request: HttpRequest) -> HttpResponse:
    count = services.reminders_schedule()
    messages.success(request, _("%(count)s E-Mails wurden eingeplant.") % {"count": count})
    return redirect("events:staff_event_list")
