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

from collections import Counter
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

    def stored(self, values):
        """``values`` as :func:`count_facets` reads them in a row (ids of a list as text)."""
        return frozenset(str(value) for value in values) if self.many else frozenset(values)

    def holds(self, stored_value, chosen):
        """Python's reading of a choice: is ``stored_value`` counted under one of ``chosen``?"""
        if self.many:
            return not chosen.isdisjoint(stored_value.split())
        return stored_value in chosen


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
# The columns a row handed to count_facets starts with; an engine may add its own after.
ROW_COLUMNS = ("id", "date", *(facet.field for facet in FACETS))
FIRST_FACET = 2


def count_facets(rows, chosen):
    """``(kept, {facet name: {value: count}})`` over ``rows`` given the ``chosen`` values.

    ``rows`` are tuples starting with :data:`ROW_COLUMNS`; ``chosen`` maps facet names
    to sets of values. ``kept`` lists the rows every choice keeps.

    A row failing no choice counts for every facet; a row failing one facet's choice
    only still counts for that facet's values (what choosing them instead would give);
    others count nowhere. The counting itself runs in ``Counter``'s C loop.
    """
    positions = list(enumerate(FACETS, start=FIRST_FACET))
    tests = [
        (position, facet, facet.stored(chosen[facet.name]))
        for position, facet in positions
        if chosen.get(facet.name)
    ]
    failing_only = {position: [] for position, _facet in positions}
    if tests:
        kept = []
        for row in rows:
            failed = [
                position
                for position, facet, selected in tests
                if not facet.holds(row[position], selected)
            ]
            if not failed:
                kept.append(row)
            elif len(failed) == 1:
                failing_only[failed[0]].append(row)
    else:
        kept = list(rows)
    counts = {}
    for position, facet in positions:
        counted = kept + failing_only[position] if failing_only[position] else kept
        stored = Counter(row[position] for row in counted)
        if facet.many:
            # Few distinct lists ("3 7" for every milestone of a commitment): split each once.
            values = Counter()
            for listed, count in stored.items():
                for value in listed.split():
                    values[int(value)] += count
            counts[facet.name] = dict(values)
        else:
            counts[facet.name] = {
                value: count for value, count in stored.items() if value is not None and value != ""
            }
    return kept, counts
