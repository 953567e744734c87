"""`make bench`, part 2: 20 concurrent clients post comments to the example site.

The example site runs under gunicorn (several worker processes) on 127.0.0.1,
once on SQLite configured as the example site ships it (immediate transactions, a
timeout, WAL) and once on PostgreSQL (the test cluster of
scripts/postgres-test-cluster.sh, on a database of its own). Each client loads a
progress update, then posts comments as fast as it can; some are accepted (303),
the rest refused by the per-client limit (429). For each database the run reports
accepted posts per second, 429s and 5xx answers, and checks that the database
holds exactly the accepted comments, each once, and nothing else. Exits non-zero
when any run fails. ``BENCH_DATABASES=sqlite`` (or ``postgresql``) runs one only.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from scaffold import postgres_database

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example_site"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
POSTS_PER_CLIENT = int(os.environ.get("BENCH_POSTS_PER_CLIENT", "25"))
CLIENT_LIMIT = int(os.environ.get("BENCH_CLIENT_LIMIT", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
DATABASES = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")


class BenchFailure(Exception):
    pass


def fail(message):
    raise BenchFailure(message)


@contextmanager
def postgres_comments_database(env):
    """A database of its own in the test cluster, dropped afterwards."""
    with postgres_database(env, "ogp_bench") as database:
        env.update(BENCH_DATABASE_ENGINE="postgresql", BENCH_DATABASE=database)
        yield f"PostgreSQL database {database}"


@contextmanager
def sqlite_database(env):
    """A fresh SQLite file, with the example site's own database settings."""
    directory = tempfile.mkdtemp(prefix="ogp-bench-sqlite-")
    env.update(
        BENCH_DATABASE_ENGINE="sqlite", EXAMPLE_DATABASE_PATH=str(Path(directory) / "db.sqlite3")
    )
    try:
        yield f"SQLite file {env['EXAMPLE_DATABASE_PATH']}"
    finally:
        shutil.rmtree(directory, ignore_errors=True)


DATABASE_SETUPS = {"sqlite": sqlite_database, "postgresql": postgres_comments_database}


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=EXAMPLE, env=env, capture_output=True, text=True
    )
    if result.returncode:
        fail(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "example_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=EXAMPLE,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # The first page a worker renders loads templates and translations: allow it time.
            requests.get(f"http://127.0.0.1:{port}/", timeout=20)
            return server
        except (requests.ConnectionError, requests.Timeout):
            if server.poll() is not None:
                fail("gunicorn exited")
            time.sleep(0.3)
    server.kill()
    fail("gunicorn did not answer in 60 s")


FIELD = r'name="{}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{}"'


def form_value(html, name):
    match = re.search(FIELD.format(name, name), html)
    if not match:
        fail(f"no {name!r} field on the update page")
    return match.group(1) or match.group(2)


def client_run(number, base, update_path, results):
    session = requests.Session()
    page = session.get(base + update_path, timeout=30)
    html = page.text
    fields = {
        "csrfmiddlewaretoken": form_value(html, "csrfmiddlewaretoken"),
        "target": form_value(html, "target"),
        "token": form_value(html, "token"),
        "language": "en",
        "name": f"Bench client {number}",
        "consent": "on",
        "website": "",
    }
    headers = {"X-Forwarded-For": f"10.0.{number}.1", "Referer": base + update_path}
    outcomes = []
    for post in range(POSTS_PER_CLIENT):
        body = f"bench-{number}-{post}: the river data portal should list the sensors."
        data = {**fields, "email": f"bench{number}.{post}@example.org", "body": body}
        response = session.post(
            base + "/ogp/comments/post/",
            data=data,
            headers=headers,
            allow_redirects=False,
            timeout=30,
        )
        outcomes.append((body, response.status_code))
    results[number] = outcomes


def bench(engine):
    """One run on ``engine``: the figures printed, a BenchFailure raised if any is wrong."""
    media_root = tempfile.mkdtemp(prefix="ogp-bench-media-")
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="comments_settings",
        PYTHONPATH=os.pathsep.join([str(REPO / "bench"), str(EXAMPLE), str(REPO)]),
        EXAMPLE_MEDIA_ROOT=media_root,
        BENCH_CLIENT_LIMIT=str(CLIENT_LIMIT),
        DJANGO_DEBUG="0",
    )
    server = None
    try:
        with DATABASE_SETUPS[engine](env) as described:
            try:
                started = time.monotonic()
                manage(env, "migrate", "--no-input", "-v", "0")
                manage(env, "load_example")
                update_path = (
                    manage(
                        env,
                        "shell",
                        "-c",
                        "from ogp_wagtail.models import ProgressUpdate;"
                        "print(ProgressUpdate.objects.filter(live=True).first().get_url())",
                    )
                    .strip()
                    .splitlines()[-1]
                )
                print(f"Set-up ({described}): {time.monotonic() - started:.1f} s")
                port = free_port()
                server = start_gunicorn(env, port)
                load(env, f"http://127.0.0.1:{port}", update_path)
            finally:
                if server is not None:
                    server.terminate()
                    server.wait(timeout=20)
    finally:
        shutil.rmtree(media_root, ignore_errors=True)


def load(env, base, update_path):
    results = {}
    threads = [
        threading.Thread(target=client_run, args=(n, base, update_path, results))
        for n in range(CLIENTS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    if len(results) != CLIENTS:
        fail(f"{CLIENTS - len(results)} clients did not finish")

    outcomes = [outcome for client in results.values() for outcome in client]
    accepted = sorted(body for body, status in outcomes if status == 303)
    limited = sum(1 for _, status in outcomes if status == 429)
    server_errors = sum(1 for _, status in outcomes if status >= 500)
    other = sorted({status for _, status in outcomes} - {303, 429})
    stored = json.loads(
        manage(
            env,
            "shell",
            "-c",
            "import json; from ogp_wagtail.comments.models import Comment;"
            "print(json.dumps(list(Comment.objects.filter(body__startswith='bench-')"
            ".values_list('body', flat=True))))",
        )
        .strip()
        .splitlines()[-1]
    )
    print(
        f"{CLIENTS} clients x {POSTS_PER_CLIENT} posts in {elapsed:.2f} s under gunicorn "
        f"({WORKERS} workers), per-client limit {CLIENT_LIMIT}:"
    )
    print(f"  accepted {len(accepted)} ({len(accepted) / elapsed:.1f} accepted posts/s)")
    print(f"  refused by the rate limit (429): {limited}")
    print(f"  server errors (5xx): {server_errors}")
    print(f"  stored {len(stored)}, distinct {len(set(stored))}")
    if server_errors:
        fail(f"{server_errors} posts answered 5xx")
    if other:
        fail(f"unexpected answers: {other}")
    if sorted(stored) != accepted:
        fail("the stored comments differ from the accepted posts")
    if len(stored) != len(set(stored)):
        fail("a comment is stored twice")
    if len(accepted) != CLIENTS * min(CLIENT_LIMIT, POSTS_PER_CLIENT):
        fail(f"expected {CLIENTS * min(CLIENT_LIMIT, POSTS_PER_CLIENT)} accepted posts")
    print("  every accepted post is stored exactly once, and nothing else: OK")


def main():
    failed = []
    for engine in DATABASES:
        print(f"== {engine}")
        try:
            bench(engine)
        except (BenchFailure, subprocess.CalledProcessError) as failure:
            print(f"bench comments ({engine}): FAILED: {failure}", file=sys.stderr, flush=True)
            failed.append(engine)
    if failed:
        sys.exit(f"bench comments: FAILED on {', '.join(failed)}")


if __name__ == "__main__":
    main()
