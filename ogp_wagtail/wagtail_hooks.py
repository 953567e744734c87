from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

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
    items = (
        OrganisationViewSet,
        JurisdictionViewSet,
        PolicyAreaViewSet,
        SectorViewSet,
        OGPValueViewSet,
    )


register_snippet(OpenGovernmentSnippets)
