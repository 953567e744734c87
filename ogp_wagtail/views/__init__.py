"""Views that pages' routes and ``ogp_wagtail.urls`` delegate to: embeds, feeds, redirects."""
