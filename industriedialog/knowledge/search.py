"""German full-text search over knowledge pages, documents and registry initiatives.

Uses Wagtail's search backend (PostgreSQL ``german`` configuration, SQLite FTS5, or
OpenSearch/Elasticsearch by ``WAGTAILSEARCH_BACKENDS``). Queries are reduced to German stems
(stemming.py) so that stemming also works where the backend has none."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
# Ranking by relevance (bm25 on SQLite) costs too much for very broad queries; beyond this
# many hits they are listed newest first, and the page says so.
RELEVANCE_LIMIT = 100
PER_PAGE = 20
MATERIAL = "material"
INITIATIVES = "initiativen"
# Knowledge topics and the registry's fields of action are the same list (DOMAIN.md).
TOPIC_TO_FIELD_OF_ACTION = {
    "fachkraefte": "skilled_workers",
    "akzeptanz": "acceptance",
    "digitalisierung": "digitalisation",
    "innovation": "innovation",
    "flaechen": "land",
    "energie": "energy",
    "strukturwandel": "structural_change",
    "integration": "integration",
}

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
    INITIATIVES: (_("Initiativen"), ()),
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
    """Hits for ``query`` (pages of ``locale`` first, then documents), paginated; only the
    hits of the requested result page are loaded and excerpted."""
    wanted = query_stems(query)
    if not wanted:
        return {"hits": None, "count": 0, "stems": []}
    terms = " ".join(wanted)
    parts: list[Any] = []
    if kind not in (MATERIAL, INITIATIVES):
        pages = _pages(locale=locale, kind=kind, topic=topic)
        lang = locale.language_code
        parts.append(_Part(pages, terms, lambda page: _page_hit(page, wanted, lang)))
    if kind in ("", INITIATIVES):
        parts.append(_InitiativePart(query=query, topic=topic, wanted=wanted))
    if kind in ("", MATERIAL):
        documents = _documents(topic=topic)
        parts.append(_Part(documents, terms, lambda doc: _document_hit(doc, wanted)))
    combined = _Combined(parts)
    hits = Paginator(combined, PER_PAGE).get_page(page_number)
    return {
        "hits": hits,
        "count": len(combined),
        "stems": wanted,
        "is_ranked": all(part.is_ranked for part in parts),
    }


class _Part:
    """One model's hits: ranked by relevance unless there are very many."""

    def __init__(self, queryset: Any, terms: str, to_hit: Callable[[Any], Hit]) -> None:
        unranked = queryset.search(terms, operator="and", order_by_relevance=False)
        total = unranked.count()
        self.is_ranked = total <= RELEVANCE_LIMIT
        self.results = queryset.search(terms, operator="and") if self.is_ranked else unranked
        self.to_hit = to_hit
        self.count = min(total, MAX_HITS)


class _InitiativePart:
    """Registry entries: matched on their stored German stems (registry.search)."""

    is_ranked = True

    def __init__(self, *, query: str, topic: str, wanted: list[str]) -> None:
        from industriedialog.registry.selectors import initiatives_search

        initiatives = initiatives_search(query).order_by("name", "pk")
        if topic:
            code = TOPIC_TO_FIELD_OF_ACTION.get(topic, topic)
            initiatives = initiatives.filter(fields_of_action__code=code)
        self.results = initiatives.only("name", "slug", "description", "seat")
        self.count = min(self.results.count(), MAX_HITS)
        self.to_hit = lambda initiative: _initiative_hit(initiative, wanted)


def _initiative_hit(initiative: Any, wanted: list[str]) -> Hit:
    text = initiative.description or initiative.seat or initiative.name
    return Hit(
        title=initiative.name,
        url=initiative.get_absolute_url(),
        kind=str(_("Initiative")),
        excerpt=highlight(text, wanted),
        lang="de",
    )


class _Combined(Sequence):
    """Search results of several models as one list for the paginator."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    def __len__(self) -> int:
        return sum(part.count for part in self.parts)

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop or len(self), len(self))
        hits: list[Hit] = []
        offset = 0
        for part in self.parts:
            lo, hi = max(start - offset, 0), min(stop - offset, part.count)
            if lo < hi:
                hits.extend(part.to_hit(obj) for obj in part.results[lo:hi])
            offset += part.count
        return hits


def _pages(*, locale: Locale, kind: str, topic: str) -> Any:
    pages = Page.objects.live().public().filter(locale=locale).order_by("-last_published_at")
    if kind in KINDS:
        pages = pages.type(*KINDS[kind][1])
    if topic:
        pages = pages.filter(page_ids_with_topic(topic))
    return pages.specific()


def _page_hit(page: Page, wanted: list[str], lang: str) -> Hit:
    return Hit(
        title=page.title,
        url=page.url,
        kind=str(getattr(page, "listing_label", _("Seite"))),
        excerpt=highlight(_excerpt_text(page), wanted),
        lang=lang,
    )


def _excerpt_text(page: Page) -> str:
    text = page.search_text() if hasattr(page, "search_text") else page.title
    return text[len(page.title) :].strip() or text


def _documents(*, topic: str) -> Any:
    documents = m.KnowledgeDocument.objects.order_by("-created_at")
    if topic:
        tagged = m.KnowledgeDocument.objects.filter(topics__key=topic).values("pk")
        documents = documents.filter(pk__in=tagged)
    return documents


def _document_hit(doc: m.KnowledgeDocument, wanted: list[str]) -> Hit:
    return Hit(
        title=doc.title,
        url=doc.url,
        kind=str(doc.get_material_type_display()),
        excerpt=highlight(doc.description or doc.title, wanted),
        lang="",
        file_info=document_info(doc),
    )


def document_info(document: m.KnowledgeDocument) -> str:
    from django.template.defaultfilters import filesizeformat

    size = filesizeformat(document.get_file_size() or 0)
    return f"{document.file_type_label}, {size}"
