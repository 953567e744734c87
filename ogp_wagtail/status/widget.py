"""The data the progress widget is drawn from, for pages, blocks, template tags and embeds."""

from ..progress import PERCENT_EXPLANATION, PLAN_PERCENT_EXPLANATION, explain_percent

WIDGET_DISPLAYS = ("bar", "timeline", "both")


def progress_widget_context(status, display="both", heading_level=2, link_target=""):
    """The context of ``ogp_wagtail/includes/progress_widget.html`` for a loaded status."""
    is_plan = hasattr(status, "plan")
    page = status.plan if is_plan else status.commitment
    return {
        "status": status,
        "is_plan": is_plan,
        "display": display if display in WIDGET_DISPLAYS else "both",
        "heading_level": heading_level,
        "widget_id": f"ogp-progress-{page.pk}",
        "link_target": link_target,
        "percent_sentence": explain_percent(status.progress),
        "percent_explanation": PLAN_PERCENT_EXPLANATION if is_plan else PERCENT_EXPLANATION,
    }
