"""Optional URLs: ``path("ogp/", include("ogp_wagtail.urls"))`` in the site's urls.py."""

from django.urls import path

from . import views

app_name = "ogp_wagtail"
urlpatterns = [
    path(
        "updates/<uuid:update_uuid>/",
        views.progress_update_redirect,
        name="progress_update",
    ),
]
