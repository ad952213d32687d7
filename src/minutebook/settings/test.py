"""The test suite: SQLite in memory by default; DATABASE_URL runs it on PostgreSQL."""

import os
import tempfile

from minutebook.settings.base import *  # noqa: F403
from minutebook.settings.base import dj_database_url

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
MEDIA_ROOT = tempfile.mkdtemp(prefix="minutebook-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="minutebook-test-static-")
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": tempfile.mkdtemp(prefix="minutebook-test-private-"),
        "base_url": "/files/unserved/",
    },
}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
