from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import MemberStatus
from ..snippets.localized import lazily_in_locale
from .base import OGPPage
from .consultation import ConsultationPage
from .vision import StrategicVisionPage


class OpenGovernmentPage(OGPPage):
    """The hub of an OGP Local member: who it is, whom to contact, its action plans."""

    jurisdictions = ParentalManyToManyField(
        "ogp_wagtail.Jurisdiction", related_name="+", verbose_name=_("jurisdictions")
    )
    member_status = models.CharField(
        _("member status"),
        max_length=32,
        choices=MemberStatus.choices,
        default=MemberStatus.ACTIVE,
        help_text=_("Shown publicly, as OGP Local asks (handbook section 4)."),
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    introduction = RichTextField(_("introduction"), blank=True)
    lead_agency = models.ForeignKey(
        "ogp_wagtail.Organisation",
        verbose_name=_("lead agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_name = models.CharField(_("point of contact"), max_length=255, blank=True)
    contact_title = models.CharField(
        pgettext_lazy("job title", "title"), max_length=255, blank=True
    )
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)

    # ``jurisdictions`` is absent on purpose: localize would copy the source language's
    # snippets onto the translation (it leaves many-to-many fields alone by default).
    # A person's name is translated: Arabic pages spell it in Arabic script.
    override_translatable_fields = [
        SynchronizedField("member_status"),
        SynchronizedField("member_since"),
        TranslatableField("introduction"),
        TranslatableField("lead_agency"),
        TranslatableField("contact_name"),
        TranslatableField("contact_title"),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    content_panels = OGPPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("jurisdictions", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("member_status"), FieldPanel("member_since")]),
        MultiFieldPanel(
            [
                FieldPanel("lead_agency"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_title")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Lead agency and point of contact"),
        ),
    ]
    search_fields = OGPPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("contact_name"),
        index.SearchField("contact_title"),
    ]

    subpage_types = ["ogp_wagtail.StrategicVisionPage", "ogp_wagtail.ConsultationPage"]

    class Meta:
        verbose_name = _("open government hub")
        verbose_name_plural = _("open government hubs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["action_plans"] = (
            StrategicVisionPage.objects.child_of(self).live().public().order_by("-start_date")
        )
        # Consultations sit under the hub or under a plan; residents look for them here.
        context["consultations"] = (
            ConsultationPage.objects.descendant_of(self).live().public().order_by("-opens_at")
        )
        context["hub_jurisdictions"] = lazily_in_locale(self.jurisdictions.all(), self.locale_id)
        return context
