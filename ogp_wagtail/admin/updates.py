"""The admin of progress updates: a snippet viewset, opened from a commitment."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from ..forms import parse_id
from ..pages.commitment import CommitmentPage
from ..updates.models import ProgressUpdate


class ProgressUpdateCreateView(CreateView):
    def get_initial(self):
        # "Add a progress update" on a commitment opens this view with ?commitment=<id>.
        initial = super().get_initial()
        commitment = parse_id(self.request.GET.get("commitment"))
        if commitment is not None:
            initial["commitment"] = commitment
        return initial


class ProgressUpdateViewSet(SnippetViewSet):
    model = ProgressUpdate
    icon = "date"
    menu_label = _("Progress updates")
    add_view_class = ProgressUpdateCreateView
    list_display = ["display_title", "commitment", "date"]
    list_filter = ["live", "date"]
    ordering = ["-date", "-pk"]


def add_update_button(page, user, view_name, next_url=None):
    """A header button on commitments: write a progress update about this one."""
    if page.specific_class is not CommitmentPage:
        return
    if not user.has_perm("ogp_wagtail.add_progressupdate"):
        return
    url = reverse(ProgressUpdate.snippet_viewset.get_url_name("add")) + f"?commitment={page.pk}"
    yield Button(_("Add a progress update"), url, icon_name="date", priority=16)
