"""A commitment of an action plan, with every field of Annex 2, its milestones and amendments."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import rules
from ..choices import ResourcesSecured, StakeholderRole
from ..conf import ogp_settings
from ..milestones import open_commitments
from ..plugins import extend_page_context
from ..progress import all_ended
from ..snippets.localized import lazily_in_locale
from ..status.history import history_by_milestone, latest_statuses
from ..status.progress import commitment_status
from ..status.updates import (
    prepared_for_reading,
    published_updates,
    update_entries,
    updates_feed_url,
)
from ..updates.models import ProgressUpdate
from ..views.embeds import progress_embed
from ..views.feeds import FEED_LENGTH, progress_updates_feed
from .base import OGPPage, OGPPageForm, RuleError
from .evidence import EvidenceFolderPage, EvidenceItem, evidence_items_text
from .panels import EmbedCodePanel
from .search import search_page_url


def default_currency():
    return ogp_settings.OGP_WAGTAIL_DEFAULT_CURRENCY


class CommitmentPageForm(OGPPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._show_recorded_statuses()
        plan = self.plan
        if "objective" in self.fields:
            self.fields["objective"].queryset = (
                plan.objectives.all() if plan else self.fields["objective"].queryset.none()
            )
        if "jurisdiction" in self.fields and plan and plan.pk:
            self.fields["jurisdiction"].queryset = plan.jurisdictions.all()

    @property
    def plan(self):
        parent = self.parent_page.specific if self.parent_page else None
        return parent if hasattr(parent, "objectives") else None

    def _show_recorded_statuses(self):
        """A milestone with a status history changes status through progress updates only.

        The editor sees its recorded status, not the one of an older revision.
        """
        forms = self.formsets["milestones"].forms
        recorded = latest_statuses(form.instance.translation_key for form in forms)
        for form in forms:
            status = recorded.get(form.instance.translation_key)
            if status is not None:
                form.initial["status"] = status
                form.fields["status"].disabled = True
                form.fields["status"].help_text = _(
                    "Recorded in the milestone's history: change it in a progress update."
                )


class CommitmentPage(RoutablePageMixin, OGPPage):
    """One commitment: a specific, verifiable, time-bound action of the plan.

    Routes: ``updates/<uuid>/`` shows one progress update (its permanent
    address), ``updates/feed/`` the Atom feed of the commitment's updates.
    """

    # 2. Dates
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    # 6 to 10. The commitment itself
    problem = RichTextField(_("problem addressed"), blank=True)
    status_quo = RichTextField(_("status quo at the start"), blank=True)
    # Not "action": a field of that name shadows the admin form's own ``action`` in
    # Wagtail's scripts, and autosave then posts to "[object HTMLInputElement]".
    activities = RichTextField(_("what the commitment involves"), blank=True)
    expected_results = RichTextField(_("expected results"), blank=True)
    overall_objective = RichTextField(_("overall objective"), blank=True)
    solution = RichTextField(_("how it will solve the problem"), blank=True)
    objective = models.ForeignKey(
        "ogp_wagtail.PlanObjective",
        verbose_name=_("objective of the Strategic Vision it serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
    )
    jurisdiction = models.ForeignKey(
        "ogp_wagtail.Jurisdiction",
        verbose_name=_("jurisdiction (separate commitment)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "In a joint plan, the one jurisdiction a separate commitment belongs to. "
            "Leave empty for a joint commitment of all the plan's jurisdictions."
        ),
    )
    # 11 to 13. Classification
    policy_areas = ParentalManyToManyField(
        "ogp_wagtail.PolicyArea", blank=True, related_name="+", verbose_name=_("policy areas")
    )
    sectors = ParentalManyToManyField(
        "ogp_wagtail.Sector", blank=True, related_name="+", verbose_name=_("primary sectors")
    )
    ogp_values = ParentalManyToManyField(
        "ogp_wagtail.OGPValue", blank=True, related_name="+", verbose_name=_("OGP values")
    )
    # 14 and 15. Resources
    budget = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    budget_currency = models.CharField(
        _("currency"),
        max_length=3,
        default=default_currency,
        blank=True,
        help_text=_("ISO 4217 code, such as EUR, XOF, MAD or TND."),
    )
    staff = models.PositiveIntegerField(_("staff (people)"), null=True, blank=True)
    duration_months = models.PositiveIntegerField(_("time (months)"), null=True, blank=True)
    other_resources = models.TextField(_("other resources"), blank=True)
    resources_secured = models.CharField(
        _("resources secured"), max_length=16, choices=ResourcesSecured.choices, blank=True
    )
    # 16. Additional information
    additional_information = RichTextField(
        _("additional information"),
        blank=True,
        help_text=_(
            "Gender analysis, links to other programmes, to the national development plan, "
            "to the Sustainable Development Goals."
        ),
    )

    # ``objective`` points at a row of the plan, which is not translatable: it is
    # synchronised (a translatable reference must point at a translatable model).
    # Milestones are translatable rows: their own declaration says which of their fields
    # translators see. Classifications (many-to-many) are absent on purpose.
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("problem"),
        TranslatableField("status_quo"),
        TranslatableField("activities"),
        TranslatableField("expected_results"),
        TranslatableField("overall_objective"),
        TranslatableField("solution"),
        TranslatableField("objective"),
        TranslatableField("jurisdiction"),
        SynchronizedField("budget"),
        SynchronizedField("budget_currency", overridable=False),
        SynchronizedField("staff"),
        SynchronizedField("duration_months"),
        TranslatableField("other_resources"),
        SynchronizedField("resources_secured"),
        TranslatableField("additional_information"),
        TranslatableField("milestones"),
        TranslatableField("stakeholders"),
        TranslatableField("amendments"),
    ]

    parent_page_types = ["ogp_wagtail.StrategicVisionPage"]
    subpage_types = ["ogp_wagtail.EvidenceFolderPage"]
    base_form_class = CommitmentPageForm

    content_panels = OGPPage.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("objective"),
        FieldPanel("jurisdiction"),
        FieldPanel("problem"),
        FieldPanel("status_quo"),
        FieldPanel("activities"),
        FieldPanel("expected_results"),
        FieldPanel("overall_objective"),
        FieldPanel("solution"),
    ]
    classification_panels = [
        FieldPanel("policy_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("ogp_values", widget=forms.CheckboxSelectMultiple),
    ]
    people_panels = [
        InlinePanel(
            "stakeholders",
            heading=_("Lead agency, implementers and other stakeholders"),
            label=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_currency")]),
                FieldRowPanel([FieldPanel("staff"), FieldPanel("duration_months")]),
                FieldPanel("other_resources"),
                FieldPanel("resources_secured"),
            ],
            heading=_("Resources"),
        ),
        FieldPanel("additional_information"),
    ]
    milestone_panels = [
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
        InlinePanel(
            "amendments",
            heading=_("Amendment log"),
            label=_("Amendment"),
            help_text=_(
                "Every change must be consulted on and approved by the non-governmental "
                "stakeholders, and documented with how the decision was taken (3.2.1.3)."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Commitment")),
            ObjectList(milestone_panels, heading=_("Milestones")),
            ObjectList(people_panels, heading=_("Organisations and resources")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(
                [*OGPPage.promote_panels, EmbedCodePanel(heading=_("Embed the progress widget"))],
                heading=_("Promote"),
            ),
            ObjectList(OGPPage.settings_panels, heading=_("Settings")),
        ]
    )
    # Wagtail's own index (admin search, choosers, integrators' ``Page.objects.search()``):
    # a word found only in a milestone, a published update or a public evidence item finds
    # the commitment. Updates and folders are not inline rows: methods gather their text,
    # and ``wagtail_search.py`` reindexes the commitment when they change.
    search_fields = OGPPage.search_fields + [
        index.SearchField("problem"),
        index.SearchField("status_quo"),
        index.SearchField("activities"),
        index.SearchField("expected_results"),
        index.SearchField("overall_objective"),
        index.SearchField("solution"),
        index.SearchField("other_resources"),
        index.SearchField("additional_information"),
        index.RelatedFields(
            "milestones", [index.SearchField("description"), index.SearchField("contact")]
        ),
        index.RelatedFields(
            "amendments",
            [
                index.SearchField("change"),
                index.SearchField("decision_process"),
                index.SearchField("approved_by"),
            ],
        ),
        index.RelatedFields(
            "stakeholders",
            [
                index.SearchField("contact_name"),
                index.SearchField("contact_title"),
                index.SearchField("contact_role"),
            ],
        ),
        index.SearchField("published_updates_text"),
        index.SearchField("public_evidence_text"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def ogp_rule_errors(self, parent, *, submitted=None, as_new_page=False):
        # The plan is the parent that has objectives (the plan's module imports this one).
        plan = parent if hasattr(parent, "objectives") else None
        errors = []
        for violation in rules.check_policy_areas(len(self.related("policy_areas", submitted))):
            errors.append(RuleError(self, "policy_areas", violation))
        for violation in rules.check_sectors(len(self.related("sectors", submitted))):
            errors.append(RuleError(self, "sectors", violation))
        for violation in rules.check_commitment_period(
            self.start_date,
            self.end_date,
            plan.start_date if plan else None,
            plan.end_date if plan else None,
        ):
            errors.append(RuleError(self, "end_date", violation))

        stakeholders = self.related("stakeholders", submitted)
        lead_agencies = [s for s in stakeholders if s.role == StakeholderRole.LEAD_AGENCY]
        for violation in rules.check_lead_agencies(
            [s.organisation.is_government for s in lead_agencies]
        ):
            errors.append(RuleError(lead_agencies[-1], "organisation", violation))
        for stakeholder in stakeholders:
            if stakeholder.role == StakeholderRole.IMPLEMENTER:
                for violation in rules.check_implementer(stakeholder.organisation.is_government):
                    errors.append(RuleError(stakeholder, "organisation", violation))

        milestones = self.related("milestones", submitted)
        for milestone in milestones:
            for violation in rules.check_milestone_period(
                milestone.start_month, milestone.end_month, self.start_date, self.end_date
            ):
                errors.append(RuleError(milestone, "end_month", violation))

        if plan and not all_ended(milestone.status for milestone in milestones):
            siblings = CommitmentPage.objects.child_of(plan).live()
            if not as_new_page:
                siblings = siblings.exclude(pk=self.pk)
            open_count = open_commitments(siblings).count() + 1
            for violation in rules.check_open_commitments(open_count, plan.jurisdictions.count()):
                errors.append(RuleError(self, None, violation))
        return errors

    def published_updates_text(self):
        """The words of its live progress updates, in any language version, for Wagtail's index.

        Drafts are left out: a word only in a draft must not find the commitment.
        """
        updates = ProgressUpdate.objects.filter(
            live=True, commitment__translation_key=self.translation_key
        ).values_list("title", "progress", "delay_reasons", "next_steps")
        texts = []
        for title, *rich_texts in updates:
            texts += [title, *(get_text_for_indexing(text) for text in rich_texts)]
        return " ".join(text for text in texts if text)

    def public_evidence_text(self):
        """The words of the items in its live, public evidence folders, for Wagtail's index.

        Items of a draft or restricted folder are left out.
        """
        folders = EvidenceFolderPage.objects.child_of(self).live().public()
        items = EvidenceItem.objects.filter(page__in=folders).order_by("page_id", "sort_order")
        return evidence_items_text(items, self.locale.language_code)

    @property
    def is_completed(self):
        return all_ended(milestone.status for milestone in self.milestones.all())

    def covered_jurisdictions(self):
        """The jurisdiction of a separate commitment, else every jurisdiction of its plan."""
        if self.jurisdiction_id:
            return [self.jurisdiction.localized]
        return self.get_parent().specific.covered_jurisdictions()

    def update_url(self, update, base=None):
        """The address of one of its updates, under ``base`` (this page's URL by default).

        The one place update addresses are built: pages, blocks, feeds and emails.
        """
        base = self.url if base is None else base
        if base is None:
            return None
        return base + self.reverse_subpage("progress_update", args=(update.uuid,))

    @path("updates/<uuid:update_uuid>/", name="progress_update")
    def progress_update_view(self, request, update_uuid):
        [update] = prepared_for_reading(
            [get_object_or_404(published_updates(self), uuid=update_uuid)], self.locale
        )
        return self.render(
            request,
            template="ogp_wagtail/progress_update.html",
            context_overrides={"update": update, "commitment": self},
        )

    @path("updates/feed/", name="updates_feed")
    def updates_feed_view(self, request):
        return progress_updates_feed(request, self, published_updates(self)[:FEED_LENGTH])

    @path("embed/progress/", name="progress_embed")
    def progress_embed_view(self, request):
        return progress_embed(request, self)

    def get_context(self, request, *args, **kwargs):
        # Everything is loaded when the template first reads it: a page served from the
        # render cache (status/cache.py) runs none of these queries.
        context = super().get_context(request, *args, **kwargs)
        updates = SimpleLazyObject(
            lambda: update_entries(
                prepared_for_reading(list(published_updates(self)), self.locale), read_on=self
            )
        )
        history = SimpleLazyObject(
            lambda: history_by_milestone(self, {entry.update.pk: entry.url for entry in updates})
        )
        milestones = SimpleLazyObject(
            lambda: list(self.milestones.select_related("responsible_organisation"))
        )
        context.update(
            progress_status=commitment_status(
                self, timezone.localdate(), milestones, history=history
            ),
            progress_updates=updates,
            feed_url=SimpleLazyObject(lambda: updates_feed_url(self, request)),
            plan=SimpleLazyObject(lambda: self.get_parent().specific),
            stakeholder_groups=SimpleLazyObject(self._stakeholder_groups),
            amendments=self.amendments.all(),
            policy_areas=lazily_in_locale(self.policy_areas.all(), self.locale_id),
            sectors=lazily_in_locale(self.sectors.all(), self.locale_id),
            ogp_values=lazily_in_locale(self.ogp_values.all(), self.locale_id),
            # The tags link to the site's search, filtered by them.
            search_url=SimpleLazyObject(lambda: search_page_url(self, request) or ""),
            evidence_folders=SimpleLazyObject(
                lambda: list(EvidenceFolderPage.objects.child_of(self).live().public())
            ),
        )
        return extend_page_context(self, request, context)

    def _stakeholder_groups(self):
        """``[(role label, [stakeholder, ...])]`` in the handbook's order of roles."""
        stakeholders = list(self.stakeholders.select_related("organisation"))
        return [
            (label, [s for s in stakeholders if s.role == role])
            for role, label in StakeholderRole.choices
        ]


class CommitmentStakeholder(TranslatableMixin, Orderable):
    """An organisation taking part in a commitment, with its contact (Annex 2, 3 to 5)."""

    page = ParentalKey(CommitmentPage, related_name="stakeholders", on_delete=models.CASCADE)
    role = models.CharField(
        _("part in the commitment"), max_length=16, choices=StakeholderRole.choices
    )
    organisation = models.ForeignKey(
        "ogp_wagtail.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_name = models.CharField(_("contact name"), max_length=255, blank=True)
    contact_title = models.CharField(
        pgettext_lazy("job title", "title"), max_length=255, blank=True
    )
    contact_email = models.EmailField(_("email"), blank=True)
    contact_role = models.CharField(_("role"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_title")]),
        FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_role")]),
    ]

    override_translatable_fields = [
        SynchronizedField("role"),
        TranslatableField("organisation"),
        TranslatableField("contact_name"),
        TranslatableField("contact_title"),
        SynchronizedField("contact_email", overridable=False),
        TranslatableField("contact_role"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organisation in the commitment")
        verbose_name_plural = _("organisations in the commitment")


class CommitmentAmendment(TranslatableMixin, Orderable):
    """A documented change to a commitment, and how it was decided (3.2.1.3)."""

    page = ParentalKey(CommitmentPage, related_name="amendments", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    change = models.TextField(_("what changed"))
    decision_process = models.TextField(_("how the decision was taken"))
    approved_by = models.CharField(_("approved by"), max_length=255)

    panels = [
        FieldPanel("date"),
        FieldPanel("change"),
        FieldPanel("decision_process"),
        FieldPanel("approved_by"),
    ]

    override_translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("change"),
        TranslatableField("decision_process"),
        TranslatableField("approved_by"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
