"""Template helpers of the public ogp-wagtail pages.

The filters work on values the page's ``get_context`` has already loaded;
``ogp_progress`` loads a widget's data itself, in constant queries.
"""

from django import template
from django.utils import timezone

from ..status.progress import load_status
from ..status.widget import progress_widget_context

register = template.Library()


@register.filter
def ogp_modifier(value):
    """A stored choice value as a CSS modifier: ``"not_started"`` becomes ``"not-started"``.

    Used to build BEM modifiers such as ``ogp-badge--in-progress``. The text of a
    status is always printed too: colour is never the only signal.
    """
    return str(value or "none").replace("_", "-")


@register.filter
def ogp_nonempty(groups):
    """Keep the ``(label, items)`` pairs that have items (e.g. ``stakeholder_groups``)."""
    return [(label, items) for label, items in groups if items]


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress(page, display="both", heading_level=2):
    """The progress widget of a commitment or an action plan, for any template.

    ``{% ogp_progress page display="bar" heading_level=3 %}``; ``display`` is
    "bar", "timeline" or "both". Loads its data with a constant number of queries.
    """
    return progress_widget_context(
        load_status(page.specific, timezone.localdate()), display, heading_level
    )


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress_widget(status, display="both", heading_level=2, link_target=""):
    """The progress widget for a status the view has already loaded (pages, blocks, embeds)."""
    return progress_widget_context(status, display, heading_level, link_target)
