"""The example's content in French, Arabic and Spanish, through wagtail-localize's own workflow.

The example is written in English (``example_content.py``), the language OGP Local plans are
submitted in. Each other language has a catalogue, ``locale/<language>.po``, whose entries
are the English strings wagtail-localize extracts from the pages and snippets (``msgid``) and
their translations (``msgstr``). Loading a language does what a translator's round trip in
the admin does: for each object, wagtail-localize exports the strings of a translation as a
PO file, the catalogue's translations are imported into it, and the translation is saved and
published. Synchronised fields (dates, weights, statuses, links) are wagtail-localize's
copies; the package keeps progress one truth across languages from there on.

``manage.py example_messages`` writes ``locale/example.pot`` from a loaded example and merges
it into the catalogues, when the English content changes.
"""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from ogp_wagtail.models import ProgressUpdate

CATALOGUES = Path(__file__).resolve().parent / "locale"
TEMPLATE = CATALOGUES / "example.pot"


def catalogue_path(language):
    return CATALOGUES / f"{language}.po"


def read_catalogue(language):
    """``{English string: translation}`` of one language; fuzzy entries are not translations."""
    path = catalogue_path(language)
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def translatable_objects(snippets, home):
    """What the example translates, in an order where everything an object points at comes first:
    snippets, pages from the top, then the progress updates written on those pages."""
    pages = [page.specific for page in Page.objects.descendant_of(home, inclusive=True)]
    updates = ProgressUpdate.objects.filter(
        commitment__in=[page.pk for page in pages], locale_id=home.locale_id
    ).order_by("date", "pk")
    return [*snippets, *pages, *updates]


def source_strings(instance):
    """The English strings wagtail-localize extracts from one object, in its order."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return [segment.string.data for segment in segments.order_by("order")]


@transaction.atomic
def translate(instance, locale, catalogue):
    """Translate one object into ``locale`` from ``catalogue``, publish it; None if it exists.

    Returns how many of the object's strings the catalogue lacked (they stay English, as
    wagtail-localize shows an incomplete translation).
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    if instance.has_translation(locale):
        return None
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = 0
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
        missing += not entry.msgstr
    translation.import_po(po, tool_name="ogp-wagtail example catalogue")
    translation.save_target(publish=True)
    return missing


def write_template(objects):
    """``locale/example.pot``: every English string of ``objects``, once, where first met."""
    template = polib.POFile(wrapwidth=0)
    template.metadata = {
        "Project-Id-Version": "ogp-wagtail example site",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    seen = set()
    for instance in objects:
        for text in source_strings(instance):
            if text in seen:
                continue
            seen.add(text)
            place = f"{type(instance).__name__} {getattr(instance, 'slug', None) or instance}"
            template.append(polib.POEntry(msgid=text, msgstr="", comment=place))
    CATALOGUES.mkdir(exist_ok=True)
    template.save(str(TEMPLATE))
    return template


def merge_into_catalogues(template, languages):
    """Bring each language's catalogue in line with the template, keeping its translations."""
    for language in languages:
        path = catalogue_path(language)
        catalogue = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile()
        catalogue.wrapwidth = 0
        catalogue.metadata = {**template.metadata, "Language": language}
        catalogue.merge(template)
        catalogue.save(str(path))


def target_locales(languages):
    return [Locale.objects.get(language_code=language) for language in languages]
