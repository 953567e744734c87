"""The latest progress updates of a commitment, a plan or a whole hub."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from ..status.updates import latest_updates, update_entries, updates_feed_url
from .base import SectionBlock, shown_page


class LatestUpdatesBlock(SectionBlock):
    """The newest published progress updates under a commitment, a plan or a hub.

    Each shows its quarter, date, commitment and the start of what was done,
    and links to its permanent page; the block links to the Atom feed when the
    source is a commitment or a plan. Constant queries, whatever the number.
    """

    source = blocks.PageChooserBlock(
        label=_("commitment, action plan or hub"),
        page_type=[
            "ogp_wagtail.CommitmentPage",
            "ogp_wagtail.StrategicVisionPage",
            "ogp_wagtail.OpenGovernmentPage",
        ],
    )
    max_items = blocks.IntegerBlock(
        label=_("how many updates"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    class Meta:
        icon = "date"
        label = _("Latest progress updates")
        template = "ogp_wagtail/blocks/latest_updates.html"
        description = _("The newest progress updates of a commitment, a plan or a hub.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("source")
        source = shown_page(Page.objects.live().public(), chosen)
        updates, feed_url = [], None
        if source is not None:
            source = source.specific
            updates = update_entries(latest_updates(source, value.get("max_items") or 3))
            feed_url = updates_feed_url(source, context.get("request"))
        context.update(source=source, updates=updates, feed_url=feed_url)
        return context
