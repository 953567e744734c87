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
