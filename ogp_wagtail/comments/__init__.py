"""Public comments on progress updates and consultations, with moderation.

An optional sub-app: add ``"ogp_wagtail.comments"`` to ``INSTALLED_APPS`` and
``path("ogp/", include("ogp_wagtail.urls"))`` to the site's urls.
"""
