"""The example site's settings for the comments benchmark, behind a "proxy".

``BENCH_DATABASE_ENGINE=sqlite`` keeps the example site's own SQLite settings (its
file from ``EXAMPLE_DATABASE_PATH``); ``postgresql`` uses the ``BENCH_DATABASE``
database of the test cluster.

The benchmark's 20 clients all connect from 127.0.0.1; each sends its own
X-Forwarded-For, as a reverse proxy would, so that the per-client limits apply
to each of them. The minimum fill time is off: clients post right after loading.
"""

import os

from example_site.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
if os.environ.get("BENCH_DATABASE_ENGINE", "postgresql") == "postgresql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ["BENCH_DATABASE"],
            "USER": os.environ.get("PGUSER", "postgres"),
            "HOST": os.environ.get("PGHOST", "127.0.0.1"),
            "PORT": os.environ.get("PGPORT", "5432"),
        }
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER = "X-Forwarded-For"
OGP_WAGTAIL_COMMENTS_MIN_FILL_SECONDS = 0
OGP_WAGTAIL_COMMENTS_CLIENT_RATE_LIMIT = int(os.environ.get("BENCH_CLIENT_LIMIT", "20"))
OGP_WAGTAIL_COMMENTS_MODERATOR_NOTIFICATIONS = "off"
