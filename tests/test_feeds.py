"""The Atom feeds of progress updates are valid Atom (RFC 4287), with one site or several."""

import datetime

import feedparser
import pytest
from wagtail.models import Page, Site

from ogp_wagtail.updates.models import ProgressUpdate
from tests.conftest import make_commitment
from tests.testapp.models import PlainPage


@pytest.fixture
def commitment(plan):
    commitment = make_commitment(plan, "Open budget data")
    update = ProgressUpdate(
        commitment=commitment, date=datetime.date(2026, 3, 31), progress="<p>Online.</p>"
    )
    update.save()
    update.save_revision().publish()
    return commitment


def parsed(client, page, **extra):
    response = client.get(f"{page.get_url()}updates/feed/", **extra)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return feedparser.parse(response.content)


def assert_valid_atom(feed, host):
    """The elements RFC 4287 requires (4.1.1, 4.1.2), and links on the requested host."""
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    assert feed.feed.author  # atom:author, required when entries have none
    assert feed.feed.link.startswith(f"http://{host}/")
    assert feed.entries
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated
        assert entry.link.startswith(f"http://{host}/")
        assert entry.link.count("http") == 1


def test_commitment_and_plan_feeds_are_valid_atom(client, plan, commitment):
    for page in (commitment, plan):
        assert_valid_atom(parsed(client, page), "testserver")


def test_with_two_sites_every_address_is_on_the_requested_site(client, home, plan, commitment):
    other_root = Page.get_first_root_node().add_child(
        instance=PlainPage(title="Other town", slug="other-town")
    )
    Site.objects.create(hostname="other.example", port=8080, root_page=other_root)
    for page in (commitment, plan):
        assert_valid_atom(parsed(client, page), "testserver")
