from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Optional: addresses of progress updates that survive renaming their commitment.
    path("ogp/", include("ogp_wagtail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # The development server's way of serving static and uploaded files.
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path, last. French pages have no language prefix; English,
# Arabic and Spanish live under /en/, /ar/ and /es/.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
