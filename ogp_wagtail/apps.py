from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OGPWagtailConfig(AppConfig):
    name = "ogp_wagtail"
    label = "ogp_wagtail"
    verbose_name = _("Open government")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401  (checks register on import)

        signals.connect()
