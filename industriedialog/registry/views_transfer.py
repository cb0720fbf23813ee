"""Import (staff) and export (public) of initiatives: thin views over ``imports`` and
``exports``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import permission_required, require

from .constants import DATA_LICENCE
from .exports import CONTENT_TYPES, EXPORT_FORMATS, initiatives_export, table_csv, table_xlsx
from .filters import InitiativeFilter
from .forms_transfer import ImportExecuteForm, ImportUploadForm
from .imports import (
    COLUMNS,
    HEADERS,
    MAX_ROWS,
    import_run_discard,
    import_run_execute,
    import_run_preview,
    import_runs_recent,
)
from .models import ImportRun
from .selectors import initiatives_public

PERMISSION = "registry.import_initiatives"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def initiative_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The directory's current filter result (same query parameters) as a file."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    filterset = InitiativeFilter(request.GET, queryset=initiatives_public())
    export = initiatives_export(
        queryset=filterset.qs,
        fmt=fmt,
        source_url=request.build_absolute_uri(),
        base_url=f"{request.scheme}://{request.get_host()}",
    )
    response = _download(export.content, export.content_type, export.filename)
    response["Link"] = f'<{DATA_LICENCE["url"]}>; rel="license"'
    return response


@permission_required(PERMISSION)
def staff_import(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = import_run_preview(
                content=upload.read(), filename=upload.name, actor=request.user
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("registry:staff_import_detail", pk=run.pk)
    return render(
        request,
        "registry/import_form.html",
        {
            "form": form,
            "columns": COLUMNS,
            "max_rows": number_format(MAX_ROWS, force_grouping=True),
            "runs": import_runs_recent(),
        },
    )


@permission_required(PERMISSION)
def staff_import_template(request: HttpRequest, fmt: str) -> HttpResponse:
    """An empty import file with the expected header row."""
    if fmt == "csv":
        content = table_csv(HEADERS, [])
    elif fmt == "xlsx":
        content = table_xlsx(HEADERS, [], sheet_title="Initiativen")
    else:
        raise Http404
    return _download(content, CONTENT_TYPES[fmt], f"vorlage-initiativen.{fmt}")


@permission_required(PERMISSION)
def staff_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry-run preview of a checked file, or the result once imported or discarded."""
    run = get_object_or_404(ImportRun.objects.select_related("uploaded_by"), pk=pk)
    require(request.user, PERMISSION, run)
    report = run.report or {}
    context = {"run": run, "report": report, "form": ImportExecuteForm()}
    if run.state == ImportRun.State.PREVIEWED:
        context["valid_count"] = report.get("valid", 0)
        context["is_clean"] = not run.error_rows and not run.duplicate_rows
        return render(request, "registry/import_preview.html", context)
    return render(request, "registry/import_result.html", context)


@permission_required(PERMISSION)
@require_POST
def staff_import_execute(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=pk)
    require(request.user, PERMISSION, run)
    form = ImportExecuteForm(request.POST)
    only_valid = form.is_valid() and form.cleaned_data["only_valid"]
    try:
        outcome = import_run_execute(run=run, actor=request.user, only_valid=only_valid)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("registry:staff_import_detail", pk=run.pk)
    if outcome.refused:
        messages.error(request, outcome.refused)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d Initiative wurde angelegt.",
                "%(count)d Initiativen wurden angelegt.",
                outcome.created,
            )
            % {"count": outcome.created},
        )
    return redirect("registry:staff_import_detail", pk=run.pk)


@permission_required(PERMISSION)
@require_POST
def staff_import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(ImportRun, pk=pk)
    require(request.user, PERMISSION, run)
    import_run_discard(run=run, actor=request.user)
    messages.info(request, _("Der Import wurde verworfen; es wurde nichts angelegt."))
    return redirect("registry:staff_import")
