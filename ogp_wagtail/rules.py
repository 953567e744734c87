"""The OGP Local rules, as plain functions over plain values.

Each ``check_*`` function returns a list of :class:`Violation` (empty when the
rule holds). Pages call them with the values an editor is about to publish;
nothing here touches the database, so every boundary is cheap to unit-test.

Dates of commitments and plans are inclusive calendar days; milestone
months are inclusive calendar months, given as any date within the month.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .calendar import add_months, first_of_month, last_day_of_years

MAX_POLICY_AREAS = 2
MAX_SECTORS = 2
MANDATE_MARGIN_MONTHS = 2
PLAN_MIN_YEARS = 1
PLAN_MAX_YEARS = 4
COMMITMENT_MIN_YEARS = 1
MAX_JOINT_JURISDICTIONS = 4


@dataclass(frozen=True)
class Rule:
    """One rule of the handbook: a stable code, a short statement, its section."""

    code: str
    statement: str | Promise
    reference: str | Promise


@dataclass(frozen=True)
class Violation:
    """A rule that the given values break, with what exactly is wrong."""

    rule: Rule
    detail: str

    @property
    def message(self):
        return gettext("%(statement)s (OGP Local handbook, %(reference)s): %(detail)s") % {
            "statement": self.rule.statement,
            "reference": self.rule.reference,
            "detail": self.detail,
        }

    def __str__(self):
        return self.message


POLICY_AREA_LIMIT = Rule(
    "policy-area-limit", _("A commitment has at most 2 policy areas"), _("annex 2, field 11")
)
SECTOR_LIMIT = Rule(
    "sector-limit", _("A commitment has at most 2 primary sectors"), _("annex 2, field 12")
)
MILESTONE_ORDER = Rule(
    "milestone-order", _("A milestone ends after it starts"), _("annex 2, field 17")
)
MILESTONE_WITHIN_COMMITMENT = Rule(
    "milestone-within-commitment",
    _("A milestone lies within its commitment's period"),
    _("annex 2, field 17"),
)
COMMITMENT_MIN_DURATION = Rule(
    "commitment-min-duration",
    _("A commitment lasts at least one calendar year"),
    _("section 3.2.1.2"),
)
COMMITMENT_WITHIN_PLAN = Rule(
    "commitment-within-plan",
    _("A commitment lies within its action plan's period"),
    _("section 3.2.1.2"),
)
PLAN_BEFORE_MANDATE_END = Rule(
    "plan-before-mandate-end",
    _("An action plan ends at least 2 months before the end of the mandate"),
    _("section 3.2"),
)
PLAN_DURATION_WITHOUT_MANDATE = Rule(
    "plan-duration-without-mandate",
    _("Without a mandate, an action plan lasts 1 to 4 years"),
    _("section 3.2"),
)
PLAN_ORDER = Rule("plan-order", _("An action plan ends after it starts"), _("section 3.2"))
COMMITMENT_CAP = Rule(
    "commitment-cap",
    _(
        "An action plan has at most 5 commitments not yet completed for 1 jurisdiction, "
        "10 for 2 and 12 for 3 or 4"
    ),
    _("sections 3.2 and 3.4"),
)
JURISDICTION_COUNT = Rule(
    "jurisdiction-count",
    _("An action plan covers 1 jurisdiction, or 2 to 4 for a joint plan"),
    _("section 3.4"),
)

LEAD_AGENCY_IS_GOVERNMENT = Rule(
    "lead-agency-is-government",
    _("A commitment's lead implementing agency is one government agency"),
    _("annex 2, field 3"),
)
IMPLEMENTER_IS_NON_GOVERNMENTAL = Rule(
    "implementer-is-non-governmental",
    _("A non-governmental implementer is not a government agency"),
    _("annex 2, field 4"),
)
ENDORSERS_ARE_NON_GOVERNMENTAL = Rule(
    "endorsers-are-non-governmental",
    _("An action plan is endorsed by non-governmental stakeholders"),
    _("section 3.3.1"),
)

UPDATE_WITHIN_COMMITMENT = Rule(
    "update-within-commitment",
    _("An update reports on its commitment's period"),
    _("section 3.5.4"),
)

ALL_RULES = [
    POLICY_AREA_LIMIT,
    SECTOR_LIMIT,
    MILESTONE_ORDER,
    MILESTONE_WITHIN_COMMITMENT,
    COMMITMENT_MIN_DURATION,
    COMMITMENT_WITHIN_PLAN,
    PLAN_ORDER,
    PLAN_BEFORE_MANDATE_END,
    PLAN_DURATION_WITHOUT_MANDATE,
    COMMITMENT_CAP,
    JURISDICTION_COUNT,
    LEAD_AGENCY_IS_GOVERNMENT,
    IMPLEMENTER_IS_NON_GOVERNMENTAL,
    ENDORSERS_ARE_NON_GOVERNMENTAL,
    UPDATE_WITHIN_COMMITMENT,
]


def _day(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


def _month(value: datetime.date) -> str:
    return date_format(value, "YEAR_MONTH_FORMAT")


# -- the rules ----------------------------------------------------------------


def check_policy_areas(count: int) -> list[Violation]:
    if count <= MAX_POLICY_AREAS:
        return []
    detail = gettext("%(count)d are selected.") % {"count": count}
    return [Violation(POLICY_AREA_LIMIT, detail)]


def check_sectors(count: int) -> list[Violation]:
    if count <= MAX_SECTORS:
        return []
    detail = gettext("%(count)d are selected.") % {"count": count}
    return [Violation(SECTOR_LIMIT, detail)]


def check_milestone_period(
    start_month: datetime.date,
    end_month: datetime.date,
    commitment_start: datetime.date | None = None,
    commitment_end: datetime.date | None = None,
) -> list[Violation]:
    """Months are inclusive: a milestone may start and end in the same month."""
    violations = []
    start, end = first_of_month(start_month), first_of_month(end_month)
    if end < start:
        detail = gettext("it ends in %(end)s, before it starts in %(start)s.") % {
            "end": _month(end),
            "start": _month(start),
        }
        violations.append(Violation(MILESTONE_ORDER, detail))
    if commitment_start and start < first_of_month(commitment_start):
        detail = gettext("it starts in %(start)s, before the commitment starts on %(day)s.") % {
            "start": _month(start),
            "day": _day(commitment_start),
        }
        violations.append(Violation(MILESTONE_WITHIN_COMMITMENT, detail))
    if commitment_end and end > first_of_month(commitment_end):
        detail = gettext("it ends in %(end)s, after the commitment ends on %(day)s.") % {
            "end": _month(end),
            "day": _day(commitment_end),
        }
        violations.append(Violation(MILESTONE_WITHIN_COMMITMENT, detail))
    return violations


def check_update_date(
    day: datetime.date, commitment_start: datetime.date, commitment_end: datetime.date
) -> list[Violation]:
    """A progress update is dated within its commitment, first and last days included."""
    if commitment_start <= day <= commitment_end:
        return []
    detail = gettext("it is dated %(day)s, but the commitment runs from %(start)s to %(end)s.") % {
        "day": _day(day),
        "start": _day(commitment_start),
        "end": _day(commitment_end),
    }
    return [Violation(UPDATE_WITHIN_COMMITMENT, detail)]


def check_commitment_period(
    start: datetime.date,
    end: datetime.date,
    plan_start: datetime.date | None = None,
    plan_end: datetime.date | None = None,
) -> list[Violation]:
    violations = []
    earliest_end = last_day_of_years(start, COMMITMENT_MIN_YEARS)
    if end < earliest_end:
        detail = gettext(
            "it runs from %(start)s to %(end)s; starting then, it must end on %(earliest)s "
            "or later."
        ) % {"start": _day(start), "end": _day(end), "earliest": _day(earliest_end)}
        violations.append(Violation(COMMITMENT_MIN_DURATION, detail))
    if plan_start and start < plan_start:
        detail = gettext("it starts on %(start)s, before the plan starts on %(plan_start)s.") % {
            "start": _day(start),
            "plan_start": _day(plan_start),
        }
        violations.append(Violation(COMMITMENT_WITHIN_PLAN, detail))
    if plan_end and end > plan_end:
        detail = gettext("it ends on %(end)s, after the plan ends on %(plan_end)s.") % {
            "end": _day(end),
            "plan_end": _day(plan_end),
        }
        violations.append(Violation(COMMITMENT_WITHIN_PLAN, detail))
    return violations


def latest_plan_end(mandate_end: datetime.date) -> datetime.date:
    """The last day an action plan may end on, given the end of the mandate."""
    return add_months(mandate_end, -MANDATE_MARGIN_MONTHS)


def check_plan_period(
    start: datetime.date, end: datetime.date, mandate_end: datetime.date | None = None
) -> list[Violation]:
    if end <= start:
        detail = gettext("it starts on %(start)s and ends on %(end)s.") % {
            "start": _day(start),
            "end": _day(end),
        }
        return [Violation(PLAN_ORDER, detail)]
    if mandate_end:
        latest = latest_plan_end(mandate_end)
        if end > latest:
            detail = gettext(
                "the mandate ends on %(mandate_end)s, so the plan must end on %(latest)s or "
                "earlier, not %(end)s."
            ) % {"mandate_end": _day(mandate_end), "latest": _day(latest), "end": _day(end)}
            return [Violation(PLAN_BEFORE_MANDATE_END, detail)]
        return []
    earliest = last_day_of_years(start, PLAN_MIN_YEARS)
    latest = last_day_of_years(start, PLAN_MAX_YEARS)
    if not earliest <= end <= latest:
        detail = gettext(
            "starting on %(start)s, it must end between %(earliest)s and %(latest)s, "
            "not on %(end)s."
        ) % {
            "start": _day(start),
            "earliest": _day(earliest),
            "latest": _day(latest),
            "end": _day(end),
        }
        return [Violation(PLAN_DURATION_WITHOUT_MANDATE, detail)]
    return []


def commitment_cap(jurisdiction_count: int) -> int:
    """How many commitments not yet completed a plan may hold at one time."""
    if jurisdiction_count <= 1:
        return 5
    if jurisdiction_count == 2:
        return 10
    return 12


def check_open_commitments(open_count: int, jurisdiction_count: int) -> list[Violation]:
    cap = commitment_cap(jurisdiction_count)
    if open_count <= cap:
        return []
    detail = gettext(
        "publishing this would make %(count)d commitments not yet completed, and this plan "
        "with %(jurisdictions)d jurisdiction(s) may have %(cap)d."
    ) % {"count": open_count, "jurisdictions": max(jurisdiction_count, 1), "cap": cap}
    return [Violation(COMMITMENT_CAP, detail)]


def check_jurisdiction_count(count: int) -> list[Violation]:
    if 1 <= count <= MAX_JOINT_JURISDICTIONS:
        return []
    detail = gettext("%(count)d are selected.") % {"count": count}
    return [Violation(JURISDICTION_COUNT, detail)]


def check_lead_agencies(lead_agencies_are_government: list[bool]) -> list[Violation]:
    """Given, for each organisation named as lead agency, whether it is a government agency."""
    violations = []
    if len(lead_agencies_are_government) > 1:
        detail = gettext("%(count)d are named.") % {"count": len(lead_agencies_are_government)}
        violations.append(Violation(LEAD_AGENCY_IS_GOVERNMENT, detail))
    if not all(lead_agencies_are_government):
        detail = gettext("the organisation named is not a government agency.")
        violations.append(Violation(LEAD_AGENCY_IS_GOVERNMENT, detail))
    return violations


def check_implementer(is_government: bool) -> list[Violation]:
    if not is_government:
        return []
    detail = gettext("the organisation named is a government agency.")
    return [Violation(IMPLEMENTER_IS_NON_GOVERNMENTAL, detail)]


def check_endorser(is_government: bool) -> list[Violation]:
    if not is_government:
        return []
    detail = gettext("the organisation named is a government agency.")
    return [Violation(ENDORSERS_ARE_NON_GOVERNMENTAL, detail)]
