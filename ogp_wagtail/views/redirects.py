"""Views served outside the page tree, from ``ogp_wagtail.urls``."""

from django.http import Http404
from django.shortcuts import redirect

from ..status.visibility import shown_to_residents
from ..updates.models import ProgressUpdate


def progress_update_redirect(request, update_uuid):
    """The address of an update that never changes: it follows its commitment's page.

    Commitments can be renamed or moved, which changes the page addresses of
    their updates; this one, by identity, redirects to wherever the update is now.
    """
    # Any language version: the address leads to the one in the language being read.
    update = ProgressUpdate.objects.filter(live=True, uuid=update_uuid).order_by("pk").first()
    if update is None:
        raise Http404
    commitment = update.commitment.localized
    # Published, public (no view restriction on it or above it) and on this site.
    if not (shown_to_residents(commitment) and commitment.get_url(request)):
        raise Http404
    return redirect(update.get_url(request), permanent=False)
