"""Milestones become translatable (a stable ``translation_key``) and get an optional weight.

Existing rows get a key of their own and their page's locale before the
columns turn required.
"""

import uuid

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def give_each_milestone_a_key_and_locale(apps, schema_editor):
    Milestone = apps.get_model("ogp_wagtail", "Milestone")
    for milestone in Milestone.objects.select_related("page"):
        milestone.translation_key = uuid.uuid4()
        milestone.locale_id = milestone.page.locale_id
        milestone.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("ogp_wagtail", "0002_official_taxonomies"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="milestone",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="milestone",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_each_milestone_a_key_and_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="milestone",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="milestone",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="milestone",
            name="weight",
            field=models.PositiveSmallIntegerField(
                blank=True,
                validators=[django.core.validators.MinValueValidator(1)],
                help_text="Optional. How much this milestone counts in the commitment's "
                "percentage; milestones without a weight count 1.",
                null=True,
                verbose_name="weight",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="milestone",
            unique_together={("translation_key", "locale")},
        ),
    ]
