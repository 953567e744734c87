"""Who may moderate which comments.

Two conditions, both required:

1. the model permission ``ogp_comments.moderate_comment`` (the "Comment
   moderators" group created by migration 0002 has it), and
2. the comment's site is one the user moderates: **a site whose root page the
   user may edit** (Wagtail's "edit" page permission on the root page or on an
   ancestor of it, e.g. through the site's editors group). A moderator of one
   site never sees another site's comments, whatever id they guess.

Superusers moderate every site, and they alone see comments whose site was
deleted (``site`` is null). Comments are never created nor deleted from the
admin: the ``add`` and ``delete`` actions are refused to everyone, and
``view``/``change`` mean moderating (changing the status, never the text).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy

try:  # Wagtail 8 keeps a registry of permission policies; Wagtail 7.4 hands them to views.
    from wagtail.permissions import policy_registry, register_permission_policy
except ImportError:
    policy_registry = register_permission_policy = None

from .models import Comment

#: Actions of the admin that moderating a comment allows.
MODERATION_ACTIONS = frozenset({"moderate", "view", "change"})

_CACHE_ATTR = "_ogp_moderated_site_ids"


def moderated_site_ids(user):
    """The ids of the sites whose comments ``user`` may moderate; ``None`` means all.

    Cached on the user object, like Wagtail caches page permissions, because a
    listing asks once per row.
    """
    if not (user.is_active and user.is_authenticated):
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        editable_pages = page_permission_policy.instances_user_has_permission_for(user, "change")
        cached = frozenset(
            Site.objects.filter(root_page__in=editable_pages).values_list("pk", flat=True)
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Moderation rights on comments: the model permission, limited to the user's sites."""

    def user_has_permission(self, user, action):
        if action not in MODERATION_ACTIONS:
            return False
        return super().user_has_permission(user, "moderate")

    def users_with_any_permission(self, actions):
        if not MODERATION_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return super().users_with_any_permission(["moderate"])

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        site_ids = moderated_site_ids(user)
        return site_ids is None or instance.site_id in site_ids

    def instances_user_has_any_permission_for(self, user, actions):
        comments = Comment.objects.all()
        if not any(self.user_has_permission(user, action) for action in actions):
            return comments.none()
        site_ids = moderated_site_ids(user)
        if site_ids is None:
            return comments
        return comments.filter(site_id__in=site_ids)

    def users_with_any_permission_for_instance(self, actions, instance):
        """Who moderates this comment: useful to notify the right people only."""
        users = self.users_with_any_permission(actions)
        site = instance.site
        if site is None:
            return users.filter(is_superuser=True)
        editors = page_permission_policy.users_with_permission_for_instance(
            "change", site.root_page
        )
        return users.filter(Q(is_superuser=True) | Q(pk__in=editors.values("pk"))).distinct()


comment_permission_policy = CommentPermissionPolicy(Comment)


def register_comment_permission_policy():
    """Register the policy with Wagtail (8.0+), so every admin view and menu uses it.

    Wagtail 7.4 has no registry: the viewset hands the policy to its views instead.
    """
    if register_permission_policy is None:  # Wagtail < 8
        return
    if policy_registry.get_by_type(Comment, fallback=False) is not comment_permission_policy:
        register_permission_policy(Comment, comment_permission_policy, exact_class=True)
