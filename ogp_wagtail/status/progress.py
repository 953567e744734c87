"""Loading what progress is shown from, for a commitment or a whole plan, in constant queries.

The computations are the plain functions of ``ogp_wagtail.progress``; this
module fetches their inputs, lays out the milestone timeline and hands
templates plain rows whose labels and dates are already resolved.

Pages are reached through the objects handed in (or ``apps.get_model``): this
layer sits below the page modules, which import it.

What pages put in their context is loaded when a template first reads it, not
when the page builds its context: a page whose content comes from the render
cache (:mod:`ogp_wagtail.status.cache`) runs none of these queries.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.db.models import Max, TextField
from django.utils.functional import SimpleLazyObject

from .. import progress
from ..calendar import first_of_month, fraction_of_month_elapsed, month_after, months_between
from ..choices import MilestoneStatus
from ..milestones import Milestone
from ..updates.models import ProgressUpdate
from .labels import choice_label, day_label, month_label


@dataclass(frozen=True)
class HistoryEntry:
    """One step of a milestone's status history, as its public page shows it."""

    status: str
    status_label: str
    date: datetime.date
    date_label: str
    update_title: str | None = None
    update_url: str | None = None

    @property
    def date_iso(self):
        return self.date.isoformat()


@dataclass(frozen=True)
class MilestoneRow:
    """A milestone with what every list and timeline shows of it, resolved once."""

    milestone: Milestone
    status: str
    status_label: str
    start_label: str
    end_label: str
    overdue: bool
    history: tuple[HistoryEntry, ...] = ()

    @property
    def start_iso(self):
        return self.milestone.start_month.strftime("%Y-%m")

    @property
    def end_iso(self):
        return self.milestone.end_month.strftime("%Y-%m")

    @property
    def description(self):
        return self.milestone.description


def milestone_rows(milestones, today, history=None):
    """:class:`MilestoneRow` per milestone; ``history`` maps translation keys to entries."""
    history = history or {}
    return [
        MilestoneRow(
            milestone=milestone,
            status=milestone.status,
            status_label=choice_label(MilestoneStatus, milestone.status),
            start_label=month_label(milestone.start_month),
            end_label=month_label(milestone.end_month),
            overdue=progress.is_overdue(milestone, today),
            history=tuple(history.get(milestone.translation_key, ())),
        )
        for milestone in milestones
    ]


@dataclass(frozen=True)
class TimelineRow:
    row: MilestoneRow
    offset: float  # percent of the timeline's width before the milestone starts
    width: float  # percent of the width it spans


@dataclass
class Timeline:
    """Milestones laid out over the months of a commitment, with today marked."""

    first_month: datetime.date
    last_month: datetime.date
    first_label: str
    last_label: str
    rows: list[TimelineRow]
    today_offset: float | None  # None when today lies outside the timeline

    @classmethod
    def build(cls, start, end, rows, today):
        months = [first_of_month(start), first_of_month(end)]
        months += [first_of_month(r.milestone.start_month) for r in rows]
        months += [first_of_month(r.milestone.end_month) for r in rows]
        first, last = min(months), max(months)
        span = months_between(first, last) + 1
        laid_out = [
            TimelineRow(
                row=row,
                offset=100 * months_between(first, row.milestone.start_month) / span,
                width=100
                * (months_between(row.milestone.start_month, row.milestone.end_month) + 1)
                / span,
            )
            for row in rows
        ]
        today_offset = None
        if first <= today < month_after(last):
            elapsed = months_between(first, today) + fraction_of_month_elapsed(today)
            today_offset = 100 * elapsed / span
        return cls(first, last, month_label(first), month_label(last), laid_out, today_offset)


@dataclass
class CommitmentStatus:
    """One commitment's progress, milestones, timeline and last update."""

    commitment: object
    progress: progress.Progress
    milestones: list[Milestone]
    last_updated: datetime.date | None
    today: datetime.date
    history: dict = field(default_factory=dict)

    @property
    def title(self):
        return self.commitment.title

    @cached_property
    def rows(self):
        return milestone_rows(self.milestones, self.today, self.history)

    @cached_property
    def timeline(self):
        # Laid out only when shown: a plan's dashboard shows bars, not timelines.
        commitment = self.commitment
        return Timeline.build(commitment.start_date, commitment.end_date, self.rows, self.today)

    @property
    def last_updated_label(self):
        return day_label(self.last_updated) if self.last_updated else ""


class PlanStatus:
    """A plan's progress and its live, public commitments', loaded when first read.

    ``commitments`` ([:class:`CommitmentStatus`], in the plan's order) can be
    handed on (to :func:`group_by_objective`) without running a query.
    """

    def __init__(self, plan, today, commitments=None):
        self.plan = plan
        self.today = today
        self._given = commitments
        self.commitments = SimpleLazyObject(self._load_commitments)

    def _load_commitments(self):
        commitments = self._given
        if commitments is None:
            # Only what a status shows of a commitment: not its texts.
            commitments = live_commitments_of(self.plan)
            commitments = commitments.defer(*text_fields(commitments.model))
        return _statuses(list(commitments), self.today)

    @cached_property
    def progress(self):
        plan = self.plan
        return progress.plan_progress(
            [status.progress for status in self.commitments],
            plan.start_date,
            plan.end_date,
            self.today,
        )

    @cached_property
    def last_updated(self):
        return max((s.last_updated for s in self.commitments if s.last_updated), default=None)

    @property
    def last_updated_label(self):
        return day_label(self.last_updated) if self.last_updated else ""


def _last_update_dates(commitments):
    """``{commitment translation_key: date of its newest live update}``, in one query."""
    rows = (
        ProgressUpdate.objects.filter(
            live=True, commitment__translation_key__in=[c.translation_key for c in commitments]
        )
        .order_by()
        .values("commitment__translation_key")
        .annotate(last=Max("date"))
    )
    return {row["commitment__translation_key"]: row["last"] for row in rows}


def _status(commitment, milestones, last_update, today, history=None):
    last_published = commitment.last_published_at
    candidates = [last_update, last_published.date() if last_published else None]
    return CommitmentStatus(
        commitment=commitment,
        progress=progress.commitment_progress(
            milestones, commitment.start_date, commitment.end_date, today
        ),
        milestones=milestones,
        last_updated=max((day for day in candidates if day), default=None),
        today=today,
        history=history or {},
    )


def commitment_status(commitment, today, milestones=None, history=None):
    """The :class:`CommitmentStatus` of one commitment, loaded when first read.

    Pass ``milestones`` when they are already loaded.
    """

    def load():
        loaded = list(commitment.milestones.all()) if milestones is None else milestones
        last_update = _last_update_dates([commitment]).get(commitment.translation_key)
        return _status(commitment, loaded, last_update, today, history)

    return SimpleLazyObject(load)


# What a plan's dashboard reads of a milestone: not its description or contact.
PLAN_MILESTONE_FIELDS = ("page_id", "status", "start_month", "end_month", "weight")


def text_fields(model):
    """The long texts ``model`` adds to a page (text and rich text): what listings never read."""
    return [
        field.name for field in model._meta.local_concrete_fields if isinstance(field, TextField)
    ]


def live_commitments_of(plan):
    """A plan's live, public commitments in the plan's order, objective and jurisdiction loaded."""
    commitment_model = apps.get_model("ogp_wagtail", "CommitmentPage")
    return (
        commitment_model.objects.child_of(plan)
        .live()
        .public()
        .select_related("objective", "jurisdiction")
        .order_by("path")
    )


def plan_status(plan, today, commitments=None):
    """The :class:`PlanStatus` of a plan and of each of its live, public commitments.

    Loaded when first read; ``commitments`` replaces the plan's live, public ones.
    """
    return PlanStatus(plan, today, commitments)


def _statuses(commitments, today):
    """A :class:`CommitmentStatus` per commitment, milestones and last updates in two queries."""
    milestones = {}
    # Plain tuples: the dashboard needs five values per milestone, not model instances.
    rows = Milestone.objects.filter(page__in=[c.pk for c in commitments]).order_by(
        "page_id", "sort_order", "pk"
    )
    for page_id, status, start, end, weight in rows.values_list(*PLAN_MILESTONE_FIELDS):
        milestones.setdefault(page_id, []).append(
            progress.MilestoneFacts(status=status, start_month=start, end_month=end, weight=weight)
        )
    last_updates = _last_update_dates(commitments)
    return [
        _status(c, milestones.get(c.pk, []), last_updates.get(c.translation_key), today)
        for c in commitments
    ]


def load_status(page, today):
    """The status of a commitment or a plan page, whichever ``page`` is."""
    if isinstance(page, apps.get_model("ogp_wagtail", "CommitmentPage")):
        return commitment_status(page, today)
    return plan_status(page, today)


def group_by_objective(statuses):
    """Commitments grouped by the plan objective they serve, in the objectives' order.

    Returns ``[(objective or None, [CommitmentStatus, ...]), ...]``, grouped when
    first read; commitments that serve no objective come last. Expects
    ``objective`` loaded (as by :func:`live_commitments_of`).
    """
    return SimpleLazyObject(lambda: _grouped(statuses))


def _grouped(statuses):
    groups = {}
    for status in statuses:
        commitment = status.commitment
        groups.setdefault(commitment.objective_id, (commitment.objective, []))[1].append(status)

    def position(group):
        objective = group[0]
        if objective is None:
            return (1, 0, 0)
        return (0, objective.sort_order if objective.sort_order is not None else 0, objective.pk)

    return sorted(groups.values(), key=position)
