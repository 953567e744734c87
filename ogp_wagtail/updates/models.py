"""Progress updates (handbook 3.5.4, Annex 4) and the append-only milestone status history.

A progress update is its own object, not a part of its commitment page: it
keeps its identity (``uuid``) and its URL whatever later happens to the page,
its revisions or its translations, so that comments can attach to it. It
points at the commitment in the language it was written in and is shown on
every language version of that commitment (they share a ``translation_key``).

Milestone statuses are one truth for all language versions: the history
(:class:`MilestoneStatusRecord`) is keyed by the milestone's
``translation_key`` and never rewritten; ``Milestone.status`` on every
language version's row mirrors the latest record.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField, TranslatableField

from ..calendar import quarter_of
from ..choices import MilestoneStatus
from .forms import ProgressUpdateForm, StatusChangeFormSet


class ProgressUpdateQuerySet(models.QuerySet):
    def shown_in(self, locale_id):
        """One live version of each update: the one in ``locale_id``, else the first written.

        A page in French shows an update's French translation once it is published, and
        until then the update as it was written.
        """
        versions = self.model.objects.filter(live=True, uuid=OuterRef("uuid"))
        in_locale = Q(locale_id=locale_id)
        first_written = ~Exists(versions.filter(locale_id=locale_id)) & ~Exists(
            versions.filter(pk__lt=OuterRef("pk"))
        )
        return self.filter(live=True).filter(in_locale | first_written)

    def for_commitment(self, commitment):
        """Live updates of a commitment, whichever language version they were written on,
        each in the commitment's language when translated."""
        # The commitment is loaded with them: feeds and blocks read it for every update.
        return (
            self.shown_in(commitment.locale_id)
            .filter(commitment__translation_key=commitment.translation_key)
            .select_related("commitment", "locale")
            .order_by("-date", "-pk")
        )

    def for_plan(self, plan):
        """Live updates of the plan's published commitments, in the plan's language."""
        commitment_model = self.model._meta.get_field("commitment").related_model
        commitments = commitment_model.objects.child_of(plan).live().public()
        return (
            self.shown_in(plan.locale_id)
            .filter(commitment__translation_key__in=commitments.values("translation_key"))
            .select_related("commitment", "locale")
            .order_by("-date", "-pk")
        )


class StatusChangesPanel(InlinePanel):
    """The status change rows, built by the formset that offers the commitment's milestones."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = StatusChangeFormSet
        return options


class ProgressUpdate(
    TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A public update on a commitment: what was done, status changes, delays, next steps.

    Translatable: its texts are translated with wagtail-localize like a page's, while
    its facts (date, status changes, evidence) are the source's. Every language
    version keeps the source's ``uuid``: it is the update's one address and the key of
    its comments, whatever the language it is read in.
    """

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    commitment = models.ForeignKey(
        "ogp_wagtail.CommitmentPage",
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The quarter the update reports on follows from this date."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Optional; by default the quarter, for example “Q3 2026”."),
    )
    progress = RichTextField(_("what was done"))
    delay_reasons = RichTextField(_("reasons for delays"), blank=True)
    next_steps = RichTextField(_("next steps"), blank=True)
    evidence = ParentalManyToManyField(
        "ogp_wagtail.EvidenceItem",
        blank=True,
        related_name="progress_updates",
        verbose_name=_("evidence"),
        help_text=_("Items of the commitment's evidence folders that show this progress."),
    )

    objects = ProgressUpdateQuerySet.as_manager()

    override_translatable_fields = [
        # Copied, not localised: wagtail-localize would assign a plain Page to this foreign
        # key to a page type. Every language version of the commitment shows the update.
        SynchronizedField("commitment"),
        SynchronizedField("date"),
        TranslatableField("title"),
        TranslatableField("progress"),
        TranslatableField("delay_reasons"),
        TranslatableField("next_steps"),
        # The status changes are made once, by the source (status/history.py).
        SynchronizedField("status_changes"),
        # The update's identity in every language (addresses, comments, feeds).
        BaseTranslatableField("uuid"),
    ]

    panels = [
        PageChooserPanel("commitment", "ogp_wagtail.CommitmentPage"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("title")]),
        FieldPanel("progress"),
        StatusChangesPanel(
            "status_changes",
            heading=_("Milestone status changes"),
            label=_("Status change"),
            help_text=_(
                "Each change is added to the milestone's public history when the update "
                "is published; earlier statuses stay visible."
            ),
        ),
        FieldPanel("delay_reasons"),
        FieldPanel("next_steps"),
        FieldPanel("evidence"),
    ]
    base_form_class = ProgressUpdateForm
    # Admin searches (listing, chooser) autocomplete: the title is often left blank (the
    # quarter stands in), so what was done is matched as it is typed too.
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("progress"),
        index.AutocompleteField("progress"),
        index.SearchField("delay_reasons"),
        index.SearchField("next_steps"),
        index.FilterField("date"),
        index.FilterField("live"),
        # The update chooser searches among the updates of the commitments its user edits.
        index.FilterField("commitment_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["uuid", "locale"], name="ogp_wagtail_update_one_version_per_language"
            )
        ]

    def __str__(self):
        return self.display_title

    def is_translation(self):
        """Whether another language version of this update was written before it.

        Its facts (status changes included) are then copies of that source's.
        """
        return type(self).objects.filter(uuid=self.uuid, pk__lt=self.pk).exists()

    def get_default_locale(self):
        """Written in its commitment's language, unless wagtail-localize says otherwise."""
        if self.commitment_id is not None:
            return self.commitment.locale
        return super().get_default_locale()

    @property
    def quarter(self):
        return quarter_of(self.date)

    @property
    def quarter_label(self):
        year, quarter = self.quarter
        return gettext("Q%(quarter)d %(year)d") % {"quarter": quarter, "year": year}

    @property
    def display_title(self):
        return self.title or self.quarter_label

    def get_url(self, request=None):
        """The update's own page: under the commitment, in the current language if translated."""
        commitment = self.commitment.localized
        return commitment.update_url(self, base=commitment.get_url(request=request))

    @property
    def url(self):
        return self.get_url()

    def save(self, *args, **kwargs):
        # Publishing may move an update to another commitment: what showed it before
        # (search indexes, pages) must be refreshed too. Read before the row changes.
        self.previous_commitment_id = (
            type(self).objects.filter(pk=self.pk).values_list("commitment_id", flat=True).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)

    def commitment_ids_showing(self):
        """The commitment it is on, and the one it was on before its last save."""
        previous = getattr(self, "previous_commitment_id", None)
        return {pk for pk in (self.commitment_id, previous) if pk is not None}

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError(
                {"date": _("An update reports on what has happened: not a future date.")}
            )


class UpdateStatusChange(Orderable):
    """A milestone status change an update announces; applied when the update is published."""

    update = ParentalKey(ProgressUpdate, related_name="status_changes", on_delete=models.CASCADE)
    milestone = models.ForeignKey(
        "ogp_wagtail.Milestone",
        verbose_name=_("milestone"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("new status"), max_length=16, choices=MilestoneStatus.choices)

    panels = [FieldRowPanel([FieldPanel("milestone"), FieldPanel("status")])]

    class Meta(Orderable.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class MilestoneStatusRecord(models.Model):
    """One entry of a milestone's status history. Rows are only ever added."""

    milestone_key = models.UUIDField(db_index=True)
    commitment_key = models.UUIDField(db_index=True)
    milestone_description = models.TextField(
        help_text="The description when the status changed, kept if the milestone goes."
    )
    status = models.CharField(_("status"), max_length=16, choices=MilestoneStatus.choices)
    previous_status = models.CharField(
        _("previous status"), max_length=16, choices=MilestoneStatus.choices, blank=True
    )
    effective_date = models.DateField(_("date"))
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    update = models.ForeignKey(
        ProgressUpdate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="status_records",
        verbose_name=_("progress update"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("milestone status record")
        verbose_name_plural = _("milestone status history")
        # Recording order is the truth; effective_date is what the change reports on
        # (an update may be written after the quarter it covers).
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.milestone_description[:60]}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The milestone status history is append-only.")
        super().save(*args, **kwargs)
