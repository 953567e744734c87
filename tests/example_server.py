"""The example site run as an integrator runs it: ``manage.py`` in processes of its own.

The suite itself runs with tests/settings.py, so the example site gets its own processes,
SQLite file, media root and email folder, in a temporary directory. Tests that speak to it
over HTTP serve it with ``runserver`` (threaded, as a small town's server would be).
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"
STARTUP_SECONDS = 60

# The example site always uses its own SQLite file: the SQLite run of the suite covers it.
only_in_the_sqlite_run = pytest.mark.skipif(
    os.environ.get("OGP_TEST_DATABASE") == "postgres",
    reason="the example site does not use the suite's database",
)


def example_env(directory, **extra):
    """The environment of an example site whose files all live in ``directory``."""
    return {
        **os.environ,
        # pytest-django exported the suite's own settings module; the site names its own.
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "EXAMPLE_DATABASE_PATH": str(directory / "db.sqlite3"),
        "EXAMPLE_MEDIA_ROOT": str(directory / "media"),
        "EXAMPLE_EMAIL_DIR": str(directory / "emails"),
        "DJANGO_DEBUG": "0",
        **extra,
    }


def run(env, *args, script=None):
    """``manage.py *args`` (or ``script``) of the example site; its output, or a failure."""
    command = [sys.executable, str(script)] if script else [sys.executable, "manage.py"]
    completed = subprocess.run(
        [*command, *args],
        cwd=EXAMPLE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, (
        f"{' '.join(args) or script} failed:\n{completed.stdout}\n{completed.stderr}"
    )
    return completed.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(port, method, path, body=b"", headers=None, timeout=30):
    """``(status, headers, body)`` of one request on a fresh connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@contextmanager
def serve_example(env, log, *extra_args):
    """``manage.py runserver`` of the example site on a free port, until it answers: the port.

    Its output goes to ``log``, which failures quote.
    """
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
            + list(extra_args),
            cwd=EXAMPLE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"runserver exited with {server.returncode}:\n{log.read_text()}")
            try:
                request(port, "GET", "/", timeout=STARTUP_SECONDS)  # any answer will do
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"runserver did not answer:\n{log.read_text()}")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
