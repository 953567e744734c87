"""The facets of the public search, each read one way in Python and one way in SQL.

A document is counted under a facet's values (a commitment under each of its
policy areas). Counts are *disjunctive*: the count of a value is the number of
results the search would give with that value chosen and every other facet's
choices kept, so a resident sees what each choice would give. Within a facet the
chosen values are alternatives (OR); across facets they all apply (AND).

Multi-valued facets are stored in the database as a space-framed list of ids
(``" 3 7 "``): one row per document, so that the counts come from one read of the
matching rows and a filter is a ``LIKE '% 3 %'``.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    """A facet: its query parameter, the document attribute it reads, its legend."""

    name: str
    field: str
    legend: str
    many: bool = False
    numeric: bool = True

    def values_of(self, row):
        """The values a stored row (a mapping of columns) is counted under."""
        value = row[self.field]
        if self.many:
            return tuple(int(part) for part in value.split())
        if value is None or value == "":
            return ()
        return (value,)

    def column_value(self, document):
        """What the database stores for ``document`` in this facet's column."""
        value = getattr(document, self.field)
        if self.many:
            return f" {' '.join(str(part) for part in value)} " if value else ""
        return value

    def q(self, values):
        """The database's reading of :meth:`matches`: rows counted under any of ``values``."""
        if self.many:
            return reduce(or_, (Q(**{f"{self.field}__contains": f" {v} "}) for v in values))
        return Q(**{f"{self.field}__in": values})

    def matches(self, row_values, chosen):
        return not chosen or not chosen.isdisjoint(row_values)


FACETS = (
    Facet("type", "kind", _("Type"), numeric=False),
    Facet("plan", "plan_id", _("Action plan")),
    Facet("status", "status", _("Commitment status"), numeric=False),
    Facet("policy_area", "policy_areas", _("Policy area"), many=True),
    Facet("sector", "sectors", _("Sector"), many=True),
    Facet("ogp_value", "ogp_values", _("OGP value"), many=True),
    Facet("jurisdiction", "jurisdictions", _("Jurisdiction"), many=True),
    Facet("year", "year", _("Year")),
)
FACET_BY_NAME = {facet.name: facet for facet in FACETS}


def count_facets(rows, chosen):
    """``(kept, {facet name: {value: count}})`` over ``rows`` given the ``chosen`` values.

    ``rows`` are mappings of stored columns; ``chosen`` maps facet names to sets of
    values. ``kept`` lists the rows every choice keeps.
    """
    facet_values = [(facet, chosen.get(facet.name) or frozenset()) for facet in FACETS]
    counts = {facet.name: {} for facet in FACETS}
    kept = []
    for row in rows:
        values = [facet.values_of(row) for facet, _chosen in facet_values]
        failed = [
            index
            for index, (facet, selected) in enumerate(facet_values)
            if not facet.matches(values[index], selected)
        ]
        if not failed:
            kept.append(row)
        if len(failed) > 1:
            continue
        # A row failing one facet only still counts for that facet's other values.
        for index, (facet, _selected) in enumerate(facet_values):
            if failed and failed[0] != index:
                continue
            bucket = counts[facet.name]
            for value in values[index]:
                bucket[value] = bucket.get(value, 0) + 1
    return kept, counts
