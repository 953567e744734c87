"""Loading what the progress widget shows, with a constant number of queries.

The computations are the plain functions of ``ogp_wagtail.progress``; this
module only fetches their inputs for one commitment or a whole plan and lays
out the milestone timeline.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Max

from .. import progress
from ..rules import first_of_month
from .commitment import CommitmentPage, Milestone


def months_between(start, end):
    """Whole months from the month of ``start`` to the month of ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month


@dataclass
class TimelineRow:
    milestone: Milestone
    offset: float  # percent of the timeline's width before the milestone starts
    width: float  # percent of the width it spans
    overdue: bool


@dataclass
class Timeline:
    """Milestones laid out over the months of a commitment, with today marked."""

    first_month: datetime.date
    last_month: datetime.date
    rows: list[TimelineRow]
    today_offset: float | None  # None when today lies outside the timeline
    years: list[tuple[int, float]] = field(default_factory=list)  # (year, offset) ticks

    @classmethod
    def build(cls, start, end, milestones, today):
        months = [first_of_month(start), first_of_month(end)]
        months += [m.start_month for m in milestones] + [m.end_month for m in milestones]
        first, last = min(months), max(months)
        span = months_between(first, last) + 1
        rows = [
            TimelineRow(
                milestone=milestone,
                offset=100 * months_between(first, milestone.start_month) / span,
                width=100 * (months_between(milestone.start_month, milestone.end_month) + 1) / span,
                overdue=progress.is_overdue(milestone, today),
            )
            for milestone in milestones
        ]
        today_offset = None
        if first <= today < _month_after(last):
            days = calendar.monthrange(today.year, today.month)[1]
            elapsed = months_between(first, today) + (today.day - 1) / days
            today_offset = 100 * elapsed / span
        years = [
            (year, 100 * months_between(first, datetime.date(year, 1, 1)) / span)
            for year in range(first.year + (first.month > 1), last.year + 1)
        ]
        return cls(first, last, rows, today_offset, years)


def _month_after(month):
    return datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)


@dataclass
class CommitmentStatus:
    """One commitment's progress, milestones, timeline and last update."""

    commitment: CommitmentPage
    progress: progress.Progress
    milestones: list[Milestone]
    last_updated: datetime.date | None
    today: datetime.date

    @cached_property
    def timeline(self):
        # Laid out only when shown: a plan's dashboard shows bars, not timelines.
        commitment = self.commitment
        return Timeline.build(
            commitment.start_date, commitment.end_date, self.milestones, self.today
        )


@dataclass
class PlanStatus:
    plan: object
    progress: progress.Progress
    commitments: list[CommitmentStatus]
    last_updated: datetime.date | None


def _last_update_dates(commitments):
    """``{commitment translation_key: date of its newest live update}``, in one query."""
    from ..updates.models import ProgressUpdate

    rows = (
        ProgressUpdate.objects.filter(
            live=True, commitment__translation_key__in=[c.translation_key for c in commitments]
        )
        .values("commitment__translation_key")
        .annotate(last=Max("date"))
    )
    return {row["commitment__translation_key"]: row["last"] for row in rows}


def _status(commitment, milestones, last_update, today):
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
    )


def commitment_status(commitment, today, milestones=None):
    """The status of one commitment; pass ``milestones`` when they are already loaded."""
    if milestones is None:
        milestones = list(commitment.milestones.all())
    last_update = _last_update_dates([commitment]).get(commitment.translation_key)
    return _status(commitment, milestones, last_update, today)


def plan_status(plan, today, commitments=None):
    """The status of a plan and of each of its live, public commitments."""
    if commitments is None:
        commitments = list(CommitmentPage.objects.child_of(plan).live().public().order_by("path"))
    milestones = {}
    for milestone in Milestone.objects.filter(page__in=[c.pk for c in commitments]):
        milestones.setdefault(milestone.page_id, []).append(milestone)
    last_updates = _last_update_dates(commitments)
    statuses = [
        _status(c, milestones.get(c.pk, []), last_updates.get(c.translation_key), today)
        for c in commitments
    ]
    return PlanStatus(
        plan=plan,
        progress=progress.plan_progress(
            [status.progress for status in statuses], plan.start_date, plan.end_date, today
        ),
        commitments=statuses,
        last_updated=max((s.last_updated for s in statuses if s.last_updated), default=None),
    )


def load_status(page, today):
    """The status of a commitment or a plan page, whichever ``page`` is."""
    if isinstance(page, CommitmentPage):
        return commitment_status(page, today)
    return plan_status(page, today)
