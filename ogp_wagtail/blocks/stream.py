"""All the blocks of the library, ready to drop into a StreamField."""

from wagtail import blocks

from .commitments import CommitmentListBlock
from .consultations import ConsultationCalloutBlock
from .contact import ContactBlock
from .evidence import EvidenceListBlock
from .key_dates import KeyDatesBlock
from .milestones import MilestoneProgressBlock
from .resources import ResourceListBlock
from .updates import LatestUpdatesBlock


def ogp_block_types():
    """New instances of every ogp-wagtail block, as ``(name, block)`` pairs.

    For a StreamField that mixes them with the site's own blocks::

        body = StreamField([("paragraph", RichTextBlock()), *ogp_block_types()])
    """
    return [
        ("resources", ResourceListBlock()),
        ("key_dates", KeyDatesBlock()),
        ("consultation", ConsultationCalloutBlock()),
        ("contact", ContactBlock()),
        ("evidence", EvidenceListBlock()),
        ("commitments", CommitmentListBlock()),
        ("progress", MilestoneProgressBlock()),
        ("latest_updates", LatestUpdatesBlock()),
    ]


class OpenGovernmentStreamBlock(blocks.StreamBlock):
    """Every ogp-wagtail block, under the names of :func:`ogp_block_types`.

    ``body = StreamField(OpenGovernmentStreamBlock())``, or subclass it to add the
    site's own blocks (they come after these in the editor's menu).
    """

    resources = ResourceListBlock()
    key_dates = KeyDatesBlock()
    consultation = ConsultationCalloutBlock()
    contact = ContactBlock()
    evidence = EvidenceListBlock()
    commitments = CommitmentListBlock()
    progress = MilestoneProgressBlock()
    latest_updates = LatestUpdatesBlock()
