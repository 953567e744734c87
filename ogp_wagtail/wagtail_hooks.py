from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .admin import guards
from .admin.updates import ProgressUpdateViewSet, add_update_button
from .snippets import (
    JurisdictionViewSet,
    OGPValueViewSet,
    OrganisationViewSet,
    PolicyAreaViewSet,
    SectorViewSet,
)


def open_government_items():
    items = [
        ProgressUpdateViewSet,
        OrganisationViewSet,
        JurisdictionViewSet,
        PolicyAreaViewSet,
        SectorViewSet,
        OGPValueViewSet,
    ]
    if apps.is_installed("ogp_wagtail.comments"):
        # The moderation queue is a ModelViewSet, not a snippet: the group
        # registers it and lists it in the same menu.
        from .comments.moderation.views import CommentViewSet

        items.insert(1, CommentViewSet)
    return tuple(items)


class OpenGovernmentSnippets(SnippetViewSetGroup):
    menu_label = _("Open government")
    menu_icon = "globe"
    menu_order = 250
    items = open_government_items()


register_snippet(OpenGovernmentSnippets)

hooks.register("before_bulk_action", guards.check_bulk_publish)
hooks.register("before_move_page", guards.check_move)
hooks.register("after_move_page", guards.forget_objective_of_previous_plan)
hooks.register("before_copy_page", guards.check_copy)
hooks.register("before_delete_page", guards.refuse_deleting_published_history)
hooks.register("register_page_header_buttons", add_update_button)
