import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


# The full-text side of the index as this migration first created it, written out here:
# migration 0008 moves PostgreSQL's to a column of the entries.
def create_full_text_table(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE ogp_wagtail_searchentry_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE TABLE ogp_wagtail_searchentry_tsv "
            "(entry_id integer PRIMARY KEY, document tsvector NOT NULL)"
        )
        schema_editor.execute(
            "CREATE INDEX ogp_wagtail_searchentry_tsv_document "
            "ON ogp_wagtail_searchentry_tsv USING GIN (document)"
        )


def drop_full_text_table(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS ogp_wagtail_searchentry_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS ogp_wagtail_searchentry_tsv")


class Migration(migrations.Migration):

    dependencies = [
        ('ogp_wagtail', '0006_editors_may_choose_snippets'),
        # The latest wagtailcore migration of Wagtail 7.0 (see 0001): Wagtail 7.4 and 8 have it.
        ('wagtailcore', '0094_alter_page_locale'),
    ]

    operations = [
        migrations.CreateModel(
            name='OpenGovernmentSearchPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('introduction', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                ('results_per_page', models.PositiveSmallIntegerField(default=20, verbose_name='results per page')),
            ],
            options={
                'verbose_name': 'open government search',
                'verbose_name_plural': 'open government searches',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=64, unique=True)),
                ('kind', models.CharField(choices=[('commitment', 'Commitment'), ('milestone', 'Milestone'), ('update', 'Progress update'), ('evidence', 'Evidence'), ('consultation', 'Consultation'), ('plan', 'Action plan')], max_length=16)),
                ('path', models.CharField(max_length=255)),
                ('url_suffix', models.CharField(blank=True, max_length=255)),
                ('title', models.CharField(max_length=255)),
                ('body', models.TextField()),
                ('date', models.DateField(null=True)),
                ('year', models.PositiveSmallIntegerField(null=True)),
                ('plan_id', models.IntegerField(null=True)),
                ('commitment_id', models.IntegerField(null=True)),
                ('status', models.CharField(blank=True, max_length=16)),
                ('status_until', models.DateField(null=True)),
                ('percent', models.PositiveSmallIntegerField(null=True)),
                ('end_date', models.DateField(null=True)),
                ('policy_areas', models.CharField(blank=True, max_length=255)),
                ('sectors', models.CharField(blank=True, max_length=255)),
                ('ogp_values', models.CharField(blank=True, max_length=255)),
                ('jurisdictions', models.CharField(blank=True, max_length=255)),
                ('locale', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page')),
            ],
            options={
                'verbose_name': 'search index entry',
                'verbose_name_plural': 'search index entries',
                'indexes': [models.Index(fields=['locale', 'path'], name='ogp_search_locale_path'), models.Index(fields=['status_until'], name='ogp_search_status_until'), models.Index(fields=['commitment_id'], name='ogp_search_commitment')],
            },
        ),
        migrations.RunPython(create_full_text_table, drop_full_text_table),
    ]
