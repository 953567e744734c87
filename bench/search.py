"""`make bench`, part 3: the public search at 10,000 OGP items, on SQLite and PostgreSQL.

Run from the repository root: ``.venv/bin/python bench/search.py``.
``BENCH_DATABASES=sqlite`` (or ``postgresql``) runs one database only; ``BENCH_RUNS=N``
times each search N times (30 when N is smaller: a p95 needs them).

For each database, in a process of its own (a fresh SQLite file in a temporary
directory, or a database of its own in the test cluster of
scripts/postgres-test-cluster.sh; the demo's database is never touched), it migrates
the example site, loads the example municipality, then adds in bulk 4 action plans of
50 commitments, each with 20 milestones, 15 live progress updates and an evidence
folder of 15 items: about 10,000 searchable items. A common word is in half of the
milestones', updates' and evidence items' text (so in every commitment's); a rare one
in 5 milestones (so 10 items with their commitments). It builds the index with
``ogp_wagtail.search.indexer.rebuild()`` and times it.

Then, for each word with no facet chosen and with two (type and plan), it times the
faceted search itself (``DatabaseEngine().search(SearchQuery(...))``: the full-text
match ranked by relevance, every facet counted, the first page of hits) against the
issue's target (p95 at most 50 ms); and the whole search page as residents get it
(Django's test client), with its SQL queries, beside the example site's plain home
page timed in the same rounds (what any page of the site costs: Wagtail's routing,
the base template, the menu). It reports p50 and p95 over the runs, and where the
time goes: the engine's steps
(its one faceted statement, the rest) and the page's other
parts (allow-lists, stale statuses, results, facets; routing and template), timed by
wrapping the functions the code calls, found by name. The test client keeps its
database connection between requests: no figure includes opening one.

Speed is measured here, never asserted in tests. Results go to
``bench/results/search.json``. Exits non-zero when a run fails; a missed target is
reported, not a failure.
"""

import argparse
import ast
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from scaffold import load_example, migrate, postgres_database

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
EXAMPLE_SITE = REPO / "example_site"
RESULTS_FILE = BENCH_DIR / "results" / "search.json"
DATABASE_MODULE = REPO / "ogp_wagtail" / "search" / "database.py"
DATABASES = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
MIN_RUNS = 30
WARMUPS = 2
TARGET_P95_MS = 50
# The example site's home: what any page of the site costs (routing, base template, menu).
PLAIN_PAGE = "/"

PLANS = 4
COMMITMENTS_PER_PLAN = 50
MILESTONES = 20
UPDATES = 15
EVIDENCE_ITEMS = 15
COMMON_WORD = "harbour"
RARE_WORD = "zeppelin"
RARE_MILESTONES = 5  # in 5 commitments of the first plan: 10 items with their commitments


# The columns of "where the time goes", in the order a request spends it.
BREAKDOWN = [
    "faceted statement",
    "rest of the engine",
    "allow-lists",
    "stale check",
    "engine",
    "results",
    "facets",
    "routing, template",
]


# -- the parent: one child process per database, then the report ---------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        # make bench's BENCH_RUNS also sets bench/run.py's renders: fewer than 30 runs 30.
        default=max(MIN_RUNS, int(os.environ.get("BENCH_RUNS", MIN_RUNS))),
        help=f"timed searches of each kind (default: $BENCH_RUNS, else {MIN_RUNS}; at least 30)",
    )
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS}: a p95 needs them")
    return args


def ranking_design():
    """The "How relevance stays cheap" paragraphs of the engine's docstring, as one paragraph.

    Read from the source, so that what the benchmark prints is what the module says.
    """
    docstring = ast.get_docstring(ast.parse(DATABASE_MODULE.read_text())) or ""
    start = docstring.find("**How relevance stays cheap.**")
    if start < 0:
        return "(ogp_wagtail/search/database.py no longer explains its ranking design.)"
    end = docstring.find("**", start + len("**How relevance stays cheap.**"))
    text = docstring[start : end if end > 0 else None]
    text = re.sub(r":\w+:`~?\.?([^`]+)`", r"\1", text)  # Sphinx roles: their target alone
    return " ".join(text.replace("**", "").replace("``", "").split())


@contextmanager
def sqlite_environment(env):
    scratch = scratch_space()
    with tempfile.TemporaryDirectory(prefix="ogp-bench-search-", dir=scratch) as directory:
        env.update(
            EXAMPLE_DATABASE_PATH=str(Path(directory) / "db.sqlite3"),
            EXAMPLE_MEDIA_ROOT=str(Path(directory) / "media"),
            EXAMPLE_EMAIL_DIR=str(Path(directory) / "emails"),
        )
        yield "SQLite file in " + directory


@contextmanager
def postgres_environment(env):
    """A database of its own in the test cluster, dropped afterwards."""
    with (
        postgres_database(env, "ogp_bench_search") as database,
        tempfile.TemporaryDirectory(prefix="ogp-bench-search-") as directory,
    ):
        env.update(
            BENCH_DATABASE=database,
            EXAMPLE_MEDIA_ROOT=str(Path(directory) / "media"),
            EXAMPLE_EMAIL_DIR=str(Path(directory) / "emails"),
        )
        yield f"PostgreSQL database {database}"


ENVIRONMENTS = {"sqlite": sqlite_environment, "postgresql": postgres_environment}


def scratch_space():
    """Memory-backed /dev/shm when there is one, as bench/run.py: SQLite syncs every commit."""
    shm = Path("/dev/shm")  # noqa: S108 (mkdtemp makes a private directory inside it)
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def run_child(database, runs):
    env = dict(os.environ, DJANGO_DEBUG="0")
    with ENVIRONMENTS[database](env) as described, tempfile.TemporaryDirectory() as out:
        output = Path(out) / "result.json"
        print(f"\n== {database}: {described}", flush=True)
        command = [sys.executable, __file__, "--child", database, "--output", str(output)]
        completed = subprocess.run([*command, "--runs", str(runs)], env=env, check=False)
        if completed.returncode or not output.exists():
            return None
        return json.loads(output.read_text())


def percentile_row(label, result):
    return [
        label,
        str(result["results"]),
        f"{result['engine_p50_ms']:.1f}",
        f"{result['engine_p95_ms']:.1f}",
        "yes" if result["engine_p95_ms"] <= TARGET_P95_MS else "MISSED",
        str(result["queries"]),
        f"{result['page_p50_ms']:.1f}",
        f"{result['page_p95_ms']:.1f}",
    ]


def print_table(rows):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print("  " + "  ".join(cells))
        if number == 0:
            print("  " + "  ".join("-" * width for width in widths))


def machine():
    """What the figures depend on: the CPUs, and how busy they were (other work slows them)."""
    return {"cpus": os.cpu_count(), "load_average": [round(n, 2) for n in os.getloadavg()]}


def report(design, results, runs):
    print("\nRanking design (ogp_wagtail/search/database.py):")
    print(textwrap.fill(design, width=96, initial_indent="  ", subsequent_indent="  "))
    for database, result in results.items():
        items = result["items"]
        print(
            f"\n{database}: {items['total']} items indexed ({items['ogp']} from the benchmark's "
            f"plans) in {result['index_seconds']:.1f} s by rebuild(); "
            f"'{COMMON_WORD}' matches {result['matches'][COMMON_WORD]}, "
            f"'{RARE_WORD}' {result['matches'][RARE_WORD]}"
        )
        print(
            f"Faceted search (the full-text match ranked by relevance, every facet counted, "
            f"the first page of hits), then the whole search page around it: ms over {runs} "
            f"runs after {WARMUPS} warm-ups; target: search p95 <= {TARGET_P95_MS} ms "
            f"({result['machine']['cpus']} CPUs, load average "
            f"{result['machine']['load_average'][0]} when measured)"
        )
        rows = [
            ["query", "results", "search p50", "search p95", "p95 target"]
            + ["page queries", "page p50", "page p95"]
        ]
        rows += [percentile_row(row["label"], row) for row in result["searches"]]
        plain = result["plain_page"]
        rows.append(
            [f"plain page {plain['url']}", "", "", "", "", str(plain["queries"])]
            + [f"{plain['page_p50_ms']:.1f}", f"{plain['page_p95_ms']:.1f}"]
        )
        print_table(rows)
        print(
            "Where the time goes (medians, ms): the engine's steps, then the page's parts "
            "('engine' holds the steps; 'routing, template' is the rest of the request)"
        )
        found = result["searches"][0]["breakdown"]
        names = [name for name in BREAKDOWN if name in found]
        names += [name for name in found if name not in names]
        rows = [["search", *names]]
        for row in result["searches"]:
            rows.append([row["label"], *(f"{row['breakdown'][name]:.1f}" for name in names)])
        print_table(rows)


def write_results(design, results, runs):
    import django
    import wagtail

    data = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "runs": runs,
        "warmups": WARMUPS,
        "target_p95_ms": TARGET_P95_MS,
        "ranking_design": design,
        "content": {
            "plans": PLANS,
            "commitments": PLANS * COMMITMENTS_PER_PLAN,
            "milestones_per_commitment": MILESTONES,
            "updates_per_commitment": UPDATES,
            "evidence_items_per_commitment": EVIDENCE_ITEMS,
            "common_word": COMMON_WORD,
            "rare_word": RARE_WORD,
        },
        "databases": results,
    }
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"\nResults written to {RESULTS_FILE.relative_to(REPO)}")


def main():
    args = parse_args()
    if args.child:
        return child(args)
    design = ranking_design()
    results, failed = {}, []
    for database in DATABASES:
        result = run_child(database, args.runs)
        if result is None:
            failed.append(database)
        else:
            results[database] = result
    if results:
        report(design, results, args.runs)
        write_results(design, results, args.runs)
    if failed:
        print(f"\nbench search: FAILED on {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


# -- the child: one database -------------------------------------------------------------------


def configure_django(database):
    """The example site's settings, on the database the parent prepared."""
    os.environ["DJANGO_DEBUG"] = "0"  # production-like: DEBUG would also log every query
    sys.path[:0] = [str(EXAMPLE_SITE), str(REPO), str(BENCH_DIR)]
    from importlib import import_module

    from django.conf import settings

    base = import_module("example_site.settings")
    values = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    if database == "postgresql":
        values["DATABASES"] = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": os.environ["BENCH_DATABASE"],
                "USER": os.environ.get("PGUSER", "postgres"),
                "HOST": os.environ.get("PGHOST", "127.0.0.1"),
                "PORT": os.environ.get("PGPORT", "5432"),
            }
        }
    settings.configure(**values)

    import django

    django.setup()


def step(seconds, name, function, *args):
    print(f"  {name}...", end="", flush=True)
    start = time.perf_counter()
    result = function(*args)
    seconds[name] = time.perf_counter() - start
    print(f" {seconds[name]:.1f} s", flush=True)
    return result


def words(common):
    """An item's text: with the common word in one item of two."""
    return f"the {COMMON_WORD} quay" if common else "the town square"


def build_content():
    """4 plans of 50 commitments with milestones, updates and evidence: pages one by one
    (add_child, no revisions), their rows in bulk. Returns the plans."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from ogp_wagtail.choices import MilestoneStatus
    from ogp_wagtail.models import (
        CommitmentPage,
        EvidenceFolderPage,
        EvidenceItem,
        Jurisdiction,
        Milestone,
        OGPValue,
        OpenGovernmentPage,
        Organisation,
        PolicyArea,
        ProgressUpdate,
        Sector,
        StrategicVisionPage,
    )

    hub = OpenGovernmentPage.objects.live().first()
    if hub is None:
        raise RuntimeError("The example site has no open government hub: did load_example run?")
    locale = hub.locale
    jurisdictions = list(hub.jurisdictions.all())
    for name in ("Vieux-Pont", "Sainte-Aure", "Ormeval"):
        jurisdiction, _created = Jurisdiction.objects.get_or_create(
            name=name, locale=locale, defaults={"country": "Belgium"}
        )
        jurisdictions.append(jurisdiction)
    policy_areas = list(PolicyArea.objects.filter(locale=locale).order_by("pk"))
    sectors = list(Sector.objects.filter(locale=locale).order_by("pk"))
    values = list(OGPValue.objects.filter(locale=locale).order_by("pk"))
    organisation = Organisation.objects.filter(locale=locale).first()
    today = timezone.localdate()
    start = datetime.date(today.year - 2, 1, 1)
    end = datetime.date(today.year + 2, 12, 31)
    statuses = [
        MilestoneStatus.COMPLETE,
        MilestoneStatus.COMPLETE,
        MilestoneStatus.INCOMPLETE,
        MilestoneStatus.IN_PROGRESS,
        MilestoneStatus.BLOCKED,
        MilestoneStatus.NOT_STARTED,
    ]

    def month(offset):
        year, index = divmod(start.month - 1 + offset, 12)
        return datetime.date(start.year + year, index + 1, 1)

    plans = []
    with transaction.atomic():
        for plan_number in range(PLANS):
            plan = hub.add_child(
                instance=StrategicVisionPage(
                    title=f"Search benchmark plan {plan_number + 1}",
                    slug=f"search-bench-plan-{plan_number + 1}",
                    start_date=start,
                    end_date=end,
                    mandate_end=end,
                    foreword=f"<p>A plan for the {COMMON_WORD} and the town.</p>",
                    jurisdictions=jurisdictions[:4],
                )
            )
            plans.append(plan)
            milestones, updates, items = [], [], []
            for number in range(COMMITMENTS_PER_PLAN):
                overall = plan_number * COMMITMENTS_PER_PLAN + number
                commitment = plan.add_child(
                    instance=CommitmentPage(
                        title=f"Commitment {overall + 1}: open records of service {overall % 37}",
                        slug=f"commitment-{number + 1}",
                        start_date=start,
                        end_date=end,
                        problem="<p>Residents cannot follow this part of the town's work.</p>",
                        activities="<p>Publish it every quarter, with the evidence.</p>",
                        jurisdiction=None if number % 4 == 3 else jurisdictions[number % 4],
                        policy_areas=policy_areas[number % len(policy_areas) :][:2],
                        sectors=sectors[number % len(sectors) :][:1],
                        ogp_values=values[number % len(values) :][:2],
                    )
                )
                folder = commitment.add_child(
                    instance=EvidenceFolderPage(
                        title=f"Evidence of commitment {overall + 1}", slug="evidence"
                    )
                )
                rare = plan_number == 0 and number % 10 == 0 and number // 10 < RARE_MILESTONES
                for position in range(MILESTONES):
                    text = words(position % 2 == 0)
                    if rare and position == MILESTONES - 1:
                        text += f" and the {RARE_WORD} mooring"
                    milestones.append(
                        Milestone(
                            page=commitment,
                            locale=locale,
                            sort_order=position,
                            description=f"Milestone {position + 1} of commitment {overall + 1}: "
                            f"publish, consult and report on {text}.",
                            start_month=month(2 * position),
                            end_month=month(2 * position + 5),
                            responsible_organisation=organisation,
                            contact=f"Officer {position + 1}",
                            status=statuses[(position + number) % len(statuses)],
                        )
                    )
                for quarter in range(UPDATES):
                    date = month(3 * quarter + 1).replace(day=15)
                    updates.append(
                        ProgressUpdate(
                            commitment=commitment,
                            date=min(date, today),
                            live=True,
                            progress=f"<p>Quarter {quarter + 1}: work went on at "
                            f"{words(quarter % 2 == 1)}.</p>",
                            next_steps="<p>Prepare the next quarter's publication.</p>",
                        )
                    )
                for position in range(EVIDENCE_ITEMS):
                    items.append(
                        EvidenceItem(
                            page=folder,
                            sort_order=position,
                            title=f"Record {position + 1} of commitment {overall + 1}",
                            kind="technical" if position % 2 else "minutes_decisions",
                            date=month(position * 2),
                            link=f"https://data.example.org/{overall}/{position}",
                            description=f"Signed record about {words(position % 2 == 1)}.",
                        )
                    )
            Milestone.objects.bulk_create(milestones, batch_size=500)
            ProgressUpdate.objects.bulk_create(updates, batch_size=500)
            EvidenceItem.objects.bulk_create(items, batch_size=500)
    return plans


def build_index():
    from ogp_wagtail.search.indexer import rebuild

    rebuild()


def item_counts(plans):
    from functools import reduce
    from operator import or_

    from django.db.models import Count, Q

    from ogp_wagtail.search.models import SearchEntry

    kinds = dict(SearchEntry.objects.values_list("kind").annotate(n=Count("pk")))
    below_plans = reduce(or_, (Q(path__startswith=plan.path) for plan in plans))
    ogp = SearchEntry.objects.filter(below_plans).count()
    return {"total": sum(kinds.values()), "ogp": ogp, "by_kind": kinds}


def percentile(times, fraction):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary_ms(times):
    return percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000


class Search:
    """One search as a resident asks it: the page's parameters, and the engine's query."""

    def __init__(self, label, params, page, root):
        from urllib.parse import urlencode

        from django.http import QueryDict

        from ogp_wagtail.search.filters import SearchFilterSet
        from ogp_wagtail.search.query import SearchQuery

        self.label = label
        self.params = params
        self.url = page.url
        filterset = SearchFilterSet(
            QueryDict(urlencode(params)), locale=page.locale, root_path=root.path
        )
        self.query = SearchQuery(
            text=filterset.text,
            locale_id=page.locale_id,
            language=page.locale.language_code,
            root_path=root.path,
            chosen=filterset.chosen(),
            offset=0,
            limit=max(1, min(page.results_per_page, 100)),
        )
        if len(self.query.chosen) != len(params) - 1:
            raise RuntimeError(f"{label}: a facet was refused: {filterset.ignored}")
        self.page_times, self.engine_times = [], []


def get_plain_page(client):
    response = client.get(PLAIN_PAGE)
    if response.status_code != 200:
        raise RuntimeError(f"The plain page {PLAIN_PAGE} answered {response.status_code}")
    return response


def get_page(client, search):
    response = client.get(search.url, search.params)
    if response.status_code != 200 or b"ogp-search__list" not in response.content:
        raise RuntimeError(f"{search.label}: answered {response.status_code} without results")
    return response


def engine_search(search):
    from ogp_wagtail.search.database import DatabaseEngine

    return DatabaseEngine().search(search.query)


def connected():
    """Open the connection before a timer starts: the engine alone is timed without it.

    Django's test client keeps the connection open from one request to the next, so no
    figure here includes opening one, which a site with ``CONN_MAX_AGE = 0`` (the
    example's) pays on every request.
    """
    from django.db import connection

    connection.ensure_connection()


def count_queries(function, *args):
    """The SQL queries ``function(*args)`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The log keeps its last 9,000 queries: once full, a capture would count 0.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return len(queries)


def timed(spent, name, function):
    """``function``, adding the time each call takes to ``spent[name]``."""

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0) + time.perf_counter() - start

    return wrapper


@contextmanager
def wrapped(spent, targets):
    """Time calls to the names of ``targets`` (``(owner, attribute, label)``) while inside.

    Names the code no longer has are skipped: the breakdown shows what it found.
    """
    originals = []
    try:
        for owner, attribute, label in targets:
            if attribute in vars(owner):
                original = vars(owner)[attribute]
                originals.append((owner, attribute, original))
                setattr(owner, attribute, timed(spent, label, original))
        yield
    finally:
        for owner, attribute, original in reversed(originals):
            setattr(owner, attribute, original)


def engine_targets():
    """The engine's steps, by the names ``DatabaseEngine.search`` calls them.

    The faceted statement (the full-text match, its scores, every facet's counts and
    the page's ids, in one round trip); the rest of the engine's time (building the
    statement, fetching the hits' stored text) is what remains.
    """
    from ogp_wagtail.search import database

    return [(database, "faceted_search", "faceted statement")]


def page_targets(spent):
    """The parts of the search page's ``search()``, by the names it calls."""
    from ogp_wagtail.pages import search as page_module

    filterset_class = page_module.SearchFilterSet

    def validated_filterset(*args, **kwargs):
        filterset = filterset_class(*args, **kwargs)
        filterset.errors  # noqa: B018 -- the validation (allow-lists) counted here
        return filterset

    return [
        (page_module, "refresh_stale", "stale check"),
        (page_module, "search_with_fallback", "engine"),
        (page_module, "results_for", "results"),
        (page_module, "facet_groups", "facets"),
    ], (page_module, "SearchFilterSet", validated_filterset)


def breakdown(client, search, runs):
    """Medians (ms) of the engine's steps and of the page's parts, over ``runs`` each."""
    from ogp_wagtail.search import database

    connected()
    engine_parts = {}
    for _ in range(runs):
        spent = {}
        with wrapped(spent, engine_targets()):
            start = time.perf_counter()
            database.DatabaseEngine().search(search.query)
            total = time.perf_counter() - start
        spent["rest of the engine"] = total - sum(spent.values())
        for name, seconds in spent.items():
            engine_parts.setdefault(name, []).append(seconds)
    page_parts = {}
    for _ in range(runs):
        spent = {}
        targets, (module, name, filterset) = page_targets(spent)
        original = getattr(module, name)
        setattr(module, name, timed(spent, "allow-lists", filterset))
        try:
            with wrapped(spent, targets):
                start = time.perf_counter()
                get_page(client, search)
                total = time.perf_counter() - start
        finally:
            setattr(module, name, original)
        spent["routing, template"] = total - sum(spent.values())
        for name, seconds in spent.items():
            page_parts.setdefault(name, []).append(seconds)
    result = {name: statistics.median(times) * 1000 for name, times in engine_parts.items()}
    result.update({name: statistics.median(times) * 1000 for name, times in page_parts.items()})
    return result


def measure(searches, runs):
    """Warm up, count queries once, then time page and engine in rounds through the searches.

    Rounds go through every search in turn, and the example site's plain home page, so
    that a burst of load on the machine slows them all alike (as bench/measure.py does).
    Returns the searches' results and the plain page's.
    """
    from django.test import Client

    # Without setup_test_environment(): it instruments every template render for tests.
    client = Client(HTTP_HOST="localhost")
    for _ in range(WARMUPS):
        get_plain_page(client)
        for search in searches:
            get_page(client, search)
            engine_search(search)
    queries = {search.label: count_queries(get_page, client, search) for search in searches}
    plain_queries = count_queries(get_plain_page, client)
    plain_times = []
    for _ in range(runs):
        start = time.perf_counter()
        get_plain_page(client)
        plain_times.append(time.perf_counter() - start)
        for search in searches:
            start = time.perf_counter()
            get_page(client, search)
            search.page_times.append(time.perf_counter() - start)
            connected()
            start = time.perf_counter()
            engine_search(search)
            search.engine_times.append(time.perf_counter() - start)
    results = []
    for search in searches:
        page_p50, page_p95 = summary_ms(search.page_times)
        engine_p50, engine_p95 = summary_ms(search.engine_times)
        parts = breakdown(client, search, max(10, runs // 3))
        results.append(
            {
                "label": search.label,
                "params": search.params,
                "results": engine_search(search).total,
                "queries": queries[search.label],
                "page_p50_ms": page_p50,
                "page_p95_ms": page_p95,
                "engine_p50_ms": engine_p50,
                "engine_p95_ms": engine_p95,
                "page_ms": [t * 1000 for t in search.page_times],
                "engine_ms": [t * 1000 for t in search.engine_times],
                "breakdown": parts,
            }
        )
    plain_p50, plain_p95 = summary_ms(plain_times)
    plain = {
        "url": PLAIN_PAGE,
        "queries": plain_queries,
        "page_p50_ms": plain_p50,
        "page_p95_ms": plain_p95,
    }
    return results, plain


def searches_for(plans):
    from ogp_wagtail.pages.search import OpenGovernmentSearchPage, site_root

    page = OpenGovernmentSearchPage.objects.live().first()
    if page is None:
        raise RuntimeError("The example site has no search page: did load_example run?")
    root = site_root(page, None)
    first_plan = plans[0].pk
    faceted = {"type": "milestone", "plan": str(first_plan)}
    return [
        Search(f"common '{COMMON_WORD}'", {"q": COMMON_WORD}, page, root),
        Search("common, 2 facets", {"q": COMMON_WORD, **faceted}, page, root),
        Search(f"rare '{RARE_WORD}'", {"q": RARE_WORD}, page, root),
        Search("rare, 2 facets", {"q": RARE_WORD, **faceted}, page, root),
    ]


def child(args):
    try:
        configure_django(args.child)
        seconds = {}
        step(seconds, "migrate", migrate)
        step(seconds, "load_example", load_example)
        plans = step(seconds, "10,000 items in bulk", build_content)
        step(seconds, "rebuild the index", build_index)
        items = item_counts(plans)
        searches = searches_for(plans)
        matches = {
            COMMON_WORD: engine_search(searches[0]).total,
            RARE_WORD: engine_search(searches[2]).total,
        }
        print(f"  measuring {len(searches)} searches x {args.runs} runs...", flush=True)
        started = time.perf_counter()
        results, plain = measure(searches, args.runs)
        seconds["measuring"] = time.perf_counter() - started
        print(f"  measured in {seconds['measuring']:.1f} s", flush=True)
        from django.db import connection

        Path(args.output).write_text(
            json.dumps(
                {
                    "database": args.child,
                    "server_version": str(getattr(connection, "pg_version", "") or ""),
                    "setup_seconds": seconds,
                    "index_seconds": seconds["rebuild the index"],
                    "items": items,
                    "matches": matches,
                    "searches": results,
                    "plain_page": plain,
                    "machine": machine(),
                },
                default=str,
            )
        )
    except Exception as error:
        traceback.print_exc()
        print(f"\nbench search ({args.child}): FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
