from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from industriedialog.common import views as common_views

# Not language-prefixed: operations, back office, language switch, documents.
urlpatterns = [
    path("healthz", common_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("cms/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v1/", include("industriedialog.registry.api")),
]

# Public pages: German without prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("konto/", include("allauth.urls")),
    path("", include("industriedialog.accounts.urls")),
    path("", include("industriedialog.common.urls")),
    path("", include("industriedialog.knowledge.urls")),
    path("", include("industriedialog.newsletter.urls")),
    path("", include("industriedialog.registry.urls")),
    path("", include("industriedialog.whitespots.urls")),
    path("", include("industriedialog.advisory.urls")),
    path("", include("industriedialog.surveys.urls")),
    path("", include("industriedialog.events.urls")),
    path("", include("industriedialog.awards.urls")),
    path("", include("industriedialog.assessments.urls")),
    path("", include("industriedialog.reporting.urls")),
    path("", include("industriedialog.privacy.urls")),
    # Wagtail's catch-all must stay last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "industriedialog.common.views.server_error"
# Also allauth's answer to its own rate limits (login, sign-up, password reset).
handler429 = "industriedialog.common.ratelimit.too_many_requests"

if settings.BENCH_ENDPOINTS:  # bench/load.py's ceiling; off by default, never in production
    urlpatterns = [
        path("_bench/minimal/", common_views.bench_minimal, name="bench_minimal"),
        *urlpatterns,
    ]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns = [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]
