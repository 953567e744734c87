"""Emails about comments, following a commitment, and erasing a commenter's personal data."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission, Page, Site

from ogp_wagtail.comments import notifications
from ogp_wagtail.comments.models import Comment, CommitmentFollower, FollowRequest
from ogp_wagtail.models import ProgressUpdate
from tests.conftest import make_commitment, translate_page
from tests.test_progress_updates import publish_update
from tests.testapp.models import PlainPage


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()  # the follow rate limit counts in the cache
    yield
    cache.clear()


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


def new_update(commitment, title="", progress="<p>The budget dataset went online.</p>"):
    update = ProgressUpdate(
        commitment=commitment,
        date=datetime.date(2026, 6, 30),
        title=title,
        progress=progress,
        live=False,
    )
    update.save()
    return update


@pytest.fixture
def update(commitment):
    update = new_update(commitment)
    update.save_revision().publish()
    return update


def moderator_group(name, site_root):
    """A group that moderates comments of the site whose root page is ``site_root``."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="ogp_comments", codename="moderate_comment"),
        Permission.objects.get(codename="access_admin"),
    )
    GroupPagePermission.objects.create(
        group=group, page=site_root, permission=Permission.objects.get(codename="change_page")
    )
    return group


@pytest.fixture
def people(home, django_user_model):
    """A moderator of the default site, one of another site, a superuser, and a plain user."""
    other_root = Page.get_first_root_node().add_child(
        instance=PlainPage(title="Other", slug="other-site")
    )
    Site.objects.create(hostname="other.example.org", port=80, root_page=other_root)
    users = {}
    for name, group in [
        ("moderator", moderator_group("Riverton moderators", home)),
        ("other_site", moderator_group("Elsewhere moderators", other_root)),
        ("plain", None),
    ]:
        user = django_user_model.objects.create_user(
            username=name, email=f"{name}@example.org", password="password"
        )
        if group:
            user.groups.add(group)
        users[name] = user
    users["admin"] = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.org", password="password"
    )
    return users


def make_comment(update, **fields):
    values = {
        "site": Site.objects.get(is_default_site=True),
        "update": update,
        "target_key": update.uuid,
        "target_title": update.display_title,
        "plan_key": update.commitment.get_parent().translation_key,
        "author_name": "Amina",
        "author_email": "Amina@Example.org",
        "body": "Please publish the data as CSV too.",
        "status": "pending",
        "client_hash": "c" * 64,
        "notify_author": False,
        "language": "en",
    }
    values.update(fields)
    return Comment.objects.create(**values)


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def html_of(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


# Moderators ----------------------------------------------------------------------


def test_moderators_of_the_site_are_emailed_about_a_pending_comment(
    people, update, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(update)
    # Superusers too, as Wagtail's own moderation emails; one email each.
    assert recipients(mailoutbox) == ["admin@example.org", "moderator@example.org"]
    message = mailoutbox[0]
    assert all(len(message.to) == 1 for message in mailoutbox)
    assert comment.target_title in message.subject
    assert comment.body in message.body and comment.body in html_of(message)
    assert "amina@example.org" not in message.body.lower()  # moderators see it in the admin
    assert "http://testserver/admin/" in message.body


def test_moderator_emails_follow_the_settings(
    people, update, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(update)
    assert recipients(mailoutbox) == ["moderator@example.org"]

    mailoutbox.clear()
    settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "off"
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(update)
    assert mailoutbox == []


def test_no_email_for_comments_that_do_not_await_moderation_or_roll_back(
    people, update, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(update, status="spam")  # a filled honeypot
        make_comment(update, status="approved")  # publication first
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_comment(update)
    # Sent on commit only: a rolled-back row never is. (The render cache also waits
    # for the commit, to forget pages rendered from it.)
    emails = [c for c in callbacks if getattr(c, "func", None) is notifications.notify_moderators]
    assert len(emails) == 1 and mailoutbox == []


def test_digest_lists_pending_comments_once_a_day(
    people, update, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "digest"
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(update, body="First BODY-ONE")
        make_comment(update, body="Second BODY-TWO")
        moderated = make_comment(update, body="Moderated BODY-DONE")
        old = make_comment(update, body="Old BODY-OLD")
    Comment.objects.filter(pk=moderated.pk).update(status="approved")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    assert mailoutbox == []  # nothing until the command runs

    call_command("ogp_comments_digest", stdout=io.StringIO())
    assert recipients(mailoutbox) == ["admin@example.org", "moderator@example.org"]
    for message in mailoutbox:
        assert "BODY-ONE" in message.body and "BODY-TWO" in message.body
        assert "BODY-DONE" not in message.body and "BODY-OLD" not in message.body
        assert "BODY-ONE" in html_of(message)
    assert "2" in mailoutbox[0].subject

    mailoutbox.clear()
    call_command("ogp_comments_digest", "--since-hours", "72", stdout=io.StringIO())
    assert "BODY-OLD" in mailoutbox[0].body


def test_digest_command_sends_nothing_unless_digests_are_chosen(people, update, mailoutbox):
    make_comment(update)
    call_command("ogp_comments_digest", stdout=io.StringIO())
    assert mailoutbox == []
    with pytest.raises(CommandError):
        call_command("ogp_comments_digest", "--since-hours", "0")


# Commenters ----------------------------------------------------------------------


def approve(comment):
    comment.status = "approved"
    comment.published_at = comment.published_at or timezone.now()
    comment.save()


def test_an_author_who_opted_in_is_told_once_when_published(
    update, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "off"
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(update, notify_author=True)
        silent = make_comment(update, author_email="silent@example.org")
        approve(comment)
        approve(silent)
    assert recipients(mailoutbox) == ["Amina@Example.org"]
    (message,) = mailoutbox
    assert update.display_title in message.subject
    assert update.get_url() in message.body  # absolute: http://testserver/...
    assert "http://testserver/" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        comment.body = comment.body + " (typo fixed)"
        comment.save()  # a later save of a published comment
        comment.status = "rejected"
        comment.save()
        approve(comment)  # published again after a mistake: already told
    assert len(mailoutbox) == 1


def test_an_author_is_told_of_an_official_reply_in_their_language(
    update, mailoutbox, django_capture_on_commit_callbacks, settings, editor
):
    settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "off"
    comment = make_comment(
        update, notify_author=True, language="fr", status="approved", published_at=timezone.now()
    )
    other = make_comment(update, author_email="other@example.org", status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        for parent in (comment, other):
            make_comment(
                update,
                parent=parent,
                is_official_reply=True,
                official_author=editor,
                author_name="City Hall",
                author_email="",
                body="We will publish CSV files in March. REPLY-TEXT",
                status="approved",
                published_at=timezone.now(),
            )
    (message,) = mailoutbox  # the other author did not opt in
    assert message.to == ["Amina@Example.org"]
    assert "REPLY-TEXT" in message.body and "REPLY-TEXT" in html_of(message)
    assert '<html lang="fr"' in html_of(message)
    assert "other@example.org" not in message.body + html_of(message)


def test_an_author_is_told_when_a_resident_reply_is_published_not_before(
    update, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "off"
    comment = make_comment(
        update, notify_author=True, status="approved", published_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        reply = make_comment(
            update, parent=comment, author_name="Bob", author_email="bob@example.org"
        )
    assert mailoutbox == []  # pending: not public yet
    with django_capture_on_commit_callbacks(execute=True):
        approve(reply)
    (message,) = mailoutbox
    assert message.to == ["Amina@Example.org"]
    assert "Bob" in message.body and "bob@example.org" not in message.body + html_of(message)


# Following a commitment --------------------------------------------------------


def follow_url(commitment):
    return reverse("ogp_wagtail:follow:follow", args=(commitment.translation_key,))


def link_in(message, name):
    return re.search(rf"http://testserver(/ogp/follow/{name}/[^/\s]+/)", message.body).group(1)


def follow(client, commitment, email="Resident@Example.org", **extra):
    data = {"email": email, "consent": "on", "website": "", **extra}
    return client.post(follow_url(commitment), data)


def test_follow_a_commitment_then_receive_each_new_update_once(
    client, editor_client, commitment, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get(follow_url(commitment))
    assert page.status_code == 200
    assert b"csrfmiddlewaretoken" in page.content and commitment.title.encode() in page.content

    response = follow(client, commitment)
    assert response.status_code == 200
    follower = CommitmentFollower.objects.get()
    assert follower.email == "resident@example.org" and follower.confirmed_at is None
    (confirmation,) = mailoutbox
    assert confirmation.to == ["resident@example.org"]
    assert commitment.title in confirmation.subject
    confirm = link_in(confirmation, "confirm")
    assert confirm in html_of(confirmation)

    # Not confirmed yet: an update is not sent.
    with django_capture_on_commit_callbacks(execute=True):
        new_update(commitment, title="Draft first").save_revision().publish()
    assert len(mailoutbox) == 1

    assert client.get(confirm).status_code == 200
    assert client.get(confirm).status_code == 200  # idempotent
    follower.refresh_from_db()
    assert follower.confirmed_at is not None

    # A new update, published in the admin as editors do.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_update(editor_client, commitment).status_code == 302
    update = ProgressUpdate.objects.latest("pk")
    (message,) = mailoutbox
    assert message.to == ["resident@example.org"]
    assert commitment.title in message.subject and update.display_title in message.subject
    assert "The budget dataset went online." in message.body
    assert f"http://testserver{update.get_url()}" in message.body
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in html_of(message)

    # Published again after an edit: not new, not sent again.
    with django_capture_on_commit_callbacks(execute=True):
        update.title = "Edited"
        update.save_revision().publish()
    assert len(mailoutbox) == 1

    # One click unsubscribes; the next update sends nothing.
    assert client.get(unsubscribe).status_code == 200
    assert not CommitmentFollower.objects.exists()
    assert client.get(unsubscribe).status_code == 200  # idempotent
    assert client.get(confirm).status_code == 400  # nothing left to confirm
    with django_capture_on_commit_callbacks(execute=True):
        new_update(commitment, title="Later").save_revision().publish()
    assert len(mailoutbox) == 1


def test_one_click_unsubscribe_by_post_from_a_mail_client(
    commitment, mailoutbox, django_capture_on_commit_callbacks
):
    follower = CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key,
        email="resident@example.org",
        language="fr",
        confirmed_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        new_update(commitment).save_revision().publish()
    (message,) = mailoutbox
    assert '<html lang="fr"' in html_of(message)
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    # RFC 8058: the mail provider POSTs without any CSRF token.
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not CommitmentFollower.objects.filter(pk=follower.pk).exists()


def test_follow_form_refuses_bad_input_and_bots(client, commitment, mailoutbox):
    assert follow(client, commitment, consent="").status_code == 400
    assert follow(client, commitment, email="not-an-email").status_code == 400
    assert follow(client, commitment, website="http://spam.example").status_code == 200
    assert not CommitmentFollower.objects.exists() and mailoutbox == []
    assert (
        Client(enforce_csrf_checks=True)
        .post(follow_url(commitment), {"email": "a@example.org", "consent": "on"})
        .status_code
        == 403
    )
    missing = reverse("ogp_wagtail:follow:follow", args=("00000000-0000-0000-0000-000000000000",))
    assert client.get(missing).status_code == 404


def test_follow_requests_are_rate_limited_per_client_and_per_email(
    client, commitment, mailoutbox, settings
):
    settings.OGP_WAGTAIL_FOLLOW_RATE_LIMIT = 3
    codes = [follow(client, commitment, email=f"r{n}@example.org").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    codes = [
        Client(REMOTE_ADDR=f"10.0.0.{n}")
        .post(follow_url(commitment), {"email": "same@example.org", "consent": "on"})
        .status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert len(mailoutbox) == 3 + 3


def test_the_follow_limit_is_counted_where_every_worker_sees_it(
    client, commitment, mailoutbox, settings
):
    """Each worker process has its own local cache: the limit must not live there."""
    settings.OGP_WAGTAIL_FOLLOW_RATE_LIMIT = 2
    codes = []
    for n in range(4):
        cache.clear()  # as if each request reached another worker
        codes.append(follow(client, commitment, email=f"w{n}@example.org").status_code)
    assert codes == [200, 200, 429, 429]
    assert FollowRequest.objects.count() == 2
    assert not FollowRequest.objects.filter(email_hash__contains="@").exists()


def test_a_confirmed_follower_is_not_sent_a_new_confirmation(client, commitment, mailoutbox):
    CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key,
        email="resident@example.org",
        confirmed_at=timezone.now(),
    )
    response = follow(client, commitment)
    assert response.status_code == 200  # the same answer: nothing revealed
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["confirm", "unsubscribe"])
def test_tampered_or_expired_links_get_400(client, commitment, name, monkeypatch):
    follower = CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key, email="resident@example.org"
    )
    make_token = getattr(notifications, f"{name}_token")
    token = make_token(follower)
    url = f"/ogp/follow/{name}/{{}}/"

    def signed(payload):
        return signing.dumps(payload, salt=f"ogp_wagtail.follow.{name}")

    for bad in [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "garbage",
        signed({"f": follower.pk, "k": "not-a-uuid", "h": "0"}),
        signed({"f": "x", "k": str(commitment.translation_key), "h": "0"}),
        signed({"f": [1], "k": str(commitment.translation_key), "h": "0"}),
        signed("just a string"),
        signing.dumps({"f": follower.pk, "k": str(commitment.translation_key)}),  # other salt
        "x" * 2000,
    ]:
        response = client.get(url.format(bad))
        assert response.status_code == 400, bad
    follower.refresh_from_db()
    assert follower.confirmed_at is None

    # Signed, but for a row that now holds another address: changes nothing.
    other = signed({"f": follower.pk, "k": str(commitment.translation_key), "h": "0" * 16})
    assert client.get(url.format(other)).status_code == (400 if name == "confirm" else 200)
    follower.refresh_from_db()
    assert follower.confirmed_at is None

    if name == "confirm":
        real_time = signing.time.time
        monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
        old_token = make_token(follower)
        monkeypatch.undo()
        assert client.get(url.format(old_token)).status_code == 400
        follower.refresh_from_db()
        assert follower.confirmed_at is None


# Erasing a commenter -------------------------------------------------------------


def test_erase_a_commenter(update, commitment, capsys):
    mine = [
        make_comment(update, notify_author=True, language="en"),
        make_comment(update, author_email="amina@example.org", language="fr", status="approved"),
    ]
    theirs = make_comment(update, author_name="Bob", author_email="bob@example.org")
    CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key, email="amina@example.org"
    )
    CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key, email="bob@example.org"
    )

    call_command("ogp_erase_commenter", "AMINA@example.org", "--dry-run")
    assert "2 comment(s)" in capsys.readouterr().out
    assert Comment.objects.filter(author_email__iexact="amina@example.org").count() == 2
    assert CommitmentFollower.objects.count() == 2

    call_command("ogp_erase_commenter", "AMINA@example.org")
    assert "2 comment(s) anonymised, 1 follow(s) deleted" in capsys.readouterr().out
    for comment in mine:
        before = comment.body
        comment.refresh_from_db()
        assert comment.author_email == "" and comment.client_hash == ""
        assert comment.author_name != "Amina" and not comment.notify_author
        assert comment.anonymised_at is not None and comment.body == before
    theirs.refresh_from_db()
    assert theirs.author_name == "Bob" and theirs.author_email == "bob@example.org"
    assert list(CommitmentFollower.objects.values_list("email", flat=True)) == ["bob@example.org"]

    call_command("ogp_erase_commenter", "amina@example.org")  # idempotent
    assert "0 comment(s) anonymised, 0 follow(s) deleted" in capsys.readouterr().out


@pytest.mark.parametrize("argument", ["not-an-email", "", "amina@", "@example.org"])
def test_erase_refuses_what_is_not_an_email(update, argument):
    make_comment(update)
    with pytest.raises(CommandError, match="not an email address"):
        call_command("ogp_erase_commenter", argument)
    assert Comment.objects.get().author_name == "Amina"


def test_the_follow_link_for_commitment_pages_carries_the_pages_language(commitment):
    from django.template.loader import render_to_string

    html = render_to_string("ogp_wagtail/comments/follow/link.html", {"commitment": commitment})
    assert f'href="{follow_url(commitment)}?language=en"' in html
    with translation.override("ar"):
        html = render_to_string("ogp_wagtail/comments/follow/link.html", {"commitment": commitment})
    assert f'href="{follow_url(commitment)}?language=ar"' in html


def test_following_from_an_arabic_page_stays_in_arabic(client, commitment, mailoutbox):
    arabic = translate_page(commitment, "ar")
    url = follow_url(commitment) + "?language=ar"
    page = client.get(url).content.decode()
    assert '<html lang="ar" dir="rtl"' in page and arabic.title in page
    response = client.post(url, {"email": "a@example.org", "consent": "on", "website": ""})
    assert '<html lang="ar"' in response.content.decode()
    assert CommitmentFollower.objects.get().language == "ar"
    (confirmation,) = mailoutbox
    assert '<html lang="ar"' in html_of(confirmation)
    confirmed = client.get(link_in(confirmation, "confirm")).content.decode()
    assert '<html lang="ar" dir="rtl"' in confirmed and arabic.title in confirmed


def test_an_unknown_language_falls_back_to_the_sites(client, commitment):
    for language in ["xx", "ar" * 40, ""]:
        page = client.get(follow_url(commitment), {"language": language})
        assert page.status_code == 200
        assert '<html lang="en"' in page.content.decode()


def test_updates_of_an_unpublished_commitment_are_not_emailed(
    commitment, mailoutbox, django_capture_on_commit_callbacks
):
    CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key,
        email="resident@example.org",
        confirmed_at=timezone.now(),
    )
    commitment.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        new_update(commitment).save_revision().publish()
    assert mailoutbox == []


def test_followers_hear_of_an_update_once_whatever_its_translations(
    commitment, mailoutbox, django_capture_on_commit_callbacks
):
    """Publishing the French translation of an update already sent sends nothing."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    CommitmentFollower.objects.create(
        commitment_key=commitment.translation_key,
        email="resident@example.org",
        confirmed_at=timezone.now(),
    )
    update = new_update(commitment)
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
    assert len(mailoutbox) == 1
    source, _created = TranslationSource.get_or_create_from_instance(update)
    french = Locale.objects.create(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=french).save_target(publish=True)
    assert ProgressUpdate.objects.filter(uuid=update.uuid, live=True).count() == 2
    assert len(mailoutbox) == 1
