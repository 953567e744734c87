"""The default search engine: the site's own database, with no other service to run.

**How relevance stays cheap.** ``modelsearch`` ranks on SQLite with a correlated
``bm25`` subquery per matching row, each re-running the full-text match: its cost
grows with the square of the number of matches (26 s for 6,000). Here a search is two
statements, none of them per row, and no matching row travels to Python:

1. one statement (:mod:`.faceted`) where the full-text engine finds the matches and
   scores each of them once (FTS5's ``bm25()`` on SQLite, ``ts_rank`` on PostgreSQL),
   joined to the short columns the facets read; the database keeps them
   (``MATERIALIZED``), counts every facet with a ``GROUP BY`` and returns the facet
   counts, the total and the ids of the page of results, ranked (``ROW_NUMBER() OVER
   (ORDER BY score)``);
2. the stored title, text and facts of those ids.

The cost is one linear pass over the matches, in the database's C code (the ranking
sort, n log n); nothing repeats the match per row and the answer stays about a
hundred rows however many match. ``make bench`` reports it at 10,000 items.

**Full text per database.** The migrations add to :class:`.models.SearchEntry` an FTS5
table beside it on SQLite (``unicode61``, diacritics folded: "ete" finds "été"), or a
``tsvector`` column with a GIN index on PostgreSQL (in the entry: a search reads one
table), built with the text-search
configuration of each entry's language (``french``, ``arabic``, ``spanish``,
``english``, else ``simple``). Other databases match words with ``LIKE`` and order by
date. Nothing typed reaches a query syntax, so a stray ``"`` cannot raise an error
(wagtail#13227): SQLite gets each word quoted (and matched by its beginning, in place of
the stemming it lacks), PostgreSQL reads the typed text with ``plainto_tsquery`` and
``phraseto_tsquery``, the same parser as its documents.
"""

import datetime
import json
import unicodedata
from functools import lru_cache

from django.db import connection, transaction

from .faceted import BY_DATE, BY_SCORE, MATCH_COLUMNS, entries_sql, faceted_search
from .facets import FACETS
from .models import SearchEntry
from .query import HIT_FIELDS, Hit, SearchResults, stemmed_language

FTS_TABLE = "ogp_wagtail_searchentry_fts"
# PostgreSQL's tsvector is a column of the entries (migration 0008), unknown to the model.
DOCUMENT = "document"
# Words of this length or more also find longer words they begin ("budget": "budgets"),
# which stands in for stemming where the database has none (SQLite).
PREFIX_FROM = 3
TITLE_WEIGHT = 5.0
ENTRY_TABLE = SearchEntry._meta.db_table


HIT_COLUMNS = ("id", *HIT_FIELDS)


def fold(text):
    """``text`` without diacritics ("été": "ete"), as SQLite's ``remove_diacritics`` reads it.

    PostgreSQL's ``unaccent`` is an extension a site may not be allowed to install; folding
    here gives both databases the same matching, and Arabic loses its optional vowel marks.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not _is_mark(char)))


@lru_cache(maxsize=4096)
def _is_mark(char):
    return unicodedata.category(char) == "Mn"


def pg_config(language):
    return stemmed_language(language, "simple")


class FullText:
    """Words matched and ranked by the database's full-text engine."""

    def __init__(self, vendor):
        self.vendor = vendor

    # Writing
    def insert(self, cursor, rows):
        """``rows``: ``(entry id, language, title, body)``."""
        if self.vendor == "sqlite":
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, title, body) for pk, _language, title, body in rows],
            )
        elif self.vendor == "postgresql":
            cursor.executemany(
                f"UPDATE {ENTRY_TABLE} SET {DOCUMENT} = "
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'B') WHERE id = %s",
                [
                    (pg_config(language), fold(title), pg_config(language), fold(body), pk)
                    for pk, language, title, body in rows
                ],
            )

    def delete(self, cursor, entry_ids):
        # PostgreSQL's documents go with their entries.
        if entry_ids and self.vendor == "sqlite":
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN (SELECT value FROM json_each(%s))",
                [json.dumps(list(entry_ids))],
            )

    def clear(self, cursor):
        if self.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def tidy_after_commit(self):
        """``VACUUM ANALYZE`` the entries once a rebuild is committed (it cannot run in a
        transaction). Without fresh statistics PostgreSQL's planner skips the GIN index and
        reads every entry for a rare word; without the vacuum the index keeps the rebuild's
        rows in its pending list and reads them all on each search (12 ms and 4 ms instead
        of 0.5 at 10,000)."""
        if self.vendor == "postgresql":
            transaction.on_commit(self._vacuum)

    def _vacuum(self):
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {ENTRY_TABLE}")

    # Reading
    def fts5_expression(self, text):
        """SQLite's query for ``text`` (:class:`.query.ParsedText`), every word quoted."""
        parts = [f'"{word}"*' if len(word) >= PREFIX_FROM else f'"{word}"' for word in text.words]
        parts += ['"' + " ".join(phrase) + '"' for phrase in text.phrases]
        return " AND ".join(parts)

    def tsquery(self, text, language):
        """PostgreSQL's query for ``text``: SQL and parameters.

        ``plainto_tsquery`` and ``phraseto_tsquery`` read what was typed with the same
        parser as the documents, and never fail on any character.
        """
        config = pg_config(language)
        parts, params = [], []
        if text.plain.strip():
            parts.append("plainto_tsquery(%s::regconfig, %s)")
            params += [config, fold(text.plain)]
        for phrase in text.phrase_texts:
            parts.append("phraseto_tsquery(%s::regconfig, %s)")
            params += [config, fold(phrase)]
        return "(" + " && ".join(parts) + ")", params

    def matches(self, text, language, locale_id, root_path):
        """SQL and parameters of the entries of the language and site matching ``text``,
        as :data:`.faceted.MATCH_COLUMNS`, each scored once by the full-text engine (lower
        is better)."""
        columns = ", ".join(f"e.{column}" for column in MATCH_COLUMNS[:-1])
        where = "e.locale_id = %s AND e.path LIKE %s"  # tree paths hold no LIKE wildcard
        scope = [locale_id, f"{root_path}%"]
        if self.vendor == "sqlite":
            return (
                f"SELECT {columns}, bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score "
                # CROSS JOIN keeps the full-text match as the outer loop: with a plain JOIN
                # SQLite may walk the entries and re-run the match for each (5 s at 5,000).
                f"FROM {FTS_TABLE} CROSS JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH %s AND {where}",
                [self.fts5_expression(text), *scope],
            )
        query, params = self.tsquery(text, language)
        # The query written out twice, not joined from a subquery: the planner then
        # uses the GIN index (a rare word read every document: 18 ms at 10,000).
        return (
            f"SELECT {columns}, -ts_rank(e.{DOCUMENT}, {query}) AS score "
            f"FROM {ENTRY_TABLE} e WHERE e.{DOCUMENT} @@ {query} AND {where}",
            [*params, *params, *scope],
        )


class DatabaseEngine:
    """Indexes :class:`.documents.SearchDocument` rows and searches them in the database."""

    name = "database"
    # Its errors are the site's own database's: they fail the request like any other.
    unavailable = ()

    @property
    def full_text(self):
        return FullText(connection.vendor)

    def replace(self, page_ids, documents):
        """Replace every entry of ``page_ids`` by ``documents`` (those pages' fresh ones)."""
        page_ids = list(page_ids)
        with transaction.atomic(), connection.cursor() as cursor:
            stale = list(
                SearchEntry.objects.filter(page_id__in=page_ids).values_list("pk", flat=True)
            )
            self.full_text.delete(cursor, stale)
            SearchEntry.objects.filter(pk__in=stale).delete()
            self._insert(cursor, documents)

    def _insert(self, cursor, documents):
        entries = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    key=document.key,
                    kind=document.kind,
                    locale_id=document.locale_id,
                    page_id=document.page_id,
                    path=document.path,
                    url_suffix=document.url_suffix,
                    title=document.title[:255],
                    body=document.body,
                    date=document.date,
                    year=document.year,
                    plan_id=document.plan_id,
                    commitment_id=document.commitment_id,
                    status=document.status,
                    status_until=document.status_until,
                    percent=document.percent,
                    end_date=document.end_date,
                    **{facet.field: facet.column_value(document) for facet in FACETS if facet.many},
                )
                for document in documents
            ]
        )
        if entries and entries[0].pk is None:  # databases that do not return ids
            keys = [entry.key for entry in entries]
            ids = dict(SearchEntry.objects.filter(key__in=keys).values_list("key", "pk"))
            for entry in entries:
                entry.pk = ids[entry.key]
        languages = {document.key: document.language for document in documents}
        self.full_text.insert(
            cursor,
            [(entry.pk, languages[entry.key], entry.title, entry.body) for entry in entries],
        )

    def stale_page_ids(self, today):
        """Pages whose commitment status may have changed since it was indexed."""
        return list(
            # A range, not "<=": the index then skips the many entries without a date.
            SearchEntry.objects.filter(status_until__range=(datetime.date.min, today))
            .values_list("page_id", flat=True)
            .distinct()
        )

    def entries(self, query):
        """The entries in the query's language and site, before any word or facet."""
        return SearchEntry.objects.filter(
            locale_id=query.locale_id, path__startswith=query.root_path
        )

    def matches(self, query):
        """SQL and parameters of the entries matching the words, and how to order them."""
        text = query.text
        full_text = self.full_text
        if not text.is_empty and full_text.vendor in ("sqlite", "postgresql"):
            sql, params = full_text.matches(text, query.language, query.locale_id, query.root_path)
            return sql, params, BY_SCORE
        entries = self.entries(query)
        for word in text.all_words:  # other databases: words anywhere, newest first
            entries = entries.filter(body__icontains=word)
        sql, params = entries_sql(entries)
        return sql, params, BY_DATE

    def search(self, query):
        sql, params, order = self.matches(query)
        total, counts, page_ids = faceted_search(
            sql, params, query.chosen, order=order, offset=query.offset, limit=query.limit
        )
        found = {
            row["id"]: row
            for row in SearchEntry.objects.filter(pk__in=page_ids).values(*HIT_COLUMNS)
        }
        hits = [
            Hit(**{name: found[pk][name] for name in HIT_FIELDS}) for pk in page_ids if pk in found
        ]
        return SearchResults(total=total, hits=hits, counts=counts)

    def rebuild(self, batches, progress=None):
        """Replace the whole index in one transaction: searches see the old one until it ends."""
        with transaction.atomic(), connection.cursor() as cursor:
            self.full_text.clear(cursor)
            SearchEntry.objects.all().delete()
            for batch in batches:
                self._insert(cursor, batch)
                if progress:
                    progress(len(batch))
            self.full_text.tidy_after_commit()
