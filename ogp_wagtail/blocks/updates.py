"""The latest progress updates of a commitment, a plan or a whole hub."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import SectionBlock


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
        from wagtail.models import Page

        from ..pages.commitment import CommitmentPage
        from ..pages.vision import StrategicVisionPage
        from ..updates.models import ProgressUpdate

        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("source")
        source = Page.objects.live().public().filter(pk=chosen.pk).first() if chosen else None
        updates, feed_url = [], None
        if source is not None:
            source = source.specific
            if isinstance(source, CommitmentPage):
                commitments = CommitmentPage.objects.filter(pk=source.pk)
            else:
                commitments = CommitmentPage.objects.descendant_of(source)
            updates = list(
                ProgressUpdate.objects.filter(live=True, commitment__in=commitments.live().public())
                .select_related("commitment")
                .order_by("-date", "-pk")[: value.get("max_items") or 3]
            )
            for update in updates:
                update.page_url = update.commitment.update_url(update)
            if isinstance(source, (CommitmentPage, StrategicVisionPage)):
                feed_url = source.url + source.reverse_subpage("updates_feed")
        context.update(source=source, updates=updates, feed_url=feed_url)
        return context
