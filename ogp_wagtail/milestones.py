"""The milestones of commitments, and which commitments are still open.

A milestone belongs to a commitment page but is read by pages, progress
updates, the status history and progress alike, so it lives beside them rather
than inside the commitment's page module.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField, TranslatableField

from .choices import MilestoneStatus
from .fields import MonthField


def open_commitments(commitments):
    """The commitments not yet completed: some milestone has not ended, or none exists yet.

    The database's reading of ``progress.all_ended`` (the rule's "completed"), for
    counting a plan's open commitments in one query.
    """
    return commitments.annotate(
        milestone_total=Count("milestones"),
        milestones_ended=Count(
            "milestones", filter=Q(milestones__status__in=MilestoneStatus.ended())
        ),
    ).filter(Q(milestone_total=0) | Q(milestones_ended__lt=F("milestone_total")))


class Milestone(TranslatableMixin, Orderable):
    """A verifiable step of a commitment (Annex 2, field 17).

    Translatable so that each language version of a commitment holds its own
    description while ``translation_key`` names the same milestone in all of
    them: status history and progress updates refer to it by that key.
    """

    page = ParentalKey(
        "ogp_wagtail.CommitmentPage", related_name="milestones", on_delete=models.CASCADE
    )
    description = models.TextField(_("description"))
    start_month = MonthField(_("start month"))
    end_month = MonthField(_("end month"))
    responsible_organisation = models.ForeignKey(
        "ogp_wagtail.Organisation",
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact = models.CharField(_("contact"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.NOT_STARTED,
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Optional. How much this milestone counts in the commitment's percentage; "
            "milestones without a weight count 1."
        ),
    )

    # ``status`` is neither translated nor synchronised: a new translation's rows are
    # copies carrying the source's status, and from then on the status history
    # (status/history.py) is its one writer, on every language version at once.
    # Caution: syncing a *page* copies its milestone rows whole (modelcluster's
    # copy_child_relation) whatever this says; see tests/test_translation_roles.py.
    override_translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("start_month"),
        SynchronizedField("end_month"),
        TranslatableField("responsible_organisation"),
        TranslatableField("contact"),
        BaseTranslatableField("status"),
        SynchronizedField("weight"),
    ]

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_month"), FieldPanel("end_month"), FieldPanel("status")]),
        FieldRowPanel(
            [
                FieldPanel("responsible_organisation"),
                FieldPanel("contact"),
                FieldPanel("weight"),
            ]
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.description[:80]
