"""Refresh the example's content catalogues after its English content changed.

Run on a database where ``load_example`` has run: it writes ``home/locale/example.pot`` from
the English pages and snippets and merges it into ``home/locale/<language>.po``, keeping the
translations already made. Translate the new entries, then load the example again on a
fresh database.
"""

from django.core.management.base import BaseCommand, CommandError

from ... import example_content as content
from ... import translations
from ...models import HomePage
from .load_example import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES, example_snippets


class Command(BaseCommand):
    help = "Write the example content's translation template and merge it into its catalogues."

    def handle(self, *args, **options):
        homes = HomePage.objects.filter(slug=content.HOME["slug"])
        home = homes.filter(locale__language_code=SOURCE_LANGUAGE).first()
        if home is None:
            raise CommandError("No example here: run `manage.py load_example` first.")
        objects = translations.translatable_objects(example_snippets(), home)
        template = translations.write_template(objects)
        translations.merge_into_catalogues(template, TRANSLATED_LANGUAGES)
        self.stdout.write(
            f"{len(template)} strings written to {translations.TEMPLATE}; catalogues merged: "
            + ", ".join(str(translations.catalogue_path(code)) for code in TRANSLATED_LANGUAGES)
        )
