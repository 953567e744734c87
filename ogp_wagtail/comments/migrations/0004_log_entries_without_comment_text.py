"""Log entries of comments stop quoting them (issue 8, item 21).

Wagtail labels a log entry with ``str(instance)``, for a comment its author and
the start of its text; the site history report shows labels to moderators of
every site, and they outlived the erasure of personal data. Entries are now
labelled by the comment's number (``moderation.actions.log_label``): relabel the
earlier ones the same way. Data only; nothing to undo.
"""

from django.conf import settings
from django.db import migrations
from django.utils import translation


def relabel(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type = ContentType.objects.filter(app_label="ogp_comments", model="comment").first()
    if content_type is None:
        return
    entries = ModelLogEntry.objects.filter(content_type=content_type).only("pk", "object_id")
    with translation.override(settings.LANGUAGE_CODE):
        label = translation.gettext("Comment %(number)s")
        batch = []
        for entry in entries.iterator(chunk_size=1000):
            entry.label = label % {"number": entry.object_id}
            batch.append(entry)
            if len(batch) == 1000:
                ModelLogEntry.objects.bulk_update(batch, ["label"])
                batch = []
        ModelLogEntry.objects.bulk_update(batch, ["label"])


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_comments", "0003_follow_request"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop)]
