"""Build the POST data of the Wagtail page editor, post it, and read what came back.

The builders return the flat dict an editor's browser sends: plain fields plus
one inline formset (with its management form) for every InlinePanel of the
page type, even the empty ones. Rows that carry an ``id`` are existing rows and
count as the formset's initial forms; put them first, as the editor does.

Every builder takes sensible valid defaults; a keyword overrides a field, and
a keyword set to ``None`` leaves the field out of the POST entirely.
"""

import datetime
import html

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text  # noqa: F401

from ogp_wagtail.fields import MonthField
from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    EvidenceFolderPage,
    Milestone,
    OpenGovernmentPage,
    StrategicVisionPage,
)

# The InlinePanels of each page type, by relation name (checked against the
# edit handlers in test_page_tree.py).
FORMSETS = {
    OpenGovernmentPage: (),
    StrategicVisionPage: ("objectives", "endorsements"),
    CommitmentPage: ("stakeholders", "milestones", "amendments"),
    EvidenceFolderPage: ("items",),
    ConsultationPage: (
        "meetings",
        "advance_documents",
        "input_outcomes",
        "resulting_commitments",
    ),
}

PUBLISH = {"action-publish": "action-publish"}


# -- URLs and posting -------------------------------------------------------------------


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def publish(client, url, data):
    """Press "Publish"."""
    return client.post(url, {**data, **PUBLISH})


def save_draft(client, url, data):
    """Press "Save draft": no action key at all."""
    return client.post(url, data)


# -- reading the response --------------------------------------------------------------


def form_errors(response):
    """Every error of the page form and of its inline forms, as ``field: message`` strings."""
    context = getattr(response, "context", None)
    if not context or "form" not in context:
        return [f"<no form in response {response.status_code}>"]
    form = context["form"]
    errors = [
        f"{field}: {message}" for field, messages in form.errors.items() for message in messages
    ]
    for name, formset in form.formsets.items():
        errors += [f"{name}: {message}" for message in formset.non_form_errors()]
        for index, subform in enumerate(formset.forms):
            for field, messages in subform.errors.items():
                errors += [f"{name}-{index}-{field}: {message}" for message in messages]
    return errors


def page_text(response):
    """The response body with HTML entities decoded, so that apostrophes compare equal."""
    return html.unescape(response.content.decode())


def assert_saved(response):
    assert response.status_code == 302, form_errors(response)


def assert_refused(response, *rules):
    """The editor sees the form again, with the statement of each rule named."""
    assert response.status_code == 200, response.status_code
    text = page_text(response)
    for rule in rules:
        assert str(rule.statement) in text, (rule.code, form_errors(response))
        assert any(str(rule.statement) in error for error in form_errors(response)), (
            rule.code,
            form_errors(response),
        )


def assert_invalid(response):
    """A form re-rendered with errors (never a 500); returns the errors."""
    assert response.status_code == 200, response.status_code
    errors = form_errors(response)
    assert errors
    return errors


# -- building the POST data ------------------------------------------------------------


def page_form_data(model, fields, **relations):
    """Plain fields plus one inline formset per InlinePanel of ``model``."""
    unknown = set(relations) - set(FORMSETS[model])
    assert not unknown, f"{model.__name__} has no inline panel {unknown}"
    formsets = {}
    for name in FORMSETS[model]:
        rows = [dict(row) for row in relations.get(name) or ()]
        initial = sum("id" in row for row in rows)
        assert all("id" in row for row in rows[:initial]), "existing rows go first"
        formsets[name] = inline_formset(rows, initial=initial)
    data = nested_form_data(formsets)
    # Multiple values (checkboxes) stay lists: nested_form_data would flatten them.
    for key, value in fields.items():
        if value is None:
            continue
        data[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else value
    data.setdefault("slug", slugify(fields["title"]))
    return data


def pks(objects):
    return [obj.pk for obj in objects]


def hub_data(jurisdictions, **fields):
    values = {
        "title": "Open government",
        "jurisdictions": pks(jurisdictions),
        "member_status": "active",
        "member_since": "2024-05-01",
        "introduction": rich_text("<p>Our open government work.</p>"),
        "contact_name": "Ada Lovelace",
        "contact_email": "ada@example.org",
    }
    values.update(fields)
    return page_form_data(OpenGovernmentPage, values)


def plan_data(jurisdictions, objectives=(), endorsements=(), **fields):
    values = {
        "title": "Action plan",
        "start_date": "2026-01-01",
        "end_date": "2028-06-30",
        "mandate_end": "2028-12-31",
        "jurisdictions": pks(jurisdictions),
        "foreword": rich_text("<p>Together.</p>"),
        "foreword_authors": "The forum",
    }
    values.update(fields)
    return page_form_data(
        StrategicVisionPage, values, objectives=objectives, endorsements=endorsements
    )


def objective(title="A transparent budget", **fields):
    return {"title": title, "description": "", **fields}


def endorsement(organisation, endorsed_on="2025-12-01", **fields):
    return {"organisation": organisation.pk, "endorsed_on": endorsed_on, **fields}


def milestone(
    description="Publish the budget data",
    start="2026-01",
    end="2026-06",
    status="not_started",
    **fields,
):
    """A milestone row; months are posted as YYYY-MM, as <input type=month> sends them."""
    return {
        "description": description,
        "start_month": start,
        "end_month": end,
        "status": status,
        "contact": "",
        **fields,
    }


def stakeholder(organisation, role="lead_agency", **fields):
    return {
        "role": role,
        "organisation": organisation.pk,
        "contact_name": "Grace Hopper",
        "contact_title": "Director",
        "contact_email": "grace@example.org",
        "contact_role": "Coordinator",
        **fields,
    }


def amendment(change="New schedule for milestone 2", **fields):
    return {
        "date": "2026-03-15",
        "change": change,
        "decision_process": "Agreed at the forum meeting of 10 March",
        "approved_by": "Multi-stakeholder forum",
        **fields,
    }


def commitment_data(milestones=None, stakeholders=(), amendments=(), **fields):
    """A valid commitment for the ``plan`` fixture (2026-01-01 to 2028-06-30)."""
    values = {
        "title": "Open budget data",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
        "problem": rich_text("<p>Budgets are hard to read.</p>"),
        "activities": rich_text("<p>Publish the budget as open data.</p>"),
        "budget": "12000.50",
        "budget_currency": "EUR",
        "staff": "3",
        "duration_months": "24",
        "resources_secured": "partially",
    }
    values.update(fields)
    if milestones is None:
        milestones = [milestone()]
    return page_form_data(
        CommitmentPage,
        values,
        stakeholders=stakeholders,
        milestones=milestones,
        amendments=amendments,
    )


def evidence_item(title="Forum minutes", kind="minutes_decisions", date="2026-02-10", **fields):
    return {"title": title, "kind": kind, "date": date, "description": "", **fields}


def evidence_data(items=(), **fields):
    values = {"title": "Evidence", "introduction": rich_text("<p>Primary sources.</p>")}
    values.update(fields)
    return page_form_data(EvidenceFolderPage, values, items=items)


def meeting(starts_at="2026-02-10 18:00", format="in_person", place="Town hall", **fields):
    return {
        "starts_at": starts_at,
        "format": format,
        "place": place,
        "online_url": "",
        "agenda": "Draft commitments",
        "attendee_count": "40",
        "government_count": "10",
        "non_government_count": "25",
        **fields,
    }


def consultation_input(suggestion="Publish contracts", outcome="included", **fields):
    return {"suggestion": suggestion, "outcome": outcome, "reason": "Widely asked for", **fields}


def advance_document(document, title="Draft plan", **fields):
    return {"title": title, "document": document.pk, "shared_on": "2026-01-20", **fields}


def resulting_commitment(commitment, **fields):
    return {"commitment": commitment.pk, **fields}


def consultation_data(
    meetings=(), advance_documents=(), input_outcomes=(), resulting_commitments=(), **fields
):
    values = {
        "title": "Co-creation of the plan",
        "stage": "plan_cocreation",
        "opens_at": "2026-01-15 09:00",
        "closes_at": "2026-03-15 18:00",
        "introduction": rich_text("<p>Tell us what to do.</p>"),
    }
    values.update(fields)
    return page_form_data(
        ConsultationPage,
        values,
        meetings=meetings,
        advance_documents=advance_documents,
        input_outcomes=input_outcomes,
        resulting_commitments=resulting_commitments,
    )


# -- objects made directly, for the situations a test starts from ----------------------


def make_document(title="Minutes.pdf", content=b"%PDF-1.4 minutes"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=title.replace(" ", "_"))
    )


def make_plan(hub, jurisdictions, slug="joint-plan", **fields):
    """A published plan under ``hub`` with the given jurisdictions."""
    fields.setdefault("start_date", datetime.date(2026, 1, 1))
    fields.setdefault("end_date", datetime.date(2028, 6, 30))
    fields.setdefault("mandate_end", datetime.date(2028, 12, 31))
    plan = hub.add_child(instance=StrategicVisionPage(title=slug, slug=slug, **fields))
    plan.jurisdictions.set(jurisdictions)
    plan.objectives.create(title=f"Objective of {slug}")
    plan.save_revision().publish()
    return plan


def make_milestone(commitment, description, status="in_progress", position=0, **fields):
    fields.setdefault("start_month", datetime.date(2026, 1, 1))
    fields.setdefault("end_month", datetime.date(2026, 6, 1))
    return Milestone.objects.create(
        page=commitment, sort_order=position, description=description, status=status, **fields
    )


def as_edited(page):
    """``page`` as its edit form shows it: the latest revision, fresh from the database."""
    return reload(page).get_latest_revision_as_object()


def existing_rows(page, relation):
    """The rows of ``page``'s inline ``relation`` as its edit form posts them back, with ids."""
    page = as_edited(page)
    rows = []
    for obj in getattr(page, relation).all():
        row = {"id": obj.pk}
        for field in obj._meta.concrete_fields:
            if field.primary_key or field.name in ("page", "sort_order"):
                continue
            value = getattr(obj, field.attname)
            if value is None:
                value = ""
            elif isinstance(field, MonthField):
                value = value.strftime("%Y-%m")
            elif isinstance(value, datetime.datetime):
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            row[field.name] = str(value)
        rows.append(row)
    return rows


def plan_edit_data(plan, jurisdictions=None, **fields):
    """What the edit form of ``plan`` posts back unchanged, with ``fields`` changed."""
    plan = as_edited(plan)
    values = {
        "title": plan.title,
        "slug": plan.slug,
        "start_date": plan.start_date.isoformat(),
        "end_date": plan.end_date.isoformat(),
        "mandate_end": plan.mandate_end.isoformat() if plan.mandate_end else "",
        "foreword_authors": plan.foreword_authors,
        "foreword": None,
    }
    values.update(fields)
    if jurisdictions is None:
        jurisdictions = plan.jurisdictions.all()
    return plan_data(
        jurisdictions,
        objectives=existing_rows(plan, "objectives"),
        endorsements=existing_rows(plan, "endorsements"),
        **values,
    )


def commitment_edit_data(commitment, milestones=None, stakeholders=None, amendments=None, **fields):
    """What the edit form of ``commitment`` posts back unchanged, with ``fields`` changed."""
    commitment = as_edited(commitment)
    values = {
        "title": commitment.title,
        "slug": commitment.slug,
        "start_date": commitment.start_date.isoformat(),
        "end_date": commitment.end_date.isoformat(),
        "objective": commitment.objective_id or "",
        "jurisdiction": commitment.jurisdiction_id or "",
        "budget": "" if commitment.budget is None else str(commitment.budget),
        "budget_currency": commitment.budget_currency,
        "staff": "" if commitment.staff is None else str(commitment.staff),
        "duration_months": ""
        if commitment.duration_months is None
        else str(commitment.duration_months),
        "resources_secured": commitment.resources_secured,
        "policy_areas": pks(commitment.policy_areas.all()),
        "sectors": pks(commitment.sectors.all()),
        "ogp_values": pks(commitment.ogp_values.all()),
        "problem": None,
        "activities": None,
    }
    values.update(fields)
    return commitment_data(
        milestones=existing_rows(commitment, "milestones") if milestones is None else milestones,
        stakeholders=existing_rows(commitment, "stakeholders")
        if stakeholders is None
        else stakeholders,
        amendments=existing_rows(commitment, "amendments") if amendments is None else amendments,
        **values,
    )


def reload(page):
    """A fresh copy of ``page`` from the database, as its specific type."""
    return Page.objects.get(pk=page.pk).specific
