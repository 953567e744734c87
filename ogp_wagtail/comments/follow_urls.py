"""Following a commitment, included by ``ogp_wagtail.urls`` under ``follow/``.

Names: ``ogp_wagtail:follow:follow`` (the form, with the commitment's
``translation_key``), ``ogp_wagtail:follow:confirm`` and
``ogp_wagtail:follow:unsubscribe`` (with a signed token).
"""

from django.urls import path

from . import follow

app_name = "follow"
urlpatterns = [
    path("<uuid:commitment_key>/", follow.follow, name="follow"),
    path("confirm/<str:token>/", follow.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", follow.unsubscribe, name="unsubscribe"),
]
