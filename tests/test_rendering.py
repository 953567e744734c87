"""Every page type rendered by Wagtail, with its field values visible and constant queries."""

import datetime
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ogp_wagtail.models import StrategicVisionPage
from tests import factories
from tests.conftest import make_commitment

PLAN_DATES = {
    "start_date": datetime.date(2026, 1, 1),
    "end_date": datetime.date(2028, 6, 30),
    "mandate_end": datetime.date(2028, 12, 31),
}


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


def queries_to_render(client, page):
    client.get(page.url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


def test_hub_shows_member_status_contact_and_plans(client, hub, plan):
    hub.member_status = "under_review"
    hub.contact_name = "Ada POC-NAME"
    hub.contact_email = "poc@example.org"
    hub.introduction = "<p>Hub intro HUB-INTRO</p>"
    hub.save_revision().publish()
    html = text_of(client.get(hub.url))
    for expected in ["Under review", "Ada POC-NAME", "poc@example.org", "HUB-INTRO", "City Hall"]:
        assert expected in html
    assert plan.title in html
    assert f'href="{plan.url}"' in html


def test_plan_shows_every_annex_1_field(client, plan, organisation, ngo):
    factories.fill_plan(plan, organisation, ngo)
    html = text_of(client.get(plan.url))
    codes = ["FWD-1", "FWD-BY", "VIS-41", "ACH-42", "CHA-43", "OBJ-2", "CON-45", "ALI-46"]
    codes += ["LEA-51", "COO-52", "SPA-53", "REP-54", "PAR-55", "COL-58", "MON-62"]
    codes += ["DIS-63", "FOL-64", "SHA-65", "monitor@example.org", "Open Streets", "Riverton"]
    codes += ["Letter from the mayor", "Open government strategy", "consult.example.org/plan"]
    for expected in codes:
        assert expected in html, expected
    assert "17" in html and "9" in html


def test_plan_lists_live_commitments_with_milestone_summary(client, plan):
    make_commitment(plan, "Open contracts", statuses=["complete", "complete", "in_progress"])
    draft = make_commitment(plan, "Secret draft")
    draft.unpublish()
    html = text_of(client.get(plan.url))
    assert "Open contracts" in html
    assert "Secret draft" not in html
    assert re.search(r"2\D+3", html), "the completed/total summary is missing"


def test_commitment_shows_every_annex_2_field(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo, milestones=6)
    html = text_of(client.get(commitment.url))
    codes = ["PRB-6", "STQ-7", "ACT-8", "RES-8", "OVR-8", "SOL-9", "OTH-14", "ADD-16"]
    codes += ["A transparent budget"]  # the plan objective it serves
    codes += ["LDN-3", "lead@example.org", "IMP-4", "Open Streets", "City Hall"]
    codes += ["Open data", "Education", "Civic participation", "Partially"]
    codes += ["AMD-CHG", "AMD-HOW", "AMD-WHO"]
    codes += [f"MS-{n}" for n in range(1, 7)] + [f"CT-{n}" for n in range(1, 7)]
    codes += ["Not started", "In progress", "Blocked", "Complete", "Incomplete"]
    for expected in codes:
        assert expected in html, expected
    assert "125" in html and "EUR" in html
    assert re.search(r"2\D+6", html), "the completed/total summary is missing"


def test_evidence_folder_shows_items_and_last_update(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    folder = factories.evidence_folder(commitment, milestone=commitment.milestones.first())
    html = text_of(client.get(folder.url))
    folder.refresh_from_db()
    for expected in ["EV-DOC", "EV-DESC", "EV-LINK", "data.example.org/budget", "MS-1"]:
        assert expected in html, expected
    assert "Minutes and decision notes" in html
    assert folder.items.get(title="Minutes EV-DOC").document.url in html
    assert str(folder.last_published_at.year) in html


def test_consultation_shows_meetings_documents_and_feedback(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    page = factories.consultation(plan, commitment)
    html = text_of(client.get(page.url))
    for expected in ["CNS-INTRO", "CNS-HOW", "CNS-SUM", "MTG-PLACE", "meet.example.org/forum"]:
        assert expected in html, expected
    for expected in ["MTG-AGENDA", "31", "19", "DOC-ADV", "INP-SUG", "INP-WHY", commitment.title]:
        assert expected in html, expected
    assert "Action plan co-creation" in html


def test_pages_extend_the_integrators_base_template(client, settings, hub):
    settings.OGP_WAGTAIL_BASE_TEMPLATE = "custom_base.html"
    assert "CUSTOM-SITE-HEADER" in text_of(client.get(hub.url))


def test_default_base_template_sets_direction_for_arabic():
    with translation.override("ar"):
        html = render_to_string("ogp_wagtail/base.html", {})
    assert 'dir="rtl"' in html and 'lang="ar"' in html


def second_plan(hub, jurisdiction):
    other = hub.add_child(instance=StrategicVisionPage(title="Other plan", **PLAN_DATES))
    other.jurisdictions.set([jurisdiction])
    other.objectives.create(title="Another objective")
    other.save_revision().publish()
    return other


def test_plan_queries_do_not_grow_with_commitments_and_milestones(client, hub, plan, jurisdiction):
    make_commitment(plan, "The only commitment", statuses=["complete"])
    large_plan = second_plan(hub, jurisdiction)
    for number in range(1, 6):
        make_commitment(large_plan, f"Commitment {number}", statuses=["in_progress"] * 6)
    assert queries_to_render(client, large_plan) == queries_to_render(client, plan)


@pytest.mark.parametrize("milestones", [1, 6])
def test_commitment_queries_do_not_grow_with_milestones(
    client, plan, organisation, ngo, milestones
):
    small = factories.full_commitment(plan, organisation, ngo, title="Small", milestones=1)
    factories.evidence_folder(small)
    large = factories.full_commitment(plan, organisation, ngo, title="Large", milestones=milestones)
    for _ in range(3):
        factories.evidence_folder(large)
    assert queries_to_render(client, large) == queries_to_render(client, small)


@pytest.mark.parametrize("language", ["fr", "ar", "es"])
def test_interface_strings_follow_the_language(client, settings, plan, organisation, ngo, language):
    settings.LANGUAGES = [*settings.LANGUAGES, ("es", "Español")]
    commitment = factories.full_commitment(plan, organisation, ngo)
    with translation.override(language):
        expected = [translation.gettext("Milestones"), translation.gettext("Blocked")]
    assert expected[0] != "Milestones"  # the catalogue is there
    html = text_of(client.get(f"/{language}{commitment.url}"))
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")
    for text in expected:
        assert text in html
