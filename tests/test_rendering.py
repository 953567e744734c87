"""Every page type rendered by Wagtail, with its field values visible and constant queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

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


def soup_of(response):
    return BeautifulSoup(text_of(response), "html.parser")


def words(element):
    """An element's text as a reader gets it: whitespace collapsed, tags gone."""
    return " ".join(element.get_text(" ", strip=True).split())


def section(soup, heading_id):
    """The element a heading of id ``heading_id`` labels (a section of the page)."""
    found = soup.find(attrs={"aria-labelledby": heading_id})
    assert found is not None, f"no section labelled by #{heading_id}"
    return found


def definitions(element):
    """``{term: description}`` of the ``<dt>``/``<dd>`` pairs within ``element``."""
    return {words(dt): words(dt.find_next_sibling("dd")) for dt in element.find_all("dt")}


def day(value):
    return date_format(value, "DATE_FORMAT")


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
    soup = soup_of(client.get(hub.url))
    header = soup.find("header", class_="ogp-header")
    assert words(header.find(class_="ogp-header__status")) == "Member status: Under review"
    assert definitions(header)["Jurisdictions"] == "Riverton (France)"
    assert "HUB-INTRO" in words(soup.find(class_="ogp-rich-text"))
    contact = section(soup, "ogp-contact")
    assert words(contact.find(class_="ogp-contact__organisation")) == "City Hall"
    assert definitions(contact) == {"Contact": "Ada POC-NAME", "Email": "poc@example.org"}
    plans = section(soup, "ogp-action-plans")
    links = [(a["href"], words(a)) for a in plans.select(".ogp-card__title a")]
    assert links == [(plan.url, plan.title)]


def test_plan_shows_every_annex_1_field(client, plan, organisation, ngo):
    factories.fill_plan(plan, organisation, ngo)
    soup = soup_of(client.get(plan.url))
    text = words(soup.body)
    # Each code is typed in one field only, so it shows only if that field is shown.
    codes = ["FWD-1", "FWD-BY", "VIS-41", "ACH-42", "CHA-43", "OBJ-2", "CON-45", "ALI-46"]
    codes += ["LEA-51", "COO-52", "SPA-53", "REP-54", "PAR-55", "COL-58", "MON-62"]
    codes += ["DIS-63", "FOL-64", "SHA-65", "monitor@example.org", "+33 1 23 45 67 89"]
    for expected in codes:
        assert text.count(expected) == 1, expected
    assert definitions(section(soup, "ogp-duration")) == {
        "Plan start": day(plan.start_date),
        "Plan end": day(plan.end_date),
        "End of the current administration's mandate": day(plan.mandate_end),
        "Jurisdiction": "Riverton (France)",
    }
    for heading_id, document in [
        ("ogp-letter", plan.introduction_letter),
        ("ogp-strategy", plan.strategy_document),
    ]:
        link = section(soup, heading_id).find("a", class_="ogp-document")
        assert link["href"] == document.url
        assert words(link.find(class_="ogp-document__title")) == document.title
    consultation_link = section(soup, "ogp-online-consultation").find("a")
    assert consultation_link["href"] == "https://consult.example.org/plan"
    engagement = section(soup, "ogp-engagement")
    figures = {
        words(figure.find_previous_sibling("h3")): words(figure)
        for figure in engagement.select("p.ogp-figure")
    }
    assert figures == {
        "5.6 Number of groups that took part": "17",
        "5.7 Number of co-creation meetings": "9",
    }
    monitoring = section(soup, "ogp-monitoring")
    assert words(monitoring.find(class_="ogp-contact__organisation")) == "Open Streets"
    endorsements = [words(li) for li in section(soup, "ogp-endorsements").find_all("li")]
    assert endorsements == [f"Open Streets endorsed on {day(datetime.date(2025, 12, 1))}"]


def test_plan_lists_live_commitments_with_milestone_summary(client, plan):
    make_commitment(plan, "Open contracts", statuses=["complete", "complete", "in_progress"])
    draft = make_commitment(plan, "Secret draft")
    draft.unpublish()
    soup = soup_of(client.get(plan.url))
    cards = section(soup, "ogp-commitments-heading").select("li.ogp-card")
    summaries = {
        words(card.find(class_="ogp-card__title")): words(card.find(class_="ogp-progress__text"))
        for card in cards
    }
    assert summaries == {"Open contracts": "2 of 3 milestones complete · 66 %"}
    assert "Secret draft" not in str(soup)  # nor on the dashboard


def test_commitment_shows_every_annex_2_field(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo, milestones=6)
    soup = soup_of(client.get(commitment.url))
    text = words(soup.body)
    # Each code is typed in one field only, so it shows only if that field is shown.
    codes = ["PRB-6", "STQ-7", "ACT-8", "RES-8", "OVR-8", "SOL-9", "ADD-16"]
    codes += ["AMD-CHG", "AMD-HOW", "AMD-WHO"]
    for expected in codes:
        assert text.count(expected) == 1, expected
    header = soup.find("header", class_="ogp-header")
    facts = definitions(header)
    assert facts["Start"] == day(datetime.date(2026, 1, 1))
    assert facts["End"] == day(datetime.date(2027, 12, 31))
    assert facts["Action plan"] == plan.title
    assert facts["Objective of the Strategic Vision it serves"] == "A transparent budget"
    summary = words(header.find(class_="ogp-progress__text"))
    assert summary == "2 of 6 milestones complete · 33 %"

    organisations = section(soup, "ogp-organisations")
    cards = [
        (words(card.find(class_="ogp-contact__organisation")), definitions(card))
        for card in organisations.select(".ogp-contact")
    ]
    assert cards == [
        (
            "City Hall",
            {
                "Contact": "Lead LDN-3",
                "Title": "Director",
                "Role": "Coordinates",
                "Email": "lead@example.org",
            },
        ),
        ("Open Streets", {"Contact": "Implementer IMP-4"}),
    ]
    assert definitions(section(soup, "ogp-classification")) == {
        "Policy areas": "Open data",
        "Primary sectors": "Education",
        "OGP values": "Civic participation",
    }
    assert definitions(section(soup, "ogp-resources")) == {
        "Budget": "125,000 EUR",
        "Staff": "4 people",
        "Time": "24 months",
        "Other resources": "Volunteers OTH-14",
        "Resources secured": "Partially",
    }
    table = section(soup, "ogp-milestones").find("table")
    rows = [[words(cell) for cell in tr.find_all(["th", "td"])] for tr in table.tbody("tr")]
    assert [row[0] for row in rows] == [
        f"Milestone MS-{n} of Open budget data" for n in range(1, 7)
    ]
    assert [row[3:5] for row in rows] == [["City Hall", f"Contact CT-{n}"] for n in range(1, 7)]
    statuses = ["Complete", "In progress", "Blocked", "Not started", "Incomplete", "Complete"]
    assert [row[5] for row in rows] == statuses


def test_evidence_folder_shows_items_and_last_update(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    folder = factories.evidence_folder(commitment, milestone=commitment.milestones.first())
    soup = soup_of(client.get(folder.url))
    folder.refresh_from_db()
    items = {
        words(card.find(class_="ogp-card__title")): card
        for card in soup.select("li.ogp-evidence-item")
    }
    assert list(items) == ["Dataset EV-LINK", "Minutes EV-DOC"]  # newest first
    minutes = definitions(items["Minutes EV-DOC"])
    assert minutes["Kind"] == "Minutes and decision notes"
    assert minutes["Date"] == day(datetime.date(2026, 2, 3))
    assert minutes["Milestone"] == "Milestone MS-1 of Open budget data Complete"
    assert minutes["Description"] == "Signed minutes EV-DESC"
    document = items["Minutes EV-DOC"].find("a", class_="ogp-document")
    assert document["href"] == folder.items.get(title="Minutes EV-DOC").document.url
    link = items["Dataset EV-LINK"].find("a", class_="ogp-url")
    assert (link["href"], words(link)) == ("https://data.example.org/budget",) * 2
    published = timezone.localtime(folder.last_published_at)
    last_updated = soup.find(class_="ogp-header__meta")
    assert definitions(last_updated) == {"Last updated": date_format(published, "DATETIME_FORMAT")}
    assert last_updated.find("time")["datetime"] == published.isoformat()


def test_consultation_shows_meetings_documents_and_feedback(client, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    page = factories.consultation(plan, commitment)
    soup = soup_of(client.get(page.url))
    text = words(soup.body)
    # Each code is typed in one field only, so it shows only if that field is shown.
    for expected in ["CNS-INTRO", "CNS-HOW", "CNS-SUM", "DOC-ADV", "INP-SUG", "INP-WHY"]:
        assert text.count(expected) == 1, expected
    assert definitions(soup.find("header", class_="ogp-header"))["Stage"] == (
        "Action plan co-creation"
    )
    (meeting,) = section(soup, "ogp-meetings").select("li.ogp-card")
    facts = definitions(meeting)
    assert facts["Place"] == "Town hall room MTG-PLACE"
    assert facts["Online link"] == "https://meet.example.org/forum"
    assert facts["Agenda"] == "Agenda MTG-AGENDA"
    assert facts["People present"] == "31"
    assert facts["Government representatives"] == "7"
    assert facts["Non-government representatives"] == "19"
    resulting = section(soup, "ogp-resulting").find_all("a")
    assert [(a["href"], words(a)) for a in resulting] == [(commitment.url, commitment.title)]


def test_pages_extend_the_integrators_base_template(client, settings, hub):
    settings.OGP_WAGTAIL_BASE_TEMPLATE = "custom_base.html"
    assert "CUSTOM-SITE-HEADER" in text_of(client.get(hub.url))


def test_default_base_template_sets_direction_for_arabic():
    with translation.override("ar"):
        html = render_to_string("ogp_wagtail/base.html", {})
    root = BeautifulSoup(html, "html.parser").html
    assert (root["dir"], root["lang"]) == ("rtl", "ar")


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
    soup = soup_of(client.get(f"/{language}{commitment.url}"))
    assert soup.html["lang"] == language
    assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert words(soup.find(id="ogp-milestones")) == expected[0]
    table = section(soup, "ogp-milestones").find("table")
    statuses = [words(tr("td")[4]) for tr in table.tbody("tr")]
    assert statuses[2] == expected[1]  # the blocked milestone
