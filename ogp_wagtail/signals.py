"""Signal handlers, connected in ``OGPWagtailConfig.ready()``."""

from django.db.models.signals import post_save
from wagtail.models import Locale
from wagtail.signals import page_published, published

from .pages.commitment import CommitmentPage
from .snippets.taxonomy import TAXONOMY_MODELS, sync_official_list
from .status import history
from .updates.models import ProgressUpdate


def give_new_locale_the_official_lists(sender, instance, created, raw=False, **kwargs):
    # An editor who adds a language finds the policy areas, sectors and values ready.
    if created and not raw:
        for model in TAXONOMY_MODELS:
            sync_official_list(model, model.official_list, [instance])


def record_commitment_statuses(sender, instance, revision=None, **kwargs):
    history.record_published_commitment(instance, user=getattr(revision, "user", None))


def apply_update_status_changes(sender, instance, revision=None, **kwargs):
    history.apply_published_update(instance, user=getattr(revision, "user", None))


def connect():
    post_save.connect(
        give_new_locale_the_official_lists, sender=Locale, dispatch_uid="ogp_wagtail_new_locale"
    )
    page_published.connect(
        record_commitment_statuses, sender=CommitmentPage, dispatch_uid="ogp_wagtail_statuses"
    )
    published.connect(
        apply_update_status_changes, sender=ProgressUpdate, dispatch_uid="ogp_wagtail_update"
    )
