"""What wagtail-localize does with each field of the package's translatable models.

The roles are read from wagtail-localize's own ``get_translatable_fields``: a field
added to one of these models fails ``test_field_roles`` until it is listed here, so no
field becomes translatable (or synchronised) without someone deciding it.

Roles:
    translated            text extracted for translators
    localised link        a foreign key the translation points at its own language's version of
    synchronised          copied from the source at every sync; translators may substitute a
                          version in their language (documents, addresses)
    synchronised, fixed   copied at every sync and never offered to translators
    created only          copied when a translation is created, never synchronised afterwards
    translated rows       inline rows copied at every sync, their text translated by their roles
    copied rows           inline rows of a model that is not translatable, copied as they are
    ignored               wagtail-localize neither copies nor translates it
"""

import datetime

import pytest
from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import (
    SynchronizedField,
    TranslatableField,
    copy_synchronised_fields,
    get_translatable_fields,
)
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments

from ogp_wagtail.models import (
    CommitmentPage,
    Jurisdiction,
    Milestone,
    OGPValue,
    OpenGovernmentPage,
    Organisation,
    PolicyArea,
    ProgressUpdate,
    Sector,
    StrategicVisionPage,
)
from ogp_wagtail.status.history import apply_published_update
from tests.conftest import make_commitment

TAXONOMY_TERM = {"code": "synchronised, fixed", "name": "translated", "sort_order": "synchronised"}

EXPECTED = {
    "Milestone": {
        "description": "translated",
        "start_month": "synchronised",
        "end_month": "synchronised",
        "responsible_organisation": "localised link",
        "contact": "translated",
        # The status history writes it on every language version (status/history.py).
        "status": "created only",
        "weight": "synchronised",
        "page": "ignored",
    },
    "OpenGovernmentSearchPage": {
        "introduction": "translated",
        "results_per_page": "synchronised",
    },
    "OpenGovernmentPage": {
        "jurisdictions": "ignored",
        "member_status": "synchronised",
        "member_since": "synchronised",
        "introduction": "translated",
        "lead_agency": "localised link",
        "contact_name": "translated",
        "contact_title": "translated",
        "contact_email": "synchronised, fixed",
        "contact_phone": "synchronised, fixed",
    },
    "StrategicVisionPage": {
        "start_date": "synchronised",
        "end_date": "synchronised",
        "mandate_end": "synchronised",
        "jurisdictions": "ignored",
        "foreword": "translated",
        "foreword_authors": "translated",
        "introduction_letter": "synchronised",
        "long_term_vision": "translated",
        "achievements": "translated",
        "challenges": "translated",
        "plan_contribution": "translated",
        "policy_alignment": "translated",
        "lead_institutions": "translated",
        "coordination": "translated",
        "cocreation_spaces": "translated",
        "representation_measures": "translated",
        "participants": "translated",
        "participant_group_count": "synchronised",
        "cocreation_meeting_count": "synchronised",
        "ongoing_collaboration": "translated",
        "monitoring_body": "localised link",
        "monitoring_contact_name": "translated",
        "monitoring_contact_email": "synchronised, fixed",
        "monitoring_contact_phone": "synchronised, fixed",
        "progress_discussion": "translated",
        "implementation_follow_up": "translated",
        "results_sharing": "translated",
        "strategy_document": "synchronised",
        "online_consultation_url": "synchronised",
        "objectives": "translated rows",
        "endorsements": "translated rows",
    },
    "CommitmentPage": {
        "start_date": "synchronised",
        "end_date": "synchronised",
        "problem": "translated",
        "status_quo": "translated",
        "activities": "translated",
        "expected_results": "translated",
        "overall_objective": "translated",
        "solution": "translated",
        # A row of the plan: the translation points at the plan translation's row.
        "objective": "localised link",
        "jurisdiction": "localised link",
        "policy_areas": "ignored",
        "sectors": "ignored",
        "ogp_values": "ignored",
        "budget": "synchronised",
        "budget_currency": "synchronised, fixed",
        "staff": "synchronised",
        "duration_months": "synchronised",
        "other_resources": "translated",
        "resources_secured": "synchronised",
        "additional_information": "translated",
        "milestones": "translated rows",
        "stakeholders": "translated rows",
        "amendments": "translated rows",
    },
    "ConsultationPage": {
        "stage": "synchronised",
        "opens_at": "synchronised",
        "closes_at": "synchronised",
        "introduction": "translated",
        "how_to_take_part": "translated",
        "feedback_summary": "translated",
        "meetings": "translated rows",
        "advance_documents": "translated rows",
        "input_outcomes": "translated rows",
        "resulting_commitments": "translated rows",
    },
    "EvidenceFolderPage": {"introduction": "translated", "items": "translated rows"},
    # Inline rows: their text is translated, their facts copied at every sync.
    "PlanObjective": {"page": "ignored", "title": "translated", "description": "translated"},
    "PlanEndorsement": {
        "page": "ignored",
        "organisation": "localised link",
        "endorsed_on": "synchronised",
    },
    "CommitmentStakeholder": {
        "page": "ignored",
        "role": "synchronised",
        "organisation": "localised link",
        "contact_name": "translated",
        "contact_title": "translated",
        "contact_email": "synchronised, fixed",
        "contact_role": "translated",
    },
    "CommitmentAmendment": {
        "page": "ignored",
        "date": "synchronised",
        "change": "translated",
        "decision_process": "translated",
        "approved_by": "translated",
    },
    "EvidenceItem": {
        "page": "ignored",
        "title": "translated",
        "kind": "synchronised",
        "date": "synchronised",
        "document": "synchronised",
        "link": "synchronised",
        "description": "translated",
        # The milestone of the commitment's translation, in the same language.
        "milestone": "localised link",
    },
    "ConsultationMeeting": {
        "page": "ignored",
        "starts_at": "synchronised",
        "format": "synchronised",
        "place": "translated",
        "online_url": "synchronised",
        "agenda": "translated",
        "minutes": "synchronised",
        "attendee_count": "synchronised",
        "government_count": "synchronised",
        "non_government_count": "synchronised",
    },
    "ConsultationDocument": {
        "page": "ignored",
        "title": "translated",
        "document": "synchronised",
        "shared_on": "synchronised",
    },
    "ConsultationInput": {
        "page": "ignored",
        "suggestion": "translated",
        "outcome": "synchronised",
        "reason": "translated",
    },
    # The consultation page shows the commitment in its own language (pages/consultation.py).
    "ConsultationCommitment": {"page": "ignored", "commitment": "synchronised"},
    "Organisation": {
        "name": "translated",
        "acronym": "translated",
        "kind": "synchronised",
        "branch_of_government": "synchronised",
        "website": "synchronised",
        "email": "synchronised, fixed",
        "phone": "synchronised, fixed",
    },
    "Jurisdiction": {"name": "translated", "country": "translated", "website": "synchronised"},
    # Its texts wait for translators; its facts are the source's (status/history.py).
    "ProgressUpdate": {
        "uuid": "created only",
        "commitment": "synchronised",
        "date": "synchronised",
        "title": "translated",
        "progress": "translated",
        "delay_reasons": "translated",
        "next_steps": "translated",
        "evidence": "ignored",
        "status_changes": "copied rows",
    },
    "PolicyArea": TAXONOMY_TERM,
    "Sector": TAXONOMY_TERM,
    "OGPValue": TAXONOMY_TERM,
}


def translatable_models():
    """Every translatable model of the package and its sub-apps; pages included."""
    return sorted(
        (
            model
            for model in apps.get_models()
            if model.__module__.startswith("ogp_wagtail.") and issubclass(model, TranslatableMixin)
        ),
        key=lambda model: model.__name__,
    )


def inherited_names(model):
    """Names of the fields that Wagtail's and Django's base classes give the model."""
    names = set()
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and not base.__module__.startswith("ogp_wagtail."):
            names.update(field.name for field in meta.get_fields())
    return names


def package_fields(model):
    """The fields the package declares on the model, its inline child relations included.

    Its columns and many-to-many fields; reverse relations other than child relations
    (and the search backend's ``index_entries``) are not the model's fields.
    """
    inherited = inherited_names(model)
    fields = {
        field.name: field
        for field in model._meta.get_fields(include_parents=False)
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and field.name not in inherited
    }
    for relation in get_all_child_relations(model):
        if relation.name not in inherited:
            fields[relation.name] = relation
    return fields


def role(declared, field):
    if declared is None:
        return "ignored"
    rows = isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey)
    if isinstance(declared, TranslatableField):
        if rows:
            return "translated rows"
        return "localised link" if isinstance(field, models.ForeignKey) else "translated"
    if isinstance(declared, SynchronizedField):
        if rows:
            return "copied rows"
        return "synchronised" if declared.overridable else "synchronised, fixed"
    # Neither translated nor synchronised: only copy_for_translation copies it.
    return "created only"


def roles_of(model):
    declared = {field.field_name: field for field in get_translatable_fields(model)}
    return {name: role(declared.get(name), field) for name, field in package_fields(model).items()}


def test_every_translatable_model_is_listed():
    assert [model.__name__ for model in translatable_models()] == sorted(EXPECTED)


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model.__name__)
def test_field_roles(model):
    assert roles_of(model) == EXPECTED[model.__name__]


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model.__name__)
def test_the_model_declares_each_role_itself(model):
    """Roles are the model's decision, written on it, not wagtail-localize's guesses."""
    fields = package_fields(model)
    declared = [field.field_name for field in model.override_translatable_fields]
    assert len(declared) == len(set(declared))
    # Only the package's own fields: a many-to-many named here would be copied as the
    # source language's snippets.
    assert set(declared) <= set(fields)
    assert {name for name in fields if roles_of(model)[name] != "ignored"} == set(declared)


def field_paths(instance):
    """The fields wagtail-localize offers translators: strings and overridable values."""
    return {segment.path.split(".")[0] for segment in extract_segments(instance)}


def test_codes_currencies_phones_and_emails_are_not_offered_to_translators(locale_en):
    organisation = Organisation(
        name="City Hall",
        acronym="CH",
        kind="government",
        website="https://city.example",
        email="open@city.example",
        phone="+33 1 23 45 67 89",
        locale=locale_en,
    )
    assert field_paths(organisation) == {"name", "acronym", "website"}
    for model in (PolicyArea, Sector, OGPValue):
        term = model(code="open-data", name="Open data", locale=locale_en)
        assert field_paths(term) == {"name"}
    commitment = CommitmentPage(
        title="Open budget",
        slug="open-budget",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 1, 1),
        budget_currency="EUR",
        locale=locale_en,
    )
    assert "budget_currency" not in field_paths(commitment)
    hub = OpenGovernmentPage(
        title="Hub", contact_phone="+33 1", contact_email="a@city.example", locale=locale_en
    )
    assert not {"contact_phone", "contact_email"} & field_paths(hub)
    plan = StrategicVisionPage(
        title="Plan",
        monitoring_contact_phone="+33 1",
        monitoring_contact_email="m@city.example",
        locale=locale_en,
    )
    assert not {"monitoring_contact_phone", "monitoring_contact_email"} & field_paths(plan)
    jurisdiction = Jurisdiction(name="Riverton", country="France", locale=locale_en)
    assert field_paths(jurisdiction) == {"name", "country"}


# Milestone.status: one owner, the status history.


@pytest.fixture
def french(db):
    return Locale.objects.create(language_code="fr")


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data", statuses=["in_progress", "not_started"])


def statuses(commitment, locale):
    page = CommitmentPage.objects.get(translation_key=commitment.translation_key, locale=locale)
    return list(page.milestones.values_list("status", flat=True))


def record_in_history(commitment, status):
    """Publish a progress update that changes the first milestone's status."""
    update = ProgressUpdate.objects.create(
        commitment=commitment, date=commitment.start_date, progress="<p>Done.</p>"
    )
    update.status_changes.create(milestone=commitment.milestones.first(), status=status)
    apply_published_update(update)


def translate(commitment, locale, capture, publish=True):
    """Create the translation as wagtail-localize's "Translate this page" does."""
    source, _ = TranslationSource.get_or_create_from_instance(commitment)
    translation = Translation.objects.create(source=source, target_locale=locale)
    with capture(execute=True):
        translation.save_target(publish=publish)
    return translation


def test_syncing_a_milestone_leaves_its_status_alone(locale_en, french):
    """The declaration: wagtail-localize's sync copies a milestone's dates, not its status."""
    source = Milestone(
        description="Publish the budget",
        start_month=datetime.date(2026, 1, 1),
        end_month=datetime.date(2026, 6, 1),
        status="complete",
        weight=2,
        locale=locale_en,
    )
    target = Milestone(
        description="Publier le budget",
        start_month=datetime.date(2025, 1, 1),
        end_month=datetime.date(2025, 6, 1),
        status="blocked",
        weight=1,
        locale=french,
    )
    copy_synchronised_fields(source, target)
    assert (target.start_month, target.end_month, target.weight) == (
        source.start_month,
        source.end_month,
        source.weight,
    )
    assert (target.status, target.description) == ("blocked", "Publier le budget")
    # Creating a translation copies the row whole: it starts with the source's status.
    assert source.copy_for_translation(french).status == "complete"


def test_a_new_translation_starts_with_the_current_status(
    commitment, french, django_capture_on_commit_callbacks
):
    record_in_history(commitment, "complete")
    translate(commitment, french, django_capture_on_commit_callbacks)
    assert statuses(commitment, french) == ["complete", "not_started"]


def test_updating_translations_keeps_the_status_the_history_recorded(
    commitment, french, django_capture_on_commit_callbacks
):
    translation = translate(commitment, french, django_capture_on_commit_callbacks)
    record_in_history(commitment, "complete")
    assert statuses(commitment, french) == ["complete", "not_started"]

    # The translation editor publishes from the source as it was when translated.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert statuses(commitment, french) == ["complete", "not_started"]

    # "Sync translated pages" (Update translations) refreshes the source, then publishes.
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert statuses(commitment, french) == ["complete", "not_started"]
    assert statuses(commitment, commitment.locale) == ["complete", "not_started"]


def test_a_draft_sync_from_an_older_source_keeps_the_recorded_status(
    commitment, french, django_capture_on_commit_callbacks
):
    translation = translate(commitment, french, django_capture_on_commit_callbacks)
    record_in_history(commitment, "complete")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=False)
    assert statuses(commitment, french) == ["complete", "not_started"]
