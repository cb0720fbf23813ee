"""Writes to the editorial page tree."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from modelsearch.index import insert_or_update_object
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from industriedialog.accounts.roles import Role, group_name

from . import demo_content as demo
from .models import (
    ContentPage,
    EasyLanguagePage,
    EasyLanguageReview,
    EventFormatPage,
    GoodPracticeCriterion,
    GoodPracticeInitiative,
    GoodPracticePage,
    GuidePage,
    HomePage,
    IndexPage,
    KnowledgeDocument,
    MaterialLibraryPage,
    NewsPage,
    RecommendationPage,
    TargetGroup,
    Topic,
    WebinarPage,
)
from .site_content import HOME, PAGES

# Editors write and submit for review; reviewers (Freigabe) publish. See moderation_setup().
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEWER_GROUP = "Servicestelle: Redaktion (Freigabe)"
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
WORKFLOW_NAME = "Redaktion → Freigabe → Veröffentlichung"
REVIEW_TASK_NAME = "Freigabe durch die Redaktionsleitung"


@dataclass
class SetupResult:
    created: list[str] = field(default_factory=list)


def _publish(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def site_setup(*, hostname: str = "localhost", port: int = 80) -> SetupResult:
    """Create the German and English start pages and the legal pages if missing (idempotent:
    existing pages, also edited ones, are left alone)."""
    result = SetupResult()
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (Wagtail's migration normally creates the root)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=de))

    home = HomePage.objects.filter(locale=de).first()
    if home is None:
        home = HomePage(
            title=HOME["de"]["title"],
            slug="start",
            locale=de,
            intro=HOME["de"]["intro"],
            body=json.dumps(HOME["de"]["body"]),
        )
        root.add_child(instance=home)
        _publish(home)
        result.created.append("Startseite (de)")
    _site_point_to(home, hostname=hostname, port=port)
    # Wagtail's welcome page is of no use once our start page exists.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()

    en_home = home.get_translation_or_none(en)
    if en_home is None:
        en_home = home.copy_for_translation(en)
        en_home.title = HOME["en"]["title"]
        en_home.intro = HOME["en"]["intro"]
        en_home.body = json.dumps(HOME["en"]["body"])
        en_home.save()
        _publish(en_home)
        result.created.append("Startseite (en)")

    for kind, texts in PAGES.items():
        de_page = ContentPage.objects.filter(locale=de, kind=kind).first()
        if de_page is None:
            de_page = _content_page(kind, texts["de"], parent=home, locale=de)
            result.created.append(f"{de_page.title} (de)")
        if "en" in texts and de_page.get_translation_or_none(en) is None:
            en_page = de_page.copy_for_translation(en)
            _fill(en_page, kind, texts["en"])
            en_page.save()
            _publish(en_page)
            result.created.append(f"{en_page.title} (en)")
        if kind == ContentPage.Kind.EASY_LANGUAGE and home.easy_language_page_id is None:
            home.easy_language_page = de_page
            home.save_revision().publish()

    _grant_editor_page_permissions(root)
    moderation_setup(root=root, result=result)
    _grant_media_and_translation_permissions()
    knowledge_demo_setup(home=home, result=result)
    if result.created:
        search_index_update()
    return result


def search_index_update() -> int:
    """Index all pages and documents now. Normally a background task indexes each saved
    object; right after setting up the site no worker may be running yet."""
    count = 0
    for page in Page.objects.specific().iterator():
        insert_or_update_object(page)
        count += 1
    for document in KnowledgeDocument.objects.iterator():
        insert_or_update_object(document)
        count += 1
    return count


def _fill(page: ContentPage, kind: str, text: tuple) -> None:
    slug, title, intro, body, in_menu = text
    page.slug, page.title, page.intro = slug, title, intro
    page.body = json.dumps(body)
    page.kind = kind
    page.show_in_menus = in_menu


def _content_page(kind: str, text: tuple, *, parent: Page, locale: Locale) -> ContentPage:
    page = ContentPage(locale=locale)
    _fill(page, kind, text)
    parent.add_child(instance=page)
    _publish(page)
    return page


def _site_point_to(home: Page, *, hostname: str, port: int) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Industriedialog",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Industriedialog"
        site.save()


def _page_permission(codename: str) -> Permission | None:
    return Permission.objects.filter(
        content_type__app_label="wagtailcore", codename=codename
    ).first()


def _grant_editor_page_permissions(root: Page) -> None:
    group = Group.objects.filter(name=group_name(Role.EDITOR)).first()
    if group is None:
        return
    for codename in EDITOR_PAGE_PERMISSIONS:
        perm = _page_permission(codename)
        if perm is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
    # Publishing goes through the reviewers (older installations granted it to editors).
    GroupPagePermission.objects.filter(
        group=group, permission__codename="publish_page", page=root
    ).delete()


# Documents and images are permitted per collection; translation is a model permission.
EDITORIAL_COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


def _grant_media_and_translation_permissions() -> None:
    """Editors and reviewers upload and choose documents and images in the root collection
    and may send pages to translation (wagtail-localize)."""
    groups = list(Group.objects.filter(name__in=[group_name(Role.EDITOR), REVIEWER_GROUP]))
    collection = Collection.get_first_root_node()
    if collection is None:
        collection = Collection.add_root(name="Root")
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    for group in groups:
        for app_label, codename in EDITORIAL_COLLECTION_PERMISSIONS:
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=perm
                )
        if submit is not None:
            group.permissions.add(submit)


@transaction.atomic
def moderation_setup(*, root: Page, result: SetupResult | None = None) -> Workflow:
    """The moderation workflow editor → reviewer → published, assigned to the whole tree.

    Reviewers form their own group with publishing rights; an existing workflow of that
    name is reused and re-assigned (idempotent)."""
    reviewers, created = Group.objects.get_or_create(name=REVIEWER_GROUP)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        reviewers.permissions.add(access_admin)
    for codename in REVIEWER_PAGE_PERMISSIONS:
        perm = _page_permission(codename)
        if perm is not None:
            GroupPagePermission.objects.get_or_create(group=reviewers, page=root, permission=perm)

    workflow, wf_created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    if wf_created and result is not None:
        result.created.append(f"Workflow „{WORKFLOW_NAME}“")
    return workflow


# --- Knowledge demo content ----------------------------------------------------------------
def _child(parent: Page, model: type[Page], slug: str, **fields: Any) -> tuple[Page, bool]:
    """The child of ``parent`` with ``slug``; created and published from ``fields`` if missing.

    Many-to-many keys (``topics``, ``target_groups``, ``criteria``) take vocabulary keys."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    relations: dict[str, Any] = {
        "topics": Topic,
        "target_groups": TargetGroup,
        "criteria": GoodPracticeCriterion,
    }
    keys = {name: fields.pop(name) for name in list(fields) if name in relations}
    for name in ("body", "steps", "speakers", "materials"):
        if name in fields and not isinstance(fields[name], str):
            fields[name] = json.dumps(fields[name])
    page = model(slug=slug, locale=parent.locale, **fields)
    for name, values in keys.items():
        getattr(page, name).set(relations[name].objects.filter(key__in=values))
    parent.add_child(instance=page)
    _publish(page)
    return page, True


@transaction.atomic
def good_practice_link_initiatives(*, page: GoodPracticePage, slugs: list[str]) -> int:
    """Links the registry initiatives ``slugs`` that exist and are not linked yet (demo setup,
    idempotent: initiatives loaded after the pages are linked on the next run); returns how
    many links were added."""
    from industriedialog.registry.selectors import initiatives_public

    page = GoodPracticePage.objects.get(pk=page.pk)
    linked = {link.initiative_id for link in page.initiative_links.all()}
    missing = list(initiatives_public().filter(slug__in=slugs).exclude(pk__in=linked))
    if not missing:
        return 0
    order = {slug: i for i, slug in enumerate(slugs)}
    for initiative in sorted(missing, key=lambda i: order[i.slug]):
        page.initiative_links.add(GoodPracticeInitiative(initiative=initiative))
    if page.live:
        _publish(page)
    else:
        page.save()
    return len(missing)


def _paragraph_body(text: str) -> list[dict]:
    return [demo.p(text)]


def _format_fields(data: dict) -> dict:
    return {
        key: data[key]
        for key in (
            "title",
            "intro",
            "purpose",
            "target_group",
            "group_size",
            "duration",
            "room",
            "materials",
            "pitfalls",
        )
    } | {"steps": [{"type": "step", "value": s} for s in data["steps"]]}


@transaction.atomic
def knowledge_demo_setup(*, home: HomePage, result: SetupResult | None = None) -> SetupResult:
    """Toolbox with four formats, guides, good practice, recommendations for the five target
    groups, news, a webinar, the material library, the founding guide in Leichte Sprache and
    the future-workshop format in English. Creates only what is missing."""
    result = result if result is not None else SetupResult()
    created = result.created

    def note(page: Page, was_created: bool) -> Page:
        if was_created:
            created.append(f"{page.title} ({page.locale.language_code})")
        return page

    sections = {
        slug: note(*_child(home, IndexPage, slug, **fields))
        for slug, fields in demo.SECTIONS.items()
    }
    toolbox = sections["werkzeugkiste"]
    sub = {
        slug: note(*_child(toolbox, IndexPage, slug, **fields))
        for slug, fields in demo.TOOLBOX_SUBSECTIONS.items()
    }
    formats = {}
    for data in demo.FORMATS:
        fields = _format_fields(data) | {"topics": data["topics"]}
        formats[data["slug"]] = note(
            *_child(sub["veranstaltungsformate"], EventFormatPage, data["slug"], **fields)
        )
    guides = {}
    for data in demo.GUIDES:
        fields = {k: data[k] for k in ("title", "intro", "kind", "body", "topics")}
        guides[data["kind"]] = note(*_child(toolbox, GuidePage, data["slug"], **fields))
    for data in demo.GOOD_PRACTICE:
        example = note(
            *_child(
                sub["good-practice"],
                GoodPracticePage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                criteria=data["criteria"],
                topics=data["topics"],
                body=data["body"],
            )
        )
        good_practice_link_initiatives(page=example, slugs=data["initiatives"])
    for data in demo.RECOMMENDATIONS:
        note(
            *_child(
                sections["empfehlungen"],
                RecommendationPage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                target_groups=data["groups"],
                topics=data["topics"],
                body=_paragraph_body(data["text"]),
            )
        )
    for data in demo.NEWS:
        note(
            *_child(
                sections["aktuelles"],
                NewsPage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                date=dt.date.fromisoformat(data["date"]),
                topics=data["topics"],
                body=_paragraph_body(data["text"]),
            )
        )
    library_data = demo.MATERIAL_LIBRARY
    note(
        *_child(
            home,
            MaterialLibraryPage,
            library_data["slug"],
            title=library_data["title"],
            intro=library_data["intro"],
        )
    )
    documents = _demo_documents(created)
    webinar_data: dict[str, Any] = demo.WEBINAR
    slides = documents.get("folien-webinar-zukunftswerkstatt.pdf")
    note(
        *_child(
            sections["webinare"],
            WebinarPage,
            webinar_data["slug"],
            title=webinar_data["title"],
            intro=webinar_data["intro"],
            starts_at=dt.datetime.fromisoformat(webinar_data["starts_at"]),
            topics=webinar_data["topics"],
            speakers=[{"type": "speaker", "value": s} for s in webinar_data["speakers"]],
            recording_embed_url=webinar_data["embed_url"],
            materials=(
                [{"type": "document", "value": {"document": slides.pk, "label": ""}}]
                if slides
                else []
            ),
            transcript=webinar_data["transcript"],
        )
    )
    _demo_easy_language(home, guides["founding"], created)
    _demo_english(toolbox, sub["veranstaltungsformate"], formats["zukunftswerkstatt"], created)
    return result


def _demo_easy_language(home: HomePage, founding: Page, created: list[str]) -> None:
    section = ContentPage.objects.filter(
        locale=home.locale, kind=ContentPage.Kind.EASY_LANGUAGE
    ).first()
    parent: Page = section or home
    data = demo.FOUNDING_EASY
    if parent.get_children().filter(slug=data["slug"]).exists():
        return
    page = EasyLanguagePage(
        slug=data["slug"],
        locale=home.locale,
        title=data["title"],
        intro=data["intro"],
        body=json.dumps(data["body"]),
        source_page=founding,
    )
    page.reviews.add(
        EasyLanguageReview(
            reviewer=demo.FOUNDING_EASY_REVIEW["reviewer"],
            note=demo.FOUNDING_EASY_REVIEW["note"],
            reviewed_on=timezone.localdate(),
            is_passed=True,
        )
    )
    parent.add_child(instance=page)
    _publish(page)
    created.append(f"{page.title} (Leichte Sprache)")


def _translate(page: Page, locale: Locale, **fields: Any) -> tuple[Page, bool]:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        if name in ("steps", "body") and not isinstance(value, str):
            value = json.dumps(value)
        setattr(translation, name, value)
    translation.save()
    _publish(translation)
    return translation, True


def _demo_english(toolbox: Page, formats_index: Page, future: Page, created: list[str]) -> None:
    en = Locale.objects.filter(language_code="en").first()
    if en is None:
        return
    for page, fields in (
        (toolbox, demo.TOOLBOX_EN),
        (formats_index, demo.FORMATS_EN),
        (future, _format_fields(demo.ZUKUNFTSWERKSTATT_EN) | {"slug": "future-workshop"}),
    ):
        translation, was_created = _translate(page, en, **fields)
        if was_created:
            created.append(f"{translation.title} (en)")


def _demo_documents(created: list[str]) -> dict[str, KnowledgeDocument]:
    documents = {}
    for title, filename, kind, topics, year, description, text in demo.DOCUMENTS:
        document = KnowledgeDocument.objects.filter(title=title).first()
        if document is None:
            document = KnowledgeDocument(
                title=title, material_type=kind, year=year, description=description
            )
            stored = f"documents/{filename}"
            if default_storage.exists(stored):  # written by an earlier setup: reuse it
                document.file.name = stored
            else:
                document.file.save(filename, ContentFile(minimal_pdf(text)), save=False)
            document.save()
            document.topics.set(Topic.objects.filter(key__in=topics))
            created.append(f"Dokument „{title}“")
        documents[filename] = document
    return documents


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (ASCII), enough for demo downloads."""
    safe = text.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 18 Tf 72 760 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
