"""Django settings for somevakt. Everything a deployment changes comes from the environment
(see the README's settings table); the defaults run the embedded demo: SQLite in ./var."""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SOMEVAKT_DATA_DIR", Path.cwd() / "var")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    key = os.environ.get("SOMEVAKT_SECRET_KEY", "")
    if key:
        return key
    # Embedded default: a random key kept beside the SQLite database.
    path = DATA_DIR / "secret-key"
    if path.is_file():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


DEBUG = env_bool("SOMEVAKT_DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("SOMEVAKT_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("SOMEVAKT_CSRF_TRUSTED_ORIGINS", "")
# Served over HTTPS (the production default); the local demo sets SOMEVAKT_HTTPS=0.
HTTPS = env_bool("SOMEVAKT_HTTPS", not DEBUG)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "somevakt.web.people",
    "somevakt.web.records",
    "somevakt.web.accounts",
    "somevakt.web.moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "somevakt.web.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "somevakt.web.urls"
WSGI_APPLICATION = "somevakt.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "somevakt.web.people.context_processors.people",
                "somevakt.web.moderation.context_processors.moderation",
            ],
        },
    },
]

# Database: SOMEVAKT_DATABASE_URL (postgres://... in production), else SQLite in ./var.
_db_url = os.environ.get("SOMEVAKT_DATABASE_URL", "")
if not _db_url:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _db_url = f"sqlite:///{DATA_DIR / 'somevakt.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_db_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE transactions serialize writers, so the audit hash chain never forks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file, not memory: with an in-memory database the live server's threads
    # share the test thread's one connection, so a webhook arriving while the worker writes
    # races on it. A file gives each thread its own connection and SQLite's real locking,
    # as in production. The pid keeps concurrent test runs apart.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"somevakt-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# OpenID Connect (Entra ID) when SOMEVAKT_OIDC_CLIENT_ID is set.
OIDC_ENABLED = bool(os.environ.get("SOMEVAKT_OIDC_CLIENT_ID"))
OIDC_RP_CLIENT_ID = os.environ.get("SOMEVAKT_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("SOMEVAKT_OIDC_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("SOMEVAKT_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("SOMEVAKT_OIDC_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("SOMEVAKT_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("SOMEVAKT_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("SOMEVAKT_OIDC_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("SOMEVAKT_OIDC_JWKS_ENDPOINT", "")
# JSON object: Entra group object id or app role value -> somevakt role id.
SOMEVAKT_OIDC_ROLE_MAP: dict[str, str] = json.loads(
    os.environ.get("SOMEVAKT_OIDC_ROLE_MAP", "") or "{}"
)
# Role every signed-in employee gets; empty: users without a mapped role are refused.
SOMEVAKT_OIDC_DEFAULT_ROLE = os.environ.get("SOMEVAKT_OIDC_DEFAULT_ROLE", "ansatt")
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("somevakt.web.people.oidc.SomevaktOIDCBackend")
    MIDDLEWARE.append("mozilla_django_oidc.middleware.SessionRefresh")

# django-axes: lock out a username from an address after repeated failed sign-ins.
AXES_FAILURE_LIMIT = int(os.environ.get("SOMEVAKT_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("nn", _("Norwegian Nynorsk"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"  # `somevakt manage collectstatic` fills it for production
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True

# E-mail through Django's backend: the console in the demo, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "SOMEVAKT_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("SOMEVAKT_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("SOMEVAKT_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SOMEVAKT_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("SOMEVAKT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SOMEVAKT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SOMEVAKT_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("SOMEVAKT_EMAIL_FROM", "somevakt@localhost")
SOMEVAKT_BASE_URL = os.environ.get("SOMEVAKT_BASE_URL", "http://127.0.0.1:8000")

# Security headers. The CSP is set by somevakt.web.csp; templates carry no inline script/style.
SOMEVAKT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SOMEVAKT_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env_bool("SOMEVAKT_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SOMEVAKT_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
