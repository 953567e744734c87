"""Admin panels of ogp-wagtail pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from ..views.embeds import embed_code, site_address_is_local


class EmbedCodePanel(Panel):
    """Shows editors the iframe code that puts this page's progress widget on another site."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "ogp_wagtail/admin/embed_code_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            choices = [("both", _("Bar and timeline")), ("bar", _("Bar only"))]
            published = bool(page.pk and page.live)
            context["codes"] = (
                [(label, embed_code(page, self.request, display)) for display, label in choices]
                if published
                else []
            )
            context["local_site"] = published and site_address_is_local(page)
            return context
