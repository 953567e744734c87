from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OGPCommentsConfig(AppConfig):
    name = "ogp_wagtail.comments"
    label = "ogp_comments"
    verbose_name = _("Open government comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules use models, which exist only
        # once every app is loaded.
        from ..admin.menu import add_to_open_government_menu
        from . import checks, signals  # noqa: F401  (checks register on import)
        from .moderation.views import CommentViewSet

        signals.connect()
        # The moderation queue, inside the core's "Open government" menu.
        add_to_open_government_menu(CommentViewSet)
