from django.core.management.base import BaseCommand
from wagtail.models import Locale

from ...snippets.taxonomy import TAXONOMY_MODELS, sync_official_list


class Command(BaseCommand):
    help = (
        "Create the official OGP policy areas, sectors and values missing in any locale "
        "(run it after adding a language). Existing entries are left as they are."
    )

    def handle(self, *args, **options):
        locales = list(Locale.objects.all())
        for model in TAXONOMY_MODELS:
            created = sync_official_list(model, model.official_list, locales)
            self.stdout.write(f"{model._meta.verbose_name_plural}: {created} created")
