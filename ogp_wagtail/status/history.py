"""Writing the milestone status history: the one place statuses change once recorded.

Two events write it: publishing a commitment (a milestone's first status, set
in the page editor) and publishing a progress update (its status changes).
Records are only appended; ``Milestone.status`` on every language version of
a milestone follows the latest record.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from ..choices import MilestoneStatus
from ..milestones import Milestone
from ..updates.models import MilestoneStatusRecord
from .labels import choice_label, day_label
from .progress import HistoryEntry


def latest_statuses(milestone_keys):
    """The current status of each milestone key that has a history, in one query."""
    latest = {}
    records = MilestoneStatusRecord.objects.filter(milestone_key__in=list(milestone_keys))
    for key, status in records.order_by("recorded_at", "pk").values_list("milestone_key", "status"):
        latest[key] = status
    return latest


def _mirror(milestone_key, status):
    """Every language version of the milestone shows the recorded status."""
    Milestone.objects.filter(translation_key=milestone_key).exclude(status=status).update(
        status=status
    )


def keep_recorded_status(milestone):
    """Put a milestone row's recorded status back if it was saved with another one.

    The history is the one owner of a recorded status. wagtail-localize copies a
    page's milestone rows whole when it syncs a translation, from a copy of the
    source that may predate the latest record; this undoes that on every save.
    """
    recorded = latest_statuses([milestone.translation_key]).get(milestone.translation_key)
    if recorded is not None and recorded != milestone.status:
        Milestone.objects.filter(pk=milestone.pk).update(status=recorded)
        milestone.status = recorded


@transaction.atomic
def record_published_commitment(commitment, user=None):
    """After a commitment is published: start the history of new milestones.

    A milestone that already has a history keeps it: if the published
    revision carried an older status (a restored revision, a bulk publish of a
    stale draft), the recorded status is put back.
    """
    milestones = list(Milestone.objects.filter(page=commitment))
    latest = latest_statuses(m.translation_key for m in milestones)
    # A first status holds from the commitment's start: updates written before the
    # commitment was entered in the site (back-filled) then read in order.
    since = min(timezone.localdate(), commitment.start_date)
    for milestone in milestones:
        recorded = latest.get(milestone.translation_key)
        if recorded is None:
            MilestoneStatusRecord.objects.create(
                milestone_key=milestone.translation_key,
                commitment_key=commitment.translation_key,
                milestone_description=milestone.description,
                status=milestone.status,
                effective_date=since,
                user=user,
            )
            _mirror(milestone.translation_key, milestone.status)
        elif recorded != milestone.status:
            _mirror(milestone.translation_key, recorded)


@transaction.atomic
def apply_published_update(update, user=None):
    """Append the status changes of a just-published update to the history.

    Publishing the same update again adds nothing, unless its changes now
    differ from those it recorded before; then the new choice follows the old.
    A translation adds nothing: its changes are copies of its source's, perhaps
    older than what later updates recorded.
    """
    if update.is_translation():
        return
    changes = [c for c in update.status_changes.select_related("milestone") if c.milestone]
    keys = [change.milestone.translation_key for change in changes]
    latest = latest_statuses(keys)
    recorded_by_update = {}
    for record in update.status_records.order_by("recorded_at", "pk"):
        recorded_by_update[record.milestone_key] = record.status
    for change in changes:
        milestone = change.milestone
        key = milestone.translation_key
        current = latest.get(key, milestone.status)
        if recorded_by_update.get(key) == change.status or current == change.status:
            continue
        MilestoneStatusRecord.objects.create(
            milestone_key=key,
            commitment_key=update.commitment.translation_key,
            milestone_description=milestone.description,
            previous_status=current,
            status=change.status,
            effective_date=update.date,
            update=update,
            user=user,
        )
        latest[key] = change.status
        _mirror(key, change.status)


def history_by_milestone(commitment, update_urls=None):
    """``{milestone translation_key: [HistoryEntry, oldest first]}`` for a commitment.

    One query, run when the history is first read. ``update_urls`` maps an
    update's pk to its page address; a change made by an update links there
    when the update is listed in it.
    """
    return SimpleLazyObject(lambda: _history(commitment, update_urls or {}))


def _history(commitment, update_urls):
    history = {}
    # Only what the history shows of an update: not its texts.
    records = (
        MilestoneStatusRecord.objects.filter(commitment_key=commitment.translation_key)
        .select_related("update")
        .only(
            "milestone_key",
            "status",
            "effective_date",
            "update__title",
            "update__date",
            "update__uuid",
        )
    )
    for record in records:
        update = record.update
        history.setdefault(record.milestone_key, []).append(
            HistoryEntry(
                status=record.status,
                status_label=choice_label(MilestoneStatus, record.status),
                date=record.effective_date,
                date_label=day_label(record.effective_date),
                update_title=update.display_title if update else None,
                update_url=update_urls.get(record.update_id),
            )
        )
    return history
