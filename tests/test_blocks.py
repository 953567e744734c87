"""The StreamField block library: rendering, validation, visibility and query counts."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.blocks import StreamValue, StructBlockValidationError
from wagtail.models import Page, PageViewRestriction

from ogp_wagtail.blocks import (
    CommitmentListBlock,
    ConsultationCalloutBlock,
    ContactBlock,
    EvidenceListBlock,
    KeyDatesBlock,
    OpenGovernmentStreamBlock,
    ResourceListBlock,
    ogp_block_types,
)
from ogp_wagtail.blocks.resources import MIN_YEAR
from ogp_wagtail.models import (
    ConsultationPage,
    EvidenceFolderPage,
    Milestone,
    PlanObjective,
)
from ogp_wagtail.progress import progress_label
from tests import factories
from tests.conftest import make_commitment
from tests.testapp.models import BlocksPage

D = datetime.date
# A fixed moment for the blocks that depend on "now": passed in the render context.
NOW = timezone.make_aware(datetime.datetime(2026, 3, 10, 12, 0))


def render(block, raw, **context):
    """Render ``raw`` (the JSON-ish form a StreamField stores) through ``block``."""
    return block.render(block.to_python(raw), context=context)


def block_errors(block, raw):
    """The per-field errors of ``block.clean``, which must fail."""
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(raw))
    return caught.value.block_errors


def squash(html):
    return re.sub(r"\s+", " ", html)


def parse(html):
    return BeautifulSoup(html, "html.parser")


def words(element):
    """An element's text as a reader gets it: whitespace collapsed, tags gone."""
    return " ".join(element.get_text(" ", strip=True).split())


def definitions(element):
    """``{term: description}`` of the ``<dt>``/``<dd>`` pairs within ``element``."""
    return {words(dt): words(dt.find_next_sibling("dd")) for dt in element.find_all("dt")}


def links(html):
    """``{text: href}`` of every link in ``html``."""
    return {words(a): a["href"] for a in parse(html).find_all("a")}


def publish(page):
    page.save_revision().publish()
    return page


def make_consultation(parent, title, opens_at, closes_at, **fields):
    fields.setdefault("stage", "plan_cocreation")
    fields.setdefault("how_to_take_part", f"<p>Write to the forum about {title} HOW-TO</p>")
    page = parent.add_child(
        instance=ConsultationPage(title=title, opens_at=opens_at, closes_at=closes_at, **fields)
    )
    return publish(page)


def make_folder(parent, title, item_dates, slug=None):
    folder = parent.add_child(
        instance=EvidenceFolderPage(title=title, slug=slug or title.lower().replace(" ", "-"))
    )
    for position, day in enumerate(item_dates):
        folder.items.create(
            title=f"{title} item {day.isoformat()}",
            kind="minutes_decisions",
            date=day,
            link=f"https://evidence.example.org/{folder.slug}/{position}",
            sort_order=position,
        )
    return publish(folder)


# -- resources -------------------------------------------------------------------------


def resource(**fields):
    return {
        "title": "OECD Recommendation of the Council on Open Government",
        "link": "https://www.oecd.org/gov/open-government-recommendation.pdf",
        "document": None,
        "publisher": "OECD",
        "year": 2017,
        "languages": "fr",
        "summary": "<p>The principles of open government strategies REC-SUM</p>",
        **fields,
    }


@pytest.mark.django_db
def test_resource_list_renders_each_resource_with_its_facts():
    guide = factories.document("Tunisian municipal guide", name="guide.pdf")
    html = render(
        ResourceListBlock(),
        {
            "heading": "Advocacy for open government",
            "heading_level": "3",
            "intro": "<p>Guides to convince your allies INTRO-1</p>",
            "resources": [
                resource(),
                resource(
                    title="Open Government Guide for Municipalities in Tunisia",
                    link="",
                    document=guide.pk,
                    publisher="Ministry of Local Affairs",
                    year=2018,
                    languages="FR, ar",
                    summary="",
                ),
                resource(
                    title="Open government toolkit navigator",
                    link="https://oecd-opsi.org/guide/open-government/",
                    document=guide.pk,
                    publisher="",
                    year=None,
                    languages="",
                    summary="",
                ),
            ],
        },
    )
    text = squash(html)
    assert '<h3 id="ogp-block-' in text and "Advocacy for open government</h3>" in text
    assert "INTRO-1" in text and "REC-SUM" in text
    assert text.count('<h4 class="ogp-card__title ogp-resource__title"') == 3
    # A link, in its language; the year is never written "2,017".
    assert (
        'href="https://www.oecd.org/gov/open-government-recommendation.pdf" hreflang="fr"' in text
    )
    assert "<dd>OECD</dd>" in text and "<dd>2017</dd>" in text and "<dd>French</dd>" in text
    # A document: its URL, type and size; two languages, by name, and no hreflang.
    assert f'href="{guide.url}">Open Government Guide for Municipalities in Tunisia</a>' in text
    assert "(PDF," in text
    assert "Languages</dt><dd>French, Arabic</dd>" in text
    # Both: the title opens the document, the publisher's page is offered besides.
    assert f'href="{guide.url}">Open government toolkit navigator</a>' in text
    assert 'href="https://oecd-opsi.org/guide/open-government/" aria-describedby=' in text


@pytest.mark.django_db
def test_resource_language_names_follow_the_reader_language():
    with translation.override("fr"):
        html = render(
            ResourceListBlock(),
            {"heading": "Guides", "resources": [resource(languages="fr, ar, xx")]},
        )
    assert "français, arabe, xx" in html.lower()


def test_resource_needs_a_link_or_a_document():
    errors = block_errors(
        ResourceListBlock().child_blocks["resources"].child_block, resource(link="")
    )
    assert set(errors) == {"link"}
    assert "link or choose a document" in errors["link"].messages[0]


@pytest.mark.parametrize("year", [MIN_YEAR - 1, timezone.localdate().year + 2])
def test_resource_year_must_be_plausible(year):
    errors = block_errors(
        ResourceListBlock().child_blocks["resources"].child_block, resource(year=year)
    )
    assert set(errors) == {"year"}
    assert errors["year"].messages == [
        f"Enter a year between {MIN_YEAR} and {timezone.localdate().year + 1}."
    ]


def test_resource_languages_must_be_language_codes():
    block = ResourceListBlock().child_blocks["resources"].child_block
    errors = block_errors(block, resource(languages="French, ar"))
    assert "french" in errors["languages"].messages[0]
    # Well-formed codes pass, known to Django or not; next year's guide too.
    value = block.clean(
        block.to_python(resource(languages="pt-br, ar", year=timezone.localdate().year + 1))
    )
    assert value.language_codes == ["pt-br", "ar"]


def test_resource_errors_reach_the_list_block():
    block = ResourceListBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"heading": "Guides", "resources": [resource(link="")]}))
    assert set(caught.value.block_errors) == {"resources"}


def test_resource_list_needs_a_heading_and_a_resource():
    block = ResourceListBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"heading": "", "resources": []}))
    assert {"heading", "resources"} <= set(caught.value.block_errors)


# -- key dates ---------------------------------------------------------------------------


def key_date(title, day, end=None, **fields):
    return {
        "date": day.isoformat(),
        "end_date": end.isoformat() if end else None,
        "title": title,
        "description": fields.pop("description", ""),
        "stage": fields.pop("stage", ""),
        "page": fields.pop("page", None),
        "link": fields.pop("link", ""),
    }


CALENDAR = {
    "heading": "Co-creation calendar",
    "heading_level": "2",
    "dates": [
        key_date("Final learning exercise", D(2028, 8, 31), stage="final_learning"),
        key_date(
            "Written proposals",
            D(2025, 9, 15),
            D(2025, 11, 30),
            description="On the platform or on paper.",
            link="https://participate.example.org/",
        ),
        key_date("Review meeting", D(2026, 3, 10)),
        key_date("First-year review", D(2026, 3, 1), D(2026, 4, 30)),
    ],
}


def states_in_order(html):
    return re.findall(r"ogp-timeline__entry--(\w+)", html)


@pytest.mark.django_db
def test_key_dates_are_ordered_and_marked_past_or_future_in_words():
    html = render(KeyDatesBlock(), CALENDAR, ogp_now=NOW)
    text = squash(html)
    assert text.index("Written proposals") < text.index("First-year review")
    assert text.index("First-year review") < text.index("Review meeting")
    assert text.index("Review meeting") < text.index("Final learning exercise")
    assert states_in_order(text) == ["past", "current", "today", "upcoming"]
    for state_text in ["Past", "In progress", "Today", "Upcoming"]:
        assert f">{state_text}</span>" in text
    start, end = (date_format(day, "DATE_FORMAT") for day in (D(2025, 9, 15), D(2025, 11, 30)))
    assert (
        f'<time datetime="2025-09-15">{start}</time> to <time datetime="2025-11-30">{end}</time>'
        in text
    )
    assert '<time datetime="2028-08-31">' in text
    assert "Stage: Final learning exercise" in text
    assert '<a href="https://participate.example.org/">Written proposals</a>' in text
    assert text.count('aria-current="date"') == 2
    assert "<ol " in text and '<h3 class="ogp-timeline__title">' in text


@pytest.mark.django_db
def test_key_dates_are_marked_when_rendered_not_when_saved():
    block = KeyDatesBlock()
    value = block.to_python(CALENDAR)
    long_before = timezone.make_aware(datetime.datetime(2020, 1, 1))
    long_after = timezone.make_aware(datetime.datetime(2030, 1, 1))
    assert set(states_in_order(block.render(value, {"ogp_now": long_before}))) == {"upcoming"}
    assert set(states_in_order(block.render(value, {"ogp_now": long_after}))) == {"past"}
    # Without ogp_now: today. These dates are far enough away for any run of the suite.
    far = block.to_python(
        {
            "heading": "Far",
            "dates": [key_date("Ancient", D(1990, 1, 1)), key_date("Future", D(2999, 1, 1))],
        }
    )
    assert states_in_order(block.render(far)) == ["past", "upcoming"]


@pytest.mark.django_db
def test_key_dates_link_only_live_public_pages(hub, plan):
    draft = publish(
        hub.add_child(
            instance=ConsultationPage(
                title="Draft consultation",
                stage="plan_cocreation",
                opens_at=NOW,
                closes_at=NOW + datetime.timedelta(days=9),
            )
        )
    )
    draft.unpublish()
    html = render(
        KeyDatesBlock(),
        {
            "heading": "Dates",
            "dates": [
                key_date("Plan published", D(2026, 1, 1), page=plan.pk),
                key_date("Draft stage", D(2026, 2, 1), page=draft.pk),
            ],
        },
        ogp_now=NOW,
    )
    assert "Draft stage" in words(parse(html))
    assert links(html) == {"Plan published": plan.url}  # not the draft's page


@pytest.mark.django_db
def test_key_date_validation(plan):
    block = KeyDatesBlock().child_blocks["dates"].child_block
    errors = block_errors(block, key_date("Backwards", D(2026, 5, 1), D(2026, 4, 1)))
    assert set(errors) == {"end_date"}
    block.clean(block.to_python(key_date("One day", D(2026, 5, 1), D(2026, 5, 1))))
    errors = block_errors(
        block, key_date("Both", D(2026, 5, 1), link="https://x.example/", page=plan.pk)
    )
    assert set(errors) == {"link"}
    assert errors["link"].messages == ["Choose a page or give a link, not both."]


# -- consultation call-out ------------------------------------------------------------------


@pytest.fixture
def consultations(hub, plan):
    """Under the hub and its plan, as of NOW: one closed, one open, one upcoming."""
    day = datetime.timedelta(days=1)
    return {
        "closed": make_consultation(hub, "Closed one", NOW - 30 * day, NOW - 2 * day),
        "open": make_consultation(plan, "Open one", NOW - 3 * day, NOW + 10 * day),
        "upcoming": make_consultation(hub, "Upcoming one", NOW + 5 * day, NOW + 40 * day),
    }


def callout(**fields):
    return {
        "heading": "",
        "heading_level": "2",
        "consultation": None,
        "within": None,
        "no_consultation_text": "",
        **fields,
    }


@pytest.mark.django_db
def test_callout_invites_to_an_open_consultation(consultations):
    page = consultations["open"]
    html = squash(render(ConsultationCalloutBlock(), callout(consultation=page.pk), ogp_now=NOW))
    assert f'<a href="{page.url}">Open one</a></h2>' in html
    assert "Open for input" in html
    assert "Closes" in html and "Opens" not in html
    assert f'datetime="{page.closes_at.isoformat()}"' in html
    assert "Write to the forum about Open one HOW-TO" in html
    assert f'href="{page.url}#ogp-take-part">How to take part</a>' in html


@pytest.mark.django_db
def test_callout_announces_an_upcoming_consultation_under_its_own_heading(consultations):
    page = consultations["upcoming"]
    html = squash(
        render(
            ConsultationCalloutBlock(),
            callout(consultation=page.pk, heading="Have your say", heading_level="3"),
            ogp_now=NOW,
        )
    )
    assert "Have your say</h3>" in html
    assert f'<h4 class="ogp-callout__title"><a href="{page.url}">Upcoming one</a></h4>' in html
    assert "Upcoming" in html and "Opens" in html and "Closes" in html
    assert f'datetime="{page.opens_at.isoformat()}"' in html


@pytest.mark.django_db
def test_callout_shows_nothing_for_a_closed_unpublished_or_restricted_consultation(consultations):
    block = ConsultationCalloutBlock()
    closed = consultations["closed"]
    assert render(block, callout(consultation=closed.pk), ogp_now=NOW).strip() == ""
    fallback = callout(consultation=closed.pk, no_consultation_text="No consultation now NONE-1")
    assert "NONE-1" in render(block, fallback, ogp_now=NOW)

    unpublished = consultations["open"]
    unpublished.unpublish()
    assert render(block, callout(consultation=unpublished.pk), ogp_now=NOW).strip() == ""

    restricted = consultations["upcoming"]
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    assert render(block, callout(consultation=restricted.pk), ogp_now=NOW).strip() == ""


@pytest.mark.django_db
def test_callout_takes_the_next_consultation_under_a_hub(hub, consultations):
    block = ConsultationCalloutBlock()
    value = callout(within=hub.pk)
    # The open one (under the hub's plan) comes before the upcoming one; the closed is skipped.
    assert "Open one" in render(block, value, ogp_now=NOW)
    later = NOW + datetime.timedelta(days=20)
    assert "Upcoming one" in render(block, value, ogp_now=later)
    assert render(block, value, ogp_now=later + datetime.timedelta(days=30)).strip() == ""


@pytest.mark.django_db
def test_callout_needs_exactly_one_source(hub, consultations):
    block = ConsultationCalloutBlock()
    assert "consultation" in block_errors(block, callout())
    both = callout(consultation=consultations["open"].pk, within=hub.pk)
    assert "not both" in block_errors(block, both)["consultation"].messages[0]
    block.clean(block.to_python(callout(within=hub.pk)))


# -- contact -------------------------------------------------------------------------------------


def contact(**fields):
    return {
        "heading": "",
        "hub": None,
        "organisation": None,
        "name": "",
        "job_title": "",
        "email": "",
        "phone": "",
        **fields,
    }


@pytest.mark.django_db
def test_contact_shows_the_hub_lead_agency_and_point_of_contact(hub):
    hub.contact_name = "Ada Lovelace POC"
    hub.contact_email = "poc@example.org"
    hub.contact_phone = "+33 1 00 00 00 00"
    publish(hub)
    html = squash(render(ContactBlock(), contact(hub=hub.pk)))
    assert "Lead agency and point of contact</h2>" in html
    for expected in ["City Hall", "Ada Lovelace POC", "mailto:poc@example.org", "tel:+33100000000"]:
        assert expected in html
    assert f'<a href="{hub.url}">Open government</a>' in html


@pytest.mark.django_db
def test_contact_fields_typed_in_replace_the_hub(hub, ngo):
    html = render(
        ContactBlock(),
        contact(hub=hub.pk, organisation=ngo.pk, name="Grace Hopper", heading="Write to us"),
    )
    assert "Open Streets" in html and "City Hall" not in html
    assert "Grace Hopper" in html and "Write to us" in html


@pytest.mark.django_db
def test_contact_without_a_live_hub(hub):
    hub.unpublish()
    block = ContactBlock()
    assert render(block, contact(hub=hub.pk)).strip() == ""
    html = render(block, contact(hub=hub.pk, email="desk@example.org"))
    assert links(html) == {"desk@example.org": "mailto:desk@example.org"}  # not the hub's page
    assert "hub" in block_errors(block, contact())


# -- evidence ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_evidence_list_shows_the_newest_items_of_a_folder_up_to_the_limit(plan):
    dates = [D(2026, 1, 5), D(2026, 3, 1), D(2026, 2, 10), D(2026, 4, 20)]
    folder = make_folder(plan, "Co-creation evidence", dates)
    html = squash(render(EvidenceListBlock(), {"source": folder.pk, "max_items": 3}))
    shown = re.findall(r"item (\d{4}-\d\d-\d\d)</h3>", html)
    assert shown == ["2026-04-20", "2026-03-01", "2026-02-10"]
    assert "Minutes and decision notes" in html
    assert "Latest evidence</h2>" in html
    published = EvidenceFolderPage.objects.get(pk=folder.pk).last_published_at
    assert definitions(parse(html).find(class_="ogp-block__meta")) == {
        "Last updated": date_format(timezone.localtime(published), "DATE_FORMAT")
    }
    assert f'<a href="{folder.url}">Co-creation evidence</a>' in html
    assert "Folder</dt>" not in html  # every item is in the folder chosen


@pytest.mark.django_db
def test_evidence_list_of_a_plan_gathers_its_live_folders(plan):
    commitment = make_commitment(plan, "Open contracts")
    make_folder(plan, "Plan evidence", [D(2026, 1, 5)])
    make_folder(commitment, "Contract evidence", [D(2026, 2, 5)], slug="evidence")
    hidden = make_folder(plan, "Hidden evidence", [D(2026, 6, 1)])
    hidden.unpublish()
    document = factories.document("Signed contract")
    folder = EvidenceFolderPage.objects.get(slug="evidence")
    folder.items.create(
        title="Contract PDF", kind="decision_record", date=D(2026, 2, 6), document=document
    )
    publish(folder)

    html = squash(
        render(EvidenceListBlock(), {"source": plan.pk, "max_items": 10, "heading": "Proof"})
    )
    assert "Hidden evidence" not in html
    assert (
        html.index("Contract PDF")
        < html.index("Contract evidence item")
        < html.index("Plan evidence item")
    )
    assert f'href="{document.url}"' in html
    assert html.count("Folder</dt>") == 3
    assert f'href="{plan.url}#ogp-evidence">All the evidence of Action plan 2026-2028</a>' in html


@pytest.mark.django_db
def test_evidence_list_of_an_unpublished_folder_shows_nothing(plan):
    folder = make_folder(plan, "Withdrawn", [D(2026, 1, 5)])
    folder.unpublish()
    assert render(EvidenceListBlock(), {"source": folder.pk, "max_items": 5}).strip() == ""


@pytest.mark.django_db
def test_evidence_list_queries_do_not_grow_with_items(plan):
    block = EvidenceListBlock()
    folder = make_folder(plan, "Growing folder", [D(2026, 1, 1), D(2026, 1, 2)])
    value = block.to_python({"source": plan.pk, "max_items": 50})

    def queries():
        block.render(value)
        with CaptureQueriesContext(connection) as captured:
            block.render(value)
        return len(captured)

    few = queries()
    make_folder(plan, "Second folder", [D(2026, 2, day) for day in range(1, 9)])
    for day in range(3, 9):
        folder.items.create(
            title=f"Extra {day}", kind="audit", date=D(2026, 1, day), link="https://a.example/"
        )
    publish(folder)
    assert queries() == few


# -- commitments -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_commitment_list_shows_live_commitments_with_progress(plan):
    objective = PlanObjective.objects.get(page_id=plan.pk)
    contracts = make_commitment(
        plan,
        "Open contracts",
        ["complete", "complete", "in_progress"],
        objective=objective,
        end_date=D(2027, 11, 30),
    )
    make_commitment(plan, "Participatory budget", [])
    make_commitment(plan, "Secret draft").unpublish()
    soup = parse(render(CommitmentListBlock(), {"plan": plan.pk, "heading_level": "3"}))
    heading = soup.find(class_="ogp-block__heading")
    assert (heading.name, words(heading)) == ("h3", "Commitments")
    cards = {
        words(card.find(class_="ogp-card__title")): card
        for card in soup.select("li.ogp-commitment-summary")
    }
    assert list(cards) == ["Open contracts", "Participatory budget"]  # the plan's order
    open_contracts, budget = cards.values()
    assert open_contracts.find(class_="ogp-card__title").a["href"] == contracts.url
    assert definitions(open_contracts) == {
        "Start": date_format(D(2026, 1, 1), "DATE_FORMAT"),
        "End": date_format(D(2027, 11, 30), "DATE_FORMAT"),
        "Objective": "A transparent budget",
    }
    assert [time["datetime"] for time in open_contracts("time")] == ["2026-01-01", "2027-11-30"]
    assert "Objective" not in definitions(budget)
    summary = words(open_contracts.find(class_="ogp-progress__text"))
    assert summary == "2 of 3 milestones complete · 66 %"
    assert words(budget.find(class_="ogp-progress__text")) == "No milestones yet"
    label = progress_label(Milestone.objects.filter(page=contracts), timezone.localdate())
    assert words(open_contracts.find(class_="ogp-badge")) == label.label
    more = soup.find(class_="ogp-block__more").a
    assert (more["href"], words(more)) == (plan.url, "Action plan 2026-2028")


@pytest.mark.django_db
def test_commitment_list_of_an_unpublished_plan_shows_nothing(plan):
    make_commitment(plan, "Open contracts")
    plan.unpublish()
    assert render(CommitmentListBlock(), {"plan": plan.pk}).strip() == ""


@pytest.mark.django_db
def test_commitment_list_queries_do_not_grow_with_commitments(plan):
    block = CommitmentListBlock()
    value = block.to_python({"plan": plan.pk})

    def queries():
        block.render(value)  # warm the per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as captured:
            html = block.render(value)
        return len(captured), html

    make_commitment(plan, "First", ["complete"])
    make_commitment(plan, "Second", ["in_progress"])
    few, html = queries()
    assert "Second" in html
    for number in range(3, 9):
        make_commitment(plan, f"Commitment {number}", ["complete", "not_started"])
    many, html = queries()
    assert "Commitment 8" in html
    assert many == few


# -- the library as a whole, on a real page -------------------------------------------------------


def test_stream_block_offers_every_block():
    names = list(OpenGovernmentStreamBlock().child_blocks)
    assert names == [
        "resources",
        "key_dates",
        "consultation",
        "contact",
        "evidence",
        "commitments",
        "progress",
        "latest_updates",
    ]
    assert [name for name, _block in ogp_block_types()] == names
    first, second = ogp_block_types(), ogp_block_types()
    assert all(a[1] is not b[1] for a, b in zip(first, second, strict=True))
    for block in OpenGovernmentStreamBlock().child_blocks.values():
        assert block.meta.template.startswith("ogp_wagtail/blocks/")
        assert block.meta.icon and block.meta.label


@pytest.mark.django_db
def test_a_published_page_with_every_block(client, home, hub, plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo, milestones=3)
    folder = factories.evidence_folder(commitment)
    factories.consultation(plan)  # open now
    body = [
        {
            "type": "resources",
            "value": {"heading": "Guides PAGE-RES", "resources": [resource()]},
        },
        {"type": "key_dates", "value": {**CALENDAR, "heading": "Calendar PAGE-KEY"}},
        {"type": "consultation", "value": callout(within=hub.pk)},
        {"type": "contact", "value": contact(hub=hub.pk, name="PAGE-POC")},
        {"type": "evidence", "value": {"source": folder.pk, "max_items": 5}},
        {"type": "commitments", "value": {"plan": plan.pk}},
        {"type": "progress", "value": {"page": commitment.pk, "display": "both"}},
        {"type": "latest_updates", "value": {"source": hub.pk, "max_items": 3}},
    ]
    page = home.add_child(instance=BlocksPage(title="Open government at a glance", body=body))
    publish(page)
    assert isinstance(Page.objects.get(pk=page.pk).specific.body, StreamValue)

    response = client.get(page.url)
    assert response.status_code == 200
    html = squash(response.content.decode())
    soup = parse(html)
    assert soup.find("link", rel="stylesheet", href=re.compile(r"/ogp-wagtail-blocks\.css$"))
    assert len(soup.select(".ogp-block")) == 8
    # Each block, found by its class, shows its own content.
    rendered = {
        name: words(soup.select_one(f".ogp-block.{css_class}"))
        for name, css_class in [
            ("resources", "ogp-resource-list"),
            ("key_dates", "ogp-key-dates"),
            ("consultation", "ogp-callout"),
            ("contact", "ogp-contact-block"),
            ("evidence", "ogp-evidence-list"),
            ("commitments", "ogp-commitment-list"),
            ("progress", "ogp-milestone-progress"),
            ("latest_updates", "ogp-latest-updates"),
        ]
    }
    for name, expected in [
        ("resources", "Guides PAGE-RES"),
        ("resources", "REC-SUM"),
        ("key_dates", "Calendar PAGE-KEY"),
        ("consultation", "Co-creation consultation"),  # the open one under the hub's plan
        ("consultation", "Open for input"),
        ("contact", "PAGE-POC"),
        ("contact", "City Hall"),
        ("evidence", "Minutes EV-DOC"),
        ("evidence", "Dataset EV-LINK"),
        ("commitments", "Open budget data"),
        ("commitments", "1 of 3 milestones complete · 33 %"),
        ("progress", "33 % complete"),
        ("latest_updates", "Latest progress updates"),
    ]:
        assert expected in rendered[name], (name, expected)
    progress_block = soup.select_one(".ogp-block.ogp-milestone-progress")
    assert progress_block.find(attrs={"role": "progressbar"})["aria-valuenow"] == "33"
    # Each block's heading is labelled by its own, unique id (the stream child's).
    ids = re.findall(r'aria-labelledby="(ogp-block-[^"]+)"', html)
    assert len(ids) == 7 == len(set(ids))  # the progress widget labels itself
    for block_id in ids:
        assert f'id="{block_id}"' in html


def test_block_stylesheet_uses_logical_properties_only():
    from pathlib import Path

    import ogp_wagtail

    css = (
        Path(ogp_wagtail.__file__).parent / "static/ogp_wagtail/css/ogp-wagtail-blocks.css"
    ).read_text()
    physical_property = re.compile(
        r"(?<![\w-])(left|right|top|bottom|(margin|padding|border)-(left|right|top|bottom)[\w-]*)"
        r"\s*:"
    )
    physical_value = re.compile(r"(text-align|float|clear)\s*:\s*(left|right)")
    assert physical_property.search("a { margin-left: 0 }")  # the patterns do catch them
    assert physical_value.search("a { float: right }")
    assert not physical_property.search(css)
    assert not physical_value.search(css)
