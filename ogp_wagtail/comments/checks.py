"""System checks of the comments sub-app: settings a typo would silently break."""

import re

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS
from django.db.utils import load_backend

from .conf import comments_settings
from .notifications import MODES

# Immediate transactions wait for SQLite's write lock up to the timeout; exclusive ones too.
LOCKING_TRANSACTION_MODES = {"IMMEDIATE", "EXCLUSIVE"}
# Python's own default busy timeout (seconds): anything shorter gives up sooner.
MIN_SQLITE_TIMEOUT = 5
WAL_PRAGMA = re.compile(r"^\s*pragma\s+journal_mode\s*=\s*['\"]?wal['\"]?\s*$", re.IGNORECASE)
SQLITE_OPTIONS_EXAMPLE = (
    '"OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20, '
    '"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"}'
)


FORM_CHARSET_MIDDLEWARE = "ogp_wagtail.middleware.FormCharsetMiddleware"
CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"


@register()
def check_form_charset_middleware(app_configs, **kwargs):
    """Residents post comments: a form in another charset must be a 400, not a 500."""
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    if FORM_CHARSET_MIDDLEWARE in middleware and (
        CSRF_MIDDLEWARE not in middleware
        or middleware.index(FORM_CHARSET_MIDDLEWARE) < middleware.index(CSRF_MIDDLEWARE)
    ):
        return []
    return [
        Warning(
            "A comment form sent in another charset than UTF-8 is answered with a server "
            "error (500).",
            hint=f"Add {FORM_CHARSET_MIDDLEWARE!r} to MIDDLEWARE, before {CSRF_MIDDLEWARE!r} "
            "(see the README, 'Forms sent in another charset').",
            id="ogp_comments.W003",
        )
    ]


@register()
def check_moderator_notifications(app_configs, **kwargs):
    mode = comments_settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS
    if mode in MODES:
        return []
    return [
        Error(
            f"OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS is {mode!r}.",
            hint=f"Use one of: {', '.join(MODES)}.",
            id="ogp_comments.E001",
        )
    ]


@register()
def check_sqlite_for_concurrent_posts(app_configs, **kwargs):
    """Comments posted at the same time on SQLite set up for scripts: 500s, posts lost.

    SQLite's default deferred transactions take the write lock at their first write, and
    fail at once with "database is locked" when two requests that have read must both
    write. Read from the settings only: no connection is opened.
    """
    database = settings.DATABASES.get(DEFAULT_DB_ALIAS) or {}
    if not is_sqlite_file(database):
        return []
    options = database.get("OPTIONS") or {}
    warnings = []
    mode = str(options.get("transaction_mode") or "DEFERRED").upper()
    timeout = options.get("timeout")
    if mode not in LOCKING_TRANSACTION_MODES or not is_long_enough(timeout):
        waits = f"a timeout of {timeout!r} s" if timeout is not None else "no timeout set"
        warnings.append(
            Warning(
                f"The default database is SQLite with {mode.lower()} transactions and "
                f"{waits}: comments and reports posted at the same time can fail with "
                '"database is locked" (a 500), and are then lost.',
                hint=(
                    'Add "transaction_mode": "IMMEDIATE" and a "timeout" of at least '
                    f"{MIN_SQLITE_TIMEOUT} seconds to DATABASES['default']['OPTIONS'], "
                    f"e.g. {SQLITE_OPTIONS_EXAMPLE}, or use PostgreSQL."
                ),
                id="ogp_comments.W001",
            )
        )
    if not any(WAL_PRAGMA.match(command) for command in init_commands(options)):
        warnings.append(
            Warning(
                "The default database is SQLite and its init_command does not set "
                "WAL journal mode: pages being read and comments being written wait for "
                "each other.",
                hint=(
                    "Add \"PRAGMA journal_mode=WAL\" to DATABASES['default']['OPTIONS']"
                    "['init_command']. If the file is already in WAL mode (it stays so once "
                    'set), silence this check with SILENCED_SYSTEM_CHECKS = ["ogp_comments.W002"].'
                ),
                id="ogp_comments.W002",
            )
        )
    return warnings


def is_sqlite_file(database):
    """Whether ``database`` (a DATABASES entry) is an SQLite file several requests share."""
    engine = database.get("ENGINE") or ""
    try:
        vendor = load_backend(engine).DatabaseWrapper.vendor
    except ImproperlyConfigured:  # Django reports a backend it cannot load
        return False
    if vendor != "sqlite":
        return False
    name = database.get("NAME") or ""
    # In memory, a database lives in one process: test settings, never a site.
    return not (isinstance(name, str) and (name == ":memory:" or "mode=memory" in name))


def is_long_enough(timeout):
    try:
        return timeout is not None and float(timeout) >= MIN_SQLITE_TIMEOUT
    except (TypeError, ValueError):
        return False


def init_commands(options):
    """The statements of ``init_command``, split on ";" as Django's SQLite backend does."""
    return str(options.get("init_command") or "").split(";")
