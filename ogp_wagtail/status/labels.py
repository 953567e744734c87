"""Choice labels and dates as residents read them, resolved once per language.

``get_FOO_display`` rebuilds a dict of lazy labels at every call and ``|date``
parses its format at every use; a page with hundreds of milestones paid for
both hundreds of times. These return the same strings from a per-language
memo.
"""

from functools import lru_cache

from django.utils.formats import date_format, time_format
from django.utils.hashable import make_hashable
from django.utils.translation import get_language, gettext


@lru_cache(maxsize=64)
def _labels(choices, language):
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value):
    """The label of ``value`` in ``choices`` (a ``TextChoices`` class), in the active language."""
    return _labels(choices, get_language()).get(value, value)


@lru_cache(maxsize=4096)
def _formatted(day, format_name, language):
    return date_format(day, format_name)


def month_label(day):
    """``day``'s month as the active language writes it ("March 2026")."""
    return _formatted(day.replace(day=1), "YEAR_MONTH_FORMAT", get_language())


def day_label(day):
    """``day`` as the active language writes a date."""
    return _formatted(day, "DATE_FORMAT", get_language())


def moment_label(moment):
    """A date and time (already in the current time zone): the date as :func:`day_label`
    writes it, then the time. Django's ``DATETIME_FORMAT`` orders the date differently
    from ``DATE_FORMAT`` in some languages (Arabic: "يناير 5, 2027" beside "1 يناير، 2026"):
    a page writes its dates one way."""
    return gettext("%(date)s, %(time)s") % {
        "date": day_label(moment.date()),
        "time": time_format(moment, "TIME_FORMAT"),
    }


@lru_cache(maxsize=256)
def _field_labels(model, field_name, language):
    field = model._meta.get_field(field_name)
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


def field_label(instance, field_name):
    """What ``instance.get_FOO_display()`` returns for field ``field_name``, memoised."""
    value = getattr(instance, field_name)
    labels = _field_labels(type(instance), field_name, get_language())
    return labels.get(make_hashable(value), value)
