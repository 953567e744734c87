"""Following a commitment: double opt-in by email, and a one-click unsubscribe.

1. A resident gives an email address on ``follow/<commitment translation_key>/``
   and consents; an unconfirmed :class:`~.models.CommitmentFollower` is created
   (or reused) and a signed confirmation link is emailed.
2. The link (valid ``OGP_WAGTAIL_FOLLOW_CONFIRM_MAX_AGE`` seconds) confirms.
3. Each new progress update of the commitment is emailed to confirmed
   followers (``signals.update_published``) with a signed unsubscribe link that
   works with one click (GET), and with a POST from mail clients that support
   ``List-Unsubscribe-Post`` (RFC 8058). Unsubscribing deletes the row.

The page answers the same whether the address already follows or not, so it
reveals nobody's subscriptions.

Every step speaks the language the resident was reading: the commitment page's
follow link carries it (``?language=ar``, kept by the form's POST), the follower
keeps it, and the confirmation and unsubscribe pages answer in it.
"""

from datetime import timedelta
from functools import wraps

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from ..conf import ogp_settings
from ..languages import known_language
from ..pages.commitment import CommitmentPage
from . import abuse, notifications
from .conf import comments_settings
from .models import CommitmentFollower, FollowRequest

MAX_TOKEN_LENGTH = 500


class FollowForm(forms.Form):
    """An email address and consent. ``website`` is a honeypot people leave empty."""

    email = forms.EmailField(label=_("Your email address"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that my email address is kept to send me the progress updates of this "
            "commitment, until I unsubscribe."
        )
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


def in_requested_language(view):
    """Runs ``view`` in the language of ``?language=`` (the follow link's, or the active one)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(known_language(request.GET.get("language"))):
            return view(request, *args, **kwargs)

    return wrapper


def _commitment(commitment_key):
    """The live commitment with this ``translation_key``, in the active language if translated."""
    versions = CommitmentPage.objects.live().public().filter(translation_key=commitment_key)
    active = Locale.get_active()
    return versions.filter(locale=active).first() or versions.first()


def _render(request, template, context=None, status=200):
    context = {"ogp_base_template": ogp_settings.OGP_WAGTAIL_BASE_TEMPLATE, **(context or {})}
    return render(request, f"ogp_wagtail/comments/follow/{template}.html", context, status=status)


def _email_key(email):
    # Names the address without holding it.
    return salted_hmac("ogp_wagtail.follow.email", email, algorithm="sha256").hexdigest()


def _count_request(client, email_key):
    """Record one follow request; whether the client or the email was already at its limit.

    Counted in the database, like comments, so every worker process sees every
    request; on PostgreSQL concurrent requests of one client or email wait for
    each other (``abuse.serialize_for``), so the limit is exact.
    """
    now = timezone.now()
    count = comments_settings.OGP_WAGTAIL_FOLLOW_RATE_LIMIT
    window = comments_settings.OGP_WAGTAIL_FOLLOW_RATE_WINDOW
    with transaction.atomic():
        abuse.serialize_for(client, email_key)
        # Requests older than the window no longer count: forget them.
        FollowRequest.objects.filter(created_at__lt=now - timedelta(seconds=window)).delete()
        limited = abuse.over_limit(
            FollowRequest.objects.filter(client_hash=client), count, window, now
        ) or (
            email_key
            and abuse.over_limit(
                FollowRequest.objects.filter(email_hash=email_key), count, window, now
            )
        )
        if not limited:
            FollowRequest.objects.create(client_hash=client, email_hash=email_key, created_at=now)
    return bool(limited)


def _bad_link(request, commitment=None):
    return _render(request, "invalid_link", {"commitment": commitment}, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
@in_requested_language
def follow(request, commitment_key):
    """The form to follow a commitment, and its submission."""
    commitment = _commitment(commitment_key)
    if commitment is None:
        return _render(request, "not_found", status=404)
    if request.method != "POST":
        return _render(request, "form", {"commitment": commitment, "form": FollowForm()})

    form = FollowForm(request.POST)
    email_key = _email_key(form.cleaned_data["email"]) if form.is_valid() else ""
    if _count_request(abuse.request_client_hash(request), email_key):
        return _render(
            request, "form", {"commitment": commitment, "form": form, "too_many": True}, status=429
        )
    if not form.is_valid():
        return _render(request, "form", {"commitment": commitment, "form": form}, status=400)
    if form.is_bot:
        return _render(request, "sent", {"commitment": commitment})

    language = (get_language() or "")[:12]
    follower, created = CommitmentFollower.objects.get_or_create(
        commitment_key=commitment.translation_key,
        email=form.cleaned_data["email"],
        defaults={"language": language},
    )
    if follower.confirmed_at is None:
        if not created and follower.language != language:
            follower.language = language
            follower.save(update_fields=["language"])
        confirm_url = request.build_absolute_uri(
            reverse("ogp_wagtail:follow:confirm", args=(notifications.confirm_token(follower),))
        )
        notifications.send_follow_confirmation(follower, commitment, confirm_url)
    return _render(request, "sent", {"commitment": commitment})


def _read(token, salt, max_age=None):
    if len(token) > MAX_TOKEN_LENGTH:
        raise signing.BadSignature("Too long")
    return notifications.read_token(token, salt, max_age=max_age)


@never_cache
@require_http_methods(["GET"])
def confirm(request, token):
    """The link of the confirmation email: the address now receives the updates."""
    try:
        commitment_key, follower = _read(
            token,
            notifications.CONFIRM_SALT,
            max_age=comments_settings.OGP_WAGTAIL_FOLLOW_CONFIRM_MAX_AGE,
        )
    except (signing.BadSignature, ValidationError, ValueError, TypeError):  # e.g. not a UUID
        return _bad_link(request)
    if follower is None:  # unsubscribed since
        return _bad_link(request, _commitment(commitment_key))
    CommitmentFollower.objects.filter(pk=follower.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    unsubscribe_url = reverse(
        "ogp_wagtail:follow:unsubscribe", args=(notifications.unsubscribe_token(follower),)
    )
    with translation.override(known_language(follower.language)):
        return _render(
            request,
            "confirmed",
            {"commitment": _commitment(commitment_key), "unsubscribe_url": unsubscribe_url},
        )


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST without a CSRF token; the signed token authorises
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click (GET), or a mail client's one-click POST: the address stops following."""
    try:
        commitment_key, follower = _read(token, notifications.UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValidationError, ValueError, TypeError):
        return _bad_link(request)
    language = known_language(follower.language if follower else None)
    if follower is not None:  # else already unsubscribed: the same answer
        follower.delete()
    with translation.override(language):
        commitment = _commitment(commitment_key)
        follow_url = (
            reverse("ogp_wagtail:follow:follow", args=(commitment.translation_key,))
            + f"?language={language}"
            if commitment
            else None
        )
        return _render(
            request, "unsubscribed", {"commitment": commitment, "follow_url": follow_url}
        )
