"""Template tags of the public comments.

``{% load ogp_comments_tags %}`` works only when ``ogp_wagtail.comments`` is
installed; guard its use, e.g. ``{% if update.comments %}`` (the relation
exists only then, and testing it runs no query).

- ``{% ogp_comments target heading_level=2 %}``: the comments section of a
  progress update or a consultation page (list, counts, forms).
- ``{% ogp_official_reply_share plan %}``: how many of a plan's comments got
  an official reply.
- ``{% ogp_comment_counts updates as counted %}``: ``[(update, count), ...]``
  for a list of updates, in one query.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ...forms import parse_id
from .. import abuse
from ..conf import comments_settings
from ..display import (
    Target,
    comment_counts,
    published_thread,
    reply_share,
)
from ..forms import CommentForm
from ..models import ReportReason
from ..views import privacy_notice

register = template.Library()

STATES = ("pending", "published", "reported")


@register.inclusion_tag("ogp_wagtail/comments/section.html", takes_context=True)
def ogp_comments(context, target, heading_level=2):
    """The comments of ``target`` (a progress update or a consultation page). Two queries."""
    target = Target(target)
    comments, count = published_thread(target.key)
    for comment in comments:
        comment.reply_form_id = f"ogp-reply-{comment.pk}"
    request = context.get("request")
    state = request.GET.get("ogp_comment") if request is not None else None
    heading_level = parse_id(heading_level) or 2
    return {
        "target": target,
        "target_value": target.form_value,
        "comments": comments,
        "count": count,
        "is_open": target.is_open(),
        "state": state if state in STATES else None,
        "form": CommentForm(),
        "form_token": abuse.issue_form_token(),
        "language": get_language() or "",
        "privacy_notice": privacy_notice(),
        "premoderation": comments_settings.OGP_WAGTAIL_COMMENTS_PREMODERATION,
        "report_reasons": ReportReason.choices,
        "reply_label": _("Send my reply"),
        "heading_level": min(max(heading_level, 2), 5),
        "sub_level": min(max(heading_level, 2), 5) + 1,
    }


@register.inclusion_tag("ogp_wagtail/comments/reply_share.html")
def ogp_official_reply_share(plan):
    """``replied of total comments received an official reply (percent)`` for a plan. One query."""
    return {"share": reply_share(plan)}


@register.simple_tag
def ogp_comment_counts(updates):
    """``[(update, published comment count), ...]`` in the order given, in one query."""
    updates = list(updates)
    counts = comment_counts(updates)
    return [(update, counts.get(update.uuid, 0)) for update in updates]


@register.filter
def ogp_bdi(value):
    """A resident's name inside a sentence, isolated from its direction: ``<bdi>`` markup."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def ogp_isolated(value):
    """A resident's name isolated for an attribute (no markup there): FSI ... PDI."""
    return f"\u2068{value}\u2069"
