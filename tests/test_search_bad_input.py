"""The public search never answers 500 and never loops, whatever residents or robots send.

A property-based test (hypothesis) sends the search page raw query strings: the query
``q`` with query-syntax and regex metacharacters, ``key:value`` filters, NUL bytes,
right-to-left text and up to 10,000 characters; every facet parameter with valid and
invalid values, repeated, and unknown parameters; invalid UTF-8 as percent-escapes
and as raw bytes. Each answer is a 200 or a 400 that says why, within a fixed number
of SQL queries (time is measured by ``make bench``, never asserted here). Targeted
examples pin the known cases, wagtail#13227's stray ``"`` among them.
"""

import string
from urllib.parse import quote_plus

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from ogp_wagtail.models import PolicyArea
from ogp_wagtail.pages.search import MAX_PAGE, OpenGovernmentSearchPage
from ogp_wagtail.search.facets import FACETS
from ogp_wagtail.search.filters import FIRST_YEAR, LAST_YEAR, SearchFilterSet

from . import factories

pytestmark = pytest.mark.django_db

# Wagtail's routing and serving take about ten queries (site, locale, page, its ancestors'
# restrictions, the site's home); the search a dozen: the allow-lists (four taxonomies,
# plans, years), the stale statuses, the matches, the ranked page, its hits and their
# pages. 22 in all, however many match and whatever was asked: the bound leaves a margin.
MAX_QUERIES = 25
ERROR_ELEMENT = b'id="ogp-search-errors"'
COUNT_ELEMENT = b'id="ogp-search-count"'
NOTICE = b"Some filters were left out"
RESULTS = b'class="ogp-search__list"'
FACET_NAMES = [facet.name for facet in FACETS]
UNKNOWN_NAMES = ["sort", "format", "q[]", "page[]", "__proto__", "o", "lang", "Q", "PAGE", ""]

# -- what the property test sends ----------------------------------------------------------

META = "\"'*()[]{}^$|\\+?:-~"
WORDS = ["budget", "Open", "Milestone", "MS-2", "data", "NEAR", "AND", "OR", "NOT", "the"]
INVALID_ESCAPES = ["%ff", "%fe", "%c3%28", "%e2%82", "%ed%a0%80", "%f8%88%80%80", "%", "%zz",
                   "%u0041", "%%", "%0", "%00", "%C0%80"]  # fmt: skip
ARABIC = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(" \u200f\u200e\u202b\u202e\u2067\u2069\u061c"),
    ),
    max_size=60,
)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
META_TEXT = st.text(alphabet=META + " \x00" + string.ascii_letters + string.digits, max_size=60)


@st.composite
def long_text(draw):
    """201 to 10,000 characters, built from a short piece: generating them one by one is slow."""
    piece = draw(st.one_of(st.sampled_from(['budget "', "a ", "ب", "x", META]), META_TEXT))
    length = draw(st.integers(min_value=201, max_value=10_000))
    return ((piece or "x") * length)[:length]


KEY_VALUE = st.builds(
    "{}:{}".format,
    st.one_of(st.sampled_from(FACET_NAMES + UNKNOWN_NAMES + ["TYPE", "Plan"]), META_TEXT),
    st.one_of(
        st.sampled_from(["commitment", "milestone", "on_track", "2026", "-1", "1e9", '"x y"']),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
        META_TEXT,
    ),
)
WORD_WITH_META = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", *META]),
    st.sampled_from(WORDS),
    st.sampled_from(["", *META]),
)
QUERY_PART = st.one_of(WORD_WITH_META, WORD_WITH_META, KEY_VALUE, META_TEXT, ANY_TEXT, ARABIC)
QUERY_PARTS = st.lists(QUERY_PART, max_size=8).map(" ".join)
WITH_NUL = st.builds("{}\x00{}".format, QUERY_PARTS, QUERY_PARTS)
# Mostly queries that can be searched: the engines must answer those.
QUERY = st.one_of(*[QUERY_PARTS] * 5, WITH_NUL, ANY_TEXT, long_text())
NUMBERS = st.one_of(
    st.integers(min_value=-3, max_value=6),
    st.sampled_from([MAX_PAGE, MAX_PAGE + 1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1]),
    st.integers(min_value=-(10**30), max_value=10**30),
).map(str)
WRONG_VALUES = st.one_of(
    NUMBERS,
    st.builds(lambda n: "9" * n, st.integers(min_value=20, max_value=5000)),  # int() stops at 4300
    st.sampled_from(["", " 1", "1 ", "1.0", "1e3", "0x10", "+1", "-0", "١", "NaN", "null", "[]"]),
    META_TEXT,
    ARABIC,
    ANY_TEXT,
)
UNKNOWN_NAME = st.one_of(st.sampled_from(UNKNOWN_NAMES), META_TEXT, ARABIC)


def encoded(text):
    """``text`` as a browser sends it: UTF-8, percent-escaped."""
    return quote_plus(text, safe="")


@st.composite
def raw_text(draw, text):
    """``text`` percent-escaped, or mixed with invalid UTF-8 (escaped or raw bytes)."""
    how = draw(st.sampled_from(["escaped"] * 6 + ["bad escapes", "raw bytes"]))
    if how == "escaped":
        return encoded(text)
    if how == "bad escapes":
        bad = draw(st.lists(st.sampled_from(INVALID_ESCAPES), min_size=1, max_size=4))
        cut = draw(st.integers(min_value=0, max_value=len(text)))
        return encoded(text[:cut]) + "".join(bad) + encoded(text[cut:])
    # The WSGI server hands Django the bytes as latin-1 characters.
    junk = draw(st.binary(min_size=1, max_size=6).map(lambda b: bytes(x | 0x80 for x in b)))
    return encoded(text) + junk.decode("latin-1")


@st.composite
def query_strings(draw, valid):
    """A raw QUERY_STRING: ``q``, each facet and ``page`` absent, once or repeated, with
    valid and invalid values, and unknown parameters, in any order."""
    pairs = []
    if draw(st.integers(min_value=0, max_value=9)):  # mostly with a query
        pairs.append(("q", draw(QUERY)))
    for name in [*FACET_NAMES, "page", "q"]:
        if name == "q":  # a second q: the last one counts
            values = QUERY
        else:
            valid_value = st.sampled_from(valid[name])
            values = st.one_of(valid_value, valid_value, WRONG_VALUES)
        for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3]))):
            pairs.append((name, draw(values)))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        pairs.append((draw(UNKNOWN_NAME), draw(WRONG_VALUES)))
    pairs = draw(st.permutations(pairs))
    return "&".join(f"{draw(raw_text(name))}={draw(raw_text(value))}" for name, value in pairs)


# -- content and helpers -------------------------------------------------------------------


@pytest.fixture
def search_page(plan, organisation, ngo, home):
    """Two commitments (with milestones, amendments, evidence) and a search page, 2 per page."""
    factories.full_commitment(plan, organisation, ngo)
    second = factories.full_commitment(plan, organisation, ngo, title="Open contracting budget")
    factories.evidence_folder(second, milestone=second.milestones.first())
    return home.add_child(
        instance=OpenGovernmentSearchPage(title="Search", slug="search", results_per_page=2)
    )


@pytest.fixture
def valid_values(search_page):
    """``{parameter: [valid values as sent]}``, read from the search's own allow-lists."""
    filterset = SearchFilterSet(
        QueryDict(), locale=search_page.locale, root_path=search_page.get_parent().path
    )
    valid = {
        name: [str(value) for value, _label in filterset.filters[name].extra.get("choices") or []]
        for name in FACET_NAMES
    }
    # A real term of another language: a row in the table, but not on this search's list.
    french, _created = Locale.objects.get_or_create(language_code="fr")
    other = PolicyArea.objects.create(code="budget-fr", name="Budget", locale=french)
    valid["policy_area"].append(str(other.pk))
    valid["page"] = ["1", "2", "3", "5"]
    # Years are checked, not listed: the ends of the range and a year between.
    valid["year"] = [str(FIRST_YEAR), "2026", str(LAST_YEAR)]
    return valid


def get(client, page, query_string):
    """GET the search page with a raw QUERY_STRING; the answer and the queries it took."""
    # The log keeps 9,000 queries, then counts nothing more: start each count from empty.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.generic("GET", page.url, QUERY_STRING=query_string)
    return response, len(queries)


def assert_answers_well(response, queries, query_string):
    assert response.status_code in (200, 400), (response.status_code, query_string)
    if response.status_code == 400:
        assert ERROR_ELEMENT in response.content, query_string
    else:
        assert COUNT_ELEMENT in response.content, query_string
    assert queries <= MAX_QUERIES, (queries, query_string)


# -- the property --------------------------------------------------------------------------


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no .hypothesis/ folder in the checkout; a failure prints its example
    print_blob=True,
)
@given(data=st.data())
def test_no_query_string_answers_500_or_loops(search_page, valid_values, client, data):
    query_string = data.draw(query_strings(valid_values), label="QUERY_STRING")
    response, queries = get(client, search_page, query_string)
    assert_answers_well(response, queries, query_string)
    # What the examples reached (pytest --hypothesis-show-statistics).
    event(f"status {response.status_code}")
    event("results listed" if RESULTS in response.content else "no results listed")
    event("filters left out" if NOTICE in response.content else "no filter left out")


# -- targeted examples ---------------------------------------------------------------------
# Cases share one test each: building the content takes seconds, a request milliseconds.


def q(text):
    return "q=" + encoded(text)


def test_query_syntax_is_searched_as_words(search_page, client):
    for text in ['"', 'a"b', "*", "NEAR(", "^", "'", META, "ميزانية مفتوحة", "\u202e", "a:"]:
        response, queries = get(client, search_page, q(text))
        assert response.status_code == 200, text  # wagtail#13227: a stray " raised an error
        assert_answers_well(response, queries, text)
    # Metacharacters around a word do not hide it.
    for text in ['"budget', "budget*", "(budget)", "^Open", "budget)~", "budget:", "{budget}"]:
        response, _queries = get(client, search_page, q(text))
        assert response.status_code == 200, text
        assert RESULTS in response.content, text


REFUSED = [
    (q("\x00"), b"Null characters are not allowed"),
    (q("budget\x00"), b"Null characters are not allowed"),
    (q("x" * 10_000), b"at most 200 characters"),
    (q("budget " * 40), b"at most 200 characters"),
    *(
        ("q=budget&page=" + number, b"A page number is a whole number from 1 to %d" % MAX_PAGE)
        for number in ["-1", "0", "abc", "1.5", "99999999999999999999", "1001", "%ff"]
    ),
    ("q=budget&page=999", b"There is no page 999: the results fill"),
]


def test_a_query_or_page_that_cannot_be_searched_is_refused(search_page, client):
    response, _queries = get(client, search_page, "q=budget&page=2")
    assert response.status_code == 200  # a page of results: 2 a page
    for query_string, message in REFUSED:
        response, queries = get(client, search_page, query_string)
        assert response.status_code == 400, query_string
        assert message in response.content, query_string
        assert_answers_well(response, queries, query_string)


def test_an_unknown_filter_is_left_out_with_a_notice(search_page, valid_values, client):
    french_term = valid_values["policy_area"][-1]
    for query_string, message in [
        ("q=budget&policy_area=zz", "Policy area:"),
        ("q=budget&policy_area=" + french_term, "Policy area:"),
        ("q=budget&year=99999999999999999999", "Year:"),
        ("q=budget&year=1999", "Year:"),  # before FIRST_YEAR
        ("q=budget&year=" + "9" * 5000, "Year:"),  # past int()'s 4,300-digit limit
        ("q=budget&year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96", "Year:"),  # "２０２６", full width
        ("q=budget&type=nothing&type=commitment", "Type:"),
        (q("budget foo:bar"), "“foo:” is not a filter"),
        (q("budget type:nothing"), "Type:"),
    ]:
        response, queries = get(client, search_page, query_string)
        assert response.status_code == 200, query_string
        assert NOTICE in response.content, query_string
        assert message.encode() in response.content, query_string
        assert RESULTS in response.content, query_string  # the search itself went ahead
        assert_answers_well(response, queries, query_string)


def test_invalid_utf8_never_answers_500(search_page, client):
    for query_string in [
        "q=%ff%fe",
        "q=budget%ff",
        "q=%ed%a0%80",  # an encoded surrogate
        "q=%c0%80",  # an overlong NUL
        "%ff%fe=1",
        "policy_area=%ff&type=%fe",
        "q=%",
        "q=%zz&page=%",
        # Raw bytes, as a WSGI server hands them over (latin-1 characters).
        "q=" + b"\xff\xfe".decode("latin-1"),
        "q=" + b"budget \xc3\x28 \xed\xa0\x80".decode("latin-1"),
    ]:
        response, queries = get(client, search_page, query_string)
        assert_answers_well(response, queries, query_string)


def test_too_many_parameters_get_djangos_own_400(search_page, client):
    # DATA_UPLOAD_MAX_NUMBER_FIELDS: Django refuses the request before the page sees it.
    response, _queries = get(client, search_page, "&".join(["type=commitment"] * 1001))
    assert response.status_code == 400
