"""Template helpers of the public ogp-wagtail pages.

The filters work on values the page's ``get_context`` has already loaded;
``ogp_progress`` loads a widget's data itself, in constant queries;
``{% ogp_cached %}`` keeps a rendered part of a page in the render cache
(:mod:`ogp_wagtail.status.cache`).
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from ..blocks.base import NOW_CONTEXT_KEY
from ..languages import language_attributes, language_versions
from ..status.cache import cached_fragment, valid_until
from ..status.labels import day_label, field_label, moment_label
from ..status.progress import load_status
from ..status.widget import progress_widget_context

register = template.Library()


@register.filter(expects_localtime=True)
def ogp_date(value):
    """``value|date:"DATE_FORMAT"`` from a per-language memo: a date per row adds up."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()  # already in the current time zone (expects_localtime)
    return day_label(value)


@register.filter(expects_localtime=True)
def ogp_datetime(value):
    """A date and time written like the page's dates (:func:`.labels.moment_label`)."""
    if value in (None, ""):
        return ""
    return moment_label(value)


@register.filter
def ogp_label(instance, field_name):
    """``{{ obj|ogp_label:"status" }}``: what ``obj.get_status_display`` returns, memoised."""
    return field_label(instance, field_name)


class CachedFragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        if context.get(NOW_CONTEXT_KEY) is not None:
            # Rendered as of another moment (tests, previews): never kept.
            return self.nodelist.render(context)
        html = cached_fragment(
            context.get("request"),
            context.get("page"),
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            [value.resolve(context) for value in self.vary_on],
        )
        return mark_safe(html)  # noqa: S308 (HTML this template rendered)


@register.tag("ogp_cached")
def ogp_cached(parser, token):
    """``{% ogp_cached "name" [value ...] %}...{% endogp_cached %}``: a part of the page, cached.

    The HTML inside is kept in the render cache (see :mod:`ogp_wagtail.status.cache`)
    for the page in the context, the language, the site and the day, until content
    changes; the values given after the name are part of the key too. Put inside
    only what every visitor sees: nothing per user, no form.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f'{bits[0]} takes a name: {{% {bits[0]} "name" %}}')
    nodelist = parser.parse(("endogp_cached",))
    parser.delete_first_token()
    return CachedFragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )


@register.simple_tag
def ogp_cache_until(*moments):
    """What is rendered here changes at the first of ``moments`` still to come (datetimes)."""
    valid_until(*moments)
    return ""


@register.filter
def ogp_modifier(value):
    """A stored choice value as a CSS modifier: ``"not_started"`` becomes ``"not-started"``.

    Used to build BEM modifiers such as ``ogp-badge--in-progress``. The text of a
    status is always printed too: colour is never the only signal.
    """
    return str(value or "none").replace("_", "-")


@register.filter
def ogp_nonempty(groups):
    """Keep the ``(label, items)`` pairs that have items (e.g. ``stakeholder_groups``)."""
    return [(label, items) for label, items in groups if items]


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress(page, display="both", heading_level=2):
    """The progress widget of a commitment or an action plan, for any template.

    ``{% ogp_progress page display="bar" heading_level=3 %}``; ``display`` is
    "bar", "timeline" or "both". Loads its data with a constant number of queries.
    """
    return progress_widget_context(
        load_status(page.specific, timezone.localdate()), display, heading_level
    )


@register.inclusion_tag("ogp_wagtail/includes/progress_widget.html")
def ogp_progress_widget(status, display="both", heading_level=2, link_target=""):
    """The progress widget for a status the view has already loaded (pages, blocks, embeds)."""
    return progress_widget_context(status, display, heading_level, link_target)


@register.filter
def ogp_lang(content):
    """`` lang dir`` attributes for an element holding text written in ``content``'s language.

    ``content`` is a translatable object (a page, a milestone) with its locale loaded, or
    a language code; nothing is written when that is the language being read.
    """
    locale = getattr(content, "locale", None)
    code = locale.language_code if locale is not None else content
    return language_attributes(code if isinstance(code, str) else "")


@register.inclusion_tag("ogp_wagtail/includes/language_switcher.html", takes_context=True)
def ogp_language_switcher(context):
    """Links to the current page in its other languages; nothing when it has none."""
    return {"versions": language_versions(context.get("page"), context.get("request"))}


@register.inclusion_tag("ogp_wagtail/includes/language_alternates.html", takes_context=True)
def ogp_language_alternates(context):
    """``<link rel="alternate" hreflang>`` for each language version, and ``x-default``.

    For the ``<head>``: search engines then send a resident to their language's version.
    """
    request = context.get("request")
    versions = language_versions(context.get("page"), request)
    alternates = [(version.code, request.build_absolute_uri(version.url)) for version in versions]
    alternates += [
        ("x-default", request.build_absolute_uri(version.url))
        for version in versions
        if version.default
    ]
    return {"alternates": alternates}
