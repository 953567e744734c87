"""`make bench`: SQL queries and render times of a large action plan, against a plain page.

Run from the repository root: ``.venv/bin/python bench/run.py [--runs N]``.

In a fresh temporary directory (the demo's database and media are never touched)
it migrates the example site, loads the example municipality, adds a large plan
(12 commitments of 20 milestones and 12 progress updates each), a small one
(1 commitment, 1 milestone, 1 update) and a plain page, then renders through
Django's test client:

- the baseline, a plain page of the example site (its ``ResourcesPage`` with a
  heading and a paragraph; the home page when there is no such page type):
  render times are reported as ratios to it, because milliseconds depend on the
  machine and its load;
- the large plan and one of its commitments;
- the small plan and its commitment, whose query counts must equal the large
  ones: a page lists N commitments with a constant number of queries;
- the example home page, whose blocks list the example plan's content.

Speed is measured here, never asserted in tests. The results also go to
``bench/results/latest.json``. Exits non-zero, naming the page, when a page
fails to render or the content cannot be built.
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from scaffold import load_example, migrate

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
EXAMPLE_SITE = REPO / "example_site"
RESULTS_FILE = BENCH_DIR / "results" / "latest.json"
DEFAULT_RUNS = 30
WARMUPS = 2


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=int(os.environ.get("BENCH_RUNS", DEFAULT_RUNS)),
        help=f"timed renders of each page (default: $BENCH_RUNS, else {DEFAULT_RUNS})",
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def configure_django(workdir):
    """The example site's settings, on a database and media folder of our own."""
    os.environ["EXAMPLE_DATABASE_PATH"] = str(workdir / "db.sqlite3")
    os.environ["EXAMPLE_MEDIA_ROOT"] = str(workdir / "media")
    # Measure what a production site serves: DEBUG would also log every query.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    sys.path[:0] = [str(EXAMPLE_SITE), str(REPO)]  # the example project, then this checkout

    import django

    django.setup()


class Stopwatch:
    """Named steps of the set-up and how long each took."""

    def __init__(self):
        self.seconds = {}

    def step(self, name, function, *args):
        print(f"  {name}...", end="", flush=True)
        start = time.perf_counter()
        result = function(*args)
        self.seconds[name] = time.perf_counter() - start
        print(f" {self.seconds[name]:.1f} s", flush=True)
        return result


def set_up(stopwatch):
    """Migrate, load the example, build both plans and the plain page."""
    from plans import PlanShape, build_plan, plain_page

    large_shape = PlanShape(
        slug="bench-large-plan",
        title="Benchmark plan: 12 commitments",
        commitments=12,
        milestones=20,
        updates=12,
    )
    small_shape = PlanShape(
        slug="bench-small-plan",
        title="Benchmark plan: 1 commitment",
        commitments=1,
        milestones=1,
        updates=1,
    )
    stopwatch.step("migrate", migrate)
    stopwatch.step("load_example", load_example)
    large = stopwatch.step("large plan (12 x 20 milestones, 12 updates)", build_plan, large_shape)
    small = stopwatch.step("small plan (1 x 1 milestone, 1 update)", build_plan, small_shape)
    plain = stopwatch.step("plain page", plain_page)
    return large, small, plain


def home_page():
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    blocks = len(home.body) if hasattr(home, "body") else 0
    return f"example home page ({type(home).__name__}, {blocks} blocks)", home


def baseline(plain):
    """The plain page when the example site has its page type, else the home page.

    The home page is no plain page: its body lists the plan's commitments, consultations
    and evidence with the package's blocks, so it is rendered as a page of its own too.
    """
    if plain is None:
        label, home = home_page()
        return f"baseline: {label}", home
    return f"baseline: plain page ({type(plain).__name__}, 2 blocks)", plain


def make_client():
    """Django's test client, without ``setup_test_environment()``.

    That function instruments every template render to record its context for
    tests (a signal and a copy of the context per template), a cost real requests
    never pay and one that grows with the number of includes a page renders.
    The example site allows ``localhost``, the host of its Wagtail site.
    """
    from django.test import Client

    return Client(HTTP_HOST="localhost")


def report_timings(results, runs, heading):
    baseline = results[0]
    print(f"\n{heading}: median of {runs} renders after {WARMUPS} warm-ups, in rounds")
    rows = [("page", "queries", "median ms", "vs baseline")]
    for result in results:
        ratio = result.ratio_to(baseline)
        rows.append((result.label, str(result.queries), f"{result.median_ms:.1f}", f"{ratio:.1f}×"))
    print_table(rows)


def query_growth(kind, small, large):
    return {"page": kind, "small": small.queries, "large": large.queries}


def report_growth(growth):
    print("\nQueries per render: small content (1 commitment, 1 milestone, 1 update) vs large")
    rows = [("page", "small", "large", "difference")]
    for row in growth:
        difference = row["large"] - row["small"]
        verdict = "constant" if difference == 0 else f"{difference:+d}: GROWS with content"
        rows.append((row["page"], str(row["small"]), str(row["large"]), verdict))
    print_table(rows)


def print_table(rows):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        numbers = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in numbers]
        print("  " + "  ".join(cells))
        if number == 0:
            print("  " + "  ".join("-" * width for width in widths))


def write_results(args, stopwatch, results, uncached, growth):
    import django
    import wagtail

    baseline = results[0]
    data = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": "sqlite",
        "runs": args.runs,
        "warmups": WARMUPS,
        "setup_seconds": stopwatch.seconds,
        "baseline": baseline.label,
        "pages": [result.as_dict(baseline) for result in results],
        "pages_without_render_cache": [result.as_dict(uncached[0]) for result in uncached],
        "query_growth": growth,
    }
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"\nResults written to {RESULTS_FILE.relative_to(REPO)}")


def bench(args, workdir):
    configure_django(workdir)
    from django.test.utils import override_settings
    from measure import measure

    print(f"Set-up in {workdir} (SQLite, DEBUG off):")
    stopwatch = Stopwatch()
    large, small, plain = set_up(stopwatch)
    print(f"  total {sum(stopwatch.seconds.values()):.1f} s")

    pages = {
        "baseline": baseline(plain),
        "large plan": ("large plan: 12 commitments", large.plan),
        "large commitment": ("large commitment: 20 milestones, 12 updates", large.commitments[0]),
        "small plan": ("small plan: 1 commitment", small.plan),
        "small commitment": ("small commitment: 1 milestone, 1 update", small.commitments[0]),
    }
    if plain is not None:
        pages["home"] = home_page()
    start = time.perf_counter()
    results = dict(
        zip(pages, measure(make_client(), list(pages.values()), args.runs, WARMUPS), strict=True)
    )
    report_timings(list(results.values()), args.runs, "Render times (what visitors get)")
    # Every render building its page, as after each publication: what the cache saves.
    with override_settings(OGP_WAGTAIL_RENDER_CACHE_TIMEOUT=0):
        uncached = dict(
            zip(
                pages,
                measure(make_client(), list(pages.values()), args.runs, WARMUPS),
                strict=True,
            )
        )
    report_timings(list(uncached.values()), args.runs, "Without the render cache")
    growth = [
        query_growth("plan page", uncached["small plan"], uncached["large plan"]),
        query_growth("commitment page", uncached["small commitment"], uncached["large commitment"]),
    ]
    report_growth(growth)
    print(f"\nMeasuring took {time.perf_counter() - start:.1f} s")
    write_results(args, stopwatch, list(results.values()), list(uncached.values()), growth)


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="ogp-bench-", dir=scratch_space()) as directory:
        try:
            bench(args, Path(directory))
        except Exception as error:
            traceback.print_exc()
            print(f"\nbench: FAILED: {error}", file=sys.stderr)
            return 1
        finally:
            close_connections()
    return 0


def scratch_space():
    """Memory-backed /dev/shm when there is one: SQLite syncs its file to disk at every
    commit, and on disk the set-up took twice as long (80 s instead of 40 s here)."""
    shm = Path("/dev/shm")  # noqa: S108 (mkdtemp makes a private directory inside it)
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def close_connections():
    """SQLite keeps its file open: close it before the temporary directory goes."""
    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()


if __name__ == "__main__":
    sys.exit(main())
