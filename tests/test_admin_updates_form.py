"""The progress update form and listing in the admin (issue 8, items 2 and 3).

Item 2: the milestone rows offer the milestones of the update's own commitment, in
their order, from the first display of the form (the row template new rows are
copied from included), and again after a POST with errors.

Item 3: the listing says which updates are drafts and which commitment each is
about, in a constant number of queries; an update with nothing in it is never
stored, neither by "Save draft" nor by autosave.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from ogp_wagtail.models import ProgressUpdate
from tests.admin_forms import make_milestone
from tests.conftest import make_commitment

ADD_URL = "wagtailsnippets_ogp_wagtail_progressupdate:add"
LIST_URL = "wagtailsnippets_ogp_wagtail_progressupdate:list"
EMPTY_ROW = "status_changes-__prefix__-milestone"

# Autosave posts the form with "Accept: application/json".
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def commitment(plan):
    """Two milestones, and a third added last that comes first in the commitment's order."""
    page = make_commitment(plan, "Open budget data", statuses=["in_progress", "not_started"])
    make_milestone(page, "Zeroth step of the budget", position=-1)
    return page


@pytest.fixture
def other(plan):
    return make_commitment(plan, "Air quality sensors", statuses=["in_progress", "in_progress"])


def offered(html):
    """The milestone choices of each row of the form, by field name; '' choices left out."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        # Inside the row <template>, BeautifulSoup's get_text() skips the strings.
        select["name"]: [
            "".join(map(str, option.contents)).strip() for option in select.find_all("option")
        ]
        for select in soup.find_all("select")
        if select["name"].endswith("-milestone")
    }


def milestone_names(page):
    return [m.description for m in page.milestones.order_by("sort_order")]


# What an empty Draftail editor posts.
EMPTY_TEXT = "null"


def form_data(page, changes=(), publish=True, **fields):
    data = nested_form_data(
        {
            "commitment": page.pk if page else "",
            "date": "2026-06-30",
            "title": "",
            "progress": rich_text("<p>The budget dataset went online.</p>"),
            "delay_reasons": EMPTY_TEXT,
            "next_steps": EMPTY_TEXT,
            "status_changes": inline_formset(
                [{"milestone": milestone, "status": status} for milestone, status in changes]
            ),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    data.update(fields)
    return data


# Item 2: the milestones offered


def test_the_add_form_offers_the_commitments_milestones_in_their_order(
    editor_client, commitment, other
):
    response = editor_client.get(reverse(ADD_URL), {"commitment": commitment.pk})
    assert response.status_code == 200
    choices = offered(response.content.decode())
    expected = ["Zeroth step of the budget", *milestone_names(commitment)[1:]]
    assert milestone_names(commitment) == expected
    # The row template the "Add" button copies: before the fix, every commitment's milestones.
    assert [c for c in choices[EMPTY_ROW] if c != "---------"] == expected


def test_after_errors_the_rows_offer_the_posted_commitments_milestones(
    editor_client, commitment, other
):
    first = commitment.milestones.order_by("sort_order").first()
    # Publishing without "what was done": the form comes back with its error.
    data = form_data(commitment, [(first.pk, "complete")], progress=EMPTY_TEXT)
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "progress" in response.context["form"].errors
    expected = milestone_names(commitment)
    for name, choices in offered(response.content.decode()).items():
        assert [c for c in choices if c != "---------"] == expected, name
    assert not ProgressUpdate.objects.exists()


def test_another_commitments_milestone_is_refused_with_a_clear_message(
    editor_client, commitment, other
):
    foreign = other.milestones.first()
    response = editor_client.post(
        reverse(ADD_URL), form_data(commitment, [(foreign.pk, "complete")])
    )
    assert response.status_code == 200
    (row,) = response.context["form"].formsets["status_changes"].forms
    message = " ".join(row.errors["milestone"])
    assert "Select a valid choice" not in message
    assert "commitment" in message
    assert not ProgressUpdate.objects.exists()


def test_without_a_commitment_no_milestone_is_offered(editor_client, commitment, other):
    for params in ({}, {"commitment": "²"}, {"commitment": "99999999999999999999999"}):
        response = editor_client.get(reverse(ADD_URL), params)
        assert response.status_code == 200
        assert [c for c in offered(response.content.decode())[EMPTY_ROW] if c != "---------"] == []


# Item 3: the listing


def make_update(page, day, live=True, draft_changes=False, text="Done."):
    update = ProgressUpdate(commitment=page, date=day, progress=f"<p>{text}</p>", live=False)
    update.save()
    revision = update.save_revision()
    if live:
        revision.publish()
        if draft_changes:
            update.refresh_from_db()
            update.progress = "<p>More, not published yet.</p>"
            update.save_revision()
    return update


def listing_rows(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def test_the_listing_shows_each_updates_status_and_commitment(editor_client, commitment, other):
    day = datetime.date(2026, 11, 30)
    make_update(commitment, day)
    make_update(other, day, live=False)
    make_update(other, day, draft_changes=True)
    response = editor_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    rows = listing_rows(response)
    assert len(rows) == 3
    statuses = sorted(
        "live + draft" if "live + draft" in row else "draft" if "draft" in row else "live"
        for row in rows
    )
    assert statuses == ["draft", "live", "live + draft"]
    assert sum("Open budget data" in row for row in rows) == 1
    assert sum("Air quality sensors" in row for row in rows) == 2


def test_the_listing_filters_by_commitment(editor_client, commitment, other):
    make_update(commitment, datetime.date(2026, 10, 1))
    make_update(other, datetime.date(2026, 10, 2))
    response = editor_client.get(reverse(LIST_URL), {"commitment": other.pk})
    rows = listing_rows(response)
    assert len(rows) == 1 and "Air quality sensors" in rows[0]


def test_the_listing_queries_do_not_grow_with_updates(editor, editor_client, commitment, other):
    # wagtail-localize's own Translate and Sync buttons read each row's translations (its
    # snippet listing hook, 2 queries a row); this counts the listing without them.
    for group in editor.groups.all():
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))

    def count():
        editor_client.get(reverse(LIST_URL))
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse(LIST_URL)).status_code == 200
        return len(queries)

    make_update(commitment, datetime.date(2026, 1, 31))
    one = count()
    for number in range(6):
        page = commitment if number % 2 else other
        day = datetime.date(2026, 2 + number, 1)
        make_update(page, day, live=number % 3 != 0, draft_changes=number == 1)
    assert ProgressUpdate.objects.count() == 7
    assert count() == one


# Item 3: no empty drafts


def empty_draft(page, with_empty_row=True, empty_text=EMPTY_TEXT):
    """What the browser sends after opening the form and adding a row, nothing filled."""
    rows = [{"milestone": "", "status": ""}] if with_empty_row else []
    return nested_form_data(
        {
            "commitment": page.pk,
            "date": datetime.date.today().isoformat(),
            "title": "",
            "progress": empty_text,
            "delay_reasons": empty_text,
            "next_steps": empty_text,
            "status_changes": inline_formset(rows),
        }
    )


@pytest.mark.parametrize(
    ("with_empty_row", "empty_text"),
    # An editor emptied after typing may leave an empty paragraph behind.
    [(True, EMPTY_TEXT), (False, EMPTY_TEXT), (True, rich_text("<p> </p>"))],
)
def test_saving_an_empty_draft_stores_nothing(
    editor_client, commitment, with_empty_row, empty_text
):
    data = empty_draft(commitment, with_empty_row, empty_text)
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "Nothing to save yet" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_autosave_of_an_empty_update_stores_nothing(editor_client, commitment):
    response = editor_client.post(reverse(ADD_URL), empty_draft(commitment), **AUTOSAVE)
    assert response.status_code == 400
    answer = response.json()
    # A code the admin's autosave knows: it pauses with this message, not "A server error".
    assert answer["error_code"] == "validation_error"
    assert answer["error_message"].startswith("Nothing to save yet")
    assert not ProgressUpdate.objects.exists()


def test_autosave_of_real_content_stores_a_draft(editor_client, commitment):
    data = empty_draft(commitment, with_empty_row=False)
    data["next_steps"] = rich_text("<p>Publish the mid-year execution.</p>")
    response = editor_client.post(reverse(ADD_URL), data, **AUTOSAVE)
    assert response.status_code == 200, response.content
    assert response.json()["success"]
    update = ProgressUpdate.objects.get()
    assert not update.live and update.status_changes.count() == 0


def test_a_draft_with_only_a_status_change_is_stored(editor_client, commitment):
    first = commitment.milestones.order_by("sort_order").first()
    data = empty_draft(commitment, with_empty_row=False)
    data.update(
        nested_form_data(
            {"status_changes": inline_formset([{"milestone": first.pk, "status": "complete"}])}
        )
    )
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    update = ProgressUpdate.objects.get()
    assert not update.live
    assert [c.milestone_id for c in update.status_changes.all()] == [first.pk]
