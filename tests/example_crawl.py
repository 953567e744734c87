"""Crawl the example site with Django's test client and print what it found, as JSON.

Run it with the example site's environment (``EXAMPLE_DATABASE_PATH``,
``EXAMPLE_MEDIA_ROOT``), as ``tests/test_example_site.py`` does::

    python tests/example_crawl.py

Starting at "/", it follows every same-site link breadth-first: ``href`` of
``<a>`` and ``<link>``, ``src`` of ``<script>``, ``<img>`` and ``<source>``. The
admin is skipped; document downloads are fetched. Static and media files are
checked on disk, since with ``DEBUG`` off nothing serves them. The output holds
``statuses`` (url -> HTTP status), ``content_types`` (url -> Content-Type of what
the site answered), ``referrers`` (url -> the first page linking to it),
``expected`` (the public URL of every live ogp-wagtail page, by page type),
``update_urls`` (the permanent page of every live progress update), ``feed_urls``
(the Atom feeds of the plans and commitments), ``not_found_status`` (what a
missing page answers), ``admin_edit_statuses`` (each page's admin edit view,
opened by a superuser) and ``admin_update_edit_statuses`` (each progress update's).
"""

import json
import os
import sys
import traceback
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"
MAX_URLS = 1000
SKIPPED_PREFIXES = ("/admin/",)
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        wanted = LINK_ATTRIBUTES.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.links.append(value)


def same_site_links(base_url, html):
    parser = LinkParser()
    parser.feed(html)
    for link in parser.links:
        url, _fragment = urldefrag(urljoin(base_url, link.strip()))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue  # another site, mailto:, tel: or the page itself (#...)
        if url.startswith(SKIPPED_PREFIXES):
            continue
        yield url


def file_status(url, prefix, root):
    from django.contrib.staticfiles import finders

    relative = unquote(urlsplit(url).path[len(prefix) :])
    if prefix == "/static/":
        return 200 if finders.find(relative) else 404
    return 200 if (Path(root) / relative).is_file() else 404


def crawl(client, settings):
    statuses, content_types, referrers = {}, {}, {"/": None}
    queue = deque(["/"])
    while queue and len(statuses) < MAX_URLS:
        url = queue.popleft()
        if url in statuses:
            continue
        if url.startswith(settings.STATIC_URL):
            statuses[url] = file_status(url, settings.STATIC_URL, None)
            continue
        if url.startswith(settings.MEDIA_URL):
            statuses[url] = file_status(url, settings.MEDIA_URL, settings.MEDIA_ROOT)
            continue
        response = client.get(url)
        statuses[url] = response.status_code
        content_types[url] = response.get("Content-Type", "")
        if response.status_code >= 500:
            exc_info = getattr(response, "exc_info", None)
            details = "".join(traceback.format_exception(*exc_info)) if exc_info else ""
            print(f"{url} answered {response.status_code}\n{details}", file=sys.stderr)
        if response.streaming:
            response.close()
            continue
        targets = []
        if 300 <= response.status_code < 400 and response.get("Location"):
            targets = list(same_site_links(url, f'<a href="{response["Location"]}">'))
        elif response.get("Content-Type", "").startswith("text/html"):
            targets = same_site_links(url, response.content.decode(response.charset or "utf-8"))
        for target in targets:
            if target not in statuses and target not in referrers:
                referrers[target] = url
                queue.append(target)
    return statuses, content_types, referrers


def expected_urls():
    from ogp_wagtail.models import (
        CommitmentPage,
        ConsultationPage,
        EvidenceFolderPage,
        OpenGovernmentPage,
        StrategicVisionPage,
    )

    return {
        model.__name__: sorted(page.get_url() for page in model.objects.live().public())
        for model in (
            OpenGovernmentPage,
            StrategicVisionPage,
            CommitmentPage,
            EvidenceFolderPage,
            ConsultationPage,
        )
    }


def update_urls():
    from ogp_wagtail.models import ProgressUpdate

    # One address per update, whatever its translations (they share it).
    return sorted({update.get_url() for update in ProgressUpdate.objects.filter(live=True)})


def feed_urls():
    from ogp_wagtail.models import CommitmentPage, StrategicVisionPage

    return sorted(
        page.get_url() + page.reverse_subpage("updates_feed")
        for model in (StrategicVisionPage, CommitmentPage)
        for page in model.objects.live().public()
    )


def admin_edit_statuses(client):
    """Sign in with the login `load_example` printed, then open each page's and each progress
    update's edit view."""
    from django.urls import reverse
    from wagtail.models import Page

    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": "admin", "password": os.environ["EXAMPLE_ADMIN_PASSWORD"]},
    )
    if login.status_code != 302:
        return {"login": login.status_code}, {"login": login.status_code}
    from ogp_wagtail.models import ProgressUpdate

    statuses, update_statuses = {}, {}
    for page in Page.objects.filter(depth__gt=1).specific():
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        statuses[f"{type(page).__name__} {page.url_path}"] = response.status_code
    for update in ProgressUpdate.objects.select_related("commitment"):
        edit_url = reverse("wagtailsnippets_ogp_wagtail_progressupdate:edit", args=[update.pk])
        response = client.get(edit_url)
        update_statuses[f"{update.commitment.url_path} {update} #{update.pk}"] = (
            response.status_code
        )
    client.logout()
    return statuses, update_statuses


def main():
    sys.path[0] = str(EXAMPLE_DIR)  # instead of tests/, whose settings.py is not ours
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the client's "testserver" host in
    client = Client(raise_request_exception=False)
    statuses, content_types, referrers = crawl(client, settings)
    admin_statuses, admin_update_statuses = admin_edit_statuses(client)
    result = {
        "statuses": statuses,
        "content_types": content_types,
        "referrers": {url: referrers.get(url) for url in statuses},
        "expected": expected_urls(),
        "update_urls": update_urls(),
        "feed_urls": feed_urls(),
        "not_found_status": client.get("/no-such-page-here/").status_code,
        "admin_edit_statuses": admin_statuses,
        "admin_update_edit_statuses": admin_update_statuses,
        "truncated": len(statuses) >= MAX_URLS,
    }
    json.dump(result, sys.stdout, indent=2, sort_keys=True)


if __name__ == "__main__":
    main()
