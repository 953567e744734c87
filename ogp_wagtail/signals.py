"""Signal handlers, connected in ``OGPWagtailConfig.ready()``."""

from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .milestones import Milestone
from .pages.commitment import CommitmentPage
from .search import indexer as search_index
from .snippets.taxonomy import TAXONOMY_MODELS, sync_official_list
from .status import cache as render_cache
from .status import history, schedule
from .updates.models import ProgressUpdate


def give_new_locale_the_official_lists(sender, instance, created, raw=False, **kwargs):
    # An editor who adds a language finds the policy areas, sectors and values ready.
    if created and not raw:
        for model in TAXONOMY_MODELS:
            sync_official_list(model, model.official_list, [instance])


def settle_commitment_progress(sender, instance, revision=None, **kwargs):
    # Statuses and schedules: one truth in every language version of the milestones.
    history.record_published_commitment(instance, user=getattr(revision, "user", None))
    schedule.settle_published_schedule(instance)


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
        settle_commitment_progress, sender=CommitmentPage, dispatch_uid="ogp_wagtail_statuses"
    )
    published.connect(
        apply_update_status_changes, sender=ProgressUpdate, dispatch_uid="ogp_wagtail_update"
    )
    connect_render_cache()
    connect_search_index()


def with_language_versions(page):
    """A commitment's statuses are one truth: its every language version is refreshed."""
    if isinstance(page, CommitmentPage):
        return list(CommitmentPage.objects.filter(translation_key=page.translation_key))
    return [page]


def search_page_changed(sender, instance, **kwargs):
    search_index.publication_changed(with_language_versions(instance.specific_deferred))


def search_page_moved(sender, instance, parent_page_before=None, **kwargs):
    # The commitment a folder left still holds the folder's items in its text.
    before = parent_page_before.specific_deferred if parent_page_before else None
    search_index.refresh([instance, before if isinstance(before, CommitmentPage) else None])


def search_page_deleted(sender, instance, **kwargs):
    search_index.forget([instance.pk])
    # A deleted folder's items leave its commitment's text. Once the whole deletion is
    # done: refreshing a commitment that is itself being deleted would re-create its rows.
    parent_path = instance.path[: -Page.steplen]
    transaction.on_commit(lambda: search_index.refresh_commitment_at(parent_path))


def search_restriction_changed(sender, instance, **kwargs):
    search_index.refresh([instance.page])


def search_update_changed(sender, instance, **kwargs):
    # In one refresh: the update's entries leave the commitment it left as they join the
    # one it is on (an entry's key is unique).
    commitments = CommitmentPage.objects.filter(pk__in=instance.commitment_ids_showing())
    search_index.refresh(
        [version for commitment in commitments for version in with_language_versions(commitment)]
    )


def build_search_index_after_migrate(sender, using="default", **kwargs):
    """Installing or upgrading the package indexes the content already published.

    Only for the database engine, and only when its index is empty: a rebuild of an
    external engine is the administrator's call (``manage.py ogp_search_index``).
    """
    if sender.label != "ogp_wagtail":
        return
    search_index.build_if_empty(using)


def connect_search_index():
    """The search index follows what residents can see (``search/indexer.py``).

    Connected after the status history's handlers: a commitment is indexed with the
    statuses its publication just recorded.
    """
    uid = "ogp_wagtail_search_index"
    page_published.connect(search_page_changed, dispatch_uid=uid)
    page_unpublished.connect(search_page_changed, dispatch_uid=uid)
    post_page_move.connect(search_page_moved, dispatch_uid=uid)
    post_delete.connect(search_page_deleted, sender=Page, dispatch_uid=uid)
    post_save.connect(search_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(search_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    for signal in (published, unpublished):
        signal.connect(search_update_changed, sender=ProgressUpdate, dispatch_uid=uid)
    post_delete.connect(search_update_changed, sender=ProgressUpdate, dispatch_uid=uid)
    post_migrate.connect(build_search_index_after_migrate, dispatch_uid=uid)


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
