"""Staff pages for data-subject requests: find a person by e-mail, export everything as JSON
(GDPR Art. 15), erase with confirmation (Art. 17), and the log of both."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require

from . import services
from .forms import EraseForm, PersonForm
from .models import PrivacyRequest

APP_LABELS = {
    "accounts": _("Konten"),
    "registry": _("Initiativen-Verzeichnis"),
    "newsletter": _("Newsletter"),
    "events": _("Veranstaltungen"),
    "surveys": _("Umfragen"),
    "advisory": _("Gründungsbegleitung"),
}


def _log() -> list[PrivacyRequest]:
    return list(PrivacyRequest.objects.select_related("actor")[:50])


@never_cache
@permission_required("privacy.handle_requests")
def index(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.GET or None)
    found = None
    if form.is_valid():
        counts = services.find_person(form.cleaned_data["email"], actor=request.user)
        found = [(APP_LABELS.get(label, label), n) for label, n in counts.items()]
    return render(
        request,
        "privacy/index.html",
        {
            "form": form,
            "found": found,
            "total": sum(n for _label, n in found) if found else 0,
            "erase_form": EraseForm(
                initial={"email": form.cleaned_data["email"]} if found else None
            ),
            "may_erase": can(request.user, "privacy.erase_person"),
            "log": _log(),
        },
    )


@require_POST
@permission_required("privacy.handle_requests")
def export(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "privacy/index.html",
            {"form": form, "log": _log(), "erase_form": EraseForm()},
            status=400,
        )
    data = services.export_person(
        form.cleaned_data["email"], actor=request.user, reason=form.cleaned_data["reason"]
    )
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    name = f"auskunft-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@permission_required("privacy.handle_requests")
def erase(request: HttpRequest) -> HttpResponse:
    require(request.user, "privacy.erase_person")
    form = EraseForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    result = None
    if request.method == "POST" and form.is_valid():
        counts = services.erase_person(
            form.cleaned_data["email"], actor=request.user, reason=form.cleaned_data["reason"]
        )
        result = [
            (APP_LABELS.get(label, label), kind, n)
            for label, kinds in counts.items()
            for kind, n in kinds.items()
        ]
        messages.success(request, _("Die Daten der Person wurden gelöscht bzw. anonymisiert."))
    return render(
        request,
        "privacy/erase.html",
        {"form": form, "result": result},
        status=400 if request.method == "POST" and form.errors else 200,
    )
