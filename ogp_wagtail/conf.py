"""Settings read by ogp-wagtail, with their defaults, in one place.

Every setting is optional. Read them through ``ogp_settings.NAME`` so that
``override_settings`` in tests and settings changed at runtime are honoured.
"""

from django.conf import settings

DEFAULTS = {
    # The template every public ogp-wagtail page extends. It must define
    # ``{% block content %}``; ``extra_css``, ``extra_js`` and ``title`` are
    # filled when present (the blocks of Wagtail's own project template).
    "OGP_WAGTAIL_BASE_TEMPLATE": "ogp_wagtail/base.html",
    # ISO 4217 code offered by default for commitment budgets.
    "OGP_WAGTAIL_DEFAULT_CURRENCY": "EUR",
    # Which engine serves the public search: "database" (the site's own database) or
    # "elasticsearch" (needs the ``ogp-wagtail[elasticsearch]`` extra).
    "OGP_WAGTAIL_SEARCH_ENGINE": "database",
    # The Elasticsearch engine's server address and the prefix of its index names.
    "OGP_WAGTAIL_ELASTICSEARCH_URL": "http://localhost:9200",
    "OGP_WAGTAIL_ELASTICSEARCH_INDEX": "ogp-wagtail",
}


class AppSettings:
    """Settings read at each access, falling back to ``defaults``; unknown names are errors."""

    def __init__(self, defaults):
        self._defaults = defaults

    def __getattr__(self, name):
        if name not in self._defaults:
            raise AttributeError(f"Unknown ogp-wagtail setting: {name}")
        return getattr(settings, name, self._defaults[name])


ogp_settings = AppSettings(DEFAULTS)
