"""Signal handlers, connected in ``OGPWagtailConfig.ready()``."""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .milestones import Milestone
from .pages.commitment import CommitmentPage
from .snippets.taxonomy import TAXONOMY_MODELS, sync_official_list
from .status import cache as render_cache
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


def keep_recorded_milestone_status(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load what they say
        history.keep_recorded_status(instance)


def connect():
    post_save.connect(
        keep_recorded_milestone_status, sender=Milestone, dispatch_uid="ogp_wagtail_milestone"
    )
    post_save.connect(
        give_new_locale_the_official_lists, sender=Locale, dispatch_uid="ogp_wagtail_new_locale"
    )
    page_published.connect(
        record_commitment_statuses, sender=CommitmentPage, dispatch_uid="ogp_wagtail_statuses"
    )
    published.connect(
        apply_update_status_changes, sender=ProgressUpdate, dispatch_uid="ogp_wagtail_update"
    )
    connect_render_cache()


def connect_render_cache():
    """The render cache forgets every rendered page when anything they may show changes."""
    uid = "ogp_wagtail_render_cache"
    # Rows of the package, pages, documents, sites and view restrictions (drafts excepted).
    # One sender at a time: a receiver for every model would also slow other apps' deletes.
    for model in render_cache.watched_models():
        post_save.connect(render_cache.row_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(render_cache.row_changed, sender=model, dispatch_uid=uid)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(render_cache.content_changed, dispatch_uid=uid)
    # Progress updates (and any other draft-state model) published or unpublished.
    for signal in (published, unpublished):
        signal.connect(render_cache.draft_state_changed, dispatch_uid=uid)
    # Settings change what is rendered (languages, templates, optional apps' settings).
    setting_changed.connect(render_cache.content_changed, dispatch_uid=uid)
