"""What the benchmarks share: the example site's set-up and a scratch PostgreSQL database."""

import io
import os
import shlex
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def migrate():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def load_example():
    from django.core.management import call_command

    output = io.StringIO()
    try:
        call_command("load_example", stdout=output)
    except Exception:
        print(output.getvalue(), file=sys.stderr)  # what it loaded before it failed
        raise


@contextmanager
def postgres_database(env, prefix):
    """A database of its own in the test cluster (its name yielded), dropped afterwards.

    ``env`` gets the cluster's ``PG*`` variables.
    """
    script = REPO / "scripts" / "postgres-test-cluster.sh"
    exports = subprocess.run([str(script)], capture_output=True, text=True, check=True).stdout
    for word in shlex.split(exports.replace("export ", "")):
        key, _, value = word.partition("=")
        env[key] = value
    database = f"{prefix}_{os.getpid()}"
    psql = ["psql", "-h", env["PGHOST"], "-p", env["PGPORT"], "-U", env["PGUSER"], "-q"]
    subprocess.run([*psql, "-c", f"CREATE DATABASE {database}"], check=True, env=env)
    try:
        yield database
    finally:
        subprocess.run(
            [*psql, "-c", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"], env=env, check=False
        )
