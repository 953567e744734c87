"""Text keeps the language it is written in (issue 10, items 2 and 5; WCAG 3.1.2).

An update written on the English commitment shows on its Arabic version with
``lang="en"`` and ``dir="ltr"`` on its texts, inside an Arabic interface. A page
not translated yet (wagtail-localize keeps it as an alias of its source) is served
with its texts marked in the source's language and a notice in the resident's.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from ogp_wagtail.models import ProgressUpdate

from .conftest import make_commitment, translate_page

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_an_update_in_english_is_marked_english_on_the_arabic_page(plan, client):
    commitment = make_commitment(plan, "Open budget data")
    update = ProgressUpdate.objects.create(
        commitment=commitment,
        date=datetime.date(2026, 3, 31),
        title="First quarter",
        progress="<p>The budget is online.</p>",
    )
    update.status_changes.create(milestone=commitment.milestones.first(), status="complete")
    update.save_revision().publish()
    arabic = translate_page(commitment, "ar")
    arabic.milestones.filter(sort_order=0).update(description="نشر الميزانية")

    html = soup(client, arabic.url)
    assert html.html["lang"] == "ar"
    article = html.select_one(f"#update-{update.uuid}")
    text = article.select_one(".ogp-rich-text")
    assert (text["lang"], text["dir"]) == ("en", "ltr")
    assert "The budget is online." in text.get_text()
    title = article.select_one(f"#update-title-{update.uuid}")
    assert title["lang"] == "en"
    # The interface around it is Arabic and says nothing of English.
    assert not article.get("lang")
    # "In progress → Complete": the milestone named as the Arabic page names it; the arrow
    # is drawn (mirrored by the stylesheet) and screen readers hear the words instead.
    change = article.select_one(".ogp-update__changes li")
    assert change.select_one("span").get_text() == "نشر الميزانية"
    assert not change.select_one("span").get("lang")
    assert change.select_one(".ogp-arrow")["aria-hidden"] == "true"
    assert change.select_one(".ogp-visually-hidden").get_text() == "تغيّر إلى"
    # On the English page the same update carries no attribute: the page is English.
    english = soup(client, commitment.url).select_one(f"#update-{update.uuid} .ogp-rich-text")
    assert not english.get("lang")


def test_a_page_not_translated_yet_says_so_and_marks_its_texts(plan, client):
    commitment = make_commitment(plan, "Open budget data", problem="<p>Budgets are PDFs.</p>")
    translate_page(plan, "fr")
    french = Locale.objects.get(language_code="fr")
    alias = commitment.copy_for_translation(french, copy_parents=True, alias=True)

    html = soup(client, alias.url)
    assert html.html["lang"] == "fr"
    notice = html.select_one(".ogp-notice[role=note]")
    assert notice is not None
    assert notice.get_text(strip=True) == (
        "Cette page n’est pas encore traduite. Elle est affichée dans sa langue d’origine\u00a0:"
        " Anglais."
    )
    assert html.select_one("h1")["lang"] == "en"
    problem = next(
        div for div in html.select(".ogp-rich-text") if "Budgets are PDFs." in div.get_text()
    )
    assert (problem["lang"], problem["dir"]) == ("en", "ltr")
    # A translated page has no notice and no marks.
    translated = soup(client, translate_page(plan, "fr").url)
    assert translated.select_one(".ogp-notice[role=note]") is None
    assert not translated.select_one("h1").get("lang")
