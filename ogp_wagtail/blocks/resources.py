"""Lists of resources: guides and documents, who published them, when, in which language.

Francophone open-government sites build their themed pages from such lists
(title, link, publisher, year, language, summary); :class:`ResourceListBlock`
lets editors do the same in any StreamField (import it from ``ogp_wagtail.blocks``)::

    body = StreamField([("resources", ResourceListBlock())])
"""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from .base import SectionBlock

# Old founding texts (declarations, charters) are resources too; next year's guide is
# announced before it is out.
MIN_YEAR = 1800
YEARS_AHEAD = 1
# A BCP 47 language tag as sites use them: an ISO 639 code, optionally with a script
# or region ("fr", "ar", "pt-br", "zh-hant").
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
LANGUAGE_SEPARATORS = re.compile(r"[\s,;/]+")

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def language_codes(text):
    """``"FR, ar"`` -> ``["fr", "ar"]``: the codes an editor typed, lower case, in order."""
    codes = []
    for code in LANGUAGE_SEPARATORS.split((text or "").strip().lower()):
        if code and code not in codes:
            codes.append(code)
    return codes


def language_name(code):
    """The name of a language in the active language ("French", "Français"), else the code."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


class ResourceValue(blocks.StructValue):
    """A resource as templates use it: where to read it and in which languages."""

    @property
    def url(self):
        """The document the site holds, else the publisher's link."""
        document = self.get("document")
        return document.url if document else self.get("link")

    @property
    def language_codes(self):
        return language_codes(self.get("languages"))

    @property
    def language_names(self):
        return [language_name(code) for code in self.language_codes]

    @property
    def hreflang(self):
        """The language of the target, for ``hreflang``, when there is exactly one."""
        codes = self.language_codes
        return codes[0] if len(codes) == 1 else ""


class ResourceBlock(blocks.StructBlock):
    """One guide, toolkit or document: a link, a document of the site's library, or both."""

    title = blocks.CharBlock(label=_("title"))
    link = blocks.URLBlock(
        label=_("link"),
        required=False,
        help_text=_("Where the publisher offers it. Give a link, choose a document, or both."),
    )
    document = DocumentChooserBlock(
        label=_("document"),
        required=False,
        help_text=_("A copy in the site's documents; when both are given, the title links here."),
    )
    publisher = blocks.CharBlock(label=_("publisher"), required=False)
    year = blocks.IntegerBlock(label=_("year"), required=False)
    languages = blocks.CharBlock(
        label=_("languages"),
        required=False,
        max_length=100,
        help_text=_("Language codes, separated by commas: for example en, or fr, ar."),
    )
    summary = blocks.RichTextBlock(label=_("summary"), required=False, features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Resource")
        value_class = ResourceValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("link") and not value.get("document"):
            errors["link"] = ValidationError(
                _("Give a link or choose a document, so that readers can open the resource."),
                code="no_link_or_document",
            )
        year = value.get("year")
        latest = timezone.localdate().year + YEARS_AHEAD
        if year is not None and not MIN_YEAR <= year <= latest:
            errors["year"] = ValidationError(
                _("Enter a year between %(first)s and %(last)s."),
                code="year_out_of_range",
                params={"first": MIN_YEAR, "last": latest},
            )
        invalid = [
            code for code in language_codes(value.get("languages")) if not LANGUAGE_TAG.match(code)
        ]
        if invalid:
            errors["languages"] = ValidationError(
                _("Not a language code: %(codes)s. Use codes such as en, fr, ar or pt-br."),
                code="invalid_language",
                params={"codes": ", ".join(invalid)},
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ResourceListBlock(SectionBlock):
    """A titled list of resources with an optional introduction.

    Each resource has a title, a link or a document (at least one), and
    optionally its publisher, year (1800 to next year), languages (language
    codes such as ``fr, ar``, shown by name in the reader's language) and a
    summary. Rendered as a list of cards under a heading of the chosen level.
    """

    heading = blocks.CharBlock(label=_("heading"))
    intro = blocks.RichTextBlock(
        label=_("introduction"), required=False, features=RICH_TEXT_FEATURES
    )
    resources = blocks.ListBlock(ResourceBlock(), label=_("resources"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Resources")
        template = "ogp_wagtail/blocks/resource_list.html"
        description = _("Guides and documents, with publisher, year, language and summary.")
