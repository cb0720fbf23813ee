"""The respondent's side: public link, personal token, page by page with save and continue.
Thin: the page logic is in questions.py, every write in services.py."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .models import Invitation, Response, Survey
from .questions import ResponsePageForm, matches, page_field_names


def visible_pages(definition: dict, draft: dict) -> list[int]:
    """Pages with at least one question shown for the answers so far (conditions refer to
    earlier pages only, so the draft decides)."""
    pages = sorted({q["page"] for q in definition["questions"]})
    return [
        p
        for p in pages
        if any(q["page"] == p and matches(q, draft) for q in definition["questions"])
    ]


def page_questions(definition: dict, page: int, draft: dict | None) -> list[dict]:
    return [
        q
        for q in definition["questions"]
        if q["page"] == page and (draft is None or matches(q, draft))
    ]


RATE_LIMITED = _(
    "Von Ihrem Anschluss oder für diese Umfrage kamen in kurzer Zeit zu viele neue Antworten. "
    "Ihre Eingaben sind noch nicht gespeichert: Bitte senden Sie sie in einigen Minuten "
    "noch einmal ab."
)


def submission_rate_limited(request: HttpRequest, survey: Survey, key: uuid.UUID) -> bool:
    """New responses are limited per IP and per survey (``ACCOUNT_RATE_LIMITS["survey_submit"]``,
    allauth's rate limiter, as the newsletter sign-up), so nobody floods a public survey.

    Only the first request of a response key counts: a retry of the same submit (same key,
    e.g. after a network error) is idempotent and never counted again, and requests for a key
    that already has a response do not get here at all."""
    from allauth.core import ratelimit
    from django.core.cache import cache

    counted = f"surveys:ratelimit-counted:{key}"
    if cache.get(counted):
        return False
    if not ratelimit.consume(request, action="survey_submit", key=str(survey.pk)):
        return True
    cache.set(counted, True, 24 * 3600)
    return False


def _published(slug: str) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("current_version"), slug=slug)
    if survey.current_version is None:
        raise Http404
    return survey


def _closed(request: HttpRequest, survey: Survey) -> HttpResponse:
    return render(request, "surveys/respond_closed.html", {"survey": survey}, status=410)


def survey_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Public and anonymous surveys: the first page, with a fresh key for this respondent (a
    retried submit sends the same key again and so stores one response)."""
    survey = _published(slug)
    if not survey.is_open():
        return _closed(request, survey)
    if survey.mode == Survey.Mode.PERSONAL:
        return render(request, "surveys/respond_personal_only.html", {"survey": survey}, status=403)
    definition = survey.current_version.definition  # type: ignore[union-attr]
    first = visible_pages(definition, {})[0]
    key = uuid.uuid4()
    return _render_page(
        request,
        survey,
        definition=definition,
        key=key,
        page=first,
        draft={},
        form=ResponsePageForm(questions=page_questions(definition, first, {}), seed=str(key)),
    )


def survey_token(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("survey").filter(token=token).first()
    if invitation is None or invitation.survey.slug != slug:
        return render(request, "surveys/respond_invalid.html", status=404)
    try:
        response = services.response_for_invitation(invitation=invitation)
    except services.ResponseClosed:
        return _closed(request, invitation.survey)
    return redirect("surveys:respond_resume", slug=slug, key=response.key)


def survey_resume(request: HttpRequest, slug: str, key: uuid.UUID) -> HttpResponse:
    survey = _published(slug)
    response = Response.objects.filter(key=key, survey=survey).select_related("version").first()
    if response is None:
        return render(request, "surveys/respond_invalid.html", status=404)
    if response.is_submitted:
        return redirect("surveys:respond_thanks", slug=slug)
    pages = visible_pages(response.version.definition, response.draft)
    later = [p for p in pages if p > response.last_page]
    page = later[0] if later else pages[-1]
    return redirect("surveys:respond_page", slug=slug, key=key, page=page)


def survey_page(request: HttpRequest, slug: str, key: uuid.UUID, page: int) -> HttpResponse:
    survey = _published(slug)
    response = Response.objects.filter(key=key).select_related("version").first()
    if response is not None and response.survey_id != survey.pk:
        raise Http404
    if response is not None and response.is_submitted:
        return redirect("surveys:respond_thanks", slug=slug)
    if not survey.is_open():
        return _closed(request, survey)
    is_new = response is None
    if is_new and (request.method != "POST" or survey.mode == Survey.Mode.PERSONAL):
        return render(request, "surveys/respond_invalid.html", status=404)
    definition = (response.version if response else survey.current_version).definition  # type: ignore[union-attr]
    draft = response.draft if response else {}
    pages = visible_pages(definition, draft)
    if page not in pages or (is_new and page != pages[0]):
        return redirect("surveys:respond_resume", slug=slug, key=key)
    questions = page_questions(definition, page, draft)
    action = request.POST.get("action", "next")
    form = ResponsePageForm(
        request.POST if request.method == "POST" else None,
        initial=draft,
        questions=questions,
        seed=str(key),
    )
    if request.method == "POST":
        if action != "next":  # saving or going back never insists on required answers
            for field in form.fields.values():
                field.required = False
        if form.is_valid():
            values = form.draft_values()
            merged = {
                **{k: v for k, v in draft.items() if k not in page_field_names(questions)},
                **values,
            }
            following = [p for p in visible_pages(definition, merged) if p > page]
            is_last = action == "next" and not following
            if is_new and submission_rate_limited(request, survey, key):
                return _render_page(
                    request,
                    survey,
                    definition=definition,
                    key=key,
                    page=page,
                    draft=draft,
                    form=form,
                    rate_limited=True,
                )
            try:
                services.response_save_page(
                    survey=survey,
                    key=key,
                    field_names=page_field_names(questions),
                    values=values,
                    page=page if action == "next" else page - 1,
                    submit=is_last,
                    user=request.user,
                    create=is_new,
                )
            except services.ResponseClosed:
                return _closed(request, survey)
            except Response.DoesNotExist:
                raise Http404 from None
            if is_last:
                return redirect("surveys:respond_thanks", slug=slug)
            if action == "save":
                return render(
                    request,
                    "surveys/respond_saved.html",
                    {
                        "survey": survey,
                        "resume_url": request.build_absolute_uri(
                            reverse("surveys:respond_resume", kwargs={"slug": slug, "key": key})
                        ),
                    },
                )
            if action == "back":
                earlier = [p for p in visible_pages(definition, merged) if p < page]
                target = earlier[-1] if earlier else page
            else:
                target = following[0]
            return redirect("surveys:respond_page", slug=slug, key=key, page=target)
    return _render_page(
        request, survey, definition=definition, key=key, page=page, draft=draft, form=form
    )


def _render_page(
    request: HttpRequest,
    survey: Survey,
    *,
    definition: dict,
    key: uuid.UUID,
    page: int,
    draft: dict,
    form: ResponsePageForm,
    preview: bool = False,
    rate_limited: bool = False,
) -> HttpResponse:
    pages = (
        visible_pages(definition, draft)
        if not preview
        else sorted({q["page"] for q in definition["questions"]})
    )
    index = pages.index(page) + 1 if page in pages else 1
    return render(
        request,
        "surveys/respond_page.html",
        {
            "survey": survey,
            "form": form,
            "blocks": form.blocks(),
            "page": page,
            "page_index": index,
            "page_count": len(pages),
            "is_first": index == 1,
            "is_last": index == len(pages),
            "action_url": (
                request.get_full_path()
                if preview
                else reverse(
                    "surveys:respond_page", kwargs={"slug": survey.slug, "key": key, "page": page}
                )
            ),
            "preview": preview,
            "rate_limited": str(RATE_LIMITED) if rate_limited else "",
        },
        status=429 if rate_limited else 400 if form.is_bound and form.errors else 200,
    )


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = get_object_or_404(Survey, slug=slug)
    return render(request, "surveys/respond_thanks.html", {"survey": survey})


def survey_preview(request: HttpRequest, survey: Survey) -> HttpResponse:
    """Staff see the working copy page by page; nothing is stored."""
    definition = services.survey_definition(survey)
    if not definition["questions"]:
        messages.info(request, _("Die Umfrage hat noch keine Fragen."))
        return redirect("surveys:staff_survey_edit", pk=survey.pk)
    pages = sorted({q["page"] for q in definition["questions"]})
    try:
        page = int(request.GET.get("seite", pages[0]))
    except ValueError:
        page = pages[0]
    if page not in pages:
        page = pages[0]
    questions = page_questions(definition, page, None)
    form = ResponsePageForm(
        request.POST if request.method == "POST" else None, questions=questions, seed="preview"
    )
    if request.method == "POST" and form.is_valid():
        following = [p for p in pages if p > page]
        if following:
            return redirect(f"{request.path}?seite={following[0]}")
        messages.success(request, _("Vorschau beendet: die Antworten wären jetzt abgeschickt."))
        return redirect("surveys:staff_survey_edit", pk=survey.pk)
    return _render_page(
        request,
        survey,
        definition=definition,
        key=uuid.UUID(int=0),
        page=page,
        draft={},
        form=form,
        preview=True,
    )
