"""Evidence folders: the repository of Annex 4, one per commitment and one for co-creation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import EvidenceKind
from .base import OGPPage, OGPPageForm


def evidence_items_text(items, language_code):
    """The words Wagtail's index holds for evidence items: title, description, kind's label.

    The label is the one readers of ``language_code`` see, whatever the language of the
    request or command that indexes. The folder and its commitment both index this.
    """
    with translation.override(language_code):
        labels = {kind: str(label) for kind, label in EvidenceKind.choices}
    parts = []
    for item in items:
        parts += [item.title, item.description, labels.get(item.kind, item.kind)]
    return " ".join(part for part in parts if part)


class EvidenceFolderPageForm(OGPPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An item may point at a milestone of the commitment the folder sits under.
        parent = self.parent_page.specific if self.parent_page else None
        milestones = getattr(parent, "milestones", None)
        for form in self.formsets["items"].forms + [self.formsets["items"].empty_form]:
            field = form.fields["milestone"]
            field.queryset = milestones.all() if milestones is not None else field.queryset.none()


class EvidenceFolderPage(OGPPage):
    """A folder of evidence: primary sources showing that an activity happened (Annex 5)."""

    introduction = RichTextField(_("introduction"), blank=True)

    # Evidence items are not translatable rows: localize copies them as they are.
    override_translatable_fields = [
        TranslatableField("introduction"),
        TranslatableField("items"),
    ]

    parent_page_types = ["ogp_wagtail.StrategicVisionPage", "ogp_wagtail.CommitmentPage"]
    subpage_types = []
    base_form_class = EvidenceFolderPageForm

    content_panels = OGPPage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("items", heading=_("Evidence"), label=_("Evidence item")),
    ]
    search_fields = OGPPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("items_text"),
    ]

    class Meta:
        verbose_name = _("evidence folder")
        verbose_name_plural = _("evidence folders")

    def items_text(self):
        """Its items' words, for Wagtail's index (see :func:`evidence_items_text`)."""
        return evidence_items_text(self.items.all(), self.locale.language_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parent"] = self.get_parent().specific
        context["items"] = self.items.select_related("document", "milestone").order_by(
            "-date", "sort_order"
        )
        return context


class EvidenceItem(TranslatableMixin, Orderable):
    page = ParentalKey(EvidenceFolderPage, related_name="items", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=EvidenceKind.choices)
    date = models.DateField(_("date"))
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True)
    description = models.TextField(_("description"), blank=True)
    milestone = models.ForeignKey(
        "ogp_wagtail.Milestone",
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("document"), FieldPanel("link")]),
        FieldPanel("description"),
        FieldPanel("milestone"),
    ]

    override_translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind"),
        SynchronizedField("date"),
        SynchronizedField("document"),
        SynchronizedField("link"),
        TranslatableField("description"),
        TranslatableField("milestone"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")

    def clean(self):
        super().clean()
        if not self.document_id and not self.link:
            raise ValidationError(
                {"link": _("Evidence is a primary source: upload a document or give a link.")}
            )

    @property
    def url(self):
        return self.document.url if self.document_id else self.link
