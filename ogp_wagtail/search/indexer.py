"""Keeps the search index in step with what residents can see.

Moving or deleting a page and changing its view restrictions refresh the pages whose
documents may have changed (:func:`pages_to_refresh`): the page, every page below it
(their address and visibility follow it), and the commitment an evidence folder sits
under (its text holds the folder's items). Publishing and unpublishing refresh less
(:func:`publication_changed`): a page's visibility is its own.
A progress update refreshes every language version of its commitment: the statuses
it records are one truth for all of them.

The database engine's index is always kept, whichever engine serves the search: the
plan page's commitment list filters and sorts it (:class:`.filters.CommitmentFilterSet`).
An external engine (Elasticsearch) is kept beside it.

Statuses that change by themselves (a milestone becoming overdue on the first of a
month) are refreshed by the search itself before it answers (:func:`refresh_stale`).
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .database import DatabaseEngine
from .documents import build_documents
from .engine import get_engine
from .models import SearchEntry

BATCH_SIZE = 200
logger = logging.getLogger("ogp_wagtail.search")


def pages_to_refresh(pages, with_descendants=True):
    """Ids of ``pages``, of every page below them, and of their parent commitments."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return set()
    if with_descendants:
        below = Q()
        for page in pages:
            below |= Q(path__startswith=page.path)
        ids = set(Page.objects.filter(below).values_list("pk", flat=True))
    else:
        ids = {page.pk for page in pages}
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    ids |= set(commitment_pages().filter(path__in=parent_paths).values_list("pk", flat=True))
    return ids


def commitment_pages():
    """Commitment pages, as pages (this layer does not import the page models)."""
    return Page.objects.filter(
        content_type__app_label="ogp_wagtail", content_type__model="commitmentpage"
    )


def publication_changed(pages):
    """Refresh what a page's publication or unpublication changes, and nothing more.

    A page's own documents, and its parent commitment's (a folder's items are in its
    text). What lies below it changes only when it inherits from it: a commitment's
    folders (its status and taxonomies), a plan's pages when the plan's jurisdictions
    changed. Other pages give no document and pass nothing down: publishing the home
    page does not re-index the site.
    """
    pages = [page for page in pages if page.content_type.app_label == "ogp_wagtail"]
    with_subtree = [page for page in pages if _passes_facts_down(page)]
    own = [page for page in pages if page not in with_subtree]
    refresh(with_subtree)
    refresh(own, with_descendants=False)


def _passes_facts_down(page):
    model = page.specific_class
    if model is None or model._meta.model_name not in ("commitmentpage", "strategicvisionpage"):
        return False
    if model._meta.model_name == "commitmentpage":
        return True
    indexed = SearchEntry.objects.filter(key=f"plan:{page.pk}").values_list(
        "jurisdictions", flat=True
    )
    current = sorted(page.specific.jurisdictions.values_list("pk", flat=True)) if page.live else []
    return [sorted(int(pk) for pk in value.split()) for value in indexed] != [current]


def engines():
    """The engines kept in step: the database's, and the one serving the search if another."""
    serving = get_engine()
    if isinstance(serving, DatabaseEngine):
        return [serving]
    return [DatabaseEngine(), serving]


def replace(engine, page_ids, documents):
    """``engine.replace()``; an external engine only once the change is committed.

    The database's index changes in the same transaction as the content. An external
    engine must not hold what a rolled-back transaction wrote, and its outage must not
    stop editors publishing: it is logged, and ``ogp_search_index`` repairs the index.
    """
    if not engine.unavailable:
        engine.replace(page_ids, documents)
        return

    def send():
        try:
            engine.replace(page_ids, documents)
        except engine.unavailable:
            logger.exception("The %s search engine could not be updated.", engine.name)

    transaction.on_commit(send)


def refresh(pages, targets=None, with_descendants=True):
    """Replace the documents of ``pages`` (and those they affect) by fresh ones."""
    ids = pages_to_refresh(pages, with_descendants)
    if ids:
        documents = build_documents(ids)
        for engine in targets or engines():
            replace(engine, ids, documents)


def refresh_commitment_at(path):
    """Refresh the commitment at ``path``, if there is one (a deleted folder's parent)."""
    refresh(commitment_pages().filter(path=path))


def forget(page_ids):
    """Drop the documents of pages about to disappear."""
    for engine in engines():
        replace(engine, list(page_ids), [])


def refresh_stale(today=None):
    """Refresh the pages whose status may have changed since they were indexed.

    The database's index knows them (it is always kept); one indexed query when none is.
    """
    today = today or timezone.localdate()
    stale = DatabaseEngine().stale_page_ids(today)
    if stale:
        refresh(Page.objects.filter(pk__in=stale))


def all_documents(batch_size=BATCH_SIZE):
    """The documents of every OGP page, ``batch_size`` pages at a time, and the page count."""
    ids = list(
        Page.objects.filter(content_type__app_label="ogp_wagtail")
        .order_by("path")
        .values_list("pk", flat=True)
    )
    batches = (
        build_documents(ids[start : start + batch_size]) for start in range(0, len(ids), batch_size)
    )
    return batches, len(ids)


def rebuild(engine=None, progress=None, batch_size=BATCH_SIZE):
    """Rebuild an engine's whole index (each kept engine's by default).

    ``progress(documents)`` is called after each batch.
    """
    for target in [engine] if engine else engines():
        batches, _count = all_documents(batch_size)
        target.rebuild(batches, progress)


def build_if_empty(using="default"):
    """Build the database engine's index when it is empty and there is content to index."""
    if using != "default" or SearchEntry.objects.exists():
        return
    if Page.objects.filter(content_type__app_label="ogp_wagtail", live=True).exists():
        rebuild(DatabaseEngine())
