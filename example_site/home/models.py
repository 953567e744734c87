from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import HomeBodyBlock


class HomePage(Page):
    """The municipality's front page, the root of the site."""

    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["ogp_wagtail.OpenGovernmentPage", "home.ResourcesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ResourcesPage(Page):
    """A themed page of guides and documents, built from the same blocks as the home page."""

    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resources page")
