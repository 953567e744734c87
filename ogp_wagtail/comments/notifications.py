"""Emails about comments and followed commitments, and the signed links they carry.

Every email has one recipient (nobody sees another person's address), is written
in the recipient's language, and is plain text with an HTML alternative, sent
from ``DEFAULT_FROM_EMAIL``. The handlers in ``signals.py`` call these functions
once the transaction has committed; the management commands call them too.

Code that changes comment statuses with ``QuerySet.update()`` (which sends no
signals), such as a bulk approval, calls :func:`comments_published` with the
comments it published, so that their authors are still told.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url
from wagtail.rich_text import get_text_for_indexing

from . import permissions
from .conf import comments_settings
from .models import Comment, CommentStatus, CommitmentFollower

logger = logging.getLogger(__name__)

MODES = ("immediate", "digest", "off")
CONFIRM_SALT = "ogp_wagtail.follow.confirm"
UNSUBSCRIBE_SALT = "ogp_wagtail.follow.unsubscribe"
EXCERPT_WORDS = 80


# Who moderates what


def moderator_notification_mode():
    mode = comments_settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS
    if mode not in MODES:
        logger.warning("OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS=%r: sending none", mode)
        return "off"
    return mode


def moderators_for(comment):
    """Active users with an email address who may moderate ``comment``.

    They hold ``ogp_comments.moderate_comment`` (directly or through a group)
    and may moderate the comment's site (``permissions.comment_permission_policy``).
    Superusers are included unless Wagtail's own
    ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS`` is False, as for Wagtail's
    moderation emails.
    """
    permission = Permission.objects.filter(
        content_type__app_label=Comment._meta.app_label, codename="moderate_comment"
    )
    granted = Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        granted |= Q(is_superuser=True)
    users = (
        get_user_model()
        .objects.filter(granted, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    policy = permissions.comment_permission_policy
    return [
        user for user in users if policy.user_has_permission_for_instance(user, "moderate", comment)
    ]


# Sending


def _language_of(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile else settings.LANGUAGE_CODE


def _message(recipient, template, subject, context, headers=None):
    """One email from ``comments/email/<template>.txt`` and ``.html``, in the active language."""
    context = {**context, "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "")}
    text = render_to_string(f"ogp_wagtail/comments/email/{template}.txt", context)
    html = render_to_string(f"ogp_wagtail/comments/email/{template}.html", context)
    # Titles come from editors and residents: a line break must not reach a header.
    message = EmailMultiAlternatives(
        " ".join(str(subject).split()), text, None, [recipient], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def _send(messages, fail_silently=True):
    """Send ``messages`` on one connection; a failing mail server is logged, not raised.

    Emails triggered by a resident's request or an editor's publication must
    not turn a stored comment or a published update into an error page.
    """
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages)
    except Exception:
        if not fail_silently:
            raise
        logger.exception("Could not send %d ogp-wagtail notification(s)", len(messages))
        return 0


def excerpt(text, words=EXCERPT_WORDS):
    return Truncator(" ".join(text.split())).words(words)


def _admin_url(comment):
    """The comment in the admin if its viewset registered a URL finder, else the dashboard."""
    path = AdminURLFinder().get_edit_url(comment) or reverse("wagtailadmin_home")
    return get_admin_base_url() + path


def update_full_url(update):
    """The absolute address of an update, on its commitment in the active language."""
    commitment = update.commitment.localized
    return commitment.update_url(update, base=commitment.get_full_url())


def target_url(comment):
    """Where residents read ``comment``'s thread, in the active language, or None."""
    if comment.update_id and comment.update.live:
        return update_full_url(comment.update)
    if comment.consultation_id and comment.consultation.live:
        return comment.consultation.localized.get_full_url()
    return None


# Moderators


def notify_moderators(comment):
    """Tell each moderator of its site that ``comment`` awaits moderation (immediate mode)."""
    comment = Comment.objects.filter(pk=comment.pk, status=CommentStatus.PENDING).first()
    if comment is None:  # already moderated, or gone
        return 0
    messages = []
    for moderator in moderators_for(comment):
        with translation.override(_language_of(moderator)):
            messages.append(
                _message(
                    moderator.email,
                    "moderators_new_comment",
                    gettext("New comment to moderate: %(title)s") % {"title": comment.target_title},
                    {
                        "comment": comment,
                        "body": excerpt(comment.body, 200),
                        "admin_url": _admin_url(comment),
                    },
                )
            )
    return _send(messages)


def send_moderator_digest(comments):
    """Email each moderator one list of the ``comments`` they may moderate; return the count."""
    by_moderator = {}
    for comment in comments:
        for moderator in moderators_for(comment):
            by_moderator.setdefault(moderator.pk, (moderator, []))[1].append(comment)
    messages = []
    for moderator, theirs in by_moderator.values():
        with translation.override(_language_of(moderator)):
            messages.append(
                _message(
                    moderator.email,
                    "moderators_digest",
                    ngettext(
                        "%(count)d comment to moderate",
                        "%(count)d comments to moderate",
                        len(theirs),
                    )
                    % {"count": len(theirs)},
                    {
                        "comments": [
                            {
                                "comment": comment,
                                "body": excerpt(comment.body, 60),
                                "admin_url": _admin_url(comment),
                            }
                            for comment in theirs
                        ],
                        "admin_url": get_admin_base_url() + reverse("wagtailadmin_home"),
                    },
                )
            )
    return _send(messages, fail_silently=False)


# Commenters


def _author_language(comment):
    return comment.language or settings.LANGUAGE_CODE


def notify_author_published(comment):
    """Tell an author who opted in that their comment is published."""
    if not (
        comment.notify_author
        and comment.author_email
        and comment.status == CommentStatus.APPROVED
        and not comment.is_official_reply
    ):
        return 0
    with translation.override(_author_language(comment)):
        message = _message(
            comment.author_email,
            "author_published",
            gettext("Your comment is published: %(title)s") % {"title": comment.target_title},
            {"comment": comment, "url": target_url(comment)},
        )
    return _send([message])


def notify_author_answered(reply):
    """Tell the author of the comment ``reply`` answers, if they opted in, that it was answered.

    Only published replies to published comments count; nobody is told of
    their own reply, and no email address but the recipient's appears.
    """
    parent = reply.parent
    if (
        parent is None
        or reply.status != CommentStatus.APPROVED
        or parent.status != CommentStatus.APPROVED
        or not (parent.notify_author and parent.author_email)
    ):
        return 0
    if reply.author_email and reply.author_email.lower() == parent.author_email.lower():
        return 0
    with translation.override(_author_language(parent)):
        if reply.is_official_reply:
            subject = gettext("Official answer to your comment: %(title)s")
        else:
            subject = gettext("Reply to your comment: %(title)s")
        message = _message(
            parent.author_email,
            "author_answered",
            subject % {"title": parent.target_title},
            {"comment": parent, "reply": reply, "url": target_url(parent)},
        )
    return _send([message])


def comments_published(comments):
    """Tell authors about newly published ``comments`` (first publication only).

    For callers that publish with ``QuerySet.update()``; saving a comment
    instance does this through the signal handlers.
    """
    for comment in comments:
        notify_author_published(comment)
        if comment.parent_id:
            notify_author_answered(comment)


# Followers of a commitment


def _email_digest(email):
    digest = salted_hmac("ogp_wagtail.follow.email", email.lower(), algorithm="sha256")
    return digest.hexdigest()[:16]


def _token(follower, salt):
    # Signed, not encrypted: the token names the row and a digest of the
    # address, never the address itself, which would end up in access logs.
    return signing.dumps(
        {"f": follower.pk, "k": str(follower.commitment_key), "h": _email_digest(follower.email)},
        salt=salt,
    )


def confirm_token(follower):
    return _token(follower, CONFIRM_SALT)


def unsubscribe_token(follower):
    return _token(follower, UNSUBSCRIBE_SALT)


def read_token(token, salt, max_age=None):
    """``(commitment_key, follower or None)`` from a token.

    ``signing.BadSignature`` if forged or expired. The follower is None when
    its row is gone (unsubscribed) or now belongs to another address.
    """
    payload = signing.loads(token, salt=salt, max_age=max_age)
    if not isinstance(payload, dict) or not {"f", "k", "h"} <= payload.keys():
        raise signing.BadSignature("Unexpected payload")
    follower = CommitmentFollower.objects.filter(
        pk=payload["f"], commitment_key=payload["k"]
    ).first()
    if follower and not constant_time_compare(_email_digest(follower.email), payload["h"]):
        follower = None
    return payload["k"], follower


def send_follow_confirmation(follower, commitment, confirm_url):
    with translation.override(follower.language or settings.LANGUAGE_CODE):
        message = _message(
            follower.email,
            "follow_confirm",
            gettext("Confirm that you want to follow: %(title)s") % {"title": commitment.title},
            {
                "commitment": commitment,
                "confirm_url": confirm_url,
                "max_age_days": comments_settings.OGP_WAGTAIL_FOLLOW_CONFIRM_MAX_AGE // 86400,
            },
        )
    return _send([message])


def is_first_publication(update):
    # Wagtail sets both to the same instant the first time only; a scheduled or
    # repeated publication leaves first_published_at as it was. A translation published
    # after its source is the same update: followers heard of it already.
    return (
        update.first_published_at is not None
        and update.first_published_at == update.last_published_at
        and not type(update)
        .objects.filter(uuid=update.uuid, first_published_at__isnull=False)
        .exclude(pk=update.pk)
        .exists()
    )


def notify_followers(update):
    """Email the update to each confirmed follower of its commitment, with an unsubscribe link."""
    commitment = update.commitment
    if not type(commitment).objects.live().public().filter(pk=commitment.pk).exists():
        return 0  # an update of an unpublished or private commitment stays private
    followers = CommitmentFollower.objects.filter(
        commitment_key=commitment.translation_key, confirmed_at__isnull=False
    ).order_by("pk")
    if not followers:
        return 0
    site = commitment.get_site()
    root = site.root_url if site else get_admin_base_url()
    messages = []
    for follower in followers:
        with translation.override(follower.language or settings.LANGUAGE_CODE):
            try:
                unsubscribe_url = root + reverse(
                    "ogp_wagtail:follow:unsubscribe", args=(unsubscribe_token(follower),)
                )
            except NoReverseMatch:
                logger.error(
                    "Followers of %s not emailed: include ogp_wagtail.urls in the site's URLs",
                    commitment,
                )
                return 0
            localized = commitment.localized
            messages.append(
                _message(
                    follower.email,
                    "follow_update",
                    gettext("%(commitment)s: %(update)s")
                    % {"commitment": localized.title, "update": update.display_title},
                    {
                        "commitment": localized,
                        "update": update,
                        "progress": excerpt(get_text_for_indexing(update.progress)),
                        "url": update_full_url(update),
                        "unsubscribe_url": unsubscribe_url,
                    },
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe_url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
            )
    return _send(messages)
