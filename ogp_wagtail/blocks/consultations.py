"""A call to take part in a consultation, while it is open or about to open."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

from ..pages.consultation import ConsultationPage
from .base import SectionBlock, render_now, shown_page


class ConsultationCalloutBlock(SectionBlock):
    """Invite residents to a consultation: one the editor picks, or the next one under a page.

    Either choose a consultation, or choose a hub or action plan and leave the
    consultation empty: the block then shows the consultation open now under it
    (or, if none is open, the next one to open). It shows whether the
    consultation is open or upcoming, when it opens and closes, the start of
    "how to take part" and a link to it.

    Once the consultation has closed, or if it is not live and public, the block
    renders nothing, or ``no_consultation_text`` when the editor wrote one. This
    is decided when the page is rendered, so a cached or long-published page
    shows the right state; ``ogp_now`` in the context renders it as of another
    moment.
    """

    consultation = blocks.PageChooserBlock(
        label=_("consultation"),
        page_type="ogp_wagtail.ConsultationPage",
        required=False,
    )
    within = blocks.PageChooserBlock(
        label=_("or the next consultation under"),
        page_type=["ogp_wagtail.OpenGovernmentPage", "ogp_wagtail.StrategicVisionPage"],
        required=False,
        help_text=_(
            "Leave the consultation empty and choose a hub or an action plan: the block shows "
            "the consultation open under it, or the next one to open."
        ),
    )
    no_consultation_text = blocks.CharBlock(
        label=_("text when there is none"),
        required=False,
        help_text=_(
            "Shown when no consultation is open or upcoming. Leave empty to show nothing then."
        ),
    )

    class Meta:
        icon = "comment"
        label = _("Consultation call-out")
        template = "ogp_wagtail/blocks/consultation_callout.html"
        description = _("Invites residents to take part in an open or upcoming consultation.")

    def clean(self, value):
        value = super().clean(value)
        consultation, within = value.get("consultation"), value.get("within")
        if consultation and within:
            message = _("Choose a consultation or a page to take the next one from, not both.")
        elif not consultation and not within:
            message = _("Choose a consultation, or a hub or action plan to take the next one from.")
        else:
            return value
        raise StructBlockValidationError(
            block_errors={"consultation": ValidationError(message, code="consultation_source")}
        )

    def get_consultation(self, value, now):
        """The consultation to show as of ``now``: live, public, not closed. One query."""
        consultations = ConsultationPage.objects.live().public().filter(closes_at__gt=now)
        if value.get("consultation"):
            return shown_page(consultations, value["consultation"])
        within = shown_page(Page.objects.live().public(), value.get("within"))
        if within is None:
            return None
        consultations = consultations.descendant_of(within)
        # An open consultation opened before any upcoming one: open ones come first.
        return consultations.order_by("opens_at", "closes_at", "path").first()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        now = render_now(context)
        consultation = self.get_consultation(value, now)
        context["consultation"] = consultation
        context["is_open"] = bool(consultation and consultation.is_open(now))
        context["is_upcoming"] = bool(consultation and consultation.is_upcoming(now))
        return context
