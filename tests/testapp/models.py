"""Page types of the test project, as an integrator's site would have them."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ogp_wagtail.blocks import OpenGovernmentStreamBlock


class PlainPage(Page):
    """The parent under which tests place a hub."""


class BlocksPage(Page):
    """A page of the integrator's own whose body holds every ogp-wagtail block."""

    body = StreamField(OpenGovernmentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
