"""Admin wiring of comment moderation.

The queue itself (``moderation.views.CommentViewSet``) is registered by
``ogp_wagtail.wagtail_hooks``, inside the "Open government" menu.
"""

from wagtail import hooks

from .moderation.actions import LOG_ACTION_LABELS
from .moderation.bulk_actions import BULK_ACTIONS
from .permissions import register_comment_permission_policy

# Before anything asks Wagtail for the policy of comments (Wagtail 8).
register_comment_permission_policy()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, label, message in LOG_ACTION_LABELS:
        actions.register_action(action, label, message)


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
