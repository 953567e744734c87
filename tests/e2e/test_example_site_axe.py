"""axe-core on the example site as it is served: its own base template around the package's pages.

The example site runs in its own process, on its own SQLite file prepared as
tests/test_example_site.py prepares it (migrate, then load_example), served by
``runserver --insecure`` so that its stylesheets load with DEBUG off.
"""

import re

import pytest
from PIL import Image, ImageChops, ImageOps
from playwright.sync_api import expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.test_phone_layout import NARROW, OVERFLOW, overflow_report
from tests.example_server import example_env, only_in_the_sqlite_run, run, serve_example

pytestmark = [pytest.mark.slow, only_in_the_sqlite_run]


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("example_site_e2e")
    env = example_env(directory, EXAMPLE_ADMIN_PASSWORD="example-e2e-password")
    run(env, "migrate", "--no-input", "-v", "0")
    run(env, "load_example")
    # --insecure: serve the static files although DEBUG is off.
    with serve_example(env, directory / "runserver.log", "--insecure") as port:
        yield f"http://127.0.0.1:{port}"


FRENCH_PLAN = "/gouvernement-ouvert/plan-d-action-2026-2028/"
ENGLISH_PLAN = "/en/open-government/action-plan-2026-2028/"
ARABIC_PLAN = "/ar/open-government/action-plan-2026-2028/"
SPANISH_PLAN = "/es/gobierno-abierto/plan-de-accion-2026-2028/"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        # Package pages inside the integrator's own base template: the plan with its
        # dashboard, a commitment with its widget, updates and milestone histories,
        # the resources page built from blocks; in French (the site's first language),
        # then the commitment in Arabic (right to left) and in Spanish.
        FRENCH_PLAN,
        FRENCH_PLAN + "marches-publics-ouverts/",
        "/ressources/",
        "/ar/",
        ARABIC_PLAN,
        ARABIC_PLAN + "open-contracting/",
        SPANISH_PLAN + "contrataciones-abiertas/",
    ],
)
def test_example_site_page_has_no_axe_violations(page, example_server, path):
    failed = []
    page.on("response", lambda response: response.status < 400 or failed.append(response.url))
    response = page.goto(example_server + path)
    assert response is not None and response.status == 200, path
    assert not failed, f"not served (axe needs the real stylesheets): {failed}"
    expect(page.locator("h1").first).to_be_visible()
    assert_no_violations(page)


def test_progress_update_page_has_no_axe_violations(page, example_server):
    commitment = example_server + ENGLISH_PLAN + "open-contracting/"
    page.goto(commitment)
    update_url = page.locator(".ogp-update h3 a").first.get_attribute("href")
    response = page.goto(example_server + update_url)
    assert response is not None and response.status == 200
    assert_no_violations(page)


# Same-site pages a resident reads, found by following links from the home page: not the
# admin, documents, feeds or the embeddable widget (framed by other sites at their width).
NOT_PAGES = re.compile(r"^/(admin|documents|static|media)/|/(feed|embed)/|\.\w+$")
MAX_PAGES = 40


def reachable_pages(page, base_url, start="/", limit=MAX_PAGES):
    """The site's public pages (paths) reachable from a home page, breadth first."""
    queue, seen, pages = [start], {start}, []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        response = page.goto(base_url + path)
        if response is None or not response.headers.get("content-type", "").startswith("text/html"):
            continue
        pages.append(path)
        for href in page.eval_on_selector_all(
            "a[href]", "links => links.map(link => link.getAttribute('href'))"
        ):
            link = href.split("#")[0]
            if link.startswith("/") and link not in seen and not NOT_PAGES.search(link):
                seen.add(link)
                queue.append(link)
    return pages


def test_example_site_pages_fit_a_320_px_screen(new_context, example_server):
    """No page of the example site scrolls sideways on the narrowest phone, in either direction."""
    page = new_context(viewport=NARROW).new_page()
    pages = reachable_pages(page, example_server)
    # The crawl reached the package's pages: the plan, its commitments, their updates.
    assert FRENCH_PLAN + "marches-publics-ouverts/" in pages, pages
    assert any("/updates/" in path for path in pages), pages
    # Right to left: the Arabic site's first pages.
    pages += reachable_pages(page, example_server, start="/ar/", limit=12)
    failures = []
    for path in pages:
        response = page.goto(example_server + path)
        assert response is not None and response.status == 200, (path, response.status)
        page.evaluate('() => document.querySelectorAll("details").forEach(d => d.open = true)')
        found = page.evaluate(OVERFLOW, NARROW["width"])
        if found["scrollWidth"] > NARROW["width"]:
            failures.append(f"{path}: {overflow_report(found)}")
    assert not failures, f"{len(failures)} of {len(pages)} pages wider than 320 px:\n" + "\n".join(
        failures
    )


def test_only_the_embed_address_can_be_framed_by_another_origin(page, example_server):
    """A page on another origin (localhost is not 127.0.0.1) frames both addresses."""
    commitment = example_server + FRENCH_PLAN + "marches-publics-ouverts/"
    other_origin = example_server.replace("127.0.0.1", "localhost")
    page.goto(other_origin + "/no-such-page/")  # any document of the other origin
    page.set_content(
        f'<iframe id="embed" src="{commitment}embed/progress/"></iframe>'
        f'<iframe id="page" src="{commitment}"></iframe>'
    )
    embed = page.frame_locator("#embed")
    expect(embed.locator('[role="progressbar"]')).to_have_count(1)
    page.wait_for_timeout(1000)
    framed_page = page.frame(url=commitment)
    # The browser refuses to show the ordinary page in a frame (X-Frame-Options: DENY).
    assert framed_page is None or framed_page.locator("h1").count() == 0


def test_a_resident_comments_and_a_moderator_approves_and_replies(browser, example_server):
    """The whole comment flow in a real browser, on the example site, without shortcuts."""
    commitment = example_server + ENGLISH_PLAN + "open-budget/"
    resident = browser.new_context()
    page = resident.new_page()
    page.goto(commitment)
    update_url = example_server + page.locator(".ogp-update h3 a").first.get_attribute("href")
    page.goto(update_url)

    form = page.locator("form").filter(has=page.get_by_role("button", name="Send my comment"))
    form.get_by_label("Your name").fill("Amina")
    form.get_by_label("Your email").fill("amina@example.org")
    form.get_by_label("Your comment").fill("Where is the sensor map? BROWSER-COMMENT")
    form.locator('input[name="consent"]').check()
    page.wait_for_timeout(3200)  # the example keeps the minimum fill time of 3 s
    form.get_by_role("button", name="Send my comment").click()
    expect(page.locator("#ogp-comments-status")).to_contain_text("moderat")
    expect(page.get_by_text("BROWSER-COMMENT")).to_have_count(0)  # awaiting moderation

    moderator = browser.new_context().new_page()
    moderator.goto(example_server + "/admin/login/")
    moderator.locator("#id_username").fill("admin")
    moderator.locator("#id_password").fill("example-e2e-password")
    moderator.locator("#id_password").press("Enter")
    moderator.wait_for_url("**/admin/")
    moderator.goto(example_server + "/admin/ogp_comments/")
    moderator.get_by_role("link", name=re.compile("BROWSER-COMMENT")).first.click()
    # The admin speaks the site's first language, French.
    moderator.get_by_role("button", name="Approuver et publier").click()
    moderator.get_by_role("textbox").last.fill("The map goes online in June. BROWSER-REPLY")
    moderator.get_by_role("button", name="Publier la réponse officielle").click()
    expect(moderator.get_by_text("BROWSER-REPLY").first).to_be_visible()

    page.goto(update_url)
    expect(page.get_by_text("Where is the sensor map? BROWSER-COMMENT")).to_be_visible()
    expect(page.get_by_text("The map goes online in June. BROWSER-REPLY")).to_be_visible()
    expect(page.locator(".ogp-comment__official").first).to_contain_text("Official reply")
    resident.close()


def test_the_arabic_timeline_runs_right_to_left(page, example_server, tmp_path):
    """The milestone timeline mirrors: a screenshot of the Arabic track, flipped, is the
    English one (earlier months to the right, the today marker mirrored too)."""
    shots, spans = {}, {}
    for language, path in [("en", ENGLISH_PLAN), ("ar", ARABIC_PLAN)]:
        page.goto(example_server + path + "open-contracting/")
        track = page.locator(".ogp-timeline__track").first
        track.scroll_into_view_if_needed()
        box = track.bounding_box()
        span = track.locator(".ogp-timeline__span").bounding_box()
        # Where the first milestone starts and ends, as shares of the track from its left.
        spans[language] = (
            (span["x"] - box["x"]) / box["width"],
            (span["x"] + span["width"] - box["x"]) / box["width"],
        )
        shots[language] = tmp_path / f"timeline-{language}.png"
        track.screenshot(path=str(shots[language]))
    (en_left, en_right), (ar_left, ar_right) = spans["en"], spans["ar"]
    assert en_right < 0.9, spans  # the milestone does not fill the track: mirroring shows
    assert abs(en_left - (1 - ar_right)) < 0.02, spans
    assert abs(en_right - (1 - ar_left)) < 0.02, spans

    english = Image.open(shots["en"]).convert("RGB")
    arabic = ImageOps.mirror(Image.open(shots["ar"]).convert("RGB"))
    assert english.size == arabic.size
    difference = ImageChops.difference(english, arabic).convert("L")
    differing = sum(1 for value in difference.getdata() if value > 48)
    assert differing / (english.width * english.height) < 0.05
    # The arrow of a status change ("In progress → Complete") points the way Arabic reads.
    transform = "element => getComputedStyle(element).transform"
    assert page.locator(".ogp-arrow").first.evaluate(transform).startswith("matrix(-1")
    # And not by chance: unmirrored, the two screenshots differ.
    unmirrored = ImageChops.difference(english, ImageOps.mirror(arabic)).convert("L")
    assert sum(1 for value in unmirrored.getdata() if value > 48) > 4 * differing
