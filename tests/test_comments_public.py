"""Public comments: posting, replies, reports, display, and the defences of the write path."""

import datetime
import time
import uuid

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from ogp_wagtail.comments import abuse
from ogp_wagtail.comments.display import comment_counts, official_reply_share, thread_signature
from ogp_wagtail.comments.follow import FollowForm
from ogp_wagtail.comments.forms import CommentForm, ReportForm
from ogp_wagtail.comments.models import Comment, CommentReport, CommentStatus
from ogp_wagtail.models import ConsultationPage
from ogp_wagtail.updates.models import ProgressUpdate
from tests.conftest import make_commitment, translate_page

POST_URL = "/ogp/comments/post/"
REPORT_URL = "/ogp/comments/report/"


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


def make_update(commitment, live=True, **fields):
    fields.setdefault("date", datetime.date(2026, 3, 31))
    return ProgressUpdate.objects.create(
        commitment=commitment, progress="<p>The dataset is online.</p>", live=live, **fields
    )


@pytest.fixture
def update(commitment):
    return make_update(commitment)


def make_consultation(parent, title, opens_at, closes_at):
    page = parent.add_child(
        instance=ConsultationPage(
            title=title, stage="plan_cocreation", opens_at=opens_at, closes_at=closes_at
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def consultation(hub):
    now = timezone.now()
    return make_consultation(
        hub,
        "Co-create the plan",
        now - datetime.timedelta(days=1),
        now + datetime.timedelta(days=7),
    )


@pytest.fixture
def closed_consultation(hub):
    now = timezone.now()
    return make_consultation(
        hub, "Closed one", now - datetime.timedelta(days=9), now - datetime.timedelta(days=1)
    )


def old_token():
    """A form served a minute ago: past the minimum fill time."""
    return abuse.issue_form_token(now=time.time() - 60)


def comment_data(target, **fields):
    data = {
        "target": target if isinstance(target, str) else f"update:{target.uuid}",
        "language": "en",
        "token": old_token(),
        "name": "Amina",
        "email": "amina@example.org",
        "body": "Is the 2025 budget included?",
        "consent": "on",
        "website": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, ip="203.0.113.7", **extra):
    return client.post(POST_URL, data, REMOTE_ADDR=ip, **extra)


def approve(comment):
    Comment.objects.filter(pk=comment.pk).update(
        status=CommentStatus.APPROVED, published_at=timezone.now()
    )


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# The whole flow --------------------------------------------------------------


def test_a_comment_waits_for_moderation_then_shows(client, plan, update):
    response = post(client, comment_data(update, body="First line\nsecond <b>line</b>"))
    assert response.status_code == 303
    assert response["Location"] == (f"{update.get_url()}?ogp_comment=pending#ogp-comments-status")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and comment.published_at is None
    assert comment.update == update and comment.consultation is None
    assert comment.target_key == update.uuid
    assert comment.target_title == f"Open budget data: {update.display_title}"
    assert comment.plan_key == plan.translation_key
    assert comment.site.root_page.specific.title == "Home"
    assert comment.language == "en"
    assert comment.consented_at is not None
    assert comment.client_hash == abuse.client_hash("203.0.113.7")

    html = page_html(client, response["Location"])
    assert "awaits moderation" in html
    assert 'role="status"' in html
    assert "second" not in html and "0 comments" in html

    approve(comment)
    html = page_html(client, update.get_url())
    assert "First line<br>second &lt;b&gt;line&lt;/b&gt;" in html
    assert "1 comment" in html and "Amina" in html
    assert "amina@example.org" not in html  # the email is never shown


def test_without_premoderation_a_comment_is_published_at_once(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_PREMODERATION = False
    response = post(client, comment_data(update))
    assert response["Location"].endswith("?ogp_comment=published#ogp-comments-status")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.APPROVED and comment.published_at is not None
    html = page_html(client, response["Location"])
    assert "Is the 2025 budget included?" in html and "is published" in html


def test_comments_on_an_open_consultation(client, consultation):
    response = post(client, comment_data(f"consultation:{consultation.pk}"))
    assert response.status_code == 303
    assert response["Location"].startswith(consultation.url)
    comment = Comment.objects.get()
    assert comment.consultation_id == consultation.pk and comment.update is None
    assert comment.target_key == consultation.translation_key
    assert comment.plan_key is None  # under the hub, not a plan
    approve(comment)
    assert "Is the 2025 budget included?" in page_html(client, consultation.url)


def test_a_closed_consultation_shows_comments_but_takes_no_more(client, closed_consultation):
    html = page_html(client, closed_consultation.url)
    assert "Comments are closed." in html and 'name="body"' not in html
    response = post(client, comment_data(f"consultation:{closed_consultation.pk}"))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_an_unpublished_update_takes_no_comment(client, commitment):
    draft = make_update(commitment, live=False)
    assert post(client, comment_data(draft)).status_code == 400
    assert not Comment.objects.exists()


# Replies ---------------------------------------------------------------------


def test_one_level_of_replies_and_official_replies(client, settings, update, organisation):
    settings.OGP_WAGTAIL_COMMENTS_PREMODERATION = False
    post(client, comment_data(update, body="Top comment"))
    top = Comment.objects.get()
    response = post(client, comment_data(update, body="A reply", parent=str(top.uuid)))
    assert response.status_code == 303
    reply = Comment.objects.get(body="A reply")
    assert reply.parent == top and reply.target_key == top.target_key

    # A reply to a reply is refused.
    response = post(client, comment_data(update, body="Too deep", parent=str(reply.uuid)))
    assert response.status_code == 400
    assert not Comment.objects.filter(body="Too deep").exists()

    Comment.objects.create(
        update=update,
        target_key=update.uuid,
        target_title="x",
        parent=top,
        author_name=thread_signature(top),
        body="We will publish it in May.",
        is_official_reply=True,
        status=CommentStatus.APPROVED,
        published_at=timezone.now(),
    )
    html = page_html(client, update.get_url())
    assert html.index("Top comment") < html.index("A reply") < html.index("publish it in May")
    assert f"Official reply from {organisation.name}" in html  # the hub's lead agency
    assert "3 comments" in html
    # A reply form per top-level comment, none for replies.
    assert html.count('name="parent"') == 1


def test_replies_attach_to_a_published_comment_of_the_same_target(client, commitment, update):
    other = make_update(commitment, date=datetime.date(2026, 6, 30))
    post(client, comment_data(other, body="On the other update"))
    foreign = Comment.objects.get()
    approve(foreign)
    for parent in [str(foreign.uuid), "not-a-uuid", str(uuid.uuid4()), "1"]:
        response = post(client, comment_data(update, parent=parent))
        assert response.status_code == 400, parent
    post(client, comment_data(update, body="Pending one"))
    pending = Comment.objects.get(body="Pending one")
    assert post(client, comment_data(update, parent=str(pending.uuid))).status_code == 400
    assert Comment.objects.count() == 2


# Escaping --------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">click</a> javascript:alert(1)',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_names_and_bodies_are_escaped(client, update, payload):
    response = post(client, comment_data(update, name=payload[:80], body=f"Body {payload}"))
    assert response.status_code == 303, response.content.decode()
    approve(Comment.objects.get())
    html = page_html(client, update.get_url())
    assert "Body " in html
    for dangerous in ["<script>alert", "<img src=x", "onerror=alert(1)>", 'href="javascript:']:
        assert dangerous not in html
    assert escape(f"Body {payload}") in html
    assert escape(payload[:80]) in html


# CSRF ------------------------------------------------------------------------


def test_csrf_is_enforced(update):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(POST_URL, comment_data(update), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 403
    response = browser.post(REPORT_URL, {"comment": str(uuid.uuid4()), "reason": "spam"})
    assert response.status_code == 403
    assert not Comment.objects.exists() and not CommentReport.objects.exists()

    # The form on the page carries the token: a resident's post goes through.
    html = page_html(browser, update.get_url())
    marker = 'name="csrfmiddlewaretoken" value="'
    token = html[html.index(marker) + len(marker) :].split('"', 1)[0]
    data = comment_data(update, csrfmiddlewaretoken=token)
    assert browser.post(POST_URL, data, REMOTE_ADDR="203.0.113.7").status_code == 303
    assert Comment.objects.count() == 1


def test_the_views_only_accept_post(client):
    assert client.get(POST_URL).status_code == 405
    assert client.get(REPORT_URL).status_code == 405


# Rate limits -----------------------------------------------------------------


def test_rapid_posts_from_one_client_get_429_after_the_limit(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_EMAIL_RATE_LIMIT = 0  # isolate the client limit
    statuses = []
    for number in range(100):
        data = comment_data(update, body=f"Post {number}", email=f"p{number}@example.org")
        statuses.append(post(client, data).status_code)
    limit = 5  # the default
    assert statuses[:limit] == [303] * limit
    assert statuses[limit:] == [429] * (100 - limit)
    assert Comment.objects.count() == limit
    response = post(client, comment_data(update))
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 600
    assert "Please wait" in response.content.decode()
    # Another client is not affected.
    assert post(client, comment_data(update), ip="198.51.100.9").status_code == 303


def test_the_window_is_configurable(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT = 2
    settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_WINDOW = 60
    for _ in range(2):
        assert post(client, comment_data(update)).status_code == 303
    assert post(client, comment_data(update)).status_code == 429
    Comment.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=61))
    assert post(client, comment_data(update)).status_code == 303


def test_rate_limit_per_email_across_clients(client, update):
    statuses = [
        post(client, comment_data(update, email="Same@Example.org"), ip=f"192.0.2.{n}").status_code
        for n in range(1, 13)
    ]
    assert statuses == [303] * 10 + [429] * 2
    assert Comment.objects.count() == 10
    # Case does not make another address.
    response = post(client, comment_data(update, email="same@example.org"), ip="192.0.2.99")
    assert response.status_code == 429


def test_honeypot_and_spam_count_towards_the_limit(client, update):
    for _ in range(5):
        post(client, comment_data(update, website="http://spam.example"))
    assert post(client, comment_data(update)).status_code == 429


# Bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"body": "x" * 2001},
        {"name": "n" * 81},
        {"body": ""},
        {"body": "   \n  "},
        {"name": ""},
        {"email": ""},
        {"email": "not an email"},
        {"body": None},
        {"name": None, "email": None, "body": None},
        {"body": "nul\x00byte"},
        {"name": "nul\x00"},
        {"body": "bell\x07"},
        {"consent": None},
        {"consent": ""},
        # Longer than the database column (254): PostgreSQL answered 500 (issue 8, item 16).
        {"email": "a" * 60 + "@" + ".".join(["b" * 60] * 4) + ".org"},
    ],
)
def test_bad_input_is_refused_with_400(client, update, fields):
    response = post(client, comment_data(update, **fields))
    assert response.status_code == 400
    assert not Comment.objects.exists()
    html = response.content.decode()
    assert "could not be sent" in html
    assert 'aria-invalid="true"' in html  # the field in error, linked to its message


def test_the_comment_length_is_a_setting(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_MAX_LENGTH = 10
    assert post(client, comment_data(update, body="x" * 11)).status_code == 400
    assert post(client, comment_data(update, body="x" * 10)).status_code == 303


def test_a_huge_post_is_refused(client, update):
    response = post(client, comment_data(update, body="x" * 1_000_000))
    assert response.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        b"body=%ff%fe%fd&name=Amina&email=a%40example.org&consent=on",
        b"name=%c3%28&body=hello&email=a%40example.org&consent=on",
        b"\xff\xfe=\xff&body=hello",
    ],
)
def test_badly_encoded_input_is_refused(client, update, raw):
    raw += f"&target=update:{update.uuid}&token={old_token()}".encode()
    response = client.generic(
        "POST", POST_URL, raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_malformed_multipart_body_is_refused(client, update):
    response = client.generic(
        "POST", POST_URL, b"--xx\r\ngarbage", content_type="multipart/form-data; boundary=xx"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "target",
    [
        "",
        "update:",
        "update:not-a-uuid",
        "update:00000000-0000-0000-0000-000000000000",
        "consultation:abc",
        "consultation:-1",
        "consultation:99999999",
        "consultation:１２",  # non-ASCII digits
        "consultation:" + "9" * 40,
        "page:1",
        "update:" + "x" * 500,
    ],
)
def test_forged_targets_are_refused(client, update, target):
    response = post(client, comment_data(target))
    assert response.status_code == 400
    assert "not open for comments" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_commitment_page_id_is_not_a_consultation(client, commitment):
    response = post(client, comment_data(f"consultation:{commitment.pk}"))
    assert response.status_code == 400


# Honeypot and fill time ------------------------------------------------------


def test_a_filled_honeypot_is_stored_as_spam_and_never_shown(client, update):
    response = post(client, comment_data(update, website="http://buy.example", body="Buy now"))
    assert response.status_code == 303  # answered like a success
    assert "ogp_comment=pending" in response["Location"]
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.SPAM
    html = page_html(client, update.get_url())
    assert "Buy now" not in html and "0 comments" in html


def test_the_honeypot_is_hidden_from_people(client, update):
    html = page_html(client, update.get_url())
    start = html.index('class="ogp-comments__hp ogp-visually-hidden"')
    trap = html[start : html.index("</div>", start)]
    assert 'aria-hidden="true"' in trap and 'tabindex="-1"' in trap
    assert "Leave this field empty" in trap


def test_a_form_sent_too_fast_is_refused_and_offered_again(client, update):
    response = post(client, comment_data(update, token=abuse.issue_form_token()))
    assert response.status_code == 400
    assert not Comment.objects.exists()
    html = response.content.decode()
    assert "That was quick" in html
    assert "Is the 2025 budget included?" in html  # what was typed is kept
    assert 'name="token"' in html  # with a fresh timestamp


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        "garbage",
        "MTc5NTM0MzE5OA:1xV4mM:forged-signature",
        "x" * 5000,
    ],
)
def test_a_missing_or_forged_timestamp_is_refused(client, update, token):
    response = post(client, comment_data(update, token=token))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_an_expired_timestamp_is_refused(client, update):
    stale = abuse.issue_form_token(now=time.time() - abuse.TOKEN_MAX_AGE - 10)
    assert post(client, comment_data(update, token=stale)).status_code == 400


def test_the_minimum_fill_time_is_a_setting(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_MIN_FILL_SECONDS = 0
    assert post(client, comment_data(update, token=abuse.issue_form_token())).status_code == 303


# Links and consent -----------------------------------------------------------


def test_links_are_limited(client, update):
    three = "See https://a.example, http://b.example/x and www.c.example"
    response = post(client, comment_data(update, body=three))
    assert response.status_code == 400
    assert "at most 2 links" in response.content.decode()
    two = "See https://a.example and www.c.example"
    assert post(client, comment_data(update, body=two)).status_code == 303
    assert Comment.objects.get().body == two


def test_links_are_shown_as_text(client, update):
    post(client, comment_data(update, body="See https://a.example/page"))
    approve(Comment.objects.get())
    html = page_html(client, update.get_url())
    assert "See https://a.example/page" in html
    assert 'href="https://a.example/page"' not in html


def test_consent_is_required_and_the_notice_is_shown(client, settings, update):
    html = page_html(client, update.get_url())
    assert "Privacy notice" in html and 'name="consent"' in html
    settings.OGP_WAGTAIL_COMMENTS_PRIVACY_NOTICE = "/privacy/"
    assert 'href="/privacy/"' in page_html(client, update.get_url())
    settings.OGP_WAGTAIL_COMMENTS_PRIVACY_NOTICE = "We keep <your> data 6 months."
    assert "We keep &lt;your&gt; data 6 months." in page_html(client, update.get_url())
    response = post(client, comment_data(update, consent=None))
    assert response.status_code == 400
    assert "agree to the privacy notice" in response.content.decode()


# Reports ---------------------------------------------------------------------


@pytest.fixture
def published(client, update):
    post(client, comment_data(update, body="A rude remark"))
    comment = Comment.objects.get()
    approve(comment)
    return comment


def report(client, comment, ip, reason="offensive"):
    return client.post(REPORT_URL, {"comment": str(comment.uuid), "reason": reason}, REMOTE_ADDR=ip)


def test_reports_hide_a_comment_after_the_threshold(client, update, published):
    for number in (1, 2):
        response = report(client, published, f"198.51.100.{number}")
        assert response.status_code == 303
        assert "ogp_comment=reported" in response["Location"]
    assert "A rude remark" in page_html(client, update.get_url())
    report(client, published, "198.51.100.3", reason="spam")
    published.refresh_from_db()
    assert published.report_count == 3 and published.hidden_for_review
    assert published.status == CommentStatus.APPROVED  # a moderator decides
    assert "A rude remark" not in page_html(client, update.get_url())
    # Hidden: it can no longer be reported or replied to.
    assert report(client, published, "198.51.100.4").status_code == 400
    assert post(client, comment_data(update, parent=str(published.uuid))).status_code == 400


def test_one_report_per_client(client, published):
    for _ in range(3):
        assert report(client, published, "198.51.100.1").status_code == 303
    published.refresh_from_db()
    assert published.report_count == 1 and not published.hidden_for_review
    assert CommentReport.objects.count() == 1


def test_the_threshold_is_a_setting(client, settings, published):
    settings.OGP_WAGTAIL_COMMENTS_REPORTS_TO_HIDE = 1
    report(client, published, "198.51.100.1")
    published.refresh_from_db()
    assert published.hidden_for_review


def test_reports_are_rate_limited_per_client(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_REPORT_RATE_LIMIT = 2
    settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT = 10
    for number in range(3):
        post(client, comment_data(update, body=f"Comment {number}"), ip=f"192.0.2.{number}")
    for comment in Comment.objects.all():
        approve(comment)
    statuses = [report(client, c, "198.51.100.1").status_code for c in Comment.objects.all()]
    assert statuses == [303, 303, 429]
    assert CommentReport.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"reason": "offensive"},
        {"comment": "garbage", "reason": "offensive"},
        {"comment": str(uuid.uuid4()), "reason": "offensive"},
        {"comment": "PUBLISHED", "reason": "nonsense"},
        {"comment": "PUBLISHED"},
        {"comment": "PENDING", "reason": "spam"},
        {"comment": "OFFICIAL", "reason": "spam"},
    ],
)
def test_bad_reports_are_refused(client, update, published, data):
    post(client, comment_data(update, body="Pending", email="b@example.org"), ip="192.0.2.5")
    official = Comment.objects.create(
        update=update,
        target_key=update.uuid,
        target_title="x",
        parent=published,
        author_name="City",
        body="Answer",
        is_official_reply=True,
        status=CommentStatus.APPROVED,
    )
    names = {
        "PUBLISHED": str(published.uuid),
        "PENDING": str(Comment.objects.get(body="Pending").uuid),
        "OFFICIAL": str(official.uuid),
    }
    data = {key: names.get(value, value) for key, value in data.items()}
    response = client.post(REPORT_URL, data, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 400
    assert not CommentReport.objects.exists()


# Client identity -------------------------------------------------------------


def test_the_raw_ip_is_stored_nowhere(client, update, published):
    ip = "203.0.113.7"
    report(client, published, "198.51.100.77")
    for row in Comment.objects.values():
        assert not any(ip in str(value) for value in row.values())
    for row in CommentReport.objects.values():
        assert not any("198.51.100.77" in str(value) for value in row.values())
    assert published.client_hash != ip and len(published.client_hash) == 64


def test_the_client_address_header_for_sites_behind_a_proxy(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER = "X-Forwarded-For"
    post(client, comment_data(update), HTTP_X_FORWARDED_FOR="192.0.2.44, 10.0.0.1")
    assert Comment.objects.get().client_hash == abuse.client_hash("192.0.2.44")


# Plain functions of abuse.py -------------------------------------------------


def test_count_links():
    assert abuse.count_links("no link here. www") == 0
    assert abuse.count_links("https://a.example http://b.example") == 2
    assert abuse.count_links("WWW.example.org and ftp://x") == 2
    assert abuse.count_links("javascript:alert(1)") == 1


def test_control_characters_and_encoding():
    assert abuse.has_control_characters("a\x00b")
    assert abuse.has_control_characters("\x1b[31m")
    assert not abuse.has_control_characters("tab\tnew\nline\r\n ﻿ok عربي")
    assert abuse.has_encoding_errors("bad \ufffd")


def test_client_hash_is_keyed_and_groups_ipv6_networks(settings):
    one = abuse.client_hash("2001:db8:1:2:aaaa::1")
    assert one == abuse.client_hash("2001:db8:1:2:bbbb::2")  # the same /64
    assert one != abuse.client_hash("2001:db8:1:3::1")
    assert abuse.client_hash("::ffff:192.0.2.1") == abuse.client_hash("192.0.2.1")
    assert abuse.client_hash("garbage") != abuse.client_hash("192.0.2.1")
    before = abuse.client_hash("192.0.2.1")
    settings.SECRET_KEY = "another-secret"
    assert abuse.client_hash("192.0.2.1") != before


def test_form_token_age():
    token = abuse.issue_form_token(now=1000)
    assert abuse.form_token_age(token, now=1004) == 4
    for bad in ["", "nonsense", token + "x"]:
        with pytest.raises(abuse.BadToken):
            abuse.form_token_age(bad, now=1004)
    with pytest.raises(abuse.BadToken):
        abuse.form_token_age(token, now=1000 + abuse.TOKEN_MAX_AGE + 1)
    assert abuse.is_too_fast(1, minimum=3) and not abuse.is_too_fast(3, minimum=3)


def test_rate_limit_helpers():
    assert abuse.rate_limit(0, 60) is None
    assert abuse.rate_limit(5, 600) == (5, 600)
    assert abuse.is_over_limit(5, (5, 600)) and not abuse.is_over_limit(4, (5, 600))
    assert not abuse.is_over_limit(10**6, None)


# Display ---------------------------------------------------------------------


def test_comment_counts_and_official_reply_share(client, plan, commitment, update):
    other = make_update(commitment, date=datetime.date(2026, 6, 30))
    for target, body, ip in [(update, "one", "192.0.2.1"), (update, "two", "192.0.2.2")]:
        post(client, comment_data(target, body=body), ip=ip)
    post(client, comment_data(other, body="three"), ip="192.0.2.3")
    for comment in Comment.objects.all():
        approve(comment)
    first = Comment.objects.get(body="one")
    Comment.objects.create(
        update=update,
        target_key=update.uuid,
        target_title="x",
        plan_key=plan.translation_key,
        parent=first,
        author_name="City",
        body="Answer",
        is_official_reply=True,
        status=CommentStatus.APPROVED,
    )
    with CaptureQueriesContext(connection) as queries:
        counts = comment_counts([update, other])
    assert len(queries) == 1
    assert counts == {update.uuid: 3, other.uuid: 1}

    with CaptureQueriesContext(connection) as queries:
        assert official_reply_share(plan) == (1, 3)
    assert len(queries) == 2  # the view restrictions, then the figures
    html = Template("{% load ogp_comments_tags %}{% ogp_official_reply_share plan %}").render(
        Context({"plan": plan})
    )
    assert "1 of 3 published comments received an official reply (33%)." in html

    updates = [update, other]
    html = Template(
        "{% load ogp_comments_tags %}{% ogp_comment_counts updates as counted %}"
        "{% for item, count in counted %}{{ item.pk }}={{ count }};{% endfor %}"
    ).render(Context({"updates": updates}))
    assert html == f"{update.pk}=3;{other.pk}=1;"


def test_the_partials_the_lead_places_on_other_pages(update):
    html = Template(
        '{% include "ogp_wagtail/comments/count_link.html" with count=2 url="/u/" %}'
        '{% include "ogp_wagtail/comments/reply_share.html" with share=share %}'
    ).render(Context({"update": update, "share": {"replied": 0, "total": 1, "percent": 0}}))
    assert '<a href="/u/#ogp-comments">2 comments</a>' in html
    assert "0 of 1 published comment received an official reply (0%)." in html


def test_the_comments_section_queries_do_not_grow(client, settings, update):
    settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT = 0

    def queries():
        client.get(update.get_url())
        with CaptureQueriesContext(connection) as captured:
            client.get(update.get_url())
        return len(captured)

    post(client, comment_data(update, body="Only one"))
    approve(Comment.objects.get())
    few = queries()
    top = Comment.objects.get()
    for number in range(4):
        post(client, comment_data(update, body=f"More {number}", email=f"m{number}@example.org"))
        post(client, comment_data(update, body=f"Reply {number}", parent=str(top.uuid)))
    for comment in Comment.objects.all():
        approve(comment)
    assert queries() == few


# Concurrency (PostgreSQL: SQLite in memory cannot share a database between threads)


@pytest.mark.skipif(
    __import__("os").environ.get("OGP_TEST_DATABASE") != "postgres", reason="needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_are_stored_once_and_the_limit_holds(update):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def send(number, ip):
        try:
            data = comment_data(update, body=f"Post {number}", email=f"c{number}@example.org")
            return post(Client(), data, ip=ip).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        # 20 clients at once, one post each, then one client sending 20 at once.
        spread = list(pool.map(send, range(20), [f"192.0.2.{n}" for n in range(20)]))
        burst = list(pool.map(send, range(100, 120), ["198.51.100.1"] * 20))
    assert spread == [303] * 20
    assert sorted(burst) == [303] * 5 + [429] * 15
    bodies = list(Comment.objects.values_list("body", flat=True))
    assert len(bodies) == len(set(bodies)) == 25


def test_after_a_review_only_new_reports_count(client, update, published):
    from ogp_wagtail.comments.moderation import set_status

    for number in (1, 2, 3):
        report(client, published, f"198.51.100.{number}")
    published.refresh_from_db()
    assert published.hidden_for_review
    set_status(published, CommentStatus.APPROVED, user=None)  # the moderator keeps it
    published.refresh_from_db()
    assert not published.hidden_for_review
    report(client, published, "198.51.100.9")
    published.refresh_from_db()
    assert not published.hidden_for_review  # one new report is not three
    assert "A rude remark" in page_html(client, update.get_url())


@pytest.mark.parametrize("form_class", [CommentForm, ReportForm, FollowForm])
def test_every_text_field_of_the_public_forms_is_bounded(form_class):
    """Nothing a resident types reaches the database unbounded (issue 8, item 16)."""
    form = form_class()
    for name, field in form.fields.items():
        # A UUID is bounded by its format; every other text needs a length.
        if isinstance(field, forms.CharField) and not isinstance(field, forms.UUIDField):
            assert field.max_length, f"{form_class.__name__}.{name} has no max_length"


# Privacy (issue 8, item 20) ---------------------------------------------------


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_reports_on_comments_of_a_restricted_commitment_are_refused(client, update, published):
    restrict(update.commitment)
    response = report(client, published, "198.51.100.9")
    assert response.status_code == 400
    assert not CommentReport.objects.exists()
    assert "Location" not in response  # the restricted page's address is not revealed


def test_the_reply_share_counts_only_comments_residents_can_see(client, plan, commitment):
    hidden = make_commitment(plan, "Internal audit")
    hidden_update = make_update(hidden)
    visible_update = make_update(commitment)
    post(client, comment_data(visible_update, body="seen"), ip="192.0.2.1")
    post(client, comment_data(hidden_update, body="unseen"), ip="192.0.2.2")
    for comment in Comment.objects.all():
        approve(comment)
    assert official_reply_share(plan) == (0, 2)
    restrict(hidden)
    assert official_reply_share(plan) == (0, 1)


def test_names_and_texts_are_isolated_from_the_page_direction(client, update):
    """A name with U+202E cannot reverse the text around it (issue 8, item 23)."""
    post(client, comment_data(update, name="Ana\u202eevil", body="Hello\u202eworld"))
    approve(Comment.objects.get())
    soup = BeautifulSoup(page_html(client, update.get_url()), "html.parser")
    (author,) = soup.select(".ogp-comment__author")
    assert author.name == "bdi" or author.get("dir") == "auto"
    (body,) = soup.select(".ogp-comment__body")
    assert body.get("dir") == "auto"
    assert soup.select_one("details summary bdi").get_text() == "Ana\u202eevil"


def test_commenting_and_reporting_from_an_arabic_page_return_to_it(client, update, commitment):
    arabic = translate_page(commitment, "ar")
    response = post(client, comment_data(update, language="ar"))
    assert response.status_code == 303
    assert response["Location"].startswith(arabic.url)
    comment = Comment.objects.get()
    assert comment.language == "ar"
    approve(comment)
    response = client.post(
        REPORT_URL,
        {"comment": str(comment.uuid), "reason": "spam", "language": "ar"},
        REMOTE_ADDR="198.51.100.9",
    )
    assert response.status_code == 303 and response["Location"].startswith(arabic.url)
