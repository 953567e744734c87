"""The commitments of an action plan, with their milestones' progress."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..pages.vision import StrategicVisionPage
from ..status.progress import plan_status
from .base import SectionBlock, shown_page


class CommitmentListBlock(SectionBlock):
    """The live commitments of an action plan, each with its dates, objective and progress.

    Choose a Strategic Vision (action plan): the block lists its live, public
    commitments in the plan's order, each linking to its page, with its start
    and end dates, the objective of the Strategic Vision it serves, and how many
    of its milestones are complete. Nothing is shown while the plan itself is
    not live and public. A constant number of queries, whatever the number of
    commitments.
    """

    plan = blocks.PageChooserBlock(
        label=_("action plan"), page_type="ogp_wagtail.StrategicVisionPage"
    )

    class Meta:
        icon = "tasks"
        label = _("Commitments")
        template = "ogp_wagtail/blocks/commitment_list.html"
        description = _("The commitments of an action plan and their milestones' progress.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("plan")
        plan = shown_page(StrategicVisionPage.objects.live().public(), chosen)
        context["plan"] = plan
        # CommitmentStatus per commitment: its page and its Progress.
        context["commitments"] = plan_status(plan, timezone.localdate()).commitments if plan else []
        return context
