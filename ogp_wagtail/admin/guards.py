"""The OGP Local rules on the admin actions that publish without the page form.

The edit form checks the rules on publish (see ``OGPPageForm``). Bulk publish,
moving a live page and copying with "publish copies" bypass that form, so
Wagtail's ``before_*`` hooks (wired in ``wagtail_hooks.py``) ask the page
itself and refuse with the rule's message.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..pages.base import OGPPage
from ..pages.commitment import CommitmentPage
from ..updates.models import ProgressUpdate


def _refuse(request, errors_by_page, redirect_to):
    for page, errors in errors_by_page:
        for error in errors:
            messages.error(request, f"{page.get_admin_display_title()}: {error.violation.message}")
    return redirect(redirect_to)


def check_bulk_publish(request, action_type, objects, action):
    """Refuse a bulk publish if a selected page's latest revision breaks a rule."""
    if action_type != "publish":
        return None
    refused = []
    for page in objects:
        page = page.specific
        if not isinstance(page, OGPPage):
            continue
        candidate = page.get_latest_revision_as_object()
        errors = candidate.ogp_rule_errors(page.get_parent().specific)
        if errors:
            refused.append((page, errors))
    return _refuse(request, refused, action.next_url) if refused else None


def check_move(request, page, destination):
    """Refuse moving a live page under a parent where it would break a rule."""
    if not isinstance(page, OGPPage) or not page.live:
        return None
    errors = page.ogp_rule_errors(destination.specific)
    if errors:
        return _refuse(
            request, [(page, errors)], reverse("wagtailadmin_pages:move", args=(page.pk,))
        )
    return None


def forget_objective_of_previous_plan(request, page):
    """A moved commitment no longer serves an objective of the plan it left."""
    if isinstance(page, CommitmentPage) and page.objective_id:
        new_parent = Page.objects.get(pk=page.pk).get_parent()  # the instance may predate the move
        if page.objective.page_id != new_parent.pk:
            CommitmentPage.objects.filter(pk=page.pk).update(objective=None)


def check_copy(request, page):
    """Refuse a copy published into a parent where it would break a rule."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    page = page.specific
    destination = Page.objects.filter(pk=request.POST.get("new_parent_page") or None).first()
    if not isinstance(page, OGPPage) or not page.live or destination is None:
        return None
    errors = page.ogp_rule_errors(destination.specific, as_new_page=True)
    if errors:
        return _refuse(
            request, [(page, errors)], reverse("wagtailadmin_pages:copy", args=(page.pk,))
        )
    return None


def refuse_deleting_published_history(request, page):
    """A commitment whose progress updates are the public record is not deleted.

    The updates (and the comments on them) would lose their commitment; Wagtail
    7.0 would even fail on the protected reference. Unpublishing keeps them.
    """
    pages = page.get_descendants(inclusive=True)
    if not ProgressUpdate.objects.filter(commitment__in=pages).exists():
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be deleted: progress updates have been published about it "
            "(or about a commitment below it), and they are the public record. Unpublish "
            "it instead."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
