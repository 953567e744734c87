"""Browser tests: the public pages in Debian's headless Chromium, driven by Playwright.

Everything in this folder is marked ``browser``; ``pytest -m "not browser"`` leaves it out.
Chromium is launched once (a package-scoped fixture) and every test gets its own context
and page. The pages are served by pytest-django's ``live_server``, a thread of this process
reading the test database, so these tests run with ``transactional_db``: their data is
committed, then flushed. ``django_db_serialized_rollback`` brings back what the migrations
created (the root page, locales, groups, the official taxonomies) before each test, since a
flush deletes it.

Chromium is Debian's (``make system-deps`` installs it): never ``playwright install``.
"""

import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from tests import factories

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("OGP_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright waits 30 s by default; a page of the live server answers in well under a second.
TIMEOUT_MS = 10_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # A conftest hook sees every item of the session: mark only this folder's.
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the whole folder.

    Package scope rather than session scope: Playwright's sync API keeps an asyncio loop
    running in the main thread while it is started, which would break any later test that
    uses ``asyncio.run`` or ``async_to_sync``. pytest-django runs the live-server tests
    together, so Chromium is still launched once per run.
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # With Playwright's loop running in this thread, Django refuses ORM calls from it (the
    # fixtures that build content) unless told that it is safe, which it is: the loop only
    # drives the browser.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Django keeps database connections per thread, and per context while a loop runs: from
    # here on this thread gets new connection objects, which lack the database contents
    # pytest-django serialized at setup for serialized rollbacks. Hand them over.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # The connections opened while the loop ran are not seen after it stops: close
            # them now, or PostgreSQL refuses to drop the test database at the end.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser):
    """Make a fresh browser context (``new_context(viewport=..., java_script_enabled=...)``)."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A fresh page in a fresh context, desktop sized."""
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


@pytest.fixture
def ogp_site(
    live_server, django_db_serialized_rollback, home, hub, plan, organisation, ngo, jurisdiction
):
    """Every public page type, filled, served by the live server.

    Wagtail serves a request by its Site's hostname and port, and falls back to the default
    site for any other host; pointing the default site at the live server also makes
    ``page.full_url`` right.
    """
    address = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = address.hostname, address.port
    site.save()  # through save(), so Wagtail drops its cached site root paths

    jurisdiction.website = "https://riverton.example.org/"
    jurisdiction.save()
    hub.member_status = "active"
    hub.contact_name = "Ada POC-NAME"
    hub.contact_title = "Open government officer"
    hub.contact_email = "poc@example.org"
    hub.contact_phone = "+33 1 98 76 54 32"
    hub.introduction = "<p>Hub introduction HUB-INTRO</p>"
    hub.save_revision().publish()

    factories.fill_plan(plan, organisation, ngo)
    commitment = factories.full_commitment(plan, organisation, ngo, milestones=6)
    second = factories.full_commitment(
        plan, organisation, ngo, title="Participatory budgeting", milestones=2
    )
    folder = factories.evidence_folder(commitment, milestone=commitment.milestones.first())
    factories.evidence_folder(plan)
    consultation = factories.consultation(plan, commitment)

    pages = {
        "hub": hub,
        "plan": plan,
        "commitment": commitment,
        "evidence_folder": folder,
        "consultation": consultation,
    }
    for page in pages.values():
        page.refresh_from_db()
        assert page.live, page
        assert page.full_url.startswith(live_server.url + "/"), page.full_url

    def url(name, language=None):
        path = pages[name].url
        return f"{live_server.url}/{language}{path}" if language else pages[name].full_url

    return SimpleNamespace(url=url, commitments=[commitment, second], **pages)
