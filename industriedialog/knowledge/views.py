"""Public views of the knowledge platform that are not Wagtail pages: overview and search."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from .forms import SearchForm
from .search import knowledge_search
from .selectors import knowledge_sections


def overview(request: HttpRequest) -> HttpResponse:
    """Entry to the knowledge platform: its sections and the search form."""
    return render(
        request,
        "knowledge/overview.html",
        {"form": SearchForm(), "sections": knowledge_sections(locale=Locale.get_active())},
    )


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "hits": None}
    if form.is_valid() and form.cleaned_data["q"].strip():
        context.update(
            knowledge_search(
                query=form.cleaned_data["q"],
                locale=Locale.get_active(),
                kind=form.cleaned_data["art"],
                topic=form.cleaned_data["thema"],
                page_number=request.GET.get("seite") or 1,
            )
        )
        context["query"] = form.cleaned_data["q"]
    return render(request, "knowledge/search.html", context)
