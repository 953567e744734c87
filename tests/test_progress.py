"""Progress and status computation at its boundaries, as plain functions (no database).

Expected values are worked out by hand and written as literals.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from ogp_wagtail import progress
from ogp_wagtail.choices import MilestoneStatus
from ogp_wagtail.milestones import Milestone, open_commitments
from ogp_wagtail.models import CommitmentPage
from ogp_wagtail.progress import MilestoneFacts, ProgressLabel
from tests.conftest import make_commitment

d = datetime.date

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
BLOCKED = "blocked"
COMPLETE = "complete"
INCOMPLETE = "incomplete"
ALL_STATUSES = [NOT_STARTED, IN_PROGRESS, BLOCKED, COMPLETE, INCOMPLETE]

# A day well inside every milestone below: nothing is overdue on it.
TODAY = d(2026, 3, 15)
JANUARY, JUNE = d(2026, 1, 1), d(2026, 6, 1)


def ms(status, weight=None, start=JANUARY, end=JUNE):
    return MilestoneFacts(status, start, end, weight)


def many(status, count, weight=None):
    return [ms(status, weight) for _ in range(count)]


# -- plain inputs ---------------------------------------------------------------


def test_facts_take_status_codes_as_the_enum():
    facts = ms(COMPLETE)
    assert facts.status is MilestoneStatus.COMPLETE
    assert facts.weight is None


@pytest.mark.parametrize("status", ["", "done", "Complete"])
def test_facts_refuse_an_unknown_status(status):
    with pytest.raises(ValueError):
        ms(status)


def test_facts_refuse_a_negative_weight():
    with pytest.raises(ValueError):
        ms(COMPLETE, weight=-1)


def test_facts_from_any_objects_alike():
    objects = [
        SimpleNamespace(status=COMPLETE, start_month=d(2026, 1, 1), end_month=d(2026, 2, 1)),
        SimpleNamespace(
            status=BLOCKED, start_month=d(2026, 3, 1), end_month=d(2026, 4, 1), weight=2
        ),
    ]
    assert progress.facts_from(objects) == [
        MilestoneFacts(MilestoneStatus.COMPLETE, d(2026, 1, 1), d(2026, 2, 1), None),
        MilestoneFacts(MilestoneStatus.BLOCKED, d(2026, 3, 1), d(2026, 4, 1), 2),
    ]


def test_facts_from_unsaved_model_instances():
    milestone = Milestone(status=IN_PROGRESS, start_month=d(2026, 1, 1), end_month=d(2026, 6, 1))
    assert progress.facts_from([milestone]) == [
        MilestoneFacts(MilestoneStatus.IN_PROGRESS, d(2026, 1, 1), d(2026, 6, 1), None)
    ]
    assert progress.percent_complete([milestone]) == 0


# -- counts ---------------------------------------------------------------------


def test_counts_of_nothing_list_every_status_in_the_handbook_order():
    counts = progress.status_counts([])
    assert list(counts) == [
        MilestoneStatus.NOT_STARTED,
        MilestoneStatus.IN_PROGRESS,
        MilestoneStatus.BLOCKED,
        MilestoneStatus.COMPLETE,
        MilestoneStatus.INCOMPLETE,
    ]
    assert list(counts.values()) == [0, 0, 0, 0, 0]


def test_counts_one_per_status_and_plain_strings_count_as_statuses():
    milestones = [ms(status) for status in ALL_STATUSES] + [
        SimpleNamespace(status=COMPLETE, start_month=d(2026, 1, 1), end_month=d(2026, 1, 1))
    ]
    assert progress.status_counts(milestones) == {
        "not_started": 1,
        "in_progress": 1,
        "blocked": 1,
        "complete": 2,
        "incomplete": 1,
    }


# -- percent complete -----------------------------------------------------------


def test_no_milestones_have_no_percentage():
    assert progress.percent_complete([]) is None


@pytest.mark.parametrize(
    ("status", "percent"),
    [(NOT_STARTED, 0), (IN_PROGRESS, 0), (BLOCKED, 0), (COMPLETE, 100), (INCOMPLETE, 0)],
)
def test_one_milestone_of_each_status(status, percent):
    assert progress.percent_complete([ms(status)]) == percent


def test_one_of_each_status_is_one_fifth_complete():
    assert progress.percent_complete([ms(status) for status in ALL_STATUSES]) == 20


def test_incomplete_counts_as_ended_but_not_complete():
    assert progress.percent_complete([ms(COMPLETE), ms(INCOMPLETE)]) == 50
    assert progress.percent_complete([ms(INCOMPLETE), ms(INCOMPLETE)]) == 0


@pytest.mark.parametrize(
    ("complete", "others", "percent"),
    [
        (2, 1, 66),  # 66.67 rounded down, not up to 67
        (1, 2, 33),
        (1, 6, 14),  # 14.29
        (199, 1, 99),  # 99.5: never 100 before everything is complete
        (1, 199, 0),  # 0.5: never more than 0 % by rounding
        (200, 0, 100),
    ],
)
def test_percent_is_rounded_down(complete, others, percent):
    milestones = many(COMPLETE, complete) + many(IN_PROGRESS, others)
    assert progress.percent_complete(milestones) == percent


@pytest.mark.parametrize(
    ("milestones", "percent"),
    [
        ([ms(COMPLETE, 1), ms(IN_PROGRESS, 1)], 50),  # explicit 1 is the same as none
        ([ms(COMPLETE, None), ms(IN_PROGRESS, 1)], 50),
        ([ms(COMPLETE, 3), ms(IN_PROGRESS, 1)], 75),
        ([ms(COMPLETE, 1), ms(IN_PROGRESS, 3)], 25),
        ([ms(COMPLETE, None), ms(IN_PROGRESS, 2)], 33),  # 1 of 3
        ([ms(COMPLETE, 2), ms(INCOMPLETE, 5), ms(BLOCKED)], 25),  # 2 of 8
        ([ms(COMPLETE, 0), ms(IN_PROGRESS)], 0),  # weight 0 counts nothing
        ([ms(COMPLETE), ms(IN_PROGRESS, 0)], 100),
        ([ms(COMPLETE, 0), ms(IN_PROGRESS, 0)], None),  # nothing weighs: no percentage
    ],
)
def test_weights(milestones, percent):
    assert progress.percent_complete(milestones) == percent


# -- overdue --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status", "expected"),
    [
        (d(2026, 3, 31), IN_PROGRESS, False),  # the last day of the end month
        (d(2026, 4, 1), IN_PROGRESS, True),  # the first day of the next month
        (d(2026, 4, 1), NOT_STARTED, True),
        (d(2026, 4, 1), BLOCKED, True),
        (d(2026, 4, 1), COMPLETE, False),
        (d(2026, 4, 1), INCOMPLETE, False),
        (d(2027, 1, 1), IN_PROGRESS, True),  # a later year
        (d(2025, 12, 31), IN_PROGRESS, False),
    ],
)
def test_overdue_once_the_end_month_is_over(today, status, expected):
    assert progress.is_overdue(ms(status, end=d(2026, 3, 1)), today) is expected


def test_the_day_within_the_end_month_does_not_matter():
    milestone = ms(IN_PROGRESS, end=d(2026, 3, 15))
    assert progress.is_overdue(milestone, d(2026, 3, 31)) is False
    assert progress.is_overdue(milestone, d(2026, 4, 1)) is True


def test_overdue_keeps_the_objects_and_their_order():
    late_a = ms(BLOCKED, end=d(2026, 2, 1))
    on_time = ms(IN_PROGRESS, end=d(2026, 3, 1))
    done = ms(COMPLETE, end=d(2026, 1, 1))
    late_b = ms(NOT_STARTED, end=d(2026, 1, 1))
    assert progress.overdue([late_a, on_time, done, late_b], d(2026, 3, 31)) == [late_a, late_b]
    assert progress.overdue([], d(2026, 3, 31)) == []


# -- time elapsed ---------------------------------------------------------------

# A period of 10 days, both ends included.
START, END = d(2026, 1, 1), d(2026, 1, 10)


@pytest.mark.parametrize(
    ("today", "elapsed", "percent"),
    [
        (d(2025, 12, 31), 0.0, 0),  # before the start
        (d(2026, 1, 1), 0.1, 10),  # the first day is 1 day of 10
        (d(2026, 1, 5), 0.5, 50),
        (d(2026, 1, 9), 0.9, 90),
        (d(2026, 1, 10), 1.0, 100),  # the last day
        (d(2026, 1, 11), 1.0, 100),  # after the end
        (d(2030, 1, 1), 1.0, 100),
    ],
)
def test_time_elapsed(today, elapsed, percent):
    assert progress.time_elapsed(START, END, today) == pytest.approx(elapsed)
    assert progress.percent_time_elapsed(START, END, today) == percent


def test_percent_of_time_elapsed_is_exact():
    # 29 of 100 days: 0.29 * 100 is 28.999... in floating point, yet 29 %.
    start = d(2026, 1, 1)
    assert progress.percent_time_elapsed(start, d(2026, 4, 10), d(2026, 1, 29)) == 29
    # 1 of 3 days: 33.3 rounded down.
    assert progress.percent_time_elapsed(start, d(2026, 1, 3), start) == 33


def test_time_elapsed_over_a_single_day():
    day = d(2026, 1, 1)
    assert progress.time_elapsed(day, day, d(2025, 12, 31)) == 0.0
    assert progress.time_elapsed(day, day, day) == 1.0


def test_a_period_ending_before_it_starts_counts_as_its_first_day():
    start, end = d(2026, 1, 10), d(2026, 1, 1)
    assert progress.time_elapsed(start, end, d(2026, 1, 5)) == 0.0
    assert progress.time_elapsed(start, end, d(2026, 1, 10)) == 1.0


# -- labels ---------------------------------------------------------------------

PLAN_START, PLAN_END = d(2026, 1, 1), d(2027, 12, 31)  # 730 days

LATE = d(2026, 1, 1)  # an end month that is over on TODAY


@pytest.mark.parametrize(
    ("milestones", "label"),
    [
        ([], ProgressLabel.NOT_STARTED),
        ([ms(COMPLETE), ms(COMPLETE)], ProgressLabel.COMPLETE),
        # Finished, though not all achieved: never "Complete" beside a percentage below 100.
        ([ms(COMPLETE), ms(INCOMPLETE)], ProgressLabel.ENDED_INCOMPLETE),
        ([ms(INCOMPLETE)], ProgressLabel.ENDED_INCOMPLETE),
        (
            [ms(COMPLETE), ms(COMPLETE), ms(COMPLETE), ms(INCOMPLETE)],
            ProgressLabel.ENDED_INCOMPLETE,
        ),
        # Blocked comes before delayed, even when the blocked milestone is overdue.
        ([ms(BLOCKED)], ProgressLabel.BLOCKED),
        ([ms(BLOCKED, end=LATE), ms(IN_PROGRESS, end=LATE)], ProgressLabel.BLOCKED),
        ([ms(COMPLETE), ms(BLOCKED)], ProgressLabel.BLOCKED),
        ([ms(IN_PROGRESS, end=LATE), ms(IN_PROGRESS)], ProgressLabel.DELAYED),
        ([ms(COMPLETE), ms(INCOMPLETE), ms(IN_PROGRESS, end=LATE)], ProgressLabel.DELAYED),
        # Delayed comes before not started.
        ([ms(NOT_STARTED, end=LATE), ms(NOT_STARTED)], ProgressLabel.DELAYED),
        ([ms(NOT_STARTED), ms(NOT_STARTED)], ProgressLabel.NOT_STARTED),
        # Its start month is over, its end month is not: not started says exactly that.
        ([ms(NOT_STARTED, start=d(2026, 1, 1), end=d(2026, 3, 1))], ProgressLabel.NOT_STARTED),
        ([ms(IN_PROGRESS)], ProgressLabel.ON_TRACK),
        ([ms(COMPLETE), ms(NOT_STARTED)], ProgressLabel.ON_TRACK),
        ([ms(INCOMPLETE), ms(NOT_STARTED)], ProgressLabel.ON_TRACK),
    ],
)
def test_progress_label(milestones, label):
    assert progress.progress_label(milestones, TODAY) == label


def test_labels_are_translatable():
    assert ProgressLabel.ON_TRACK.label == "On track"
    with translation.override("fr"):
        # Shared with the milestone statuses, so already translated.
        assert str(ProgressLabel.COMPLETE.label) == "Terminé"


@pytest.mark.parametrize(
    ("labels", "summary"),
    [
        ([], "No commitments yet"),
        ([ProgressLabel.COMPLETE, ProgressLabel.COMPLETE], "2 complete"),
        # Two blocked commitments of five do not make the plan "Blocked".
        (
            [ProgressLabel.ON_TRACK] * 3 + [ProgressLabel.BLOCKED] * 2,
            "3 on track, 2 blocked",
        ),
        # In ProgressLabel's order, whatever the commitments' order.
        (
            [ProgressLabel.ENDED_INCOMPLETE, ProgressLabel.NOT_STARTED, ProgressLabel.COMPLETE],
            "1 not started, 1 complete, 1 ended incomplete",
        ),
    ],
)
def test_a_plan_is_summarised_by_its_commitments_labels(labels, summary):
    with translation.override("en"):
        commitments = [
            progress.Progress(
                counts=dict.fromkeys(MilestoneStatus, 0),
                complete_weight=0,
                total_weight=0,
                weighted=False,
                overdue=(),
                time_elapsed=None,
                percent_time_elapsed=None,
                label=label,
                label_counts={label: 1},
            )
            for label in labels
        ]
        result = progress.plan_progress(commitments, PLAN_START, PLAN_END, TODAY)
        assert result.label is None
        assert result.summary == summary


def test_the_plan_summary_is_translated():
    counts = {ProgressLabel.ON_TRACK: 3, ProgressLabel.BLOCKED: 2}
    with translation.override("fr"):
        summary = progress.summarise_labels(counts)
    assert "3" in summary and "2" in summary
    assert "on track" not in summary and "blocked" not in summary


# -- a commitment's progress ----------------------------------------------------


def test_commitment_progress():
    late = ms(IN_PROGRESS, end=d(2026, 2, 1))
    milestones = [ms(COMPLETE), ms(COMPLETE), ms(INCOMPLETE), late, ms(NOT_STARTED)]
    # A commitment of 2026 (365 days); 15 March is its 74th day.
    result = progress.commitment_progress(milestones, d(2026, 1, 1), d(2026, 12, 31), TODAY)
    assert result.counts == {
        "not_started": 1,
        "in_progress": 1,
        "blocked": 0,
        "complete": 2,
        "incomplete": 1,
    }
    assert result.total == 5
    assert result.ended == 3
    assert (result.complete_weight, result.total_weight) == (2, 5)
    assert result.percent == 40
    assert result.weighted is False
    assert result.overdue == (late,)
    assert result.overdue_count == 1
    assert result.time_elapsed == pytest.approx(74 / 365)
    assert result.percent_time_elapsed == 20  # 20.27
    assert result.label == ProgressLabel.DELAYED


def test_time_elapsed_alone_does_not_delay():
    # One milestone spanning the commitment, in progress in its last month: 0 % of the
    # work and 96 % of the time, yet on schedule.
    milestones = [ms(IN_PROGRESS, start=d(2026, 1, 1), end=d(2026, 12, 1))]
    result = progress.commitment_progress(
        milestones, d(2026, 1, 1), d(2026, 12, 31), d(2026, 12, 20)
    )
    assert (result.percent, result.percent_time_elapsed) == (0, 96)  # 354 of 365 days
    assert result.label == ProgressLabel.ON_TRACK


def test_commitment_progress_without_milestones_or_dates():
    result = progress.commitment_progress([], None, None, TODAY)
    assert result.total == 0
    assert result.percent is None
    assert result.overdue == ()
    assert result.time_elapsed is None
    assert result.percent_time_elapsed is None
    assert result.label == ProgressLabel.NOT_STARTED


def test_commitment_progress_is_weighted_when_a_weight_is_not_1():
    assert progress.commitment_progress([ms(COMPLETE, 1)], None, None, TODAY).weighted is False
    assert progress.commitment_progress([ms(COMPLETE, 2)], None, None, TODAY).weighted is True
    assert progress.commitment_progress([ms(COMPLETE, 0)], None, None, TODAY).weighted is True


# -- a plan's progress ----------------------------------------------------------


def commitment(*milestones):
    return progress.commitment_progress(milestones, d(2026, 1, 1), d(2026, 12, 31), TODAY)


def test_plan_without_commitments():
    result = progress.plan_progress([], PLAN_START, PLAN_END, TODAY)
    assert list(result.counts.values()) == [0, 0, 0, 0, 0]
    assert result.total == 0
    assert result.percent is None
    assert result.overdue == ()
    assert result.weighted is False
    assert result.percent_time_elapsed == 10  # 74 of 730 days
    assert result.label_counts == {}


def test_plan_whose_commitments_have_no_milestones():
    result = progress.plan_progress([commitment(), commitment()], PLAN_START, PLAN_END, TODAY)
    assert result.total == 0
    assert result.percent is None
    assert result.label_counts == {ProgressLabel.NOT_STARTED: 2}


def test_a_commitment_without_milestones_keeps_the_plan_from_being_complete():
    done = commitment(ms(COMPLETE), ms(INCOMPLETE))
    result = progress.plan_progress([done, commitment()], PLAN_START, PLAN_END, TODAY)
    assert result.percent == 50
    assert result.label_counts == {
        ProgressLabel.NOT_STARTED: 1,
        ProgressLabel.ENDED_INCOMPLETE: 1,
    }


def test_plan_percent_is_over_all_milestones_with_their_weights():
    late = ms(BLOCKED, 2, end=d(2026, 2, 1))
    weighted = commitment(ms(COMPLETE, 3), ms(IN_PROGRESS, 1), late)  # 3 of 6: 50 %
    plain = commitment(ms(COMPLETE), ms(NOT_STARTED), ms(INCOMPLETE))  # 1 of 3: 33 %
    result = progress.plan_progress([weighted, plain], PLAN_START, PLAN_END, TODAY)
    assert result.counts == {
        "not_started": 1,
        "in_progress": 1,
        "blocked": 1,
        "complete": 2,
        "incomplete": 1,
    }
    assert result.total == 6
    # 4 of 9, not the mean of 50 and 33 (41.5).
    assert (result.complete_weight, result.total_weight) == (4, 9)
    assert result.percent == 44
    assert result.weighted is True
    assert result.overdue == (late,)
    assert result.label_counts == {ProgressLabel.ON_TRACK: 1, ProgressLabel.BLOCKED: 1}


# -- explaining the percentage --------------------------------------------------


def explain(*milestones):
    with translation.override("en"):
        return progress.explain_percent(commitment(*milestones))


def test_explain_percent():
    assert explain(ms(COMPLETE), ms(COMPLETE), ms(IN_PROGRESS)) == (
        "2 of 3 milestones complete: 66 % (rounded down)."
    )
    assert explain(ms(COMPLETE)) == "1 of 1 milestone complete: 100 % (rounded down)."
    assert explain(ms(COMPLETE, 3), ms(IN_PROGRESS, 2)) == (
        "The complete milestones weigh 3 out of 5: 60 % (rounded down)."
    )
    assert explain() == "There are no milestones yet, so there is no percentage."
    assert explain(ms(COMPLETE, 0)) == "No milestone has any weight, so there is no percentage."


def test_the_explanation_names_milestones_that_ended_incomplete():
    assert explain(ms(COMPLETE), ms(COMPLETE), ms(COMPLETE), ms(INCOMPLETE)) == (
        "3 of 4 milestones complete: 75 % (rounded down). 1 milestone ended incomplete: "
        "it counts as ended, never as complete."
    )
    assert explain(ms(COMPLETE, 2), ms(INCOMPLETE, 1), ms(INCOMPLETE, 1)) == (
        "The complete milestones weigh 2 out of 4: 50 % (rounded down). 2 milestones ended "
        "incomplete: they count as ended, never as complete."
    )


def test_the_explanation_for_residents_is_translatable():
    with translation.override("en"):
        assert "rounded down" in str(progress.PERCENT_EXPLANATION)
        assert "incomplete milestone counts as ended" in str(progress.PERCENT_EXPLANATION)
        assert "all its commitments" in str(progress.PLAN_PERCENT_EXPLANATION)


STATUS_SETS = [
    (),
    ("complete",),
    ("incomplete",),
    ("complete", "incomplete"),
    ("complete", "in_progress"),
    ("not_started",),
    ("blocked", "complete"),
]


def test_the_database_and_python_agree_on_completed(plan):
    """The commitment cap counts open commitments in SQL; the label uses ``all_ended``."""
    commitments = {
        statuses: make_commitment(plan, f"C{number}", statuses=statuses)
        for number, statuses in enumerate(STATUS_SETS)
    }
    open_pks = set(
        open_commitments(CommitmentPage.objects.child_of(plan)).values_list("pk", flat=True)
    )
    for statuses, commitment in commitments.items():
        completed = progress.all_ended(statuses)
        assert (commitment.pk not in open_pks) == completed, statuses
        label = progress.progress_label(
            [
                MilestoneFacts(s, datetime.date(2026, 1, 1), datetime.date(2026, 6, 1))
                for s in statuses
            ],
            datetime.date(2026, 3, 1),
        )
        finished = {ProgressLabel.COMPLETE, ProgressLabel.ENDED_INCOMPLETE}
        assert (label in finished) == completed, statuses
