"""The search engine for large deployments: Elasticsearch, through ``elasticsearch.dsl``.

Install it with the ``ogp-wagtail[elasticsearch]`` extra and set
``OGP_WAGTAIL_SEARCH_ENGINE = "elasticsearch"``. It keeps the engine contract of
:mod:`.engine` and answers like :mod:`.database`: the same results (order aside), the
same facet counts, results in the query's language and below its site's root only.

**One index per language.** Words are found through Elasticsearch's built-in
analyser of their language (``french``, ``arabic``, ``spanish``, ``english``; any
other language gets ``standard``): elision, stop words and stemming of that language
("budgets" finds "budget"). A document goes to the index of its page's language;
a search reads the index of the query's language only. Stemming stands in for the
word prefixes the database engine matches, so "bud" finds "budget" there and not here.

**Aliases, so readers never see a half-built index.** Searches and incremental
updates address ``<prefix>-<language>``, an alias of a concrete index
``<prefix>-<language>-<timestamp>``. A rebuild fills fresh concrete indices, then
moves every alias to them in one ``_aliases`` request (atomic on the server), then
deletes the old ones. An incremental update (:meth:`ElasticsearchEngine.replace`)
first writes the pages' documents under their keys (an existing document is
overwritten in place), then deletes the pages' documents it did not write: a page
never vanishes from the results while it is refreshed.

**Facets as aggregations, counted disjunctively.** As in the database's statement
(:mod:`.faceted`), a value counts the results that value would give with every
*other* facet's choices kept. Here the facet choices are a ``post_filter`` (they narrow the hits,
not the aggregations), and each facet's ``terms`` aggregation sits in a ``filter``
aggregation applying every other facet's choices. Each ``terms`` aggregation has an
explicit ``size``: by default Elasticsearch returns only the 10 largest buckets,
and a resident would see 10 of the 14 policy areas.

**Client and server majors must match.** A 9.x client asks for 9.x responses,
which an 8.x server refuses; ours reads the server's version on first use, with a
plain JSON request every server answers, and refuses a mismatch with the ``pip``
line that fixes it.
"""

import datetime
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

try:
    import elasticsearch
    from elasticsearch import Elasticsearch, NotFoundError, helpers
    from elasticsearch.dsl import Index, Mapping, Q, Search
    from elasticsearch.dsl.field import Date, Integer, Keyword, Text
except ImportError as error:  # the client is an optional extra; 8.18 brought elasticsearch.dsl
    raise ImproperlyConfigured(
        'OGP_WAGTAIL_SEARCH_ENGINE = "elasticsearch" needs the Elasticsearch client 8.18 or '
        'newer: pip install "ogp-wagtail[elasticsearch]".'
    ) from error

from ..conf import ogp_settings
from .database import TITLE_WEIGHT
from .facets import FACETS
from .query import HIT_FIELDS, Hit, SearchResults, stemmed_language

DEFAULT_ANALYSER = "standard"
TEXT_FIELDS = (f"title^{TITLE_WEIGHT:g}", "body")
# Larger than any site's number of plans, terms or jurisdictions, so no bucket is
# cut off; Elasticsearch's own default is 10.
FACET_SIZE = 1000
# Elasticsearch refuses to page past index.max_result_window (10,000 by default).
MAX_RESULT_WINDOW = 10_000
# Stale pages returned per call at most: once they are refreshed, the next call
# returns the rest.
STALE_PAGES = 1000
# The client to install for each server major: ``elasticsearch.dsl`` is in 8.18 and later.
CLIENT_FOR_SERVER = {8: "elasticsearch>=8.18,<9", 9: "elasticsearch>=9,<10"}


def analyser_for(language):
    return stemmed_language(language, DEFAULT_ANALYSER)


def index_mapping(language):
    """The fields of every document, ``title`` and ``body`` analysed in ``language``."""
    analyser = analyser_for(language)
    mapping = Mapping()
    # Only these fields: a typo in a document's fields is an error, not a new field.
    mapping.meta("dynamic", "strict")
    fields = {
        "key": Keyword(),
        "kind": Keyword(),
        "locale_id": Integer(),
        "path": Keyword(),
        "page_id": Integer(),
        "url_suffix": Keyword(index=False),
        "title": Text(analyzer=analyser),
        "body": Text(analyzer=analyser),
        "date": Date(),
        "year": Integer(),
        "plan_id": Integer(),
        "commitment_id": Integer(),
        "status": Keyword(),
        "status_until": Date(),
        "percent": Integer(),
        **{facet.field: Integer() for facet in FACETS if facet.many},
    }
    for name, field in fields.items():
        mapping.field(name, field)
    return mapping


def index_definition(name, language, alias=None):
    """The concrete index ``name`` for ``language``'s documents, under ``alias`` if given."""
    index = Index(name)
    index.mapping(index_mapping(language))
    if alias:
        index.aliases(**{alias: {}})
    return index


def document_source(document):
    """What Elasticsearch stores for a :class:`.documents.SearchDocument`."""
    return {
        "key": document.key,
        "kind": str(document.kind),
        "locale_id": document.locale_id,
        "path": document.path,
        "page_id": document.page_id,
        "url_suffix": document.url_suffix,
        "title": document.title,
        "body": document.body,
        "date": document.date,
        "year": document.year,
        "plan_id": document.plan_id,
        "commitment_id": document.commitment_id,
        # No status is no value, so that the status facet has no empty bucket.
        "status": document.status or None,
        "status_until": document.status_until,
        "percent": document.percent,
        **{facet.field: list(getattr(document, facet.field)) for facet in FACETS if facet.many},
    }


def index_actions(documents, index_of):
    """Bulk actions writing ``documents`` under their keys, into ``index_of(document)``."""
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index_of(document),
            "_id": document.key,
            "_source": document_source(document),
        }


def facet_filters(chosen, skip=None):
    """One ``terms`` filter per facet with chosen values (OR within, AND across facets)."""
    return [
        Q("terms", **{facet.field: sorted(chosen[facet.name])})
        for facet in FACETS
        if facet.name != skip and chosen.get(facet.name)
    ]


def text_query(query):
    """The words (all of them), the phrases, the language and the site of ``query``."""
    text = query.text
    must = []
    if text.words:
        # cross_fields: each word must be in the title or the body, not all in the same one.
        must.append(
            Q(
                "multi_match",
                query=" ".join(text.words),
                type="cross_fields",
                operator="and",
                fields=list(TEXT_FIELDS),
            )
        )
    must += [
        Q("multi_match", query=" ".join(phrase), type="phrase", fields=list(TEXT_FIELDS))
        for phrase in text.phrases
    ]
    filters = [Q("term", locale_id=query.locale_id)]
    if query.root_path:
        filters.append(Q("prefix", path=query.root_path))
    if must:
        return Q("bool", must=must, filter=filters)
    return Q("bool", filter=filters)


def add_facet_aggregations(search, chosen):
    """Each facet's counts, under every other facet's choices (see :mod:`.facets`)."""
    for facet in FACETS:
        others = facet_filters(chosen, skip=facet.name)
        search.aggs.bucket(
            facet.name, "filter", filter=Q("bool", filter=others) if others else Q("match_all")
        ).bucket("counts", "terms", field=facet.field, size=FACET_SIZE)
    return search


def order_of(query):
    """Relevance when words were given, else the newest first, as the database engine."""
    if query.text.is_empty:
        return [{"date": {"order": "desc", "missing": "_last"}}, {"key": {"order": "desc"}}]
    # The key breaks ties so that pages of equally relevant results do not overlap.
    return ["_score", {"key": {"order": "asc"}}]


def page_window(query):
    """``(from, size)`` of the hits asked for, within the window Elasticsearch serves."""
    size = max(0, min(query.limit, MAX_RESULT_WINDOW - query.offset))
    return (query.offset if size else 0), size


def search_request(query, index):
    """The ``Search`` answering ``query`` (:class:`.query.SearchQuery`) from ``index``."""
    chosen = {name: values for name, values in query.chosen.items() if values}
    search = Search(index=index).query(text_query(query))
    if chosen:
        search = search.post_filter(Q("bool", filter=facet_filters(chosen)))
    start, size = page_window(query)
    search = search.sort(*order_of(query)).source(list(HIT_FIELDS))
    search = search.extra(track_total_hits=True, from_=start, size=size)
    return add_facet_aggregations(search, chosen)


def stale_request(indices, today):
    """The ``Search`` for pages with a status that may have changed by ``today``."""
    search = Search(index=indices).filter("range", status_until={"lte": today.isoformat()})
    search = search.extra(size=0).params(ignore_unavailable=True, allow_no_indices=True)
    search.aggs.bucket("pages", "terms", field="page_id", size=STALE_PAGES)
    return search


def as_date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None


def hit_of(source):
    """A :class:`.query.Hit` from a document's ``_source``, typed as the database returns it."""
    return Hit(
        key=source["key"],
        kind=source["kind"],
        page_id=source["page_id"],
        url_suffix=source.get("url_suffix") or "",
        title=source["title"],
        body=source.get("body") or "",
        date=as_date(source.get("date")),
        plan_id=source.get("plan_id"),
        status=source.get("status") or "",
        percent=source.get("percent"),
    )


def no_results():
    return SearchResults(total=0, hits=[], counts={facet.name: {} for facet in FACETS})


def results_of(body):
    """:class:`.query.SearchResults` from the raw body Elasticsearch answered."""
    aggregations = body.get("aggregations", {})
    counts = {
        facet.name: {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations.get(facet.name, {}).get("counts", {}).get("buckets", [])
        }
        for facet in FACETS
    }
    return SearchResults(
        total=body["hits"]["total"]["value"],
        hits=[hit_of(hit["_source"]) for hit in body["hits"]["hits"]],
        counts=counts,
    )


def major(version):
    return int(str(version).split(".")[0])


def server_version(client):
    """The server's version number, read with a request every server major answers.

    The client's own requests ask for its major's compatibility mode, which a server
    of an older major refuses with a 400 before saying its version.
    """
    meta, info = client.transport.perform_request(
        "GET", "/", headers={"accept": "application/json"}
    )
    if not 200 <= meta.status < 300:
        raise ImproperlyConfigured(
            f"Elasticsearch answered {meta.status} to GET /: check OGP_WAGTAIL_ELASTICSEARCH_URL."
        )
    return info["version"]["number"]


def check_version(client):
    """Refuse a server whose major version is not the client's, saying what to install."""
    server = server_version(client)
    if major(server) == major(elasticsearch.__versionstr__):
        return
    wanted = CLIENT_FOR_SERVER.get(major(server))
    if wanted is None:
        raise ImproperlyConfigured(
            f"The Elasticsearch server runs {server}; ogp-wagtail supports Elasticsearch "
            f"{' and '.join(str(known) for known in CLIENT_FOR_SERVER)}."
        )
    raise ImproperlyConfigured(
        f"The Elasticsearch server runs {server} but the installed client is "
        f"elasticsearch {elasticsearch.__versionstr__}: a client only talks to a server of "
        f'its own major version. Install the matching client: pip install "{wanted}".'
    )


@cache
def connect(url):
    """One checked client per address for the process (a failed check is not kept)."""
    client = Elasticsearch(url)
    check_version(client)
    return client


def timestamp():
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")


class ElasticsearchEngine:
    """Indexes :class:`.documents.SearchDocument` objects in Elasticsearch and searches them.

    ``client`` and ``prefix`` default to the settings ``OGP_WAGTAIL_ELASTICSEARCH_URL``
    and ``OGP_WAGTAIL_ELASTICSEARCH_INDEX``.
    """

    name = "elasticsearch"
    # What an unreachable or failing server raises: publishing goes on and the search is
    # served by the database's index meanwhile (see indexer.py and pages/search.py).
    unavailable = (elasticsearch.ApiError, elasticsearch.TransportError)

    def __init__(self, client=None, prefix=None):
        self._client = client
        self._checked = False
        self.prefix = (prefix or ogp_settings.OGP_WAGTAIL_ELASTICSEARCH_INDEX).lower()

    @property
    def client(self):
        if self._client is None:
            self._client = connect(ogp_settings.OGP_WAGTAIL_ELASTICSEARCH_URL)
        elif not self._checked:
            check_version(self._client)
        self._checked = True
        return self._client

    # Names
    def alias(self, language):
        return f"{self.prefix}-{language.lower()}"

    def languages(self, documents=()):
        """The site's languages and those of ``documents``: the indices there may be."""
        known = {code.lower() for code in Locale.objects.values_list("language_code", flat=True)}
        return sorted(known | {document.language.lower() for document in documents})

    def _create_index(self, language, stamp, aliased=False):
        alias = self.alias(language)
        name = f"{alias}-{stamp}"
        index_definition(name, language, alias if aliased else None).create(using=self.client)
        return name

    # Writing
    def replace(self, page_ids, documents):
        """Write the fresh ``documents`` of ``page_ids``, then drop their other documents."""
        page_ids = sorted(set(page_ids))
        documents = list(documents)
        if not page_ids and not documents:
            return
        client = self.client
        stamp = timestamp()
        for language in sorted({document.language for document in documents}):
            if not client.indices.exists_alias(name=self.alias(language)):
                self._create_index(language, stamp, aliased=True)
        helpers.bulk(
            client, index_actions(documents, lambda document: self.alias(document.language))
        )
        stale = Q("bool", filter=[Q("terms", page_id=page_ids)])
        if documents:
            stale = Q(
                "bool",
                filter=[Q("terms", page_id=page_ids)],
                must_not=[Q("ids", values=[document.key for document in documents])],
            )
        # The refresh also makes the documents just written visible to the next search.
        client.delete_by_query(
            index=",".join(self.alias(language) for language in self.languages(documents)),
            query=stale.to_dict(),
            conflicts="proceed",
            refresh=True,
            ignore_unavailable=True,
            allow_no_indices=True,
        )

    def rebuild(self, batches, progress=None):
        """Index every batch into fresh indices, then move every alias to them at once."""
        client = self.client
        stamp = timestamp()
        built = {}
        try:
            for language in self.languages():
                built[language] = self._create_index(language, stamp)
            for batch in batches:
                for language in sorted({d.language.lower() for d in batch} - built.keys()):
                    built[language] = self._create_index(language, stamp)
                helpers.bulk(
                    client, index_actions(batch, lambda document: built[document.language.lower()])
                )
                if progress:
                    progress(len(batch))
            client.indices.refresh(index=",".join(built.values()))
        except BaseException:
            # Half-built indices are never aliased: drop them and keep serving the old ones.
            if built:
                client.indices.delete(index=",".join(built.values()), ignore_unavailable=True)
            raise
        self._swap_aliases(built)

    def _aliased_indices(self, aliases):
        """``{concrete index: alias}`` for those of ``aliases`` that exist."""
        # A missing alias answers 404 with the found ones beside the error.
        answer = self.client.options(ignore_status=404).indices.get_alias(name=",".join(aliases))
        return {
            index: alias
            for index, entry in answer.body.items()
            if isinstance(entry, dict)
            for alias in entry.get("aliases", {})
            if alias in aliases
        }

    def _swap_aliases(self, built):
        aliases = {language: self.alias(language) for language in built}
        current = self._aliased_indices(sorted(aliases.values()))
        actions = [
            {"remove": {"index": index, "alias": alias}} for index, alias in sorted(current.items())
        ]
        actions += [
            {"add": {"index": built[language], "alias": aliases[language]}}
            for language in sorted(built)
        ]
        self.client.indices.update_aliases(actions=actions)
        old = sorted(set(current) - set(built.values()))
        if old:
            self.client.indices.delete(index=",".join(old))

    # Reading
    def stale_page_ids(self, today):
        """Pages whose commitment status may have changed since it was indexed."""
        indices = [self.alias(language) for language in self.languages()]
        body = stale_request(indices, today).using(self.client).execute().to_dict()
        buckets = body.get("aggregations", {}).get("pages", {}).get("buckets", [])
        return [bucket["key"] for bucket in buckets]

    def search(self, query):
        request = search_request(query, self.alias(query.language))
        try:
            response = request.using(self.client).execute()
        except NotFoundError:
            return no_results()  # nothing was ever indexed in this language
        return results_of(response.to_dict())
