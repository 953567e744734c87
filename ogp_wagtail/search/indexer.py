"""Keeps the search index in step with what residents can see.

Publishing, unpublishing, moving or deleting a page, changing its view
restrictions, and publishing or unpublishing a progress update each refresh the
pages whose documents may have changed (:func:`pages_to_refresh`): the page, every
page below it (their visibility, plan and jurisdictions follow it), and the
commitment an evidence folder sits under (its text holds the folder's items).
A progress update refreshes every language version of its commitment: the statuses
it records are one truth for all of them.

Statuses that change by themselves (a milestone becoming overdue on the first of a
month) are refreshed by the search itself before it answers (:func:`refresh_stale`).
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .documents import build_documents
from .engine import get_engine

BATCH_SIZE = 200


def pages_to_refresh(pages):
    """Ids of ``pages``, of every page below them, and of their parent commitments."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return set()
    below = Q()
    for page in pages:
        below |= Q(path__startswith=page.path)
    ids = set(Page.objects.filter(below).values_list("pk", flat=True))
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    ids |= set(
        Page.objects.filter(
            path__in=parent_paths, content_type__model="commitmentpage"
        ).values_list("pk", flat=True)
    )
    return ids


def refresh(pages, engine=None):
    """Replace the documents of ``pages`` (and those they affect) by fresh ones."""
    ids = pages_to_refresh(pages)
    if ids:
        (engine or get_engine()).replace(ids, build_documents(ids))


def forget(page_ids, engine=None):
    """Drop the documents of pages about to disappear."""
    (engine or get_engine()).replace(list(page_ids), [])


def refresh_stale(engine, today=None):
    """Refresh the pages whose status may have changed since they were indexed."""
    today = today or timezone.localdate()
    stale = engine.stale_page_ids(today)
    if stale:
        refresh(Page.objects.filter(pk__in=stale), engine)


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
    """Rebuild the whole index; ``progress(documents)`` is called after each batch."""
    batches, _count = all_documents(batch_size)
    (engine or get_engine()).rebuild(batches, progress)
