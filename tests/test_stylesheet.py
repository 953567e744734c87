"""The package's stylesheet: what a test can check of colours without a browser."""

import re
from pathlib import Path

import pytest

from ogp_wagtail.choices import MilestoneStatus
from ogp_wagtail.progress import ProgressLabel

STYLESHEET = Path(__file__).resolve().parent.parent / "ogp_wagtail/static/ogp_wagtail/css"
CSS = re.sub(r"/\*.*?\*/", "", (STYLESHEET / "ogp-wagtail.css").read_text(), flags=re.S)
TRACK = "#eceef1"  # --ogp-tone-neutral-bg, the timeline's track


def custom_properties():
    return dict(re.findall(r"(--ogp-[\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))


def rule_of(selector):
    """The declarations of the one rule whose whole selector is ``selector``."""
    matches = re.findall(r"([^{}]+)\{([^{}]*)\}", CSS)
    bodies = [body for selectors, body in matches if selectors.strip() == selector]
    assert len(bodies) == 1, f"{selector} should have a rule of its own"
    return bodies[0]


def colours(declarations):
    names = custom_properties()
    found = [names[name] for name in re.findall(r"var\((--ogp-[\w-]+)\)", declarations)]
    return found + re.findall(r"#[0-9a-fA-F]{6}", declarations)


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


SPANS = {status: f".ogp-timeline__span--{status.replace('_', '-')}" for status in MilestoneStatus}


def test_each_status_draws_its_own_way_on_the_timeline():
    """Issue 8, item 11: "incomplete" and "not started" no longer share one grey."""
    drawings = {status: rule_of(selector) for status, selector in SPANS.items()}
    assert len(set(drawings.values())) == len(drawings)


@pytest.mark.parametrize("status", list(MilestoneStatus))
def test_each_status_colour_stands_out_from_the_track(status):
    """Non-text contrast (WCAG 1.4.11): the status's main colour, at least 3:1."""
    main = [c for c in colours(rule_of(SPANS[status])) if c.lower() != "#ffffff"]
    assert main, f"{status} draws with no colour of its own"
    assert contrast(main[0], TRACK) >= 3, (status, main[0])


@pytest.mark.parametrize("label", [label for label in ProgressLabel if label != "not_started"])
def test_each_progress_label_has_a_badge_colour(label):
    """A label's badge is coloured by a rule naming it; only "not started" is the neutral one."""
    selector = f".ogp-badge--{label.replace('_', '-')}"
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", CSS)
    bodies = [
        body for selectors, body in rules if selector in re.split(r"\s*,\s*", selectors.strip())
    ]
    assert bodies and any(colours(body) for body in bodies), selector
