"""System checks of the comments sub-app: settings a typo would silently break."""

from django.core.checks import Error, register

from .conf import comments_settings
from .notifications import MODES


@register()
def check_moderator_notifications(app_configs, **kwargs):
    mode = comments_settings.OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS
    if mode in MODES:
        return []
    return [
        Error(
            f"OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS is {mode!r}.",
            hint=f"Use one of: {', '.join(MODES)}.",
            id="ogp_comments.E001",
        )
    ]
