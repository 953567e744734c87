"""The Strategic Vision: one action plan, with every field of Annex 1."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import rules
from ..milestones import open_commitments
from ..snippets.localized import lazily_in_locale
from ..status.progress import group_by_objective, plan_status
from ..status.updates import updates_feed_url
from ..updates.models import ProgressUpdate
from ..views.embeds import progress_embed
from ..views.feeds import FEED_LENGTH, progress_updates_feed
from .base import OGPPage, RuleError
from .commitment import CommitmentPage
from .consultation import ConsultationPage
from .evidence import EvidenceFolderPage
from .panels import EmbedCodePanel
from .search import commitment_list


def _rich(label, help_text=""):
    return RichTextField(label, blank=True, help_text=help_text)


class StrategicVisionPage(RoutablePageMixin, OGPPage):
    """One OGP Local action plan: the Strategic Vision and the commitments below it.

    Route ``updates/feed/``: the Atom feed of the progress updates of all its commitments.
    """

    # 1. Duration
    start_date = models.DateField(_("plan start"))
    end_date = models.DateField(_("plan end"))
    mandate_end = models.DateField(
        _("end of the mandate"),
        null=True,
        blank=True,
        help_text=_(
            "End of the current administration's mandate. Leave empty for a jurisdiction "
            "without elections: the plan then lasts 1 to 4 years."
        ),
    )
    jurisdictions = ParentalManyToManyField(
        "ogp_wagtail.Jurisdiction",
        related_name="+",
        verbose_name=_("jurisdictions"),
        help_text=_("One for a single plan; 2 to 4 for a joint plan."),
    )
    # 2. Foreword
    foreword = _rich(_("foreword"))
    foreword_authors = models.CharField(
        _("foreword by"),
        max_length=255,
        blank=True,
        help_text=_("Government, civil society or a multi-stakeholder forum."),
    )
    # 3. Introduction letter
    introduction_letter = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("introduction letter from the head of the jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # 4. Vision (4.4, the medium-term goals, are the objectives below)
    long_term_vision = _rich(_("long-term vision"))
    achievements = _rich(_("achievements to date"))
    challenges = _rich(_("current challenges"))
    plan_contribution = _rich(_("how this plan contributes to the vision"))
    policy_alignment = _rich(_("how the vision serves the administration's policy goals"))
    # 5. Engagement and coordination
    lead_institutions = _rich(_("lead institutions"))
    coordination = _rich(_("coordination between agencies"))
    cocreation_spaces = _rich(_("spaces used for co-creation"), _("Online and offline."))
    representation_measures = _rich(
        _("measures for diverse representation"),
        _("Including vulnerable and marginalised groups."),
    )
    participants = _rich(_("who took part"), _("Types and number of groups."))
    participant_group_count = models.PositiveIntegerField(
        _("number of groups that took part"), null=True, blank=True
    )
    cocreation_meeting_count = models.PositiveIntegerField(
        _("number of co-creation meetings"), null=True, blank=True
    )
    ongoing_collaboration = _rich(_("how collaboration continues during implementation"))
    # 6. Monitoring
    monitoring_body = models.ForeignKey(
        "ogp_wagtail.Organisation",
        verbose_name=_("independent monitoring body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    monitoring_contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    monitoring_contact_email = models.EmailField(_("contact email"), blank=True)
    monitoring_contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    progress_discussion = _rich(_("activities to discuss progress with stakeholders"))
    implementation_follow_up = _rich(_("how progress is followed with implementing agencies"))
    results_sharing = _rich(_("how monitoring results are shared with the public"))
    # 8. and 9.
    strategy_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("open government strategy document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online_consultation_url = models.URLField(_("online consultation"), blank=True)

    # Documents and addresses are synchronised but overridable: a translator may give
    # the version in the translation's language. ``jurisdictions`` is absent on purpose
    # (see OpenGovernmentPage); objectives and endorsements are not translatable rows:
    # localize copies them as they are.
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("mandate_end"),
        TranslatableField("foreword"),
        TranslatableField("foreword_authors"),
        SynchronizedField("introduction_letter"),
        TranslatableField("long_term_vision"),
        TranslatableField("achievements"),
        TranslatableField("challenges"),
        TranslatableField("plan_contribution"),
        TranslatableField("policy_alignment"),
        TranslatableField("lead_institutions"),
        TranslatableField("coordination"),
        TranslatableField("cocreation_spaces"),
        TranslatableField("representation_measures"),
        TranslatableField("participants"),
        SynchronizedField("participant_group_count"),
        SynchronizedField("cocreation_meeting_count"),
        TranslatableField("ongoing_collaboration"),
        TranslatableField("monitoring_body"),
        TranslatableField("monitoring_contact_name"),
        SynchronizedField("monitoring_contact_email", overridable=False),
        SynchronizedField("monitoring_contact_phone", overridable=False),
        TranslatableField("progress_discussion"),
        TranslatableField("implementation_follow_up"),
        TranslatableField("results_sharing"),
        SynchronizedField("strategy_document"),
        SynchronizedField("online_consultation_url"),
        TranslatableField("objectives"),
        TranslatableField("endorsements"),
    ]

    parent_page_types = ["ogp_wagtail.OpenGovernmentPage"]
    subpage_types = [
        "ogp_wagtail.CommitmentPage",
        "ogp_wagtail.EvidenceFolderPage",
        "ogp_wagtail.ConsultationPage",
    ]

    content_panels = OGPPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("mandate_end"),
                FieldPanel("jurisdictions", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("1. Duration and jurisdictions"),
        ),
        MultiFieldPanel(
            [FieldPanel("foreword"), FieldPanel("foreword_authors")], heading=_("2. Foreword")
        ),
        FieldPanel("introduction_letter", heading=_("3. Introduction letter")),
    ]
    vision_panels = [
        FieldPanel("long_term_vision"),
        FieldPanel("achievements"),
        FieldPanel("challenges"),
        InlinePanel(
            "objectives",
            heading=_("4.4 Medium-term objectives"),
            label=_("Objective"),
            help_text=_("Commitments say which objective they serve."),
        ),
        FieldPanel("plan_contribution"),
        FieldPanel("policy_alignment"),
    ]
    engagement_panels = [
        FieldPanel("lead_institutions"),
        FieldPanel("coordination"),
        FieldPanel("cocreation_spaces"),
        FieldPanel("representation_measures"),
        FieldPanel("participants"),
        FieldRowPanel(
            [FieldPanel("participant_group_count"), FieldPanel("cocreation_meeting_count")]
        ),
        FieldPanel("ongoing_collaboration"),
        InlinePanel(
            "endorsements",
            heading=_("7. Endorsing non-governmental stakeholders"),
            label=_("Endorsing organisation"),
        ),
        FieldPanel("strategy_document"),
        FieldPanel("online_consultation_url"),
    ]
    monitoring_panels = [
        HelpPanel(
            content=_(
                "The independent monitoring body assesses the plan within 2 months of its "
                "submission, each commitment within 1 month of its completion, and leads a "
                "final learning exercise within 2 months of the plan's end."
            )
        ),
        FieldPanel("monitoring_body"),
        FieldRowPanel(
            [
                FieldPanel("monitoring_contact_name"),
                FieldPanel("monitoring_contact_email"),
                FieldPanel("monitoring_contact_phone"),
            ]
        ),
        FieldPanel("progress_discussion"),
        FieldPanel("implementation_follow_up"),
        FieldPanel("results_sharing"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Plan")),
            ObjectList(vision_panels, heading=_("4. Vision")),
            ObjectList(engagement_panels, heading=_("5. Engagement")),
            ObjectList(monitoring_panels, heading=_("6. Monitoring")),
            ObjectList(
                [*OGPPage.promote_panels, EmbedCodePanel(heading=_("Embed the progress widget"))],
                heading=_("Promote"),
            ),
            ObjectList(OGPPage.settings_panels, heading=_("Settings")),
        ]
    )
    # Every text of Annex 1 and the medium-term objectives: Wagtail's own index (admin
    # search, choosers, integrators' ``Page.objects.search()``), not the public search.
    search_fields = OGPPage.search_fields + [
        index.SearchField("foreword"),
        index.SearchField("foreword_authors"),
        index.SearchField("long_term_vision"),
        index.SearchField("achievements"),
        index.SearchField("challenges"),
        index.SearchField("plan_contribution"),
        index.SearchField("policy_alignment"),
        index.SearchField("lead_institutions"),
        index.SearchField("coordination"),
        index.SearchField("cocreation_spaces"),
        index.SearchField("representation_measures"),
        index.SearchField("participants"),
        index.SearchField("ongoing_collaboration"),
        index.SearchField("monitoring_contact_name"),
        index.SearchField("progress_discussion"),
        index.SearchField("implementation_follow_up"),
        index.SearchField("results_sharing"),
        index.RelatedFields(
            "objectives", [index.SearchField("title"), index.SearchField("description")]
        ),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = _("strategic vision (action plan)")
        verbose_name_plural = _("strategic visions (action plans)")

    def ogp_rule_errors(self, parent, *, submitted=None, as_new_page=False):
        errors = []
        jurisdiction_count = len(self.related("jurisdictions", submitted))
        for violation in rules.check_jurisdiction_count(jurisdiction_count):
            errors.append(RuleError(self, "jurisdictions", violation))
        for violation in rules.check_plan_period(self.start_date, self.end_date, self.mandate_end):
            errors.append(RuleError(self, "end_date", violation))
        for endorsement in self.related("endorsements", submitted):
            for violation in rules.check_endorser(endorsement.organisation.is_government):
                errors.append(RuleError(endorsement, "organisation", violation))
        if self.pk and not as_new_page:
            errors += self._errors_from_live_commitments(jurisdiction_count)
        return errors

    def _errors_from_live_commitments(self, jurisdiction_count):
        """New dates or fewer jurisdictions must still hold the commitments already published."""
        errors = []
        live = CommitmentPage.objects.child_of(self).live()
        open_count = open_commitments(live).count()
        for violation in rules.check_open_commitments(open_count, jurisdiction_count):
            errors.append(RuleError(self, "jurisdictions", violation))
        for commitment in live.only("title", "start_date", "end_date"):
            for violation in rules.check_commitment_period(
                commitment.start_date, commitment.end_date, self.start_date, self.end_date
            ):
                if violation.rule is rules.COMMITMENT_WITHIN_PLAN:
                    named = rules.Violation(
                        violation.rule, f"«{commitment.title}»: {violation.detail}"
                    )
                    errors.append(RuleError(self, "start_date", named))
        return errors

    def covered_jurisdictions(self):
        """The jurisdictions this plan is for, in the current language where translated."""
        return [jurisdiction.localized for jurisdiction in self.jurisdictions.all()]

    @path("updates/feed/", name="updates_feed")
    def updates_feed_view(self, request):
        updates = ProgressUpdate.objects.for_plan(self)[:FEED_LENGTH]
        return progress_updates_feed(request, self, updates)

    @path("embed/progress/", name="progress_embed")
    def progress_embed_view(self, request):
        return progress_embed(request, self)

    def get_context(self, request, *args, **kwargs):
        # Everything is loaded when the template first reads it: a page served from the
        # render cache (status/cache.py) runs none of these queries.
        context = super().get_context(request, *args, **kwargs)
        status = plan_status(self, timezone.localdate())
        context.update(
            feed_url=SimpleLazyObject(lambda: updates_feed_url(self, request)),
            parent=SimpleLazyObject(lambda: self.get_parent().specific),
            progress_status=status,
            commitment_groups=group_by_objective(status.commitments),
            commitment_list=SimpleLazyObject(
                lambda: commitment_list(self, request, status.commitments)
            ),
            objectives=self.objectives.all(),
            endorsements=self.endorsements.select_related("organisation"),
            plan_jurisdictions=lazily_in_locale(self.jurisdictions.all(), self.locale_id),
            evidence_folders=SimpleLazyObject(
                lambda: list(EvidenceFolderPage.objects.child_of(self).live().public())
            ),
            consultations=SimpleLazyObject(
                lambda: list(
                    ConsultationPage.objects.child_of(self).live().public().order_by("-opens_at")
                )
            ),
        )
        return context


class PlanObjective(TranslatableMixin, Orderable):
    """A medium-term objective of the Strategic Vision (Annex 1, 4.4)."""

    page = ParentalKey(StrategicVisionPage, related_name="objectives", on_delete=models.CASCADE)
    title = models.CharField(_("objective"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.title


class PlanEndorsement(TranslatableMixin, Orderable):
    """A non-governmental stakeholder that took part and endorses the plan (Annex 1, 7)."""

    page = ParentalKey(StrategicVisionPage, related_name="endorsements", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "ogp_wagtail.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("endorsed_on")]

    override_translatable_fields = [
        TranslatableField("organisation"),
        SynchronizedField("endorsed_on"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
