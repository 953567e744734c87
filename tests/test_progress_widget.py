"""The progress widget: on the pages, as a template tag, as an embeddable address."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site

from ogp_wagtail.models import Jurisdiction, StrategicVisionPage
from ogp_wagtail.views.embeds import embed_code
from tests.factories import commitment_around_today, month


@pytest.fixture
def wide_plan(plan):
    """The plan fixture stretched to hold commitments around today."""
    plan.start_date, plan.end_date, plan.mandate_end = month(-24), month(36), month(48)
    plan.save_revision().publish()
    return StrategicVisionPage.objects.get(pk=plan.pk)


@pytest.fixture
def commitment(wide_plan):
    # Weights 2, 1, 1, 1 (None counts 1): complete weighs 2 + 1 = 3 of 5 -> 60 %.
    return commitment_around_today(
        wide_plan,
        milestones=[
            ("complete", -12, -9, 2),
            ("complete", -8, -6, None),
            ("in_progress", -4, -1, None),  # ended last month, not complete: overdue
            ("incomplete", -3, 6, None),
        ],
    )


def parse(html):
    return BeautifulSoup(html, "html.parser")


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def progressbars(html):
    """The value of each progress bar, in order: what assistive technology announces."""
    soup = parse(html) if isinstance(html, str) else html
    return [bar["aria-valuenow"] for bar in soup.find_all(attrs={"role": "progressbar"})]


def fill_width(bar):
    """The inline size of a bar's fill, as drawn: ``"60%"``."""
    style = bar.find(class_="ogp-widget__fill")["style"]
    return re.fullmatch(r"inline-size: (\d+%)", style).group(1)


def test_commitment_page_shows_the_widget(client, commitment):
    soup = parse(client.get(commitment.url).content.decode())
    assert progressbars(soup) == ["60"]
    widget = soup.find("section", class_="ogp-widget")
    bar = widget.find(attrs={"role": "progressbar"})
    assert bar["aria-valuetext"] == "60 % complete, Delayed"
    assert fill_width(bar) == "60%"
    summary = widget.find(class_="ogp-widget__summary")
    assert words(summary) == "60 % complete Delayed 1 milestone overdue"
    explanation = words(widget.find(class_="ogp-widget__explanation"))
    assert explanation.startswith(
        "The complete milestones weigh 3 out of 5: 60 % (rounded down). "
        "1 milestone ended incomplete: it counts as ended, never as complete. "
        "The percentage is the total weight of the complete milestones"
    )
    rows = widget.select(".ogp-timeline__row")
    assert len(rows) == 4
    # Today is marked on each milestone's track; only the third milestone is overdue.
    assert all(row.select(".ogp-timeline__track .ogp-timeline__today") for row in rows)
    overdue = [
        words(row.find(class_="ogp-timeline__label"))
        for row in rows
        if row.find(class_="ogp-badge--overdue")
    ]
    assert len(overdue) == 1 and overdue[0].startswith("Open budget data step 3 (")
    assert overdue[0].endswith("In progress Overdue")


def test_plan_dashboard_has_one_bar_per_commitment(client, wide_plan, commitment):
    commitment_around_today(wide_plan, "Second", milestones=[("complete", -6, -5, None)])
    commitment_around_today(wide_plan, "No milestone yet")
    dashboard = parse(client.get(wide_plan.url).content.decode()).find(class_="ogp-dashboard")
    # The plan: 3 + 1 of 5 + 1 = 66 %; then each commitment with milestones.
    assert progressbars(dashboard) == ["66", "60", "100"]
    items = dashboard.select(".ogp-widget__commitment")
    assert [(words(item.a), progressbars(item)) for item in items] == [
        ("Open budget data", ["60"]),
        ("Second", ["100"]),
        ("No milestone yet", []),  # listed, without a bar or a percent
    ]
    assert "%" not in words(items[2])


def test_a_finished_commitment_with_an_incomplete_milestone_is_not_labelled_complete(
    client, wide_plan
):
    finished = commitment_around_today(
        wide_plan,
        "Finished",
        milestones=[("complete", -9, -8, None)] * 3 + [("incomplete", -7, -6, None)],
    )
    widget = parse(client.get(finished.url).content.decode()).find("section", class_="ogp-widget")
    bar = widget.find(attrs={"role": "progressbar"})
    assert bar["aria-valuetext"] == "75 % complete, Ended incomplete"
    assert words(widget.find(class_="ogp-widget__summary")) == "75 % complete Ended incomplete"
    assert "1 milestone ended incomplete" in words(widget.find(class_="ogp-widget__explanation"))


def test_a_plan_is_labelled_by_counting_its_commitments_labels(client, wide_plan):
    for number in range(3):
        commitment_around_today(wide_plan, f"On track {number}", [("in_progress", -1, 3, None)])
    for number in range(2):
        commitment_around_today(wide_plan, f"Blocked {number}", [("blocked", -1, 3, None)])
    dashboard = parse(client.get(wide_plan.url).content.decode()).find(class_="ogp-dashboard")
    summary = dashboard.find(class_="ogp-widget__summary")
    # Not "Blocked": two blocked commitments of five do not block the plan.
    assert words(summary) == "0 % complete Commitments: 3 on track, 2 blocked"
    assert not summary.find(class_="ogp-badge--blocked")
    assert dashboard.find(attrs={"role": "progressbar"})["aria-valuetext"] == (
        "0 % complete, 3 on track, 2 blocked"
    )


def test_the_plans_progress_comes_first_and_is_in_the_section_links(client, wide_plan, commitment):
    soup = parse(client.get(wide_plan.url).content.decode())
    dashboard = soup.find(class_="ogp-dashboard")
    # Before the nine Annex 1 sections, not 5,600 px down a phone's screen after them.
    assert dashboard.find_next(id="ogp-vision") is not None
    links = [a["href"] for a in soup.find("nav", class_="ogp-toc").find_all("a")]
    assert links[:2] == [f"#{dashboard['id']}", "#ogp-vision"]


def test_embed_renders_the_widget_alone_and_may_be_framed(client, settings, commitment):
    settings.OGP_WAGTAIL_BASE_TEMPLATE = "custom_base.html"
    page_response = client.get(commitment.url)
    assert page_response["X-Frame-Options"] == "DENY"
    response = client.get(f"{commitment.url}embed/progress/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert response["Content-Security-Policy"] == "frame-ancestors *"
    html = response.content.decode()
    assert (
        "CUSTOM-SITE-HEADER" not in html and "CUSTOM-SITE-HEADER" in page_response.content.decode()
    )
    assert progressbars(html) == ["60"] and "ogp-timeline__rows" in html
    # Links leave the frame: the reader goes on in a window of its own.
    source = parse(html).find(class_="ogp-embed__source").a
    assert (source["href"], source["target"]) == (commitment.url, "_blank")
    plan_html = parse(client.get(f"{commitment.get_parent().url}embed/progress/").content)
    assert [a["target"] for a in plan_html.select(".ogp-widget__commitment a")] == ["_blank"]


def test_embed_display_choices(client, commitment, wide_plan):
    bar = client.get(f"{commitment.url}embed/progress/?display=bar").content.decode()
    assert progressbars(bar) == ["60"] and "ogp-timeline__rows" not in bar
    response = client.get(f"{commitment.url}embed/progress/?display=<script>")
    assert response.status_code == 400
    assert b"<script>" not in response.content
    assert client.get(f"{wide_plan.url}embed/progress/").status_code == 200


def test_template_tag_for_integrators(commitment, wide_plan):
    template = Template("{% load ogp_wagtail_tags %}{% ogp_progress page display='bar' %}")
    html = template.render(Context({"page": commitment}))
    assert progressbars(html) == ["60"] and "ogp-timeline__rows" not in html
    plan_html = template.render(Context({"page": wide_plan}))
    assert progressbars(plan_html) == ["60", "60"]


def test_editors_get_the_embed_code(editor_client, commitment):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(commitment.pk,))).content
    assert f"http://testserver{commitment.url}embed/progress/".encode() in html
    assert b"&lt;iframe" in html


def test_the_embed_heading_names_the_jurisdiction_and_the_page(client, commitment, wide_plan):
    for page, heading in [
        (commitment, "Riverton: Open budget data"),
        (wide_plan, "Riverton: Action plan 2026-2028"),
    ]:
        html = parse(client.get(f"{page.url}embed/progress/").content.decode())
        (title,) = html.find_all("h1")
        assert " ".join(title.get_text().split()) == heading
        # The widget's own heading comes under it.
        assert html.find(class_="ogp-widget__title").name == "h2"


def test_the_embed_code_uses_the_sites_address_and_grows_with_its_content(rf, commitment, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "gov.example.org", 443
    site.save()
    code = parse(embed_code(Page.objects.get(pk=commitment.pk).specific, rf.get("/admin/")))
    frame = code.find("iframe")
    assert frame["src"] == f"https://gov.example.org{commitment.url}embed/progress/"
    assert frame.has_attr("data-ogp-embed")
    # Without script the frame keeps a height and scrolls; the script makes it follow its
    # content, from the same site as the frame.
    assert int(frame["height"]) > 0 and frame.get("scrolling") != "no"
    assert code.find("script")["src"] == (
        "https://gov.example.org/static/ogp_wagtail/js/ogp-embed-host.js"
    )
    embed = parse(client_for(site).get(f"{commitment.url}embed/progress/").content.decode())
    assert embed.find("script", src="/static/ogp_wagtail/js/ogp-embed-frame.js")


def client_for(site):
    return Client(HTTP_HOST=site.hostname, SERVER_PORT=site.port, secure=site.port == 443)


def test_a_localhost_site_address_is_pointed_out_to_editors(editor_client, commitment):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.save()
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(commitment.pk,)))
    panel = parse(html.content.decode()).find(attrs={"data-ogp-embed-code": True})
    assert "localhost" in words(panel) and "Settings" in words(panel)


def test_widget_queries_do_not_grow_from_1_to_12_commitments_of_20_milestones(
    client, hub, wide_plan, locale_en
):
    def queries(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    steps = [("complete", -10 + n % 10, -9 + n % 10, None) for n in range(20)]
    small = commitment_around_today(wide_plan, "Only one", milestones=steps[:1])
    big_plan = hub.add_child(
        instance=StrategicVisionPage(
            title="Big plan", slug="big", start_date=month(-24), end_date=month(36)
        )
    )
    big_plan.jurisdictions.set(
        [
            Jurisdiction.objects.create(name=f"Town {n}", country="France", locale=locale_en)
            for n in range(3)
        ]
    )
    big_plan.save_revision().publish()
    commitments = [commitment_around_today(big_plan, f"Big {n}", steps) for n in range(12)]
    assert queries(big_plan) == queries(wide_plan)
    assert queries(commitments[0]) == queries(small)


def render_block(block, value):
    return block.render(block.to_python(value))


def test_milestone_progress_block(commitment, wide_plan):
    from ogp_wagtail.blocks import MilestoneProgressBlock

    block = MilestoneProgressBlock()
    html = render_block(block, {"page": commitment.pk, "display": "bar", "heading_level": "3"})
    assert progressbars(html) == ["60"] and "ogp-timeline__rows" not in html
    assert parse(html).find(class_="ogp-widget__title").name == "h3"
    assert "ogp-timeline__rows" in render_block(block, {"page": commitment.pk, "display": "both"})
    assert progressbars(render_block(block, {"page": wide_plan.pk})) == ["60", "60"]
    commitment.unpublish()
    assert render_block(block, {"page": commitment.pk}).strip() == ""


def test_latest_updates_block(hub, wide_plan, commitment):
    from ogp_wagtail.blocks import LatestUpdatesBlock
    from ogp_wagtail.models import ProgressUpdate

    def publish_update(page, day, text):
        update = ProgressUpdate(commitment=page, date=day, progress=f"<p>{text}</p>")
        update.save()
        update.save_revision().publish()
        return update

    other = commitment_around_today(wide_plan, "Other")
    publish_update(commitment, month(-3), "OLDEST")
    newest = publish_update(other, month(-1), "NEWEST")
    publish_update(commitment, month(-2), "MIDDLE")
    block = LatestUpdatesBlock()
    render_block(block, {"source": hub.pk, "max_items": 1})  # warms the site root paths cache

    with CaptureQueriesContext(connection) as few:
        html = render_block(block, {"source": hub.pk, "max_items": 2})
    assert html.index("NEWEST") < html.index("MIDDLE") and "OLDEST" not in html
    assert newest.get_url() in html
    with CaptureQueriesContext(connection) as many:
        render_block(block, {"source": hub.pk, "max_items": 3})
    assert len(many) == len(few)

    html = render_block(block, {"source": commitment.pk, "max_items": 5})
    assert "NEWEST" not in html and "OLDEST" in html
    assert f"{commitment.url}updates/feed/" in html
