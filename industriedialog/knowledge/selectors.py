"""Reads of editorial pages used by the layout and by other apps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, QueryDict
from wagtail.models import Locale, Page, get_page_models

from .models import ContentPage


def site_pages_for_request(request: HttpRequest) -> dict[str, ContentPage]:
    """The special pages (imprint, privacy, ...) in the active language, German as fallback.

    Leichte Sprache is a German text by nature, so it is always the German page."""
    wanted = {
        ContentPage.Kind.IMPRINT,
        ContentPage.Kind.PRIVACY,
        ContentPage.Kind.ACCESSIBILITY,
        ContentPage.Kind.EASY_LANGUAGE,
    }
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        return {}
    pages = ContentPage.objects.live().public().filter(kind__in=wanted).select_related("locale")
    found: dict[str, ContentPage] = {}
    for page in pages:
        is_active = page.locale_id == active.pk
        if page.kind == ContentPage.Kind.EASY_LANGUAGE:
            is_active = page.locale.language_code == "de"
        if is_active or page.kind not in found:
            found[page.kind] = page
    return found


# --- Knowledge pages -------------------------------------------------------------------------
PER_PAGE = 20


def _page_number(params: QueryDict | dict) -> str:
    return str(params.get("seite") or "1")


def knowledge_page_models() -> list[type[Page]]:
    """The page types tagged with topics."""
    from .models import KnowledgePage

    return [m for m in get_page_models() if issubclass(m, KnowledgePage)]


def page_ids_with_topic(key: str) -> Q:
    """A filter for pages of any knowledge type tagged with topic ``key``."""
    condition = Q(pk__in=[])
    for model in knowledge_page_models():
        condition |= Q(pk__in=model.objects.filter(topics__key=key).values("pk"))
    return condition


def index_children(*, page: Page, params: QueryDict | dict) -> dict[str, Any]:
    """Live child pages of a section, filtered by topic and target group, paginated.

    A translated section also lists the source-language pages nobody has translated yet,
    marked as such: a visible fallback instead of a gap."""
    from .filters import SectionFilterForm
    from .models import RecommendationPage

    form = SectionFilterForm(params)
    topic = group = ""
    if form.is_valid():
        topic, group = form.cleaned_data["thema"], form.cleaned_data["zielgruppe"]
    children = page.get_children().live().public()
    fallback = Page.objects.none()
    source = _source_translation(page)
    if source is not None:
        translated_keys = children.values("translation_key")
        fallback = (
            source.get_children().live().public().exclude(translation_key__in=translated_keys)
        )
    pages = children | fallback
    if topic:
        pages = pages.filter(page_ids_with_topic(topic))
    if group:
        pages = pages.filter(
            pk__in=RecommendationPage.objects.filter(target_groups__key=group).values("pk")
        )
    paginator = Paginator(pages.order_by("path").specific(), PER_PAGE)
    children_page = paginator.get_page(_page_number(params))
    has_groups = RecommendationPage.objects.child_of(page).exists() or (
        source is not None and RecommendationPage.objects.child_of(source).exists()
    )
    return {
        "children": children_page,
        "filter_form": form,
        "has_target_groups": has_groups,
        "is_filtered": bool(topic or group),
    }


def _source_translation(page: Page) -> Page | None:
    """The page in the default language if ``page`` is a translation, else None."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    return page.get_translation_or_none(default)


def material_library(*, params: QueryDict | dict) -> dict[str, Any]:
    from .filters import DocumentFilter
    from .models import KnowledgeDocument

    documents = KnowledgeDocument.objects.prefetch_related("topics").order_by("-created_at")
    filterset = DocumentFilter(params, queryset=documents)
    paginator = Paginator(filterset.qs.distinct(), PER_PAGE)
    return {"filter": filterset, "documents": paginator.get_page(_page_number(params))}


@dataclass(frozen=True)
class LanguageVersion:
    language_code: str
    label: str
    url: str | None  # None: no version in that language yet


@dataclass(frozen=True)
class PageVersions:
    """The other versions of a page: languages, Leichte Sprache and back to standard text."""

    languages: list[LanguageVersion]
    easy_language_url: str | None
    standard_url: str | None


def page_versions(page: Page) -> PageVersions:
    from .models import EasyLanguagePage, HomePage

    languages = []
    names = dict(settings.LANGUAGES)
    # Leichte Sprache is German by nature: no "not yet in English" notes on those pages.
    other_locales = Locale.objects.exclude(pk=page.locale_id).order_by("pk")
    if page.specific_class is EasyLanguagePage:
        other_locales = other_locales.none()
    for locale in other_locales:
        translation = page.get_translation_or_none(locale)
        url = translation.url if translation is not None and translation.live else None
        label = names.get(locale.language_code, locale.language_code)
        languages.append(LanguageVersion(locale.language_code, str(label), url))

    easy_url = standard_url = None
    specific = page.specific
    if isinstance(specific, EasyLanguagePage):
        source = specific.source_page
        standard_url = source.url if source is not None and source.live else None
    elif isinstance(specific, HomePage):
        easy = specific.easy_language_page
        easy_url = easy.url if easy is not None and easy.live else None
    else:
        easy = EasyLanguagePage.objects.live().filter(source_page=page).first()
        if easy is None and page.locale_id != Locale.get_default().pk:
            # Leichte Sprache is German: an English page offers the German easy version.
            source = _source_translation(page)
            if source is not None:
                easy = EasyLanguagePage.objects.live().filter(source_page=source).first()
        easy_url = easy.url if easy is not None else None
    return PageVersions(languages, easy_url, standard_url)


def knowledge_sections(*, locale: Locale) -> list[Page]:
    """Sections of the knowledge platform: section pages and the library below the start page."""
    from .models import HomePage, IndexPage, MaterialLibraryPage

    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        return []
    return list(home.get_children().live().public().type(IndexPage, MaterialLibraryPage).specific())


def good_practice_for_initiative(*, initiative_id: int) -> list[Page]:
    """Live good-practice pages linked to the registry initiative, each in the active
    language if translated, else in the language it is linked in."""
    from .models import GoodPracticePage

    public = GoodPracticePage.objects.live().public()
    linked = public.filter(initiative_links__initiative_id=initiative_id).distinct()
    chosen = {page.translation_key: page for page in linked.order_by("-locale_id")}
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        active = None
    if chosen and active is not None:
        for page in public.filter(translation_key__in=list(chosen), locale=active):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title)


def initiative_good_practice_section(initiative: Any) -> Any:
    """Provider for the registry's initiative page (settings.INITIATIVE_SECTION_PROVIDERS)."""
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import InitiativeSection, SectionLink

    pages = good_practice_for_initiative(initiative_id=initiative.pk)
    return InitiativeSection(
        key="good-practice",
        heading=_("Good-Practice-Beispiele"),
        links=[SectionLink(title=p.title, url=p.url, text=p.intro) for p in pages],
    )
