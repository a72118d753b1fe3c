"""Django settings for Canbo.

Everything a deployment changes comes from the environment: DATABASE_URL (SQLite by default),
CANBO_SECRET_KEY, CANBO_DEBUG, CANBO_ALLOWED_HOSTS, CANBO_DATA_DIR, and the security settings below
(CANBO_HTTPS, CANBO_PROXY_SSL_HEADER, CANBO_CSRF_TRUSTED_ORIGINS, CANBO_TOTP_REQUIRED, CANBO_LOCKOUT_*).
`canbo check-deploy` checks them.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CANBO_DATA_DIR", Path.cwd() / "var"))

DEBUG = os.environ.get("CANBO_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("CANBO_SECRET_KEY", "insecure-development-key-change-me" if DEBUG else "")
ALLOWED_HOSTS = os.environ.get("CANBO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "canbo.core",
    "canbo.accounts",
    "canbo.organizations",
    "canbo.people",
    "canbo.careers",
    "canbo.audit",
    "canbo.rules",
    "canbo.reports",
    "canbo.evaluation",
    "canbo.planning",
    "canbo.rotation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "canbo.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "canbo.accounts.middleware.SecondFactorEnrolmentMiddleware",
    "canbo.audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "canbo.urls"
WSGI_APPLICATION = "canbo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "canbo.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'canbo.sqlite3'}",
        conn_max_age=int(os.environ.get("CANBO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while the web process reads.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Repeated failed sign-ins lock the user name (and, at a higher count, the address: an office's machines
# often share one) for a while. Minutes and counts from the environment.
SIGN_IN_LOCKOUT = {
    "FAILURES": int(os.environ.get("CANBO_LOCKOUT_FAILURES", "5")),
    "IP_FAILURES": int(os.environ.get("CANBO_LOCKOUT_IP_FAILURES", "20")),
    "WINDOW": dt.timedelta(minutes=int(os.environ.get("CANBO_LOCKOUT_WINDOW_MINUTES", "15"))),
    "DURATION": dt.timedelta(minutes=int(os.environ.get("CANBO_LOCKOUT_MINUTES", "15"))),
}
# Approvers, administrators and superusers must use a second factor (TOTP) wherever DEBUG is off. The local
# demo (DEBUG on) signs in with a password only unless CANBO_TOTP_REQUIRED=1; `canbo check-deploy` refuses a
# production setting that turns it off.
TOTP_REQUIRED = os.environ.get("CANBO_TOTP_REQUIRED", "0" if DEBUG else "1") == "1"
TOTP_ISSUER = "Canbo"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
FORMAT_MODULE_PATH = ["canbo.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A working day; a sign-in does not outlive the browser on a shared office machine.
SESSION_COOKIE_AGE = int(os.environ.get("CANBO_SESSION_HOURS", "10")) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Production is served over HTTPS (on by default when DEBUG is off): cookies only over TLS, plain HTTP
# redirected, and browsers told to keep to HTTPS. Behind a proxy that terminates TLS, CANBO_PROXY_SSL_HEADER=1
# trusts its X-Forwarded-Proto header.
HTTPS = os.environ.get("CANBO_HTTPS", "0" if DEBUG else "1") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("CANBO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
if os.environ.get("CANBO_PROXY_SSL_HEADER") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CANBO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# Browsers' HSTS preload list is for public domains; Canbo runs on closed networks, so it cannot apply.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
X_FRAME_OPTIONS = "DENY"
# Possible because every asset is served locally and templates hold no inline script or style.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
SECURE_CONTENT_TYPE_NOSNIFF = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Canbo API",
    "DESCRIPTION": "Read-only API over cadres, organizational units, positions and assignments.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from the project's own static files (swagger-ui-dist, vendored): no CDN. Redoc is not routed.
    "SWAGGER_UI_DIST": f"{STATIC_URL}vendor/swagger-ui",
    "SWAGGER_UI_FAVICON_HREF": f"{STATIC_URL}vendor/swagger-ui/favicon-32x32.png",
    # null stops Swagger UI from sending the schema address to the public online validator.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "canbo.core.api.schema.declare_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActionKindEnum": "canbo.careers.models.ActionKind",
        "LevelEnum": "canbo.organizations.models.AdminLevel",
        # An evaluation's computed and assigned grades share one list of levels.
        "GradeEnum": "canbo.evaluation.models.evaluations.Grade",
    },
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DJANGO_TABLES2_TEMPLATE = "core/table.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CANBO_LOG_LEVEL", "WARNING")},
}
