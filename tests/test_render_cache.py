"""The render cache: plan and commitment pages come from it until something they show changes.

A render served from the cache runs none of the queries of the cached part: these
tests tell a cached render from a fresh one by the queries it ran, never by time.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import PageViewRestriction

from ogp_wagtail.plugins import slot_hook
from ogp_wagtail.status import cache as render_cache
from ogp_wagtail.updates.models import ProgressUpdate
from tests.conftest import make_commitment

# Queries only the cached part of each page runs: the commitments of the plan's
# dashboard, and the date of a commitment's newest update.
PLAN_DASHBOARD_SQL = 'FROM "ogp_wagtail_commitmentpage"'
LAST_UPDATE_SQL = 'MAX("ogp_wagtail_progressupdate"."date")'


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data", statuses=["in_progress", "not_started"])


def render(client, page, marker):
    """The page's HTML, and whether the render ran ``marker``'s query (was not cached)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode(), any(marker in query["sql"] for query in queries)


def publish_update(commitment, text, day=datetime.date(2026, 3, 31)):
    update = ProgressUpdate(commitment=commitment, date=day, progress=f"<p>{text}</p>")
    update.save()
    update.save_revision().publish()
    return update


def test_a_plan_page_is_served_from_the_cache_until_a_commitment_is_published(client, plan):
    make_commitment(plan, "Open contracts")
    html, fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert fresh and "Open contracts" in html
    cached_html, fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert not fresh and cached_html == html

    make_commitment(plan, "Participatory budget")
    html, fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert fresh and "Participatory budget" in html


def test_publishing_a_new_revision_shows_it(client, plan, commitment):
    render(client, plan, PLAN_DASHBOARD_SQL)
    render(client, commitment, LAST_UPDATE_SQL)
    commitment.title = "Open budget data, renamed"
    commitment.save_revision().publish()

    html, fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert fresh and "Open budget data, renamed" in html
    html, fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert fresh and "Open budget data, renamed" in html


def test_a_draft_keeps_the_cache(client, plan, commitment):
    render(client, commitment, LAST_UPDATE_SQL)
    commitment.title = "A title still in draft"
    commitment.save_revision()  # saved, not published: the public page is the same

    html, fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert not fresh and "A title still in draft" not in html


def test_a_new_published_update_shows_on_its_commitment(client, plan, commitment):
    html, _fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert "No progress update has been published yet." in html
    assert not render(client, commitment, LAST_UPDATE_SQL)[1]

    publish_update(commitment, "The dataset is online UPD-NEW")
    html, fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert fresh and "UPD-NEW" in html


def test_unpublishing_a_commitment_takes_it_off_the_plan(client, plan, commitment):
    html, _fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert "Open budget data" in html

    commitment.unpublish()
    html, fresh = render(client, plan, PLAN_DASHBOARD_SQL)
    assert fresh and "Open budget data" not in html


def test_unpublishing_an_update_takes_it_off_its_commitment(client, plan, commitment):
    update = publish_update(commitment, "Soon withdrawn UPD-OLD")
    assert "UPD-OLD" in render(client, commitment, LAST_UPDATE_SQL)[0]

    update.unpublish()
    html, fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert fresh and "UPD-OLD" not in html


def test_a_preview_is_never_served_from_the_cache_nor_kept(client, plan, commitment):
    live_html, _fresh = render(client, commitment, LAST_UPDATE_SQL)
    commitment.refresh_from_db()  # as the editor loads it: its live revision and publication
    commitment.title = "Draft title PREVIEW-ONLY"
    revision = commitment.save_revision()

    with CaptureQueriesContext(connection) as queries:
        preview = revision.as_object().make_preview_request()
    assert "PREVIEW-ONLY" in preview.content.decode()
    assert any(LAST_UPDATE_SQL in query["sql"] for query in queries)

    html, fresh = render(client, commitment, LAST_UPDATE_SQL)
    assert not fresh and html == live_html and "PREVIEW-ONLY" not in html


def test_a_page_behind_a_view_restriction_is_never_cached(client, plan, editor):
    restricted = make_commitment(plan, "Internal commitment")
    client.force_login(editor)
    render(client, restricted, LAST_UPDATE_SQL)  # kept while the page is public
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):  # neither served from what was kept, nor kept
        html, fresh = render(client, restricted, LAST_UPDATE_SQL)
        assert fresh and "Internal commitment" in html


def test_a_page_under_a_restricted_plan_is_never_cached(client, plan, editor):
    PageViewRestriction.objects.create(page=plan, restriction_type=PageViewRestriction.LOGIN)
    commitment = make_commitment(plan, "Behind the plan's restriction")
    client.force_login(editor)
    for _ in range(2):
        assert render(client, commitment, LAST_UPDATE_SQL)[1]
        assert render(client, plan, PLAN_DASHBOARD_SQL)[1]


def test_a_slot_with_a_form_or_per_visitor_content_keeps_the_page_out(client, plan):
    def form(context):
        return mark_safe('<form method="post"><button>Follow</button></form>')  # noqa: S308

    def per_visitor(context):
        render_cache.do_not_cache()
        return "<p>Hello, visitor</p>"

    for renderer in (form, per_visitor):
        cache.clear()
        with hooks.register_temporarily(slot_hook("plan_commitments"), renderer):
            render(client, plan, PLAN_DASHBOARD_SQL)
            assert render(client, plan, PLAN_DASHBOARD_SQL)[1]


def test_the_timeout_setting_of_0_turns_the_cache_off(client, plan, settings):
    settings.OGP_WAGTAIL_RENDER_CACHE_TIMEOUT = 0
    render(client, plan, PLAN_DASHBOARD_SQL)
    assert render(client, plan, PLAN_DASHBOARD_SQL)[1]


def test_query_strings_are_not_cached(client, plan):
    render(client, plan, PLAN_DASHBOARD_SQL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(plan.url, {"utm_source": "newsletter"}).status_code == 200
    assert any(PLAN_DASHBOARD_SQL in query["sql"] for query in queries)
