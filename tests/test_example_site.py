"""The example site, driven as an integrator would: manage.py in a subprocess.

The suite itself runs with tests/settings.py, so the example site gets its own
processes, database and media root (in a temporary directory).
"""

import json
import sqlite3
import subprocess
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from tests.example_server import EXAMPLE_DIR, example_env, run

pytestmark = pytest.mark.slow

CRAWLER = Path(__file__).resolve().parent / "example_crawl.py"
SEARCHER = Path(__file__).resolve().parent / "example_search.py"
LANGUAGE_READER = Path(__file__).resolve().parent / "example_languages.py"
ADMIN_PASSWORD = "example-test-password"


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
    env = example_env(directory, EXAMPLE_ADMIN_PASSWORD=ADMIN_PASSWORD)
    run(env, "migrate", "--no-input", "-v", "0")
    first_output = run(env, "load_example")
    return {
        "env": env,
        "database": directory / "db.sqlite3",
        "media": directory / "media",
        "emails": directory / "emails",
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


def test_the_demo_keeps_its_emails_in_files_and_says_where(example_site):
    """Following a commitment needs its confirmation email: the demo must show it (item 14)."""
    emails = example_site["emails"]
    assert f"Emails the site sends are written to {emails}/" in example_site["first_output"]
    run(example_site["env"], "sendtestemail", "resident@example.org")
    (sent,) = list(emails.iterdir())
    assert "resident@example.org" in sent.read_text()


def test_the_site_has_the_address_the_demo_serves_it_at(example_site):
    """Embed codes, feeds and emails use the site's address: not Wagtail's "localhost:80"."""
    with sqlite3.connect(example_site["database"]) as connection:
        address = connection.execute(
            "SELECT hostname, port FROM wagtailcore_site WHERE is_default_site"
        ).fetchone()
    assert address == ("127.0.0.1", 8000)


@pytest.mark.parametrize("address", ["ftp://example.org", "http://:80", "http://host:99999"])
def test_a_bad_site_address_is_refused_with_a_message(example_site, address):
    completed = subprocess.run(
        [sys.executable, "manage.py", "load_example", "--site-address", address],
        cwd=EXAMPLE_DIR,
        env=example_site["env"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 1
    assert "--site-address" in completed.stderr and "Traceback" not in completed.stderr


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
        "ogp_wagtail_progressupdate",
        "ogp_wagtail_progressupdate_evidence",
        "ogp_wagtail_updatestatuschange",
        "ogp_wagtail_milestonestatusrecord",
    ):
        assert counts_before[table] > 0, table
        assert counts_after[table] == counts_before[table], table
    assert counts_after == counts_before
    assert media_files(media) == files_before


def test_progress_updates_build_the_milestone_histories(example_site):
    with sqlite3.connect(example_site["database"]) as connection:
        updates = connection.execute(
            "SELECT commitment_id, COUNT(DISTINCT uuid), MIN(date), MAX(date), SUM(live) / 4 "
            "FROM ogp_wagtail_progressupdate GROUP BY commitment_id"
        ).fetchall()
        # Each commitment has its quarterly updates, all published and none in the future,
        # each in English and translated into French, Arabic and Spanish.
        assert len(updates) == 5
        for _commitment, count, first, last, live in updates:
            assert 1 <= count <= 3 and live == count
            assert "2026-01-01" <= first <= last <= date.today().isoformat()
        (with_evidence,) = connection.execute(
            "SELECT COUNT(DISTINCT progressupdate_id) FROM ogp_wagtail_progressupdate_evidence"
        ).fetchone()
        assert with_evidence >= 5
        (with_delays,) = connection.execute(
            "SELECT COUNT(*) FROM ogp_wagtail_progressupdate WHERE delay_reasons != ''"
        ).fetchone()
        assert with_delays >= 2

        histories = {}
        for key, previous, status, update in connection.execute(
            "SELECT milestone_key, previous_status, status, update_id "
            "FROM ogp_wagtail_milestonestatusrecord ORDER BY recorded_at, id"
        ):
            histories.setdefault(key, []).append((previous, status, update))
        chains = {
            tuple(status for _previous, status, _update in records)
            for records in histories.values()
            if sum(update is not None for _previous, _status, update in records) >= 2
        }
        # Earlier statuses stay visible: a milestone started and finished in two updates,
        # another started, then was blocked.
        assert ("not_started", "in_progress", "complete") in chains, chains
        assert ("not_started", "in_progress", "blocked") in chains, chains
        for records in histories.values():
            # The first status comes from publishing the commitment, the others from updates.
            assert records[0][0] == "" and records[0][2] is None
            assert all(update is not None for _previous, _status, update in records[1:])
            for earlier, later in pairwise(records):
                assert later[0] == earlier[1]  # each change starts from the status before it
        # Each milestone shows the latest status of its history, in each of the four languages.
        milestones = connection.execute(
            "SELECT translation_key, status FROM ogp_wagtail_milestone"
        ).fetchall()
        assert len(histories) == 21
        assert len(milestones) == 4 * 21
        for key, status in milestones:
            assert histories[key][-1][1] == status, key


def test_the_hub_plan_and_commitments_are_served_in_four_languages(example_site):
    """French at /, English, Arabic and Spanish under their prefixes: real translations."""
    result = json.loads(run(example_site["env"], script=LANGUAGE_READER))
    report = result["pages"]
    assert set(report) == {"fr", "en", "ar", "es"}
    titles = {}
    for language, pages in report.items():
        assert [page["type"] for page in pages] == [
            "OpenGovernmentPage",
            "StrategicVisionPage",
            *["CommitmentPage"] * 5,
        ], language
        for page in pages:
            assert page["status"] == 200, page
            assert (page["lang"], page["dir"]) == (
                language,
                "rtl" if language == "ar" else "ltr",
            ), page
            # Every internal link leads to a page in the same language (the switcher aside).
            assert page["out_of_language"] == [], page
        titles[language] = [page["title"] for page in pages]
    # Translated, not copied: no title is the English one in another language.
    for language in ("fr", "ar", "es"):
        assert not set(titles[language]) & set(titles["en"]), language
    # A missing page leads home in its language.
    for language, prefix in {"fr": "", "en": "/en", "ar": "/ar", "es": "/es"}.items():
        assert result["not_found"][language]["status"] == 404
        # The header's link and the page's own "Go to the home page".
        links = result["not_found"][language]["links"]
        assert links.count(f"{prefix}/") == 2, result["not_found"]
    # At least 90 % of the letters of the Arabic pages' main content are Arabic: pages,
    # inline rows and progress updates translated (addresses and codes stay Latin).
    for page in report["ar"]:
        assert page["arabic_share"] >= 0.9, page


def home_of(url):
    """The home page of the language ``url`` is in: French at /, the others under a prefix."""
    first = url.strip("/").split("/")[0]
    return f"/{first}/" if first in {"en", "ar", "es"} else "/"


def test_crawl_from_home_reaches_every_ogp_page_without_errors(example_site):
    result = json.loads(run(example_site["env"], script=CRAWLER))
    statuses, referrers, expected = result["statuses"], result["referrers"], result["expected"]

    assert not result["truncated"]
    # Each page in four languages, reached through the language switcher.
    assert {model: len(urls) for model, urls in expected.items()} == {
        "OpenGovernmentPage": 4 * 1,
        "StrategicVisionPage": 4 * 1,
        "CommitmentPage": 4 * 5,
        "EvidenceFolderPage": 4 * 6,
        "ConsultationPage": 4 * 2,
    }
    for urls in expected.values():
        for url in urls:
            assert statuses.get(url) == 200, (url, statuses.get(url))
            # The home page's own links block points at each of them; the other languages'
            # pages are first reached through the language switcher.
            if home_of(url) == "/":
                assert referrers[url] == "/", (url, referrers[url])
    broken = {url: (status, referrers[url]) for url, status in statuses.items() if status >= 400}
    assert not broken, broken
    assert any(url.startswith("/documents/") for url in statuses)
    # The home page links to the resources page, built from the package's blocks.
    assert statuses.get("/ressources/") == 200 and referrers["/ressources/"] == "/"
    assert statuses.get("/en/resources/") == 200
    assert statuses.get("/static/ogp_wagtail/css/ogp-wagtail-blocks.css") == 200
    assert result["not_found_status"] == 404
    admin = result["admin_edit_statuses"]
    assert len(admin) == 4 * 18  # the home, resources and search pages and the 15 OGP pages
    assert set(admin.values()) == {200}, admin

    # Every progress update's permanent page, from its commitment's page, and the feeds.
    updates, feeds = result["update_urls"], result["feed_urls"]
    assert len(updates) == 13
    for url in updates:
        assert url.rsplit("/", 3)[-3] == "updates", url
        assert statuses.get(url) == 200, (url, statuses.get(url))
        assert referrers[url] in expected["CommitmentPage"] + ["/"], (url, referrers[url])
    assert len(feeds) == 4 * 6  # the plan's and each commitment's
    for url in feeds:
        assert url.endswith("/updates/feed/"), url
        assert statuses.get(url) == 200, (url, statuses.get(url))
        assert result["content_types"][url].startswith("application/atom+xml"), url
    admin_updates = result["admin_update_edit_statuses"]
    assert len(admin_updates) == 4 * 13  # each update and its three translations
    assert set(admin_updates.values()) == {200}, admin_updates


HOME_PAGE_SCRIPT = """
import json
from django.test import Client
from django.test.utils import setup_test_environment
from home.models import HomePage
from ogp_wagtail.blocks import ogp_block_types
setup_test_environment()
print(json.dumps({
    "html": Client().get("/en/").content.decode(),
    "library": [name for name, _block in ogp_block_types()],
    "offered": list(HomePage._meta.get_field("body").stream_block.child_blocks),
    "shown": [block.block_type for block in HomePage.objects.get(locale__language_code="en").body],
}))
"""

# A mark of each library block's template, by its name in ogp_block_types(): a block added
# to the library fails this test until the example site shows it.
BLOCK_MARKERS = {
    "resources": 'class="ogp ogp-block ogp-resource-list"',
    "key_dates": 'class="ogp ogp-block ogp-key-dates"',
    "consultation": 'class="ogp ogp-block ogp-callout ',
    "contact": 'class="ogp ogp-block ogp-contact-block"',
    "evidence": 'class="ogp ogp-block ogp-evidence-list"',
    "commitments": 'class="ogp ogp-block ogp-commitment-list"',
    "progress": 'class="ogp ogp-block ogp-milestone-progress"',
    "latest_updates": 'class="ogp ogp-block ogp-latest-updates"',
}


def test_home_page_shows_every_block_of_the_library(example_site):
    output = run(example_site["env"], "shell", "-c", HOME_PAGE_SCRIPT)
    page = json.loads(output.strip().splitlines()[-1])
    html = page["html"]
    assert set(page["library"]) <= set(page["offered"]), page["offered"]
    assert set(page["library"]) <= set(page["shown"]), page["shown"]
    assert set(BLOCK_MARKERS) == set(page["library"])
    for name in page["library"]:
        assert BLOCK_MARKERS[name] in html, name
    # The plan's progress bar, without a timeline; the hub's three newest updates.
    assert "Progress of the action plan" in html
    assert 'class="ogp-widget__bar"' in html
    latest = html[html.index(BLOCK_MARKERS["latest_updates"]) :]
    latest = latest[: latest.index("</section>")]
    assert latest.count('<li class="ogp-card">') == 3
    assert latest.count("/updates/") == 3 and "Q3 2026" in latest
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


def test_a_word_only_in_a_milestone_an_update_or_an_evidence_item_finds_its_commitment(
    example_site,
):
    found = json.loads(run(example_site["env"], script=SEARCHER))
    assert set(found) == {"milestone", "update", "evidence"}
    for kind, search in found.items():
        assert search["status"] == 200, kind
        assert search["commitment_url"] in search["result_urls"], (kind, search)
