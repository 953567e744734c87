"""Optional URLs: ``path("ogp/", include("ogp_wagtail.urls"))`` in the site's urls.py.

Optional apps add theirs with the ``ogp_wagtail_register_urls`` hook (a function
returning a list of URL patterns), as ``ogp_wagtail.comments`` does for
following and posting comments.
"""

from django.urls import path
from wagtail import hooks

from .plugins import URLS_HOOK
from .views import redirects

app_name = "ogp_wagtail"
urlpatterns = [
    path(
        "updates/<uuid:update_uuid>/",
        redirects.progress_update_redirect,
        name="progress_update",
    ),
]

for register_urls in hooks.get_hooks(URLS_HOOK):
    urlpatterns += register_urls()
