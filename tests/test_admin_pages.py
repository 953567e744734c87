"""Each page type created and edited through the Wagtail admin, as an editor does.

An editor of the Moderators group posts the real page editor forms. Publishing
applies the OGP Local rules (``ogp_wagtail.rules``); saving a draft does not;
data validation (a source for evidence, a consultation that closes after it
opens, a place for a meeting...) always applies; bad input never 500s.
Where each page type may be created is in test_page_tree.py.
"""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from ogp_wagtail import rules
from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    EvidenceFolderPage,
    Jurisdiction,
    OGPValue,
    OpenGovernmentPage,
    PlanObjective,
    PolicyArea,
    Sector,
    StrategicVisionPage,
)
from tests.admin_forms import (
    add_url,
    advance_document,
    amendment,
    assert_invalid,
    assert_refused,
    assert_saved,
    commitment_data,
    commitment_edit_data,
    consultation_data,
    consultation_input,
    edit_url,
    endorsement,
    evidence_data,
    evidence_item,
    existing_rows,
    hub_data,
    make_document,
    make_plan,
    meeting,
    milestone,
    objective,
    page_text,
    pks,
    plan_data,
    plan_edit_data,
    publish,
    reload,
    resulting_commitment,
    rich_text,
    save_draft,
    stakeholder,
)
from tests.conftest import make_commitment


@pytest.fixture
def jurisdictions(jurisdiction, locale_en):
    """Five jurisdictions of one country, the ``jurisdiction`` fixture first."""
    others = [
        Jurisdiction.objects.create(name=f"Town {n}", country="France", locale=locale_en)
        for n in range(2, 6)
    ]
    return [jurisdiction, *others]


@pytest.fixture
def document(db):
    return make_document("Forum minutes.pdf")


def revision_count(page):
    return reload(page).revisions.count()


def commitment_named(slug="open-budget-data"):
    return CommitmentPage.objects.filter(slug=slug).first()


def plan_named(slug="action-plan"):
    return StrategicVisionPage.objects.filter(slug=slug).first()


def assert_outcome(response, accepted, rule, page):
    """Accepted: published. Refused: the rule is named and nothing was stored."""
    if accepted:
        assert_saved(response)
        assert page() is not None and page().live
    else:
        assert_refused(response, rule)
        assert page() is None


# == 1. Each page type created, published, edited and published again ==================


def test_hub_is_created_and_edited(editor_client, home, jurisdictions, organisation):
    response = publish(
        editor_client,
        add_url(OpenGovernmentPage, home),
        hub_data(jurisdictions[:1], lead_agency=organisation.pk, contact_title="Coordinator"),
    )
    assert_saved(response)
    hub = OpenGovernmentPage.objects.get(slug="open-government")
    assert hub.live and not hub.has_unpublished_changes
    assert list(hub.jurisdictions.all()) == jurisdictions[:1]
    assert hub.member_status == "active"
    assert hub.member_since == datetime.date(2024, 5, 1)
    assert hub.lead_agency == organisation
    assert (hub.contact_name, hub.contact_title) == ("Ada Lovelace", "Coordinator")
    assert "Our open government work." in hub.introduction

    data = hub_data(
        jurisdictions[:2],
        title="Open government",
        slug=hub.slug,
        member_status="under_review",
        lead_agency=organisation.pk,
        contact_name="Grace Hopper",
    )
    assert_saved(publish(editor_client, edit_url(hub), data))
    hub = reload(hub)
    assert hub.live and not hub.has_unpublished_changes
    assert hub.member_status == "under_review"
    assert hub.contact_name == "Grace Hopper"
    assert set(hub.jurisdictions.all()) == set(jurisdictions[:2])
    assert hub.revisions.count() == 2


def test_plan_is_created_and_edited(editor_client, hub, jurisdiction, organisation, ngo, document):
    data = plan_data(
        [jurisdiction],
        objectives=[
            objective("A transparent budget"),
            objective("Open contracting", description="Every contract online"),
        ],
        endorsements=[endorsement(ngo)],
        introduction_letter=document.pk,
        monitoring_body=organisation.pk,
        monitoring_contact_email="monitor@example.org",
        participant_group_count="12",
        cocreation_meeting_count="4",
        online_consultation_url="https://consult.example.org/plan",
        long_term_vision=rich_text("<p>An open city.</p>"),
    )
    assert_saved(publish(editor_client, add_url(StrategicVisionPage, hub), data))
    plan = plan_named()
    assert plan.live
    assert (plan.start_date, plan.end_date, plan.mandate_end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2028, 6, 30),
        datetime.date(2028, 12, 31),
    )
    assert list(plan.jurisdictions.all()) == [jurisdiction]
    assert [o.title for o in plan.objectives.all()] == ["A transparent budget", "Open contracting"]
    assert plan.objectives.all()[1].description == "Every contract online"
    assert [(e.organisation, e.endorsed_on) for e in plan.endorsements.all()] == [
        (ngo, datetime.date(2025, 12, 1))
    ]
    assert plan.introduction_letter == document
    assert plan.monitoring_body == organisation
    assert (plan.participant_group_count, plan.cocreation_meeting_count) == (12, 4)
    assert "Together." in plan.foreword
    assert "An open city." in plan.long_term_vision

    kept = plan.objectives.all()[0]
    objectives = existing_rows(plan, "objectives")
    objectives[0]["title"] = "A readable budget"
    objectives[1]["DELETE"] = "1"
    endorsements = existing_rows(plan, "endorsements")
    endorsements[0]["endorsed_on"] = "2025-12-15"
    data = plan_data(
        [jurisdiction],
        objectives=[*objectives, objective("Participatory budgeting")],
        endorsements=endorsements,
        title=plan.title,
        slug=plan.slug,
        end_date="2028-09-30",
    )
    assert_saved(publish(editor_client, edit_url(plan), data))
    plan = reload(plan)
    assert plan.live and not plan.has_unpublished_changes
    assert plan.end_date == datetime.date(2028, 9, 30)
    assert [o.title for o in plan.objectives.all()] == [
        "A readable budget",
        "Participatory budgeting",
    ]
    assert plan.objectives.all()[0].pk == kept.pk
    assert plan.endorsements.get().endorsed_on == datetime.date(2025, 12, 15)


def test_commitment_is_created_and_edited(editor_client, plan, organisation, ngo, jurisdiction):
    policy_areas = PolicyArea.objects.filter(code__in=["open-data", "fiscal-openness"])
    sectors = Sector.objects.filter(code__in=["public-services", "cross-sectoral"])
    values = OGPValue.objects.filter(code="access-to-information")
    data = commitment_data(
        milestones=[
            milestone(
                "Inventory of datasets",
                "2026-01",
                "2026-03",
                "in_progress",
                responsible_organisation=organisation.pk,
                contact="Ada",
            ),
            milestone("Open data portal", "2026-04", "2026-12"),
            milestone("Yearly report", "2027-01", "2027-12"),
        ],
        stakeholders=[stakeholder(organisation), stakeholder(ngo, "implementer")],
        amendments=[amendment()],
        objective=reload(plan).objectives.get().pk,
        jurisdiction=jurisdiction.pk,
        policy_areas=pks(policy_areas),
        sectors=pks(sectors),
        ogp_values=pks(values),
    )
    assert_saved(publish(editor_client, add_url(CommitmentPage, plan), data))
    commitment = commitment_named()
    assert commitment.live and commitment.get_parent().pk == plan.pk
    assert (commitment.start_date, commitment.end_date) == (
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
    )
    assert [
        (m.description, m.start_month, m.end_month, m.status) for m in commitment.milestones.all()
    ] == [
        (
            "Inventory of datasets",
            datetime.date(2026, 1, 1),
            datetime.date(2026, 3, 1),
            "in_progress",
        ),
        ("Open data portal", datetime.date(2026, 4, 1), datetime.date(2026, 12, 1), "not_started"),
        ("Yearly report", datetime.date(2027, 1, 1), datetime.date(2027, 12, 1), "not_started"),
    ]
    first = commitment.milestones.first()
    assert (first.responsible_organisation, first.contact) == (organisation, "Ada")
    assert [(s.organisation, s.role) for s in commitment.stakeholders.all()] == [
        (organisation, "lead_agency"),
        (ngo, "implementer"),
    ]
    assert commitment.stakeholders.first().contact_email == "grace@example.org"
    assert [a.change for a in commitment.amendments.all()] == ["New schedule for milestone 2"]
    assert commitment.objective == reload(plan).objectives.get()
    assert commitment.jurisdiction == jurisdiction
    assert set(commitment.policy_areas.all()) == set(policy_areas)
    assert set(commitment.sectors.all()) == set(sectors)
    assert list(commitment.ogp_values.all()) == list(values)
    assert (commitment.budget, commitment.budget_currency) == (Decimal("12000.50"), "EUR")
    assert (commitment.staff, commitment.duration_months) == (3, 24)
    assert commitment.resources_secured == "partially"

    # The editor tries to mark the first milestone complete (a recorded status changes
    # only through a progress update), drops the second, adds one, logs the change
    # and removes the implementer.
    milestones = existing_rows(commitment, "milestones")
    milestones[0]["status"] = "complete"
    milestones[1]["DELETE"] = "1"
    stakeholders = existing_rows(commitment, "stakeholders")
    stakeholders[1]["DELETE"] = "1"
    data = commitment_edit_data(
        commitment,
        milestones=[*milestones, milestone("Evaluation", "2027-06", "2027-12")],
        stakeholders=stakeholders,
        amendments=[*existing_rows(commitment, "amendments"), amendment("Milestone 2 dropped")],
        budget="15000",
    )
    assert_saved(publish(editor_client, edit_url(commitment), data))
    commitment = reload(commitment)
    assert commitment.live and not commitment.has_unpublished_changes
    assert [(m.description, m.status) for m in commitment.milestones.all()] == [
        ("Inventory of datasets", "in_progress"),
        ("Yearly report", "not_started"),
        ("Evaluation", "not_started"),
    ]
    assert commitment.milestones.first().pk == first.pk
    assert [a.change for a in commitment.amendments.all()] == [
        "New schedule for milestone 2",
        "Milestone 2 dropped",
    ]
    assert [s.organisation for s in commitment.stakeholders.all()] == [organisation]
    assert commitment.budget == Decimal("15000")
    assert set(commitment.policy_areas.all()) == set(policy_areas)


def test_evidence_folder_of_a_commitment_is_created_and_edited(editor_client, plan, document):
    commitment = make_commitment(plan, "Open budget data")
    tracked = commitment.milestones.get()
    data = evidence_data(
        items=[
            evidence_item("Minutes of the forum", document=document.pk),
            evidence_item("Published dataset", "technical", link="https://data.example.org/budget"),
            evidence_item(
                "Milestone report",
                "monitoring",
                link="https://example.org/report",
                milestone=tracked.pk,
            ),
        ],
        title="Evidence of the commitment",
    )
    assert_saved(publish(editor_client, add_url(EvidenceFolderPage, commitment), data))
    folder = EvidenceFolderPage.objects.get(slug="evidence-of-the-commitment")
    assert folder.live and folder.get_parent().pk == commitment.pk
    items = list(folder.items.all())
    assert [(i.title, i.kind, i.date) for i in items] == [
        ("Minutes of the forum", "minutes_decisions", datetime.date(2026, 2, 10)),
        ("Published dataset", "technical", datetime.date(2026, 2, 10)),
        ("Milestone report", "monitoring", datetime.date(2026, 2, 10)),
    ]
    assert items[0].document == document and items[0].link == ""
    assert items[0].url == document.url
    with items[0].document.file.open() as stored:
        assert stored.read() == b"%PDF-1.4 minutes"
    assert items[1].document is None and items[1].url == "https://data.example.org/budget"
    assert items[2].milestone == tracked
    assert list(tracked.evidence.all()) == [items[2]]

    # Rename the document item, drop the link, add a second document.
    report = make_document("Audit report.pdf", b"%PDF-1.4 audit")
    rows = existing_rows(folder, "items")
    rows[0]["title"] = "Minutes of the first forum"
    rows[1]["DELETE"] = "1"
    data = evidence_data(
        items=[*rows, evidence_item("Audit", "audit", document=report.pk, date="2026-05-02")],
        title=folder.title,
        slug=folder.slug,
    )
    assert_saved(publish(editor_client, edit_url(folder), data))
    folder = reload(folder)
    assert folder.live and not folder.has_unpublished_changes
    assert [(i.title, i.document, i.milestone) for i in folder.items.all()] == [
        ("Minutes of the first forum", document, None),
        ("Milestone report", None, tracked),
        ("Audit", report, None),
    ]


def test_evidence_keeps_its_milestone_when_the_commitment_is_edited(editor_client, plan):
    commitment = make_commitment(plan, "Open budget data", statuses=("in_progress", "not_started"))
    tracked, dropped = commitment.milestones.all()
    data = evidence_data(
        items=[evidence_item("Report", link="https://example.org/r", milestone=tracked.pk)]
    )
    assert_saved(publish(editor_client, add_url(EvidenceFolderPage, commitment), data))

    milestones = existing_rows(commitment, "milestones")
    milestones[1]["DELETE"] = "1"
    data = commitment_edit_data(commitment, milestones=milestones, title="Open budget")
    assert_saved(publish(editor_client, edit_url(commitment), data))
    tracked.refresh_from_db()
    assert tracked.status == "in_progress"
    assert tracked.evidence.get().title == "Report"
    assert not commitment.milestones.filter(pk=dropped.pk).exists()


def test_evidence_folder_of_the_plan_is_created(editor_client, plan, document):
    data = evidence_data(
        items=[evidence_item("Co-creation calendar", "timeline_invitation", document=document.pk)],
        title="Plan development",
    )
    assert_saved(publish(editor_client, add_url(EvidenceFolderPage, plan), data))
    folder = EvidenceFolderPage.objects.get(slug="plan-development")
    assert folder.live and folder.get_parent().pk == plan.pk
    assert folder.items.get().document == document


@pytest.mark.parametrize("parent_name", ["hub", "plan"])
def test_consultation_is_created_and_edited(editor_client, request, parent_name, plan, document):
    parent = request.getfixturevalue(parent_name)
    first = make_commitment(plan, "Open budget data")
    second = make_commitment(plan, "Open contracting")
    data = consultation_data(
        meetings=[
            meeting(),
            meeting(
                "2026-02-24 18:30", "online", place="", online_url="https://meet.example.org/a"
            ),
            meeting(
                "2026-03-03 18:00",
                "hybrid",
                online_url="https://meet.example.org/b",
                minutes=document.pk,
            ),
        ],
        advance_documents=[advance_document(document)],
        input_outcomes=[
            consultation_input(),
            consultation_input("Rename the plan", "rejected", reason="Out of scope"),
        ],
        resulting_commitments=[resulting_commitment(first)],
        feedback_summary=rich_text("<p>Most proposals were kept.</p>"),
    )
    assert_saved(publish(editor_client, add_url(ConsultationPage, parent), data))
    consultation = ConsultationPage.objects.get(slug="co-creation-of-the-plan")
    assert consultation.live and consultation.get_parent().pk == parent.pk
    assert consultation.stage == "plan_cocreation"
    assert consultation.opens_at == datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC)
    assert consultation.closes_at == datetime.datetime(2026, 3, 15, 18, 0, tzinfo=datetime.UTC)
    assert [(m.format, m.place, m.online_url) for m in consultation.meetings.all()] == [
        ("in_person", "Town hall", ""),
        ("online", "", "https://meet.example.org/a"),
        ("hybrid", "Town hall", "https://meet.example.org/b"),
    ]
    assert consultation.meetings.all()[2].minutes == document
    assert consultation.meetings.first().attendee_count == 40
    assert [(d.title, d.document) for d in consultation.advance_documents.all()] == [
        ("Draft plan", document)
    ]
    assert [(i.suggestion, i.outcome) for i in consultation.input_outcomes.all()] == [
        ("Publish contracts", "included"),
        ("Rename the plan", "rejected"),
    ]
    assert [c.commitment_id for c in consultation.resulting_commitments.all()] == [first.pk]
    assert "Most proposals were kept." in consultation.feedback_summary

    meetings = existing_rows(consultation, "meetings")
    meetings[1]["DELETE"] = "1"
    inputs = existing_rows(consultation, "input_outcomes")
    inputs[1]["outcome"] = "modified"
    data = consultation_data(
        meetings=meetings,
        advance_documents=existing_rows(consultation, "advance_documents"),
        input_outcomes=inputs,
        resulting_commitments=[
            *existing_rows(consultation, "resulting_commitments"),
            resulting_commitment(second),
        ],
        title=consultation.title,
        slug=consultation.slug,
        closes_at="2026-03-31 18:00",
    )
    assert_saved(publish(editor_client, edit_url(consultation), data))
    consultation = reload(consultation)
    assert consultation.live and not consultation.has_unpublished_changes
    assert consultation.closes_at == datetime.datetime(2026, 3, 31, 18, 0, tzinfo=datetime.UTC)
    assert [m.format for m in consultation.meetings.all()] == ["in_person", "hybrid"]
    assert [i.outcome for i in consultation.input_outcomes.all()] == ["included", "modified"]
    assert [c.commitment_id for c in consultation.resulting_commitments.all()] == [
        first.pk,
        second.pk,
    ]


def test_edit_form_posted_back_unchanged_publishes_the_same_commitment(editor_client, plan):
    """What the editor's browser sends back from the rendered form (months as YYYY-MM)."""
    commitment = make_commitment(plan, "Open budget data", statuses=("in_progress", "complete"))
    before = [(m.pk, m.start_month, m.end_month, m.status) for m in commitment.milestones.all()]
    response = editor_client.get(edit_url(commitment))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data["milestones-0-start_month"] == "2026-01"
    data["action-publish"] = "action-publish"
    assert_saved(editor_client.post(edit_url(commitment), data))
    commitment = reload(commitment)
    assert commitment.revisions.count() == 2
    assert [
        (m.pk, m.start_month, m.end_month, m.status) for m in commitment.milestones.all()
    ] == before


# == 2. Each OGP Local rule, refused on publish at its boundary ========================


@pytest.mark.parametrize("count, accepted", [(2, True), (3, False)])
def test_policy_areas(editor_client, plan, count, accepted):
    data = commitment_data(policy_areas=pks(PolicyArea.objects.all()[:count]))
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.POLICY_AREA_LIMIT, commitment_named)
    if accepted:
        assert commitment_named().policy_areas.count() == count


@pytest.mark.parametrize("count, accepted", [(2, True), (3, False)])
def test_sectors(editor_client, plan, count, accepted):
    data = commitment_data(sectors=pks(Sector.objects.all()[:count]))
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.SECTOR_LIMIT, commitment_named)
    if accepted:
        assert commitment_named().sectors.count() == count


@pytest.mark.parametrize(
    "start, end, accepted",
    [("2026-05", "2026-04", False), ("2026-05", "2026-05", True), ("2026-05", "2026-06", True)],
)
def test_milestone_ends_after_it_starts(editor_client, plan, start, end, accepted):
    data = commitment_data(milestones=[milestone(start=start, end=end)])
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.MILESTONE_ORDER, commitment_named)


@pytest.mark.parametrize(
    "start, end, accepted",
    [
        ("2026-02", "2026-06", False),  # starts the month before the commitment
        ("2026-03", "2026-06", True),  # starts in the commitment's first month
        ("2027-01", "2027-10", False),  # ends the month after the commitment
        ("2027-01", "2027-09", True),  # ends in the commitment's last month
        ("2026-03", "2027-09", True),  # spans the whole commitment
    ],
)
def test_milestone_lies_within_its_commitment(editor_client, plan, start, end, accepted):
    data = commitment_data(
        start_date="2026-03-15",
        end_date="2027-09-20",
        milestones=[milestone(start=start, end=end)],
    )
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.MILESTONE_WITHIN_COMMITMENT, commitment_named)


@pytest.mark.parametrize(
    "start, end, accepted",
    [
        ("2026-01-01", "2026-12-30", False),
        ("2026-01-01", "2026-12-31", True),
        ("2026-03-15", "2027-03-13", False),
        ("2026-03-15", "2027-03-14", True),
    ],
)
def test_commitment_lasts_at_least_one_calendar_year(editor_client, plan, start, end, accepted):
    data = commitment_data(
        start_date=start, end_date=end, milestones=[milestone(start=start[:7], end=start[:7])]
    )
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.COMMITMENT_MIN_DURATION, commitment_named)


@pytest.mark.parametrize(
    "start, end, accepted",
    [
        ("2025-12-31", "2027-12-31", False),  # the plan starts on 2026-01-01
        ("2026-01-01", "2028-06-30", True),  # the plan's own dates
        ("2026-07-01", "2028-07-01", False),  # the plan ends on 2028-06-30
    ],
)
def test_commitment_lies_within_its_plan(editor_client, plan, start, end, accepted):
    data = commitment_data(
        start_date=start, end_date=end, milestones=[milestone(start=start[:7], end=start[:7])]
    )
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_outcome(response, accepted, rules.COMMITMENT_WITHIN_PLAN, commitment_named)


@pytest.mark.parametrize(
    "mandate_end, end, accepted",
    [
        ("2028-12-31", "2028-11-01", False),
        ("2028-12-31", "2028-10-31", True),
        ("2028-04-30", "2028-03-01", False),
        ("2028-04-30", "2028-02-29", True),  # two months before 30 April is 29 February
    ],
)
def test_plan_ends_two_months_before_the_mandate(
    editor_client, hub, jurisdiction, mandate_end, end, accepted
):
    data = plan_data([jurisdiction], mandate_end=mandate_end, end_date=end)
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_outcome(response, accepted, rules.PLAN_BEFORE_MANDATE_END, plan_named)


@pytest.mark.parametrize(
    "end, accepted",
    [
        ("2026-12-30", False),
        ("2026-12-31", True),  # one year
        ("2029-12-31", True),  # four years
        ("2030-01-01", False),
    ],
)
def test_plan_without_mandate_lasts_one_to_four_years(
    editor_client, hub, jurisdiction, end, accepted
):
    data = plan_data([jurisdiction], start_date="2026-01-01", end_date=end, mandate_end="")
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_outcome(response, accepted, rules.PLAN_DURATION_WITHOUT_MANDATE, plan_named)
    if accepted:
        assert plan_named().mandate_end is None


@pytest.mark.parametrize("end", ["2025-12-31", "2026-01-01"])
def test_plan_ends_after_it_starts(editor_client, hub, jurisdiction, end):
    data = plan_data([jurisdiction], start_date="2026-01-01", end_date=end)
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_refused(response, rules.PLAN_ORDER)
    assert plan_named() is None


@pytest.mark.parametrize(
    "roles, accepted",
    [
        ([("lead_agency", "organisation"), ("implementer", "ngo")], True),
        ([("lead_agency", "ngo")], False),
        ([("lead_agency", "organisation"), ("lead_agency", "organisation")], False),
    ],
    ids=["government-lead", "ngo-lead", "two-leads"],
)
def test_commitment_lead_agency(editor_client, request, plan, roles, accepted):
    rows = [stakeholder(request.getfixturevalue(org), role=role) for role, org in roles]
    response = publish(
        editor_client, add_url(CommitmentPage, plan), commitment_data(stakeholders=rows)
    )
    assert_outcome(response, accepted, rules.LEAD_AGENCY_IS_GOVERNMENT, commitment_named)


@pytest.mark.parametrize("org, accepted", [("ngo", True), ("organisation", False)])
def test_commitment_implementer_is_non_governmental(editor_client, request, plan, org, accepted):
    rows = [stakeholder(request.getfixturevalue(org), role="implementer")]
    response = publish(
        editor_client, add_url(CommitmentPage, plan), commitment_data(stakeholders=rows)
    )
    assert_outcome(response, accepted, rules.IMPLEMENTER_IS_NON_GOVERNMENTAL, commitment_named)


@pytest.mark.parametrize("org, accepted", [("ngo", True), ("organisation", False)])
def test_plan_endorsers_are_non_governmental(
    editor_client, request, hub, jurisdiction, org, accepted
):
    data = plan_data([jurisdiction], endorsements=[endorsement(request.getfixturevalue(org))])
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_outcome(response, accepted, rules.ENDORSERS_ARE_NON_GOVERNMENTAL, plan_named)


@pytest.mark.parametrize("count, accepted", [(1, True), (2, True), (4, True), (5, False)])
def test_plan_jurisdiction_count(editor_client, hub, jurisdictions, count, accepted):
    data = plan_data(jurisdictions[:count])
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_outcome(response, accepted, rules.JURISDICTION_COUNT, plan_named)
    if accepted:
        assert plan_named().jurisdictions.count() == count


def test_plan_without_jurisdiction_is_refused(editor_client, hub):
    response = publish(editor_client, add_url(StrategicVisionPage, hub), plan_data([]))
    errors = assert_invalid(response)
    assert any(error.startswith("jurisdictions: ") for error in errors), errors
    assert plan_named() is None


def make_open_commitments(plan, count, prefix="Existing"):
    return [make_commitment(plan, f"{prefix} {n}") for n in range(1, count + 1)]


@pytest.mark.parametrize(
    "jurisdiction_count, existing, accepted",
    [
        (1, 4, True),
        (1, 5, False),
        (2, 9, True),
        (2, 10, False),
        (3, 11, True),
        (3, 12, False),
        (4, 11, True),
        (4, 12, False),
    ],
)
def test_open_commitments_cap(
    editor_client, hub, jurisdictions, jurisdiction_count, existing, accepted
):
    plan = make_plan(hub, jurisdictions[:jurisdiction_count])
    make_open_commitments(plan, existing)
    response = publish(editor_client, add_url(CommitmentPage, plan), commitment_data())
    assert_outcome(response, accepted, rules.COMMITMENT_CAP, commitment_named)


def test_open_commitments_cap_counts_neither_completed_nor_unpublished_commitments(
    editor_client, plan
):
    make_open_commitments(plan, 4)
    make_commitment(plan, "Done", statuses=("complete", "incomplete"))
    make_commitment(plan, "Done too", statuses=("complete",))
    draft = plan.add_child(
        instance=CommitmentPage(
            title="Draft",
            live=False,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 1, 1),
        )
    )
    draft.save_revision()
    response = publish(editor_client, add_url(CommitmentPage, plan), commitment_data())
    assert_saved(response)
    assert commitment_named().live


def test_open_commitments_cap_counts_a_commitment_without_milestones(editor_client, plan):
    make_open_commitments(plan, 4)
    make_commitment(plan, "Not planned yet", statuses=())
    response = publish(editor_client, add_url(CommitmentPage, plan), commitment_data())
    assert_refused(response, rules.COMMITMENT_CAP)
    assert commitment_named() is None


def test_a_completed_commitment_is_accepted_at_the_cap(editor_client, plan):
    make_open_commitments(plan, 5)
    data = commitment_data(
        milestones=[milestone(status="complete"), milestone("Second", status="incomplete")]
    )
    assert_saved(publish(editor_client, add_url(CommitmentPage, plan), data))
    assert commitment_named().live


def test_editing_an_open_commitment_at_the_cap_is_accepted(editor_client, plan):
    first, *_ = make_open_commitments(plan, 5)
    data = commitment_edit_data(first, title="Existing 1, renamed")
    assert_saved(publish(editor_client, edit_url(first), data))
    assert reload(first).title == "Existing 1, renamed"


def test_reopening_a_completed_commitment_at_the_cap_is_refused(editor_client, plan):
    make_open_commitments(plan, 5)
    done = make_commitment(plan, "Done", statuses=("complete",))
    milestones = [*existing_rows(done, "milestones"), milestone("One more step")]
    response = publish(
        editor_client, edit_url(done), commitment_edit_data(done, milestones=milestones)
    )
    assert_refused(response, rules.COMMITMENT_CAP)
    assert reload(done).milestones.count() == 1
    assert revision_count(done) == 1


def test_a_recorded_status_does_not_change_in_the_page_editor(editor_client, plan):
    done = make_commitment(plan, "Done", statuses=("complete",))
    response = editor_client.get(edit_url(done))
    status_field = response.context["form"].formsets["milestones"].forms[0].fields["status"]
    assert status_field.disabled
    milestones = existing_rows(done, "milestones")
    milestones[0]["status"] = "in_progress"
    data = commitment_edit_data(done, milestones=milestones)
    assert_saved(publish(editor_client, edit_url(done), data))
    assert reload(done).milestones.get().status == "complete"


@pytest.mark.parametrize(
    "before, after, open_count, accepted",
    [(2, 1, 6, False), (2, 1, 5, True), (3, 2, 11, False), (3, 2, 10, True)],
)
def test_plan_edit_keeps_enough_jurisdictions_for_its_open_commitments(
    editor_client, hub, jurisdictions, before, after, open_count, accepted
):
    plan = make_plan(hub, jurisdictions[:before])
    make_open_commitments(plan, open_count)
    make_commitment(plan, "Done", statuses=("complete",))
    data = plan_edit_data(plan, jurisdictions=jurisdictions[:after])
    response = publish(editor_client, edit_url(plan), data)
    if accepted:
        assert_saved(response)
        assert reload(plan).jurisdictions.count() == after
    else:
        assert_refused(response, rules.COMMITMENT_CAP)
        assert reload(plan).jurisdictions.count() == before
        assert revision_count(plan) == 1


@pytest.mark.parametrize(
    "start, end, accepted",
    [
        ("2026-01-01", "2027-12-30", False),  # the commitment ends on 2027-12-31
        ("2026-01-01", "2027-12-31", True),
        ("2026-01-02", "2028-06-30", False),  # the commitment starts on 2026-01-01
    ],
)
def test_plan_edit_keeps_its_live_commitments_within_its_dates(
    editor_client, plan, start, end, accepted
):
    make_commitment(plan, "Open budget data")  # 2026-01-01 to 2027-12-31
    response = publish(
        editor_client, edit_url(plan), plan_edit_data(plan, start_date=start, end_date=end)
    )
    plan_after = reload(plan)
    if accepted:
        assert_saved(response)
        assert plan_after.end_date == datetime.date.fromisoformat(end)
    else:
        assert_refused(response, rules.COMMITMENT_WITHIN_PLAN)
        assert "«Open budget data»" in page_text(response)
        assert (plan_after.start_date, plan_after.end_date) == (
            datetime.date(2026, 1, 1),
            datetime.date(2028, 6, 30),
        )
        assert plan_after.revisions.count() == 1


def test_plan_edit_ignores_commitments_that_are_not_live(editor_client, plan):
    draft = plan.add_child(
        instance=CommitmentPage(
            title="Draft",
            live=False,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2028, 6, 30),
        )
    )
    draft.save_revision()
    response = publish(editor_client, edit_url(plan), plan_edit_data(plan, end_date="2027-12-31"))
    assert_saved(response)


@pytest.mark.parametrize(
    "changes, rule",
    [
        ({"policy_areas": 3}, rules.POLICY_AREA_LIMIT),
        ({"sectors": 3}, rules.SECTOR_LIMIT),
        ({"end_date": "2026-12-30"}, rules.COMMITMENT_MIN_DURATION),
        ({"end_date": "2028-07-01"}, rules.COMMITMENT_WITHIN_PLAN),
        ({"end_month": "2025-12"}, rules.MILESTONE_ORDER),
        ({"end_month": "2028-01"}, rules.MILESTONE_WITHIN_COMMITMENT),
    ],
    ids=lambda value: getattr(value, "code", None),
)
def test_commitment_edit_breaking_a_rule_is_refused_and_changes_nothing(
    editor_client, plan, changes, rule
):
    commitment = make_commitment(plan, "Open budget data")
    milestones = existing_rows(commitment, "milestones")
    fields = dict(changes)
    if "end_month" in fields:
        milestones[0]["end_month"] = fields.pop("end_month")
    for name, model in (("policy_areas", PolicyArea), ("sectors", Sector)):
        if name in fields:
            fields[name] = pks(model.objects.all()[: fields[name]])
    data = commitment_edit_data(commitment, milestones=milestones, title="Renamed", **fields)
    response = publish(editor_client, edit_url(commitment), data)
    assert_refused(response, rule)
    after = reload(commitment)
    assert after.title == "Open budget data"
    assert after.end_date == datetime.date(2027, 12, 31)
    assert (after.policy_areas.count(), after.sectors.count()) == (0, 0)
    assert after.milestones.get().end_month == datetime.date(2026, 6, 1)
    assert after.revisions.count() == 1 and not after.has_unpublished_changes


# == 3. Drafts may break the rules: they apply on publish ==============================


def test_new_commitment_breaking_rules_is_saved_as_a_draft(editor_client, plan):
    make_open_commitments(plan, 5)
    data = commitment_data(
        end_date="2026-12-30",
        policy_areas=pks(PolicyArea.objects.all()[:3]),
        sectors=pks(Sector.objects.all()[:3]),
        milestones=[milestone(start="2026-05", end="2026-04")],
    )
    assert_saved(save_draft(editor_client, add_url(CommitmentPage, plan), data))
    draft = commitment_named()
    assert not draft.live and draft.has_unpublished_changes
    assert draft.end_date == datetime.date(2026, 12, 30)
    revision = draft.get_latest_revision_as_object()
    assert len(revision.policy_areas.all()) == 3
    assert revision.milestones.get().end_month == datetime.date(2026, 4, 1)

    # Publishing that draft from the editor is refused, rule by rule.
    response = publish(editor_client, edit_url(draft), commitment_edit_data(draft))
    assert_refused(
        response,
        rules.POLICY_AREA_LIMIT,
        rules.SECTOR_LIMIT,
        rules.COMMITMENT_MIN_DURATION,
        rules.MILESTONE_ORDER,
        rules.COMMITMENT_CAP,
    )
    assert not reload(draft).live


def test_draft_of_a_live_commitment_breaking_rules_leaves_the_live_page_unchanged(
    editor_client, plan
):
    commitment = make_commitment(plan, "Open budget data")
    milestones = existing_rows(commitment, "milestones")
    milestones[0]["end_month"] = "2028-03"  # after the commitment's end
    data = commitment_edit_data(
        commitment,
        milestones=milestones,
        title="Open budget data, extended",
        end_date="2026-06-30",
        policy_areas=pks(PolicyArea.objects.all()[:3]),
    )
    assert_saved(save_draft(editor_client, edit_url(commitment), data))
    live = reload(commitment)
    assert live.live and live.has_unpublished_changes
    assert live.title == "Open budget data"
    assert live.end_date == datetime.date(2027, 12, 31)
    assert live.policy_areas.count() == 0
    assert live.milestones.get().end_month == datetime.date(2026, 6, 1)
    assert live.live_revision != live.latest_revision
    draft = live.get_latest_revision_as_object()
    assert draft.title == "Open budget data, extended"
    assert draft.end_date == datetime.date(2026, 6, 30)
    assert draft.milestones.get().end_month == datetime.date(2028, 3, 1)


def test_plan_draft_breaking_rules_is_saved(editor_client, hub, jurisdictions):
    data = plan_data(jurisdictions, end_date="2028-12-01")  # 5 jurisdictions, ends too late
    assert_saved(save_draft(editor_client, add_url(StrategicVisionPage, hub), data))
    draft = plan_named()
    assert not draft.live
    assert draft.get_latest_revision_as_object().end_date == datetime.date(2028, 12, 1)


def test_draft_of_a_live_plan_breaking_rules_leaves_the_live_plan_unchanged(editor_client, plan):
    make_commitment(plan, "Open budget data")
    data = plan_edit_data(plan, end_date="2027-06-30", mandate_end="2027-07-31")
    assert_saved(save_draft(editor_client, edit_url(plan), data))
    live = reload(plan)
    assert live.live and live.has_unpublished_changes
    assert (live.end_date, live.mandate_end) == (
        datetime.date(2028, 6, 30),
        datetime.date(2028, 12, 31),
    )
    assert live.get_latest_revision_as_object().end_date == datetime.date(2027, 6, 30)


def test_bulk_publish_of_a_draft_breaking_a_rule_is_refused(editor_client, plan):
    commitment = make_commitment(plan, "Open budget data")
    data = commitment_edit_data(commitment, policy_areas=pks(PolicyArea.objects.all()[:3]))
    assert_saved(save_draft(editor_client, edit_url(commitment), data))
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = editor_client.post(f"{url}?id={commitment.pk}", {"include_descendants": ""})
    assert response.status_code == 302
    assert reload(commitment).policy_areas.count() <= rules.MAX_POLICY_AREAS
    refusal = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert str(rules.POLICY_AREA_LIMIT.statement) in refusal


@pytest.mark.parametrize(
    "model",
    [
        OpenGovernmentPage,
        StrategicVisionPage,
        CommitmentPage,
        EvidenceFolderPage,
        ConsultationPage,
    ],
    ids=lambda model: model.__name__,
)
def test_editor_offers_scheduled_publishing(editor_client, request, model):
    parent = {
        OpenGovernmentPage: "home",
        StrategicVisionPage: "hub",
        CommitmentPage: "plan",
        EvidenceFolderPage: "plan",
        ConsultationPage: "hub",
    }[model]
    response = editor_client.get(add_url(model, request.getfixturevalue(parent)))
    assert response.status_code == 200
    assert {"go_live_at", "expire_at"} <= set(response.context["form"].fields)


# == 4. Data validation applies to drafts and publishing alike ========================

BOTH_ACTIONS = pytest.mark.parametrize("action", [publish, save_draft], ids=["publish", "draft"])


@BOTH_ACTIONS
def test_evidence_item_needs_a_document_or_a_link(editor_client, plan, action):
    data = evidence_data(items=[evidence_item("Hearsay")])
    response = action(editor_client, add_url(EvidenceFolderPage, plan), data)
    errors = assert_invalid(response)
    assert "items-0-link: Evidence is a primary source: upload a document or give a link." in errors
    assert not EvidenceFolderPage.objects.exists()


@BOTH_ACTIONS
@pytest.mark.parametrize("closes_at", ["2026-01-15 08:59", "2026-01-15 09:00"])
def test_consultation_closes_after_it_opens(editor_client, hub, action, closes_at):
    data = consultation_data(opens_at="2026-01-15 09:00", closes_at=closes_at)
    response = action(editor_client, add_url(ConsultationPage, hub), data)
    errors = assert_invalid(response)
    assert "closes_at: A consultation closes after it opens." in errors
    assert not ConsultationPage.objects.exists()


@BOTH_ACTIONS
@pytest.mark.parametrize(
    "row, error",
    [
        (meeting(place=""), "meetings-0-place: Say where the meeting takes place."),
        (
            meeting(format="hybrid", place=""),
            "meetings-0-place: Say where the meeting takes place.",
        ),
        (
            meeting(format="online", place=""),
            "meetings-0-online_url: Give the link to join online.",
        ),
        (
            meeting(attendee_count="30"),
            "meetings-0-attendee_count: More representatives are counted than people present.",
        ),
    ],
    ids=["in-person-without-place", "hybrid-without-place", "online-without-link", "headcount"],
)
def test_consultation_meeting_is_complete(editor_client, hub, action, row, error):
    response = action(
        editor_client, add_url(ConsultationPage, hub), consultation_data(meetings=[row])
    )
    assert error in assert_invalid(response)
    assert not ConsultationPage.objects.exists()


def test_meeting_in_person_without_place_refused_on_edit(editor_client, hub):
    assert_saved(
        publish(
            editor_client, add_url(ConsultationPage, hub), consultation_data(meetings=[meeting()])
        )
    )
    consultation = ConsultationPage.objects.get()
    rows = existing_rows(consultation, "meetings")
    rows[0]["place"] = ""
    data = consultation_data(meetings=rows, title=consultation.title, slug=consultation.slug)
    response = publish(editor_client, edit_url(consultation), data)
    assert "meetings-0-place: Say where the meeting takes place." in assert_invalid(response)
    assert reload(consultation).meetings.get().place == "Town hall"
    assert revision_count(consultation) == 1


@BOTH_ACTIONS
def test_commitment_objective_belongs_to_its_own_plan(
    editor_client, hub, plan, jurisdiction, action
):
    other_plan = make_plan(hub, [jurisdiction], slug="other-plan")
    foreign = PlanObjective.objects.get(page=other_plan)
    data = commitment_data(objective=foreign.pk)
    response = action(editor_client, add_url(CommitmentPage, plan), data)
    errors = assert_invalid(response)
    assert any(e.startswith("objective: Select a valid choice.") for e in errors), errors
    assert commitment_named() is None

    own = PlanObjective.objects.get(page=plan)
    assert_saved(
        action(editor_client, add_url(CommitmentPage, plan), commitment_data(objective=own.pk))
    )
    assert commitment_named().objective == own


def test_commitment_jurisdiction_belongs_to_its_plan(editor_client, hub, jurisdictions):
    plan = make_plan(hub, jurisdictions[:2])
    data = commitment_data(jurisdiction=jurisdictions[2].pk)
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert any(
        e.startswith("jurisdiction: Select a valid choice.") for e in assert_invalid(response)
    )
    data = commitment_data(jurisdiction=jurisdictions[1].pk)
    assert_saved(publish(editor_client, add_url(CommitmentPage, plan), data))
    assert commitment_named().jurisdiction == jurisdictions[1]


def test_evidence_milestone_belongs_to_the_folders_commitment(editor_client, plan):
    commitment = make_commitment(plan, "Open budget data")
    other = make_commitment(plan, "Open contracting")
    foreign = other.milestones.get()
    data = evidence_data(items=[evidence_item(link="https://example.org/r", milestone=foreign.pk)])
    response = publish(editor_client, add_url(EvidenceFolderPage, commitment), data)
    errors = assert_invalid(response)
    assert any(e.startswith("items-0-milestone: Select a valid choice.") for e in errors), errors
    assert not EvidenceFolderPage.objects.exists()


# == 5. Bad input re-renders the form with an error, never a 500 =======================


@BOTH_ACTIONS
@pytest.mark.parametrize(
    "field, value",
    [
        ("milestones-0-start_month", "2026-13"),
        ("milestones-0-end_month", "abc"),
        ("milestones-0-start_month", ""),
        ("milestones-0-status", "finished"),
        ("budget", "-1"),
        ("budget", "abc"),
        ("budget", "NaN"),
        ("budget", "1e20"),
        ("staff", "-2"),
        ("start_date", "2026-02-30"),
        ("resources_secured", "maybe"),
        ("policy_areas", ["999999"]),
        ("stakeholders-0-role", "boss"),
    ],
)
def test_bad_commitment_input_is_refused(editor_client, plan, organisation, action, field, value):
    data = commitment_data(stakeholders=[stakeholder(organisation)])
    data[field] = value
    response = action(editor_client, add_url(CommitmentPage, plan), data)
    errors = assert_invalid(response)
    assert any(error.startswith(f"{field}: ") for error in errors), errors
    assert commitment_named() is None


@BOTH_ACTIONS
@pytest.mark.parametrize(
    "field, value",
    [("milestones-0-end_month", "2026-13"), ("budget", "-5"), ("milestones-0-weight", "-1")],
)
def test_bad_input_on_edit_changes_nothing(editor_client, plan, action, field, value):
    commitment = make_commitment(plan, "Open budget data")
    data = commitment_edit_data(commitment, title="Renamed")
    data[field] = value
    errors = assert_invalid(action(editor_client, edit_url(commitment), data))
    assert any(error.startswith(f"{field}: ") for error in errors), errors
    after = reload(commitment)
    assert after.title == "Open budget data" and not after.has_unpublished_changes
    assert after.revisions.count() == 1


@BOTH_ACTIONS
@pytest.mark.parametrize(
    "field, value",
    [
        ("end_date", "31/12/2028"),
        ("mandate_end", "abc"),
        ("participant_group_count", "-1"),
        ("jurisdictions", ["999999"]),
        ("objectives-0-title", "x" * 256),
    ],
)
def test_bad_plan_input_is_refused(editor_client, hub, jurisdiction, action, field, value):
    data = plan_data([jurisdiction], objectives=[objective()])
    data[field] = value
    errors = assert_invalid(action(editor_client, add_url(StrategicVisionPage, hub), data))
    assert any(error.startswith(f"{field}: ") for error in errors), errors
    assert plan_named() is None


@BOTH_ACTIONS
@pytest.mark.parametrize(
    "field, value",
    [
        ("opens_at", "tomorrow"),
        ("stage", "unknown"),
        ("meetings-0-starts_at", "2026-02-31 18:00"),
        ("meetings-0-attendee_count", "-3"),
        ("input_outcomes-0-outcome", "ignored"),
    ],
)
def test_bad_consultation_input_is_refused(editor_client, hub, action, field, value):
    data = consultation_data(meetings=[meeting()], input_outcomes=[consultation_input()])
    data[field] = value
    errors = assert_invalid(action(editor_client, add_url(ConsultationPage, hub), data))
    assert any(error.startswith(f"{field}: ") for error in errors), errors
    assert not ConsultationPage.objects.exists()


def test_commitment_starting_in_year_9999_is_refused_not_a_server_error(editor_client, plan):
    data = commitment_data(
        start_date="9999-01-01",
        end_date="9999-12-31",
        milestones=[milestone(start="9999-01", end="9999-02")],
    )
    response = publish(editor_client, add_url(CommitmentPage, plan), data)
    assert_refused(response, rules.COMMITMENT_WITHIN_PLAN)


def test_plan_with_a_mandate_ending_in_year_1_is_refused_not_a_server_error(
    editor_client, hub, jurisdiction
):
    data = plan_data([jurisdiction], mandate_end="0001-01-31")
    response = publish(editor_client, add_url(StrategicVisionPage, hub), data)
    assert_refused(response, rules.PLAN_BEFORE_MANDATE_END)


# A field named like a form's own property shadows it in the admin's scripts (issue 8, item 1).
FORM_PROPERTIES = {"action", "method", "submit", "target", "elements", "name", "length"}


def test_no_page_field_shadows_a_property_of_the_admin_form():
    for model in (CommitmentPage, ConsultationPage, EvidenceFolderPage, StrategicVisionPage):
        names = {field.name for field in model._meta.get_fields()}
        assert not names & FORM_PROPERTIES, model.__name__


def test_the_rename_keeps_the_text_of_older_revisions(plan):
    commitment = plan.add_child(
        instance=CommitmentPage(
            title="Open budget data",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
            activities="<p>Publish every quarter</p>",
        )
    )
    revision = commitment.save_revision()
    content = revision.content
    content["action"] = content.pop("activities")  # as stored before the rename
    revision.content = content
    revision.save(update_fields=["content"])

    migration = importlib.import_module("ogp_wagtail.migrations.0005_commitment_activities")
    migration.rename_in_revisions(django_apps, None)
    revision.refresh_from_db()
    assert revision.as_object().activities == "<p>Publish every quarter</p>"
