"""Progress updates: written in the admin, permanent, shown newest first; status history kept."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from ogp_wagtail.models import CommitmentPage, MilestoneStatusRecord, ProgressUpdate
from ogp_wagtail.status.history import apply_published_update
from tests.conftest import make_commitment

ADD_URL = "wagtailsnippets_ogp_wagtail_progressupdate:add"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data", statuses=["in_progress", "not_started"])


def update_form(page, changes=(), **fields):
    data = nested_form_data(
        {
            "commitment": page.pk,
            "date": "2026-06-30",
            "title": "",
            "progress": rich_text("<p>The budget dataset went online.</p>"),
            "delay_reasons": rich_text("<p>The portal tender took two months more.</p>"),
            "next_steps": rich_text("<p>Publish the mid-year execution.</p>"),
            "status_changes": inline_formset(
                [{"milestone": milestone.pk, "status": status} for milestone, status in changes]
            ),
            "action-publish": "action-publish",
        }
    )
    data.update(fields)
    return data


def publish_update(client, page, changes=(), **fields):
    return client.post(reverse(ADD_URL), update_form(page, changes, **fields))


def statuses_of(commitment):
    return [m.status for m in CommitmentPage.objects.get(pk=commitment.pk).milestones.all()]


def test_publishing_a_commitment_starts_each_milestone_history(commitment):
    records = MilestoneStatusRecord.objects.filter(commitment_key=commitment.translation_key)
    assert sorted(records.values_list("status", flat=True)) == ["in_progress", "not_started"]
    assert not records.filter(update__isnull=False).exists()


def test_an_update_changes_a_status_and_keeps_the_earlier_one_visible(
    editor_client, client, commitment
):
    first, second = commitment.milestones.all()
    response = publish_update(editor_client, commitment, [(first, "complete")])
    assert response.status_code == 302, response.content.decode()[:2000]
    update = ProgressUpdate.objects.get()
    assert update.live and update.quarter == (2026, 2)
    assert statuses_of(commitment) == ["complete", "not_started"]
    history = MilestoneStatusRecord.objects.filter(milestone_key=first.translation_key)
    assert list(history.values_list("previous_status", "status", "update")) == [
        ("", "in_progress", None),
        ("in_progress", "complete", update.pk),
    ]

    html = client.get(commitment.url).content.decode()
    row = html[html.index('<th scope="row">Milestone 1 of Open budget data') :]
    row = row[: row.index("</tr>")]
    assert "In progress" in row and "Complete" in row  # both statuses, in its history
    assert update.get_url() in row  # and which update changed it


def test_update_has_a_permanent_page(editor_client, client, commitment):
    publish_update(editor_client, commitment)
    update = ProgressUpdate.objects.get()
    url = update.get_url()
    assert url == f"{commitment.url}updates/{update.uuid}/"
    html = client.get(url).content.decode()
    for text in ["The budget dataset went online.", "two months more", "mid-year execution"]:
        assert text in html
    assert "Q2 2026" in html

    # The commitment is edited and republished: same update, same address.
    commitment.title = "Open budget and spending data"
    commitment.save_revision().publish()
    assert client.get(url).status_code == 200
    assert (
        client.get(f"{commitment.url}updates/00000000-0000-0000-0000-000000000000/").status_code
        == 404
    )


def test_translations_of_the_commitment_show_the_same_updates(editor_client, client, commitment):
    publish_update(editor_client, commitment)
    update = ProgressUpdate.objects.get()
    french = Locale.objects.create(language_code="fr")
    for page in commitment.get_ancestors().filter(depth__gt=1):  # home first
        page.specific.copy_for_translation(french).save_revision().publish()
    commitment_fr = commitment.copy_for_translation(french)
    commitment_fr.save_revision().publish()
    commitment_fr = CommitmentPage.objects.get(pk=commitment_fr.pk)
    assert [m.translation_key for m in commitment_fr.milestones.all()] == [
        m.translation_key for m in commitment.milestones.all()
    ]
    html = client.get(commitment_fr.url).content.decode()
    assert str(update.uuid) in html
    assert client.get(commitment_fr.url + f"updates/{update.uuid}/").status_code == 200

    # A later update changes the status of every language version of the milestone.
    publish_update(editor_client, commitment, [(commitment.milestones.last(), "blocked")])
    assert statuses_of(commitment_fr) == statuses_of(commitment) == ["in_progress", "blocked"]


def test_updates_are_listed_newest_first(editor_client, client, commitment):
    for day, text in [("2026-03-31", "FIRST-QUARTER"), ("2026-09-30", "THIRD-QUARTER")]:
        publish_update(editor_client, commitment, date=day, progress=rich_text(f"<p>{text}</p>"))
    html = client.get(commitment.url).content.decode()
    assert html.index("THIRD-QUARTER") < html.index("FIRST-QUARTER")


def test_a_draft_update_is_not_public_and_changes_no_status(editor_client, client, commitment):
    first = commitment.milestones.first()
    data = update_form(commitment, [(first, "blocked")])
    del data["action-publish"]
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    update = ProgressUpdate.objects.get()
    assert not update.live
    assert statuses_of(commitment) == ["in_progress", "not_started"]
    assert client.get(f"{commitment.url}updates/{update.uuid}/").status_code == 404


def test_republishing_an_update_adds_nothing_new(editor_client, commitment):
    first = commitment.milestones.first()
    publish_update(editor_client, commitment, [(first, "complete")])
    update = ProgressUpdate.objects.get()
    count = MilestoneStatusRecord.objects.count()
    update.save_revision().publish()
    apply_published_update(update)
    assert MilestoneStatusRecord.objects.count() == count


def test_history_is_append_only(commitment):
    record = MilestoneStatusRecord.objects.first()
    record.status = "complete"
    with pytest.raises(ValueError):
        record.save()


def test_a_stale_revision_does_not_undo_a_recorded_status(editor_client, commitment):
    first = commitment.milestones.first()
    stale_revision = commitment.get_latest_revision()
    publish_update(editor_client, commitment, [(first, "complete")])
    stale_revision.publish()  # e.g. an editor reverts to an older revision
    assert statuses_of(commitment)[0] == "complete"


@pytest.mark.parametrize(
    "fields, error_field",
    [
        ({"date": "2999-01-01"}, "date"),
        ({"date": "not a date"}, "date"),
        ({"commitment": ""}, "commitment"),
        ({"commitment": "abc"}, "commitment"),
        ({"commitment": "999999"}, "commitment"),
        # Digits Python's isdigit() accepts but int() or the database do not.
        ({"commitment": "²"}, "commitment"),
        ({"commitment": "①"}, "commitment"),
        ({"commitment": "99999999999999999999999"}, "commitment"),
    ],
)
def test_bad_update_input_is_refused(editor_client, commitment, fields, error_field):
    response = publish_update(editor_client, commitment, **fields)
    assert response.status_code == 200
    assert error_field in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("value", ["²", "①", "99999999999999999999999", "abc", "-1"])
def test_a_forged_commitment_in_the_add_address_opens_an_empty_form(editor_client, value):
    response = editor_client.get(reverse(ADD_URL), {"commitment": value})
    assert response.status_code == 200
    assert not response.context["form"].initial.get("commitment")


def test_an_update_changes_only_its_own_commitments_milestones(editor_client, plan, commitment):
    other = make_commitment(plan, "Another commitment")
    foreign = other.milestones.first()
    response = publish_update(editor_client, commitment, [(foreign, "complete")])
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()
    assert statuses_of(other) == ["in_progress"]


def test_one_change_per_milestone_in_an_update(editor_client, commitment):
    first = commitment.milestones.first()
    response = publish_update(editor_client, commitment, [(first, "complete"), (first, "blocked")])
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()


def test_the_commitment_editor_offers_to_add_an_update(editor_client, commitment):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(commitment.pk,))).content
    add = f"{reverse(ADD_URL)}?commitment={commitment.pk}"
    assert add.encode() in html
    form = editor_client.get(add).context["form"]
    assert form.initial["commitment"] == commitment.pk
    choices = form.formsets["status_changes"].empty_form.fields["milestone"].queryset
    assert set(choices) == set(commitment.milestones.all())


def test_feeds_of_a_commitment_and_of_its_plan(editor_client, client, plan, commitment):
    publish_update(editor_client, commitment)
    update = ProgressUpdate.objects.get()
    for page in (commitment, plan):
        html = client.get(page.url).content.decode()
        feed_url = f"{page.url}updates/feed/"
        assert f'href="{feed_url}"' in html
        response = client.get(feed_url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
        (entry,) = feed.findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}id").text == f"urn:uuid:{update.uuid}"
        assert entry.find(f"{ATOM}link").get("href").endswith(update.get_url())
        assert "Open budget data" in entry.find(f"{ATOM}title").text


def test_commitment_queries_do_not_grow_with_updates(editor_client, client, plan):
    def render(page):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    few = make_commitment(plan, "Few updates", statuses=["in_progress"])
    many = make_commitment(plan, "Many updates", statuses=["in_progress"] * 4)
    publish_update(editor_client, few, [(few.milestones.first(), "complete")])
    for number, milestone in enumerate(many.milestones.all()):
        day = datetime.date(2026, 1 + number, 28).isoformat()
        publish_update(editor_client, many, [(milestone, "complete")], date=day)
    assert ProgressUpdate.objects.filter(commitment=many).count() == 4
    assert render(many) == render(few)


def test_an_update_may_not_reopen_a_commitment_beyond_the_cap(editor_client, plan):
    from ogp_wagtail import rules

    for number in range(5):
        make_commitment(plan, f"Open {number}")
    done = make_commitment(plan, "Done", statuses=["complete"])
    response = publish_update(editor_client, done, [(done.milestones.get(), "in_progress")])
    assert response.status_code == 200
    assert str(rules.COMMITMENT_CAP.statement) in response.content.decode()
    assert not ProgressUpdate.objects.exists()
    assert statuses_of(done) == ["complete"]
    # A draft may: it changes nothing until published.
    data = update_form(done, [(done.milestones.get(), "in_progress")])
    del data["action-publish"]
    assert editor_client.post(reverse(ADD_URL), data).status_code == 302
    assert statuses_of(done) == ["complete"]


def test_the_permanent_address_follows_a_renamed_commitment(editor_client, client, commitment):
    publish_update(editor_client, commitment)
    update = ProgressUpdate.objects.get()
    permanent = reverse("ogp_wagtail:progress_update", args=(update.uuid,))
    assert client.get(permanent)["Location"] == update.get_url()
    commitment.slug = "open-budget-renamed"
    commitment.save_revision().publish()
    response = client.get(permanent)
    assert response.status_code == 302
    assert "open-budget-renamed" in response["Location"]
    assert client.get(response["Location"]).status_code == 200
    # Behind a view restriction, the permanent address reveals nothing (issue 8, item 20).
    restriction = PageViewRestriction.objects.create(
        page=commitment, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(permanent).status_code == 404
    restriction.delete()
    commitment.unpublish()
    assert client.get(permanent).status_code == 404


@pytest.mark.parametrize("day", [datetime.date(2024, 12, 31), datetime.date(2026, 3, 31)])
def test_an_update_outside_its_commitments_period_is_refused_on_publish(
    editor_client, commitment, day
):
    """Issue 8, item 4: refused with the rule's message, as the page rules are."""
    commitment.start_date = datetime.date(2025, 1, 1)
    commitment.end_date = datetime.date(2025, 12, 31)
    commitment.save_revision().publish()
    response = publish_update(editor_client, commitment, date=day.isoformat())
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()
    assert "An update reports on its commitment" in str(response.context["form"].errors["date"])
