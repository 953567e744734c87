"""What moderating does to a comment, in one place for the views, bulk actions and tests.

Moderators change a comment's status, never its text, and nothing is deleted:
rejected and spam comments stay for the record. Every decision is written to
Wagtail's audit log (the comment's "History" in the admin).

A log entry names its comment by number, never by its text: Wagtail's site
history report lists the log entries of comments to anyone with a permission on
comments, moderators of every site alike (it filters by model, not by object),
and a stored label outlives the erasure of the comment's personal data.

Reports: a decision counts as the review a reported comment was hidden for,
so it clears ``hidden_for_review``; ``report_count`` is kept for the record.
Deciding again whether to hide after later reports should therefore count the
reports received after ``moderated_at``, not ``report_count``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..display import thread_signature
from ..models import Comment, CommentStatus

LOG_ACTIONS = {
    CommentStatus.APPROVED: "ogp_comments.approve",
    CommentStatus.REJECTED: "ogp_comments.reject",
    CommentStatus.SPAM: "ogp_comments.spam",
}
OFFICIAL_REPLY_LOG_ACTION = "ogp_comments.official_reply"

#: (action, label, message) for the ``register_log_actions`` hook.
LOG_ACTION_LABELS = [
    ("ogp_comments.approve", _("Approve comment"), _("Comment approved and published")),
    ("ogp_comments.reject", _("Reject comment"), _("Comment rejected")),
    ("ogp_comments.spam", _("Mark comment as spam"), _("Comment marked as spam")),
    (OFFICIAL_REPLY_LOG_ACTION, _("Official reply"), _("Official reply published")),
]

#: The statuses a moderator may set, by the name of the action.
DECISIONS = {
    "approve": CommentStatus.APPROVED,
    "reject": CommentStatus.REJECTED,
    "spam": CommentStatus.SPAM,
}


def log_label(comment):
    """How the audit log names ``comment``: its number, nothing it says, nor its author."""
    return gettext("Comment %(number)s") % {"number": comment.pk}


def set_status(comment, status, user):
    """Record a moderator's decision on ``comment`` and log it. Returns the comment.

    Approving publishes: ``published_at`` is set the first time only, so a
    comment keeps its original publication date if it is rejected and
    approved again.
    """
    status = CommentStatus(status)
    now = timezone.now()
    previous_status = comment.status
    comment.status = status
    comment.moderated_at = now
    comment.moderated_by = user
    comment.hidden_for_review = False
    fields = ["status", "moderated_at", "moderated_by", "hidden_for_review"]
    if status == CommentStatus.APPROVED and comment.published_at is None:
        comment.published_at = now
        fields.append("published_at")
    with transaction.atomic():
        comment.save(update_fields=fields)
        log(
            instance=comment,
            action=LOG_ACTIONS[status],
            user=user,
            title=log_label(comment),
            data={"previous_status": previous_status, "status": str(status)},
        )
    return comment


def approve(comment, user):
    return set_status(comment, CommentStatus.APPROVED, user)


def reject(comment, user):
    return set_status(comment, CommentStatus.REJECTED, user)


def mark_spam(comment, user):
    return set_status(comment, CommentStatus.SPAM, user)


def post_official_reply(comment, user, body):
    """Publish the municipality's answer in the thread of ``comment``.

    Replies have one level: answering a reply answers its thread, so the
    official reply's parent is always the top-level comment. The reply is
    published at once; the comment answered keeps its own status.
    """
    thread = comment.parent if comment.parent_id else comment
    now = timezone.now()
    reply = Comment(
        site=thread.site,
        update=thread.update,
        consultation=thread.consultation,
        target_key=thread.target_key,
        target_title=thread.target_title,
        plan_key=thread.plan_key,
        parent=thread,
        language=thread.language,
        author_name=thread_signature(thread)[:80],
        body=body,
        status=CommentStatus.APPROVED,
        is_official_reply=True,
        official_author=user,
        published_at=now,
        moderated_at=now,
        moderated_by=user,
    )
    with transaction.atomic():
        reply.save()
        log(
            instance=thread,
            action=OFFICIAL_REPLY_LOG_ACTION,
            user=user,
            title=log_label(thread),
            data={"reply": reply.pk},
        )
    return reply
