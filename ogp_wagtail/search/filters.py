"""The search's parameters as django-filter ``FilterSet``s over the index.

:class:`SearchFilterSet` checks every parameter of the public search against an
allow-list of values: the document types, the progress labels, and, for the
current language and site, the plans, taxonomy terms, jurisdictions and years
the index holds. A value that is not on the list is ignored and reported
(:attr:`SearchFilterSet.ignored`); a query too long or holding a NUL character
makes the whole request invalid (:attr:`SearchFilterSet.query_error`).

:class:`CommitmentFilterSet` is the same set narrowed to a plan's commitments,
with a sort: the plan page's list, which filters and sorts in the database
through :attr:`~django_filters.FilterSet.qs`.
"""

from operator import itemgetter

import django_filters
from django import forms
from django.apps import apps
from django.db import connection
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page

from ..progress import ProgressLabel
from .documents import SearchKind
from .facets import FACET_BY_NAME
from .models import SearchEntry
from .query import MAX_QUERY_LENGTH, parse_text

# Any year an OGP Local plan (the programme began in 2016) may be dated, and then some.
FIRST_YEAR, LAST_YEAR = 2000, 2100
TAXONOMIES = {
    "policy_area": "PolicyArea",
    "sector": "Sector",
    "ogp_value": "OGPValue",
    "jurisdiction": "Jurisdiction",
}


class YearsField(forms.TypedMultipleChoiceField):
    """Years from :data:`FIRST_YEAR` to :data:`LAST_YEAR`, checked rather than listed: a
    list of a hundred choices would be copied and normalised on every search."""

    def valid_value(self, value):
        text = str(value)
        # Four digits first: int() of a 5,000-digit string raises (Python's 4,300 limit).
        return (
            len(text) == 4
            and text.isascii()
            and text.isdigit()
            and FIRST_YEAR <= int(text) <= LAST_YEAR
        )


class YearsFilter(django_filters.TypedMultipleChoiceFilter):
    field_class = YearsField


def labelled_choices(locale, root_path, taxonomies):
    """``{facet name: [(id, label)]}`` of ``taxonomies`` (facet name: model name) in
    ``locale``, and of the plans below ``root_path`` unless it is ``None``, in list
    order (the models' own; plans newest first).

    One statement, written out: every search runs it, and building the same union
    through the ORM took longer than the database took to answer it.
    """
    parts, params = [], []
    for name, model_name in taxonomies.items():
        model = apps.get_model("ogp_wagtail", model_name)
        order = ", ".join(
            quote(model._meta.get_field(field).column) for field in model._meta.ordering
        )
        parts.append(
            f"SELECT %s, ROW_NUMBER() OVER (ORDER BY {order}), id, name "
            f"FROM {quote(model._meta.db_table)} WHERE locale_id = %s"
        )
        params += [name, locale.pk]
    choices = {name: [] for name in taxonomies}
    if root_path is not None:
        # Plans from the page tree, not from a scan of the index.
        plans = quote(apps.get_model("ogp_wagtail", "StrategicVisionPage")._meta.db_table)
        parts.append(
            "SELECT %s, ROW_NUMBER() OVER (ORDER BY plan.start_date DESC, page.id), "
            f"page.id, page.title FROM {plans} plan "
            f"JOIN {quote(Page._meta.db_table)} page ON page.id = plan.page_ptr_id "
            "WHERE page.locale_id = %s AND page.path LIKE %s"  # paths hold no LIKE wildcard
        )
        params += ["plan", locale.pk, f"{root_path}%"]
        choices["plan"] = []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    for name, _position, pk, label in sorted(rows, key=itemgetter(0, 1)):
        choices[name].append((pk, label))
    return choices


def quote(name):
    return connection.ops.quote_name(name)


def facet_filter(queryset, name, value):
    """Rows counted under any of the chosen values (the facet's database reading)."""
    return queryset.filter(FACET_BY_NAME[name].q(value)) if value else queryset


class SearchFilterSet(django_filters.FilterSet):
    """The public search's query and facets, for one language and one site."""

    q = django_filters.CharFilter(
        label=_("Search for"), max_length=MAX_QUERY_LENGTH, method="keep_all"
    )
    type = django_filters.MultipleChoiceFilter(
        label=FACET_BY_NAME["type"].legend, choices=SearchKind.choices, method=facet_filter
    )
    plan = django_filters.TypedMultipleChoiceFilter(
        label=FACET_BY_NAME["plan"].legend, coerce=int, method=facet_filter
    )
    status = django_filters.MultipleChoiceFilter(
        label=FACET_BY_NAME["status"].legend, choices=ProgressLabel.choices, method=facet_filter
    )
    policy_area = django_filters.TypedMultipleChoiceFilter(
        label=FACET_BY_NAME["policy_area"].legend, coerce=int, method=facet_filter
    )
    sector = django_filters.TypedMultipleChoiceFilter(
        label=FACET_BY_NAME["sector"].legend, coerce=int, method=facet_filter
    )
    ogp_value = django_filters.TypedMultipleChoiceFilter(
        label=FACET_BY_NAME["ogp_value"].legend, coerce=int, method=facet_filter
    )
    jurisdiction = django_filters.TypedMultipleChoiceFilter(
        label=FACET_BY_NAME["jurisdiction"].legend, coerce=int, method=facet_filter
    )
    year = YearsFilter(label=FACET_BY_NAME["year"].legend, coerce=int, method=facet_filter)

    class Meta:
        model = SearchEntry
        fields = []

    def __init__(self, data=None, *, locale, root_path, **kwargs):
        self.locale = locale
        self.root_path = root_path
        queryset = SearchEntry.objects.filter(locale=locale, path__startswith=root_path)
        super().__init__(self._with_typed_filters(data), queryset=queryset, **kwargs)
        for name, choices in self._choices(queryset).items():
            if name in self.filters:
                self.filters[name].extra["choices"] = choices

    def keep_all(self, queryset, name, value):
        # Words are matched by the engine, not by this queryset.
        return queryset

    def _choices(self, entries):
        """Every value each facet accepts here, with its label: the allow-list."""
        # Years have no list (YearsField): any in range is accepted, labelled by itself.
        return labelled_choices(self.locale, self.root_path, TAXONOMIES)

    @property
    def text(self):
        """The words, phrases and typed filters of a valid query (nothing if it is invalid)."""
        self.errors  # noqa: B018 -- validates the form, which fills cleaned_data
        return parse_text(self.form.cleaned_data.get("q") or "")

    @property
    def query_error(self):
        """Why the query itself cannot be searched (too long, a NUL character), or ``None``."""
        errors = self.form.errors.get("q")
        return errors[0] if errors else None

    @property
    def ignored(self):
        """``[(facet legend, message)]`` for each parameter left out of the search."""
        ignored = [
            (self.filters[name].label, errors[0])
            for name, errors in self.form.errors.items()
            if name != "q" and name in self.filters
        ]
        ignored += [
            (key, _("“%(key)s:” is not a filter; it was left out.") % {"key": key})
            for key, _value in self._unknown_typed_filters
        ]
        return ignored

    def chosen(self):
        """``{facet name: frozenset(values)}`` of the valid choices."""
        self.errors  # noqa: B018 -- validates the form, which fills cleaned_data
        return {
            name: frozenset(values)
            for name, values in self.form.cleaned_data.items()
            if name in FACET_BY_NAME and values
        }

    def _with_typed_filters(self, data):
        """The parameters, with the ``key:value`` filters typed in the query added.

        Only facet names are keys; other keys are reported by :attr:`ignored`.
        """
        self._unknown_typed_filters = []
        if data is None:
            return None
        data = data.copy()
        query = data.get("q", "")
        if len(query) > MAX_QUERY_LENGTH or "\x00" in query:
            return data  # the form refuses it with its own message
        for key, value in parse_text(query).filters:
            if key in FACET_BY_NAME:
                data.appendlist(key, value)
            else:
                self._unknown_typed_filters.append((key, value))
        return data


STATUS_ORDER = Case(
    *(When(status=label, then=Value(position)) for position, label in enumerate(ProgressLabel)),
    default=Value(len(ProgressLabel)),
    output_field=IntegerField(),
)


class CommitmentFilterSet(SearchFilterSet):
    """A plan's commitments, filtered by status, policy area and sector, and sorted."""

    SORTS = {
        "plan": ("path",),
        "progress": (F("percent").desc(nulls_last=True), "path"),
        "end_date": ("end_date", "path"),
        "status": (STATUS_ORDER, "path"),
        "title": ("title", "path"),
    }
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("plan", pgettext_lazy("sort", "Plan order")),
            ("progress", pgettext_lazy("sort", "Progress, highest first")),
            ("end_date", pgettext_lazy("sort", "End date, soonest first")),
            ("status", pgettext_lazy("sort", "Status")),
            ("title", pgettext_lazy("sort", "Title")),
        ],
        empty_label=None,
        method="sort_by",
        widget=forms.Select,
    )

    class Meta(SearchFilterSet.Meta):
        fields = []

    def __init__(self, data=None, *, plan, **kwargs):
        self.plan = plan
        super().__init__(data, locale=plan.locale, root_path=plan.path, **kwargs)
        for name in ("q", "type", "plan", "ogp_value", "jurisdiction", "year"):
            del self.filters[name]
        self.queryset = self.queryset.filter(kind=SearchKind.COMMITMENT, plan_id=plan.pk)

    def _choices(self, entries):
        # The list filters by status, policy area and sector only.
        names = ("policy_area", "sector")
        return labelled_choices(self.locale, None, {name: TAXONOMIES[name] for name in names})

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*self.SORTS.get(value, self.SORTS["plan"]))

    @property
    def qs(self):
        queryset = super().qs
        if not self.is_bound or not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*self.SORTS["plan"])
        return queryset
