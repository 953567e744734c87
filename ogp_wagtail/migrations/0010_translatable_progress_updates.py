"""Progress updates become translatable: their texts translated, their facts the source's.

Every existing update gets a key of its own and its commitment's locale before the
columns turn required. ``uuid`` stays the update's identity across languages: it is
unique per language instead of overall.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_update_a_key_and_its_commitments_locale(apps, schema_editor):
    ProgressUpdate = apps.get_model("ogp_wagtail", "ProgressUpdate")
    updates = list(ProgressUpdate.objects.select_related("commitment"))
    for update in updates:
        update.translation_key = uuid.uuid4()
        update.locale_id = update.commitment.locale_id
    ProgressUpdate.objects.bulk_update(updates, ["translation_key", "locale"], batch_size=500)


def locale_field(null):
    return models.ForeignKey(
        null=null,
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_wagtail", "0009_translatable_inline_rows"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="progressupdate",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(model_name="progressupdate", name="locale", field=locale_field(True)),
        migrations.RunPython(
            give_each_update_a_key_and_its_commitments_locale, migrations.RunPython.noop
        ),
        migrations.AlterField(
            model_name="progressupdate",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="progressupdate", name="locale", field=locale_field(False)
        ),
        migrations.AlterField(
            model_name="progressupdate",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="progressupdate", unique_together={("translation_key", "locale")}
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.UniqueConstraint(
                fields=("uuid", "locale"), name="ogp_wagtail_update_one_version_per_language"
            ),
        ),
    ]
