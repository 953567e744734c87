"""How comments plug into the core: its slots, its page context, its URLs and the admin.

The core names template slots (``ogp_wagtail.plugins``) and never imports this
app; these hooks fill them. The moderation queue joins the core's "Open
government" menu from ``OGPCommentsConfig.ready()``.
"""

from django.template.loader import render_to_string
from django.urls import include, path
from django.utils.functional import SimpleLazyObject
from wagtail import hooks

from ..pages.commitment import CommitmentPage
from ..plugins import PAGE_CONTEXT_HOOK, URLS_HOOK, slot_hook
from .display import comment_counts, reply_share
from .moderation.actions import LOG_ACTION_LABELS
from .moderation.bulk_actions import BULK_ACTIONS
from .permissions import register_comment_permission_policy
from .templatetags.ogp_comments_tags import ogp_comments

# Before anything asks Wagtail for the policy of comments (Wagtail 8).
register_comment_permission_policy()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label, message in LOG_ACTION_LABELS:
        actions.register_action(action, label, message)


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register(URLS_HOOK)
def comment_urls():
    return [
        path("follow/", include("ogp_wagtail.comments.follow_urls")),
        path("comments/", include("ogp_wagtail.comments.urls")),
    ]


@hooks.register(PAGE_CONTEXT_HOOK)
def count_comments_of_listed_updates(page, request, context):
    # One query for every update the commitment page lists.
    if isinstance(page, CommitmentPage):
        entries = context.get("progress_updates", ())
        # Counted when a slot first reads it: not at all when the page comes from the cache.
        context["comment_counts"] = SimpleLazyObject(
            lambda: comment_counts([entry.update for entry in entries])
        )


def _render(template, context, values):
    return render_to_string(template, values, request=context.get("request"))


def _comments_section(context, target):
    return _render("ogp_wagtail/comments/section.html", context, ogp_comments(context, target))


@hooks.register(slot_hook("commitment_updates"))
def follow_link(context):
    return _render(
        "ogp_wagtail/comments/follow/link.html", context, {"commitment": context["page"]}
    )


@hooks.register(slot_hook("update_header"))
def comment_count_link(context):
    update, url = context.get("update"), context.get("permalink")
    if not url:
        return ""
    count = context.get("comment_counts", {}).get(update.uuid, 0)
    return _render("ogp_wagtail/comments/count_link.html", context, {"count": count, "url": url})


@hooks.register(slot_hook("update_end"))
def comments_of_update(context):
    return _comments_section(context, context["update"])


@hooks.register(slot_hook("consultation_end"))
def comments_of_consultation(context):
    return _comments_section(context, context["page"])


@hooks.register(slot_hook("plan_commitments"))
def official_reply_share(context):
    return _render(
        "ogp_wagtail/comments/reply_share.html", context, {"share": reply_share(context["page"])}
    )
