"""Whom residents contact: the lead agency and the point of contact (handbook, Annex 4)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from ..pages.hub import OpenGovernmentPage
from .base import SectionBlock, shown_page

MANUAL_FIELDS = ("organisation", "name", "job_title", "email", "phone")


class ContactBlock(SectionBlock):
    """The lead agency and point of contact, from an open government hub or typed in.

    Choose a hub to show its lead agency and point of contact, as the hub page
    does; any field filled in below replaces the hub's. Without a hub, the
    fields below are shown on their own. The hub is used only while it is live
    and public; the block shows nothing when there is nothing to show.
    """

    hub = blocks.PageChooserBlock(
        label=_("open government hub"),
        page_type="ogp_wagtail.OpenGovernmentPage",
        required=False,
        help_text=_("Shows the hub's lead agency and point of contact."),
    )
    organisation = SnippetChooserBlock(
        "ogp_wagtail.Organisation", label=_("lead agency"), required=False
    )
    name = blocks.CharBlock(label=_("point of contact"), required=False)
    job_title = blocks.CharBlock(label=pgettext_lazy("job title", "title"), required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=50)

    class Meta:
        icon = "user"
        label = _("Lead agency and point of contact")
        template = "ogp_wagtail/blocks/contact.html"
        description = _("Whom to contact: from an open government hub, or typed in.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("hub") and not any(value.get(name) for name in MANUAL_FIELDS):
            raise StructBlockValidationError(
                block_errors={
                    "hub": ValidationError(
                        _("Choose a hub, or fill in the lead agency or the point of contact."),
                        code="no_contact",
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        hub = None
        if value.get("hub"):
            hubs = OpenGovernmentPage.objects.live().public().select_related("lead_agency")
            hub = shown_page(hubs, value["hub"])
        contact = {
            "organisation": value.get("organisation") or (hub.lead_agency if hub else None),
            "name": value.get("name") or (hub.contact_name if hub else ""),
            "title": value.get("job_title") or (hub.contact_title if hub else ""),
            "email": value.get("email") or (hub.contact_email if hub else ""),
            "phone": value.get("phone") or (hub.contact_phone if hub else ""),
        }
        context["hub"] = hub
        context["contact"] = contact
        context["has_contact"] = any(contact.values())
        return context
