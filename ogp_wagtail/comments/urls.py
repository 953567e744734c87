"""Public URLs of the comments, included by ``ogp_wagtail.urls`` under ``comments/``."""

from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("post/", views.post_comment, name="post"),
    path("report/", views.report_comment, name="report"),
]
