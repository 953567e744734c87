"""The public write path: posting a comment or a reply, and reporting a comment.

Both are plain POST forms that work without JavaScript. Success redirects
(303) back to the page the comment is about, where a status message says what
happened. Anything the view cannot accept is answered with an HTML page and
nothing is stored: 400 for bad input (oversized, empty, badly encoded, forged
targets, failed form checks), 429 for rate limits.
"""

import uuid
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpResponseRedirect, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from ..conf import ogp_settings
from ..languages import known_language
from ..status import cache as render_cache
from . import abuse
from .conf import comments_settings
from .display import published_fields, resolve_target, target_of_comment
from .forms import CommentForm, ReportForm
from .models import Comment, CommentReport, CommentStatus

STATUS_ANCHOR = "ogp-comments-status"
# The states the page's status message knows (the ``ogp_comment`` query parameter).
POSTED_PENDING = "pending"
POSTED_PUBLISHED = "published"
REPORTED = "reported"


def max_request_bytes():
    """The largest comment POST accepted: room for the longest comment, percent-encoded."""
    return max(64 * 1024, 12 * comments_settings.OGP_WAGTAIL_COMMENTS_MAX_LENGTH + 8 * 1024)


def request_language(data):
    return known_language(data.get("language"))


def back_to(target, request, state):
    """303 to the target's page, showing ``state`` in its status region."""
    url = (target.url(request) if target else None) or "/"
    scheme, netloc, path, _query, _fragment = urlsplit(url)
    response = HttpResponseRedirect(
        urlunsplit((scheme, netloc, path, f"ogp_comment={state}", STATUS_ANCHOR))
    )
    response.status_code = 303
    return response


def refuse(request, message, *, status=400, target=None, form=None, headers=None):
    """The page that says why a post was not accepted, with the form to try again."""
    response = render(
        request,
        "ogp_wagtail/comments/refused.html",
        {
            "ogp_base_template": ogp_settings.OGP_WAGTAIL_BASE_TEMPLATE,
            "message": message,
            "status_code": status,
            "target": target,
            "target_url": target.url(request) if target else None,
            "form": form,
            "form_token": abuse.issue_form_token(),
            "privacy_notice": privacy_notice(),
        },
        status=status,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def privacy_notice():
    """``{"url": ...}`` or ``{"text": ...}`` from the setting, or the built-in text."""
    notice = (comments_settings.OGP_WAGTAIL_COMMENTS_PRIVACY_NOTICE or "").strip()
    if notice.startswith(("https://", "http://", "/")):
        return {"url": notice}
    return {"text": notice}


def read_post(request):
    """``request.POST``, or a refusal message if it is too big, malformed or badly encoded."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None, _("The request could not be read.")
    if length > max_request_bytes():
        return None, _("This comment is far too long to be sent.")
    try:
        data = request.POST
    except (SuspiciousOperation, MultiPartParserError, UnreadablePostError, BadRequest):
        return None, _("The request could not be read.")
    for key, values in data.lists():
        if any(abuse.has_encoding_errors(text) for text in [key, *values]):
            return None, _("The text sent was not valid (it must be UTF-8). Please type it again.")
    return data, None


def too_many(request, target, seconds):
    return refuse(
        request,
        _("You have sent many comments in a short time. Please wait a little and try again."),
        status=429,
        target=target,
        headers={"Retry-After": str(seconds)},
    )


@never_cache
@require_POST
@csrf_protect
def post_comment(request):
    """Store a comment or a reply from a resident (POST only; CSRF protected)."""
    data, problem = read_post(request)
    if problem:
        return refuse(request, problem)
    with translation.override(request_language(data)):
        return _post_comment(request, data)


def _post_comment(request, data):
    target = resolve_target(data.get("target"))
    if target is None or not target.is_on_site_of(request):
        return refuse(
            request, _("Comments cannot be posted here: the page is not open for comments.")
        )
    parent = None
    if data.get("parent"):
        parent = (
            Comment.objects.published()
            .filter(target_key=target.key, parent__isnull=True)
            .filter(uuid=_as_uuid(data["parent"]))
            .first()
        )
        if parent is None:
            return refuse(
                request,
                _("You can reply to a published comment of this page only, not to a reply."),
                target=target,
            )

    form = CommentForm(data)
    if not form.is_valid():
        return refuse(
            request,
            _("Your comment could not be sent. Please correct what is shown below."),
            target=target,
            form=form,
        )

    now = timezone.now()
    client = abuse.request_client_hash(request)
    email = form.cleaned_data["email"]
    premoderation = comments_settings.OGP_WAGTAIL_COMMENTS_PREMODERATION
    if form.is_spam:
        status = {"status": CommentStatus.SPAM}
    elif premoderation:
        status = {"status": CommentStatus.PENDING}
    else:
        status = published_fields(now)

    with transaction.atomic():
        abuse.serialize_for(client, email.lower())
        limited = abuse.over_limit(
            Comment.objects.filter(client_hash=client),
            comments_settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT,
            comments_settings.OGP_WAGTAIL_COMMENTS_CLIENT_RATE_WINDOW,
            now,
        ) or abuse.over_limit(
            Comment.objects.filter(author_email__iexact=email),
            comments_settings.OGP_WAGTAIL_COMMENTS_EMAIL_RATE_LIMIT,
            comments_settings.OGP_WAGTAIL_COMMENTS_EMAIL_RATE_WINDOW,
            now,
        )
        if limited:
            return too_many(request, target, limited[1])
        Comment.objects.create(
            **target.comment_fields(),
            parent=parent,
            author_name=form.cleaned_data["name"],
            author_email=email,
            body=form.cleaned_data["body"],
            language=translation.get_language() or "",
            notify_author=form.cleaned_data["notify"],
            consented_at=now,
            client_hash=client,
            **status,
        )
    # A bot that filled the honeypot is answered as if all went well.
    return back_to(target, request, POSTED_PENDING if premoderation else POSTED_PUBLISHED)


def _as_uuid(value):
    try:
        return uuid.UUID(str(value)[:64])
    except ValueError:
        return None


@never_cache
@require_POST
@csrf_protect
def report_comment(request):
    """Record a resident's report; enough reports hide the comment until it is reviewed."""
    data, problem = read_post(request)
    if problem:
        return refuse(request, problem)
    with translation.override(request_language(data)):
        return _report_comment(request, data)


def _report_comment(request, data):
    form = ReportForm(data)
    comment = None
    if form.is_valid():
        comment = (
            Comment.objects.published()
            .filter(uuid=form.cleaned_data["comment"], is_official_reply=False)
            .select_related("update__commitment", "consultation")
            .first()
        )
    target = target_of_comment(comment) if comment else None
    # A comment on something residents cannot see cannot be reported, nor its page named.
    if target is None or not target.is_public() or not target.is_on_site_of(request):
        return refuse(
            request, _("This report could not be sent: choose a reason for a published comment.")
        )

    now = timezone.now()
    client = abuse.request_client_hash(request)
    with transaction.atomic():
        abuse.serialize_for(client)
        limited = abuse.over_limit(
            CommentReport.objects.filter(client_hash=client),
            comments_settings.OGP_WAGTAIL_COMMENTS_REPORT_RATE_LIMIT,
            comments_settings.OGP_WAGTAIL_COMMENTS_REPORT_RATE_WINDOW,
            now,
        )
        if limited:
            return refuse(
                request,
                _(
                    "You have sent many reports in a short time. "
                    "Please wait a little and try again."
                ),
                status=429,
                target=target,
                headers={"Retry-After": str(limited[1])},
            )
        try:
            with transaction.atomic():
                CommentReport.objects.create(
                    comment=comment, reason=form.cleaned_data["reason"], client_hash=client
                )
        except IntegrityError:
            pass  # this client reported it already: one report each
        else:
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
            # Reports since the last moderation decision count: a comment a moderator
            # approved again is not hidden by the next single report.
            reports = comment.reports.all()
            if comment.moderated_at:
                reports = reports.filter(created_at__gt=comment.moderated_at)
            if reports.count() >= comments_settings.OGP_WAGTAIL_COMMENTS_REPORTS_TO_HIDE:
                Comment.objects.filter(pk=comment.pk).update(hidden_for_review=True)
                render_cache.content_changed()  # update() sends no signal
    return back_to(target, request, REPORTED)
