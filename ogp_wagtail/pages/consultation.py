"""A consultation: a participation opportunity with its meetings, documents and feedback."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import ConsultationStage, InputOutcome, MeetingFormat
from ..snippets.localized import versions_in
from .base import OGPPage
from .commitment import CommitmentPage


class ConsultationPage(OGPPage):
    """A stage of co-creation or review in which the public and stakeholders take part."""

    stage = models.CharField(_("stage"), max_length=32, choices=ConsultationStage.choices)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    introduction = RichTextField(_("introduction"), blank=True)
    how_to_take_part = RichTextField(_("how to take part"), blank=True)
    feedback_summary = RichTextField(
        _("feedback summary"),
        blank=True,
        help_text=_("How the public's input was used; detail each suggestion below."),
    )

    # The inline rows are not translatable models: localize copies them as they are.
    override_translatable_fields = [
        SynchronizedField("stage"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        TranslatableField("introduction"),
        TranslatableField("how_to_take_part"),
        TranslatableField("feedback_summary"),
        TranslatableField("meetings"),
        TranslatableField("advance_documents"),
        TranslatableField("input_outcomes"),
        TranslatableField("resulting_commitments"),
    ]

    parent_page_types = ["ogp_wagtail.OpenGovernmentPage", "ogp_wagtail.StrategicVisionPage"]
    subpage_types = []

    content_panels = OGPPage.content_panels + [
        FieldPanel("stage"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("introduction"),
        FieldPanel("how_to_take_part"),
        InlinePanel("meetings", heading=_("Meetings"), label=_("Meeting")),
        InlinePanel(
            "advance_documents", heading=_("Documents shared in advance"), label=_("Document")
        ),
        FieldPanel("feedback_summary"),
        InlinePanel(
            "input_outcomes",
            heading=_("Input received and what became of it"),
            label=_("Input"),
        ),
        InlinePanel(
            "resulting_commitments",
            heading=_("Commitments that resulted"),
            label=_("Commitment"),
        ),
    ]
    search_fields = OGPPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("how_to_take_part"),
        index.SearchField("feedback_summary"),
        index.RelatedFields("meetings", [index.SearchField("place"), index.SearchField("agenda")]),
        index.RelatedFields("advance_documents", [index.SearchField("title")]),
        index.RelatedFields(
            "input_outcomes", [index.SearchField("suggestion"), index.SearchField("reason")]
        ),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A consultation closes after it opens.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_upcoming(self, now=None):
        return (now or timezone.now()) < self.opens_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only commitments a resident may see: live, and not behind a view restriction.
        visible = CommitmentPage.objects.live().public()
        links = list(
            self.resulting_commitments.filter(commitment__in=visible).select_related("commitment")
        )
        # A translation's rows point at the source's commitments: show this language's.
        versions = versions_in(
            visible, (link.commitment.translation_key for link in links), self.locale_id
        )
        context.update(
            parent=self.get_parent().specific,
            meetings=self.meetings.select_related("minutes").order_by("starts_at"),
            advance_documents=self.advance_documents.select_related("document"),
            input_outcomes=self.input_outcomes.all(),
            resulting_commitments=[
                versions.get(link.commitment.translation_key, link.commitment) for link in links
            ],
            is_open=self.is_open(),
            is_upcoming=self.is_upcoming(),
        )
        return context


class ConsultationMeeting(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, related_name="meetings", on_delete=models.CASCADE)
    starts_at = models.DateTimeField(_("date and time"))
    format = models.CharField(
        _("format"), max_length=16, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("minutes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attendee_count = models.PositiveIntegerField(_("people present"), null=True, blank=True)
    government_count = models.PositiveIntegerField(
        _("government representatives"), null=True, blank=True
    )
    non_government_count = models.PositiveIntegerField(
        _("non-government representatives"), null=True, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("format")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")]),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        FieldRowPanel(
            [
                FieldPanel("attendee_count"),
                FieldPanel("government_count"),
                FieldPanel("non_government_count"),
            ]
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("starts_at"),
        SynchronizedField("format"),
        TranslatableField("place"),
        SynchronizedField("online_url"),
        TranslatableField("agenda"),
        SynchronizedField("minutes"),
        SynchronizedField("attendee_count"),
        SynchronizedField("government_count"),
        SynchronizedField("non_government_count"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        if self.format != MeetingFormat.ONLINE and not self.place:
            raise ValidationError({"place": _("Say where the meeting takes place.")})
        if self.format != MeetingFormat.IN_PERSON and not self.online_url:
            raise ValidationError({"online_url": _("Give the link to join online.")})
        present = self.attendee_count
        represented = (self.government_count or 0) + (self.non_government_count or 0)
        if present is not None and represented > present:
            raise ValidationError(
                {"attendee_count": _("More representatives are counted than people present.")}
            )


class ConsultationDocument(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, related_name="advance_documents", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    shared_on = models.DateField(_("shared on"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("document"), FieldPanel("shared_on")])]

    override_translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("document"),
        SynchronizedField("shared_on"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document shared in advance")
        verbose_name_plural = _("documents shared in advance")


class ConsultationInput(TranslatableMixin, Orderable):
    """A category of suggestions received, and whether it was included, modified or rejected."""

    page = ParentalKey(ConsultationPage, related_name="input_outcomes", on_delete=models.CASCADE)
    suggestion = models.TextField(_("suggestion"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=InputOutcome.choices)
    reason = models.TextField(_("why"))

    panels = [FieldPanel("suggestion"), FieldPanel("outcome"), FieldPanel("reason")]

    override_translatable_fields = [
        TranslatableField("suggestion"),
        SynchronizedField("outcome"),
        TranslatableField("reason"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("input and outcome")
        verbose_name_plural = _("inputs and outcomes")


class ConsultationCommitment(TranslatableMixin, Orderable):
    page = ParentalKey(
        ConsultationPage, related_name="resulting_commitments", on_delete=models.CASCADE
    )
    commitment = models.ForeignKey(
        "ogp_wagtail.CommitmentPage",
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("commitment", "ogp_wagtail.CommitmentPage")]

    override_translatable_fields = [
        # Copied, not localised: wagtail-localize would assign a plain Page to this foreign
        # key to a page type (ValueError). The page shows the commitment in its own language.
        SynchronizedField("commitment"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("resulting commitment")
        verbose_name_plural = _("resulting commitments")
