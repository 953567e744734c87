"""Bulk approve / reject / spam from the moderation queue (Wagtail's bulk action framework).

Unlike Wagtail's own bulk actions, which quietly leave out the objects a user
may not act on, these refuse the whole request with 403 when any selected id
is a comment the user may not moderate: a guessed id of another site's comment
is an attack, not a mistake to work around.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from ...forms import parse_id
from ..models import Comment, CommentStatus
from ..permissions import comment_permission_policy
from . import actions
from .views import forbidden


class CommentBulkAction(BulkAction):
    models = [Comment]
    status = None
    template_name = "ogp_wagtail/comments/admin/bulk_confirm.html"

    def dispatch(self, request, *args, **kwargs):
        if not comment_permission_policy.user_has_permission(request.user, "moderate"):
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    def check_perm(self, comment):
        return comment_permission_policy.user_has_permission_for_instance(
            self.request.user, "moderate", comment
        )

    def get_all_objects_in_listing_query(self, parent_id):
        return comment_permission_policy.instances_user_has_permission_for(
            self.request.user, "moderate"
        ).values_list("pk", flat=True)

    def get_actionable_objects(self):
        object_ids = self.request.GET.getlist("id")
        if "all" in object_ids:
            object_ids = list(self.get_all_objects_in_listing_query(None))
        object_ids = [pk for pk in map(parse_id, object_ids) if pk is not None]
        comments = list(Comment.objects.filter(pk__in=object_ids).order_by("-created_at", "-pk"))
        if not comments:
            raise Http404
        if not all(self.check_perm(comment) for comment in comments):
            raise PermissionDenied
        return comments, {"items_with_no_access": []}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_label"] = CommentStatus(self.status).label
        context["action_label"] = self.display_name
        return context

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        changed = 0
        for comment in objects:
            # Approving again a comment hidden after reports is a real decision.
            if comment.status == status and not comment.hidden_for_review:
                continue
            actions.set_status(comment, status, user)
            changed += 1
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment: %(status)s.",
            "%(count)d comments: %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": CommentStatus(self.status).label}


class ApproveCommentsBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve and publish the selected comments")
    action_priority = 10
    status = CommentStatus.APPROVED


class RejectCommentsBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    status = CommentStatus.REJECTED


class SpamCommentsBulkAction(CommentBulkAction):
    display_name = _("Spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    action_priority = 30
    classes = {"serious"}
    status = CommentStatus.SPAM


BULK_ACTIONS = [ApproveCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction]
