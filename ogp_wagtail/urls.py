"""Optional URLs: ``path("ogp/", include("ogp_wagtail.urls"))`` in the site's urls.py."""

from django.apps import apps
from django.urls import include, path

from .views import redirects

app_name = "ogp_wagtail"
urlpatterns = [
    path(
        "updates/<uuid:update_uuid>/",
        redirects.progress_update_redirect,
        name="progress_update",
    ),
]

if apps.is_installed("ogp_wagtail.comments"):
    urlpatterns += [
        path("follow/", include("ogp_wagtail.comments.follow_urls")),
        path("comments/", include("ogp_wagtail.comments.urls")),
    ]
