"""StreamField blocks for an OGP Local member's pages, usable in any site's StreamField.

Each block renders a section with a heading whose level the editor picks, with
the package's markup and CSS classes; load ``ogp-wagtail.css`` and
``ogp-wagtail-blocks.css`` on pages that use them (the template
``ogp_wagtail/blocks/stylesheet.html`` links both). Blocks that show pages show
only live, public ones, with a constant number of queries per block.

A block of a site's own that links to pages can call ``shown_pages`` in its
``get_context``: the chosen pages, live and public, in the language being read.

Import them from ``ogp_wagtail.blocks`` and add them one by one, all at once,
or as a StreamBlock::

    body = StreamField(OpenGovernmentStreamBlock())
    body = StreamField([("heading", CharBlock()), *ogp_block_types()])
    body = StreamField([("resources", ResourceListBlock())])
"""

from .base import HeadingLevelBlock, SectionBlock, shown_page, shown_pages
from .commitments import CommitmentListBlock
from .consultations import ConsultationCalloutBlock
from .contact import ContactBlock
from .evidence import EvidenceListBlock
from .key_dates import KeyDateBlock, KeyDatesBlock
from .milestones import MilestoneProgressBlock
from .resources import ResourceBlock, ResourceListBlock
from .stream import OpenGovernmentStreamBlock, ogp_block_types
from .updates import LatestUpdatesBlock

__all__ = [
    "CommitmentListBlock",
    "ConsultationCalloutBlock",
    "ContactBlock",
    "EvidenceListBlock",
    "HeadingLevelBlock",
    "KeyDateBlock",
    "KeyDatesBlock",
    "LatestUpdatesBlock",
    "MilestoneProgressBlock",
    "OpenGovernmentStreamBlock",
    "ResourceBlock",
    "ResourceListBlock",
    "shown_page",
    "shown_pages",
    "SectionBlock",
    "ogp_block_types",
]
