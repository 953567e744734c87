"""Signal handlers, connected in ``OGPWagtailConfig.ready()``."""

from django.db.models.signals import post_save
from wagtail.models import Locale

from .snippets.taxonomy import TAXONOMY_MODELS, sync_official_list


def give_new_locale_the_official_lists(sender, instance, created, raw=False, **kwargs):
    # An editor who adds a language finds the policy areas, sectors and values ready.
    if created and not raw:
        for model in TAXONOMY_MODELS:
            sync_official_list(model, model.official_list, [instance])


def connect():
    post_save.connect(
        give_new_locale_the_official_lists, sender=Locale, dispatch_uid="ogp_wagtail_new_locale"
    )
