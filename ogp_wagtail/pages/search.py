"""The public search page: words, facets with their counts, and pages of results.

An integrator adds one :class:`OpenGovernmentSearchPage` per site (anywhere in the
tree; the example site has it at ``/search/``) and translates it like any page: it
searches the content of its own language below the site's home in that language.
Classification tags on commitment pages link to it (:func:`search_url`).

Bad parameters never reach an engine: a query over 200 characters or holding a NUL
character, and a page number that is not a whole number from 1 to the last page,
answer 400 with the reason; an unknown facet value or ``key:`` is left out and
reported. See :mod:`ogp_wagtail.search.filters`.
"""

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..progress import ProgressLabel
from ..search.documents import SearchKind
from ..search.engine import search_with_fallback
from ..search.excerpts import excerpt
from ..search.faceted import facet_counts
from ..search.facets import FACETS
from ..search.filters import CommitmentFilterSet, SearchFilterSet
from ..search.indexer import refresh_stale
from ..search.query import SearchQuery
from ..status.labels import choice_label
from .base import OGPPage

MAX_PAGE = 1000
# Elasticsearch pages no deeper than its first 10,000 results; neither do we, on any engine.
MAX_RESULTS = 10_000


@dataclass(frozen=True)
class FacetOption:
    value: object
    label: str
    count: int
    selected: bool

    @property
    def text(self):
        return gettext("%(label)s (%(count)s)") % {"label": self.label, "count": self.count}


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list

    @property
    def any_selected(self):
        return any(option.selected for option in self.options)


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    plan_title: str
    excerpt: str
    date_label: str
    percent: int | None
    status_label: str


def site_root(page, request):
    """The home of the page's site in the page's language (the site's home otherwise)."""
    # The site serving the request, which Wagtail already found and kept on the request:
    # ``page.get_site()`` would look it up again on every page that links to the search.
    site = Site.find_for_request(request) or page.get_site()
    root = site.root_page if site else page.get_root()
    if root.locale_id == page.locale_id:
        return root
    return root.get_translation_or_none(page.locale_id) or root


def page_number(value):
    """The page asked for, from 1; a ``ValidationError`` for anything else."""
    if value in (None, ""):
        return 1
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= MAX_PAGE:
        raise ValidationError(
            _("A page number is a whole number from 1 to %(max)s.") % {"max": MAX_PAGE}
        )
    return number


def facet_groups(filterset, counts, chosen):
    """Each facet's values with a count, and the chosen ones even at zero, in list order."""
    groups = []
    for facet in FACETS:
        if facet.name not in filterset.filters:
            continue
        facet_counts = counts.get(facet.name, {})
        selected = chosen.get(facet.name, frozenset())
        choices = filterset.filters[facet.name].extra.get("choices")
        if choices is None:  # years: checked, not listed; each its own label, newest first
            choices = [(value, str(value)) for value in sorted({*facet_counts, *selected})[::-1]]
        options = [
            FacetOption(value, str(label), facet_counts.get(value, 0), value in selected)
            for value, label in choices
            if facet_counts.get(value) or value in selected
        ]
        if options:
            groups.append(FacetGroup(facet.name, str(facet.legend), options))
    return groups


def results_for(hits, words, request, plan_titles):
    pages = Page.objects.filter(pk__in={hit.page_id for hit in hits}).select_related("locale")
    urls = {page.pk: page.get_url(request) for page in pages}
    results = []
    for hit in hits:
        url = urls.get(hit.page_id)
        if url is None:
            continue
        is_commitment = hit.kind == SearchKind.COMMITMENT
        results.append(
            Result(
                kind=hit.kind,
                kind_label=choice_label(SearchKind, hit.kind),
                title=hit.title,
                url=url + hit.url_suffix,
                plan_title=plan_titles.get(hit.plan_id, "") if hit.kind != SearchKind.PLAN else "",
                excerpt=excerpt(hit.body, words),
                date_label=date_format(hit.date) if hit.date else "",
                percent=hit.percent if is_commitment else None,
                status_label=(
                    choice_label(ProgressLabel, hit.status) if is_commitment and hit.status else ""
                ),
            )
        )
    return results


def search_page_url(page, request):
    """The address of the search page of ``page``'s site and language, or ``None``."""
    root = site_root(page, request)
    search_page = (
        OpenGovernmentSearchPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, path__startswith=root.path)
        .order_by("path")
        .first()
    )
    return search_page.get_url(request) if search_page else None


class OpenGovernmentSearchPage(OGPPage):
    """Search of the OGP content of its site, in its language, with facets."""

    introduction = RichTextField(_("introduction"), blank=True)
    results_per_page = models.PositiveSmallIntegerField(_("results per page"), default=20)

    override_translatable_fields = [
        TranslatableField("introduction"),
        SynchronizedField("results_per_page"),
    ]
    subpage_types = []
    content_panels = OGPPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("results_per_page"),
    ]

    class Meta:
        verbose_name = _("open government search")
        verbose_name_plural = _("open government searches")

    def serve(self, request, *args, **kwargs):
        context = self.get_context(request, *args, **kwargs)
        context.update(self.search(request))
        status = 400 if context["errors"] else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def search(self, request):
        """What the template shows for the request's parameters."""
        root = site_root(self, request)
        filterset = SearchFilterSet(request.GET, locale=self.locale, root_path=root.path)
        errors = []
        if filterset.query_error:
            errors.append(filterset.query_error)
        try:
            number = page_number(request.GET.get("page"))
        except ValidationError as error:
            errors.extend(error.messages)
            number = 1
        context = {
            "filterset": filterset,
            "query": request.GET.get("q", "") if not filterset.query_error else "",
            "ignored": filterset.ignored,
            "errors": errors,
            "results": [],
            "facets": [],
            "total": 0,
        }
        if errors:
            return context
        per_page = max(1, min(self.results_per_page, 100))
        chosen = filterset.chosen()
        text = filterset.text
        refresh_stale()
        found = search_with_fallback(
            SearchQuery(
                text=text,
                locale_id=self.locale_id,
                language=self.locale.language_code,
                root_path=root.path,
                chosen=chosen,
                offset=(number - 1) * per_page,
                limit=per_page,
            )
        )
        pages = max(1, math.ceil(min(found.total, MAX_RESULTS) / per_page))
        if number > pages:
            context["errors"] = [
                _("There is no page %(number)s: the results fill %(pages)s.")
                % {"number": number, "pages": pages}
            ]
            return context
        plan_titles = dict(filterset.filters["plan"].extra.get("choices") or [])
        context.update(
            results=results_for(found.hits, text.all_words, request, plan_titles),
            facets=facet_groups(filterset, found.counts, chosen),
            total=found.total,
            page_number=number,
            page_count=pages,
            previous_url=self._page_url(request, number - 1) if number > 1 else None,
            next_url=self._page_url(request, number + 1) if number < pages else None,
            searched=bool(text.all_words or chosen),
        )
        return context

    def _page_url(self, request, number):
        params = request.GET.copy()
        params["page"] = number
        return "?" + params.urlencode()


@dataclass
class CommitmentList:
    """A plan's commitments as its filter form asks: the form's state and the statuses to show.

    ``statuses`` are the plan's :class:`~ogp_wagtail.status.progress.CommitmentStatus`
    (already loaded for its dashboard), kept and ordered as the FilterSet says.
    """

    filterset: CommitmentFilterSet
    facets: list
    statuses: list
    is_filtered: bool
    sort: str

    @property
    def sort_choices(self):
        return self.filterset.filters["sort"].extra["choices"]


LIST_PARAMETERS = ("status", "policy_area", "sector", "sort")


def commitment_list(plan, request, statuses):
    """The plan's commitments filtered and sorted by the request's parameters."""
    filterset = CommitmentFilterSet(request.GET, plan=plan)
    refresh_stale()
    chosen = filterset.chosen()
    counts = facet_counts(filterset.queryset, chosen)
    by_page = {status.commitment.pk: status for status in statuses}
    ordered = filterset.qs.values_list("page_id", flat=True)
    return CommitmentList(
        filterset=filterset,
        facets=facet_groups(filterset, counts, chosen),
        statuses=[by_page[pk] for pk in ordered if pk in by_page],
        is_filtered=any(request.GET.get(name) for name in LIST_PARAMETERS),
        sort=filterset.form.cleaned_data.get("sort") or "plan",
    )
