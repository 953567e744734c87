"""The example site, driven as an integrator would: manage.py in a subprocess.

The suite itself runs with tests/settings.py, so the example site gets its own
processes, database and media root (in a temporary directory).
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "example_site"
CRAWLER = Path(__file__).resolve().parent / "example_crawl.py"
ADMIN_PASSWORD = "example-test-password"


def run(env, *args, script=None):
    command = [sys.executable, str(script)] if script else [sys.executable, "manage.py"]
    completed = subprocess.run(
        [*command, *args],
        cwd=EXAMPLE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, (
        f"{' '.join(args) or script} failed:\n{completed.stdout}\n{completed.stderr}"
    )
    return completed.stdout


def table_counts(database):
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def media_files(media_root):
    return sorted(
        (str(path.relative_to(media_root)), path.stat().st_size)
        for path in Path(media_root).rglob("*")
        if path.is_file()
    )


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    """A migrated example site with the example loaded once."""
    directory = tmp_path_factory.mktemp("example_site")
    env = {
        **os.environ,
        # pytest-django exported the suite's own settings module; the site names its own.
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "EXAMPLE_DATABASE_PATH": str(directory / "db.sqlite3"),
        "EXAMPLE_MEDIA_ROOT": str(directory / "media"),
        "EXAMPLE_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "DJANGO_DEBUG": "0",
    }
    run(env, "migrate", "--no-input", "-v", "0")
    first_output = run(env, "load_example")
    return {
        "env": env,
        "database": directory / "db.sqlite3",
        "media": directory / "media",
        "first_output": first_output,
    }


def test_check_passes_and_migrations_match_models(example_site):
    env = example_site["env"]
    assert "no issues" in run(env, "check")
    run(env, "makemigrations", "--check", "--dry-run", "home")


def test_first_load_creates_the_example(example_site):
    output = example_site["first_output"]
    assert "created home page" in output
    assert "created resources page: Open government resources" in output
    assert "created home page blocks" in output
    assert f"created superuser: admin with the password {ADMIN_PASSWORD!r}" in output
    with sqlite3.connect(example_site["database"]) as connection:
        statuses = {
            status for (status,) in connection.execute("SELECT status FROM ogp_wagtail_milestone")
        }
        assert statuses == {"not_started", "in_progress", "blocked", "complete", "incomplete"}
        (amendments,) = connection.execute(
            "SELECT COUNT(*) FROM ogp_wagtail_commitmentamendment"
        ).fetchone()
        assert amendments >= 1
        (items_with_documents,) = connection.execute(
            "SELECT COUNT(*) FROM ogp_wagtail_evidenceitem WHERE document_id IS NOT NULL"
        ).fetchone()
        assert items_with_documents >= 6
        (unpublished,) = connection.execute(
            "SELECT COUNT(*) FROM wagtailcore_page WHERE depth > 1 AND "
            "(live = 0 OR has_unpublished_changes = 1 OR live_revision_id IS NULL)"
        ).fetchone()
        assert unpublished == 0
    signatures = {".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n"}
    suffixes = set()
    for path in Path(example_site["media"]).rglob("*.*"):
        suffixes.add(path.suffix)
        if path.suffix in signatures:
            assert path.read_bytes().startswith(signatures[path.suffix]), path
    assert {".pdf", ".png", ".csv"} <= suffixes


def test_second_load_creates_nothing(example_site):
    env, database, media = example_site["env"], example_site["database"], example_site["media"]
    counts_before, files_before = table_counts(database), media_files(media)

    output = run(env, "load_example")

    assert "Done: 0 created" in output, output
    assert "  created " not in output, output
    counts_after = table_counts(database)
    for table in (
        "wagtailcore_page",
        "wagtailcore_revision",
        "wagtaildocs_document",
        "ogp_wagtail_evidenceitem",
        "ogp_wagtail_milestone",
    ):
        assert counts_before[table] > 0, table
        assert counts_after[table] == counts_before[table], table
    assert counts_after == counts_before
    assert media_files(media) == files_before


def test_crawl_from_home_reaches_every_ogp_page_without_errors(example_site):
    result = json.loads(run(example_site["env"], script=CRAWLER))
    statuses, referrers, expected = result["statuses"], result["referrers"], result["expected"]

    assert not result["truncated"]
    assert {model: len(urls) for model, urls in expected.items()} == {
        "OpenGovernmentPage": 1,
        "StrategicVisionPage": 1,
        "CommitmentPage": 5,
        "EvidenceFolderPage": 6,
        "ConsultationPage": 2,
    }
    for urls in expected.values():
        for url in urls:
            assert statuses.get(url) == 200, (url, statuses.get(url))
            # The home page's own links block points at each of them.
            assert referrers[url] == "/", (url, referrers[url])
    broken = {url: (status, referrers[url]) for url, status in statuses.items() if status >= 400}
    assert not broken, broken
    assert any(url.startswith("/documents/") for url in statuses)
    # The home page links to the resources page, built from the package's blocks.
    assert statuses.get("/resources/") == 200 and referrers["/resources/"] == "/"
    assert statuses.get("/static/ogp_wagtail/css/ogp-wagtail-blocks.css") == 200
    assert result["not_found_status"] == 404
    admin = result["admin_edit_statuses"]
    assert len(admin) == 17  # the home page, the resources page and the 15 OGP pages
    assert set(admin.values()) == {200}, admin


HOME_PAGE_SCRIPT = """
import json
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
print(json.dumps(Client().get("/").content.decode()))
"""


def test_home_page_shows_the_ogp_blocks(example_site):
    output = run(example_site["env"], "shell", "-c", HOME_PAGE_SCRIPT)
    html = json.loads(output.strip().splitlines()[-1])
    for css_class in [
        "ogp-callout--open",  # the review consultation is open whenever the example is loaded
        "ogp-commitment-list",
        "ogp-key-dates",
        "ogp-timeline__entry--past",
        "ogp-timeline__entry--upcoming",
        "ogp-evidence-list",
        "ogp-contact-block",
    ]:
        assert css_class in html, css_class
    assert html.count('class="ogp-card ogp-commitment-summary"') == 5
    assert "Yasmina Benali" in html
