"""The latest evidence of the repository (handbook, Annexes 4 and 5)."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from ..pages.evidence import EvidenceFolderPage, EvidenceItem
from .base import SectionBlock, shown_page

DEFAULT_MAX_ITEMS = 5
MAX_ITEMS_LIMIT = 50


class EvidenceListBlock(SectionBlock):
    """The newest evidence items of a folder, or of every folder of a commitment or plan.

    Choose an evidence folder, a commitment or an action plan: the block lists
    the ``max_items`` most recent items (by date) of the live, public evidence
    folders at or under it, each with its kind, date, document or link, and the
    folder it is filed in. It says when the repository was last updated (the
    latest publication of those folders), and links to the folder or to the
    page's evidence section. A constant number of queries, whatever the number of items.
    """

    source = blocks.PageChooserBlock(
        label=_("evidence of"),
        page_type=[
            "ogp_wagtail.EvidenceFolderPage",
            "ogp_wagtail.CommitmentPage",
            "ogp_wagtail.StrategicVisionPage",
        ],
        help_text=_(
            "An evidence folder, or a commitment or action plan to list the evidence of all "
            "its folders."
        ),
    )
    max_items = blocks.IntegerBlock(
        label=_("number of items"),
        default=DEFAULT_MAX_ITEMS,
        min_value=1,
        max_value=MAX_ITEMS_LIMIT,
    )

    class Meta:
        icon = "folder-inverse"
        label = _("Latest evidence")
        template = "ogp_wagtail/blocks/evidence_list.html"
        description = _("The newest items of an evidence folder, commitment or action plan.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("source")
        source = shown_page(Page.objects.live().public(), chosen)
        items, last_updated = [], None
        if source is not None:
            folders = (
                EvidenceFolderPage.objects.live().public().descendant_of(source, inclusive=True)
            )
            limit = min(value.get("max_items") or DEFAULT_MAX_ITEMS, MAX_ITEMS_LIMIT)
            items = list(
                EvidenceItem.objects.filter(page__in=folders)
                .select_related("document", "page")
                .order_by("-date", "page__path", "sort_order", "pk")[:limit]
            )
            last_updated = folders.aggregate(latest=Max("last_published_at"))["latest"]
        context.update(
            source=source,
            source_is_folder=bool(source and source.specific_class is EvidenceFolderPage),
            items=items,
            last_updated=last_updated,
        )
        return context
