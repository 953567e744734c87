"""The calendar of key stages and deadlines of co-creation (handbook, Annex 4).

:class:`KeyDatesBlock` renders an ordered timeline of dated entries. Whether an
entry is past, under way or upcoming is worked out each time the block renders
(never stored), and written out in words, not shown by colour alone.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

from ..choices import ConsultationStage
from .base import SectionBlock, render_now, shown_pages


class KeyDateBlock(blocks.StructBlock):
    """One stage or deadline: a date or a date range, what happens, and where to read more."""

    date = blocks.DateBlock(label=_("date"), help_text=_("The day, or the first day of a period."))
    end_date = blocks.DateBlock(
        label=_("end date"), required=False, help_text=_("For a period: its last day.")
    )
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(label=_("description"), required=False)
    stage = blocks.ChoiceBlock(label=_("stage"), choices=ConsultationStage.choices, required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    link = blocks.URLBlock(
        label=_("link"), required=False, help_text=_("Or a link elsewhere, instead of a page.")
    )

    class Meta:
        icon = "date"
        label = _("Key date")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        start, end = value.get("date"), value.get("end_date")
        if start and end and end < start:
            errors["end_date"] = ValidationError(
                _("A period ends on or after the day it starts."), code="end_before_start"
            )
        if value.get("page") and value.get("link"):
            errors["link"] = ValidationError(
                _("Choose a page or give a link, not both."), code="page_and_link"
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def _time(day):
    return format_html(
        '<time datetime="{}">{}</time>', day.isoformat(), date_format(day, "DATE_FORMAT")
    )


@dataclass
class KeyDateEntry:
    """An entry as rendered: its value, when it falls relative to today, and its link."""

    value: blocks.StructValue
    state: str  # "past", "today", "current" or "upcoming"
    url: str = ""

    @property
    def start(self):
        return self.value["date"]

    @property
    def end(self):
        end = self.value.get("end_date")
        return end if end and end != self.start else None

    @property
    def start_html(self):
        return _time(self.start)

    @property
    def end_html(self):
        return _time(self.end) if self.end else ""

    @property
    def stage_label(self):
        stage = self.value.get("stage")
        return ConsultationStage(stage).label if stage in ConsultationStage.values else ""


def entry_state(start, end, today):
    """Where a date or period stands on ``today``: past, today, current or upcoming."""
    end = end or start
    if end < today:
        return "past"
    if start > today:
        return "upcoming"
    return "today" if start == end else "current"


class KeyDatesBlock(SectionBlock):
    """A heading and an ordered timeline of key stages and deadlines.

    Entries are shown in date order, each with a ``<time datetime>``, its stage
    of co-creation when given, a description, and a link to a page (shown only
    while the page is live and public) or elsewhere. Each entry is marked, in
    words, as past, today, in progress or upcoming, as of the moment the block
    renders (``ogp_now`` in the context overrides it).
    """

    heading = blocks.CharBlock(label=_("heading"))
    dates = blocks.ListBlock(KeyDateBlock(), label=_("key dates"), min_num=1)

    class Meta:
        icon = "calendar-alt"
        label = _("Key dates")
        template = "ogp_wagtail/blocks/key_dates.html"
        description = _("The calendar of co-creation: stages and deadlines, past ones marked.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        today = timezone.localdate(render_now(context))
        dates = sorted(value["dates"], key=lambda v: (v["date"], v.get("end_date") or v["date"]))
        # One query for all the entries' pages, however many: only live, public ones link.
        shown = shown_pages(Page.objects.live().public(), [entry.get("page") for entry in dates])
        request = context.get("request")
        entries = []
        for entry in dates:
            page = shown.get(getattr(entry.get("page"), "pk", None))
            if page is not None:
                url = page.get_url(request)
            else:
                url = entry.get("link") or ""
            state = entry_state(entry["date"], entry.get("end_date"), today)
            entries.append(KeyDateEntry(value=entry, state=state, url=url))
        context["entries"] = entries
        context["today"] = today
        return context
