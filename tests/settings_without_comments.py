"""The test project without ``ogp_wagtail.comments``: the core must stand on its own.

``make test`` runs every test that is not about comments with these settings too.
"""

from .settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "ogp_wagtail.comments"]  # noqa: F405
