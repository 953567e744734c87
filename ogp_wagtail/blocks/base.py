"""What the ogp-wagtail blocks share: a heading at a level the editor picks, and "now".

Every block of the library is a section of the page it sits on: a heading that names
it, at level 2 unless the editor nests it under another heading, and the rows below
it one level deeper. Blocks whose display depends on the date (past key dates, open
consultations) compute it when they render, never when they are saved, so that a
page published months ago still tells the truth. Pass ``ogp_now`` (an aware
datetime) in the render context to render them as of another moment, as tests and
previews do.
"""

import uuid

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..snippets.localized import reading_language

HEADING_LEVELS = [("2", "2"), ("3", "3"), ("4", "4")]
# Django's templates and Wagtail's page context use these names; ours start with ogp_.
NOW_CONTEXT_KEY = "ogp_now"


def render_now(context):
    """The moment a block renders as of: ``ogp_now`` from the context, else now."""
    now = (context or {}).get(NOW_CONTEXT_KEY)
    return now if now is not None else timezone.now()


def shown_pages(pages, chosen):
    """The pages an editor chose, as residents reading them now may see them; one query.

    ``pages`` is the page queryset a block reads from (its model, live and public) and
    ``chosen`` the pages chosen. Returns ``{chosen page's pk: page shown}``: the chosen
    page's version in the language being read when there is one, so that a French
    page's blocks lead to French pages; else the page chosen. A chosen page that is
    not live and public, in either language, is left out.
    """
    chosen = [page for page in chosen if page is not None]
    if not chosen:
        return {}
    language = reading_language()
    by_key = {page.translation_key: page.pk for page in chosen}
    candidates = pages.filter(translation_key__in=list(by_key)).filter(
        Q(pk__in=[page.pk for page in chosen]) | Q(locale__language_code=language)
    )
    shown = {}
    # The chosen page first, its version in the language being read over it.
    for page in sorted(candidates, key=lambda page: page.pk != by_key[page.translation_key]):
        shown[by_key[page.translation_key]] = page
    return shown


def shown_page(pages, chosen):
    """:func:`shown_pages` for one chosen page (or None): the page shown, or None."""
    return shown_pages(pages, [chosen]).get(getattr(chosen, "pk", None))


class HeadingLevelBlock(blocks.ChoiceBlock):
    """The level of a block's heading: 2 (a section of the page), 3 or 4 (nested)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", HEADING_LEVELS)
        kwargs.setdefault("default", "2")
        kwargs.setdefault("label", _("heading level"))
        kwargs.setdefault(
            "help_text",
            _("2 for a section of the page; 3 or 4 when it sits under another heading."),
        )
        super().__init__(**kwargs)


class SectionBlock(blocks.StructBlock):
    """Base of the library's blocks: an optional heading and its level.

    Templates get ``heading_level`` (2 to 4), ``item_heading_level`` (one deeper,
    for the rows of a list) and ``block_id`` (a unique HTML id prefix: the
    StreamField child's id when there is one), besides ``value``.
    """

    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        help_text=_("Leave empty for the default heading."),
    )
    heading_level = HeadingLevelBlock()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        level = int(value.get("heading_level") or 2)
        context["heading_level"] = level
        context["item_heading_level"] = min(level + 1, 6)
        block_id = context.get("id") or uuid.uuid4().hex[:12]
        context["block_id"] = f"ogp-block-{block_id}"
        return context

    class Meta:
        group = _("Open government")
