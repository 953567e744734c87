"""What comments change on cached pages shows at once: moderation, hiding after reports.

The commitment page lists each update with its number of published comments, and
comes from the render cache (ogp_wagtail.status.cache) until something it shows
changes; the comments app tells the core when a comment does.
"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from ogp_wagtail.comments.models import Comment, CommentStatus
from ogp_wagtail.comments.moderation import actions
from ogp_wagtail.updates.models import ProgressUpdate
from tests.conftest import make_commitment

REPORT_URL = "/ogp/comments/report/"


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


@pytest.fixture
def update(commitment):
    update = ProgressUpdate(commitment=commitment, progress="<p>The dataset is online.</p>")
    update.save()
    update.save_revision().publish()
    return update


def comment_on(update, **fields):
    return Comment.objects.create(
        site=Site.objects.get(is_default_site=True),
        update=update,
        target_key=update.uuid,
        target_title=update.display_title,
        author_name="Resident",
        body="Where is the dataset?",
        **fields,
    )


def count_shown(client, commitment):
    html = client.get(commitment.url).content.decode()
    return html.count('class="ogp-comments-count"'), html


def test_a_moderators_approval_shows_on_the_cached_commitment_page(client, commitment, update):
    comment = comment_on(update, status=CommentStatus.PENDING)
    assert "0 comments" in count_shown(client, commitment)[1]
    assert "0 comments" in count_shown(client, commitment)[1]  # now from the cache

    moderator = get_user_model().objects.create_superuser("mod", "mod@example.org", "x")
    actions.approve(comment, moderator)
    assert "1 comment<" in count_shown(client, commitment)[1]


def test_a_comment_hidden_by_reports_leaves_the_cached_count(client, settings, commitment, update):
    settings.OGP_WAGTAIL_COMMENTS_REPORTS_TO_HIDE = 2
    comment = comment_on(update, status=CommentStatus.APPROVED, published_at=timezone.now())
    assert "1 comment<" in count_shown(client, commitment)[1]
    for number in (1, 2):
        response = client.post(
            REPORT_URL,
            {"comment": str(comment.uuid), "reason": "spam"},
            REMOTE_ADDR=f"198.51.100.{number}",
        )
        assert response.status_code == 303
    assert Comment.objects.get(pk=comment.pk).hidden_for_review
    assert "0 comments" in count_shown(client, commitment)[1]
