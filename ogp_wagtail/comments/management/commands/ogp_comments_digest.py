"""Email each moderator the comments awaiting moderation, as one list.

Meant for a daily cron job or systemd timer when
``OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "digest"``::

    0 7 * * *  /path/to/venv/bin/python manage.py ogp_comments_digest

It lists the comments posted in the last ``--since-hours`` (24 by default,
matching a daily run) that still await moderation: run it as often as the
window is long, or comments fall between two digests.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...models import Comment, CommentStatus
from ...notifications import moderator_notification_mode, send_moderator_digest


class Command(BaseCommand):
    help = "Email each moderator the comments awaiting moderation posted in the last hours."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since-hours",
            type=int,
            default=24,
            help="List the pending comments posted in this many hours (default 24: run daily).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help='Send even when OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS is not "digest".',
        )

    def handle(self, *args, since_hours, force, **options):
        if since_hours < 1:
            raise CommandError("--since-hours must be at least 1.")
        mode = moderator_notification_mode()
        if mode != "digest" and not force:
            self.stdout.write(
                f'OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS is "{mode}", not "digest": '
                "nothing sent (use --force to send anyway)."
            )
            return
        since = timezone.now() - datetime.timedelta(hours=since_hours)
        comments = list(
            Comment.objects.filter(
                status=CommentStatus.PENDING, is_official_reply=False, created_at__gte=since
            ).select_related("site")
        )
        sent = send_moderator_digest(comments) if comments else 0
        self.stdout.write(f"{len(comments)} pending comment(s), {sent} email(s) sent.")
