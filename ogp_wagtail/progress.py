"""Progress of a commitment and of a whole action plan, as plain functions.

Pages, blocks, the embeddable widget and feeds all show the same numbers, so
they all come from here (through ``ogp_wagtail.status``). Nothing here touches the database: a
milestone is any object with ``status``, ``start_month``, ``end_month`` and,
optionally, ``weight`` (a :class:`~ogp_wagtail.milestones.Milestone`
instance, a :class:`MilestoneFacts`, or anything alike). Pass milestones
already loaded (a list, or a prefetched ``.all()``); objects given in are
handed back as they are, in :attr:`Progress.overdue` for instance.

``today`` is always a parameter: callers pass ``timezone.localdate()``, tests
pass the day they need.

How the numbers are made, so that a resident can check them:

- **Percent complete**: the total weight of the complete milestones divided by
  the total weight of all milestones, times 100, rounded down to a whole
  number. A milestone weighs 1 unless the editor gave it a weight; a weight of
  0 takes it out of the count. Rounding down means 100 % is shown only once
  every weighted milestone is complete. An *incomplete* milestone has ended
  without being completed: it stays in the total and adds nothing to the
  complete share. With no weight at all (no milestones, or all weighing 0)
  there is no percentage: ``None``, never a made-up 0 or 100.
- **Overdue**: a milestone whose end month is over (today is in a later month)
  and that is neither complete nor incomplete.
- **Time elapsed**: the share of the days of a period, both ends included,
  that are over by the end of today.
- **Label**: see :func:`progress_label`; a plan is summarised by :func:`count_labels`.

A plan's percentage is computed the same way over all the milestones of all
its commitments (not as an average of the commitments' percentages), so that
it agrees with the plan's milestone counts and one sentence explains both.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from django.db import models
from django.utils.translation import gettext, ngettext, ngettext_lazy, pgettext
from django.utils.translation import gettext_lazy as _

from .choices import MilestoneStatus

PERCENT_EXPLANATION = _(
    "The percentage is the total weight of the complete milestones divided by the total "
    "weight of all milestones, rounded down to a whole number; a milestone weighs 1 unless "
    "another weight is shown, and an incomplete milestone counts as ended but not complete."
)
PLAN_PERCENT_EXPLANATION = _(
    "The plan's percentage is computed in the same way over the milestones of all its commitments."
)


class ProgressLabel(models.TextChoices):
    """Where a commitment or a plan stands, in one word for residents."""

    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    BLOCKED = "blocked", _("Blocked")
    COMPLETE = "complete", _("Complete")
    # Every milestone has ended, not all of them complete: "Complete" would claim more than
    # the percentage shows.
    ENDED_INCOMPLETE = "ended_incomplete", _("Ended incomplete")


# How many of a plan's commitments carry each label, as residents read it: "3 on track".
# The number is the plural's key: "%(count)d" is filled in by :func:`summarise_labels`.
LABEL_COUNT_PHRASES = {
    ProgressLabel.NOT_STARTED: ngettext_lazy(
        "%(count)d not started", "%(count)d not started", "count"
    ),
    ProgressLabel.ON_TRACK: ngettext_lazy("%(count)d on track", "%(count)d on track", "count"),
    ProgressLabel.DELAYED: ngettext_lazy("%(count)d delayed", "%(count)d delayed", "count"),
    ProgressLabel.BLOCKED: ngettext_lazy("%(count)d blocked", "%(count)d blocked", "count"),
    ProgressLabel.COMPLETE: ngettext_lazy("%(count)d complete", "%(count)d complete", "count"),
    ProgressLabel.ENDED_INCOMPLETE: ngettext_lazy(
        "%(count)d ended incomplete", "%(count)d ended incomplete", "count"
    ),
}


@dataclass(frozen=True)
class MilestoneFacts:
    """What progress needs to know of a milestone; months are any date within the month."""

    status: MilestoneStatus
    start_month: datetime.date
    end_month: datetime.date
    weight: int | None = None

    def __post_init__(self):
        # Fail on a status or weight we cannot count rather than count it wrong.
        object.__setattr__(self, "status", MilestoneStatus(self.status))
        weight_of(self)


def facts_from(milestones) -> list[MilestoneFacts]:
    """Plain copies of milestones (model instances or alike), for caching or serialising.

    An object without a ``weight`` attribute weighs 1, like one whose weight is ``None``.
    """
    return [
        MilestoneFacts(
            status=milestone.status,
            start_month=milestone.start_month,
            end_month=milestone.end_month,
            weight=getattr(milestone, "weight", None),
        )
        for milestone in milestones
    ]


def weight_of(milestone) -> int:
    """A milestone's weight in the percentage: its ``weight``, or 1 when it has none."""
    weight = getattr(milestone, "weight", None)
    if weight is None:
        return 1
    if weight < 0:
        raise ValueError(f"A milestone's weight cannot be negative, not {weight!r}.")
    return weight


def status_counts(milestones) -> dict[MilestoneStatus, int]:
    """How many milestones have each status; every status is a key, in the handbook's order."""
    counts = dict.fromkeys(MilestoneStatus, 0)
    for milestone in milestones:
        counts[MilestoneStatus(milestone.status)] += 1
    return counts


def _weights(milestones) -> tuple[int, int]:
    """The weight of the complete milestones and the weight of all of them."""
    complete = total = 0
    for milestone in milestones:
        weight = weight_of(milestone)
        total += weight
        if milestone.status == MilestoneStatus.COMPLETE:
            complete += weight
    return complete, total


def _percent(part: int, whole: int) -> int | None:
    return None if whole == 0 else 100 * part // whole


def percent_complete(milestones) -> int | None:
    """Weight of the complete milestones over the weight of all, as a whole percent rounded down.

    ``None`` when the total weight is 0: no milestones, or every one weighs 0.
    """
    return _percent(*_weights(milestones))


def is_overdue(milestone, today: datetime.date) -> bool:
    """The end month is over (today falls in a later month) and the milestone has not ended."""
    end = milestone.end_month
    return (today.year, today.month) > (end.year, end.month) and (
        milestone.status not in MilestoneStatus.ended()
    )


def overdue(milestones, today: datetime.date) -> list:
    """The overdue milestones, in the order given."""
    return [milestone for milestone in milestones if is_overdue(milestone, today)]


def _elapsed(start: datetime.date, end: datetime.date, today: datetime.date) -> Fraction:
    # A period ending before it starts (invalid, and refused by the rules) counts as
    # the single day ``start`` rather than dividing by zero or going negative.
    days = max((end - start).days + 1, 1)
    over = min(max((today - start).days + 1, 0), days)
    return Fraction(over, days)


def time_elapsed(start: datetime.date, end: datetime.date, today: datetime.date) -> float:
    """The share of the period from ``start`` to ``end`` (both included) over by the end of today.

    0 before the first day, 1/n on the first day of an n-day period, 1 on the last day
    and after it.
    """
    return float(_elapsed(start, end, today))


def percent_time_elapsed(start: datetime.date, end: datetime.date, today: datetime.date) -> int:
    """:func:`time_elapsed` as a whole percent rounded down, like :func:`percent_complete`."""
    return floor(_elapsed(start, end, today) * 100)


def all_ended(statuses) -> bool:
    """Whether a commitment is completed: it has milestones and each is complete or incomplete.

    The one definition of "completed", for the label and for the commitment cap alike.
    """
    statuses = [MilestoneStatus(status) for status in statuses]
    return bool(statuses) and all(status in MilestoneStatus.ended() for status in statuses)


def progress_label(milestones, today: datetime.date) -> ProgressLabel:
    """One label for a commitment, from its milestones; the first that applies wins.

    1. ``NOT_STARTED`` when there are no milestones: there is nothing to report on.
    2. When every milestone has ended (the commitment is finished, as for the commitment
       cap): ``COMPLETE`` if each one is complete, ``ENDED_INCOMPLETE`` if any ended
       incomplete. A label never claims more than the percentage shows.
    3. ``BLOCKED`` when any milestone is blocked: it names the cause, so it comes before
       a delay it may also cause.
    4. ``DELAYED`` when any milestone is overdue.
    5. ``NOT_STARTED`` when every milestone is still not started.
    6. ``ON_TRACK`` otherwise.

    Only statuses and end months decide: a resident can check each step against the
    milestone list. Time elapsed does not make a commitment "delayed": milestones are
    completed at their end, so work done lags the calendar even on schedule (a single
    milestone spanning the commitment shows 0 % until its last month).
    """
    milestones = list(milestones)
    if not milestones:
        return ProgressLabel.NOT_STARTED
    statuses = {MilestoneStatus(milestone.status) for milestone in milestones}
    if all_ended(statuses):
        if statuses == {MilestoneStatus.COMPLETE}:
            return ProgressLabel.COMPLETE
        return ProgressLabel.ENDED_INCOMPLETE
    if MilestoneStatus.BLOCKED in statuses:
        return ProgressLabel.BLOCKED
    if overdue(milestones, today):
        return ProgressLabel.DELAYED
    if statuses == {MilestoneStatus.NOT_STARTED}:
        return ProgressLabel.NOT_STARTED
    return ProgressLabel.ON_TRACK


def count_labels(labels: Iterable[ProgressLabel]) -> dict[ProgressLabel, int]:
    """How many commitments carry each label, in :class:`ProgressLabel`'s order, zeros left out.

    A plan has no label of its own: one word would claim more than its commitments show (a
    plan is not "Blocked" because 2 of its 5 commitments are). It is summarised by these
    counts instead (:func:`summarise_labels`).
    """
    counted = dict.fromkeys(ProgressLabel, 0)
    for label in labels:
        counted[ProgressLabel(label)] += 1
    return {label: count for label, count in counted.items() if count}


def summarise_labels(label_counts: dict[ProgressLabel, int]) -> str:
    """``{ON_TRACK: 3, BLOCKED: 2}`` as "3 on track, 2 blocked", in the current language."""
    if not label_counts:
        return gettext("No commitments yet")
    return join_list(
        LABEL_COUNT_PHRASES[label] % {"count": count} for label, count in label_counts.items()
    )


def join_list(items: Iterable) -> str:
    """``items`` as one phrase in the current language: "a, b, c" (Arabic "a، b، c")."""
    return pgettext("between the items of a list", ", ").join(str(item) for item in items)


@dataclass(frozen=True)
class Progress:
    """Progress of a commitment or a plan, computed once and shown everywhere."""

    counts: dict[MilestoneStatus, int]
    complete_weight: int
    total_weight: int
    # Some milestone weighs other than 1: show the weights next to the milestones.
    weighted: bool
    overdue: tuple
    time_elapsed: float | None
    percent_time_elapsed: int | None
    # A commitment's label; ``None`` for a plan, which has ``label_counts`` instead.
    label: ProgressLabel | None
    # How many commitments carry each label (a commitment counts itself once).
    label_counts: dict[ProgressLabel, int]

    @property
    def total(self) -> int:
        """How many milestones, whatever their weight."""
        return sum(self.counts.values())

    @property
    def complete(self) -> int:
        """How many milestones are complete."""
        return self.counts[MilestoneStatus.COMPLETE]

    @property
    def ended(self) -> int:
        """How many milestones are complete or incomplete."""
        return sum(self.counts[status] for status in MilestoneStatus.ended())

    @property
    def percent(self) -> int | None:
        """See :func:`percent_complete`."""
        return _percent(self.complete_weight, self.total_weight)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def summary(self) -> str:
        """Where it stands in words: a commitment's label, or a plan's "3 on track, 2 blocked"."""
        if self.label is not None:
            return str(self.label.label)
        return summarise_labels(self.label_counts)


def _period(start, end, today) -> tuple[float | None, int | None]:
    if start is None or end is None:
        return None, None
    return time_elapsed(start, end, today), percent_time_elapsed(start, end, today)


def commitment_progress(
    milestones,
    start: datetime.date | None,
    end: datetime.date | None,
    today: datetime.date,
) -> Progress:
    """Everything about a commitment's progress; ``start`` and ``end`` are its dates.

    Without both dates, the time elapsed is ``None``.
    """
    milestones = list(milestones)
    complete_weight, total_weight = _weights(milestones)
    elapsed, percent_elapsed = _period(start, end, today)
    label = progress_label(milestones, today)
    return Progress(
        counts=status_counts(milestones),
        complete_weight=complete_weight,
        total_weight=total_weight,
        weighted=any(weight_of(milestone) != 1 for milestone in milestones),
        overdue=tuple(overdue(milestones, today)),
        time_elapsed=elapsed,
        percent_time_elapsed=percent_elapsed,
        label=label,
        label_counts={label: 1},
    )


def plan_progress(
    commitments: Iterable[Progress],
    start: datetime.date | None,
    end: datetime.date | None,
    today: datetime.date,
) -> Progress:
    """A plan's progress from its commitments' :class:`Progress`, computed for the same day.

    Counts, weights and overdue milestones are summed over all commitments, so the
    plan's percentage is over all its milestones; it has no label but the count of its
    commitments' labels (:func:`count_labels`); ``start`` and ``end`` are the plan's dates.
    """
    commitments = list(commitments)
    counts = dict.fromkeys(MilestoneStatus, 0)
    for commitment in commitments:
        for status, count in commitment.counts.items():
            counts[status] += count
    elapsed, percent_elapsed = _period(start, end, today)
    return Progress(
        counts=counts,
        complete_weight=sum(commitment.complete_weight for commitment in commitments),
        total_weight=sum(commitment.total_weight for commitment in commitments),
        weighted=any(commitment.weighted for commitment in commitments),
        overdue=tuple(milestone for c in commitments for milestone in c.overdue),
        time_elapsed=elapsed,
        percent_time_elapsed=percent_elapsed,
        label=None,
        label_counts=count_labels(commitment.label for commitment in commitments),
    )


def explain_percent(progress: Progress) -> str:
    """The percentage of ``progress`` with the numbers it comes from, in one sentence.

    Milestones that ended incomplete are named too: they are why a finished commitment
    stays below 100 %.
    """
    if progress.total == 0:
        return gettext("There are no milestones yet, so there is no percentage.")
    if progress.total_weight == 0:
        return gettext("No milestone has any weight, so there is no percentage.")
    values = {
        "complete": progress.complete_weight,
        "total": progress.total_weight,
        "percent": progress.percent,
    }
    if progress.weighted:
        sentence = (
            gettext(
                "The complete milestones weigh %(complete)d out of %(total)d: %(percent)d %% "
                "(rounded down)."
            )
            % values
        )
    else:
        sentence = (
            ngettext(
                "%(complete)d of %(total)d milestone complete: %(percent)d %% (rounded down).",
                "%(complete)d of %(total)d milestones complete: %(percent)d %% (rounded down).",
                progress.total_weight,
            )
            % values
        )
    incomplete = progress.counts[MilestoneStatus.INCOMPLETE]
    if not incomplete:
        return sentence
    # Two sentences, each translated on its own.
    incomplete_sentence = ngettext(
        "%(count)d milestone ended incomplete: it counts as ended, never as complete.",
        "%(count)d milestones ended incomplete: they count as ended, never as complete.",
        incomplete,
    ) % {"count": incomplete}
    return f"{sentence} {incomplete_sentence}"
