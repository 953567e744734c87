"""The site's own blocks, the few a municipal page needs, and the ogp-wagtail blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from ogp_wagtail.blocks import (
    CommitmentListBlock,
    ConsultationCalloutBlock,
    ContactBlock,
    EvidenceListBlock,
    KeyDatesBlock,
    LatestUpdatesBlock,
    MilestoneProgressBlock,
    ResourceListBlock,
    shown_pages,
)


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "home/blocks/paragraph.html"


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        label=_("label"), required=False, help_text=_("Leave empty to use the page's title.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


class LinksBlock(blocks.StructBlock):
    """A titled list of links to pages of the site."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Links")
        template = "home/blocks/links.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Live pages only, in the language the page is read in.
        shown = shown_pages(Page.objects.live(), [link["page"] for link in value["links"]])
        context["links"] = [
            {"page": shown[link["page"].pk], "label": link["label"]}
            for link in value["links"]
            if link["page"] is not None and link["page"].pk in shown
        ]
        return context


class HomeBodyBlock(blocks.StreamBlock):
    """The body of the site's pages: its own blocks, then those of ogp-wagtail.

    Listed one by one to keep the site's blocks first in the editor's menu;
    ``ogp_wagtail.blocks.OpenGovernmentStreamBlock`` holds the same eight, under the
    same names as ``ogp_wagtail.blocks.ogp_block_types()``: every block of the library.
    """

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    links = LinksBlock()
    resources = ResourceListBlock()
    key_dates = KeyDatesBlock()
    consultation = ConsultationCalloutBlock()
    contact = ContactBlock()
    evidence = EvidenceListBlock()
    commitments = CommitmentListBlock()
    progress = MilestoneProgressBlock()
    latest_updates = LatestUpdatesBlock()
