"""Inline rows are translated with their page (issue 10, item 1: "every inline child").

A plan's objectives, a commitment's stakeholders and amendments, a folder's evidence
items and a consultation's records are translatable models: wagtail-localize offers
their text to translators and the translated page shows the translated rows. The
facts of a row (dates, kinds, documents, links) are copied from the source.
"""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    PlanObjective,
    StrategicVisionPage,
)
from tests.conftest import localize, make_commitment


def translate_with(instance, locale, strings, capture):
    """The translation, published, of ``instance`` through wagtail-localize's PO round trip."""
    localize(instance, locale, capture, strings)
    return instance.get_translation(locale).specific


@pytest.fixture
def french(db):
    return Locale.objects.create(language_code="fr")


def test_a_plans_objectives_are_translated_and_commitments_point_at_them(
    plan, french, client, django_capture_on_commit_callbacks
):
    objective = PlanObjective.objects.get(page=plan)
    commitment = make_commitment(plan, "Open budget data", objective=objective)
    french_plan = translate_with(
        plan,
        french,
        {"A transparent budget": "Un budget transparent"},
        django_capture_on_commit_callbacks,
    )
    french_commitment = translate_with(commitment, french, {}, django_capture_on_commit_callbacks)
    assert list(french_plan.objectives.values_list("title", flat=True)) == ["Un budget transparent"]
    # The French commitment serves the French plan's objective, not the English row.
    assert french_commitment.objective.page_id == french_plan.pk
    assert "Un budget transparent" in client.get(french_commitment.url).content.decode()
    assert StrategicVisionPage.objects.get(pk=plan.pk).objectives.get().title == (
        "A transparent budget"
    )


def test_a_commitments_stakeholders_and_amendments_are_translated(
    plan, french, organisation, django_capture_on_commit_callbacks
):
    commitment = make_commitment(plan, "Open budget data")
    commitment.stakeholders.create(
        role="lead", organisation=organisation, contact_role="Leads the work"
    )
    commitment.amendments.create(
        date=datetime.date(2026, 5, 1),
        change="The portal moves to 2027.",
        decision_process="Approved by the forum.",
        approved_by="The forum",
    )
    commitment.save_revision().publish()
    french_commitment = translate_with(
        commitment,
        french,
        {
            "Leads the work": "Pilote le travail",
            "The portal moves to 2027.": "Le portail passe à 2027.",
        },
        django_capture_on_commit_callbacks,
    )
    stakeholder = french_commitment.stakeholders.get()
    assert (stakeholder.contact_role, stakeholder.role) == ("Pilote le travail", "lead")
    amendment = french_commitment.amendments.get()
    assert (amendment.change, amendment.date) == (
        "Le portail passe à 2027.",
        datetime.date(2026, 5, 1),
    )
    assert StringTranslation.objects.filter(locale=french).count() == 2
    assert CommitmentPage.objects.get(pk=commitment.pk).stakeholders.get().contact_role == (
        "Leads the work"
    )


def test_a_consultation_lists_the_resulting_commitments_in_its_language(
    plan, french, client, django_capture_on_commit_callbacks
):
    commitment = make_commitment(plan, "Open budget data")
    consultation = plan.add_child(
        instance=ConsultationPage(
            title="Co-creation 2025",
            stage="plan_cocreation",
            opens_at=datetime.datetime(2025, 9, 1, tzinfo=datetime.UTC),
            closes_at=datetime.datetime(2025, 10, 1, tzinfo=datetime.UTC),
        )
    )
    consultation.resulting_commitments.create(commitment=commitment)
    consultation.save_revision().publish()
    translate_with(plan, french, {}, django_capture_on_commit_callbacks)
    french_commitment = translate_with(
        commitment,
        french,
        {"Open budget data": "Données budgétaires ouvertes"},
        django_capture_on_commit_callbacks,
    )
    french_consultation = translate_with(
        consultation, french, {}, django_capture_on_commit_callbacks
    )
    html = client.get(french_consultation.url).content.decode()
    assert f'href="{french_commitment.url}"' in html
    assert f'href="{commitment.url}"' not in html
