from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log

from .forms import ProfileForm
from .models import User
from .permissions import can, permission_required, require
from .selectors import has_totp, requires_second_factor, user_roles


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required guarantees it
    require(user, "accounts.change_profile", user)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit_log(
            "accounts.profile_changed",
            obj=user,
            actor=user,
            data={"fields": sorted(form.changed_data)},
        )
        messages.success(request, _("Ihre Angaben wurden gespeichert."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/user_profile.html",
        {
            "form": form,
            "roles": user_roles(user),
            "has_totp": has_totp(user),
            "requires_second_factor": requires_second_factor(user),
        },
    )


def _staff_tasks(user: User) -> list:
    """Open tasks the feature apps report (settings.STAFF_TASK_PROVIDERS)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    tasks: list = []
    for dotted in settings.STAFF_TASK_PROVIDERS:
        tasks.extend(import_string(dotted)(user))
    return tasks


@permission_required("accounts.access_staff_area")
def staff_dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/staff_dashboard.html",
        {
            "tasks": _staff_tasks(request.user),  # type: ignore[arg-type]
            "roles": user_roles(request.user),
            "can_manage_roles": can(request.user, "accounts.manage_roles"),
        },
    )
