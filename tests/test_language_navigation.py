"""Language navigation: the switcher to a page's other languages and the ``hreflang`` links.

Rendered by Wagtail through the package's base template (the example site's base
has the same two tags).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from ogp_wagtail.languages import language_versions

from .conftest import make_commitment, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def switcher_links(html):
    return html.select("nav.ogp-languages a")


def test_the_switcher_names_each_language_in_its_own_language(commitment, client):
    french = translate_page(commitment, "fr")
    arabic = translate_page(commitment, "ar")
    links = switcher_links(html_of(client, commitment))
    assert [link.text for link in links] == ["English", "Français", "العربيّة"]
    assert [link["href"] for link in links] == [commitment.url, french.url, arabic.url]
    assert [link["hreflang"] for link in links] == ["en", "fr", "ar"]
    assert [link["lang"] for link in links] == ["en", "fr", "ar"]
    assert [link["dir"] for link in links] == ["ltr", "ltr", "rtl"]
    assert [link.get("aria-current") for link in links] == ["page", None, None]
    assert french.url.startswith("/fr/") and arabic.url.startswith("/ar/")


def test_on_a_translation_the_switcher_marks_its_language(commitment, client):
    french = translate_page(commitment, "fr")
    links = switcher_links(html_of(client, french))
    assert [(link["lang"], link.get("aria-current")) for link in links] == [
        ("en", None),
        ("fr", "page"),
    ]


def test_the_head_lists_every_version_and_the_default_language_as_x_default(commitment, client):
    french = translate_page(commitment, "fr")
    head = html_of(client, french).head
    alternates = {
        link["hreflang"]: link["href"] for link in head.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "en": f"http://testserver{commitment.url}",
        "fr": f"http://testserver{french.url}",
        "x-default": f"http://testserver{commitment.url}",
    }


def test_a_page_in_one_language_has_no_switcher_and_no_alternates(commitment, client):
    html = html_of(client, commitment)
    assert not html.select("nav.ogp-languages")
    assert not html.select("link[rel=alternate][hreflang]")


def test_a_draft_or_restricted_translation_is_not_offered(commitment, client):
    french = translate_page(commitment, "fr")
    arabic = translate_page(commitment, "ar")
    french.unpublish()
    PageViewRestriction.objects.create(page=arabic, restriction_type="login")
    html = html_of(client, commitment)
    assert not switcher_links(html)
    assert not html.select("link[rel=alternate][hreflang]")


def test_the_switcher_and_the_head_share_one_lookup(commitment):
    translate_page(commitment, "fr")
    request = RequestFactory().get(commitment.url)
    with CaptureQueriesContext(connection) as first:
        language_versions(commitment, request)
    with CaptureQueriesContext(connection) as again:
        assert len(language_versions(commitment, request)) == 2
    assert len(first) > 0 and len(again) == 0


def test_a_page_without_versions_costs_one_query_and_none_on_a_one_language_site(commitment):
    request = RequestFactory().get(commitment.url)
    with CaptureQueriesContext(connection) as queries:
        assert language_versions(commitment, request) == []
    assert len(queries) == 1  # no view restrictions read
    one_language = [("en", "English")]
    with override_settings(LANGUAGES=one_language, WAGTAIL_CONTENT_LANGUAGES=one_language):
        request = RequestFactory().get(commitment.url)
        with CaptureQueriesContext(connection) as queries:
            assert language_versions(commitment, request) == []
    assert len(queries) == 0


# Links stay in the language being read (issue 10, items 2 and 7).


def test_a_block_links_to_the_chosen_pages_version_in_the_language_read(commitment):
    """A block chosen on the English plan leads French readers to the French plan."""
    from django.utils import translation

    from ogp_wagtail.blocks import CommitmentListBlock

    french_plan = translate_page(commitment.get_parent(), "fr")
    french_commitment = translate_page(commitment, "fr")
    block = CommitmentListBlock()
    value = block.to_python({"plan": commitment.get_parent().pk})
    with translation.override("fr"):
        html = block.render(value)
    assert french_plan.url in html and french_commitment.url in html
    with translation.override("en"):
        html = block.render(value)
    assert french_plan.url not in html and commitment.get_parent().url in html


def test_an_updates_address_is_under_the_commitment_in_the_language_read(commitment):
    from django.utils import translation

    from ogp_wagtail.models import ProgressUpdate
    from ogp_wagtail.status.updates import update_entries

    french = translate_page(commitment, "fr")
    update = ProgressUpdate.objects.create(
        commitment=commitment, date=datetime.date(2026, 3, 31), progress="<p>Done.</p>"
    )
    update.save_revision().publish()
    with translation.override("fr"):
        [entry] = update_entries(ProgressUpdate.objects.filter(pk=update.pk))
    assert entry.url.startswith(french.url), (entry.url, french.url)
    with translation.override("en"):
        [entry] = update_entries(ProgressUpdate.objects.filter(pk=update.pk))
    assert entry.url.startswith(commitment.url)


def test_a_translated_plan_lists_the_updates_written_on_its_commitments(commitment, client):
    """Updates are written on one language version: the French plan's feed and the
    latest-updates block on a French page list them too."""
    from django.utils import translation

    from ogp_wagtail.blocks import LatestUpdatesBlock
    from ogp_wagtail.models import ProgressUpdate

    update = ProgressUpdate.objects.create(
        commitment=commitment,
        date=datetime.date(2026, 3, 31),
        title="First quarter",
        progress="<p>Done.</p>",
    )
    update.save_revision().publish()
    french_plan = translate_page(commitment.get_parent(), "fr")
    translate_page(commitment, "fr")
    feed = client.get(french_plan.url + "updates/feed/")
    assert feed.status_code == 200 and "First quarter" in feed.content.decode()
    block = LatestUpdatesBlock()
    with translation.override("fr"):
        html = block.render(block.to_python({"source": french_plan.pk, "max_items": 3}))
    assert "First quarter" in html
