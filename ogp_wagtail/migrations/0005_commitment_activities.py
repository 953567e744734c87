from django.db import migrations

OLD, NEW = "action", "activities"


def rename_in_revisions(apps, schema_editor, old=OLD, new=NEW):
    """Drafts and older revisions keep their text: the key moves in their stored content."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label="ogp_wagtail", model="commitmentpage"
    ).first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(content_type=content_type)
    for revision in revisions.iterator():
        content = revision.content
        if isinstance(content, dict) and old in content:
            content[new] = content.pop(old)
            revision.content = content
            revision.save(update_fields=["content"])


def rename_back_in_revisions(apps, schema_editor):
    rename_in_revisions(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    """Rename CommitmentPage.action: a field of that name broke the admin's autosave."""

    dependencies = [
        ("ogp_wagtail", "0004_progress_updates"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField(
            model_name="commitmentpage", old_name="action", new_name="activities"
        ),
        migrations.RunPython(rename_in_revisions, rename_back_in_revisions),
    ]
