"""The embeddable progress widget, framed by another site's page, in a real browser.

The host page, holding the embed code an editor copies from the admin, is served by a
small server of its own on ``127.0.0.1``, while the live server answers on ``localhost``: the
frame is on another origin, as on a national portal or a neighbour's site. (A page that
Playwright made up would count as a public address, which Chromium forbids to frame a
loopback one.)
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ogp_wagtail.views.embeds import FALLBACK_HEIGHTS, embed_code
from tests.e2e.axe import assert_no_violations

HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A neighbouring site</title></head>
<body><main><h1>News from the region</h1>{code}<p>After the widget.</p></main></body></html>"""

FRAME_SIZE = """(frame) => {
    const box = frame.getBoundingClientRect();
    return {height: box.height, width: box.width};
}"""
CONTENT_SIZE = """() => ({
    // The height of what the frame shows, whatever the frame's own height.
    contentHeight: document.documentElement.getBoundingClientRect().height,
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    overflowY: getComputedStyle(document.documentElement).overflowY,
    heading: document.querySelector("h1").textContent.trim(),
})"""


@pytest.fixture
def portal():
    """Serve one page of HTML (``portal.html = ...``) at ``portal.url``, on another origin."""

    class Portal(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            body = server.html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    server.html = ""
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def host(new_context, ogp_site, portal, width, display="both", javascript=True):
    page = new_context(
        viewport={"width": width, "height": 700}, java_script_enabled=javascript
    ).new_page()
    portal.html = HOST_PAGE.format(code=embed_code(ogp_site.commitment, display=display))
    page.goto(portal.url)
    frame_element = page.locator("iframe[data-ogp-embed]")
    # A lazy frame does not hold back the host page's load event: wait for its own.
    frame_element.element_handle().content_frame().wait_for_url("**/embed/progress/**")
    return page, frame_element


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("display", ["both", "bar"])
def test_the_frame_takes_the_height_of_its_content(new_context, ogp_site, portal, width, display):
    page, frame_element = host(new_context, ogp_site, portal, width, display)
    # The host script sets the height the frame reports (ogp-embed-frame.js).
    page.wait_for_function(
        "() => document.querySelector('iframe[data-ogp-embed]').style.height !== ''"
    )
    inner = frame_element.element_handle().content_frame()
    content = inner.evaluate(CONTENT_SIZE)
    # The frame is as tall as what it shows: nothing cut, no scroll bar, no empty space
    # (the fallback height is neither).
    page.wait_for_function(
        "([frame, wanted]) => Math.abs(frame.getBoundingClientRect().height - wanted) <= 2",
        arg=[frame_element.element_handle(), content["contentHeight"]],
    )
    assert abs(content["contentHeight"] - FALLBACK_HEIGHTS[display]) > 2, content
    content = inner.evaluate(CONTENT_SIZE)
    assert content["scrollHeight"] <= content["innerHeight"] + 1, content
    assert frame_element.evaluate(FRAME_SIZE)["width"] <= width
    # Whose progress it is, on a site that is not the town's.
    assert content["heading"] == f"Riverton: {ogp_site.commitment.title}"


def test_without_script_the_frame_keeps_its_height_and_scrolls(new_context, ogp_site, portal):
    page, frame_element = host(new_context, ogp_site, portal, 320, javascript=False)
    assert frame_element.evaluate(FRAME_SIZE)["height"] == FALLBACK_HEIGHTS["both"]
    content = frame_element.element_handle().content_frame().evaluate(CONTENT_SIZE)
    # Taller than the frame on a phone, and reachable by scrolling inside it.
    assert content["scrollHeight"] > content["innerHeight"]
    assert content["overflowY"] in {"visible", "auto", "scroll"}


def test_the_embed_is_accessible(new_context, ogp_site):
    page = new_context(viewport={"width": 390, "height": 700}).new_page()
    page.goto(f"{ogp_site.commitment.full_url}embed/progress/")
    assert_no_violations(page)
