"""The language versions of a page a resident may read: the switcher and ``hreflang`` links.

A version is listed when it is live and public, in the order of
``WAGTAIL_CONTENT_LANGUAGES``, each named in its own language ("Français",
"العربية") so a resident finds theirs whatever the page's language. The
``x-default`` version is the one in ``LANGUAGE_CODE``, the site's default.

None on a site in one language, one per page otherwise (three when it has other
versions, whose view restrictions are read); the answer is kept on the request, which
the switcher and the ``<head>`` links share.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Page

from .snippets.localized import reading_language

REQUEST_MEMO = "_ogp_language_versions"


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # in its own language
    url: str
    current: bool
    bidi: bool
    default: bool  # the x-default: the version in the site's default language


def language_versions(page, request):
    """The live, public language versions of ``page``, the page itself included.

    An empty list when ``page`` is not a page or has no version in another language:
    there is nothing to switch to.
    """
    if not isinstance(page, Page) or request is None:
        return []
    memo = request.__dict__.setdefault(REQUEST_MEMO, {})
    if page.pk not in memo:
        memo[page.pk] = _versions(page, request)
    return memo[page.pk]


def known_language(code):
    """``code`` if the site has that language (a form's or a link's), else the active one."""
    code = (code or "")[:12]
    return code if code in dict(settings.LANGUAGES) else get_language()


def language_attributes(code):
    """`` lang="…" dir="…"`` for text written in ``code`` inside a page in another language.

    WCAG 3.1.2: a screen reader then reads an English update on an Arabic page in
    English, and the browser lays it out left to right. Empty when ``code`` is the
    language being read (or unknown): the document's own ``lang`` already says it.
    """
    if not code or code == reading_language():
        return ""
    _name, bidi = language_name(code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


def language_name(code):
    """``(name in its own language, written right to left)`` of a language code."""
    try:
        info = get_language_info(code)
    except KeyError:  # a code Django does not know: shown as it is
        return code, code.split("-")[0] in settings.LANGUAGES_BIDI
    return capfirst(info["name_local"]), info["bidi"]  # "français" begins a list item


def _versions(page, request):
    if len(get_content_languages()) < 2:
        return []  # a site in one language: no query at all
    versions = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .live()
        .select_related("locale")
    )
    if not versions:
        return []  # most pages: one query, the view restrictions never read
    public = set(
        Page.objects.filter(pk__in=[version.pk for version in versions])
        .public()
        .values_list("pk", flat=True)
    )
    versions = [version for version in versions if version.pk in public]
    order = list(get_content_languages())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    found = []
    for version in [page, *versions]:
        code = version.locale.language_code
        url = version.get_url(request)
        if url is None:
            continue
        name, bidi = language_name(code)
        found.append(
            LanguageVersion(
                code=code,
                name=name,
                url=url,
                current=version.pk == page.pk,
                bidi=bidi,
                default=code == default,
            )
        )
    found.sort(key=lambda version: order.index(version.code) if version.code in order else 99)
    return found if len(found) > 1 else []
