"""The embeddable progress widget: the one ogp-wagtail address other sites may frame."""

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..status.progress import load_status
from ..status.widget import WIDGET_DISPLAYS, progress_widget_context


def progress_embed(request, page):
    """Render ``page``'s progress widget alone, for an iframe on another site.

    ``?display=bar|timeline|both`` chooses what to show; anything else is a 400.
    """
    display = request.GET.get("display", "both")
    if display not in WIDGET_DISPLAYS:
        return HttpResponseBadRequest(
            _("display must be one of: %(choices)s.") % {"choices": ", ".join(WIDGET_DISPLAYS)},
            content_type="text/plain; charset=utf-8",
        )
    context = progress_widget_context(
        load_status(page, timezone.localdate()), display, heading_level=1, link_target="_blank"
    )
    context["page"] = page
    response = TemplateResponse(request, "ogp_wagtail/embed/progress.html", context)
    # Other origins may frame this response, and only this one: the ordinary pages keep
    # the site's X-Frame-Options.
    response.xframe_options_exempt = True
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


def embed_code(page, display="both"):
    """The iframe an editor copies to show ``page``'s progress on another site."""
    url = page.full_url
    if not url:
        return ""
    src = f"{url}{page.reverse_subpage('progress_embed')}"
    if display != "both":
        src += f"?display={display}"
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
        'style="border:0"></iframe>',
        src,
        _("Progress: %(title)s") % {"title": page.title},
        "480" if display != "bar" else "260",
    )
