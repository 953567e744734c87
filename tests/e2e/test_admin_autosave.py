"""An editor creates a commitment in Wagtail's admin with autosave on, in a real browser.

Issue 8, item 1: a page field named ``action`` shadowed the form's own ``action`` in the
admin's scripts, so autosave posted to ``.../[object HTMLInputElement]`` and showed
"Autosave is paused – A server error occurred".
"""

import pytest
from playwright.sync_api import expect

from ogp_wagtail.models import CommitmentPage

PASSWORD = "autosave-test-password"  # noqa: S105 (a test user's)


@pytest.fixture
def signed_in(ogp_site, live_server, new_context, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def autosave(page, response_of, field, value):
    """Type ``value`` into ``field`` and return the response to the autosave it sets off."""
    with page.expect_response(response_of) as answer:
        page.fill(field, value)
        page.locator(field).press("Tab")
    return answer.value


def test_creating_a_commitment_autosaves_without_an_error(signed_in, ogp_site, live_server):
    page = signed_in
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    page.goto(f"{live_server.url}/admin/pages/add/ogp_wagtail/commitmentpage/{ogp_site.plan.pk}/")

    page.fill("#id_start_date", "2026-03-01")
    page.fill("#id_end_date", "2027-02-28")
    # Wagtail's unsaved-changes controller takes the form as it is 2 s after loading as its
    # starting point: edits before then would not count as changes to save.
    page.wait_for_timeout(2500)

    def is_autosave(response):
        return response.request.method == "POST" and "/admin/pages/" in response.url

    first = autosave(page, is_autosave, "#id_title", "Open contracting")
    assert first.status == 200, (first.url, first.status, first.text()[:500])
    # The first autosave stores the new page as a draft.
    draft = CommitmentPage.objects.get(title="Open contracting")
    assert not draft.live
    # ... and moves the editor to its edit view, whose own starting point is taken again.
    page.wait_for_url("**/admin/pages/*/edit/", wait_until="commit")
    page.wait_for_timeout(2500)
    second = autosave(page, is_autosave, "#id_title", "Open contracting data")
    assert second.status == 200, (second.url, second.status)
    # The indicator holds the text of each of its states; none of the errors is shown.
    expect(page.get_by_text("Autosave is paused")).to_be_hidden()
    expect(page.get_by_text("A server error occurred")).to_be_hidden()
    # Never the form's ``action`` shadowed by a field: ".../[object HTMLInputElement]".
    assert not [url for url in posts if "object" in url.lower()], posts
    draft.refresh_from_db()
    assert draft.get_latest_revision().as_object().title == "Open contracting data"
