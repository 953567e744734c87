"""Template helpers of the public ogp-wagtail pages.

None of them touches the database: they work on values and on objects the
page's ``get_context`` has already loaded, so that a page lists N rows with a
constant number of queries.
"""

from django import template

register = template.Library()


@register.filter
def ogp_modifier(value):
    """A stored choice value as a CSS modifier: ``"not_started"`` becomes ``"not-started"``.

    Used to build BEM modifiers such as ``ogp-badge--in-progress``. The text of a
    status is always printed too: colour is never the only signal.
    """
    return str(value or "none").replace("_", "-")


@register.simple_tag
def ogp_group_by_objective(commitments):
    """Group commitments by the plan objective they serve, in the objectives' order.

    Returns ``[(objective or None, [commitment, ...]), ...]``; commitments that
    serve no objective come last. Expects ``objective`` to be loaded with
    ``select_related`` (the plan page's ``commitments`` are).
    """
    groups = {}
    for commitment in commitments:
        _objective, members = groups.setdefault(commitment.objective_id, (commitment.objective, []))
        members.append(commitment)

    def position(group):
        objective = group[0]
        if objective is None:
            return (1, 0, 0)
        return (0, objective.sort_order if objective.sort_order is not None else 0, objective.pk)

    return sorted(groups.values(), key=position)


@register.filter
def ogp_nonempty(groups):
    """Keep the ``(label, items)`` pairs that have items (e.g. ``stakeholder_groups``)."""
    return [(label, items) for label, items in groups if items]


@register.filter
def ogp_explain_percent(progress):
    """The sentence that shows how a :class:`~ogp_wagtail.progress.Progress` percent is made."""
    from ..progress import explain_percent

    return explain_percent(progress)


WIDGET_DISPLAYS = ("bar", "timeline", "both")


def progress_widget_context(status, display="both", heading_level=2, link_target=""):
    """The context of ``ogp_wagtail/includes/progress_widget.html`` for a loaded status."""
    from ..progress import PERCENT_EXPLANATION, PLAN_PERCENT_EXPLANATION

    page = getattr(status, "plan", None) or status.commitment
    return {
        "status": status,
        "display": display if display in WIDGET_DISPLAYS else "both",
        "heading_level": heading_level,
        "widget_id": f"ogp-progress-{page.pk}",
        "link_target": link_target,
        "percent_explanation": PERCENT_EXPLANATION,
        "plan_percent_explanation": PLAN_PERCENT_EXPLANATION,
    }


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress(page, display="both", heading_level=2):
    """The progress widget of a commitment or an action plan, for any template.

    ``{% ogp_progress page display="bar" heading_level=3 %}``; ``display`` is
    "bar", "timeline" or "both". Loads its data with a constant number of queries.
    """
    from django.utils import timezone

    from ..pages.progress_loading import load_status

    return progress_widget_context(
        load_status(page.specific, timezone.localdate()), display, heading_level
    )


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress_widget(status, display="both", heading_level=2, link_target=""):
    """The progress widget for a status the view has already loaded (pages, blocks, embeds)."""
    return progress_widget_context(status, display, heading_level, link_target)
