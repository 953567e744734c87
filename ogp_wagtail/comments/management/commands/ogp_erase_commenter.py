"""Erase one commenter's personal data, on their request.

Every comment written with the address (compared case-insensitively) keeps
its text, which was published or moderated, but loses its author: the name
becomes a neutral "Former participant" (in the comment's language), the
address and the hashed client address are emptied, notifications stop, and
``anonymised_at`` records when. The address's commitment follows are deleted.
Running it again changes nothing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from ....status import cache as render_cache
from ...models import Comment, CommitmentFollower


class Command(BaseCommand):
    help = "Anonymise the comments of one email address and delete its commitment follows."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The commenter's email address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased; change nothing."
        )

    def handle(self, *args, email, dry_run, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an email address: nothing was changed.") from None

        comments = Comment.objects.filter(author_email__iexact=email)
        followers = CommitmentFollower.objects.filter(email__iexact=email)
        if dry_run:
            self.stdout.write(
                f"Dry run: {comments.count()} comment(s) would be anonymised and "
                f"{followers.count()} follow(s) deleted."
            )
            return

        now = timezone.now()
        anonymised = 0
        with transaction.atomic():
            languages = comments.values_list("language", flat=True).distinct()
            for language in sorted(set(languages)):
                with translation.override(language or settings.LANGUAGE_CODE):
                    name = gettext("Former participant")
                # update() sends no signals: no notification leaves for these rows.
                anonymised += comments.filter(language=language).update(
                    author_name=name,
                    author_email="",
                    notify_author=False,
                    client_hash="",
                    anonymised_at=now,
                )
            deleted, _ = followers.delete()
        # Pages showed the names just erased.
        render_cache.content_changed()
        self.stdout.write(f"{anonymised} comment(s) anonymised, {deleted} follow(s) deleted.")
