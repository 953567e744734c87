"""The public search's index: what it holds, how publishing keeps it, what residents find.

Facet counts are compared with counts made directly on the content models (pages,
milestones, updates, evidence items), not on the index.
"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from ogp_wagtail.models import (
    CommitmentPage,
    EvidenceItem,
    Milestone,
    OpenGovernmentSearchPage,
    PolicyArea,
    ProgressUpdate,
    Sector,
)
from ogp_wagtail.search.database import DatabaseEngine
from ogp_wagtail.search.indexer import build_if_empty
from ogp_wagtail.search.models import SearchEntry
from ogp_wagtail.search.query import SearchQuery, parse_text

from . import factories
from .conftest import make_commitment, translate_page

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


def publish_update(commitment, text, *, live=True, **fields):
    update = ProgressUpdate.objects.create(
        commitment=commitment,
        date=fields.pop("date", datetime.date(2026, 5, 2)),
        title=fields.pop("title", "Spring update"),
        progress=f"<p>{text}</p>",
        **fields,
    )
    revision = update.save_revision()
    if live:
        revision.publish()
    return update


@pytest.fixture
def content(plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    folder = factories.evidence_folder(commitment)
    update = publish_update(commitment, "Portal launched UPDWORD")
    return commitment, folder, update


@pytest.fixture
def search_page(home):
    page = home.add_child(instance=OpenGovernmentSearchPage(title="Search", slug="search"))
    page.save_revision().publish()
    return page


# What is found


def test_a_word_only_in_a_milestone_finds_the_milestone_and_its_commitment(content, home):
    commitment, _folder, _update = content
    milestone = commitment.milestones.get(sort_order=1)
    found = keys(search("MS-2", home))
    assert found >= {f"commitment:{commitment.pk}", f"milestone:{milestone.pk}"}


def test_a_word_only_in_an_update_finds_the_update_and_its_commitment(content, home):
    commitment, _folder, update = content
    assert keys(search("updword", home)) == {
        f"commitment:{commitment.pk}",
        f"update:{update.pk}:{commitment.pk}",
    }


def test_a_word_only_in_an_evidence_description_finds_the_item_and_its_commitment(content, home):
    commitment, folder, _update = content
    item = EvidenceItem.objects.get(page=folder, title="Minutes EV-DOC")
    assert keys(search("EV-DESC", home)) == {
        f"commitment:{commitment.pk}",
        f"evidence:{item.pk}",
    }


def test_words_found_in_plans_and_consultations(content, plan, home):
    consultation = factories.consultation(plan)
    assert f"consultation:{consultation.pk}" in keys(search("MTG-AGENDA", home))
    assert keys(search("transparent budget", home)) == {f"plan:{plan.pk}"}


def test_query_syntax_reaches_no_engine(content, home):
    for text in ['"', 'a"b', "*", "NEAR(", "^", "'", "MS-2 OR", "AND", "-", "(((", ":"]:
        search(text, home)  # raises on an engine syntax error (wagtail#13227)


def test_words_match_without_accents_and_by_beginning(plan, home):
    commitment = make_commitment(plan, "Budgets participatifs de l'été")
    assert f"commitment:{commitment.pk}" in keys(search("ete", home))
    assert f"commitment:{commitment.pk}" in keys(search("budget", home))


def test_a_phrase_matches_its_words_in_order(plan, home):
    first = make_commitment(plan, "Open contracting register", statuses=())
    second = make_commitment(plan, "Register of open meetings", statuses=())
    assert keys(search('"open contracting"', home)) == {f"commitment:{first.pk}"}
    assert f"commitment:{second.pk}" in keys(search("open register", home))


def test_results_are_ranked_with_the_title_first(plan, home):
    in_text = make_commitment(
        plan, "Citizen budget", statuses=(), problem="<p>About the lighthouse</p>"
    )
    in_title = make_commitment(plan, "Lighthouse restoration", statuses=())
    hits = [hit.key for hit in search("lighthouse", home, limit=10).hits]
    assert hits[:2] == [f"commitment:{in_title.pk}", f"commitment:{in_text.pk}"]


def test_pages_of_results(plan, home):
    for number in range(5):
        make_commitment(plan, f"Pagination item {number}", statuses=())
    first = search("pagination", home, offset=0, limit=2)
    rest = search("pagination", home, offset=2, limit=10)
    assert first.total == rest.total == 5
    assert len(first.hits) == 2 and len(rest.hits) == 3
    assert not keys(first) & keys(rest)


# What residents may not see is not indexed


def test_a_draft_update_is_not_found(content, home):
    commitment, _folder, _update = content
    publish_update(commitment, "Draft DRAFTWORD", live=False)
    assert search("draftword", home).total == 0


def test_unpublishing_removes_and_publishing_restores(content, home):
    commitment, _folder, _update = content
    commitment.unpublish()
    assert search("MS-2", home).total == 0
    assert search("EV-DESC", home).total == 0  # the evidence goes with its commitment
    commitment.save_revision().publish()
    assert search("MS-2", home).total == 2


def test_a_view_restriction_hides_the_subtree(content, plan, home):
    restriction = PageViewRestriction.objects.create(page=plan, restriction_type="login")
    assert search("MS-2", home).total == 0
    assert search("EV-DESC", home).total == 0
    restriction.delete()
    assert search("MS-2", home).total == 2


def test_deleting_a_page_deletes_its_entries(content, home, django_capture_on_commit_callbacks):
    commitment, folder, _update = content
    with django_capture_on_commit_callbacks(execute=True):
        folder.delete()
    assert search("EV-DESC", home).total == 0  # neither the items nor the commitment's text
    assert search("MS-2", home).total == 2
    other = make_commitment(commitment.get_parent(), "Short-lived commitment")
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert not SearchEntry.objects.filter(page_id=other.pk).exists()


def test_an_unpublished_update_leaves_the_index(content, home):
    _commitment, _folder, update = content
    update.unpublish()
    assert search("updword", home).total == 0


def test_a_moved_folder_takes_its_items_to_its_new_commitment(content, plan, home):
    commitment, folder, _update = content
    other = make_commitment(plan, "Other commitment")
    folder.move(other, pos="last-child")
    found = keys(search("EV-DESC", home))
    assert f"commitment:{other.pk}" in found
    assert f"commitment:{commitment.pk}" not in found


def test_an_update_moved_to_another_commitment_takes_its_words_with_it(content, plan, home):
    commitment, _folder, update = content
    other = make_commitment(plan, "Other commitment")
    update.commitment = other
    update.save_revision().publish()
    assert keys(search("updword", home)) == {
        f"commitment:{other.pk}",
        f"update:{update.pk}:{other.pk}",
    }
    entry = SearchEntry.objects.get(key=f"commitment:{commitment.pk}")
    assert "UPDWORD" not in entry.body


def test_results_are_in_the_page_language_only(content, home, locale_en):
    commitment, _folder, _update = content
    french_commitment = translate_page(commitment, "fr")
    french = french_commitment.locale
    english = keys(search("MS-2", home))
    french_home = home.get_translation(french)
    found_in_french = keys(search("MS-2", french_home))
    assert f"commitment:{commitment.pk}" in english
    assert f"commitment:{french_commitment.pk}" not in english
    assert f"commitment:{french_commitment.pk}" in found_in_french


# Facet counts equal counts made on the content itself


def items_of(commitments):
    """The searchable items of ``commitments``: themselves, milestones, live updates, evidence."""
    commitments = list(commitments)
    return {
        "commitment": len(commitments),
        "milestone": Milestone.objects.filter(page__in=commitments).count(),
        "update": ProgressUpdate.objects.filter(live=True, commitment__in=commitments).count(),
        "evidence": EvidenceItem.objects.filter(
            page__live=True, page__path__regex="|".join(f"^{c.path}" for c in commitments) or "^$"
        ).count(),
    }


@pytest.fixture
def classified(plan, organisation, ngo, content, locale_en):
    budget, _folder, _update = content  # open data, education
    areas = PolicyArea.objects.filter(locale=locale_en)
    health = make_commitment(plan, "Clinic waiting times", statuses=("complete", "complete"))
    health.policy_areas.set(areas.filter(code__in=["fiscal-openness", "open-data"]))
    health.sectors.set(Sector.objects.filter(locale=locale_en, code="health-nutrition"))
    health.save_revision().publish()
    publish_update(health, "Clinic update")
    roads = make_commitment(plan, "Road works map", statuses=("blocked",))
    roads.policy_areas.set(areas.filter(code="fiscal-openness"))
    roads.save_revision().publish()
    return budget, CommitmentPage.objects.get(pk=health.pk), roads


def test_every_facet_count_equals_a_count_of_the_content(classified, plan, home, locale_en):
    results = search("", home)
    commitments = CommitmentPage.objects.live().descendant_of(plan)
    expected_types = items_of(commitments)
    expected_types["plan"] = 1
    assert results.counts["type"] == {kind: n for kind, n in expected_types.items() if n}
    assert results.total == sum(expected_types.values())
    for area in PolicyArea.objects.filter(locale=locale_en):
        with_area = commitments.filter(policy_areas=area)
        expected = sum(items_of(with_area).values())
        assert results.counts["policy_area"].get(area.pk, 0) == expected, area.code
    for sector in Sector.objects.filter(locale=locale_en):
        expected = sum(items_of(commitments.filter(sectors=sector)).values())
        assert results.counts["sector"].get(sector.pk, 0) == expected, sector.code
    budget, health, roads = classified
    assert results.counts["status"] == {
        "blocked": sum(items_of([budget]).values()) + sum(items_of([roads]).values()),
        "complete": sum(items_of([health]).values()),
    }
    assert results.counts["plan"] == {plan.pk: sum(expected_types.values())}


def test_counts_are_disjunctive(classified, home, locale_en):
    budget, health, roads = classified
    health_area = PolicyArea.objects.get(locale=locale_en, code="fiscal-openness")
    results = search("", home, chosen={"policy_area": frozenset({health_area.pk})})
    # The types count what is kept by the choice ...
    assert results.counts["type"]["commitment"] == 2
    assert results.total == sum(items_of([health, roads]).values())
    # ... and the chosen facet still counts its other values, as if chosen instead.
    open_data = PolicyArea.objects.get(locale=locale_en, code="open-data")
    assert results.counts["policy_area"][open_data.pk] == sum(items_of([budget, health]).values())


def test_choices_within_a_facet_are_alternatives_and_across_facets_all_apply(classified, home):
    budget, health, roads = classified
    either = search(
        "", home, chosen={"status": frozenset({"blocked", "complete"}), "type": {"commitment"}}
    )
    assert keys(either) == {f"commitment:{c.pk}" for c in (budget, health, roads)}
    both = search("", home, chosen={"status": frozenset({"complete"}), "type": {"commitment"}})
    assert keys(both) == {f"commitment:{health.pk}"}


# The status follows the calendar


def test_a_status_that_changed_with_the_month_is_refreshed_before_searching(
    plan, home, search_page, client
):
    overdue = make_commitment(plan, "Overdue commitment", statuses=("in_progress",))
    entry = SearchEntry.objects.get(key=f"commitment:{overdue.pk}")
    assert entry.status == "delayed"  # its milestone ended in June 2026
    SearchEntry.objects.filter(page=overdue).update(
        status="on_track", status_until=datetime.date(2026, 7, 1)
    )
    client.get(search_page.url, {"q": "overdue"})
    assert SearchEntry.objects.get(key=f"commitment:{overdue.pk}").status == "delayed"


# Keeping the index


def test_the_rebuild_command_shows_its_progress(content):
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("ogp_search_index", "--batch-size", "2", stdout=out)
    output = out.getvalue()
    assert "[" in output and "documents indexed" in output
    assert SearchEntry.objects.filter(key__startswith="commitment:").count() == 1


@pytest.mark.parametrize("size", ["0", "-3", "999999"])
def test_the_rebuild_command_refuses_a_bad_batch_size(content, size):
    with pytest.raises(CommandError, match="batch-size"):
        call_command("ogp_search_index", "--batch-size", size, stdout=io.StringIO())
    assert SearchEntry.objects.exists()


def test_migrating_builds_an_empty_index(content, home):
    SearchEntry.objects.all().delete()
    build_if_empty()
    assert search("MS-2", home).total == 2


# The search page and the links to it


def test_the_search_page_shows_type_plan_excerpt_and_progress(content, search_page, client):
    response = client.get(search_page.url, {"q": "MS-2"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    results = html.select(".ogp-result")
    commitment = html.select_one(".ogp-result--commitment")
    assert len(results) == 2
    assert "Commitment" in commitment.select_one(".ogp-result__kind").text
    assert "Action plan 2026-2028" in commitment.select_one(".ogp-result__kind").text
    assert "Blocked" in commitment.select_one(".ogp-result__progress").text
    assert "33% complete" in commitment.select_one(".ogp-result__progress").text
    assert commitment.select_one(".ogp-result__excerpt mark")


def test_facet_labels_read_label_and_count_and_a_chosen_empty_value_stays(
    classified, search_page, client, locale_en
):
    unused = PolicyArea.objects.filter(locale=locale_en).exclude(
        code__in=["fiscal-openness", "open-data"]
    )[0]
    response = client.get(search_page.url, {"policy_area": unused.pk})
    html = BeautifulSoup(response.content, "html.parser")
    labels = [label.text.strip() for label in html.select(".ogp-facet label")]
    assert f"{unused.name} (0)" in labels
    assert any(label.startswith("Commitment (") for label in labels) is False  # nothing kept
    assert html.select_one(f"input[name=policy_area][value='{unused.pk}']").has_attr("checked")


def test_a_chosen_year_without_results_stays_and_years_read_newest_first(
    content, search_page, client
):
    html = BeautifulSoup(
        client.get(search_page.url, {"q": "MS-2", "year": "2031"}).content, "html.parser"
    )
    years = [label.text.strip() for label in html.select("fieldset:has(input[name=year]) label")]
    assert years[0] == "2031 (0)"
    assert html.select_one("input[name=year][value='2031']").has_attr("checked")
    counted = [int(label.split()[0]) for label in years[1:]]
    assert counted and counted == sorted(counted, reverse=True)


def test_the_commitment_tags_link_to_the_search(content, search_page, client, locale_en):
    commitment, _folder, _update = content
    html = BeautifulSoup(client.get(commitment.url).content, "html.parser")
    open_data = PolicyArea.objects.get(locale=locale_en, code="open-data")
    link = html.select_one(".ogp-tags a[rel=tag]")
    assert link["href"] == f"{search_page.url}?policy_area={open_data.pk}"
    response = client.get(link["href"])
    assert f"commitment:{commitment.pk}" in {
        f"commitment:{commitment.pk}"
        for result in BeautifulSoup(response.content, "html.parser").select(
            ".ogp-result--commitment"
        )
    }


def test_without_a_search_page_the_tags_are_plain_text(content, client):
    commitment, _folder, _update = content
    html = BeautifulSoup(client.get(commitment.url).content, "html.parser")
    assert html.select(".ogp-tags li") and not html.select(".ogp-tags a")


# The plan's commitment list


def titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [h.text.strip() for h in html.select("#ogp-commitments .ogp-card__title")]


def test_the_plan_list_filters_by_status_and_policy_area(classified, plan, client, locale_en):
    assert titles(client.get(plan.url, {"status": "blocked"})) == [
        "Open budget data",
        "Road works map",
    ]
    health = PolicyArea.objects.get(locale=locale_en, code="fiscal-openness")
    assert sorted(titles(client.get(plan.url, {"policy_area": health.pk}))) == [
        "Clinic waiting times",
        "Road works map",
    ]


def test_the_plan_list_sorts_by_progress_and_end_date(classified, plan, client):
    assert titles(client.get(plan.url, {"sort": "progress"}))[0] == "Clinic waiting times"
    CommitmentPage.objects.filter(title="Road works map").update(
        end_date=datetime.date(2026, 12, 31)
    )
    roads = CommitmentPage.objects.get(title="Road works map")
    roads.save_revision().publish()
    assert titles(client.get(plan.url, {"sort": "end_date"}))[0] == "Road works map"


def test_the_plan_list_ignores_a_bad_parameter(classified, plan, client):
    response = client.get(plan.url, {"status": "nonsense", "sort": "evil", "policy_area": "x"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


# An external engine that is down


@pytest.fixture
def elasticsearch_down(settings):
    pytest.importorskip("elasticsearch")
    settings.OGP_WAGTAIL_SEARCH_ENGINE = "elasticsearch"
    settings.OGP_WAGTAIL_ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there


def test_publishing_goes_on_while_elasticsearch_is_down(
    plan, elasticsearch_down, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        commitment = make_commitment(plan, "Published during an outage")
    assert CommitmentPage.objects.get(pk=commitment.pk).live
    assert SearchEntry.objects.filter(key=f"commitment:{commitment.pk}").exists()
    assert "could not be updated" in caplog.text


def test_the_search_page_answers_from_the_database_while_elasticsearch_is_down(
    content, search_page, client, elasticsearch_down, caplog
):
    response = client.get(search_page.url, {"q": "MS-2"})
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select(".ogp-result")) == 2
    assert "the database's index answered" in caplog.text


def test_publishing_a_page_outside_the_content_leaves_the_index_alone(content, home):
    before = set(SearchEntry.objects.values_list("pk", flat=True))
    home.save_revision().publish()
    plan = content[0].get_parent().specific
    plan.save_revision().publish()  # same jurisdictions: only the plan's own entry changes
    after = set(SearchEntry.objects.values_list("pk", flat=True))
    assert len(before - after) == 1  # the plan's entry, replaced


def test_a_plan_with_new_jurisdictions_passes_them_to_its_commitments(content, locale_en):
    from ogp_wagtail.models import Jurisdiction

    commitment = content[0]
    plan = commitment.get_parent().specific
    other = Jurisdiction.objects.create(name="Lakeside", country="France", locale=locale_en)
    plan.jurisdictions.add(other)
    plan.save_revision().publish()
    entry = SearchEntry.objects.get(key=f"commitment:{commitment.pk}")
    assert f" {other.pk} " in entry.jurisdictions
