"""The built wheel, installed into a fresh `wagtail start` project by the README's steps."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def run(*args, cwd, env=None):
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT), cwd=ROOT)
    (wheel,) = out.glob("ogp_wagtail-*.whl")
    return wheel


def test_wheel_carries_templates_static_locale_and_migrations(wheel):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for expected in [
        "ogp_wagtail/templates/ogp_wagtail/base.html",
        "ogp_wagtail/templates/ogp_wagtail/commitment_page.html",
        "ogp_wagtail/migrations/0001_initial.py",
        "ogp_wagtail/migrations/0002_official_taxonomies.py",
    ]:
        assert expected in names
    assert any(name.startswith("ogp_wagtail/static/ogp_wagtail/css/") for name in names)
    for language in ["fr", "ar", "es"]:
        assert f"ogp_wagtail/locale/{language}/LC_MESSAGES/django.mo" in names
    assert not any(name.startswith(("tests/", "example_site/")) for name in names)


def readme_integration_settings():
    """The settings lines the README tells an integrator to add, taken from the README itself."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- integration-settings -->\s*```python\n(.*?)```", readme, re.S)
    assert block, "README lost its integration settings block"
    return block.group(1)


def test_fresh_wagtail_project_with_the_wheel(wheel, tmp_path):
    site_packages = tmp_path / "site-packages"
    run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--target",
        str(site_packages),
        str(wheel),
        cwd=tmp_path,
    )
    project = tmp_path / "project"
    project.mkdir()
    wagtail = Path(sys.executable).with_name("wagtail")
    run(str(wagtail), "start", "municipality", str(project), cwd=tmp_path)
    settings_file = project / "municipality" / "settings" / "base.py"
    settings_file.write_text(settings_file.read_text() + "\n" + readme_integration_settings())

    # The wheel's copy must win over the source tree this suite runs from.
    env = {**os.environ, "PYTHONPATH": str(site_packages), "DJANGO_SETTINGS_MODULE": ""}
    env.pop("DJANGO_SETTINGS_MODULE")
    manage = [sys.executable, "manage.py"]
    run(*manage, "migrate", "--noinput", cwd=project, env=env)
    run(*manage, "check", "--fail-level", "WARNING", cwd=project, env=env)
    script = (ROOT / "tests" / "integration_script.py").read_text()
    output = run(*manage, "shell", "-c", script, cwd=project, env=env)
    report = json.loads(output.strip().splitlines()[-1])

    assert report["package_file"].startswith(str(site_packages))
    assert report["jurisdiction_status"] == 302
    assert report["hub_status"] == 302
    assert report["plan_status"] == 302
    assert report["plan_live"] is True
    assert report["hub_page"] == 200
    assert report["plan_page"] == 200
    assert report["plan_shows_title"] is True
