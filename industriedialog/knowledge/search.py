"""German full-text search over knowledge pages and documents.

Uses Wagtail's search backend (PostgreSQL ``german`` configuration, SQLite FTS5, or
OpenSearch/Elasticsearch by ``WAGTAILSEARCH_BACKENDS``). Queries are reduced to German stems
(stemming.py) so that stemming also works where the backend has none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import models as m
from .selectors import page_ids_with_topic
from .stemming import highlight, query_stems

MAX_HITS = 200
PER_PAGE = 20
MATERIAL = "material"

# Value of the "art" filter -> label and page types. "material" stands for the documents.
KINDS: dict[str, tuple[Any, tuple[type[Page], ...]]] = {
    "format": (_("Veranstaltungsformate"), (m.EventFormatPage,)),
    "leitfaden": (_("Leitfäden"), (m.GuidePage,)),
    "good-practice": (_("Good-Practice-Beispiele"), (m.GoodPracticePage,)),
    "empfehlung": (_("Empfehlungen"), (m.RecommendationPage,)),
    "webinar": (_("Webinare"), (m.WebinarPage,)),
    "aktuelles": (_("Meldungen"), (m.NewsPage,)),
    "leichte-sprache": (_("Leichte Sprache"), (m.EasyLanguagePage,)),
    "seite": (_("Weitere Seiten"), (m.IndexPage, m.ContentPage, m.MaterialLibraryPage)),
    MATERIAL: (_("Material (Dokumente)"), ()),
}


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    kind: str
    excerpt: SafeString
    lang: str
    file_info: str = ""


def knowledge_search(
    *, query: str, locale: Locale, kind: str = "", topic: str = "", page_number: Any = 1
) -> dict[str, Any]:
    """Hits for ``query`` (pages of ``locale`` first, then documents), paginated."""
    wanted = query_stems(query)
    if not wanted:
        return {"hits": None, "count": 0, "stems": []}
    terms = " ".join(wanted)
    hits: list[Hit] = []
    if kind != MATERIAL:
        hits.extend(_page_hits(terms, wanted, locale=locale, kind=kind, topic=topic))
    if kind in ("", MATERIAL):
        hits.extend(_document_hits(terms, wanted, topic=topic))
    paginator = Paginator(hits, PER_PAGE)
    return {"hits": paginator.get_page(page_number), "count": len(hits), "stems": wanted}


def _page_hits(terms: str, wanted: list[str], *, locale: Locale, kind: str, topic: str) -> list:
    pages = Page.objects.live().public().filter(locale=locale)
    if kind in KINDS:
        pages = pages.type(*KINDS[kind][1])
    if topic:
        pages = pages.filter(page_ids_with_topic(topic))
    results = pages.specific().search(terms, operator="and")[:MAX_HITS]
    return [
        Hit(
            title=page.title,
            url=page.url,
            kind=str(getattr(page, "listing_label", _("Seite"))),
            excerpt=highlight(_excerpt_text(page), wanted),
            lang=page.locale.language_code,
        )
        for page in results
    ]


def _excerpt_text(page: Page) -> str:
    text = page.search_text() if hasattr(page, "search_text") else page.title
    return text[len(page.title) :].strip() or text


def _document_hits(terms: str, wanted: list[str], *, topic: str) -> list[Hit]:
    documents = m.KnowledgeDocument.objects.all()
    if topic:
        tagged = m.KnowledgeDocument.objects.filter(topics__key=topic).values("pk")
        documents = documents.filter(pk__in=tagged)
    results = documents.search(terms, operator="and")[:MAX_HITS]
    return [
        Hit(
            title=doc.title,
            url=doc.url,
            kind=str(doc.get_material_type_display()),
            excerpt=highlight(doc.description or doc.title, wanted),
            lang="",
            file_info=document_info(doc),
        )
        for doc in results
    ]


def document_info(document: m.KnowledgeDocument) -> str:
    from django.template.defaultfilters import filesizeformat

    size = filesizeformat(document.get_file_size() or 0)
    return f"{document.file_type_label}, {size}"
