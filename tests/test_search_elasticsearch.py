"""The Elasticsearch engine: its mappings, its query bodies, its indexing through the client.

No Elasticsearch server runs here. The mappings and query bodies are compared with
the bodies Elasticsearch must receive; the indexing goes through the real client, whose
node is replaced by :class:`FakeServer`, which records every request and answers as a
server would (aliases and indices kept, versions refused as an 8.x server refuses a
9.x client). With ``OGP_ELASTICSEARCH_URL`` set, the last tests run against that server
and compare every answer with the database engine's.
"""

import datetime
import json
import os
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

import elasticsearch
import pytest
from django.core.exceptions import ImproperlyConfigured
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders

# The type a node answers is not exported at the top of elastic_transport.
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch
from wagtail.models import Locale

from ogp_wagtail.search import indexer
from ogp_wagtail.search.database import DatabaseEngine
from ogp_wagtail.search.documents import SearchDocument
from ogp_wagtail.search.elasticsearch import (
    ElasticsearchEngine,
    index_definition,
    search_request,
    stale_request,
)
from ogp_wagtail.search.query import Hit, ParsedText, SearchQuery, parse_text

from . import factories
from .conftest import make_commitment

CLIENT_MAJOR = int(elasticsearch.__versionstr__.split(".")[0])
SERVER_URL = os.environ.get("OGP_ELASTICSEARCH_URL")


# The mappings


def expected_index(analyser, alias=None):
    """The index Elasticsearch must create, its text analysed by ``analyser``."""
    expected = {
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "key": {"type": "keyword"},
                "kind": {"type": "keyword"},
                "locale_id": {"type": "integer"},
                "path": {"type": "keyword"},
                "page_id": {"type": "integer"},
                "url_suffix": {"type": "keyword", "index": False},
                "title": {"type": "text", "analyzer": analyser},
                "body": {"type": "text", "analyzer": analyser},
                "date": {"type": "date"},
                "year": {"type": "integer"},
                "plan_id": {"type": "integer"},
                "commitment_id": {"type": "integer"},
                "status": {"type": "keyword"},
                "status_until": {"type": "date"},
                "percent": {"type": "integer"},
                "policy_areas": {"type": "integer"},
                "sectors": {"type": "integer"},
                "ogp_values": {"type": "integer"},
                "jurisdictions": {"type": "integer"},
            },
        }
    }
    if alias:
        expected["aliases"] = {alias: {}}
    return expected


@pytest.mark.parametrize(
    ("language", "analyser"),
    [
        ("fr", "french"),
        ("ar", "arabic"),
        ("es", "spanish"),
        ("en", "english"),
        ("fr-ca", "french"),
        ("pt", "standard"),
        ("zh-hans", "standard"),
    ],
)
def test_each_language_is_analysed_by_its_own_built_in_analyser(language, analyser):
    index = index_definition(f"ogp-wagtail-{language}-1", language)
    assert index.to_dict() == expected_index(analyser)


def test_an_index_created_for_an_update_carries_its_alias():
    index = index_definition("ogp-wagtail-fr-20260101", "fr", alias="ogp-wagtail-fr")
    assert index.to_dict() == expected_index("french", alias="ogp-wagtail-fr")


# The query bodies

HIT_SOURCE = [
    "key",
    "kind",
    "page_id",
    "url_suffix",
    "title",
    "body",
    "date",
    "plan_id",
    "status",
    "percent",
]


def query(words=(), phrases=(), chosen=None, **options):
    return SearchQuery(
        text=ParsedText(words=tuple(words), phrases=tuple(phrases)),
        locale_id=2,
        language="fr",
        root_path="00010002",
        chosen=chosen or {},
        **options,
    )


def counted(field, within):
    """A facet's aggregation: ``field``'s values (explicit size) among ``within``."""
    return {"filter": within, "aggs": {"counts": {"terms": {"field": field, "size": 1000}}}}


ALL = {"match_all": {}}
IN_THE_LANGUAGE_AND_SITE = [{"term": {"locale_id": 2}}, {"prefix": {"path": "00010002"}}]


def test_words_are_all_required_in_the_title_or_the_body_the_title_weighing_more():
    body = search_request(query(["budget", "ouvert"]), "ogp-wagtail-fr").to_dict()
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": "budget ouvert",
                            "type": "cross_fields",
                            "operator": "and",
                            "fields": ["title^5", "body"],
                        }
                    }
                ],
                "filter": IN_THE_LANGUAGE_AND_SITE,
            }
        },
        "aggs": {
            "type": counted("kind", ALL),
            "plan": counted("plan_id", ALL),
            "status": counted("status", ALL),
            "policy_area": counted("policy_areas", ALL),
            "sector": counted("sectors", ALL),
            "ogp_value": counted("ogp_values", ALL),
            "jurisdiction": counted("jurisdictions", ALL),
            "year": counted("year", ALL),
        },
        "sort": ["_score", {"key": {"order": "asc"}}],
        "track_total_hits": True,
        "from": 0,
        "size": 20,
        "_source": HIT_SOURCE,
    }


def test_choices_filter_the_hits_and_every_other_facets_counts():
    chosen = {"policy_area": frozenset({7, 3}), "year": frozenset({2026})}
    body = search_request(
        query(["budget"], [("données", "ouvertes")], chosen, offset=40, limit=20), "x"
    ).to_dict()
    policy_areas = {"terms": {"policy_areas": [3, 7]}}
    year = {"terms": {"year": [2026]}}
    both = {"bool": {"filter": [policy_areas, year]}}
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": "budget",
                            "type": "cross_fields",
                            "operator": "and",
                            "fields": ["title^5", "body"],
                        }
                    },
                    {
                        "multi_match": {
                            "query": "données ouvertes",
                            "type": "phrase",
                            "fields": ["title^5", "body"],
                        }
                    },
                ],
                "filter": IN_THE_LANGUAGE_AND_SITE,
            }
        },
        # The hits: every choice.
        "post_filter": both,
        "aggs": {
            "type": counted("kind", both),
            "plan": counted("plan_id", both),
            "status": counted("status", both),
            # A chosen facet counts its values under the other facets' choices only.
            "policy_area": counted("policy_areas", {"bool": {"filter": [year]}}),
            "sector": counted("sectors", both),
            "ogp_value": counted("ogp_values", both),
            "jurisdiction": counted("jurisdictions", both),
            "year": counted("year", {"bool": {"filter": [policy_areas]}}),
        },
        "sort": ["_score", {"key": {"order": "asc"}}],
        "track_total_hits": True,
        "from": 40,
        "size": 20,
        "_source": HIT_SOURCE,
    }


def test_without_words_everything_in_the_language_and_site_comes_newest_first():
    body = search_request(query(chosen={"type": frozenset({"milestone"})}), "x").to_dict()
    kind = {"terms": {"kind": ["milestone"]}}
    chosen = {"bool": {"filter": [kind]}}
    assert body == {
        "query": {"bool": {"filter": IN_THE_LANGUAGE_AND_SITE}},
        "post_filter": chosen,
        "aggs": {
            "type": counted("kind", ALL),
            "plan": counted("plan_id", chosen),
            "status": counted("status", chosen),
            "policy_area": counted("policy_areas", chosen),
            "sector": counted("sectors", chosen),
            "ogp_value": counted("ogp_values", chosen),
            "jurisdiction": counted("jurisdictions", chosen),
            "year": counted("year", chosen),
        },
        "sort": [{"date": {"order": "desc", "missing": "_last"}}, {"key": {"order": "desc"}}],
        "track_total_hits": True,
        "from": 0,
        "size": 20,
        "_source": HIT_SOURCE,
    }


def test_a_page_past_the_servers_result_window_asks_for_no_hits_but_still_counts():
    body = search_request(query(["budget"], offset=10_000), "x").to_dict()
    assert (body["from"], body["size"]) == (0, 0)
    assert body["aggs"]["type"] == counted("kind", ALL)
    assert search_request(query(["budget"], offset=9_990), "x").to_dict()["size"] == 10


def test_stale_pages_are_those_whose_status_may_have_changed_by_today():
    body = stale_request(["ogp-wagtail-en"], datetime.date(2026, 7, 1)).to_dict()
    assert body == {
        "query": {"bool": {"filter": [{"range": {"status_until": {"lte": "2026-07-01"}}}]}},
        "aggs": {"pages": {"terms": {"field": "page_id", "size": 1000}}},
        "size": 0,
    }


# The indexing pipeline, through the client, against a server that records requests


@dataclass
class Request:
    method: str
    path: str
    params: dict
    headers: dict
    body: object


class FakeServer:
    """An Elasticsearch server for the real client: it records requests, keeps aliases.

    Like a real server it refuses a client asking for a newer major's compatibility
    mode and answers 404 for a missing alias or index.
    """

    def __init__(self, version=f"{CLIENT_MAJOR}.1.0"):
        self.version = version
        self.requests = []
        self.aliases = {}  # alias -> concrete index
        self.indices = set()
        self.search_answer = None

    def client(self):
        server = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, **options):
                status, answer = server.answer(method, target, body, dict(headers or {}))
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(answer).encode() if answer else b"")

        return Elasticsearch("http://es.test:9200", node_class=Node)

    def answer(self, method, target, body, headers):
        path, _, query_string = target.partition("?")
        path = unquote(path)
        if body and path.endswith("_bulk"):
            body = [json.loads(line) for line in body.decode().splitlines() if line]
        elif body:
            body = json.loads(body)
        self.requests.append(Request(method, path, dict(parse_qsl(query_string)), headers, body))
        accept = {key.lower(): value for key, value in headers.items()}.get("accept", "")
        _, found, asked = accept.partition("compatible-with=")
        if found and int(asked) > self.major:
            return 400, {"error": {"type": "media_type_header_exception"}, "status": 400}
        return self.route(method, path, body)

    @property
    def major(self):
        return int(self.version.split(".")[0])

    def route(self, method, path, body):
        parts = path.strip("/").split("/")
        if path == "/":
            return 200, {"version": {"number": self.version}, "tagline": "You Know, for Search"}
        if parts[0] == "_alias":
            return self.get_aliases(parts[1].split(","), head=method == "HEAD")
        if path == "/_aliases":
            self.update_aliases(body["actions"])
            return 200, {"acknowledged": True}
        if path == "/_bulk":
            return 200, self.bulk(body)
        if method == "PUT":
            self.indices.add(parts[0])
            self.aliases.update(dict.fromkeys(body.get("aliases", {}), parts[0]))
            return 200, {"acknowledged": True, "index": parts[0]}
        if method == "DELETE":
            self.indices -= set(parts[0].split(","))
            return 200, {"acknowledged": True}
        if parts[-1] == "_search":
            if not any(name in self.aliases for name in parts[0].split(",")):
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            return 200, self.search_answer
        return 200, {"deleted": 0, "failures": [], "_shards": {"failed": 0}}

    def get_aliases(self, names, head):
        found = {
            self.aliases[name]: {"aliases": {name: {}}} for name in names if name in self.aliases
        }
        missing = [name for name in names if name not in self.aliases]
        if head:
            return (404 if missing else 200), None
        if missing:
            return 404, {"error": f"alias [{missing[0]}] missing", "status": 404, **found}
        return 200, found

    def update_aliases(self, actions):
        for action in actions:
            if "remove" in action:
                del self.aliases[action["remove"]["alias"]]
            else:
                self.aliases[action["add"]["alias"]] = action["add"]["index"]

    def bulk(self, lines):
        items = [
            {
                "index": {
                    "_index": line["index"]["_index"],
                    "_id": line["index"]["_id"],
                    "status": 201,
                }
            }
            for line in lines[::2]
        ]
        return {"took": 1, "errors": False, "items": items}

    def sent(self, method, endswith=""):
        return [r for r in self.requests if r.method == method and r.path.endswith(endswith)]

    def created(self):
        """The requests creating an index (``PUT /<name>``; the bulk API is ``PUT /_bulk``)."""
        return [r for r in self.sent("PUT") if not r.path.startswith("/_")]


@pytest.fixture
def server():
    return FakeServer()


@pytest.fixture
def locale_fr(db):
    return Locale.objects.create(language_code="fr")


def document(key, page_id, language="en", locale_id=1, **facts):
    return SearchDocument(
        key=key,
        kind=key.split(":")[0],
        locale_id=locale_id,
        language=language,
        page_id=page_id,
        path="000100020003",
        title=f"Title of {key}",
        text=f"Text of {key}",
        **facts,
    )


def bulk_lines(request):
    return [(line["index"]["_index"], line["index"]["_id"]) for line in request.body[::2]]


@pytest.mark.django_db
def test_replace_writes_the_pages_documents_then_drops_their_others_everywhere(server, locale_fr):
    server.aliases = {"ogp-wagtail-en": "ogp-wagtail-en-1", "ogp-wagtail-fr": "ogp-wagtail-fr-1"}
    engine = ElasticsearchEngine(client=server.client())
    milestone = document(
        "milestone:5",
        12,
        date=datetime.date(2026, 6, 1),
        plan_id=3,
        commitment_id=12,
        status="in_progress",
        status_until=datetime.date(2026, 7, 1),
        policy_areas=(4, 9),
        jurisdictions=(2,),
    )
    engine.replace([12, 40], [document("commitment:12", 12), milestone])

    (bulk,) = server.sent("PUT", "/_bulk")
    assert bulk_lines(bulk) == [
        ("ogp-wagtail-en", "commitment:12"),
        ("ogp-wagtail-en", "milestone:5"),
    ]
    assert bulk.body[3] == {
        "key": "milestone:5",
        "kind": "milestone",
        "locale_id": 1,
        "path": "000100020003",
        "page_id": 12,
        "url_suffix": "",
        "title": "Title of milestone:5",
        "body": "Text of milestone:5",
        "date": "2026-06-01",
        "year": 2026,
        "plan_id": 3,
        "commitment_id": 12,
        "status": "in_progress",
        "status_until": "2026-07-01",
        "percent": None,
        "policy_areas": [4, 9],
        "sectors": [],
        "ogp_values": [],
        "jurisdictions": [2],
    }
    assert bulk.body[1]["status"] is None  # no empty bucket in the status facet
    (delete,) = server.sent("POST", "/_delete_by_query")
    # Every language: a page's documents are found and removed wherever they are.
    assert delete.path == "/ogp-wagtail-en,ogp-wagtail-fr/_delete_by_query"
    assert delete.body == {
        "query": {
            "bool": {
                "filter": [{"terms": {"page_id": [12, 40]}}],
                "must_not": [{"ids": {"values": ["commitment:12", "milestone:5"]}}],
            }
        }
    }
    assert delete.params == {
        "conflicts": "proceed",
        "refresh": "true",
        "ignore_unavailable": "true",
        "allow_no_indices": "true",
    }
    assert server.requests.index(bulk) < server.requests.index(delete)
    assert server.created() == []


@pytest.mark.django_db
def test_replace_with_no_documents_drops_every_document_of_the_pages(server):
    server.aliases = {"ogp-wagtail-en": "ogp-wagtail-en-1"}
    ElasticsearchEngine(client=server.client()).replace([7], [])
    assert server.sent("PUT", "/_bulk") == []
    (delete,) = server.sent("POST", "/_delete_by_query")
    assert delete.path == "/ogp-wagtail-en/_delete_by_query"
    assert delete.body == {"query": {"bool": {"filter": [{"terms": {"page_id": [7]}}]}}}


@pytest.mark.django_db
def test_replace_creates_a_languages_index_behind_its_alias_on_its_first_document(server):
    server.aliases = {"ogp-wagtail-en": "ogp-wagtail-en-1"}
    ElasticsearchEngine(client=server.client()).replace(
        [30], [document("plan:30", 30, language="ar", locale_id=3)]
    )
    (create,) = server.created()
    assert create.path.startswith("/ogp-wagtail-ar-")
    assert create.body == expected_index("arabic", alias="ogp-wagtail-ar")
    (bulk,) = server.sent("PUT", "/_bulk")
    assert bulk_lines(bulk) == [("ogp-wagtail-ar", "plan:30")]
    assert server.requests.index(create) < server.requests.index(bulk)


@pytest.mark.django_db
def test_rebuild_fills_new_indices_then_swaps_every_alias_in_one_request(server, locale_fr):
    server.aliases = {
        "ogp-wagtail-en": "ogp-wagtail-en-old",
        "ogp-wagtail-fr": "ogp-wagtail-fr-old",
    }
    server.indices = {"ogp-wagtail-en-old", "ogp-wagtail-fr-old"}
    batches = [
        [document("commitment:1", 1), document("milestone:2", 1)],
        [document("plan:3", 3, language="fr", locale_id=2), document("plan:4", 4, language="ar")],
    ]
    seen = []
    ElasticsearchEngine(client=server.client()).rebuild(iter(batches), seen.append)

    assert seen == [2, 2]
    created = [request.path.strip("/") for request in server.created()]
    en, fr, ar = created
    stamp = en.removeprefix("ogp-wagtail-en-")
    assert (fr, ar) == (f"ogp-wagtail-fr-{stamp}", f"ogp-wagtail-ar-{stamp}")
    # A new index is not aliased until it is complete.
    assert all("aliases" not in request.body for request in server.created())
    assert server.created()[0].body == expected_index("english")
    assert [bulk_lines(request) for request in server.sent("PUT", "/_bulk")] == [
        [(en, "commitment:1"), (en, "milestone:2")],
        [(fr, "plan:3"), (ar, "plan:4")],
    ]
    (refresh,) = server.sent("POST", "/_refresh")
    (swap,) = server.sent("POST", "/_aliases")
    assert server.requests.index(refresh) < server.requests.index(swap)
    assert swap.body == {
        "actions": [
            {"remove": {"index": "ogp-wagtail-en-old", "alias": "ogp-wagtail-en"}},
            {"remove": {"index": "ogp-wagtail-fr-old", "alias": "ogp-wagtail-fr"}},
            {"add": {"index": ar, "alias": "ogp-wagtail-ar"}},
            {"add": {"index": en, "alias": "ogp-wagtail-en"}},
            {"add": {"index": fr, "alias": "ogp-wagtail-fr"}},
        ]
    }
    (delete,) = server.sent("DELETE")
    assert delete.path == "/ogp-wagtail-en-old,ogp-wagtail-fr-old"
    assert server.requests.index(swap) < server.requests.index(delete)
    assert server.aliases == {"ogp-wagtail-en": en, "ogp-wagtail-fr": fr, "ogp-wagtail-ar": ar}


@pytest.mark.django_db
def test_a_failed_rebuild_drops_its_new_indices_and_leaves_the_aliases(server):
    server.aliases = {"ogp-wagtail-en": "ogp-wagtail-en-old"}

    def batches():
        yield [document("commitment:1", 1)]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        ElasticsearchEngine(client=server.client()).rebuild(batches())
    (create,) = server.created()
    (delete,) = server.sent("DELETE")
    assert delete.path == create.path
    assert server.sent("POST", "/_aliases") == []
    assert server.aliases == {"ogp-wagtail-en": "ogp-wagtail-en-old"}


@pytest.mark.django_db
def test_search_reads_hits_and_counts_from_the_languages_alias(server):
    server.aliases = {"ogp-wagtail-fr": "ogp-wagtail-fr-1"}
    buckets = {
        "type": [{"key": "commitment", "doc_count": 2}],
        "year": [{"key": 2026, "doc_count": 1}],
    }
    server.search_answer = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {
                    "_id": "commitment:12",
                    "_score": 3.2,
                    "_source": {
                        "key": "commitment:12",
                        "kind": "commitment",
                        "page_id": 12,
                        "url_suffix": "",
                        "title": "Budget ouvert",
                        "body": "Texte",
                        "date": "2026-01-01",
                        "plan_id": 3,
                        "status": "in_progress",
                        "percent": 40,
                    },
                }
            ],
        },
        "aggregations": {
            name: {"doc_count": 2, "counts": {"buckets": buckets.get(name, [])}}
            for name in ("type", "plan", "status", "policy_area", "sector", "ogp_value")
            + ("jurisdiction", "year")
        },
    }
    results = ElasticsearchEngine(client=server.client()).search(query(["budget"]))

    (sent,) = server.sent("POST", "/_search")
    assert sent.path == "/ogp-wagtail-fr/_search"
    assert sent.body == search_request(query(["budget"]), "ogp-wagtail-fr").to_dict()
    assert results.total == 2
    assert results.hits == [
        Hit(
            key="commitment:12",
            kind="commitment",
            page_id=12,
            url_suffix="",
            title="Budget ouvert",
            body="Texte",
            date=datetime.date(2026, 1, 1),
            plan_id=3,
            status="in_progress",
            percent=40,
        )
    ]
    assert results.counts["type"] == {"commitment": 2}
    assert results.counts["year"] == {2026: 1}
    assert results.counts["policy_area"] == {}


@pytest.mark.django_db
def test_a_language_never_indexed_has_no_results(server):
    results = ElasticsearchEngine(client=server.client()).search(query(["budget"]))
    assert (results.total, results.hits) == (0, [])
    assert set(results.counts) == {
        "type",
        "plan",
        "status",
        "policy_area",
        "sector",
        "ogp_value",
        "jurisdiction",
        "year",
    }


@pytest.mark.django_db
def test_stale_pages_come_from_every_languages_alias(server, locale_fr):
    server.aliases = {"ogp-wagtail-en": "ogp-wagtail-en-1"}
    server.search_answer = {
        "hits": {"total": {"value": 3, "relation": "eq"}, "hits": []},
        "aggregations": {
            "pages": {"buckets": [{"key": 12, "doc_count": 2}, {"key": 40, "doc_count": 1}]}
        },
    }
    engine = ElasticsearchEngine(client=server.client())
    assert engine.stale_page_ids(datetime.date(2026, 7, 1)) == [12, 40]
    (sent,) = server.sent("POST", "/_search")
    assert sent.path == "/ogp-wagtail-en,ogp-wagtail-fr/_search"
    assert sent.params == {"ignore_unavailable": "true", "allow_no_indices": "true"}


def other_major():
    return 8 if CLIENT_MAJOR == 9 else 9


@pytest.mark.django_db
def test_a_server_of_another_major_is_refused_with_the_client_to_install():
    server = FakeServer(version=f"{other_major()}.15.0")
    engine = ElasticsearchEngine(client=server.client())
    wanted = {8: "elasticsearch>=8.18,<9", 9: "elasticsearch>=9,<10"}[other_major()]
    with pytest.raises(ImproperlyConfigured, match=f'pip install "{wanted}"') as refused:
        engine.search(query(["budget"]))
    assert f"runs {other_major()}.15.0" in str(refused.value)
    # Nothing else was asked of a server the client cannot talk to.
    assert [request.path for request in server.requests] == ["/"]


def test_a_server_of_an_unsupported_major_is_refused():
    server = FakeServer(version="7.17.9")
    with pytest.raises(ImproperlyConfigured, match="supports Elasticsearch 8 and 9"):
        ElasticsearchEngine(client=server.client()).client  # noqa: B018


@pytest.mark.django_db
def test_the_server_is_checked_once_then_used(server):
    server.aliases = {"site-a-fr": "site-a-fr-1"}
    server.search_answer = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
    engine = ElasticsearchEngine(client=server.client(), prefix="Site-A")
    engine.search(query(["budget"]))
    engine.search(query(["budget"]))
    assert [request.path for request in server.requests] == [
        "/",
        "/site-a-fr/_search",
        "/site-a-fr/_search",
    ]


# Against a real server: OGP_ELASTICSEARCH_URL=http://localhost:9200

real_server = pytest.mark.skipif(
    not SERVER_URL,
    reason="set OGP_ELASTICSEARCH_URL to run against a real Elasticsearch server (see README)",
)


@pytest.fixture
def real_engine():
    """An engine on indices of its own, deleted afterwards."""
    engine = ElasticsearchEngine(
        client=Elasticsearch(SERVER_URL), prefix=f"ogp-wagtail-test-{uuid.uuid4().hex[:12]}"
    )
    yield engine
    # Servers refuse to delete indices by wildcard (action.destructive_requires_name).
    created = engine.client.indices.get(index=f"{engine.prefix}-*").body
    if created:
        engine.client.indices.delete(index=",".join(created))


@pytest.fixture
def content(plan, organisation, ngo, home):
    """Commitments with milestones (one whose status will change), evidence, a consultation."""
    commitment = factories.full_commitment(plan, organisation, ngo)
    factories.evidence_folder(commitment)
    make_commitment(plan, "Participatory budgeting", statuses=("complete", "not_started"))
    factories.commitment_around_today(plan, "Road repairs", [("in_progress", -2, 3, 1)])
    factories.consultation(plan, commitment)
    return commitment


def both_engines(real_engine):
    database = DatabaseEngine()
    indexer.rebuild(engine=database)
    indexer.rebuild(engine=real_engine)
    return database, real_engine


def ask(engine, root, text="", chosen=None):
    asked = SearchQuery(
        text=parse_text(text),
        locale_id=root.locale_id,
        language=root.locale.language_code,
        root_path=root.path,
        chosen=chosen or {},
        limit=100,
    )
    return engine.search(asked)


def assert_same_answer(database, elastic, root, text="", chosen=None):
    expected = ask(database, root, text, chosen)
    found = ask(elastic, root, text, chosen)
    assert {hit.key for hit in found.hits} == {hit.key for hit in expected.hits}
    assert found.total == expected.total
    assert found.counts == expected.counts
    by_key = {hit.key: hit for hit in expected.hits}
    assert all(hit == by_key[hit.key] for hit in found.hits)
    return found


@real_server
@pytest.mark.django_db
def test_real_a_word_only_in_a_milestone_finds_it_and_its_commitment(content, home, real_engine):
    database, elastic = both_engines(real_engine)
    found = assert_same_answer(database, elastic, home, "MS-2")
    milestone = content.milestones.get(sort_order=1)
    assert {hit.key for hit in found.hits} == {
        f"commitment:{content.pk}",
        f"milestone:{milestone.pk}",
    }


@real_server
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("EV-DESC", None),
        ("milestone", None),
        ("milestone", {"type": frozenset({"milestone"})}),
        ("", None),
        ("", {"type": frozenset({"commitment", "evidence"}), "year": frozenset({2026})}),
        ("budget", {"status": frozenset({"in_progress", "complete"})}),
        ('"Signed minutes"', None),
    ],
)
def test_real_results_and_facet_counts_are_the_databases(content, home, real_engine, text, chosen):
    database, elastic = both_engines(real_engine)
    assert_same_answer(database, elastic, home, text, chosen)


@real_server
@pytest.mark.django_db
def test_real_replace_and_stale_pages_follow_the_database(content, home, real_engine):
    database, elastic = both_engines(real_engine)
    database.replace([content.pk], [])
    elastic.replace([content.pk], [])
    found = assert_same_answer(database, elastic, home, "MS-2")
    assert found.hits == []
    later = datetime.date(2030, 1, 1)
    stale = sorted(database.stale_page_ids(later))
    assert stale  # the road repairs' milestone becomes overdue
    assert sorted(elastic.stale_page_ids(later)) == stale


@real_server
@pytest.mark.django_db
def test_real_a_second_rebuild_replaces_the_first_behind_the_alias(content, home, real_engine):
    database, elastic = both_engines(real_engine)
    first = elastic.client.indices.get_alias(name=elastic.alias("en")).body
    indexer.rebuild(engine=elastic)
    second = elastic.client.indices.get_alias(name=elastic.alias("en")).body
    assert set(first).isdisjoint(second)
    assert not elastic.client.indices.exists(index=",".join(first))
    assert_same_answer(database, elastic, home, "milestone")
