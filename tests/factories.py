"""Builders of fully filled content, for rendering tests: every field holds a findable value."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from ogp_wagtail.calendar import add_months, first_of_month
from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    EvidenceFolderPage,
    Milestone,
    OGPValue,
    Organisation,
    PlanObjective,
    PolicyArea,
    Sector,
)

TODAY = timezone.localdate()


def month(offset):
    """The first day of the month ``offset`` months from now."""
    return add_months(first_of_month(TODAY), offset)


def commitment_around_today(plan, title="Open budget data", milestones=()):
    """A live commitment from a year ago to a year ahead, with ``(status, start, end, weight)``."""
    page = plan.add_child(
        instance=CommitmentPage(
            title=title,
            start_date=month(-12),
            end_date=add_months(month(12), 1) - datetime.timedelta(days=1),
        )
    )
    for position, (status, start, end, weight) in enumerate(milestones):
        Milestone.objects.create(
            page=page,
            sort_order=position,
            description=f"{title} step {position + 1}",
            start_month=month(start),
            end_month=month(end),
            status=status,
            weight=weight,
        )
    page.save_revision().publish()
    return CommitmentPage.objects.get(pk=page.pk)


def document(title, content=b"%PDF-1.4 test evidence\n", name=None):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(content, name=name or f"{title.lower().replace(' ', '-')}.pdf"),
    )


def fill_plan(plan, organisation, ngo):
    """Give a plan a value in every Annex 1 field."""
    for field, value in {
        "foreword": "<p>Foreword text FWD-1</p>",
        "foreword_authors": "The multi-stakeholder forum FWD-BY",
        "long_term_vision": "<p>Vision text VIS-41</p>",
        "achievements": "<p>Achievements ACH-42</p>",
        "challenges": "<p>Challenges CHA-43</p>",
        "plan_contribution": "<p>Contribution CON-45</p>",
        "policy_alignment": "<p>Alignment ALI-46</p>",
        "lead_institutions": "<p>Institutions LEA-51</p>",
        "coordination": "<p>Coordination COO-52</p>",
        "cocreation_spaces": "<p>Spaces SPA-53</p>",
        "representation_measures": "<p>Representation REP-54</p>",
        "participants": "<p>Participants PAR-55</p>",
        "participant_group_count": 17,
        "cocreation_meeting_count": 9,
        "ongoing_collaboration": "<p>Collaboration COL-58</p>",
        "monitoring_body": ngo,
        "monitoring_contact_name": "Monitor MON-62",
        "monitoring_contact_email": "monitor@example.org",
        "monitoring_contact_phone": "+33 1 23 45 67 89",
        "progress_discussion": "<p>Discussion DIS-63</p>",
        "implementation_follow_up": "<p>Follow-up FOL-64</p>",
        "results_sharing": "<p>Sharing SHA-65</p>",
        "online_consultation_url": "https://consult.example.org/plan",
        "introduction_letter": document("Letter from the mayor"),
        "strategy_document": document("Open government strategy"),
    }.items():
        setattr(plan, field, value)
    plan.objectives.create(title="Objective OBJ-2")
    plan.endorsements.create(organisation=ngo, endorsed_on=datetime.date(2025, 12, 1))
    plan.save_revision().publish()
    return plan


def full_commitment(plan, organisation, ngo, title="Open budget data", milestones=3):
    commitment = plan.add_child(
        instance=CommitmentPage(
            title=title,
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
            problem="<p>Problem PRB-6</p>",
            status_quo="<p>Status quo STQ-7</p>",
            activities="<p>Action ACT-8</p>",
            expected_results="<p>Results RES-8</p>",
            overall_objective="<p>Overall OVR-8</p>",
            solution="<p>Solution SOL-9</p>",
            # Children created through a page's cluster live in memory until it is published.
            objective=PlanObjective.objects.filter(page_id=plan.pk).first(),
            budget=125000,
            budget_currency="EUR",
            staff=4,
            duration_months=24,
            other_resources="Volunteers OTH-14",
            resources_secured="partially",
            additional_information="<p>Additional ADD-16</p>",
        )
    )
    en = commitment.locale
    commitment.policy_areas.set(PolicyArea.objects.filter(locale=en, code="open-data"))
    commitment.sectors.set(Sector.objects.filter(locale=en, code="education"))
    commitment.ogp_values.set(OGPValue.objects.filter(locale=en, code="civic-participation"))
    commitment.stakeholders.create(
        role="lead_agency",
        organisation=organisation,
        contact_name="Lead LDN-3",
        contact_title="Director",
        contact_email="lead@example.org",
        contact_role="Coordinates",
    )
    commitment.stakeholders.create(
        role="implementer", organisation=ngo, contact_name="Implementer IMP-4"
    )
    statuses = ["complete", "in_progress", "blocked", "not_started", "incomplete", "complete"]
    for position in range(milestones):
        Milestone.objects.create(
            page=commitment,
            sort_order=position,
            description=f"Milestone MS-{position + 1} of {title}",
            start_month=datetime.date(2026, 1 + position, 1),
            end_month=datetime.date(2026, 7 + position, 1),
            responsible_organisation=organisation,
            contact=f"Contact CT-{position + 1}",
            status=statuses[position % len(statuses)],
        )
    commitment.amendments.create(
        date=datetime.date(2026, 3, 1),
        change="New schedule AMD-CHG",
        decision_process="Forum vote AMD-HOW",
        approved_by="The forum AMD-WHO",
    )
    commitment.save_revision().publish()
    return commitment


def evidence_folder(parent, milestone=None):
    folder = parent.add_child(
        instance=EvidenceFolderPage(title=f"Evidence of {parent.title}", introduction="<p>EVI</p>")
    )
    folder.items.create(
        title="Minutes EV-DOC",
        kind="minutes_decisions",
        date=datetime.date(2026, 2, 3),
        document=document("Minutes"),
        description="Signed minutes EV-DESC",
        milestone=milestone,
    )
    folder.items.create(
        title="Dataset EV-LINK",
        kind="technical",
        date=datetime.date(2026, 4, 5),
        link="https://data.example.org/budget",
    )
    folder.save_revision().publish()
    return folder


def consultation(parent, commitment=None):
    now = timezone.now()
    page = parent.add_child(
        instance=ConsultationPage(
            title="Co-creation consultation",
            stage="plan_cocreation",
            opens_at=now - datetime.timedelta(days=3),
            closes_at=now + datetime.timedelta(days=10),
            introduction="<p>Intro CNS-INTRO</p>",
            how_to_take_part="<p>Take part CNS-HOW</p>",
            feedback_summary="<p>Summary CNS-SUM</p>",
        )
    )
    page.meetings.create(
        starts_at=now + datetime.timedelta(days=2),
        format="hybrid",
        place="Town hall room MTG-PLACE",
        online_url="https://meet.example.org/forum",
        agenda="Agenda MTG-AGENDA",
        minutes=document("Meeting minutes"),
        attendee_count=31,
        government_count=7,
        non_government_count=19,
    )
    page.advance_documents.create(title="Draft plan DOC-ADV", document=document("Draft plan"))
    page.input_outcomes.create(
        suggestion="Publish contracts INP-SUG", outcome="modified", reason="Phased INP-WHY"
    )
    if commitment:
        page.resulting_commitments.create(commitment=commitment)
    page.save_revision().publish()
    return page


def organisation(name, kind="government", locale=None, **fields):
    return Organisation.objects.create(name=name, kind=kind, locale=locale, **fields)
