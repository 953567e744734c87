"""The public search of OGP content: what is indexed, how it is queried, by which engine.

- :mod:`.documents`: the one description of what is searchable (a
  :class:`~.documents.SearchDocument` per plan, commitment, milestone, progress update,
  evidence item and consultation), built from live, public pages. Every engine indexes
  these documents and nothing else.
- :mod:`.facets`: the facets (type, plan, status, policy area, sector, OGP value,
  jurisdiction, year), read the same way by the database and in Python.
- :mod:`.filters`: the django-filter ``FilterSet`` over the index, shared by the search
  page and the plan's commitment list.
- :mod:`.query`: what a resident asked, parsed and bounded.
- :mod:`.database`: the default engine, the site's own database (SQLite FTS5 or
  PostgreSQL full text), and :mod:`.elasticsearch`, the engine for large deployments.
- :mod:`.indexer`: keeps the engine's index in step with publishing.
"""
