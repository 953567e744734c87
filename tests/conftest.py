import datetime

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from ogp_wagtail.models import (
    CommitmentPage,
    Jurisdiction,
    Milestone,
    OpenGovernmentPage,
    Organisation,
    StrategicVisionPage,
)
from tests.testapp.models import PlainPage

# With tests.settings_without_comments the core runs alone: the comments' own tests,
# and tests of what comments add to the core's pages, need the app.
COMMENTS_INSTALLED = apps.is_installed("ogp_wagtail.comments")
collect_ignore_glob = [] if COMMENTS_INSTALLED else ["test_comments_*.py"]


def pytest_collection_modifyitems(config, items):
    if COMMENTS_INSTALLED:
        return
    skip = pytest.mark.skip(reason="needs ogp_wagtail.comments")
    for item in items:
        if item.get_closest_marker("comments"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _site_language():
    # A request under /ar/ leaves Arabic active in the thread (LocaleMiddleware activates
    # it and nothing resets it): every test starts in the site's default language.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_render_cache():
    # Rolled-back rows free their ids for the next test: no fragment may outlive its test.
    cache.clear()


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home(db):
    """A plain home page as the root of the default site, as in any Wagtail site."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=PlainPage(title="Home", slug="home-test"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "testserver", "port": 80}
    )
    return home


@pytest.fixture
def organisation(db, locale_en):
    return Organisation.objects.create(name="City Hall", kind="government", locale=locale_en)


@pytest.fixture
def ngo(db, locale_en):
    return Organisation.objects.create(name="Open Streets", kind="civil_society", locale=locale_en)


@pytest.fixture
def jurisdiction(db, locale_en):
    return Jurisdiction.objects.create(name="Riverton", country="France", locale=locale_en)


@pytest.fixture
def hub(home, jurisdiction, organisation):
    hub = home.add_child(
        instance=OpenGovernmentPage(
            title="Open government", slug="open-government", lead_agency=organisation
        )
    )
    hub.jurisdictions.set([jurisdiction])
    hub.save_revision().publish()
    return hub


@pytest.fixture
def plan(hub, jurisdiction):
    plan = hub.add_child(
        instance=StrategicVisionPage(
            title="Action plan 2026-2028",
            slug="plan",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2028, 6, 30),
            mandate_end=datetime.date(2028, 12, 31),
        )
    )
    plan.jurisdictions.set([jurisdiction])
    plan.objectives.create(title="A transparent budget")
    plan.save_revision().publish()
    return plan


def translate_page(page, language):
    """``page`` copied into ``language`` with its ancestors, as wagtail-localize does, and
    published; the copy, specific."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page.specific]:
        if not ancestor.has_translation(locale):
            ancestor.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    return page.get_translation(locale).specific


def localize(instance, locale, capture, strings=None):
    """Translate ``instance`` as wagtail-localize's editor does, and publish it.

    A ``Translation`` into ``locale`` (a ``Locale``), its strings exported as a PO file,
    those found in ``strings`` (English: translation) translated and imported, then
    saved and published, its on-commit work run. Returns the ``Translation``.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation_, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if strings:
        po = translation_.export_po()
        for entry in po:
            entry.msgstr = strings.get(entry.msgid, "")
        translation_.import_po(po)
    with capture(execute=True):
        translation_.save_target(publish=True)
    return translation_


def make_commitment(plan, title, statuses=("in_progress",), **fields):
    """A published commitment of ``plan`` with one milestone per status."""
    fields.setdefault("start_date", datetime.date(2026, 1, 1))
    fields.setdefault("end_date", datetime.date(2027, 12, 31))
    commitment = plan.add_child(instance=CommitmentPage(title=title, **fields))
    for position, status in enumerate(statuses):
        Milestone.objects.create(
            page=commitment,
            sort_order=position,
            description=f"Milestone {position + 1} of {title}",
            start_month=datetime.date(2026, 1, 1),
            end_month=datetime.date(2026, 6, 1),
            status=status,
        )
    commitment.save_revision().publish()
    return commitment


@pytest.fixture
def editor(db, django_user_model):
    """A member of Wagtail's Moderators group, who can publish, plus the snippet permissions."""
    user = django_user_model.objects.create_user(
        username="editor", email="editor@example.org", password="password"
    )
    group = Group.objects.get(name="Moderators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="ogp_wagtail"),
        Permission.objects.get(codename="access_admin"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
