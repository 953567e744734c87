"""System checks that catch a mis-configured integration before a page fails."""

from django.core.checks import Error, Tags, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .conf import ogp_settings


@register(Tags.templates)
def check_base_template(app_configs, **kwargs):
    name = ogp_settings.OGP_WAGTAIL_BASE_TEMPLATE
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                f"OGP_WAGTAIL_BASE_TEMPLATE names {name!r}, which no template loader finds.",
                hint="Point it at your site's base template, or remove it to use the default.",
                id="ogp_wagtail.E001",
            )
        ]
    return []
