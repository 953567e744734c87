"""`make bench`, part 2: 20 concurrent clients post comments to the example site.

The example site runs under gunicorn on 127.0.0.1 with PostgreSQL (the test
cluster of scripts/postgres-test-cluster.sh, on a database of its own). Each
client loads a progress update, then posts comments as fast as it can; some
are accepted (303), the rest refused by the per-client limit (429). The run
reports accepted posts per second and checks that the database holds exactly
the accepted comments, each once, and nothing else. Exits non-zero otherwise.
"""

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "example_site"
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
POSTS_PER_CLIENT = int(os.environ.get("BENCH_POSTS_PER_CLIENT", "25"))
CLIENT_LIMIT = int(os.environ.get("BENCH_CLIENT_LIMIT", "20"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))


def fail(message):
    print(f"bench comments: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def postgres_env():
    script = REPO / "scripts" / "postgres-test-cluster.sh"
    exports = subprocess.run([str(script)], capture_output=True, text=True, check=True).stdout
    env = dict(os.environ)
    for word in shlex.split(exports.replace("export ", "")):
        key, _, value = word.partition("=")
        env[key] = value
    database = f"ogp_bench_{os.getpid()}"
    env.update(BENCH_DATABASE=database, BENCH_CLIENT_LIMIT=str(CLIENT_LIMIT))
    psql = ["psql", "-h", env["PGHOST"], "-p", env["PGPORT"], "-U", env["PGUSER"], "-q"]
    subprocess.run([*psql, "-c", f"CREATE DATABASE {database}"], check=True, env=env)
    return env, psql, database


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


def main():
    env, psql, database = postgres_env()
    media_root = tempfile.mkdtemp(prefix="ogp-bench-media-")
    env.update(
        DJANGO_SETTINGS_MODULE="comments_settings",
        PYTHONPATH=os.pathsep.join([str(REPO / "bench"), str(EXAMPLE), str(REPO)]),
        EXAMPLE_MEDIA_ROOT=media_root,
        DJANGO_DEBUG="0",
    )
    server = None
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
        print(f"Set-up (PostgreSQL database {database}): {time.monotonic() - started:.1f} s")
        port = free_port()
        server = start_gunicorn(env, port)
        base = f"http://127.0.0.1:{port}"

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
        print(f"  stored {len(stored)}, distinct {len(set(stored))}")
        if other:
            fail(f"unexpected answers: {other}")
        if sorted(stored) != accepted:
            fail("the stored comments differ from the accepted posts")
        if len(stored) != len(set(stored)):
            fail("a comment is stored twice")
        if len(accepted) != CLIENTS * min(CLIENT_LIMIT, POSTS_PER_CLIENT):
            fail(f"expected {CLIENTS * min(CLIENT_LIMIT, POSTS_PER_CLIENT)} accepted posts")
        print("  every accepted post is stored exactly once, and nothing else: OK")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        subprocess.run(
            [*psql, "-c", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], env=env, check=False
        )
        shutil.rmtree(media_root, ignore_errors=True)


if __name__ == "__main__":
    main()
