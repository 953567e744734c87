"""Signal handlers of the comments app, connected in ``OGPCommentsConfig.ready()``.

Emails leave only once the transaction commits (``transaction.on_commit``), so a
rolled-back comment or publication sends nothing. Status changes are detected
without a model field: ``pre_save`` remembers the stored status, ``post_save``
compares.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import published

from ..status import cache as render_cache
from ..updates.models import ProgressUpdate
from . import notifications
from .models import Comment, CommentStatus


def remember_stored_status(sender, instance, raw=False, **kwargs):
    instance._ogp_stored = None
    if raw or instance.pk is None:
        return
    instance._ogp_stored = (
        Comment.objects.filter(pk=instance.pk).values("status", "published_at").first()
    )


def _became_published(instance, created):
    """True the first time a saved comment is published.

    "First" means it was not approved before this save and had no
    ``published_at`` (moderation sets it on first publication), so a
    re-approval after a rejection does not tell its author again.
    """
    if instance.status != CommentStatus.APPROVED or created:
        return False
    stored = getattr(instance, "_ogp_stored", None)
    if stored is None:
        return False
    return stored["status"] != CommentStatus.APPROVED and stored["published_at"] is None


def comment_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if (
        created
        and instance.status == CommentStatus.PENDING
        and not instance.is_official_reply
        and notifications.moderator_notification_mode() == "immediate"
    ):
        transaction.on_commit(partial(notifications.notify_moderators, instance))
    became_published = _became_published(instance, created)
    if became_published:
        transaction.on_commit(partial(_notify_published, instance.pk))
    if instance.parent_id and (
        became_published or (created and instance.status == CommentStatus.APPROVED)
    ):
        transaction.on_commit(partial(_notify_answered, instance.pk))


def _fresh(pk):
    # What is true once committed: a later save in the same transaction may have changed it.
    return Comment.objects.select_related("parent", "update", "consultation").filter(pk=pk).first()


def _notify_published(pk):
    if comment := _fresh(pk):
        notifications.notify_author_published(comment)


def _notify_answered(pk):
    if reply := _fresh(pk):
        notifications.notify_author_answered(reply)


def update_published(sender, instance, **kwargs):
    if notifications.is_first_publication(instance):
        transaction.on_commit(partial(notifications.notify_followers, instance))


def connect():
    pre_save.connect(remember_stored_status, sender=Comment, dispatch_uid="ogp_comments_pre_save")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="ogp_comments_post_save")
    # Pages show published comments, their counts and reply shares: a comment saved
    # (moderated, replied to) or deleted changes what the render cache holds.
    for signal in (post_save, post_delete):
        signal.connect(
            render_cache.content_changed, sender=Comment, dispatch_uid="ogp_comments_render_cache"
        )
    published.connect(
        update_published, sender=ProgressUpdate, dispatch_uid="ogp_comments_update_published"
    )
