"""Progress updates are translated with wagtail-localize (issue 10, item 1).

An update's texts wait for translators; its date, its status changes and its address
are the source's. Each language's pages show an update once: in their language when
translated, else as written.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from ogp_wagtail.models import MilestoneStatusRecord, ProgressUpdate

from .conftest import localize, make_commitment, translate_page

pytestmark = pytest.mark.django_db


def translate_update(update, language, strings, capture):
    """The update's translation, published, through wagtail-localize's PO round trip."""
    locale = Locale.objects.get(language_code=language)
    localize(update, locale, capture, strings)
    return update.get_translation(locale)


@pytest.fixture
def published(plan, django_capture_on_commit_callbacks):
    commitment = make_commitment(plan, "Open budget data")
    update = ProgressUpdate.objects.create(
        commitment=commitment,
        date=datetime.date(2026, 3, 31),
        title="First quarter",
        progress="<p>The budget is online.</p>",
    )
    update.status_changes.create(milestone=commitment.milestones.first(), status="complete")
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
    french_commitment = translate_page(commitment, "fr")
    return commitment, french_commitment, update


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_each_language_shows_the_update_once_in_its_language(
    published, client, django_capture_on_commit_callbacks
):
    commitment, french_commitment, update = published
    french_html = page_text(client, french_commitment.url)
    # Not translated yet: shown as written, marked English.
    [article] = french_html.select(".ogp-update")
    assert article.select_one(".ogp-rich-text")["lang"] == "en"

    french = translate_update(
        update,
        "fr",
        {"First quarter": "Premier trimestre", "The budget is online.": "Le budget est en ligne."},
        django_capture_on_commit_callbacks,
    )
    assert (french.uuid, french.date, french.commitment_id) == (
        update.uuid,
        update.date,
        update.commitment_id,
    )
    french_html = page_text(client, french_commitment.url)
    [article] = french_html.select(".ogp-update")
    assert "Le budget est en ligne." in article.get_text()
    assert not article.select_one(".ogp-rich-text").get("lang")
    # The status change the source made shows on the translation, recorded once.
    assert article.select_one(".ogp-update__changes .ogp-badge--complete") is not None
    assert MilestoneStatusRecord.objects.filter(update__uuid=update.uuid).count() == 1
    # One address per update, in each language: the same uuid under each commitment.
    update_page = page_text(client, f"{french_commitment.url}updates/{update.uuid}/")
    assert "Le budget est en ligne." in update_page.get_text()
    english_html = page_text(client, commitment.url)
    [article] = english_html.select(".ogp-update")
    assert "The budget is online." in article.get_text()


def test_the_lasting_address_leads_to_any_version(
    published, client, django_capture_on_commit_callbacks
):
    _commitment, _french_commitment, update = published
    translate_update(update, "fr", {}, django_capture_on_commit_callbacks)
    response = client.get(f"/ogp/updates/{update.uuid}/")
    assert response.status_code == 302


def test_translating_an_older_update_changes_no_status(
    published, django_capture_on_commit_callbacks
):
    """A translation copies its source's status changes: publishing it later must not
    play them again over what newer updates recorded."""
    commitment, _french_commitment, first = published
    milestone = commitment.milestones.first()
    later = ProgressUpdate.objects.create(
        commitment=commitment, date=datetime.date(2026, 6, 30), progress="<p>Stuck.</p>"
    )
    later.status_changes.create(milestone=milestone, status="blocked")
    with django_capture_on_commit_callbacks(execute=True):
        later.save_revision().publish()
    history = MilestoneStatusRecord.objects.filter(milestone_key=milestone.translation_key)
    before = list(history.values_list("status", flat=True))
    assert before[-1] == "blocked"

    translate_update(first, "fr", {}, django_capture_on_commit_callbacks)
    assert list(history.values_list("status", flat=True)) == before
    milestone.refresh_from_db()
    assert milestone.status == "blocked"
