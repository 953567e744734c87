"""``{% ogp_slot "name" %}``: what optional apps put in one of the core's template slots.

See :mod:`ogp_wagtail.plugins` for the slots and how an app fills one.
"""

from django import template

from ..plugins import render_slot

register = template.Library()


@register.simple_tag(takes_context=True)
def ogp_slot(context, name):
    return render_slot(name, context)
