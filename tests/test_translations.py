"""The French, Arabic and Spanish catalogues: complete, true to placeholders, compiled, current."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ogp_wagtail"
LANGUAGES = ["fr", "ar", "es"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalogue(language):
    return polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_keeps_placeholders(language):
    po = catalogue(language)
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()
    for entry in po:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        source = placeholders(entry.msgid_plural or entry.msgid)
        for translation in translations:
            assert translation, entry.msgid
            # A plural form for exactly one item may spell out the number.
            if entry.msgid_plural and "%(count)d" not in translation:
                assert placeholders(translation) == [p for p in source if p != "%(count)d"]
            else:
                assert placeholders(translation) == source, entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in mo}
    for entry in po.translated_entries():
        assert (entry.msgctxt, entry.msgid) in compiled, entry.msgid
        assert compiled[(entry.msgctxt, entry.msgid)].msgstr == entry.msgstr


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """makemessages on a copy of the package finds no string the catalogues lack."""
    if not shutil.which("xgettext"):
        pytest.fail("gettext is not installed; `make test` installs it")
    copy = tmp_path / "ogp_wagtail"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    django_admin = Path(sys.executable).with_name("django-admin")
    subprocess.run(
        [str(django_admin), "makemessages", "-l", "fr", "--no-location", "--no-obsolete"],
        cwd=copy,
        env={key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    shipped = {(entry.msgctxt, entry.msgid) for entry in catalogue("fr")}
    missing = [entry.msgid for entry in fresh if (entry.msgctxt, entry.msgid) not in shipped]
    assert missing == [], "run `make messages` and translate the new strings"
