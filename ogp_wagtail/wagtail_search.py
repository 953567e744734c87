"""Keeps Wagtail's own search index in step with what a commitment's entry holds.

Wagtail's index (the admin's search, its choosers, an integrator's
``Page.objects.search()``) finds a commitment by the words of its published
progress updates and of the items of its live, public evidence folders
(``CommitmentPage.published_updates_text`` and ``public_evidence_text``). Those
are not inline rows of the page, so Wagtail does not reindex the commitment when
they change: these handlers do, for every language version of the commitment
(an update is shown on all of them).

Wagtail also indexes a page when it is saved, before its inline rows
(milestones, evidence items, a consultation's meetings) are written: a
published page is indexed again once they are.

This is not the public search's index (``search/``), which keeps its own.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from .pages.base import OGPPage
from .pages.commitment import CommitmentPage
from .pages.evidence import EvidenceFolderPage
from .updates.models import ProgressUpdate

DISPATCH_UID = "ogp_wagtail_wagtail_search"


def reindex_commitments(commitments):
    """Index again every language version of ``commitments`` (a queryset of commitments)."""
    keys = commitments.values("translation_key")
    for commitment in CommitmentPage.objects.filter(translation_key__in=keys):
        index.insert_or_update_object(commitment)


def parent_commitment(page):
    """The commitments (none or one) ``page`` sits directly under, found by its tree path."""
    return CommitmentPage.objects.filter(path=page.path[: -Page.steplen])


def commitments_seeing(page):
    """The commitments whose public evidence depends on ``page``'s state or restrictions."""
    if isinstance(page, EvidenceFolderPage):
        return parent_commitment(page)
    return CommitmentPage.objects.descendant_of(page, inclusive=True)


def page_published_or_unpublished(sender, instance, **kwargs):
    if isinstance(instance, OGPPage) and kwargs.get("signal") is page_published:
        # Now that its inline rows are written (see the module's docstring).
        index.insert_or_update_object(instance)
    if isinstance(instance, EvidenceFolderPage):
        reindex_commitments(parent_commitment(instance))


def folder_deleted(sender, instance, **kwargs):
    reindex_commitments(parent_commitment(instance))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if issubclass(sender, EvidenceFolderPage):
        # The commitment it left holds its items no more; the one it joined does.
        parents = [parent_page_before.pk, parent_page_after.pk]
        reindex_commitments(CommitmentPage.objects.filter(pk__in=parents))
    else:
        # Under other ancestors, its folders may have other view restrictions.
        reindex_commitments(CommitmentPage.objects.descendant_of(instance, inclusive=True))


def restriction_changed(sender, instance, raw=False, **kwargs):
    # Deleted with its page, a restriction may have no page left to look under.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None and not raw:
        reindex_commitments(commitments_seeing(page.specific_deferred))


def update_changed(sender, instance, **kwargs):
    reindex_commitments(CommitmentPage.objects.filter(pk__in=instance.commitment_ids_showing()))


def connect_wagtail_search():
    """Connect the handlers above; called from ``OGPWagtailConfig.ready()``."""
    uid = DISPATCH_UID
    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=uid)
    post_delete.connect(folder_deleted, sender=EvidenceFolderPage, dispatch_uid=uid)
    post_page_move.connect(page_moved, dispatch_uid=uid)
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=uid)
    for signal in (published, unpublished, post_delete):
        signal.connect(update_changed, sender=ProgressUpdate, dispatch_uid=uid)
