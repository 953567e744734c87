"""axe-core on the example site as it is served: its own base template around the package's pages.

The example site runs in its own process, on its own SQLite file prepared as
tests/test_example_site.py prepares it (migrate, then load_example), served by
``runserver --insecure`` so that its stylesheets load with DEBUG off.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_no_violations
from tests.test_example_site import EXAMPLE_DIR, run

pytestmark = [
    pytest.mark.slow,
    # The example site always uses its own SQLite file: the SQLite run of the suite covers it.
    pytest.mark.skipif(
        os.environ.get("OGP_TEST_DATABASE") == "postgres",
        reason="the example site does not use the suite's database",
    ),
]

STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url, server, log):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"runserver exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
                return
        except urllib.error.HTTPError:
            return  # it answers; the test looks at what
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"runserver did not answer in {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("example_site_e2e")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "EXAMPLE_DATABASE_PATH": str(directory / "db.sqlite3"),
        "EXAMPLE_MEDIA_ROOT": str(directory / "media"),
        "EXAMPLE_ADMIN_PASSWORD": "example-e2e-password",
        "DJANGO_DEBUG": "0",
    }
    run(env, "migrate", "--no-input", "-v", "0")
    run(env, "load_example")
    port = free_port()
    log = directory / "runserver.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--insecure",  # serve the static files although DEBUG is off
            ],
            cwd=EXAMPLE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_serving(base_url + "/", server, log)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        # Package pages inside the integrator's own base template: the plan with its
        # dashboard, a commitment with its widget, updates and milestone histories,
        # the resources page built from blocks.
        "/open-government/action-plan-2026-2028/",
        "/open-government/action-plan-2026-2028/open-contracting/",
        "/resources/",
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
    commitment = example_server + "/open-government/action-plan-2026-2028/open-contracting/"
    page.goto(commitment)
    update_url = page.locator(".ogp-update h3 a").first.get_attribute("href")
    response = page.goto(example_server + update_url)
    assert response is not None and response.status == 200
    assert_no_violations(page)


def test_only_the_embed_address_can_be_framed_by_another_origin(page, example_server):
    """A page on another origin (localhost is not 127.0.0.1) frames both addresses."""
    commitment = example_server + "/open-government/action-plan-2026-2028/open-contracting/"
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
