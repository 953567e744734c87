"""The facets of the public search, each read one way in Python and one way in SQL.

A document is counted under a facet's values (a commitment under each of its
policy areas). Counts are *disjunctive*: the count of a value is the number of
results the search would give with that value chosen and every other facet's
choices kept, so a resident sees what each choice would give. Within a facet the
chosen values are alternatives (OR); across facets they all apply (AND).

Multi-valued facets are stored in the database as a space-framed list of ids
(``" 3 7 "``): one row per document, so that a filter is a ``LIKE '% 3 %'`` and the
counts of a facet come from one ``GROUP BY`` of its lists (:mod:`.faceted`).
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

    def column_value(self, document):
        """What the database stores for ``document`` in this facet's column."""
        value = getattr(document, self.field)
        if self.many:
            return f" {' '.join(str(part) for part in value)} " if value else ""
        return value

    def q(self, values):
        """The database's reading of a choice: rows counted under any of ``values``."""
        if self.many:
            return reduce(or_, (Q(**{f"{self.field}__contains": f" {v} "}) for v in values))
        return Q(**{f"{self.field}__in": values})

    def condition(self, values):
        """The SQL reading of a choice, on this facet's column: SQL and its parameters.

        The same rule as :meth:`q`, written out for the statement of :mod:`.faceted`.
        """
        values = sorted(values)
        if self.many:
            sql = " OR ".join([f"{self.field} LIKE %s"] * len(values))
            return f"({sql})", [f"% {value} %" for value in values]
        return f"{self.field} IN ({', '.join(['%s'] * len(values))})", values

    def value(self, stored_text):
        """A value as the statement of :mod:`.faceted` returns it (as text), typed."""
        return int(stored_text) if self.numeric else stored_text


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
# The columns of an index row the facets read, after its id and date.
FACET_COLUMNS = tuple(facet.field for facet in FACETS)
