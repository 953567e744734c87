"""Comments on SQLite under concurrent posts: nothing lost (issue 8, item 15).

SQLite's default deferred transactions take the write lock only at their first write:
two requests that counted their rate limit and then insert cannot both upgrade, and one
gets ``database is locked`` at once, whatever the busy timeout (a 500, nothing stored).
Immediate transactions wait for the lock from the start, within the timeout; WAL lets
pages be read meanwhile. The example site is served for real by a threaded server to
eight concurrent clients; a system check warns a site configured the old way.
"""

import json
import os
import re
import sqlite3
import threading

import pytest
import requests

from ogp_wagtail.comments import checks
from tests.example_server import example_env, only_in_the_sqlite_run, run, serve_example

WAL_IMMEDIATE = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def sqlite(name="/srv/site/db.sqlite3", **options):
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": name, "OPTIONS": options}


def warning_ids(settings, database):
    settings.DATABASES = {**settings.DATABASES, "default": database}
    return [warning.id for warning in checks.check_sqlite_for_concurrent_posts(None)]


# Overriding DATABASES only changes what the check reads: no connection is opened.
override_databases = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@override_databases
def test_the_check_warns_about_sqlite_configured_for_scripts(settings):
    """The example site's old settings: deferred transactions, default timeout, no WAL."""
    assert warning_ids(settings, sqlite()) == ["ogp_comments.W001", "ogp_comments.W002"]
    (warning, _wal) = checks.check_sqlite_for_concurrent_posts(None)
    assert '"transaction_mode": "IMMEDIATE"' in warning.hint and '"timeout"' in warning.hint


@override_databases
@pytest.mark.parametrize(
    "options",
    [
        {"timeout": 20},  # deferred transactions
        {"transaction_mode": "DEFERRED", "timeout": 20},
        {"transaction_mode": "IMMEDIATE"},  # no timeout said
        {"transaction_mode": "IMMEDIATE", "timeout": 0},
    ],
)
def test_the_check_wants_immediate_transactions_and_a_timeout(settings, options):
    init_command = {"init_command": "PRAGMA journal_mode=WAL"}
    assert warning_ids(settings, sqlite(**options, **init_command)) == ["ogp_comments.W001"]


@override_databases
@pytest.mark.parametrize(
    "init_command", ["", "PRAGMA synchronous=NORMAL", "PRAGMA journal_mode=DELETE"]
)
def test_the_check_wants_wal_in_the_init_command(settings, init_command):
    options = {**WAL_IMMEDIATE, "init_command": init_command}
    assert warning_ids(settings, sqlite(**options)) == ["ogp_comments.W002"]


@override_databases
@pytest.mark.parametrize(
    "database",
    [
        sqlite(**WAL_IMMEDIATE),
        sqlite(
            transaction_mode="immediate",
            timeout=5,
            init_command="pragma synchronous = normal ;PRAGMA journal_mode = 'wal'",
        ),
        sqlite(transaction_mode="EXCLUSIVE", timeout=30, init_command="PRAGMA journal_mode=wal"),
        # A database in memory is never shared by server processes (test settings).
        sqlite(":memory:"),
        sqlite("file:tests?mode=memory&cache=shared"),
        {"ENGINE": "django.db.backends.postgresql", "NAME": "site"},
    ],
)
def test_the_check_is_silent_when_sqlite_is_ready_for_a_web_server(settings, database):
    assert warning_ids(settings, database) == []


# -- The example site under eight concurrent clients ------------------------------------

CLIENTS = 8
COMMENTS_PER_CLIENT = 25
REPORTED_COMMENTS = 12  # each client reports each of them once: 96 reports

# The example site's settings (its database among them), with what a load test needs:
# clients post at once, each from its own address, as often as they like.
LOAD_SETTINGS = """
from example_site.settings import *  # noqa: F403

OGP_WAGTAIL_COMMENTS_MIN_FILL_SECONDS = 0
OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER = "X-Forwarded-For"
OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT = 1000
OGP_WAGTAIL_COMMENTS_EMAIL_RATE_LIMIT = 1000
OGP_WAGTAIL_COMMENTS_REPORT_RATE_LIMIT = 1000
OGP_WAGTAIL_COMMENTS_REPORTS_TO_HIDE = 1000
# The cause of any 500 goes to runserver's output, which the test reads.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
"""

# Published comments to report, on the first live progress update.
SEED_SCRIPT = f"""
import json
from ogp_wagtail.comments.display import Target, published_fields
from ogp_wagtail.comments.models import Comment
from ogp_wagtail.models import ProgressUpdate

target = Target(ProgressUpdate.objects.filter(live=True).first())
comments = [
    Comment.objects.create(
        **target.comment_fields(),
        **published_fields(),
        author_name=f"Seed {{number}}",
        author_email=f"seed{{number}}@example.org",
        body=f"seed-{{number}}",
        client_hash="seed",
    )
    for number in range({REPORTED_COMMENTS})
]
print(json.dumps({{"path": target.url(), "comments": [str(c.uuid) for c in comments]}}))
"""

FIELD = r'name="{0}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{0}"'


def form_value(html, name):
    match = re.search(FIELD.format(name), html)
    assert match, f"no {name!r} field on the page"
    return match.group(1) or match.group(2)


def client_run(number, base, seeded, outcomes):
    session = requests.Session()
    page = session.get(base + seeded["path"], timeout=60)
    assert page.status_code == 200, page.status_code
    csrf = form_value(page.text, "csrfmiddlewaretoken")
    comment_fields = {
        "csrfmiddlewaretoken": csrf,
        "target": form_value(page.text, "target"),
        "token": form_value(page.text, "token"),
        "language": "en",
        "name": f"Client {number}",
        "consent": "on",
        "website": "",
    }
    headers = {"X-Forwarded-For": f"10.0.{number}.1", "Referer": base + seeded["path"]}
    for post in range(COMMENTS_PER_CLIENT):
        body = f"load-{number}-{post}: please publish the river sensors' data."
        data = {**comment_fields, "email": f"client{number}.{post}@example.org", "body": body}
        response = session.post(
            base + "/ogp/comments/post/",
            data=data,
            headers=headers,
            allow_redirects=False,
            timeout=60,
        )
        outcomes.append(("comment", body, response.status_code))
        if post < REPORTED_COMMENTS:
            comment = seeded["comments"][(post + number) % REPORTED_COMMENTS]
            data = {"csrfmiddlewaretoken": csrf, "comment": comment, "reason": "spam"}
            response = session.post(
                base + "/ogp/comments/report/",
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=60,
            )
            outcomes.append(("report", f"{comment} {number}", response.status_code))


@pytest.mark.slow
@only_in_the_sqlite_run
def test_eight_concurrent_clients_lose_no_comment_and_no_report(tmp_path):
    (tmp_path / "load_settings.py").write_text(LOAD_SETTINGS)
    database = tmp_path / "db.sqlite3"
    env = example_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="load_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
    )
    run(env, "migrate", "--no-input", "-v", "0")
    run(env, "load_example")
    seeded = json.loads(run(env, "shell", "-c", SEED_SCRIPT).strip().splitlines()[-1])

    outcomes = []  # list.append is atomic: the threads share it
    with serve_example(env, tmp_path / "runserver.log") as port:
        threads = [
            threading.Thread(
                target=client_run, args=(number, f"http://127.0.0.1:{port}", seeded, outcomes)
            )
            for number in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    log = (tmp_path / "runserver.log").read_text()
    comments = [(key, status) for kind, key, status in outcomes if kind == "comment"]
    reports = [(key, status) for kind, key, status in outcomes if kind == "report"]
    assert len(comments) == CLIENTS * COMMENTS_PER_CLIENT, "a client did not finish"
    assert len(reports) == CLIENTS * REPORTED_COMMENTS, "a client did not finish"
    with sqlite3.connect(database) as connection:
        stored = [
            body
            for (body,) in connection.execute(
                "SELECT body FROM ogp_comments_comment WHERE body LIKE 'load-%'"
            )
        ]
        (stored_reports,) = connection.execute(
            "SELECT COUNT(*) FROM ogp_comments_commentreport"
        ).fetchone()
        (counted_reports,) = connection.execute(
            "SELECT SUM(report_count) FROM ogp_comments_comment WHERE body LIKE 'seed-%'"
        ).fetchone()
    accepted = sorted(body for body, status in comments if status == 303)
    accepted_reports = sum(status == 303 for _key, status in reports)
    figures = (
        f"comments: {sum(status >= 500 for _key, status in comments)} answered 5xx, "
        f"{len(accepted)} accepted, {len(stored)} stored; "
        f"reports: {sum(status >= 500 for _key, status in reports)} answered 5xx, "
        f"{accepted_reports} accepted, {stored_reports} stored; "
        f"'database is locked' in the server's log: {log.count('database is locked')}"
    )

    assert all(status < 500 for _key, status in comments + reports), figures
    assert sorted(stored) == accepted, figures
    assert len(set(stored)) == len(stored), figures
    assert stored_reports == counted_reports == accepted_reports, figures
    # Every post is within the limits: all of them are accepted.
    assert len(accepted) == CLIENTS * COMMENTS_PER_CLIENT, figures
    assert accepted_reports == CLIENTS * REPORTED_COMMENTS, figures


def test_the_check_wants_the_form_charset_middleware_before_csrf(settings):
    """Issue 8, item 24: without it, a form in latin-1 is a 500 (see test_bad_charset.py)."""
    charset, csrf = checks.FORM_CHARSET_MIDDLEWARE, checks.CSRF_MIDDLEWARE
    for middleware, expected in [
        ([csrf, charset], ["ogp_comments.W003"]),
        ([csrf], ["ogp_comments.W003"]),
        ([charset, csrf], []),
    ]:
        settings.MIDDLEWARE = middleware
        assert [w.id for w in checks.check_form_charset_middleware(None)] == expected, middleware
