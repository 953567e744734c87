"""Wagtail's "Editors" and "Moderators" may view (so choose) organisations, jurisdictions and
the classification terms.

The snippet choosers follow the models' permissions (``snippets/choosers.py``): without
this, the editors of an existing site could no longer pick a lead agency or a jurisdiction
in a page form. Only "view" is given; adding or changing these shared lists stays with
whoever the site's administrators choose. Groups that do not exist are left alone.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
CHOOSABLE = ("organisation", "jurisdiction", "policyarea", "sector", "ogpvalue")


def grant_view(apps, schema_editor):
    # Permission rows are normally created after all migrations (post_migrate);
    # create this app's now so the groups can be given them.
    app_config = apps.get_app_config("ogp_wagtail")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="ogp_wagtail",
        codename__in=[f"view_{model}" for model in CHOOSABLE],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_wagtail", "0005_commitment_activities"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Never take rights away on a rollback: administrators may rely on them since.
    operations = [migrations.RunPython(grant_view, migrations.RunPython.noop)]
