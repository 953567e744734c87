"""Moderation of comments: the decisions (``actions``), the admin viewset (``views``)
and the bulk actions (``bulk_actions``).

Import the decisions from here; the admin modules are loaded by ``wagtail_hooks``.
"""

from .actions import (
    approve,
    mark_spam,
    post_official_reply,
    reject,
    set_status,
)

__all__ = [
    "approve",
    "mark_spam",
    "post_official_reply",
    "reject",
    "set_status",
]
