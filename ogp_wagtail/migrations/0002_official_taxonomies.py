"""Fill the policy areas, sectors and OGP values with the official OGP lists.

One entry per list item and per locale that exists now; locales added later
get theirs from ``manage.py ogp_sync_taxonomies``.
"""

from django.db import migrations

from ogp_wagtail import taxonomies
from ogp_wagtail.snippets.taxonomy import sync_official_list

LISTS = {
    "PolicyArea": taxonomies.POLICY_AREAS,
    "Sector": taxonomies.SECTORS,
    "OGPValue": taxonomies.OGP_VALUES,
}


def create_official_lists(apps, schema_editor):
    locales = list(apps.get_model("wagtailcore", "Locale").objects.all())
    for model_name, official_list in LISTS.items():
        sync_official_list(apps.get_model("ogp_wagtail", model_name), official_list, locales)


def remove_official_lists(apps, schema_editor):
    for model_name in LISTS:
        apps.get_model("ogp_wagtail", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_wagtail", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_official_lists, remove_official_lists)]
