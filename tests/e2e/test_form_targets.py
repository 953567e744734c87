"""Every form the package renders is styled, with targets a finger can hit (44 × 44 CSS px).

The comment form, the reply and report forms under each published comment, and the form to
follow a commitment, on a desktop screen and on a 320 px phone, in English and in Arabic.
WCAG 2.5.5 (target size, enhanced): a checkbox or radio button counts by the larger of its
own box and its label's, since clicking the label ticks it.
"""

import re

import pytest
from django.urls import reverse

from tests.e2e.axe import assert_no_violations
from tests.e2e.test_phone_layout import progress_update, published_comment

# The forms are the comments app's: the core renders none.
pytestmark = pytest.mark.comments

MIN_TARGET = 44
VIEWPORTS = [{"width": 1280, "height": 900}, {"width": 320, "height": 720}]

# Every visible control of every form on the page, opening the <details> that hold the
# reply and report forms first, with the size of what one can click to use it.
TARGETS = """(minimum) => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const shown = (element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden"
            && !element.closest("[hidden], [aria-hidden='true']");
    };
    const describe = (element) => {
        const form = element.closest("form");
        const label = element.labels && element.labels[0];
        return `${element.tagName.toLowerCase()}${element.type ? "[" + element.type + "]" : ""}`
            + `${element.id ? "#" + element.id : ""}`
            + ` "${(label || element).textContent.trim().replace(/\\s+/g, " ").slice(0, 40)}"`
            + ` in ${form ? (form.id || form.className || form.action) : "no form"}`;
    };
    const size = (element) => {
        const box = element.getBoundingClientRect();
        return {width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10};
    };
    const found = [];
    const controls = document.querySelectorAll(
        "form button, form input, form select, form textarea, details > summary"
    );
    for (const element of controls) {
        if (element.type === "hidden" || !shown(element)) continue;
        const candidates = [element];
        if (element.type === "checkbox" || element.type === "radio") {
            for (const label of element.labels || []) if (shown(label)) candidates.push(label);
        }
        const sizes = candidates.map(size);
        const best = sizes.reduce(
            (a, b) => Math.min(b.width, b.height) > Math.min(a.width, a.height) ? b : a
        );
        found.push({
            what: describe(element),
            kind: element.type || element.tagName.toLowerCase(),
            size: best,
            own: sizes[0],
            small: best.width < minimum || best.height < minimum,
        });
    }
    return found;
}"""


# The focused element's outline, and the background it is drawn on (its nearest opaque one).
FOCUS_OUTLINE = """(element) => {
    const style = getComputedStyle(element);
    let background = "rgb(255, 255, 255)";
    for (let node = element.parentElement; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour !== "transparent" && !colour.endsWith(", 0)")) { background = colour; break; }
    }
    return {
        focused: document.activeElement === element,
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        color: style.outlineColor,
        background,
    };
}"""


def luminance(colour):
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])
    linear = [
        part / 12.92 if part <= 0.04045 else ((part + 0.055) / 1.055) ** 2.4
        for part in (red, green, blue)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    """The WCAG contrast ratio of two computed ``rgb(...)`` colours."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def form_pages(ogp_site, live_server):
    """The pages that render the package's forms, each with a comment and a reply to report."""
    commitment = ogp_site.commitment
    update = progress_update(commitment)
    for target in (update, ogp_site.consultation):
        comment = published_comment(target, "Is the 2025 budget included? CMT-1")
        published_comment(target, "Yes, from March. CMT-2", parent=comment, name="Bilal")
    follow = reverse("ogp_wagtail:follow:follow", args=[commitment.translation_key])
    return {
        "progress update": lambda language=None: (
            live_server.url + (f"/{language}" if language else "") + update.get_url()
        ),
        "consultation": lambda language=None: ogp_site.url("consultation", language),
        # The follow form lives outside Wagtail's pages, under the site's own URLs.
        "follow": lambda language=None: live_server.url + follow,
    }


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda viewport: f"{viewport['width']}px")
def test_every_form_control_is_a_44_px_target(new_context, form_pages, viewport):
    page = new_context(viewport=viewport).new_page()
    problems, kinds = [], set()
    for name, url in form_pages.items():
        response = page.goto(url())
        assert response is not None and response.status == 200, (name, url())
        targets = page.evaluate(TARGETS, MIN_TARGET)
        assert targets, f"no form control on the {name} page"
        kinds.update(target["kind"] for target in targets)
        problems += [
            f"{name}: {target['what']}: {target['size']['width']}×{target['size']['height']} px"
            f" (own box {target['own']['width']}×{target['own']['height']})"
            for target in targets
            if target["small"]
        ]
    # The forms really were there: buttons, fields, checkboxes, the report's radio buttons.
    assert {"submit", "text", "email", "textarea", "checkbox", "radio", "summary"} <= kinds, kinds
    assert not problems, (
        f"targets smaller than {MIN_TARGET}×{MIN_TARGET} px at {viewport['width']} px:\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize("language", [None, "ar"])
def test_forms_have_a_visible_focus_and_no_axe_violations(new_context, form_pages, language):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    for name, url in form_pages.items():
        if language and name == "follow":
            continue  # not under i18n_patterns: one language
        response = page.goto(url(language))
        assert response is not None and response.status == 200, (name, url(language))
        page.evaluate('() => document.querySelectorAll("details").forEach(d => d.open = true)')
        button = page.locator("form button[type=submit]").first
        button.focus()
        # Focused by the keyboard: :focus-visible applies.
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline = button.evaluate(FOCUS_OUTLINE)
        assert outline["focused"], (name, outline)
        assert outline["style"] != "none" and outline["width"] >= 2, (name, outline)
        # WCAG 1.4.11: the indicator stands out from what surrounds it by at least 3:1.
        ratio = contrast(outline["color"], outline["background"])
        assert ratio >= 3, f"{name}: focus outline contrast {ratio:.2f}:1 ({outline})"
        assert_no_violations(page)
