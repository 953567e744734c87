from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The site's home page in the current language (its root page when not translated)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.localized if site else None


@register.inclusion_tag("home/tags/main_nav.html", takes_context=True)
def main_nav(context):
    """The pages under the site root that editors put "in menus", in the current language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": []}
    root = site.root_page.localized
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = [
        {
            "page": child,
            "current": current_path == child.path,
            "ancestor": current_path.startswith(child.path),
        }
        for child in root.get_children().live().public().in_menu()
    ]
    return {"items": items, "request": request}
