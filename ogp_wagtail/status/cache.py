"""The render cache: the server-rendered parts of public pages, kept until content changes.

Templates mark a part with ``{% ogp_cached "name" %}...{% endogp_cached %}``
(``ogp_wagtail_tags``); the plan and commitment pages mark their content, and a
site can mark a StreamField of blocks the same way (the example site's home page
does). The HTML is kept in Django's default cache (``CACHES["default"]``),
under a key made of the fragment's name, the page (its id and last
publication), the active language, the site, today's date and the *content
version*.

The content version changes whenever something a page may show changes, so
no fragment outlives the content it was rendered from: :func:`content_changed`
is connected (``ogp_wagtail.signals``) to pages being published, unpublished,
moved, deleted or saved, progress updates (and any other draft-state model)
being published or unpublished, the package's models, documents, sites and
view restrictions being saved or deleted. Saving a draft changes nothing
public and keeps the cache. Optional apps call it when what they show
changes: ``ogp_wagtail.comments`` when a comment is moderated.

Nothing is cached, or served from the cache:

- in previews (``request.is_preview``), for requests other than GET and HEAD,
  and for requests with a query string;
- for pages behind a view restriction (a restriction added later changes
  the content version);
- when the template renders as of another moment (``ogp_now`` in its context);
- for a fragment whose rendering used the CSRF token, whose HTML holds a form
  other than a GET form (a filter),
  or that called :func:`do_not_cache` (a template slot showing something
  per visitor must call it).

A fragment showing something that changes at a known moment (a consultation
opening or closing) calls :func:`valid_until` (``{% ogp_cache_until %}``) and
is kept no longer than that.

Setting: ``OGP_WAGTAIL_RENDER_CACHE_TIMEOUT``, the seconds a fragment is kept
at most (default 600); 0 turns the render cache off. The content version lives
in the same cache: with several server processes, give them a shared cache
(Redis, Memcached or the database cache). With Django's default
``LocMemCache`` each process has its own, and a process that did not handle
the change shows the previous content until the timeout.
"""

import contextvars
import hashlib
import math
import uuid
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.documents.models import AbstractDocument
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, Site

from ..conf import AppSettings
from .visibility import shown_to_residents

render_cache_settings = AppSettings(
    {
        # Seconds a rendered fragment is kept at most; 0 turns the render cache off.
        "OGP_WAGTAIL_RENDER_CACHE_TIMEOUT": 600,
    }
)

KEY_PREFIX = "ogp_wagtail:render:"
VERSION_KEY = KEY_PREFIX + "version"
CACHEABLE_METHODS = ("GET", "HEAD")
# Fields a draft or a lock writes on the live row: nothing the public sees changes.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# A form that only reads (the plan's filter) holds nothing per visitor: it may be kept.
READING_FORM = '<form method="get"'


def holds_a_form(html):
    """Whether ``html`` holds a form that may carry something per visitor."""
    return "csrfmiddlewaretoken" in html or html.count("<form") > html.count(READING_FORM)


@dataclass
class _Fragment:
    """A fragment being rendered: whether it may be kept, and until when."""

    cacheable: bool = True
    expires_at: object = None  # an aware datetime, or None


_rendering = contextvars.ContextVar("ogp_wagtail_rendering_fragments", default=())


# -- the content version ----------------------------------------------------------------


def _new_version():
    # Random rather than a counter: a version evicted from the cache is never reused.
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def content_version():
    """The current content version (made on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def content_changed(*args, **kwargs):
    """Forget every rendered fragment: call it when anything a public page shows changes.

    Takes any arguments, so that it can be connected to a signal as it is. The
    version changes at once and again when the transaction commits: a page
    rendered in between, from data not yet committed, is never served later.
    """
    _new_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_version)


def shown_publicly(model):
    """Whether saving or deleting a ``model`` row may change what a public page shows.

    The package's models, pages of every type, documents, sites and view restrictions.
    """
    return model._meta.app_label == "ogp_wagtail" or issubclass(
        model, Page | PageViewRestriction | Site | AbstractDocument
    )


def watched_models():
    """The installed models :func:`row_changed` listens to (:func:`shown_publicly` ones)."""
    return [model for model in apps.get_models() if shown_publicly(model)]


def row_changed(sender, instance=None, update_fields=None, raw=False, **kwargs):
    """``post_save`` and ``post_delete`` receiver: a row a public page may show changed.

    Saving a draft (or a lock) writes only :data:`DRAFT_FIELDS`: nothing public changes.
    """
    if raw or (update_fields and DRAFT_FIELDS.issuperset(update_fields)):
        return
    content_changed()


def draft_state_changed(sender, **kwargs):
    """``published`` and ``unpublished`` receiver (Wagtail's, for snippets and updates)."""
    if isinstance(sender, type) and issubclass(sender, DraftStateMixin):
        content_changed()


# -- fragments ------------------------------------------------------------------------------


def do_not_cache():
    """Keep the fragments being rendered out of the cache: call it from per-visitor content."""
    for fragment in _rendering.get():
        fragment.cacheable = False


def valid_until(*moments):
    """The fragments being rendered show something that changes at the first of ``moments``.

    ``moments`` are aware datetimes (``None`` and past moments are ignored): the
    fragments are kept no later than the first one still to come.
    """
    now = timezone.now()
    coming = [moment for moment in moments if moment is not None and moment > now]
    if not coming:
        return
    first = min(coming)
    for fragment in _rendering.get():
        if fragment.expires_at is None or first < fragment.expires_at:
            fragment.expires_at = first


def _timeout():
    return render_cache_settings.OGP_WAGTAIL_RENDER_CACHE_TIMEOUT


def _cacheable_request(request):
    return (
        request is not None
        and request.method in CACHEABLE_METHODS
        and not request.GET
        and not getattr(request, "is_preview", False)
        and not getattr(request, "in_preview_panel", False)
    )


def fragment_key(request, page, name, vary_on=()):
    """The cache key of fragment ``name`` of ``page`` for this request, or ``None``: not cached."""
    if not _timeout() or page is None or page.pk is None or not _cacheable_request(request):
        return None
    site = Site.find_for_request(request)
    published = page.last_published_at.isoformat() if page.last_published_at else ""
    parts = [
        content_version(),
        name,
        page.pk,
        page.live_revision_id,
        published,
        get_language(),
        site.pk if site else "",
        timezone.localdate().isoformat(),
        *vary_on,
    ]
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=20)
    return KEY_PREFIX + digest.hexdigest()


def _csrf_used(request):
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def cached_fragment(request, page, name, render, vary_on=()):
    """The HTML of fragment ``name`` of ``page``: from the cache, else ``render()`` (kept).

    ``render`` takes no arguments and returns the fragment's HTML; it runs only
    when the fragment is not in the cache, so the data it shows is best loaded
    lazily. ``vary_on``: more values the HTML depends on.
    """
    key = fragment_key(request, page, name, vary_on)
    if key is None:
        return render()
    kept = cache.get(key)
    if kept is not None:
        html, expires_at = kept
        valid_until(expires_at)  # an enclosing fragment is kept no longer than this one
        return html
    csrf_used_before = _csrf_used(request)
    fragment = _Fragment()
    token = _rendering.set((*_rendering.get(), fragment))
    try:
        html = render()
    finally:
        _rendering.reset(token)
    timeout = _keep_for(fragment)
    if (
        fragment.cacheable
        and timeout
        and (csrf_used_before or not _csrf_used(request))
        and not holds_a_form(html)
        and shown_to_residents(page)
    ):
        cache.set(key, (html, fragment.expires_at), timeout)
    elif _rendering.get():
        # An enclosing fragment holds this one: it may not be kept either.
        do_not_cache()
    return html


def _keep_for(fragment):
    """Seconds to keep ``fragment``: the timeout, or less when it changes sooner."""
    timeout = _timeout()
    if fragment.expires_at is not None:
        seconds = (fragment.expires_at - timezone.now()).total_seconds()
        timeout = min(timeout, max(math.ceil(seconds), 0))
    return timeout
