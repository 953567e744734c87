"""One percent everywhere: a commitment at 60 % reads 60 %, and no other percent, wherever shown.

Three milestones weigh 3, 1 and 1 and only the first is complete: 3 of 5, 60 % by
``ogp_wagtail.progress``. Its plan has no other commitment, so the plan is at 60 % too. Each
surface that shows how complete the commitment or the plan is must show that 60: the pages,
the progress widget, the blocks, the embed and the Atom feeds.

A surface's completion figures are its text, its bars' ``aria-valuenow`` and
``aria-valuetext``, and the ``inline-size`` of its bars' fills. Two figures of the widget
measure something else and are left out: the share of the period elapsed and the
milestone timeline's layout (where each milestone sits on the calendar).
"""

import copy
import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 (parses our own responses)

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext

from ogp_wagtail import progress
from ogp_wagtail.blocks import CommitmentListBlock, MilestoneProgressBlock
from ogp_wagtail.models import CommitmentPage, Milestone
from tests.factories import commitment_around_today, month

ATOM = "{http://www.w3.org/2005/Atom}"
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
FILL_SIZE = re.compile(r"(?<![\w-])inline-size:\s*(\d+(?:\.\d+)?)%")


@pytest.fixture
def commitment(plan):
    """The plan's only commitment: milestones weighing 3, 1 and 1, the first complete."""
    # Around today, so that no milestone is overdue whenever the suite runs: "On track".
    return commitment_around_today(
        plan,
        "Open budget data",
        [("complete", -6, -1, 3), ("in_progress", -2, 6, 1), ("not_started", 1, 9, 1)],
    )


def parse(html):
    return BeautifulSoup(html, "html.parser")


def words(element):
    return " ".join(element.get_text(" ", strip=True).split())


def percents(element):
    """Every completion figure ``element`` shows, as strings: text, ARIA values, fill sizes."""
    found = PERCENT.findall(element.get_text(" "))
    for tag in [element, *element.find_all(True)]:
        if tag.has_attr("aria-valuenow"):
            found.append(tag["aria-valuenow"])
        found += PERCENT.findall(tag.get("aria-valuetext", ""))
        found += FILL_SIZE.findall(tag.get("style", ""))
    return found


def widget_percents(widget):
    """:func:`percents` of a progress widget, without the time elapsed and the timeline."""
    widget = copy.copy(widget)
    for other_measure in widget.select(".ogp-widget__time, .ogp-timeline"):
        other_measure.decompose()
    return percents(widget)


def assert_summary_reads_60(summary):
    """``includes/milestone_progress.html``: "1 of 3 milestones complete · 60 %" and its bar."""
    assert words(summary.find(class_="ogp-progress__text")) == "1 of 3 milestones complete · 60 %"
    assert summary.find(class_="ogp-progress__fill")["style"] == "inline-size: 60%"
    assert percents(summary) == ["60", "60"]


def assert_widget_reads_60(widget, bars=1):
    """The progress widget: each bar at 60 (announced and drawn), its text, and nothing else."""
    found = widget.find_all(attrs={"role": "progressbar"})
    assert len(found) == bars
    # A plan's bar (the first of two) counts its commitments' labels; a commitment's has one.
    texts = ["60 % complete, 1 on track"] * (bars - 1) + ["60 % complete, On track"]
    for bar, text in zip(found, texts, strict=True):
        assert bar["aria-valuenow"] == "60"
        assert bar["aria-valuetext"] == text
        assert bar.find(class_="ogp-widget__fill")["style"] == "inline-size: 60%"
    assert words(widget.find(class_="ogp-widget__percent")) == "60 % complete"
    explanation = words(widget.find(class_="ogp-widget__explanation"))
    assert explanation.startswith("The complete milestones weigh 3 out of 5: 60 % (rounded down).")
    assert set(widget_percents(widget)) == {"60"}


def render_block(block, raw):
    return parse(block.render(block.to_python(raw)))


def test_progress_computes_60_percent(commitment):
    assert progress.percent_complete(commitment.milestones.all()) == 60


def test_commitment_page(client, commitment):
    soup = parse(client.get(commitment.url).content.decode())
    assert_summary_reads_60(soup.find("header", class_="ogp-header").find(class_="ogp-progress"))
    assert_widget_reads_60(soup.find("section", class_="ogp-widget"))


def test_plan_page_dashboard_and_commitment_list(client, plan, commitment):
    soup = parse(client.get(plan.url).content.decode())
    # The plan's bar and its commitment's bar.
    assert_widget_reads_60(soup.find(class_="ogp-dashboard"), bars=2)
    commitments = soup.find(attrs={"aria-labelledby": "ogp-commitments-heading"})
    (card,) = commitments.select("li.ogp-card")
    assert_summary_reads_60(card)


def test_commitment_list_block(plan, commitment):
    html = render_block(CommitmentListBlock(), {"plan": plan.pk})
    (card,) = html.select("li.ogp-commitment-summary")
    assert_summary_reads_60(card)


@pytest.mark.parametrize("display", ["both", "bar", "timeline"])
def test_milestone_progress_block(plan, commitment, display):
    block = MilestoneProgressBlock()
    assert_widget_reads_60(render_block(block, {"page": commitment.pk, "display": display}))
    assert_widget_reads_60(render_block(block, {"page": plan.pk, "display": display}), bars=2)


def test_template_tag(plan, commitment):
    template = Template("{% load ogp_wagtail_tags %}{% ogp_progress page %}")
    assert_widget_reads_60(parse(template.render(Context({"page": commitment}))))
    assert_widget_reads_60(parse(template.render(Context({"page": plan}))), bars=2)


@pytest.mark.parametrize("query", ["", "?display=bar"])
def test_embed(client, plan, commitment, query):
    for page, bars in [(commitment, 1), (plan, 2)]:
        response = client.get(f"{page.url}embed/progress/{query}")
        assert response.status_code == 200
        assert_widget_reads_60(parse(response.content.decode()), bars=bars)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_atom_feeds_state_the_progress(client, plan, commitment, language):
    with translation.override(language):
        # The words of the widget's bar, in the reader's language.
        expected = {
            page: gettext("%(percent)s %% complete, %(label)s") % {"percent": 60, "label": label}
            for page, label in [
                (commitment, gettext("On track")),
                (plan, progress.summarise_labels({progress.ProgressLabel.ON_TRACK: 1})),
            ]
        }
    # The catalogue is there.
    assert language == "en" or expected[commitment] != "60 % complete, On track"
    prefix = "" if language == "en" else f"/{language}"
    for page in (commitment, plan):
        response = client.get(f"{prefix}{page.url}updates/feed/")
        assert response.status_code == 200
        feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
        assert feed.find(f"{ATOM}subtitle").text == expected[page]
        assert PERCENT.findall(response.content.decode()) == ["60"]  # nowhere else in the feed


def test_plan_feed_states_the_plans_progress_not_a_commitments(client, plan, commitment):
    """With a second commitment the plan is at 4 of 6 = 66 %: its feed says so, as its bar does."""
    second = plan.add_child(
        instance=CommitmentPage(
            title="Open contracts",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
        )
    )
    Milestone.objects.create(
        page=second, sort_order=0, start_month=month(-3), end_month=month(-1), status="complete"
    )
    second.save_revision().publish()
    dashboard = parse(client.get(plan.url).content.decode()).find(class_="ogp-dashboard")
    plan_bar = dashboard.find(attrs={"role": "progressbar"})
    assert plan_bar["aria-valuetext"] == "66 % complete, 1 on track, 1 complete"
    for page, expected in [
        (plan, plan_bar["aria-valuetext"]),
        (commitment, "60 % complete, On track"),
    ]:
        feed = ET.fromstring(client.get(f"{page.url}updates/feed/").content)  # noqa: S314
        assert feed.find(f"{ATOM}subtitle").text == expected


def test_feed_of_a_plan_without_milestones_states_no_percent(client, plan):
    response = client.get(f"{plan.url}updates/feed/")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.find(f"{ATOM}subtitle").text == "No commitments yet"  # never a made-up 0 %
    assert not PERCENT.findall(response.content.decode())
