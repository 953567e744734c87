"""The search index: what is indexed, kept in step with publishing, and found."""

import pytest
from wagtail.models import PageViewRestriction

from ogp_wagtail.search.database import DatabaseEngine
from ogp_wagtail.search.indexer import rebuild
from ogp_wagtail.search.models import SearchEntry
from ogp_wagtail.search.query import SearchQuery, parse_text

from . import factories

pytestmark = pytest.mark.django_db


def search(text, root, chosen=None, **options):
    query = SearchQuery(
        text=parse_text(text),
        locale_id=root.locale_id,
        language=root.locale.language_code,
        root_path=root.path,
        chosen=chosen or {},
        **options,
    )
    return DatabaseEngine().search(query)


def keys(results):
    return {hit.key for hit in results.hits}


def test_a_word_only_in_a_milestone_finds_the_milestone_and_its_commitment(plan, organisation, ngo, home):
    commitment = factories.full_commitment(plan, organisation, ngo)
    milestone = commitment.milestones.get(sort_order=1)
    results = search("MS-2", home)
    assert f"commitment:{commitment.pk}" in keys(results)
    assert f"milestone:{milestone.pk}" in keys(results)


def test_the_search_page_answers(plan, organisation, ngo, home, client):
    from ogp_wagtail.pages.search import OpenGovernmentSearchPage

    factories.full_commitment(plan, organisation, ngo)
    page = home.add_child(instance=OpenGovernmentSearchPage(title="Search", slug="search"))
    response = client.get(page.url, {"q": "MS-2"})
    print(response.content.decode()[-6000:])
    assert response.status_code == 200
    for bad in ({"q": "x" * 10000}, {"page": "-1"}, {"q": 'a"b'}, {"policy_area": "zz"}, {"q": "\x00"}):
        response = client.get(page.url, bad)
        print(bad, response.status_code)
