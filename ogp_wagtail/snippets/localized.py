"""Translatable objects shown in a page's language, found by ``translation_key``.

A page's many-to-many choices (a commitment's policy areas, a plan's jurisdictions)
are copied to its translations as they are: wagtail-localize leaves many-to-many
fields alone, so a French commitment points at the English terms. Pages and the
search index read them through :func:`in_locale`, which swaps each for its version
in the page's language. :func:`versions_in` is the one lookup behind it, also used
for pages that point at other pages (an update's commitment, a consultation's).
"""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def reading_language():
    """The content language being read: the active language, as a code of
    ``WAGTAIL_CONTENT_LANGUAGES`` ("fr-ca" reads as "fr" where only "fr" is one)."""
    return get_supported_content_language_variant(get_language())


def versions_in(queryset, translation_keys, locale):
    """``{translation_key: object}``: the objects of ``queryset`` with those keys in
    ``locale`` (a ``Locale`` id, or a language code). One query; none without keys."""
    translation_keys = set(translation_keys)
    if not translation_keys:
        return {}
    in_locale_filter = (
        {"locale__language_code": locale} if isinstance(locale, str) else {"locale_id": locale}
    )
    versions = queryset.filter(translation_key__in=translation_keys, **in_locale_filter)
    return {version.translation_key: version for version in versions}


def in_locale(objects, locale_id):
    """``objects`` (of one translatable model) as their versions in ``locale_id``.

    One query, only when some object is in another language. An object with no
    version in that language stays as it is. The order is kept; an object listed in
    two languages appears once.
    """
    objects = list(objects)
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    if foreign:
        model = type(foreign[0])
        versions = versions_in(
            model.objects.all(), (obj.translation_key for obj in foreign), locale_id
        )
        objects = [versions.get(obj.translation_key, obj) for obj in objects]
    seen = set()
    return [obj for obj in objects if not (obj.pk in seen or seen.add(obj.pk))]


def lazily_in_locale(queryset, locale_id):
    """:func:`in_locale` of ``queryset``, read only when a template uses it: a page whose
    render is cached must not query for what its cached fragment already shows."""
    return SimpleLazyObject(lambda: in_locale(queryset, locale_id))
