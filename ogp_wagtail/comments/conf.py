"""Settings of the comments sub-app, with their defaults, in one place.

Every setting is optional. Read them through ``comments_settings.NAME`` so that
``override_settings`` in tests and settings changed at runtime are honoured.
"""

from ..conf import AppSettings

DEFAULTS = {
    # Email moderators about new comments awaiting moderation: "immediate" (one
    # email per comment), "digest" (the ``ogp_comments_digest`` command, run by
    # a daily cron job or systemd timer, sends one list each) or "off".
    "OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS": "immediate",
    # How long a "follow this commitment" confirmation link stays valid (seconds).
    "OGP_WAGTAIL_FOLLOW_CONFIRM_MAX_AGE": 7 * 24 * 60 * 60,
    # Follow requests accepted per client and per email address in the window (seconds).
    "OGP_WAGTAIL_FOLLOW_RATE_LIMIT": 5,
    "OGP_WAGTAIL_FOLLOW_RATE_WINDOW": 60 * 60,
    # Public comments (``ogp_wagtail.comments``). Comments wait for a moderator's
    # approval before they are shown; False publishes them at once.
    "OGP_WAGTAIL_COMMENTS_PREMODERATION": True,
    # Longest comment, in characters, and most links (http://, www.) in one.
    "OGP_WAGTAIL_COMMENTS_MAX_LENGTH": 2000,
    "OGP_WAGTAIL_COMMENTS_MAX_LINKS": 2,
    # The privacy notice commenters consent to: a URL (https://... or /path/),
    # shown as a link, or the text itself. Empty: a short built-in notice.
    "OGP_WAGTAIL_COMMENTS_PRIVACY_NOTICE": "",
    # A comment form sent sooner than this after it was served is refused (bots).
    "OGP_WAGTAIL_COMMENTS_MIN_FILL_SECONDS": 3,
    # The request header holding the client's address when the site runs behind
    # its own reverse proxy (e.g. "X-Forwarded-For": its first entry is used).
    # Empty: REMOTE_ADDR. Never set it without such a proxy: clients can forge it.
    "OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER": "",
    # Comments accepted per client (hashed address) and per email in the window
    # (seconds), counting every stored comment whatever its status; 0 switches off.
    "OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT": 5,
    "OGP_WAGTAIL_COMMENTS_CLIENT_RATE_WINDOW": 10 * 60,
    "OGP_WAGTAIL_COMMENTS_EMAIL_RATE_LIMIT": 10,
    "OGP_WAGTAIL_COMMENTS_EMAIL_RATE_WINDOW": 24 * 60 * 60,
    # Reports accepted per client in the window (seconds).
    "OGP_WAGTAIL_COMMENTS_REPORT_RATE_LIMIT": 10,
    "OGP_WAGTAIL_COMMENTS_REPORT_RATE_WINDOW": 60 * 60,
    # A published comment with this many reports is hidden until a moderator reviews it.
    "OGP_WAGTAIL_COMMENTS_REPORTS_TO_HIDE": 3,
    # The name official replies are signed with; empty: the site's name.
    "OGP_WAGTAIL_COMMENTS_OFFICIAL_NAME": "",
}

comments_settings = AppSettings(DEFAULTS)
