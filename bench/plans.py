"""The content the benchmark renders: action plans of a chosen size, built with the ORM.

Pages are built the way ``load_example`` builds them (inline rows in the page's
constructor, checked with ``ogp_rule_errors``, then ``save_revision().publish()``),
so the milestone status history is written by the package's own signals, as it
is for an editor. Progress updates are published the same way, one by one.

Dates are relative to today: the 12 quarterly updates report on the 12 quarters
before the current one, so none is dated in the future, whenever this runs.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from ogp_wagtail import rules
from ogp_wagtail.choices import MilestoneStatus, OrganisationKind, StakeholderRole
from ogp_wagtail.models import (
    CommitmentPage,
    CommitmentStakeholder,
    Jurisdiction,
    Milestone,
    OGPValue,
    OpenGovernmentPage,
    Organisation,
    PlanEndorsement,
    PlanObjective,
    PolicyArea,
    ProgressUpdate,
    Sector,
    StrategicVisionPage,
    UpdateStatusChange,
)

PLAN_MONTHS = 48  # a four-year plan: room for 12 past quarters and work still to do
MILESTONE_SPACING_MONTHS = 2  # milestone n starts 2n months into the commitment...
MILESTONE_LENGTH_MONTHS = 6  # ...and ends in its sixth month
EXTRA_JURISDICTIONS = [("Vieux-Pont", "Belgium"), ("Sainte-Aure", "Belgium"), ("Ormeval", "France")]


class BuildError(Exception):
    """The benchmark's content breaks an OGP Local rule or the example site is missing."""


@dataclass(frozen=True)
class PlanShape:
    slug: str
    title: str
    commitments: int
    milestones: int  # per commitment
    updates: int  # per commitment, one a quarter


@dataclass
class BuiltPlan:
    plan: StrategicVisionPage
    commitments: list[CommitmentPage]


# -- dates ---------------------------------------------------------------------------


def quarter_start(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def plan_start(today):
    """The first day of the quarter 12 quarters before the current one."""
    return rules.add_months(quarter_start(today), -36)


def update_date(start, quarter):
    """The 15th of the middle month of the plan's ``quarter``-th quarter (0-based)."""
    return rules.add_months(start, 3 * quarter + 1).replace(day=15)


def milestone_months(start, position):
    first = rules.add_months(start, MILESTONE_SPACING_MONTHS * position)
    last_offset = min(
        MILESTONE_SPACING_MONTHS * position + MILESTONE_LENGTH_MONTHS - 1, PLAN_MONTHS - 1
    )
    return first, rules.add_months(start, last_offset)


# -- the snippets and pages the plans hang from -----------------------------------------


def example_hub():
    hub = OpenGovernmentPage.objects.live().first()
    if hub is None:
        raise BuildError("The example site has no open government hub: did load_example run?")
    return hub


def jurisdictions(hub):
    """The hub's own jurisdiction and three more: 3 or 4 jurisdictions allow 12 open commitments."""
    locale = hub.locale
    found = list(hub.jurisdictions.all())
    for name, country in EXTRA_JURISDICTIONS:
        jurisdiction, _created = Jurisdiction.objects.get_or_create(
            name=name, locale=locale, defaults={"country": country}
        )
        found.append(jurisdiction)
    return found[:4]


def organisations(locale):
    government = list(Organisation.objects.filter(locale=locale, kind=OrganisationKind.GOVERNMENT))
    others = list(
        Organisation.objects.filter(locale=locale).exclude(kind=OrganisationKind.GOVERNMENT)
    )
    if not government or not others:
        raise BuildError("The example site has no government or no civil society organisations.")
    return government, others


def terms(model, locale, count):
    return list(model.objects.filter(locale=locale).order_by("pk")[:count])


def publish_new(parent, page):
    """Add ``page`` under ``parent`` and publish it, if it breaks no OGP Local rule."""
    errors = page.ogp_rule_errors(parent)
    if errors:
        listed = "; ".join(str(error.violation) for error in errors)
        raise BuildError(f"The benchmark's {page.title!r} breaks the OGP Local rules: {listed}")
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# -- the baseline -----------------------------------------------------------------------------


def plain_page():
    """A plain page of the example site: its ``ResourcesPage`` holding a heading and a paragraph.

    Under the home page, in the site's own templates and menu. ``None`` when the example
    site has no such page type.
    """
    from django.apps import apps
    from wagtail.models import Site

    try:
        model = apps.get_model("home", "ResourcesPage")
    except LookupError:
        return None
    home = Site.objects.get(is_default_site=True).root_page
    page = model(
        title="A plain page",
        slug="bench-plain-page",
        body=[
            {"type": "heading", "value": "Opening hours"},
            {
                "type": "paragraph",
                "value": "<p>The Town Hall is open Monday to Friday, 8:30 to 16:30.</p>",
            },
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


# -- plans, commitments and updates ---------------------------------------------------------


@transaction.atomic  # a plan half built measures nothing; and one commit is faster than hundreds
def build_plan(shape, today=None):
    """A published plan of ``shape`` under the example hub, with its commitments and updates."""
    today = today or timezone.localdate()
    hub = example_hub()
    locale = hub.locale
    government, others = organisations(locale)
    start = plan_start(today)
    end = rules.add_months(start, PLAN_MONTHS) - datetime.timedelta(days=1)
    plan = publish_new(
        hub,
        StrategicVisionPage(
            title=shape.title,
            slug=shape.slug,
            start_date=start,
            end_date=end,
            mandate_end=rules.add_months(end, 12),
            jurisdictions=jurisdictions(hub),
            foreword=f"<p>The benchmark's plan {shape.title}.</p>",
            foreword_authors="The Open Government Forum",
            long_term_vision="<p>A town that shows its work.</p>",
            challenges="<p>Keeping twelve commitments on time.</p>",
            monitoring_body=others[0],
            monitoring_contact_name="Independent Monitor",
            introduction_letter=get_document_model().objects.first(),
            objectives=[
                PlanObjective(title=f"Objective {n + 1}", description="Why it matters.")
                for n in range(3)
            ],
            endorsements=[
                PlanEndorsement(organisation=organisation, endorsed_on=start)
                for organisation in others[:2]
            ],
        ),
    )
    plan = StrategicVisionPage.objects.get(pk=plan.pk)  # inline rows with their primary keys
    commitments = [
        build_commitment(plan, shape, number, government, others, today)
        for number in range(shape.commitments)
    ]
    return BuiltPlan(plan=plan, commitments=commitments)


def build_commitment(plan, shape, number, government, others, today):
    locale = plan.locale
    objectives = list(plan.objectives.all())
    plan_jurisdictions = list(plan.jurisdictions.all())
    milestones = []
    for position in range(shape.milestones):
        first, last = milestone_months(plan.start_date, position)
        milestones.append(
            Milestone(
                sort_order=position,
                description=f"Milestone {position + 1} of commitment {number + 1}: "
                "publish, consult, decide and report on one more piece of the work.",
                start_month=first,
                end_month=last,
                responsible_organisation=government[position % len(government)],
                contact=f"Officer {position + 1}",
                status=MilestoneStatus.NOT_STARTED,
            )
        )
    commitment = publish_new(
        plan,
        CommitmentPage(
            title=f"Commitment {number + 1} of {shape.title}",
            slug=f"commitment-{number + 1}",
            start_date=plan.start_date,
            end_date=plan.end_date,
            problem="<p>Residents cannot follow this part of the town's work.</p>",
            activities="<p>Publish it, every quarter, with the evidence.</p>",
            expected_results="<p>Anyone can check progress without asking.</p>",
            objective=objectives[number % len(objectives)],
            # Separate commitments of each jurisdiction, and every fourth one a joint one.
            jurisdiction=None if number % 4 == 3 else plan_jurisdictions[number % 4],
            policy_areas=terms(PolicyArea, locale, 2),
            sectors=terms(Sector, locale, 1),
            ogp_values=terms(OGPValue, locale, 2),
            budget=50_000 + 1_000 * number,
            staff=3,
            stakeholders=[
                CommitmentStakeholder(
                    role=StakeholderRole.LEAD_AGENCY,
                    organisation=government[number % len(government)],
                    contact_name="Lead Officer",
                ),
                CommitmentStakeholder(
                    role=StakeholderRole.IMPLEMENTER,
                    organisation=others[number % len(others)],
                    contact_name="Partner Contact",
                ),
            ],
            milestones=milestones,
        ),
    )
    # The rows as saved: status changes point at milestones by primary key.
    milestones = list(Milestone.objects.filter(page=commitment).order_by("sort_order"))
    for quarter in range(shape.updates):
        publish_update(commitment, milestones, quarter, plan.start_date, today)
    return commitment


def status_changes(milestones, quarter, start):
    """What an update on ``quarter`` reports: milestones that started or ended in it.

    Ends vary so every status shows up: most complete, some end incomplete and some
    are blocked (still open, so the commitment stays open).
    """
    first_month = rules.add_months(start, 3 * quarter)
    months = {rules.add_months(first_month, n) for n in range(3)}
    changes = []
    for position, milestone in enumerate(milestones):
        if milestone.start_month in months:
            changes.append((milestone, MilestoneStatus.IN_PROGRESS))
        elif milestone.end_month in months:
            if position % 7 == 3:
                status = MilestoneStatus.INCOMPLETE
            elif position % 5 == 4:
                status = MilestoneStatus.BLOCKED
            else:
                status = MilestoneStatus.COMPLETE
            changes.append((milestone, status))
    return changes


def publish_update(commitment, milestones, quarter, start, today):
    date = update_date(start, quarter)
    if date > today:
        raise BuildError(f"An update dated {date} would report on the future.")
    changes = status_changes(milestones, quarter, start)
    update = ProgressUpdate(
        commitment=commitment,
        date=date,
        live=False,
        progress=f"<p>Quarter {quarter + 1}: {len(changes)} milestones moved on.</p>",
        delay_reasons="<p>A supplier delivered late.</p>" if quarter % 3 == 2 else "",
        next_steps="<p>Prepare the next quarter's publication.</p>",
        status_changes=[
            UpdateStatusChange(milestone=milestone, status=status, sort_order=position)
            for position, (milestone, status) in enumerate(changes)
        ],
    )
    update.save()
    # Publishing sends the signal that writes the status history, as the admin does.
    update.save_revision().publish()
    return update
