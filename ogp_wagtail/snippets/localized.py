"""Translatable snippets shown in a page's language.

A page's many-to-many choices (a commitment's policy areas, a plan's jurisdictions)
are copied to its translations as they are: wagtail-localize leaves many-to-many
fields alone, so a French commitment points at the English terms. Pages and the
search index read them through :func:`in_locale`, which swaps each for its version
in the page's language, found by ``translation_key``.
"""

from django.utils.functional import SimpleLazyObject


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
        versions = {
            version.translation_key: version
            for version in model.objects.filter(
                locale_id=locale_id, translation_key__in={obj.translation_key for obj in foreign}
            )
        }
        objects = [versions.get(obj.translation_key, obj) for obj in objects]
    seen = set()
    return [obj for obj in objects if not (obj.pk in seen or seen.add(obj.pk))]


def lazily_in_locale(queryset, locale_id):
    """:func:`in_locale` of ``queryset``, read only when a template uses it: a page whose
    render is cached must not query for what its cached fragment already shows."""
    return SimpleLazyObject(lambda: in_locale(queryset, locale_id))
