"""One statement for a faceted search: the total, every facet's counts and a page of ids.

Given the SQL of the matching index rows (:data:`MATCH_COLUMNS`, whatever found
them: a full-text match with its score, or every entry of a plan), the database
counts, in one round trip:

- for each facet, its rows per value, *disjunctively*: with every other facet's
  choices applied, not its own (see :mod:`.facets`);
- the rows every choice keeps (the total);
- the ids of the page asked for, in the order given, with their positions.

The matches are read once (``MATERIALIZED``) and every count is a ``GROUP BY`` the
database runs in C: one per facet on SQLite, one ``GROUPING SETS`` pass for all of them
on PostgreSQL. Nothing per row comes back to Python: with 5,000 matches the
answer is about a hundred rows (one per facet value, one per hit). A multi-valued
facet is grouped by its stored list (``" 3 7 "``), few distinct ones, split here.
"""

from django.db import connection
from django.db.models import FloatField, Value

from .facets import FACET_COLUMNS, FACETS

# What the matches' SQL selects, in this order; ``score`` orders results (lower first).
MATCH_COLUMNS = ("id", "date", *FACET_COLUMNS, "score")
# How results are ordered: by relevance, or newest first when no words were typed.
BY_SCORE = "score, id"
BY_DATE = "date IS NULL, date DESC, id DESC"
TOTAL = "#total"
HIT = "#hit"


def entries_sql(entries):
    """SQL and parameters of ``entries`` (a queryset of the index) as :data:`MATCH_COLUMNS`."""
    scored = entries.annotate(score=Value(0.0, output_field=FloatField()))
    return scored.values_list(*MATCH_COLUMNS).query.sql_with_params()


def facet_counts(entries, chosen):
    """``{facet: {value: count}}`` over ``entries`` (a queryset of the index), disjunctively."""
    sql, params = entries_sql(entries)
    _total, counts, _ids = faceted_search(sql, params, chosen, order=BY_DATE)
    return counts


def choices_sql(chosen, *, leave_out=None):
    """The condition of every facet's choice but ``leave_out``'s (``""`` when there is
    none), and its parameters."""
    parts, params = [], []
    for facet in FACETS:
        values = chosen.get(facet.name)
        if values and facet.name != leave_out:
            sql, facet_params = facet.condition(values)
            parts.append(sql)
            params += facet_params
    return " AND ".join(parts), params


def where(condition):
    # No clause at all when there is no condition: SQLite reads ``WHERE 1 = 1`` slower.
    return f" WHERE {condition}" if condition else ""


def counts_by_union(chosen):
    """Each facet's counts as a ``GROUP BY`` of its own, the branches of a ``UNION ALL``."""
    parts, params = [], []
    for facet in FACETS:
        condition, condition_params = choices_sql(chosen, leave_out=facet.name)
        parts.append(
            f"SELECT %s, CAST({facet.field} AS TEXT), COUNT(*) FROM matches{where(condition)} "
            f"GROUP BY {facet.field}"
        )
        params += [facet.name, *condition_params]
    return parts, params


def counts_by_grouping_sets(chosen):
    """Every facet's counts in one pass of PostgreSQL's ``GROUPING SETS``: fewer branches
    to plan (2.8 ms to 0.4) and one hash aggregation instead of eight."""
    names, values, counts, params = [], [], [], []
    for facet in FACETS:
        grouped = f"WHEN GROUPING({facet.field}) = 0 THEN"
        names.append(f"{grouped} %s")
        params.append(facet.name)
        values.append(f"{grouped} CAST({facet.field} AS TEXT)")
    for facet in FACETS:
        condition, condition_params = choices_sql(chosen, leave_out=facet.name)
        only = f" FILTER (WHERE {condition})" if condition else ""
        counts.append(f"WHEN GROUPING({facet.field}) = 0 THEN COUNT(*){only}")
        params += condition_params
    sets = ", ".join(f"({facet.field})" for facet in FACETS)
    sql = (
        f"SELECT CASE {' '.join(names)} END, CASE {' '.join(values)} END, "
        f"CASE {' '.join(counts)} END FROM matches GROUP BY GROUPING SETS ({sets})"
    )
    return [sql], params


def statement(matches_sql, matches_params, chosen, order, offset, limit):
    """The statement over the matches: SQL and parameters. Its rows are
    ``(what, value, number)``: a facet's name, a value and its count; :data:`TOTAL`
    and the total; :data:`HIT`, an id and its position."""
    vendor = connection.vendor
    # PostgreSQL and SQLite read a CTE once when asked to; other databases may re-run it.
    materialized = "MATERIALIZED " if vendor in ("postgresql", "sqlite") else ""
    by_sets = vendor == "postgresql"
    parts, params = counts_by_grouping_sets(chosen) if by_sets else counts_by_union(chosen)
    params = [*matches_params, *params]
    condition, condition_params = choices_sql(chosen)
    parts.append(f"SELECT %s, NULL, COUNT(*) FROM matches{where(condition)}")
    params += [TOTAL, *condition_params]
    if limit:
        # Numbered after the LIMIT: a window over every match would sort them all again.
        parts.append(
            f"SELECT %s, CAST(id AS TEXT), ROW_NUMBER() OVER (ORDER BY {order}) FROM "
            f"(SELECT * FROM matches{where(condition)} ORDER BY {order} LIMIT %s OFFSET %s) page"
        )
        params += [HIT, *condition_params, limit, offset]
    sql = f"WITH matches AS {materialized}({matches_sql}) " + " UNION ALL ".join(parts)
    return sql, params


def faceted_search(matches_sql, matches_params, chosen, *, order, offset=0, limit=0):
    """``(total, counts, ids)``: the total the choices keep, ``{facet: {value: count}}``
    and the ids of rows ``offset`` to ``offset + limit`` in ``order``."""
    sql, params = statement(matches_sql, matches_params, chosen, order, offset, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return read(rows)


def read(rows):
    facets = {facet.name: facet for facet in FACETS}
    counts = {name: {} for name in facets}
    total, hits = 0, []
    for what, value, number in rows:
        if what == TOTAL:
            total = number
        elif what == HIT:
            hits.append((number, int(value)))
        elif value not in (None, ""):
            facet = facets[what]
            facet_counts = counts[what]
            for part in value.split() if facet.many else [value]:
                typed = facet.value(part)
                facet_counts[typed] = facet_counts.get(typed, 0) + number
    return total, counts, [pk for _position, pk in sorted(hits)]
