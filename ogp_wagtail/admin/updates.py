"""The admin of progress updates: a snippet viewset, opened from a commitment."""

import functools
from urllib.parse import urlencode

import django_filters
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.admin.widgets.button import Button
from wagtail.models import Revision
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from ..forms import parse_id
from ..pages.commitment import CommitmentPage
from ..snippets import choosers
from ..updates.access import editable_commitments, updates_for
from ..updates.forms import NOTHING_TO_SAVE
from ..updates.models import ProgressUpdate


class ProgressUpdateIndexView(IndexView):
    """The listing: title, commitment, date and status, in as many queries for 1 or 100 rows."""

    def get_base_queryset(self):
        return updates_for(self.request.user, super().get_base_queryset()).select_related(
            "commitment", "locale"
        )

    def get_table(self, object_list):
        updates = list(object_list)
        _load_scheduled_revisions(updates)
        return super().get_table(updates)


def _load_scheduled_revisions(updates):
    # DraftStateMixin.status_string asks each object for its scheduled revision: one
    # query per row. Ask once for the page's rows and fill its cached_property.
    if not updates:
        return
    scheduled = {}
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(ProgressUpdate),
        object_id__in=[str(update.pk) for update in updates],
        approved_go_live_at__isnull=False,
    ).order_by("-pk")
    for revision in revisions:
        scheduled[revision.object_id] = revision
    for update in updates:
        update.scheduled_revision = scheduled.get(str(update.pk))


class UpdateChoicesMixin:
    """The update chooser names each update's commitment: alone, "Q2 2026" says little."""

    def get_object_list(self):
        return super().get_object_list().select_related("commitment")

    @property
    def columns(self):
        return [*super().columns, Column("commitment", label=_("Commitment"))]


class ProgressUpdateChooseView(UpdateChoicesMixin, choosers.ChooseView):
    pass


class ProgressUpdateChooseResultsView(UpdateChoicesMixin, choosers.ChooseResultsView):
    pass


class ProgressUpdateChooserViewSet(choosers.PermissionCheckedChooserViewSet):
    """Offers the published updates of the commitments its user may edit.

    A chooser picks an update to show or link to: a draft has nothing to show yet,
    and an update of a commitment the user cannot open in the admin (one behind a
    view restriction included) is not theirs to pick. Editing a commitment's page
    is what lets a user see it, private or not.
    """

    choose_view_class = ProgressUpdateChooseView
    choose_results_view_class = ProgressUpdateChooseResultsView

    def choosable(self, queryset, user):
        return updates_for(user, queryset.filter(live=True))


class NothingToSaveMixin:
    """Autosave shows the view's message, not the form's: say why an empty update is not saved."""

    def is_valid(self, form):
        valid = super().is_valid(form)
        if self.expects_json_response and form.nothing_to_save:
            self.produced_error_message = NOTHING_TO_SAVE
        return valid


class ProgressUpdateCreateView(NothingToSaveMixin, CreateView):
    def get_initial(self):
        # "Add a progress update" on a commitment opens this view with ?commitment=<id>.
        initial = super().get_initial()
        commitment = parse_id(self.request.GET.get("commitment"))
        if commitment is not None:
            initial["commitment"] = commitment
        return initial


class ProgressUpdateEditView(NothingToSaveMixin, EditView):
    pass


def only_editable_updates(view):
    """404 for an update whose commitment the user cannot edit, in every view of one update."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if "pk" in kwargs:
            pk = parse_id(unquote(str(kwargs["pk"])))
            if pk is None or not updates_for(request.user).filter(pk=pk).exists():
                raise Http404
        return view(request, *args, **kwargs)

    return checked


def commitments_to_filter_by(request):
    return editable_commitments(request.user) if request else CommitmentPage.objects.none()


class ProgressUpdateFilterSet(WagtailFilterSet):
    # Offers only the commitments whose updates the listing shows.
    commitment = django_filters.ModelChoiceFilter(
        queryset=commitments_to_filter_by, label=_("Commitment")
    )

    class Meta:
        model = ProgressUpdate
        fields = ["live", "commitment", "date"]


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "date"
    menu_label = _("Progress updates")
    index_view_class = ProgressUpdateIndexView
    add_view_class = ProgressUpdateCreateView
    edit_view_class = ProgressUpdateEditView
    chooser_viewset_class = ProgressUpdateChooserViewSet
    list_display = [
        "display_title",
        "commitment",
        "date",
        # Wagtail adds the status column only when list_display is left to it.
        LiveStatusTagColumn(),
    ]
    filterset_class = ProgressUpdateFilterSet
    ordering = ["-date", "-pk"]

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = only_editable_updates(pattern.callback)
        return patterns


def add_update_button(page, user, view_name, next_url=None):
    """A header button on commitments: write a progress update about this one."""
    if page.specific_class is not CommitmentPage:
        return
    if not user.has_perm("ogp_wagtail.add_progressupdate"):
        return
    # Written in the commitment's language (the snippet editor's locale).
    query = urlencode({"commitment": page.pk, "locale": page.locale.language_code})
    url = reverse(ProgressUpdate.snippet_viewset.get_url_name("add")) + f"?{query}"
    yield Button(_("Add a progress update"), url, icon_name="date", priority=16)
