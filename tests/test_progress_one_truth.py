"""Progress is one truth across languages (issue 10, item 1).

A plan is translated with wagtail-localize's own API (a translation source, a
``Translation`` per language, ``save_target``), as its "Translate this page"
does. A milestone's status, months or weight then changed once, in any
language, shows on every language's pages with no sync, no re-translation.
"""

import datetime

import pytest
from wagtail.models import Locale

from ogp_wagtail.models import CommitmentPage, Milestone, ProgressUpdate
from tests.conftest import localize, make_commitment

LANGUAGES = ["fr", "ar", "es"]


@pytest.fixture
def translated(plan, django_capture_on_commit_callbacks, settings):
    """The plan and one commitment, in English and translated into French, Arabic, Spanish."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en", "English"),
        *((code, code) for code in LANGUAGES),
    ]
    commitment = make_commitment(plan, "Open budget data", statuses=["in_progress", "not_started"])
    translations = {}
    for language in LANGUAGES:
        locale = Locale.objects.create(language_code=language)
        localize(plan, locale, django_capture_on_commit_callbacks)
        translations[language] = localize(commitment, locale, django_capture_on_commit_callbacks)
    return commitment, translations


def versions(commitment):
    return CommitmentPage.objects.filter(translation_key=commitment.translation_key)


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def edit_milestones(page, capture, **changes):
    """The editor changes the first milestone of ``page`` and publishes the page."""
    draft = page.get_latest_revision_as_object()
    milestones = list(draft.milestones.order_by("sort_order"))
    for name, value in changes.items():
        setattr(milestones[0], name, value)
    draft.milestones = milestones  # as the page editor's form sets them
    with capture(execute=True):
        draft.save_revision().publish()


def test_a_status_changed_once_shows_on_every_languages_pages(
    translated, client, django_capture_on_commit_callbacks
):
    commitment, _translations = translated
    update = ProgressUpdate.objects.create(
        commitment=commitment, date=datetime.date(2026, 3, 31), progress="<p>Done.</p>"
    )
    update.status_changes.create(milestone=commitment.milestones.first(), status="complete")
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()

    pages = versions(commitment)
    assert {page.locale.language_code for page in pages} == {"en", *LANGUAGES}
    for page in pages:
        content = html(client, page)
        assert content.count("ogp-badge--complete") >= 1, page.locale
        assert 'aria-valuenow="50"' in content, page.locale


def test_months_and_weight_changed_in_the_source_show_in_every_language(
    translated, client, django_capture_on_commit_callbacks
):
    commitment, _translations = translated
    edit_milestones(
        commitment,
        django_capture_on_commit_callbacks,
        end_month=datetime.date(2026, 11, 1),
        weight=3,
    )
    for page in versions(commitment):
        first = page.milestones.order_by("sort_order").first()
        assert (first.end_month, first.weight) == (datetime.date(2026, 11, 1), 3), page.locale
        assert '<time datetime="2026-11">' in html(client, page), page.locale


def test_a_translation_published_from_an_older_copy_keeps_the_new_schedule(
    translated, django_capture_on_commit_callbacks
):
    """The translator publishes without "Update translations": the copy predates the change."""
    commitment, translations = translated
    edit_milestones(
        commitment, django_capture_on_commit_callbacks, end_month=datetime.date(2026, 11, 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        translations["ar"].save_target(publish=True)
    arabic = versions(commitment).get(locale__language_code="ar")
    assert arabic.milestones.order_by("sort_order").first().end_month == datetime.date(2026, 11, 1)


def test_a_schedule_changed_in_a_translation_edited_by_hand_shows_everywhere(
    translated, django_capture_on_commit_callbacks
):
    """A translation taken out of wagtail-localize's sync is edited like any page."""
    commitment, translations = translated
    translations["fr"].enabled = False
    translations["fr"].save()
    french = versions(commitment).get(locale__language_code="fr")
    edit_milestones(french, django_capture_on_commit_callbacks, weight=5)
    first_milestone = commitment.milestones.order_by("sort_order").first()
    weights = Milestone.objects.filter(translation_key=first_milestone.translation_key)
    assert sorted(weights.values_list("weight", flat=True)) == [5, 5, 5, 5]
