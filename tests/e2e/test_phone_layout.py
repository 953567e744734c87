"""The public pages on the narrowest phone screen (320 CSS px): nothing scrolls sideways.

A page that is wider than the screen makes every line of it pan; a table that scrolls inside
its box hides its last columns. At 320 px every page fits, in English and in Arabic (right to
left), and each milestone's status is on screen without scrolling anything.
"""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from ogp_wagtail.updates.models import ProgressUpdate
from tests.e2e.axe import assert_no_violations

NARROW = {"width": 320, "height": 720}
PAGE_TYPES = ["hub", "plan", "commitment", "evidence_folder", "consultation", "progress_update"]

# The width of the document, and what sticks out of the screen: the outermost element that
# does (the box that makes the page scroll) and the innermost ones (the words, links or boxes
# that push it out), furthest out first. An element clipped by an ancestor (a box that
# scrolls or hides its overflow) does not make the page scroll and is left out.
OVERFLOW = """(limit) => {
    const clipped = (element) => {
        for (let node = element.parentElement; node !== document.body; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.overflowX !== "visible" || style.clipPath !== "none") return true;
        }
        return false;
    };
    const describe = (element) => {
        const classes = typeof element.className === "string" && element.className.trim()
            ? "." + element.className.trim().split(/\\s+/).join(".") : "";
        const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50);
        return `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}${classes}`
            + (text ? ` "${text}"` : "");
    };
    const wide = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || clipped(element)) continue;
        const beyond = Math.max(box.right - limit, -box.left);
        if (beyond > 0.5) wide.push({element, beyond, width: box.width});
    }
    const within = (outer, inner) => outer !== inner && outer.contains(inner);
    const outermost = wide.filter((item) => !wide.some((o) => within(o.element, item.element)));
    const innermost = wide.filter((item) => !wide.some((o) => within(item.element, o.element)));
    const report = (items, count) => items
        .sort((a, b) => b.beyond - a.beyond || a.width - b.width)
        .slice(0, count)
        .map((item) => ({
            what: describe(item.element),
            beyond: Math.round(item.beyond),
            width: Math.round(item.width),
        }));
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        wide: [...report(outermost, 2), ...report(innermost, 4)],
    };
}"""


def overflow_report(found):
    """What the page's width is, and the elements that stick out, one a line."""
    return f"{found['scrollWidth']} px wide\n" + "\n".join(
        f"      {item['what']}: {item['beyond']} px beyond the edge, {item['width']} px wide"
        for item in found["wide"]
    )


# Each milestone's status badge, and whether it is inside the screen and inside the box the
# table is drawn in (a table that scrolls in its box hides the columns past its edge).
STATUS_CELLS = """() => {
    const badges = document.querySelectorAll(".ogp-table tbody .ogp-badge");
    return Array.from(badges, (badge) => {
        const box = badge.getBoundingClientRect();
        const wrap = badge.closest(".ogp-table-wrap").getBoundingClientRect();
        return {
            text: badge.textContent.trim(),
            left: Math.round(box.left),
            right: Math.round(box.right),
            wrapLeft: Math.round(wrap.left),
            wrapRight: Math.round(wrap.right),
            visible: box.width > 0 && box.left >= Math.max(0, wrap.left) - 0.5
                && box.right <= Math.min(window.innerWidth, wrap.right) + 0.5,
        };
    });
}"""


def progress_update(commitment):
    """A published progress update of ``commitment``, dated inside its span."""
    return ProgressUpdate.objects.create(
        commitment=commitment,
        date=datetime.date(2026, 3, 31),
        progress="<p>The dataset is online UPD-PROGRESS.</p>",
        live=True,
    )


def published_comment(target, body, parent=None, name="Amina"):
    """A comment on ``target`` (an update or a consultation) that a moderator has approved.

    The comments app is imported here, not above: this module also runs without it.
    """
    from ogp_wagtail.comments.display import Target
    from ogp_wagtail.comments.models import Comment, CommentStatus

    return Comment.objects.create(
        **Target(target).comment_fields(),
        parent=parent,
        author_name=name,
        author_email="amina@example.org",
        body=body,
        language="en",
        status=CommentStatus.APPROVED,
        published_at=timezone.now(),
    )


@pytest.fixture
def phone_site(ogp_site, live_server, organisation):
    """``ogp_site``'s addresses, and a progress update's, with published comments (and the
    forms to reply and report) when the comments app is installed.

    The lead agency gets what a real one has (the example site's do): a branch of government,
    an email address and a website, long words that do not break by themselves.
    """
    organisation.branch_of_government = "executive"
    organisation.email = "publicworks@hautrive.example"
    organisation.website = "https://www.hautrive.example/public-works/"
    organisation.save()
    update = progress_update(ogp_site.commitment)
    if apps.is_installed("ogp_wagtail.comments"):
        comment = published_comment(update, "Is the 2025 budget included? CMT-1")
        published_comment(update, "Yes, from March. CMT-2", parent=comment, name="Bilal")
        published_comment(ogp_site.consultation, "Will the forum meet online? CMT-3")

    def url(name, language=None):
        if name == "progress_update":
            prefix = f"/{language}" if language else ""
            return live_server.url + prefix + update.get_url()
        return ogp_site.url(name, language)

    return url


def open_narrow(new_context):
    return new_context(viewport=NARROW).new_page()


def test_no_public_page_scrolls_sideways_at_320_px(new_context, phone_site):
    page = open_narrow(new_context)
    failures = []
    for name in PAGE_TYPES:
        for language in (None, "ar"):
            url = phone_site(name, language)
            response = page.goto(url)
            assert response is not None and response.status == 200, (url, response.status)
            # The reply and report forms are part of the page once opened.
            page.evaluate('() => document.querySelectorAll("details").forEach(d => d.open = true)')
            found = page.evaluate(OVERFLOW, NARROW["width"])
            assert found["innerWidth"] == NARROW["width"], found
            if found["scrollWidth"] > NARROW["width"]:
                failures.append(f"{name} ({language or 'en'}): {overflow_report(found)}")
    assert not failures, "pages wider than a 320 px screen:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", [None, "ar"])
def test_milestone_status_is_on_screen_without_scrolling(new_context, phone_site, language):
    page = open_narrow(new_context)
    response = page.goto(phone_site("commitment", language))
    assert response is not None and response.status == 200
    cells = page.evaluate(STATUS_CELLS)
    assert len(cells) == 6, cells  # the six milestones of the full commitment
    hidden = [cell for cell in cells if not cell["visible"]]
    assert not hidden, f"status off screen or past the table's edge at 320 px: {hidden}"
    assert_no_violations(page)
