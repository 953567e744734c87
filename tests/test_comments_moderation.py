"""Moderation of comments in the Wagtail admin: queue, decisions, official replies, audit log,
the "Comment moderators" group, per-site isolation and the CSV export."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, ModelLogEntry, Page, Site

from ogp_wagtail.comments.models import Comment, CommentReport, CommentStatus
from ogp_wagtail.comments.moderation import actions
from ogp_wagtail.comments.permissions import comment_permission_policy
from ogp_wagtail.models import OpenGovernmentPage, ProgressUpdate, StrategicVisionPage
from tests.conftest import make_commitment
from tests.test_comments_public import POST_URL, comment_data
from tests.testapp.models import PlainPage

INDEX = "ogp_comments:index"
DETAIL = "ogp_comments:detail"
HISTORY = "ogp_comments:history"


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return reverse("wagtail_bulk_action", args=("ogp_comments", "comment", action)) + "?" + ids


def publish_update(commitment, day=datetime.date(2026, 6, 30), text="The budget went online."):
    update = ProgressUpdate(commitment=commitment, date=day, progress=f"<p>{text}</p>")
    update.save()
    update.save_revision().publish()
    return update


def make_comment(update, body, **fields):
    commitment = update.commitment
    plan = commitment.get_parent().specific
    site = Site.objects.get(root_page__in=commitment.get_ancestors())
    fields.setdefault("author_name", "Ana")
    fields.setdefault("author_email", "ana@example.org")
    fields.setdefault("client_hash", "c" * 64)
    return Comment.objects.create(
        site=site,
        update=update,
        target_key=update.uuid,
        target_title=update.display_title,
        plan_key=plan.translation_key,
        body=body,
        **fields,
    )


def grant_site(group_name, root_page):
    """A group whose members may edit ``root_page``: they moderate its site."""
    group = Group.objects.create(name=group_name)
    GroupPagePermission.objects.create(
        group=group, page=root_page, permission=Permission.objects.get(codename="change_page")
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="password"
    )
    user.groups.add(*groups)
    return user


# Two municipalities on one installation, each with its plan and a progress update.


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


@pytest.fixture
def update(commitment):
    return publish_update(commitment)


@pytest.fixture
def other_home(db):
    home = Page.get_first_root_node().add_child(instance=PlainPage(title="Home B", slug="home-b"))
    Site.objects.create(hostname="other.example", port=80, root_page=home, site_name="Other Town")
    return home


@pytest.fixture
def other_update(other_home, organisation, jurisdiction):
    hub = other_home.add_child(
        instance=OpenGovernmentPage(title="Open Other", slug="open-other", lead_agency=organisation)
    )
    hub.jurisdictions.set([jurisdiction])
    hub.save_revision().publish()
    other_plan = hub.add_child(
        instance=StrategicVisionPage(
            title="Other plan 2026",
            slug="other-plan",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2028, 6, 30),
            mandate_end=datetime.date(2028, 12, 31),
        )
    )
    other_plan.jurisdictions.set([jurisdiction])
    other_plan.objectives.create(title="Clean air")
    other_plan.save_revision().publish()
    return publish_update(make_commitment(other_plan, "Air quality sensors"), text="Sensors up.")


@pytest.fixture
def moderators_group(db):
    return Group.objects.get(name="Comment moderators")


@pytest.fixture
def moderator(django_user_model, home, moderators_group):
    return make_user(django_user_model, "mod_a", moderators_group, grant_site("Site A", home))


@pytest.fixture
def other_moderator(django_user_model, other_home, moderators_group):
    return make_user(django_user_model, "mod_b", moderators_group, grant_site("Site B", other_home))


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def comments(update, other_update):
    """Comments on both sites, in every status, some reported."""
    pending = make_comment(update, "Where is the dataset for 2025?", author_name="Ana")
    approved = make_comment(
        update,
        "Great work on the budget portal.",
        author_name="Bruno",
        status=CommentStatus.APPROVED,
        published_at=timezone.now(),
    )
    reported = make_comment(
        update,
        "Buy cheap watches here",
        author_name="Spammer",
        status=CommentStatus.APPROVED,
        published_at=timezone.now(),
        report_count=3,
        hidden_for_review=True,
    )
    for number, reason in enumerate(["spam", "spam", "offensive"]):
        CommentReport.objects.create(comment=reported, reason=reason, client_hash=f"r{number}")
    other = make_comment(other_update, "Sensors near the school, please", author_name="Zoe")
    return {"pending": pending, "approved": approved, "reported": reported, "other": other}


def listed(response):
    """The authors of the comments in a listing response, in order."""
    assert response.status_code == 200
    return [comment.author_name for comment in response.context["object_list"]]


# The group after migrate


@pytest.mark.django_db
def test_comment_moderators_group_exists_with_its_permissions(moderators_group):
    codenames = set(moderators_group.permissions.values_list("content_type__app_label", "codename"))
    assert codenames >= {
        ("wagtailadmin", "access_admin"),
        ("ogp_comments", "moderate_comment"),
        ("ogp_comments", "view_comment"),
        ("ogp_comments", "change_comment"),
    }


@pytest.mark.django_db
def test_group_migration_is_idempotent_and_keeps_a_group_in_use(django_user_model):
    import importlib

    migration = importlib.import_module(
        "ogp_wagtail.comments.migrations.0002_comment_moderators_group"
    )
    state_apps = (
        MigrationExecutor(connection)
        .loader.project_state(("ogp_comments", "0002_comment_moderators_group"))
        .apps
    )
    migration.create_group(state_apps, None)
    migration.create_group(state_apps, None)
    group = Group.objects.get(name="Comment moderators")
    assert group.permissions.filter(content_type__app_label="ogp_comments").count() == 3

    django_user_model.objects.create_user(username="m").groups.add(group)
    migration.remove_group(state_apps, None)
    assert Group.objects.filter(name="Comment moderators").exists()  # has a member
    group.user_set.clear()
    migration.remove_group(state_apps, None)
    assert not Group.objects.filter(name="Comment moderators").exists()


# The queue


def test_queue_lists_the_sites_comments_needing_review_first(moderator_client, comments):
    response = moderator_client.get(reverse(INDEX))
    # Pending and hidden-after-reports first, then the rest, newest first; not
    # Zoe's comment, on another site.
    assert listed(response) == ["Spammer", "Ana", "Bruno"]
    html = response.content.decode()
    assert "Awaiting moderation" in html and comments["pending"].target_title in html
    assert "Where is the dataset for 2025?" in html


def test_menu_shows_comments_under_open_government_to_moderators_only(moderator, editor):
    for user, shown in [(moderator, True), (editor, False)]:
        client = Client()
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Open government" in html
        assert (reverse(INDEX) in html) is shown


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ({"status": "pending"}, ["Ana"], ["Bruno", "Spammer"]),
        ({"status": "approved"}, ["Bruno", "Spammer"], ["Ana"]),
        ({"reported": "true"}, ["Spammer"], ["Ana", "Bruno"]),
        ({"reported": "false"}, ["Ana", "Bruno"], ["Spammer"]),
        ({"q": "dataset"}, ["Ana"], ["Bruno", "Spammer"]),
        ({"q": "bruno"}, ["Bruno"], ["Ana", "Spammer"]),
        ({"q": "q2 2026"}, ["Ana", "Bruno", "Spammer"], []),  # the target's title
    ],
)
def test_queue_filters_and_search(moderator_client, comments, query, expected, absent):
    names = listed(moderator_client.get(reverse(INDEX), query))
    assert sorted(names) == sorted(expected)


def test_queue_filters_by_plan_page_and_date(moderator_client, comments, plan, update):
    other = make_comment(publish_update(update.commitment, text="Second"), "On the second update")
    Comment.objects.filter(pk=comments["approved"].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )

    response = moderator_client.get(reverse(INDEX), {"plan": str(plan.translation_key)})
    assert len(listed(response)) == 4
    # The plan filter offers this site's plans only.
    html = response.content.decode()
    assert "Action plan 2026-2028" in html and "Other plan 2026" not in html

    response = moderator_client.get(reverse(INDEX), {"target": str(other.target_key)})
    assert [comment.body for comment in response.context["object_list"]] == [other.body]

    recent = (timezone.now() - datetime.timedelta(days=2)).date().isoformat()
    names = listed(moderator_client.get(reverse(INDEX), {"created_at_from": recent}))
    assert "Ana" in names and "Bruno" not in names
    names = listed(moderator_client.get(reverse(INDEX), {"created_at_to": recent}))
    assert names == ["Bruno"]


def test_a_moderator_without_a_site_is_told_why_the_queue_is_empty(
    client, django_user_model, moderators_group, comments
):
    client.force_login(make_user(django_user_model, "lonely", moderators_group))
    response = client.get(reverse(INDEX))
    assert listed(response) == []
    assert "you may edit none" in response.content.decode()


def test_superusers_moderate_every_site(admin_client, comments):
    assert sorted(listed(admin_client.get(reverse(INDEX)))) == ["Ana", "Bruno", "Spammer", "Zoe"]


# Decisions, one at a time


def test_approving_publishes_and_is_logged(moderator_client, moderator, comments):
    comment = comments["pending"]
    response = moderator_client.post(reverse(DETAIL, args=[comment.pk]), {"action": "approve"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.published_at and comment.moderated_at and comment.moderated_by == moderator
    entry = ModelLogEntry.objects.get(action="ogp_comments.approve", object_id=str(comment.pk))
    assert entry.user == moderator and entry.data["previous_status"] == "pending"

    history = moderator_client.get(reverse(HISTORY, args=[comment.pk]))
    assert history.status_code == 200
    assert "Comment approved and published" in history.content.decode()


@pytest.mark.parametrize("decision", ["reject", "spam"])
def test_rejecting_or_marking_spam_keeps_the_comment(moderator_client, comments, decision):
    comment = comments["approved"]
    published_at = comment.published_at
    moderator_client.post(reverse(DETAIL, args=[comment.pk]), {"action": decision})
    comment.refresh_from_db()
    assert comment.status == actions.DECISIONS[decision]
    assert comment.published_at == published_at  # the record of its publication stays
    assert ModelLogEntry.objects.filter(
        action=f"ogp_comments.{decision}", object_id=str(comment.pk)
    ).exists()
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_approving_a_reported_comment_again_clears_the_hiding_and_keeps_the_reports(
    moderator_client, comments
):
    comment = comments["reported"]
    moderator_client.post(reverse(DETAIL, args=[comment.pk]), {"action": "approve"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and not comment.hidden_for_review
    assert comment.report_count == 3 and comment.reports.count() == 3
    assert Comment.objects.published().filter(pk=comment.pk).exists()


def test_detail_shows_the_thread_with_reports_and_no_text_editing(moderator_client, comments):
    comment = comments["reported"]
    reply = make_comment(comment.update, "I agree, this is spam", parent=comment, author_name="Rui")
    response = moderator_client.get(reverse(DETAIL, args=[reply.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    html = html[html.index('id="thread-heading"') :]
    assert html.index("Buy cheap watches") < html.index("I agree, this is spam")
    assert "Spam or advertising" in html and "Offensive or abusive" in html
    assert 'name="body"' not in html  # no reply form: the thread is hidden for review
    for name in ["add", "edit", "delete", "copy"]:  # residents' text is never edited
        with pytest.raises(NoReverseMatch):
            reverse(f"ogp_comments:{name}", args=[comment.pk])


def test_an_unknown_action_is_a_bad_request(moderator_client, comments):
    response = moderator_client.post(
        reverse(DETAIL, args=[comments["pending"].pk]), {"action": "delete"}
    )
    assert response.status_code == 400
    assert Comment.objects.filter(pk=comments["pending"].pk, status="pending").exists()


# Official replies


def test_official_reply_is_published_in_the_thread(moderator_client, moderator, comments):
    comment = comments["approved"]
    resident_reply = make_comment(comment.update, "Me too", parent=comment, author_name="Rui")
    response = moderator_client.post(
        reverse(DETAIL, args=[resident_reply.pk]),
        {"action": "reply", "body": "Thank you: the 2025 data is online since June."},
    )
    assert response.status_code == 302
    reply = Comment.objects.get(is_official_reply=True)
    assert reply.parent == comment  # one level: the thread's top-level comment
    assert reply.status == CommentStatus.APPROVED and reply.published_at
    # Signed as the public page signs it: the lead agency of the hub above the update.
    assert reply.official_author == moderator and reply.author_name == "City Hall"
    assert (reply.site, reply.update, reply.target_key, reply.target_title, reply.plan_key) == (
        comment.site,
        comment.update,
        comment.target_key,
        comment.target_title,
        comment.plan_key,
    )
    assert reply in Comment.objects.published()
    assert ModelLogEntry.objects.filter(
        action="ogp_comments.official_reply", object_id=str(comment.pk), user=moderator
    ).exists()

    html = moderator_client.get(reverse(DETAIL, args=[comment.pk])).content.decode()
    assert "the 2025 data is online since June" in html and "Official reply" in html


def test_official_reply_is_signed_with_the_setting_when_set(moderator_client, comments, settings):
    settings.OGP_WAGTAIL_COMMENTS_OFFICIAL_NAME = "City of Riverton"
    moderator_client.post(
        reverse(DETAIL, args=[comments["approved"].pk]), {"action": "reply", "body": "Thanks."}
    )
    assert Comment.objects.get(is_official_reply=True).author_name == "City of Riverton"
    # The admin's preview and the public page sign it the same way.
    detail = moderator_client.get(reverse(DETAIL, args=[comments["approved"].pk]))
    assert "Published as City of Riverton." in detail.content.decode()
    public = Client().get(comments["approved"].update.get_url()).content.decode()
    assert "Official reply from City of Riverton" in public


def test_official_reply_needs_a_published_comment_and_a_text(moderator_client, comments):
    url = reverse(DETAIL, args=[comments["pending"].pk])
    moderator_client.post(url, {"action": "reply", "body": "Too early"})
    url = reverse(DETAIL, args=[comments["approved"].pk])
    response = moderator_client.post(url, {"action": "reply", "body": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not Comment.objects.filter(is_official_reply=True).exists()


# Bulk actions


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")],
)
def test_bulk_actions_moderate_and_log_each_comment(
    moderator_client, moderator, comments, action, status
):
    chosen = [comments["pending"], comments["reported"]]
    confirm = moderator_client.get(bulk_url(action, *chosen))
    assert confirm.status_code == 200
    assert "Where is the dataset" in confirm.content.decode()

    response = moderator_client.post(bulk_url(action, *chosen) + "&next=" + reverse(INDEX))
    assert response.status_code == 302
    for comment in chosen:
        comment.refresh_from_db()
        assert comment.status == status and comment.moderated_by == moderator
        assert not comment.hidden_for_review
        assert ModelLogEntry.objects.filter(
            action=f"ogp_comments.{action}", object_id=str(comment.pk), user=moderator
        ).exists()
    assert Comment.objects.count() == 4  # nothing deleted


def test_bulk_buttons_are_in_the_queue(moderator_client, comments):
    html = moderator_client.get(reverse(INDEX)).content.decode()
    for action in ["approve", "reject", "spam"]:
        assert reverse("wagtail_bulk_action", args=("ogp_comments", "comment", action)) in html


# Who may do what: 403 for non-moderators and for moderators of other sites


def listing_requests():
    return [
        ("get", reverse(INDEX), {}),
        ("get", reverse("ogp_comments:index_results"), {}),
        ("get", reverse(INDEX) + "?export=csv", {}),
    ]


def object_requests(comments):
    """Every moderation view and bulk action on one comment of the first site."""
    pending = comments["pending"]
    detail = reverse(DETAIL, args=[pending.pk])
    requests = [
        ("get", detail, {}),
        ("post", detail, {"action": "approve"}),
        ("post", detail, {"action": "reply", "body": "Hello"}),
        ("get", reverse(HISTORY, args=[pending.pk]), {}),
        ("get", reverse("ogp_comments:history_results", args=[pending.pk]), {}),
    ]
    for action in ["approve", "reject", "spam"]:
        requests.append(("get", bulk_url(action, pending), {}))
        requests.append(("post", bulk_url(action, pending), {}))
        # A guessed id of the first site hidden among the user's own comments.
        requests.append(("post", bulk_url(action, comments["other"], pending), {}))
    return requests


def test_non_moderators_get_403_everywhere(editor_client, comments):
    for method, url, data in listing_requests() + object_requests(comments):
        response = getattr(editor_client, method)(url, data)
        assert response.status_code == 403, (method, url)
    assert Comment.objects.get(pk=comments["pending"].pk).status == "pending"
    assert not ModelLogEntry.objects.filter(action__startswith="ogp_comments.").exists()


def test_moderators_of_another_site_get_403_even_by_guessed_ids(client, other_moderator, comments):
    client.force_login(other_moderator)
    for method, url, data in object_requests(comments):
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, (method, url)
    assert Comment.objects.get(pk=comments["pending"].pk).status == "pending"
    assert not Comment.objects.filter(is_official_reply=True).exists()
    assert not ModelLogEntry.objects.filter(action__startswith="ogp_comments.").exists()

    response = client.get(reverse(INDEX))
    assert listed(response) == ["Zoe"]
    assert "Action plan 2026-2028" not in response.content.decode()  # nor the other's plans


def test_anonymous_users_are_sent_to_the_login(client, comments):
    response = client.get(reverse(DETAIL, args=[comments["pending"].pk]))
    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_unknown_ids_are_not_found(moderator_client, comments):
    assert moderator_client.get(reverse(DETAIL, args=[999999])).status_code == 404
    assert moderator_client.post(bulk_url("approve", Comment(pk=999999))).status_code == 404


def test_policy_answers_per_instance_and_lists_the_moderators_of_a_comment(
    moderator, other_moderator, editor, comments
):
    policy = comment_permission_policy
    assert policy.user_has_permission_for_instance(moderator, "moderate", comments["pending"])
    assert not policy.user_has_permission_for_instance(moderator, "moderate", comments["other"])
    assert not policy.user_has_permission_for_instance(editor, "moderate", comments["pending"])
    assert not policy.user_has_permission(moderator, "delete")
    assert not policy.user_has_permission(moderator, "add")
    assert list(policy.users_with_permission_for_instance("moderate", comments["pending"])) == [
        moderator
    ]


# Export for the monitoring body


def exported(client, **query):
    response = client.get(reverse(INDEX), {"export": "csv", **query})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_has_names_never_emails_and_respects_filters_and_sites(
    moderator_client, comments
):
    rows = exported(moderator_client)
    assert {row["Name"] for row in rows} == {"Ana", "Bruno", "Spammer"}  # not Zoe's site
    row = next(row for row in rows if row["Name"] == "Ana")
    assert row["About"] == comments["pending"].target_title
    assert row["Action plan"] == "Action plan 2026-2028"
    assert row["Status"] == "Awaiting moderation"
    assert row["Official reply"] == "False" and row["Comment"] == "Where is the dataset for 2025?"
    assert row["Posted"]
    everything = "".join(str(row) for row in rows)
    assert "@example.org" not in everything

    assert [row["Name"] for row in exported(moderator_client, status="pending")] == ["Ana"]


def test_csv_export_neutralises_formulas(moderator_client, update):
    make_comment(update, '=HYPERLINK("http://evil")', author_name="+cmd")
    (row,) = exported(moderator_client)
    assert row["Comment"].startswith("'=") and row["Name"] == "'+cmd"


def test_a_comment_belongs_to_the_site_it_is_posted_on(update, other_update):
    """Site 2's update takes no comment posted through site 1's host (issue 8, item 19)."""
    data = comment_data(other_update, body="Posted through the wrong town")
    response = Client().post(POST_URL, data, HTTP_HOST="testserver", REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Posted through the wrong town").exists()
    # Through its own host, it is taken.
    response = Client().post(POST_URL, data, HTTP_HOST="other.example", REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 303
    assert Comment.objects.filter(body="Posted through the wrong town").exists()


def test_the_detail_view_links_to_the_page_where_the_comment_appears(moderator_client, comments):
    """Issue 8, item 5: the moderator sees the comment in its place in one click."""
    comment = comments["approved"]
    html = moderator_client.get(reverse(DETAIL, args=[comment.pk])).content.decode()
    url = comment.update.get_url()  # absolute: the test installation has two sites
    url = url if url.startswith("http") else f"http://testserver{url}"
    assert f'href="{url}#ogp-comments"' in html


# The audit log (issue 8, item 21)


def test_the_site_history_shows_no_comment_text_beyond_the_readers_sites(
    client, moderator, other_moderator, comments
):
    """Wagtail's site history lists every comment log entry to every moderator: none quotes."""
    ours, theirs = comments["pending"], comments["other"]
    actions.approve(ours, moderator)
    actions.post_official_reply(ours, moderator, "The dataset is online.")
    actions.reject(theirs, other_moderator)
    site_history = reverse("wagtailadmin_reports:site_history")
    for reader, foreign in ((other_moderator, ours), (moderator, theirs)):
        client.force_login(reader)
        response = client.get(site_history)
        assert response.status_code == 200
        html = response.content.decode()
        assert foreign.body[:20] not in html and f"{foreign.author_name}:" not in html
        # Nor found by the report's "Name" filter.
        searched = client.get(site_history, {"label": foreign.body[:12]}).content.decode()
        assert "Comment approved" not in searched and "Comment rejected" not in searched
    for entry in ModelLogEntry.objects.filter(action__startswith="ogp_comments."):
        assert ours.body[:20] not in entry.label and theirs.body[:20] not in entry.label


def test_earlier_log_entries_stop_quoting_their_comment(moderator, comments):
    """Entries logged before labels were numbers are relabelled by migration 0004."""
    import importlib

    from django.apps import apps as current_apps

    comment = comments["pending"]
    entry = ModelLogEntry.objects.log_action(
        comment, "ogp_comments.approve", user=moderator, title=str(comment)
    )
    assert comment.body[:20] in entry.label  # what Wagtail stored by default
    migration = importlib.import_module(
        "ogp_wagtail.comments.migrations.0004_log_entries_without_comment_text"
    )
    migration.relabel(current_apps, None)
    entry.refresh_from_db()
    assert entry.label == f"Comment {comment.pk}"
