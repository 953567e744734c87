"""Atom feeds of progress updates, for a commitment and for a whole plan."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..status.progress import load_status

FEED_LENGTH = 50


def _as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def progress_subtitle(progress):
    """Where ``progress`` stands, in the words of the widget's bar: "60 % complete, On track".

    A plan's summary reads "60 % complete, 3 on track, 2 blocked". The summary alone when
    there is no percentage (no milestones, or none weighs anything).
    """
    label = progress.summary
    if progress.percent is None:
        return label
    # The widget's msgid: one wording, already translated, for the bar and the feed.
    return _("%(percent)s %% complete, %(label)s") % {"percent": progress.percent, "label": label}


def feed_author(request):
    """Who publishes the feeds: the site's name, else its hostname (RFC 4287 wants an author)."""
    site = Site.find_for_request(request)
    if site is None:
        return request.get_host()
    return site.site_name or site.hostname


def progress_updates_feed(request, page, updates):
    """An Atom feed of ``updates`` (newest first) for ``page``; entries link to each update.

    The feed's subtitle states ``page``'s current progress (a commitment's, or a plan's over
    all its commitments), computed as on the page itself. Every address is absolute and on
    the site the request came to, whatever other sites the installation serves.
    """
    status = load_status(page, timezone.localdate())
    feed = Atom1Feed(
        title=_("Progress updates: %(title)s") % {"title": page.title},
        link=page.get_full_url(request),
        # Required by Django's feed classes, though Atom writes no feed description:
        # the subtitle is what readers see.
        description=page.search_description or page.title,
        subtitle=progress_subtitle(status.progress),
        language=get_language(),
        author_name=feed_author(request),
        feed_url=request.build_absolute_uri(),
        feed_guid=f"urn:uuid:{page.translation_key}",
    )
    commitment_urls = {}
    for update in updates:
        commitment = update.commitment
        if commitment.pk not in commitment_urls:
            commitment_urls[commitment.pk] = commitment.get_full_url(request)
        link = commitment.update_url(update, base=commitment_urls[commitment.pk])
        if link is None:  # not routable from this site: nothing to link to
            continue
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
