"""Settings shared by every environment, read from the environment.

Development defaults need nothing; production (config.settings.production) refuses to start
with unsafe values.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
APP_DIR = BASE_DIR / "industriedialog"
NODE_MODULES = BASE_DIR / "node_modules"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; a missing file is fine


def env_url(name: str, parser, default: str):  # type: ignore[no-untyped-def]
    """Parse a URL-style variable; a broken value stops start-up with one line naming it."""
    raw = env.str(name, default=default)
    try:
        return parser(raw)
    except Exception as exc:  # noqa: BLE001 - every parser error means the same to the operator
        raise ImproperlyConfigured(f"{name} ist ungültig ({raw!r}): {exc}") from None


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Our apps first, so their templates (404, allauth layout) win.
    "industriedialog.common",
    "industriedialog.accounts",
    "industriedialog.regions",
    "industriedialog.registry",
    "industriedialog.whitespots",
    "industriedialog.advisory",
    "industriedialog.knowledge",
    "industriedialog.newsletter",
    "industriedialog.surveys",
    "industriedialog.events",
    "industriedialog.awards",
    "industriedialog.assessments",
    "industriedialog.reporting",
    # Wagtail
    "wagtail_localize",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts, second factor
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Libraries
    "rules.apps.AutodiscoverRulesConfig",
    "django_filters",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "industriedialog.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "industriedialog.common.csp.SiteCSPMiddleware",
    "industriedialog.common.logging.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "industriedialog.accounts.middleware.RequireSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "industriedialog.privacy.middleware.PersonalDataAccessLogMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

FORM_RENDERER = "industriedialog.common.forms.KernFormRenderer"
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [APP_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "industriedialog.common.context_processors.site",
                "industriedialog.knowledge.context_processors.site_pages",
            ],
        },
    },
]


# --- Database: SQLite is the embedded default, PostgreSQL in production and CI ---------------
def _db_config(url: str) -> dict:
    config = environ.Env.db_url_config(url)
    engine = config.get("ENGINE") or ""
    if not engine.startswith("django.db.backends."):
        raise ValueError("unbekanntes Schema; erwartet z. B. sqlite:///pfad oder postgres://...")
    return config


DATABASES = {"default": env_url("DATABASE_URL", _db_config, f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL and a busy timeout keep SQLite usable with the dev server and a worker side by side.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis by CACHE_URL or REDIS_URL ---------------------------
_cache_default = env.str("REDIS_URL", default="") or "locmemcache://industriedialog"
CACHES = {"default": env_url("CACHE_URL", environ.Env.cache_url_config, _cache_default)}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # django-redis, so that Redis down does not take the site down: after a short timeout a
    # cache call that cannot reach Redis is answered from this process's memory instead, and
    # Redis is tried again a few seconds later (common/cache.py: locks and rate limits keep
    # working, logins are not refused).
    CACHES["default"]["BACKEND"] = "industriedialog.common.cache.FailoverRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    )
# The load script's ceiling view /_bench/minimal/ (bench/load.py). Off unless switched on for a
# bench run (deploy/cluster passes CLUSTER_BENCH_ENDPOINTS through); never needed in production.
BENCH_ENDPOINTS = env.bool("BENCH_ENDPOINTS", default=False)
# Name of this app server, echoed as X-Served-By (set per gunicorn instance by deploy/cluster).
APP_SERVER_ID = env.str("APP_SERVER_ID", default="")
# Sessions in the database; with Redis, "cached_db" reads them from the cache first and still
# survives a Redis outage or restart.
SESSION_ENGINE = env.str("SESSION_ENGINE", default="django.contrib.sessions.backends.db")

# --- E-mail: console in development, SMTP by EMAIL_URL ----------------------------------------
_email = env_url("EMAIL_URL", environ.Env.email_url_config, "consolemail://")
EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
for _key, _value in _email.items():
    globals()[_key] = _value
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Industriedialog <no-reply@industriedialog.invalid>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
REGISTRY_STAFF_EMAIL = env.str("REGISTRY_STAFF_EMAIL", default="")  # "": all active advisors

# --- Auth --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "industriedialog.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "industriedialog.accounts.forms.SignupForm"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Industriedialog] "
# Lockout: after 5 failed logins for one account within 15 minutes further attempts are refused.
ACCOUNT_LOGIN_FAILED_ATTEMPTS = env.int("LOGIN_FAILED_ATTEMPTS", default=5)
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"20/m/ip,{ACCOUNT_LOGIN_FAILED_ATTEMPTS}/15m/key",
    # Newsletter sign-ups (each sends a confirmation mail): per IP and per address.
    "newsletter_subscribe": "20/h/ip,3/h/key",
    # New survey responses: per IP (an office behind one address may answer often) and per
    # survey (key = survey id); retries of one submit count once (surveys.views_respond).
    "survey_submit": env.str("SURVEY_SUBMIT_RATE_LIMIT", default="60/10m/ip,3000/m/key"),
    # Public forms (industriedialog.common.ratelimit.limit_posts): event registrations send
    # a confirmation mail (per IP and per address), feedback and self-service requests.
    "event_register": "20/h/ip,5/h/key",
    "event_feedback": "30/h/ip",
    "event_registration_token": "30/h/ip",
    "registry_self_service": "20/h/user",
    "registry_verification": "30/h/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Industriedialog"
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"

# --- Internationalisation: German first, English second ----------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media files: served by the app itself, never from a CDN -------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    APP_DIR / "static",
    ("vendor/kern", NODE_MODULES / "@kern-ux/native/dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet/dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js/dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {
        "BACKEND": env.str("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Files that are never public (import uploads, award submissions): outside MEDIA_ROOT,
    # served only through permission-checked views.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.path("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private"))
        },
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Where `manage.py backup` writes its archives (see deploy/README.md, "Backup and restore").
BACKUP_DIR = env.path("BACKUP_DIR", default=str(BASE_DIR / "var" / "backups"))

# --- Background tasks (django-tasks with the database backend; worker: manage.py db_worker) ----
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Industriedialog"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Database search by default (PostgreSQL `german` configuration, SQLite FTS5); OpenSearch or
# Elasticsearch by SEARCH_BACKEND (e.g. wagtail.search.backends.opensearch3) and SEARCH_URLS
# (needs the client package). German stems are indexed by the knowledge app on every backend.
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="wagtail.search.backends.database")
if SEARCH_BACKEND.endswith(".database"):
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKEND, "SEARCH_CONFIG": "german"}}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKEND,
            "URLS": env.list("SEARCH_URLS", default=["http://127.0.0.1:9200"]),
            "INDEX": env.str("SEARCH_INDEX", default="industriedialog"),
            "OPTIONS": {},
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# --- Knowledge platform: material library documents (type, topics, year), videos -------------
WAGTAILDOCS_DOCUMENT_MODEL = "knowledge.KnowledgeDocument"
WAGTAILDOCS_EXTENSIONS += ["mp4", "webm", "vtt"]
# Seconds a public knowledge page stays in the whole-page cache; 0 switches it off. The
# middleware answers cached pages before Wagtail's routing (last, so all others still apply).
KNOWLEDGE_PAGE_CACHE_SECONDS = env.int("KNOWLEDGE_PAGE_CACHE_SECONDS", default=300)
MIDDLEWARE += ["industriedialog.knowledge.cache.PageCacheMiddleware"]

# --- Security defaults that hold everywhere ----------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp 4, industriedialog.common.csp): no inline script or
# style anywhere on the site. "data:" images are the TOTP QR code and Leaflet's icons; the
# optional map tile server is added below. The embeddable widget widens frame-ancestors for
# itself (registry.views_widget).
_CSP_IMG = ["'self'", "data:"]
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
if MAP_TILE_URL.startswith(("https://", "http://")):
    _tile_origin = "/".join(MAP_TILE_URL.split("/", 3)[:3]).replace("{s}", "*")
    _CSP_IMG.append(_tile_origin)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": _CSP_IMG,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (and its page previews) still needs inline scripts and style attributes;
# this looser policy applies under these paths only (documented in README, "Security").
CMS_CSP_PATH_PREFIXES = ["/cms/"]
CMS_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*_CSP_IMG, "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# --- Logging: one JSON object per line, for the log collector -----------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "filters": {"request_id": {"()": "industriedialog.common.logging.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "industriedialog": {"level": LOG_LEVEL, "propagate": True},
    },
}

# --- Optional map tiles: the map works without a tile server -----------------------------------
# Production serves media through nginx; the local demo lets Django do it.
SERVE_MEDIA = False
DEMO_MODE = False

# Staff dashboard: functions (user -> list of {label, count, url}) that feature apps offer;
# listed here so `accounts` never imports a feature app.
STAFF_TASK_PROVIDERS = [
    "industriedialog.registry.selectors.registry_staff_tasks",
    "industriedialog.advisory.selectors.advisory_staff_tasks",
    "industriedialog.surveys.selectors.surveys_staff_tasks",
    "industriedialog.events.selectors.events_staff_tasks",
    "industriedialog.advisory.selectors.advisory_follow_up_tasks",
    "industriedialog.awards.selectors.awards_staff_tasks",
    "industriedialog.assessments.selectors.assessments_staff_tasks",
    "industriedialog.reporting.selectors.reporting_staff_tasks",
]
# Initiative page: sections feature apps add (initiative -> InitiativeSection | None), listed
# here so `registry` never imports a feature app.
INITIATIVE_SECTION_PROVIDERS = [
    "industriedialog.knowledge.selectors.initiative_good_practice_section",
    "industriedialog.awards.selectors.initiative_awards_section",
    "industriedialog.surveys.initiative_page.initiative_surveys_section",
]

# Staff view of an initiative's whole history (advice log): functions initiative ->
# list[common.timeline.TimelineEntry], one per feature app.
INITIATIVE_TIMELINE_PROVIDERS: list[str] = [
    "industriedialog.advisory.selectors.initiative_timeline_entries",
    "industriedialog.events.selectors.initiative_timeline_entries",
    "industriedialog.surveys.selectors.initiative_timeline_entries",
    "industriedialog.awards.selectors.initiative_timeline_entries",
    "industriedialog.assessments.selectors.initiative_timeline_entries",
]

# Advice log: consultations older than this many days lose their personal data
# (`manage.py advisory_retention`, see industriedialog/advisory/privacy.py).
ADVISORY_RETENTION_DAYS = env.int("ADVISORY_RETENTION_DAYS", default=3 * 365)

# GDPR (contract 3): modules with export_person / erase_person / apply_retention, one per app
# that stores personal data. accounts stays first: erasure runs the list backwards, so the
# account is deleted after the apps that look things up through it.
PERSONAL_DATA_PROVIDERS = [
    "industriedialog.accounts.privacy",
    "industriedialog.registry.privacy",
    "industriedialog.newsletter.privacy",
    "industriedialog.events.privacy",
    "industriedialog.surveys.privacy",
    "industriedialog.advisory.privacy",
    "industriedialog.awards.privacy",
    "industriedialog.assessments.privacy",
    "industriedialog.reporting.privacy",
]
# Staff views that show contact details or participant lists: each successful GET is written
# to the audit log ("personal_data.viewed"; industriedialog.privacy.middleware).
PERSONAL_DATA_VIEWS = [
    "registry:staff_initiative_edit",
    "registry:staff_contact_edit",
    "registry:staff_representation_list",
    "registry:staff_proposal_review",
    "events:staff_participants",
    "events:staff_badges",
    "events:staff_check_in",
    "events:staff_invitations",
    "events:staff_message",
    "surveys:staff_invitations",
    "surveys:staff_response_rate",
    "surveys:results_export",
    "advisory:case_detail",
    "advisory:case_list",
    "advisory:document_download",
    "advisory:consultation_list",
    "advisory:consultation_detail",
    "advisory:consultation_export",
    "advisory:initiative_history",
    "awards:staff_submission_detail",
    "reporting:board",
    "reporting:member_edit",
]
# Retention periods (days) used by `manage.py apply_retention` (daily timer, deploy/README).
ACCOUNT_UNCONFIRMED_RETENTION_DAYS = env.int("ACCOUNT_UNCONFIRMED_RETENTION_DAYS", default=30)
REGISTRY_IMPORT_FILE_RETENTION_DAYS = env.int("REGISTRY_IMPORT_FILE_RETENTION_DAYS", default=90)
EVENTS_UNCONFIRMED_RETENTION_DAYS = env.int("EVENTS_UNCONFIRMED_RETENTION_DAYS", default=30)
EVENTS_ACCESSIBILITY_NEEDS_RETENTION_DAYS = env.int(
    "EVENTS_ACCESSIBILITY_NEEDS_RETENTION_DAYS", default=30
)

WHITENOISE_MIMETYPES = {".geojson": "application/geo+json"}

MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")
