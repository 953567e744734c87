"""The published progress updates every listing shares, and their addresses."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Prefetch
from wagtail.coreutils import get_content_languages

from ..choices import MilestoneStatus
from ..milestones import Milestone
from ..snippets.localized import reading_language, versions_in
from ..updates.models import MilestoneStatusRecord, ProgressUpdate
from .labels import choice_label
from .progress import text_fields


def deferred_commitment_fields():
    """An update's commitment is loaded with it for its title and address, not its texts."""
    commitment_model = ProgressUpdate._meta.get_field("commitment").related_model
    return [f"commitment__{name}" for name in text_fields(commitment_model)]


@dataclass(frozen=True)
class UpdateEntry:
    """A published update with the address of its own page (``None`` when not routable)."""

    update: ProgressUpdate
    url: str | None


def published_updates(commitment):
    """A commitment's live updates, newest first, with what its page shows of each loaded."""
    return (
        ProgressUpdate.objects.for_commitment(commitment)
        .defer(*deferred_commitment_fields())
        # Their language too: an item not translated is marked with its own (|ogp_lang).
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=apps.get_model("ogp_wagtail", "EvidenceItem").objects.select_related(
                    "document", "locale"
                ),
            )
        )
    )


@dataclass(frozen=True)
class ShownChange:
    """A status change an update made, its milestone named in the language being read."""

    milestone_description: str
    language: str  # of the description: the page's, else the one it was recorded in
    previous_status: str
    status: str

    @property
    def previous_status_label(self):
        return choice_label(MilestoneStatus, self.previous_status) if self.previous_status else ""

    @property
    def status_label(self):
        return choice_label(MilestoneStatus, self.status)


def prepared_for_reading(updates, locale):
    """``updates`` (a list) with what their texts show, in ``locale`` (a ``Locale``) where
    translated: ``status_changes_made`` (from the history, whichever language version was
    published) and ``evidence_shown``. Three queries, however many updates."""
    records = (
        list(
            MilestoneStatusRecord.objects.filter(update__uuid__in={u.uuid for u in updates})
            .select_related("update__locale")
            .order_by("recorded_at", "pk")
        )
        if updates
        else []
    )
    descriptions = versions_in(
        Milestone.objects.only("translation_key", "description"),
        (record.milestone_key for record in records),
        locale.pk,
    )
    evidence = [item for update in updates for item in update.evidence.all()]
    evidence_versions = versions_in(
        apps.get_model("ogp_wagtail", "EvidenceItem").objects.select_related("document", "locale"),
        (item.translation_key for item in evidence),
        locale.pk,
    )
    changes = {}
    for record in records:
        milestone = descriptions.get(record.milestone_key)
        changes.setdefault(record.update.uuid, []).append(
            ShownChange(
                milestone_description=milestone.description
                if milestone
                else record.milestone_description,
                language=locale.language_code if milestone else record.update.locale.language_code,
                previous_status=record.previous_status,
                status=record.status,
            )
        )
    for update in updates:
        update.status_changes_made = changes.get(update.uuid, [])
        update.evidence_shown = [
            evidence_versions.get(item.translation_key, item) for item in update.evidence.all()
        ]
    return updates


def in_reading_language(commitments):
    """``{translation_key: the live version in the language being read}``; one query.

    An update is written on one language version of its commitment; a resident reading
    another language follows it to the version in theirs. None needed on a site in one
    language.
    """
    if len(get_content_languages()) < 2 or not commitments:
        return {}
    commitment_model = apps.get_model("ogp_wagtail", "CommitmentPage")
    return versions_in(
        commitment_model.objects.live().defer(*text_fields(commitment_model)),
        (commitment.translation_key for commitment in commitments),
        reading_language(),
    )


def update_entries(updates, read_on=None):
    """:class:`UpdateEntry` per update, in the order given (their commitments loaded).

    Each links to its page under the commitment's version in the language being read:
    ``read_on``, the commitment page listing them, is that version; else it is looked up.
    """
    updates = list(updates)
    if read_on is not None:
        versions = {read_on.translation_key: read_on}
    else:
        versions = in_reading_language({update.commitment for update in updates})
    # A commitment's address is worked out once, not once per update.
    addresses = {}
    entries = []
    for update in updates:
        commitment = versions.get(update.commitment.translation_key, update.commitment)
        if commitment.pk not in addresses:
            addresses[commitment.pk] = commitment.url
        base = addresses[commitment.pk]
        url = commitment.update_url(update, base=base) if base is not None else None
        entries.append(UpdateEntry(update, url))
    return entries


def latest_updates(source, limit):
    """The newest live updates of the live, public commitments of a commitment, plan or hub.

    An update is written on one language version of its commitment: a French plan
    lists the updates of its commitments' every version.
    """
    commitment_model = apps.get_model("ogp_wagtail", "CommitmentPage")
    if isinstance(source, commitment_model):
        commitments = commitment_model.objects.filter(pk=source.pk)
    else:
        commitments = commitment_model.objects.descendant_of(source)
    keys = commitments.live().public().values("translation_key")
    return list(
        ProgressUpdate.objects.shown_in(source.locale_id)
        .filter(commitment__translation_key__in=keys)
        .select_related("commitment", "locale")
        .defer(*deferred_commitment_fields())
        .order_by("-date", "-pk")[:limit]
    )


def updates_feed_url(page, request=None):
    """The address of the Atom feed of a commitment's or plan's updates, or ``None``."""
    url = page.get_url(request)
    if url is None or not hasattr(page, "reverse_subpage"):
        return None
    return url + page.reverse_subpage("updates_feed")
