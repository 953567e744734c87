"""Each OGP Local rule at its boundary, as plain functions (no database)."""

import datetime

import pytest

from ogp_wagtail import rules
from ogp_wagtail.calendar import add_months, last_day_of_years

d = datetime.date


def codes(violations):
    return [violation.rule.code for violation in violations]


@pytest.mark.parametrize(("count", "broken"), [(0, False), (2, False), (3, True)])
def test_policy_areas_at_most_two(count, broken):
    assert codes(rules.check_policy_areas(count)) == (["policy-area-limit"] if broken else [])


@pytest.mark.parametrize(("count", "broken"), [(0, False), (2, False), (3, True)])
def test_sectors_at_most_two(count, broken):
    assert codes(rules.check_sectors(count)) == (["sector-limit"] if broken else [])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (d(2026, 3, 1), d(2026, 3, 1), []),  # a one-month milestone
        (d(2026, 3, 1), d(2026, 4, 1), []),
        (d(2026, 3, 1), d(2026, 2, 1), ["milestone-order"]),
        (d(2026, 3, 31), d(2026, 3, 1), []),  # days within a month do not matter
    ],
)
def test_milestone_ends_after_it_starts(start, end, expected):
    assert codes(rules.check_milestone_period(start, end)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (d(2026, 1, 1), d(2027, 12, 1), []),  # the commitment's first and last months
        (d(2025, 12, 1), d(2027, 12, 1), ["milestone-within-commitment"]),
        (d(2026, 1, 1), d(2028, 1, 1), ["milestone-within-commitment"]),
        (d(2025, 12, 1), d(2028, 1, 1), ["milestone-within-commitment"] * 2),
    ],
)
def test_milestone_lies_within_its_commitment(start, end, expected):
    commitment = (d(2026, 1, 15), d(2027, 12, 15))
    assert codes(rules.check_milestone_period(start, end, *commitment)) == expected


@pytest.mark.parametrize(
    ("start", "end", "broken"),
    [
        (d(2026, 1, 1), d(2026, 12, 31), False),  # exactly one calendar year
        (d(2026, 1, 1), d(2026, 12, 30), True),
        (d(2026, 3, 15), d(2027, 3, 14), False),
        (d(2026, 3, 15), d(2027, 3, 13), True),
        (d(2024, 2, 29), d(2025, 2, 28), False),  # leap day: the year ends on 28 February
        (d(2024, 2, 29), d(2025, 2, 27), True),
        (d(2026, 1, 1), d(2025, 1, 1), True),
    ],
)
def test_commitment_lasts_at_least_one_calendar_year(start, end, broken):
    expected = ["commitment-min-duration"] if broken else []
    assert codes(rules.check_commitment_period(start, end)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (d(2026, 1, 1), d(2028, 6, 30), []),  # exactly the plan's period
        (d(2025, 12, 31), d(2028, 6, 30), ["commitment-within-plan"]),
        (d(2026, 1, 1), d(2028, 7, 1), ["commitment-within-plan"]),
    ],
)
def test_commitment_lies_within_its_plan(start, end, expected):
    assert codes(rules.check_commitment_period(start, end, d(2026, 1, 1), d(2028, 6, 30))) == (
        expected
    )


@pytest.mark.parametrize(
    ("end", "mandate_end", "broken"),
    [
        (d(2028, 4, 30), d(2028, 6, 30), False),  # exactly 2 months before
        (d(2028, 5, 1), d(2028, 6, 30), True),
        (d(2028, 2, 29), d(2028, 4, 30), False),  # clamped to the end of February
        (d(2028, 3, 1), d(2028, 4, 30), True),
        (d(2028, 10, 31), d(2028, 12, 31), False),
        (d(2028, 11, 1), d(2028, 12, 31), True),
    ],
)
def test_plan_ends_two_months_before_the_mandate(end, mandate_end, broken):
    expected = ["plan-before-mandate-end"] if broken else []
    assert codes(rules.check_plan_period(d(2026, 1, 1), end, mandate_end)) == expected


@pytest.mark.parametrize(
    ("end", "broken"),
    [
        (d(2026, 12, 31), False),  # 1 year
        (d(2026, 12, 30), True),
        (d(2029, 12, 31), False),  # 4 years
        (d(2030, 1, 1), True),
    ],
)
def test_plan_without_mandate_lasts_one_to_four_years(end, broken):
    expected = ["plan-duration-without-mandate"] if broken else []
    assert codes(rules.check_plan_period(d(2026, 1, 1), end)) == expected


@pytest.mark.parametrize("end", [d(2026, 1, 1), d(2025, 6, 1)])
def test_plan_ends_after_it_starts(end):
    assert codes(rules.check_plan_period(d(2026, 1, 1), end, d(2030, 1, 1))) == ["plan-order"]


@pytest.mark.parametrize(("jurisdictions", "allowed"), [(1, 5), (2, 10), (3, 12), (4, 12)])
def test_commitment_cap_by_number_of_jurisdictions(jurisdictions, allowed):
    assert rules.commitment_cap(jurisdictions) == allowed
    assert rules.check_open_commitments(allowed, jurisdictions) == []
    assert codes(rules.check_open_commitments(allowed + 1, jurisdictions)) == ["commitment-cap"]


@pytest.mark.parametrize(
    ("count", "broken"), [(0, True), (1, False), (2, False), (4, False), (5, True)]
)
def test_a_plan_covers_one_to_four_jurisdictions(count, broken):
    assert codes(rules.check_jurisdiction_count(count)) == (
        ["jurisdiction-count"] if broken else []
    )


def test_message_names_the_rule_and_its_section():
    (violation,) = rules.check_policy_areas(3)
    assert "A commitment has at most 2 policy areas" in violation.message
    assert "annex 2, field 11" in violation.message
    assert "3 are selected" in violation.message


def test_every_rule_has_a_unique_code():
    assert len({rule.code for rule in rules.ALL_RULES}) == len(rules.ALL_RULES)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (d(2026, 1, 31), 1, d(2026, 2, 28)),
        (d(2028, 4, 30), -2, d(2028, 2, 29)),
        (d(2026, 12, 15), 1, d(2027, 1, 15)),
        (d(2026, 1, 15), -1, d(2025, 12, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_dates_at_the_ends_of_the_calendar_do_not_crash():
    assert add_months(d(1, 1, 31), -2) == datetime.date.min
    assert add_months(d(9999, 12, 1), 1) == datetime.date.max
    assert last_day_of_years(d(9999, 3, 1), 1) == datetime.date.max
    assert codes(rules.check_commitment_period(d(9999, 3, 1), d(9999, 12, 30))) == [
        "commitment-min-duration"
    ]
    assert codes(rules.check_plan_period(d(1, 1, 1), d(1, 6, 1), d(1, 2, 1))) == [
        "plan-before-mandate-end"
    ]


@pytest.mark.parametrize(
    ("leads", "expected"),
    [
        ([], []),
        ([True], []),
        ([False], ["lead-agency-is-government"]),
        ([True, True], ["lead-agency-is-government"]),
    ],
)
def test_one_government_lead_agency(leads, expected):
    assert codes(rules.check_lead_agencies(leads)) == expected


def test_implementers_and_endorsers_are_non_governmental():
    assert rules.check_implementer(False) == rules.check_endorser(False) == []
    assert codes(rules.check_implementer(True)) == ["implementer-is-non-governmental"]
    assert codes(rules.check_endorser(True)) == ["endorsers-are-non-governmental"]
