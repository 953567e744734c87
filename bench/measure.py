"""Rendering pages through Django's test client: their query counts and render times."""

import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape


class RenderError(Exception):
    """A page did not render: an exception, or an answer other than 200 with the page's title."""


@dataclass
class PageResult:
    label: str
    url: str
    title: str
    queries: int | None = None
    times: list[float] = field(default_factory=list)  # seconds, one per timed render

    @property
    def median_ms(self):
        return statistics.median(self.times) * 1000 if self.times else None

    def ratio_to(self, baseline):
        if not self.times or not baseline.times:
            return None
        return statistics.median(self.times) / statistics.median(baseline.times)

    def as_dict(self, baseline=None):
        ms = [t * 1000 for t in self.times]
        return {
            "label": self.label,
            "url": self.url,
            "queries": self.queries,
            "runs": len(ms),
            "median_ms": self.median_ms,
            "min_ms": min(ms) if ms else None,
            "max_ms": max(ms) if ms else None,
            "ratio_to_baseline": self.ratio_to(baseline) if baseline else None,
        }


def render(client, target):
    """GET the page once; a failure names the page and what went wrong."""
    try:
        response = client.get(target.url)
    except Exception as error:  # the test client re-raises the view's exception
        raise RenderError(
            f"{target.label} ({target.url}) raised {type(error).__name__}: {error}"
        ) from error
    if response.status_code != 200:
        raise RenderError(f"{target.label} ({target.url}) answered {response.status_code}")
    # A 200 that is not the page (a fallback, an error template) would measure the wrong thing.
    if escape(target.title).encode() not in response.content:
        raise RenderError(
            f"{target.label} ({target.url}) answered 200 without the title {target.title!r}"
        )
    return response


def count_queries(client, target):
    with CaptureQueriesContext(connection) as queries:
        render(client, target)
    return len(queries)


def measure(client, pages, runs, warmups=2):
    """Render every ``(label, page)``: warm up, count queries once, then time ``runs`` rounds.

    Rounds go through every page in turn rather than page after page, so a burst of
    load on the machine (a test suite in another shell) slows all pages alike and
    leaves the ratios between them alone.
    """
    # The URL is resolved once: the timed renders measure the page, not page.url.
    results = [PageResult(label=label, url=page.url, title=page.title) for label, page in pages]
    for _ in range(warmups):  # caches of sites, templates and translations fill up
        for result in results:
            render(client, result)
    # Counted on renders of their own: capturing queries costs time the timed renders must not pay.
    for result in results:
        result.queries = count_queries(client, result)
    for _ in range(runs):
        for result in results:
            start = time.perf_counter()
            render(client, result)
            result.times.append(time.perf_counter() - start)
    return results
