from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .admin import guards
from .admin.menu import open_government_items
from .admin.updates import add_update_button
from .snippets import (
    JurisdictionViewSet,
    OGPValueViewSet,
    OrganisationViewSet,
    PolicyAreaViewSet,
    SectorViewSet,
)


class OpenGovernmentSnippets(SnippetViewSetGroup):
    menu_label = _("Open government")
    menu_icon = "globe"
    menu_order = 250
    # Built when Wagtail loads the hooks, after every app's ready() could add to it.
    items = open_government_items(
        [
            OrganisationViewSet,
            JurisdictionViewSet,
            PolicyAreaViewSet,
            SectorViewSet,
            OGPValueViewSet,
        ]
    )


register_snippet(OpenGovernmentSnippets)

hooks.register("before_bulk_action", guards.check_bulk_publish)
hooks.register("before_move_page", guards.check_move)
hooks.register("after_move_page", guards.forget_objective_of_previous_plan)
hooks.register("before_copy_page", guards.check_copy)
hooks.register("before_delete_page", guards.refuse_deleting_published_history)
hooks.register("register_page_header_buttons", add_update_button)
