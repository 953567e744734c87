"""The progress of a commitment or of a whole action plan, as a block."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from ..status.progress import load_status
from ..status.widget import progress_widget_context
from .base import HeadingLevelBlock, shown_page

DISPLAYS = [
    ("both", _("Bar and milestone timeline")),
    ("bar", _("Bar and counts only")),
    ("timeline", _("Milestone timeline")),
]


class MilestoneProgressBlock(blocks.StructBlock):
    """The progress widget of a commitment or of an action plan.

    The same widget as on the commitment and plan pages: percent complete (with
    the sentence that shows how it is computed), counts per milestone status,
    the date of the last update and, for a commitment, the milestone timeline.
    A plan shows one bar per commitment instead of a timeline. Nothing is shown
    while the chosen page is not live and public.
    """

    page = blocks.PageChooserBlock(
        label=_("commitment or action plan"),
        page_type=["ogp_wagtail.CommitmentPage", "ogp_wagtail.StrategicVisionPage"],
    )
    display = blocks.ChoiceBlock(choices=DISPLAYS, default="both", label=_("show"))
    heading_level = HeadingLevelBlock()

    class Meta:
        icon = "list-ol"
        label = _("Milestone progress")
        template = "ogp_wagtail/blocks/milestone_progress.html"
        description = _("The progress widget of a commitment or of an action plan.")
        group = _("Open government")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("page")
        page = shown_page(Page.objects.live().public(), chosen)
        context["widget"] = (
            progress_widget_context(
                load_status(page.specific, timezone.localdate()),
                value.get("display") or "both",
                int(value.get("heading_level") or 2),
            )
            if page
            else None
        )
        return context
