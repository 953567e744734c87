"""Every inline row of the package's pages becomes translatable, as milestones are.

wagtail-localize translates a page's inline rows only when their model is
translatable; before, it copied them whole, so a French plan showed English
objectives, stakeholders, amendments, evidence and consultation records. Existing
rows get a key of their own and their page's locale before the columns turn required.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

INLINE_MODELS = [
    "planobjective",
    "planendorsement",
    "commitmentstakeholder",
    "commitmentamendment",
    "evidenceitem",
    "consultationmeeting",
    "consultationdocument",
    "consultationinput",
    "consultationcommitment",
]


def give_each_row_a_key_and_its_pages_locale(apps, schema_editor):
    """A row's key is shared by the rows at its place in the other language versions of its
    page: translations made so far copied the rows in order. A place held twice in one
    language (no order recorded) gets keys of its own."""
    for name in INLINE_MODELS:
        model = apps.get_model("ogp_wagtail", name)
        rows = list(model.objects.select_related("page").order_by("page_id", "sort_order", "pk"))
        keys, taken = {}, set()
        for row in rows:
            key = keys.setdefault((row.page.translation_key, row.sort_order), uuid.uuid4())
            if row.sort_order is None or (key, row.page.locale_id) in taken:
                key = uuid.uuid4()
            taken.add((key, row.page.locale_id))
            row.translation_key = key
            row.locale_id = row.page.locale_id
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


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
        ("ogp_wagtail", "0008_search_document_column"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *(
            operation
            for name in INLINE_MODELS
            for operation in (
                migrations.AddField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(null=True, editable=False),
                ),
                migrations.AddField(model_name=name, name="locale", field=locale_field(True)),
            )
        ),
        migrations.RunPython(give_each_row_a_key_and_its_pages_locale, migrations.RunPython.noop),
        *(
            operation
            for name in INLINE_MODELS
            for operation in (
                migrations.AlterField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterField(model_name=name, name="locale", field=locale_field(False)),
                migrations.AlterUniqueTogether(
                    name=name, unique_together={("translation_key", "locale")}
                ),
            )
        ),
    ]
