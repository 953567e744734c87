"""Where optional apps plug into the core: template slots, page context and URLs.

The core names the places; it never knows who fills them. An optional app
(``ogp_wagtail.comments``, or an integrator's own) registers with Wagtail's
hooks in its ``wagtail_hooks.py``::

    @hooks.register(slot_hook("update_end"))
    def comments_of_update(context):
        return render_to_string("...", {...}, request=context.get("request"))

A renderer takes the template context and returns HTML (a safe string) or
``""``. The core's templates render a slot with ``{% ogp_slot "update_end" %}``
(``{% load ogp_slots %}``). A page that lists things a slot needs data about
in bulk calls :func:`extend_page_context` at the end of ``get_context``, so
that apps load it in one query (``hooks.register(PAGE_CONTEXT_HOOK)``; the
function receives the page, the request and the context dict to add to).
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

SLOTS = {
    "commitment_updates": "a commitment page's progress updates section, before the list "
    "(context: page)",
    "update_header": "the header of a progress update listed on its commitment's page "
    "(context: update, permalink)",
    "update_end": "the end of a progress update's own page (context: update, commitment)",
    "consultation_end": "the end of a consultation page (context: page)",
    "plan_commitments": "a plan page's commitments section, after the feed link (context: page)",
}

PAGE_CONTEXT_HOOK = "ogp_wagtail_page_context"

# A function returning URL patterns to serve under ``ogp_wagtail.urls``.
URLS_HOOK = "ogp_wagtail_register_urls"


def slot_hook(name):
    """The Wagtail hook name of slot ``name``; unknown slots are an error, not a silent no-op."""
    if name not in SLOTS:
        raise ValueError(f"Unknown ogp-wagtail slot {name!r}; slots: {', '.join(SLOTS)}.")
    return f"ogp_wagtail_slot_{name}"


def render_slot(name, context):
    """What the registered renderers put in slot ``name``, escaped unless marked safe."""
    parts = (renderer(context) for renderer in hooks.get_hooks(slot_hook(name)))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


def extend_page_context(page, request, context):
    """Let optional apps add what their slots need to a page's context, in bulk."""
    for extend in hooks.get_hooks(PAGE_CONTEXT_HOOK):
        extend(page, request, context)
    return context
