"""Classification terms and jurisdictions show in the page's language (issue 10, item 3).

A translation made with ``copy_for_translation`` (as wagtail-localize does) keeps the
source's many-to-many choices: the French commitment points at the English terms. The
pages and the search index read them in the page's language.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from ogp_wagtail.models import Jurisdiction, PolicyArea, Sector
from ogp_wagtail.search.database import DatabaseEngine
from ogp_wagtail.search.query import SearchQuery, parse_text
from ogp_wagtail.snippets.localized import in_locale

from .conftest import make_commitment, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(db):
    # A new locale receives the official lists, with the English terms' translation keys.
    return Locale.objects.create(language_code="fr")


@pytest.fixture
def classified(plan, locale_en, french, jurisdiction):
    commitment = make_commitment(plan, "Open budget data BUDGETWORD")
    commitment.policy_areas.set([PolicyArea.objects.get(locale=locale_en, code="open-data")])
    commitment.sectors.set([Sector.objects.filter(locale=locale_en).order_by("pk")[0]])
    commitment.save_revision().publish()
    french_jurisdiction = jurisdiction.copy_for_translation(french)
    french_jurisdiction.name = "Riverton (FR)"
    french_jurisdiction.save()
    return commitment, translate_page(commitment, "fr")


def text_of(client, page, selector):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return " ".join(element.get_text(" ", strip=True) for element in html.select(selector))


def test_a_translated_commitment_shows_its_terms_in_its_language(classified, french, client):
    english, translation = classified
    assert translation.policy_areas.get().locale_id != french.pk  # as the copy left it
    french_area = PolicyArea.objects.get(locale=french, code="open-data")
    english_area = PolicyArea.objects.get(
        translation_key=french_area.translation_key, locale__language_code="en"
    )
    assert french_area.name != english_area.name
    tags = text_of(client, translation, ".ogp-tags")
    assert french_area.name in tags and english_area.name not in tags
    assert english_area.name in text_of(client, english, ".ogp-tags")


def test_a_translated_plan_names_its_jurisdictions_in_its_language(classified, french, client):
    _english, translation = classified
    plan = translation.get_parent()
    assert "Riverton (FR)" in client.get(plan.url).content.decode()
    hub = plan.get_parent()
    assert "Riverton (FR)" in client.get(hub.url).content.decode()


def test_the_french_search_counts_french_terms(classified, french):
    _english, translation = classified
    root = translation.get_parent().get_parent().get_parent()
    found = DatabaseEngine().search(
        SearchQuery(
            text=parse_text("budgetword"),
            locale_id=french.pk,
            language="fr",
            root_path=root.path,
        )
    )
    french_area = PolicyArea.objects.get(locale=french, code="open-data")
    french_jurisdiction = Jurisdiction.objects.get(locale=french)
    assert found.total == 2  # the commitment and its milestone
    assert found.counts["policy_area"] == {french_area.pk: 2}
    assert found.counts["jurisdiction"] == {french_jurisdiction.pk: 2}


def test_a_term_without_a_version_in_the_language_stays_and_none_repeats(locale_en, french):
    english = PolicyArea.objects.create(code="local-only", name="Local only", locale=locale_en)
    open_data = PolicyArea.objects.filter(code="open-data")
    both = [*open_data.order_by("locale__language_code"), english]  # English and French versions
    shown = in_locale(both, french.pk)
    assert [term.code for term in shown] == ["open-data", "local-only"]
    assert [term.locale_id for term in shown] == [french.pk, locale_en.pk]
