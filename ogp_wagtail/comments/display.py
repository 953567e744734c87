"""What residents see of comments, and what a comment is about.

A *target* is what residents comment on: a published progress update or an
open consultation. :class:`Target` gives both one face (its key, title, plan,
site, address) for the views, the template tags and the templates.
"""

import uuid

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from ..forms import parse_id
from ..pages.commitment import CommitmentPage
from ..pages.consultation import ConsultationPage
from ..pages.hub import OpenGovernmentPage
from ..pages.vision import StrategicVisionPage
from ..status.visibility import shown_to_residents
from ..updates.models import ProgressUpdate
from .conf import comments_settings
from .models import Comment, CommentStatus

UPDATE = "update"
CONSULTATION = "consultation"


class Target:
    """A progress update or a consultation page, as something to comment on."""

    def __init__(self, obj):
        self.obj = obj
        if isinstance(obj, ConsultationPage):
            self.kind = CONSULTATION
            self.page = obj
            self.key = obj.translation_key
            self.title = obj.title
            self.form_value = f"{CONSULTATION}:{obj.pk}"
        else:
            self.kind = UPDATE
            self.page = obj.commitment
            self.key = obj.uuid
            self.title = f"{obj.commitment.title}: {obj.display_title}"[:255]
            self.form_value = f"{UPDATE}:{obj.uuid}"

    def is_on_site_of(self, request):
        """Whether it belongs to the site the request came to (a site's comments stay its own)."""
        site = self.site()
        return site is not None and site == Site.find_for_request(request)

    def is_public(self):
        """Whether residents can see it now: live, and no view restriction on its page."""
        if self.kind == UPDATE and not self.obj.live:
            return False
        return shown_to_residents(self.page)

    def is_open(self, now=None):
        """Whether residents may comment now: updates while published, consultations while open."""
        if self.kind == CONSULTATION:
            return self.obj.is_open(now)
        return True

    def plan_key(self):
        """The translation key of the action plan the target belongs to, if any."""
        parent = self.page.get_parent()
        if parent is not None and parent.specific_class is StrategicVisionPage:
            return parent.translation_key
        return None

    def site(self):
        return self.page.get_site()

    def url(self, request=None):
        """Its address in the active language."""
        if self.kind == UPDATE:
            return self.obj.get_url(request)
        return self.obj.localized.get_url(request)

    def comment_fields(self):
        """The fields of a new comment that say what it is about."""
        return {
            "site": self.site(),
            "update": self.obj if self.kind == UPDATE else None,
            "consultation": self.obj if self.kind == CONSULTATION else None,
            "target_key": self.key,
            "target_title": self.title,
            "plan_key": self.plan_key(),
        }


def resolve_target(value):
    """The :class:`Target` a form's ``target`` value names, or None if it names nothing open.

    ``update:<uuid>``: a live update of a live, unrestricted commitment.
    ``consultation:<page id>``: a live, unrestricted consultation, open now.
    """
    kind, _sep, ident = (value or "").partition(":")
    if kind == UPDATE:
        try:
            key = uuid.UUID(ident)
        except ValueError:
            return None
        update = (
            ProgressUpdate.objects.filter(
                live=True, uuid=key, commitment__in=CommitmentPage.objects.live().public()
            )
            .select_related("commitment")
            .first()
        )
        return Target(update) if update else None
    if kind == CONSULTATION:
        pk = parse_id(ident)
        if pk is None:
            return None
        page = ConsultationPage.objects.live().public().filter(pk=pk).first()
        if page is None or not page.is_open():
            return None
        return Target(page)
    return None


def target_of_comment(comment):
    """The target a stored comment is about, or None if it is gone."""
    obj = comment.update or comment.consultation
    return Target(obj) if obj is not None else None


def published_thread(target_key):
    """The published comments about a target: top-level ones, oldest first, with their replies.

    One query. Each top-level comment gets ``shown_replies``; replies whose
    parent is not published are not shown. Returns ``(comments, count)``, the
    count including the replies shown.
    """
    comments = list(Comment.objects.published().for_target(target_key).order_by("created_at", "pk"))
    top = [comment for comment in comments if comment.parent_id is None]
    by_pk = {comment.pk: comment for comment in top}
    for comment in top:
        comment.shown_replies = []
    count = len(top)
    for comment in comments:
        parent = by_pk.get(comment.parent_id)
        if parent is not None:
            parent.shown_replies.append(comment)
            count += 1
    return top, count


def comment_counts(updates):
    """Published comments (replies included) per update, ``{update uuid: count}``, in one query."""
    keys = [update.uuid for update in updates]
    if not keys:
        return {}
    rows = (
        Comment.objects.published()
        .filter(target_key__in=keys)
        .order_by()
        .values("target_key")
        .annotate(count=Count("pk"))
    )
    counts = dict.fromkeys(keys, 0)
    counts.update({row["target_key"]: row["count"] for row in rows})
    return counts


def official_reply_share(plan):
    """``(replied, total)``: published residents' comments on the plan, and those answered.

    Counts top-level comments whose ``plan_key`` is the plan's translation key
    (so every language version of the plan shares the figure); answered means
    a published official reply exists. Only comments residents can see count.
    Two queries: the view restrictions, then the figures.
    """
    answered = Comment.objects.published().filter(parent=OuterRef("pk"), is_official_reply=True)
    # Only comments residents can see: on live updates of live, public commitments, or on
    # live, public consultations.
    # (``public()`` reads the view restrictions once, in a query of its own.)
    public_pages = Page.objects.live().public().values("pk")
    visible = Q(update__live=True, update__commitment__in=public_pages) | Q(
        consultation__in=public_pages
    )
    figures = (
        Comment.objects.published()
        .filter(visible, plan_key=plan.translation_key, parent__isnull=True)
        .filter(is_official_reply=False)
        .annotate(answered=Exists(answered))
        .aggregate(total=Count("pk"), replied=Count("pk", filter=Q(answered=True)))
    )
    return figures["replied"], figures["total"]


def reply_share(plan):
    """:func:`official_reply_share` for templates: ``{"replied", "total", "percent"}``."""
    replied, total = official_reply_share(plan)
    return {
        "replied": replied,
        "total": total,
        "percent": round(100 * replied / total) if total else 0,
    }


def official_signature(site, page=None):
    """The name an official reply is signed with: the one function for admin and public page.

    The ``OGP_WAGTAIL_COMMENTS_OFFICIAL_NAME`` setting; else the lead agency of
    the hub above ``page`` (what the reply is about); else the site's name, else
    its hostname. The reply stores it when posted and is shown as stored.
    """
    name = comments_settings.OGP_WAGTAIL_COMMENTS_OFFICIAL_NAME
    if name:
        return str(name)
    if page is not None:
        hub = (
            OpenGovernmentPage.objects.ancestor_of(page)
            .select_related("lead_agency")
            .order_by("-depth")
            .first()
        )
        if hub is not None and hub.lead_agency is not None:
            return hub.lead_agency.name
    if site is not None:
        return site.site_name or site.hostname
    return gettext("The municipality")


def thread_signature(comment):
    """:func:`official_signature` for a reply in the thread of ``comment``."""
    target = target_of_comment(comment)
    return official_signature(comment.site, target.page if target else None)


def published_fields(now=None):
    """Status fields of a comment published at once (premoderation off)."""
    return {"status": CommentStatus.APPROVED, "published_at": now or timezone.now()}
