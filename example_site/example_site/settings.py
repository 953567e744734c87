"""Settings of the example municipal site, a demo of ogp-wagtail as an integrator uses it.

Environment variables:

- ``EXAMPLE_DATABASE_PATH``: the SQLite file (default ``example_site/db.sqlite3``);
- ``EXAMPLE_MEDIA_ROOT``: where uploaded documents go (default ``example_site/media``);
- ``EXAMPLE_EMAIL_DIR``: where the emails it sends are written (default
  ``example_site/sent-emails``);
- ``DJANGO_DEBUG=0``: turn the demo's debug mode off;
- ``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` (comma-separated) for anything
  beyond a laptop.
"""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = os.environ.get("DJANGO_DEBUG", "1").lower() not in {"0", "false", "no", "off", ""}
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-insecure-key-do-not-deploy")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "home",
    "ogp_wagtail",
    "ogp_wagtail.comments",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A form POST in another charset than UTF-8 gets a 400 with a reason, not a 500.
    "ogp_wagtail.middleware.FormCharsetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# SQLite set up for a web server, where requests write at the same time: immediate
# transactions take the write lock when they begin and wait for it up to the timeout
# (deferred ones fail at once with "database is locked" when two upgrade together), and
# WAL lets pages be read while a comment is written. NORMAL is safe with WAL; a power
# cut may lose the last commits, never the file.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("EXAMPLE_DATABASE_PATH") or BASE_DIR / "db.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French first (served at /), then English, Arabic (right to left)
# and Spanish, each under its own prefix.
LANGUAGE_CODE = "fr"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ.get("EXAMPLE_MEDIA_ROOT") or BASE_DIR / "media"

# Every email the demo sends (moderators' alerts, follow confirmations, updates to
# followers) is written to a file in this folder, one file per email: nothing leaves
# the machine, and a resident can still click the confirmation link it holds.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("EXAMPLE_EMAIL_DIR") or BASE_DIR / "sent-emails"
MEDIA_URL = "/media/"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Hautrive-sur-Meuse"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "png", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# ogp-wagtail: its public pages extend this site's own base template.
OGP_WAGTAIL_BASE_TEMPLATE = "base.html"
OGP_WAGTAIL_DEFAULT_CURRENCY = "EUR"

# ogp-wagtail keeps the rendered content of plan and commitment pages (and of the home
# page's blocks) in the default cache until something they show changes, for at most
# OGP_WAGTAIL_RENDER_CACHE_TIMEOUT seconds (0 turns it off). The demo runs in one process,
# so memory will do; a site served by several processes needs a cache they share (Redis,
# Memcached, the database cache), or a publication shows in the other processes only
# after the timeout.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
OGP_WAGTAIL_RENDER_CACHE_TIMEOUT = int(os.environ.get("EXAMPLE_RENDER_CACHE_TIMEOUT", "600"))
