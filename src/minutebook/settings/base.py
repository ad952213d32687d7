"""Settings shared by every environment. Values that vary come from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

# Where the SQLite database and uploaded files live unless the environment says otherwise.
DATA_DIR = Path(os.environ.get("MINUTEBOOK_DATA_DIR", Path.cwd() / "var")).resolve()

SECRET_KEY = os.environ.get("SECRET_KEY", "minutebook-development-key-not-for-production")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Minutebook: one app per thing a clerk names.
    "minutebook.councils",
    "minutebook.committees",
    "minutebook.people",
    "minutebook.meetings",
    "minutebook.minutes",
    "minutebook.reports",
    "minutebook.scrutiny",
    "minutebook.documents",
    "minutebook.importing",
    "minutebook.publishing",
    "minutebook.feeds",
    "minutebook.search",
    "minutebook.portal",
    "django_htmx",
    "ninja",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags and 304s for every GET: API clients and feed readers poll.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records who made each change in the audit trail (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "minutebook.urls"
WSGI_APPLICATION = "minutebook.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_from_environment(default_sqlite: Path) -> dict:
    """DATABASE_URL (postgres://..., sqlite:///path) or a local SQLite file in WAL mode."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{default_sqlite}"
    config = dj_database_url.parse(url, conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        # WAL lets the portal read while an import writes; IMMEDIATE avoids
        # "database is locked" surprises when two writers meet.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    return config


DATABASES = {"default": database_from_environment(DATA_DIR / "minutebook.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# UK formats everywhere in the UI: "Monday 4 March 2019", "10.00 am".
DATE_FORMAT = "l j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "g.i a"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded papers (possibly exempt): outside MEDIA_ROOT, served only through access checks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "private", "base_url": "/files/unserved/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Django 6 default, adopted now: a bare "example.gov.uk" in a URL field means https.
FORMS_URLFIELD_ASSUME_HTTPS = True

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
