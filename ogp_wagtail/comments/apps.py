from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OGPCommentsConfig(AppConfig):
    name = "ogp_wagtail.comments"
    label = "ogp_comments"
    verbose_name = _("Open government comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
