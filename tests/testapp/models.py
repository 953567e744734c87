"""A plain page type: the parent under which tests place a hub, as a site would."""

from wagtail.models import Page


class PlainPage(Page):
    pass
