"""The moderation queue in the Wagtail admin: a ModelViewSet over comments.

Views (URL names in the ``ogp_comments`` namespace, under ``/admin/ogp_comments/``):

- ``index`` (and ``index_results``): the queue, with filters, search and CSV/XLSX export;
- ``detail``: one comment with its thread and reports, its status actions and the
  official reply form;
- ``history`` (and ``history_results``): the comment's audit log.

There is no create, edit, copy or delete view: comments come from residents and
are never deleted; moderators change their status only. Every view answers 403
to a user who may not moderate the comment (see ``permissions``), whatever id
is guessed. Bulk approve / reject / spam live in ``bulk_actions``.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Case, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.defaultfilters import truncatechars
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from ...pages.vision import StrategicVisionPage
from ..display import target_of_comment, thread_signature
from ..filters import CommentFilterSet
from ..models import Comment, CommentReport, CommentStatus
from ..permissions import (
    comment_permission_policy,
    moderated_site_ids,
    register_comment_permission_policy,
)
from . import actions

#: Cells starting with these are formulas to a spreadsheet: exported as text.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Residents write the comments: never let a CSV cell run as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def excerpt(comment):
    return truncatechars(" ".join(comment.body.split()), 80)


def forbidden(request):
    """A real 403, where Wagtail's admin would redirect to the dashboard.

    Refusals here are worth telling apart from a redirect: a guessed id of
    another site's comment must be seen as refused (by people and by tests).
    """
    return TemplateResponse(
        request,
        "ogp_wagtail/comments/admin/forbidden.html",
        {"page_title": gettext("Permission denied")},
        status=403,
    )


class ForbiddenMixin:
    """Answer PermissionDenied with a 403 page (see ``forbidden``)."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


class ModerationPermissionMixin(ForbiddenMixin):
    """Model-level check (``moderate``) then the object's site, both answering 403."""

    permission_policy = comment_permission_policy
    permission_required = "moderate"
    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        policy = comment_permission_policy
        if not policy.user_has_permission_for_instance(request.user, "moderate", self.object):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class CommentIndexView(ForbiddenMixin, generic.IndexView):
    """The queue: what needs a decision first (pending or hidden after reports), newest first."""

    permission_policy = comment_permission_policy
    # Also what the menu item checks: only moderators see "Comments".
    any_permission_required = ["moderate"]
    default_ordering = ("-_needs_review", "-created_at", "-pk")
    page_title = _("Comments")

    def get_base_queryset(self):
        plan_title = StrategicVisionPage.objects.filter(
            translation_key=OuterRef("plan_key")
        ).order_by("path")
        return (
            comment_permission_policy.instances_user_has_permission_for(
                self.request.user, "moderate"
            )
            .select_related("site")
            .annotate(
                _needs_review=Case(
                    When(
                        Q(status=CommentStatus.PENDING) | Q(hidden_for_review=True),
                        then=Value(True),
                    ),
                    default=Value(False),
                    output_field=BooleanField(),
                ),
                plan_title=Subquery(plan_title.values("title")[:1]),
            )
        )

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="comment"),
            TitleColumn(
                "excerpt",
                label=_("Comment"),
                accessor=excerpt,
                get_url=self.get_edit_url,
                get_title_id=lambda comment: f"comment_{quote(comment.pk)}_title",
            ),
            Column("author_name", label=_("Name"), sort_key="author_name"),
            Column("target_title", label=_("About"), sort_key="target_title"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda comment: (
                    comment.status == CommentStatus.APPROVED and not comment.hidden_for_review
                ),
            ),
            Column("report_count", label=_("Reports"), sort_key="report_count"),
            DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A moderator without any site (no edit permission on a site's root page)
        # sees an empty queue: say why instead of letting them think it is empty.
        context["moderates_no_site"] = moderated_site_ids(self.request.user) == frozenset()
        return context


class OfficialReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Official reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Published at once, in this thread, as the municipality's answer."),
    )


class CommentDetailView(
    ModerationPermissionMixin, WagtailAdminTemplateMixin, BaseObjectMixin, TemplateView
):
    """One comment in its thread, with the reports received, status actions and a reply form."""

    model = Comment
    template_name = "ogp_wagtail/comments/admin/detail.html"
    page_title = _("Comment")
    header_icon = "comment"
    index_url_name = None
    history_url_name = None
    edit_url_name = None

    def get_page_subtitle(self):
        return excerpt(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(Comment._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                gettext("History"),
                url=reverse(self.history_url_name, args=(quote(self.object.pk),)),
                icon_name="history",
            )
        ]

    @cached_property
    def thread(self):
        """The top-level comment, then its replies (official ones included) in order."""
        top = self.object.parent if self.object.parent_id else self.object
        visible = comment_permission_policy.instances_user_has_permission_for(
            self.request.user, "moderate"
        )
        reports = Prefetch("reports", queryset=CommentReport.objects.order_by("created_at"))
        return list(
            visible.filter(Q(pk=top.pk) | Q(parent=top))
            .select_related("moderated_by", "official_author")
            .prefetch_related(reports)
            # The top (no parent) first: SQLite sorts NULL first, PostgreSQL last.
            .order_by(F("parent_id").asc(nulls_first=True), "created_at", "pk")
        )

    @property
    def can_reply(self):
        # Only a thread residents can see is answered: not one awaiting a
        # decision, rejected, or hidden after reports.
        top = self.thread[0]
        return top.status == CommentStatus.APPROVED and not top.hidden_for_review

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.object,
            thread=self.thread,
            decisions=[
                (name, status.label)
                for name, status in actions.DECISIONS.items()
                if status != self.object.status
            ],
            reply_form=kwargs.get("reply_form")
            or (OfficialReplyForm() if self.can_reply else None),
            official_author_name=thread_signature(self.object),
            public_url=self.public_url(),
        )
        return context

    def public_url(self):
        """The address of the page where the comment appears, while it has one."""
        target = target_of_comment(self.object)
        if target is None or not target.is_public():
            return None
        # Its own site's address: the moderator may be signed in on another host.
        url = target.url()
        if url and url.startswith("/") and target.site() is not None:
            url = target.site().root_url + url
        return url

    def detail_url(self, comment=None):
        return reverse(self.edit_url_name, args=(quote((comment or self.object).pk),))

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action in actions.DECISIONS:
            actions.set_status(self.object, actions.DECISIONS[action], request.user)
            messages.success(
                request,
                gettext("Comment by %(name)s: %(status)s.")
                % {"name": self.object.author_name, "status": self.object.get_status_display()},
            )
            return redirect(self.detail_url())
        if action == "reply":
            if not self.can_reply:
                messages.error(request, gettext("Publish the comment before answering it."))
                return redirect(self.detail_url())
            form = OfficialReplyForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(reply_form=form))
            reply = actions.post_official_reply(
                self.object, request.user, form.cleaned_data["body"]
            )
            messages.success(request, gettext("Official reply published."))
            return redirect(self.detail_url(reply.parent))
        return HttpResponseBadRequest()


class CommentHistoryView(ModerationPermissionMixin, HistoryView):
    """The comment's audit log: every moderation decision and official reply."""

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                gettext("Comment"),
                url=self.get_edit_url(self.object),
                icon_name="comment",
            )
        ]


class CommentViewSet(ModelViewSet):
    """The moderation queue, grouped under the "Open government" menu."""

    model = Comment
    name = "ogp_comments"
    icon = "comment"
    menu_label = _("Comments")
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    sort_order_field = None

    index_view_class = CommentIndexView
    history_view_class = CommentHistoryView
    detail_view_class = CommentDetailView
    filterset_class = CommentFilterSet
    search_fields = ["body", "author_name", "target_title"]
    search_backend_name = None
    list_per_page = 50
    template_prefix = "ogp_wagtail/comments/admin/"

    list_export = [
        "pk",
        "parent_id",
        "author_name",
        "target_title",
        "plan_title",
        "get_status_display",
        "created_at",
        "published_at",
        "moderated_at",
        "is_official_reply",
        "report_count",
        "body",
    ]
    export_headings = {
        "pk": _("Id"),
        "parent_id": _("In reply to"),
        "author_name": _("Name"),
        "target_title": _("About"),
        "plan_title": _("Action plan"),
        "get_status_display": _("Status"),
        "created_at": _("Posted"),
        "published_at": _("Published"),
        "moderated_at": _("Moderated"),
        "is_official_reply": _("Official reply"),
        "report_count": _("Reports"),
        "body": _("Comment"),
    }
    export_filename = "comments"

    @property
    def permission_policy(self):
        # Wagtail 7.4 hands the viewset's policy to its views; Wagtail 8 reads the
        # registry, where on_register puts the same policy.
        return comment_permission_policy

    def on_register(self):
        register_comment_permission_policy()
        super().on_register()

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Comment),
            codename__in=["moderate_comment", "view_comment", "change_comment"],
        )

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            add_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            copy_url_name=None,
            inspect_url_name=None,
            # Listings, breadcrumbs and the admin URL finder link a comment to
            # its moderation page: there is no edit view.
            edit_url_name=self.get_url_name("detail"),
        )
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        view_kwargs["custom_field_preprocess"] = {
            field: {"csv": spreadsheet_safe}
            for field in ("author_name", "target_title", "plan_title", "body")
        }
        return view_kwargs

    @property
    def detail_view(self):
        return self.construct_view(
            self.detail_view_class, template_name="ogp_wagtail/comments/admin/detail.html"
        )

    @property
    def url_finder_class(self):
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("detail")
        return finder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.detail_view, name="detail"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
        ]
