"""Comments from the public, their reports, and the record of who may be told what.

A comment belongs to a progress update or a consultation, but is never deleted
with it: the target's identity (``target_key``: the update's ``uuid`` or the
consultation's ``translation_key``) and title are copied into the comment, so
moderators keep every comment, even when the content it was about is gone.
Rejected and spam comments stay for the record.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    OFF_TOPIC = "off_topic", _("Off topic")


class CommentQuerySet(models.QuerySet):
    def published(self):
        """What residents see: approved and not hidden after reports."""
        return self.filter(status=CommentStatus.APPROVED, hidden_for_review=False)

    def for_target(self, target_key):
        return self.filter(target_key=target_key)


class Comment(models.Model):
    """A comment by a resident, or an official reply by the municipality."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site"),
    )
    update = models.ForeignKey(
        "ogp_wagtail.ProgressUpdate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        verbose_name=_("progress update"),
    )
    consultation = models.ForeignKey(
        "ogp_wagtail.ConsultationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        verbose_name=_("consultation"),
    )
    target_key = models.UUIDField(db_index=True, editable=False)
    target_title = models.CharField(_("about"), max_length=255)
    plan_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author_name = models.CharField(_("name"), max_length=80)
    author_email = models.EmailField(_("email"), blank=True)
    body = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=12, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    is_official_reply = models.BooleanField(_("official reply"), default=False)
    official_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    notify_author = models.BooleanField(
        _("tell the author when published or answered"), default=False
    )
    consented_at = models.DateTimeField(_("consented to the privacy notice"), null=True)
    client_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    hidden_for_review = models.BooleanField(_("hidden until reviewed"), default=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", _("Can moderate comments"))]
        indexes = [models.Index(fields=["author_email", "created_at"])]

    def __str__(self):
        return f"{self.author_name}: {self.body[:60]}"


class CommentReport(models.Model):
    """A resident's report that a published comment breaks the rules."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    client_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "client_hash"], name="ogp_comments_one_report_per_client"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class CommitmentFollower(models.Model):
    """A resident who asked to receive each new progress update of a commitment by email."""

    commitment_key = models.UUIDField(db_index=True)
    email = models.EmailField(_("email"))
    language = models.CharField(max_length=12, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment_key", "email"], name="ogp_comments_one_follow_per_email"
            )
        ]

    def __str__(self):
        return self.email


class FollowRequest(models.Model):
    """A request to follow a commitment, kept while it counts towards the rate limits.

    The database is the store every worker process shares, as for comments
    (``abuse.py``): the per-process cache would let each worker count on its own.
    Keyed hashes only, never the address or the email.
    """

    client_hash = models.CharField(max_length=64, db_index=True, editable=False)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    class Meta:
        verbose_name = _("follow request")
        verbose_name_plural = _("follow requests")

    def __str__(self):
        return f"{self.client_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"
