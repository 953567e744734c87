from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OGPWagtailConfig(AppConfig):
    name = "ogp_wagtail"
    label = "ogp_wagtail"
    verbose_name = _("Open government")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals, wagtail_search  # noqa: F401  (checks register on import)

        signals.connect()
        # Wagtail's own index follows a commitment's updates and evidence (wagtail_search.py).
        wagtail_search.connect_wagtail_search()
