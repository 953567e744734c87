"""A milestone's schedule (its months and its weight) is one truth across languages.

wagtail-localize copies synchronised fields only when a translation is created or
updated, and it copies them from the source *as it was when last synced*. Left to
itself, a date moved in one language would show in the others only after someone
re-synced every translation, and a translation published later from an older copy
would move it back.

So, when a commitment is published:

- if the page is edited by hand (a source page, or a page whose translation is not
  synced by wagtail-localize), its milestones' months and weights are what the editor
  meant: every language version of each milestone takes them at once;
- if the page is a wagtail-localize translation, its months and weights are copies:
  the page takes back those of its source.

Statuses follow the same idea through their own history (:mod:`.history`).
"""

from django.apps import apps
from django.db import transaction
from wagtail.models import Page

from ..milestones import Milestone

SCHEDULE_FIELDS = ("start_month", "end_month", "weight")


def _schedule(milestone):
    return tuple(getattr(milestone, name) for name in SCHEDULE_FIELDS)


def synced_source_page(page):
    """The page a wagtail-localize translation copies its synchronised fields from, or None."""
    if not apps.is_installed("wagtail_localize"):
        return None
    # Its models can be imported only when the app is installed.
    from wagtail_localize.models import Translation

    source_locale = (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .values_list("source__locale_id", flat=True)
        .first()
    )
    if source_locale is None or source_locale == page.locale_id:
        return None
    return Page.objects.filter(
        translation_key=page.translation_key, locale_id=source_locale
    ).first()


def _copy_schedules(truth, rows):
    """Give each row of ``rows`` the schedule ``truth`` holds for its key; one write."""
    changed = []
    for row in rows:
        schedule = truth.get(row.translation_key)
        if schedule is not None and _schedule(row) != schedule:
            for name, value in zip(SCHEDULE_FIELDS, schedule, strict=True):
                setattr(row, name, value)
            changed.append(row)
    if changed:
        Milestone.objects.bulk_update(changed, SCHEDULE_FIELDS)
    return changed


@transaction.atomic
def settle_published_schedule(commitment):
    """After ``commitment`` is published: one schedule per milestone in every language."""
    published = list(Milestone.objects.filter(page_id=commitment.pk))
    source = synced_source_page(commitment)
    if source is not None:
        truth = {m.translation_key: _schedule(m) for m in Milestone.objects.filter(page=source)}
        return _copy_schedules(truth, published)
    truth = {m.translation_key: _schedule(m) for m in published}
    others = Milestone.objects.filter(translation_key__in=list(truth)).exclude(
        page_id=commitment.pk
    )
    return _copy_schedules(truth, others)
