"""The embeddable progress widget: the one ogp-wagtail address other sites may frame."""

from urllib.parse import urljoin

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..progress import join_list
from ..status.progress import load_status
from ..status.widget import WIDGET_DISPLAYS, progress_widget_context

# Without script, an embed keeps this height and scrolls inside; the host script then sets
# the height its content needs, as the frame reports it (static/ogp_wagtail/js/).
FALLBACK_HEIGHTS = {"both": 480, "timeline": 480, "bar": 260}


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
        load_status(page, timezone.localdate()), display, heading_level=2, link_target="_blank"
    )
    context["page"] = page
    context["place"] = join_list(page.covered_jurisdictions())
    response = TemplateResponse(request, "ogp_wagtail/embed/progress.html", context)
    # Other origins may frame this response, and only this one: the ordinary pages keep
    # the site's X-Frame-Options.
    response.xframe_options_exempt = True
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


def embed_code(page, request=None, display="both"):
    """The code an editor copies to show ``page``'s progress on another site.

    Addresses are the page's site's own (its hostname and port, set in Settings > Sites),
    never the address the editor happens to use. The iframe has a height to fall back on
    and scrolls without script; the script lets it take the height of its content.
    """
    url = page.get_full_url(request)
    if not url:
        return ""
    src = f"{url}{page.reverse_subpage('progress_embed')}"
    if display != "both":
        src += f"?display={display}"
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
        'style="border:0" data-ogp-embed></iframe>\n<script src="{}" async></script>',
        src,
        _("Progress: %(title)s") % {"title": page.title},
        FALLBACK_HEIGHTS.get(display, FALLBACK_HEIGHTS["both"]),
        urljoin(url, static("ogp_wagtail/js/ogp-embed-host.js")),
    )


def site_address_is_local(page):
    """Whether ``page``'s site is still called ``localhost``: other sites could not load it."""
    site = page.get_site()
    return site is not None and site.hostname in {"localhost", "127.0.0.1", "::1"}
