"""Snippets: the official lists after migrate, their sync command, the admin, the system check."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from ogp_wagtail import taxonomies
from ogp_wagtail.checks import check_base_template
from ogp_wagtail.models import OGPValue, PolicyArea, Sector

OFFICIAL = [
    (PolicyArea, taxonomies.POLICY_AREAS),
    (Sector, taxonomies.SECTORS),
    (OGPValue, taxonomies.OGP_VALUES),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "official_list"), OFFICIAL)
def test_migration_created_the_official_list_in_the_default_locale(model, official_list):
    english = Locale.objects.get(language_code="en")
    codes = list(model.objects.filter(locale=english).values_list("code", flat=True))
    assert codes == [code for code, _ in official_list]
    assert len(official_list) == {PolicyArea: 22, Sector: 16, OGPValue: 4}[model]


@pytest.mark.django_db
def test_a_new_locale_gets_the_official_lists_under_the_same_translation_keys():
    english = Locale.objects.get(language_code="en")
    french = Locale.objects.create(language_code="fr")
    open_data_en = PolicyArea.objects.get(locale=english, code="open-data")
    open_data_fr = PolicyArea.objects.get(locale=french, code="open-data")
    assert open_data_fr.translation_key == open_data_en.translation_key
    assert open_data_fr.get_translation(english) == open_data_en
    assert PolicyArea.objects.filter(locale=french).count() == 22


@pytest.mark.django_db
def test_sync_command_fills_what_is_missing_and_is_idempotent():
    english = Locale.objects.get(language_code="en")
    PolicyArea.objects.filter(locale=english, code__in=["tax", "lobbying"]).delete()
    out = io.StringIO()
    call_command("ogp_sync_taxonomies", stdout=out)
    assert "2 created" in out.getvalue()
    count = PolicyArea.objects.count()
    call_command("ogp_sync_taxonomies", stdout=io.StringIO())
    assert PolicyArea.objects.count() == count == 22


@pytest.mark.django_db
def test_sync_leaves_reworded_entries_alone():
    english = Locale.objects.get(language_code="en")
    PolicyArea.objects.filter(locale=english, code="tax").update(name="Taxation")
    call_command("ogp_sync_taxonomies", stdout=io.StringIO())
    assert PolicyArea.objects.get(locale=english, code="tax").name == "Taxation"


@pytest.mark.parametrize(
    "name", ["organisation", "jurisdiction", "policyarea", "sector", "ogpvalue"]
)
def test_snippet_listings_answer_editors(editor_client, name):
    response = editor_client.get(reverse(f"wagtailsnippets_ogp_wagtail_{name}:list"))
    assert response.status_code == 200


def test_open_government_menu_groups_the_snippets(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert "Open government" in response.content.decode()


def test_check_reports_a_missing_base_template(settings):
    settings.OGP_WAGTAIL_BASE_TEMPLATE = "no/such/template.html"
    (error,) = check_base_template(None)
    assert error.id == "ogp_wagtail.E001"
    settings.OGP_WAGTAIL_BASE_TEMPLATE = "custom_base.html"
    assert check_base_template(None) == []


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())
