"""The "Comment moderators" group, with the permissions moderating needs.

Which sites a member moderates is not decided here: it follows the page
permissions (edit on a site's root page), see ``ogp_wagtail.comments.permissions``.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Comment moderators"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("ogp_comments", "comment", "moderate_comment"),
    ("ogp_comments", "comment", "view_comment"),
    ("ogp_comments", "comment", "change_comment"),
]


def create_group(apps, schema_editor):
    # Permission rows are normally created after all migrations (post_migrate);
    # create this app's now so the group can be given them.
    app_config = apps.get_app_config("ogp_comments")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    # Never take moderators' rights away on a rollback: remove the group only if unused.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=GROUP_NAME, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
