"""The public search and the plan's commitment filter in a real browser.

A resident searches with the keyboard alone (Tab to the field, type, Enter; Tab to a facet,
Space, Tab to "Apply filters", Enter) and the result count follows the facet's own count;
axe-core finds nothing on the results, on the page without a query and on the 400 page of a
query too long; nothing scrolls sideways at 320 px or at 1280 px, in English and in Arabic
(right to left). Every control of the search form and of the plan's filter form is a 44 × 44
px target with a visible focus ring. The plan's filter works with JavaScript off, and a
commitment's classification tags open the search filtered by the tag, its box ticked.
"""

import datetime
import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from ogp_wagtail.models import CommitmentPage, Milestone
from ogp_wagtail.pages.search import OpenGovernmentSearchPage
from tests import factories
from tests.conftest import make_commitment
from tests.e2e.axe import assert_no_violations
from tests.e2e.test_form_targets import FOCUS_OUTLINE, MIN_TARGET, TARGETS, contrast
from tests.e2e.test_phone_layout import OVERFLOW, overflow_report

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 720}
VIEWPORTS = [WIDE, NARROW]
LANGUAGES = [None, "ar"]
# A word that only one milestone holds: not in any title, field or other milestone.
MILESTONE_WORD = "kestrel"
TOO_LONG = "a" * 300  # the search takes 200 characters at most

# The element that has focus: which one it is, and its focus ring (FOCUS_OUTLINE's answer).
ACTIVE = (
    """() => {
    const element = document.activeElement;
    const form = element.closest("form");
    return {
        tag: element.tagName.toLowerCase(),
        type: element.type || "",
        id: element.id,
        name: element.getAttribute("name") || "",
        value: element.getAttribute("value") || "",
        text: (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50),
        inForm: !!form,
        index: Array.prototype.indexOf.call(document.getElementsByTagName("*"), element),
        ring: ("""
    + FOCUS_OUTLINE
    + """)(element),
    };
}"""
)

# Every control of the form that holds ``selector`` (a form, or the <details> around one),
# as ACTIVE describes them, to check that Tab reaches each one.
CONTROLS = """(selector) => {
    const scope = document.querySelector(selector);
    const controls = scope.querySelectorAll("summary, button, input, select, textarea");
    return Array.from(controls)
        .filter((element) => element.type !== "hidden")
        .map((element) => Array.prototype.indexOf.call(
            document.getElementsByTagName("*"), element
        ));
}"""

NO_SIDEWAYS_SCROLL = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
})"""


def describe(stop):
    return f"{stop['tag']}[{stop['type']}] {stop['name']}={stop['value']} {stop['text']!r}"


def open_page(page, url, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, (url, response and response.status)
    return response


def point_default_site_at(live_server):
    """Serve the default site at the live server's address (see ``ogp_site``)."""
    address = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = address.hostname, address.port
    site.save()


def total(page):
    """The number the results heading gives ("2 results"; the digits in any language)."""
    heading = page.locator("#ogp-search-count")
    expect(heading).to_be_visible()
    return int(re.search(r"\d+", heading.inner_text()).group())


def facet_count(label_text):
    """The count a facet's label ends with: "Commitment (1)" is 1."""
    found = re.search(r"\((\d+)\)\s*$", label_text.strip())
    assert found, f"no count in the facet label {label_text!r}"
    return int(found.group(1))


def tab_to(page, matches, limit=80):
    """Press Tab until ``matches(stop)``; every stop on the way, failing on a keyboard trap."""
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(ACTIVE)
        assert stop["index"] not in seen, (
            "focus came back to an element already visited before reaching the target: "
            + " > ".join(describe(s) for s in stops + [stop])
        )
        seen.add(stop["index"])
        stops.append(stop)
        if matches(stop):
            return stops
    raise AssertionError(
        f"not reached in {limit} presses of Tab: " + " > ".join(describe(s) for s in stops)
    )


def assert_visible_focus(stop):
    """A ring of 2 px or more, standing out 3:1 from the background (WCAG 2.4.7, 1.4.11)."""
    ring = stop["ring"]
    assert ring["focused"], stop
    assert ring["style"] != "none" and ring["width"] >= 2, f"no focus ring on {describe(stop)}"
    ratio = contrast(ring["color"], ring["background"])
    assert ratio >= 3, f"{describe(stop)}: focus ring contrast {ratio:.2f}:1 ({ring})"


@pytest.fixture
def search_site(live_server, django_db_serialized_rollback, home, hub, plan, organisation, ngo):
    """Two filled commitments, one with a milestone only it holds the word of, an evidence
    folder, and the search page under the home page, served by the live server."""
    point_default_site_at(live_server)
    factories.fill_plan(plan, organisation, ngo)
    commitment = factories.full_commitment(plan, organisation, ngo, milestones=3)
    commitment = CommitmentPage.objects.get(pk=commitment.pk)
    Milestone.objects.create(
        page=commitment,
        sort_order=3,
        description=f"Map the {MILESTONE_WORD} nesting sites",
        start_month=datetime.date(2026, 1, 1),
        end_month=datetime.date(2026, 6, 1),
        status="complete",
    )
    commitment.save_revision().publish()
    factories.evidence_folder(commitment, milestone=commitment.milestones.first())
    second = factories.full_commitment(
        plan, organisation, ngo, title="Participatory budgeting", milestones=2
    )
    search = home.add_child(instance=OpenGovernmentSearchPage(title="Search", slug="search"))
    search.save_revision().publish()
    search.refresh_from_db()

    def address(target, language=None, query=""):
        prefix = f"/{language}" if language else ""
        return f"{live_server.url}{prefix}{target.url}{query}"

    def url(query="", language=None):
        return address(search, language, query)

    return SimpleNamespace(
        url=url, address=address, search=search, plan=plan, commitment=commitment, second=second
    )


def test_search_and_a_facet_with_the_keyboard_alone(page, search_site):
    open_page(page, search_site.url())

    # From the top of the page to the search field by Tab, then type and press Enter.
    stops = tab_to(page, lambda stop: stop["id"] == "ogp-search-q")
    assert_visible_focus(stops[-1])
    page.keyboard.type(MILESTONE_WORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert parse_qs(urlsplit(page.url).query)["q"] == [MILESTONE_WORD]
    expect(page.locator("#ogp-search-q")).to_have_value(MILESTONE_WORD)

    # The commitment is found by its milestone's word, and so is the milestone itself.
    results = page.locator(".ogp-result")
    commitment = page.locator(".ogp-result--commitment")
    expect(commitment).to_have_count(1)
    expect(commitment.locator("a")).to_have_text(search_site.commitment.title)
    expect(page.locator(".ogp-result--milestone a")).to_contain_text(MILESTONE_WORD)
    expect(page.locator(".ogp-result a", has_text=search_site.second.title)).to_have_count(0)
    before = total(page)
    assert before == results.count() == 2, page.locator(".ogp-search__list").inner_text()
    assert_no_violations(page)

    # Tab to the "Commitment" type facet, tick it with Space, Tab on to "Apply filters",
    # press Enter: only the commitment is left, as many results as the facet said.
    box = page.locator('input[type=checkbox][name=type][value="commitment"]')
    expected = facet_count(box.locator("xpath=..").inner_text())
    assert expected < before
    stops = tab_to(page, lambda stop: (stop["name"], stop["value"]) == ("type", "commitment"))
    assert_visible_focus(stops[-1])
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    stops = tab_to(page, lambda stop: stop["tag"] == "button" and stop["inForm"])
    apply = stops[-1]
    assert apply["text"] == "Apply filters", describe(apply)
    assert_visible_focus(apply)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == [MILESTONE_WORD] and query["type"] == ["commitment"], page.url
    assert total(page) == expected == results.count() == 1
    expect(commitment.locator("a")).to_have_text(search_site.commitment.title)
    expect(box).to_be_checked()
    expect(page.locator("#ogp-search-q")).to_have_value(MILESTONE_WORD)
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language or "en")
def test_search_pages_have_no_axe_violations(page, search_site, language):
    # Nothing searched yet: every item, with its facets.
    open_page(page, search_site.url(language=language))
    if language:
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".ogp-facet").first).to_be_visible()
    assert total(page) > 0
    assert_no_violations(page)

    # Results of a query, narrowed by a facet.
    open_page(page, search_site.url(f"?q={MILESTONE_WORD}&type=commitment", language=language))
    expect(page.locator(".ogp-result")).to_have_count(1)
    expect(page.locator(".ogp-facet input:checked")).to_have_count(1)
    assert_no_violations(page)

    # A query of 300 characters, typed into the address: 400, with the reason announced.
    open_page(page, search_site.url(f"?q={TOO_LONG}", language=language), status=400)
    errors = page.locator("#ogp-search-errors")
    expect(errors).to_be_visible()
    expect(errors).to_have_attribute("role", "alert")
    expect(errors).to_contain_text("200")
    field = page.locator("#ogp-search-q")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "ogp-search-errors")
    expect(page.locator(".ogp-result")).to_have_count(0)
    assert_no_violations(page)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda viewport: f"{viewport['width']}px")
def test_search_pages_do_not_scroll_sideways(new_context, search_site, viewport):
    page = new_context(viewport=viewport).new_page()
    pages = {
        "no query": ("", 200),
        "results": (f"?q={MILESTONE_WORD}", 200),
        "results with a facet": (f"?q={MILESTONE_WORD}&type=commitment", 200),
        "query too long": (f"?q={TOO_LONG}", 400),
    }
    failures = []
    for language in LANGUAGES:
        for name, (query, status) in pages.items():
            open_page(page, search_site.url(query, language=language), status=status)
            if language:
                expect(page.locator("html")).to_have_attribute("lang", "ar")
                expect(page.locator("html")).to_have_attribute("dir", "rtl")
            widths = page.evaluate(NO_SIDEWAYS_SCROLL)
            assert widths["innerWidth"] == viewport["width"], widths
            if widths["scrollWidth"] > widths["innerWidth"]:
                found = page.evaluate(OVERFLOW, viewport["width"])
                failures.append(f"{name} ({language or 'en'}): {overflow_report(found)}")
    assert not failures, f"search pages wider than a {viewport['width']} px screen:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda viewport: f"{viewport['width']}px")
def test_search_and_filter_controls_are_44_px_targets(new_context, search_site, viewport):
    page = new_context(viewport=viewport).new_page()
    problems, kinds = [], set()
    for name, url in {
        "search": search_site.url(f"?q={MILESTONE_WORD}"),
        "search (ar)": search_site.url(f"?q={MILESTONE_WORD}", language="ar"),
        "plan filter": search_site.plan.full_url,
    }.items():
        open_page(page, url)
        targets = page.evaluate(TARGETS, MIN_TARGET)
        assert targets, f"no form control on the {name} page"
        kinds.update(target["kind"] for target in targets)
        problems += [
            f"{name}: {target['what']}: {target['size']['width']}×{target['size']['height']} px"
            f" (own box {target['own']['width']}×{target['own']['height']})"
            for target in targets
            if target["small"]
        ]
    # The search field and button, the facets' boxes, the plan's summary, sort and Apply.
    assert {"search", "submit", "checkbox", "summary", "select-one"} <= kinds, kinds
    assert not problems, (
        f"targets smaller than {MIN_TARGET}×{MIN_TARGET} px at {viewport['width']} px:\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language or "en")
def test_every_search_and_filter_control_shows_its_focus(page, search_site, language):
    # The search form: Tab from the top reaches every control, each with a visible ring.
    open_page(page, search_site.url(f"?q={MILESTONE_WORD}", language=language))
    controls = set(page.evaluate(CONTROLS, "form.ogp-search__form"))
    assert len(controls) >= 4, controls
    stops = tab_to(page, lambda stop: stop["tag"] == "button" and stop["index"] == max(controls))
    reached = [stop for stop in stops if stop["index"] in controls]
    assert {stop["index"] for stop in reached} == controls, [describe(s) for s in stops]
    for stop in reached:
        assert_visible_focus(stop)

    # The plan's filter: Tab to its summary, open it with Enter, Tab through the form.
    open_page(page, search_site.address(search_site.plan, language))
    stops = tab_to(page, lambda stop: stop["tag"] == "summary")
    assert_visible_focus(stops[-1])
    page.keyboard.press("Enter")
    expect(page.locator("details.ogp-filter")).to_have_attribute("open", "")
    controls = set(page.evaluate(CONTROLS, "details.ogp-filter"))
    assert len(controls) >= 4, controls
    stops = stops[-1:] + tab_to(
        page, lambda stop: stop["tag"] == "button" and stop["index"] == max(controls)
    )
    reached = [stop for stop in stops if stop["index"] in controls]
    assert {stop["index"] for stop in reached} == controls, [describe(s) for s in stops]
    for stop in reached:
        assert_visible_focus(stop)


@pytest.fixture
def two_statuses(live_server, django_db_serialized_rollback, home, hub, plan):
    """A plan with a complete commitment and a blocked one, served by the live server."""
    point_default_site_at(live_server)
    complete = make_commitment(plan, "Street lighting", statuses=("complete",))
    blocked = make_commitment(plan, "Bus shelters", statuses=("blocked",))
    plan.refresh_from_db()
    return SimpleNamespace(plan=plan, complete=complete, blocked=blocked)


def test_plan_filter_works_without_javascript(new_context, two_statuses):
    page = new_context(viewport=WIDE, java_script_enabled=False).new_page()
    open_page(page, two_statuses.plan.full_url)
    cards = page.locator("#ogp-commitments .ogp-card__title")
    expect(cards).to_have_count(2)

    page.locator("details.ogp-filter > summary").click()
    form = page.locator("details.ogp-filter form")
    expect(form).to_be_visible()
    blocked = form.locator('input[type=checkbox][name=status][value="blocked"]')
    expect(form.locator("input[type=checkbox][name=status]")).to_have_count(2)
    expect(blocked.locator("xpath=..")).to_contain_text("(1)")
    blocked.check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert parse_qs(urlsplit(page.url).query)["status"] == ["blocked"], page.url
    assert urlsplit(page.url).fragment == "ogp-commitments", page.url
    expect(cards).to_have_text([two_statuses.blocked.title])
    expect(page.locator("#ogp-commitments [role=status]")).to_contain_text("1")
    expect(page.locator("details.ogp-filter")).to_have_attribute("open", "")
    expect(blocked).to_be_checked()

    # axe is a script, and Playwright's evaluate never returns where scripts are off: run it
    # on the same filtered address (a plain GET) in a context that runs them.
    filtered = new_context(viewport=WIDE).new_page()
    open_page(filtered, page.url)
    expect(filtered.locator("#ogp-commitments .ogp-card__title")).to_have_text(
        [two_statuses.blocked.title]
    )
    assert_no_violations(filtered)


def test_tag_links_open_the_search_filtered_by_the_tag(page, search_site):
    open_page(page, search_site.commitment.full_url)
    tags = page.locator(".ogp-tags a[rel=tag]")
    links = [(tag.inner_text(), tag.get_attribute("href")) for tag in tags.all()]
    # The full commitment's policy area, sector and OGP value.
    assert len(links) == 3, links
    for text, href in links:
        open_page(page, search_site.commitment.full_url)
        with page.expect_navigation():
            page.locator(".ogp-tags a[rel=tag]", has_text=text).click()
        assert urlsplit(page.url).path == search_site.search.url, page.url
        ((facet, values),) = parse_qs(urlsplit(page.url).query).items()
        box = page.locator(f'input[type=checkbox][name="{facet}"][value="{values[0]}"]')
        expect(box).to_be_checked()
        label = box.locator("xpath=..")
        expect(label).to_contain_text(text)
        checked = page.locator(".ogp-facet input[type=checkbox]:checked")
        expect(checked).to_have_count(1)
        assert total(page) == facet_count(label.inner_text()), (text, href)
        expect(
            page.locator(".ogp-result--commitment a", has_text=search_site.commitment.title)
        ).to_have_count(1)
