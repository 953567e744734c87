"""The engine the setting ``OGP_WAGTAIL_SEARCH_ENGINE`` selects.

Every engine offers the same five operations, on :class:`.documents.SearchDocument`
and :class:`.query.SearchQuery` only, so the pages and the indexer never know which
one serves them:

- ``replace(page_ids, documents)``: drop what the index holds for those pages and
  store their fresh documents;
- ``rebuild(batches, progress)``: replace the whole index by the documents of
  ``batches`` (lists of documents), calling ``progress(count)`` after each batch;
  readers see the old index until the new one is complete;
- ``stale_page_ids(today)``: pages whose commitment status may have changed by itself;
- ``search(query)``: a :class:`.query.SearchResults`;
- ``name``: what ``ogp_search_index`` reports;
- ``unavailable``: the exceptions an unreachable engine raises. The indexer logs them
  and publishing goes on; the search page then answers from the database's index.
"""

import logging

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from ..conf import ogp_settings

logger = logging.getLogger("ogp_wagtail.search")

ENGINES = {
    "database": "ogp_wagtail.search.database.DatabaseEngine",
    "elasticsearch": "ogp_wagtail.search.elasticsearch.ElasticsearchEngine",
}


def get_engine():
    name = ogp_settings.OGP_WAGTAIL_SEARCH_ENGINE
    if name not in ENGINES:
        raise ImproperlyConfigured(
            f"OGP_WAGTAIL_SEARCH_ENGINE is {name!r}; expected one of {', '.join(ENGINES)}."
        )
    return import_string(ENGINES[name])()


def search_with_fallback(query):
    """The serving engine's results, or the database's index's while that engine is down."""
    engine = get_engine()
    try:
        return engine.search(query)
    except engine.unavailable:
        logger.exception("The %s search engine failed; the database's index answered.", engine.name)
        return import_string(ENGINES["database"])().search(query)
