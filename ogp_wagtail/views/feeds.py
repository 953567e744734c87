"""Atom feeds of progress updates, for a commitment and for a whole plan."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

FEED_LENGTH = 50


def _as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def progress_updates_feed(request, page, updates):
    """An Atom feed of ``updates`` (newest first) for ``page``; entries link to each update."""
    site_url = request.build_absolute_uri("/").rstrip("/")
    feed = Atom1Feed(
        title=_("Progress updates: %(title)s") % {"title": page.title},
        link=site_url + page.url,
        description=page.search_description or page.title,
        language=get_language(),
        feed_url=request.build_absolute_uri(),
        feed_guid=f"urn:uuid:{page.translation_key}",
    )
    for update in updates:
        commitment = update.commitment
        link = site_url + commitment.update_url(update)
        feed.add_item(
            title=f"{commitment.title}: {update.display_title}",
            link=link,
            description=strip_tags(update.progress),
            unique_id=f"urn:uuid:{update.uuid}",
            unique_id_is_permalink=False,
            pubdate=_as_datetime(update.date),
            updateddate=update.last_published_at or _as_datetime(update.date),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
