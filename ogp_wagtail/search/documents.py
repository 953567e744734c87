"""What the public search indexes, built from live, public pages: one definition for all engines.

A :class:`SearchDocument` is one result a resident can find: a plan, a commitment,
a milestone, a progress update, an evidence item or a consultation. Each carries
the facets it is counted under and the text it is found by, in the language it
is written in (results are given in the current language only).

A commitment's text holds its own fields **and** the text of its milestones, its
published progress updates and the items of its evidence folders: a word found
only in a milestone finds the commitment as well as the milestone. Milestones,
updates and evidence items share their commitment's plan, status, taxonomies and
jurisdictions, so that "policy area: budget" also lists the evidence of budget
commitments.

The year a document is counted under is the year it is dated: a plan's and a
commitment's start, a milestone's end month, an update's and an evidence item's
date, a consultation's opening.

Only what residents can see is indexed: live pages without view restrictions;
updates that are live. Pages are reached through ``apps.get_model``: this layer
sits below the page modules.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models.functions import Length, Substr
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from .. import progress
from ..calendar import month_after
from ..choices import EvidenceKind, MilestoneStatus
from ..snippets.localized import in_locale


class SearchKind(models.TextChoices):
    """What a search result is, in the order the type facet lists them."""

    COMMITMENT = "commitment", _("Commitment")
    MILESTONE = "milestone", _("Milestone")
    UPDATE = "update", _("Progress update")
    EVIDENCE = "evidence", _("Evidence")
    CONSULTATION = "consultation", _("Consultation")
    PLAN = "plan", _("Action plan")


@dataclass
class SearchDocument:
    """One searchable item, as every engine stores it.

    ``page_id`` is the page the item lives on (a milestone's or an update's is its
    commitment): refreshing a page replaces all its documents. ``url_suffix`` is
    added to that page's address to reach the item.
    """

    key: str
    kind: str
    locale_id: int
    language: str
    page_id: int
    path: str
    title: str
    text: str
    url_suffix: str = ""
    date: datetime.date | None = None
    plan_id: int | None = None
    commitment_id: int | None = None
    status: str = ""
    # The first day the status may change by itself (a milestone becomes overdue).
    status_until: datetime.date | None = None
    percent: int | None = None
    end_date: datetime.date | None = None  # a commitment's, for the plan's list
    policy_areas: tuple[int, ...] = ()
    sectors: tuple[int, ...] = ()
    ogp_values: tuple[int, ...] = ()
    jurisdictions: tuple[int, ...] = ()
    extra_text: list[str] = field(default_factory=list, repr=False)

    @property
    def year(self):
        return self.date.year if self.date else None

    @property
    def body(self):
        """All the text the document is found by: its own first, then its parts'."""
        return "\n".join(part for part in [self.text, *self.extra_text] if part)


def plain(value):
    """Text of a rich-text or plain field, without markup."""
    if not value:
        return ""
    return get_text_for_indexing(str(value)).strip()


def own_text(page):
    """The page's search description and every text field its own type declares."""
    parts = [page.search_description]
    for model_field in page._meta.concrete_fields:
        if model_field.model is Page:
            continue
        if isinstance(model_field, RichTextField | models.TextField):
            parts.append(plain(getattr(page, model_field.attname)))
    return "\n".join(part for part in parts if part)


def _rows_text(rows, *names):
    return [plain(getattr(row, name)) for row in rows for name in names]


def _model(name):
    return apps.get_model("ogp_wagtail", name)


def shown_pages(model, page_ids):
    """The pages of ``model`` among ``page_ids`` that residents can see."""
    return model.objects.filter(id__in=page_ids).live().public().select_related("locale")


def _ancestor_plans(pages):
    """``{page path: plan}`` for each page below (or being) an action plan."""
    steplen = Page.steplen
    prefixes = {
        page.path[:end] for page in pages for end in range(steplen, len(page.path) + 1, steplen)
    }
    plans = (
        _model("StrategicVisionPage")
        .objects.filter(path__in=prefixes)
        .prefetch_related("jurisdictions")
    )
    by_path = {plan.path: plan for plan in plans}
    found = {}
    for page in pages:
        for end in range(len(page.path), 0, -steplen):
            if page.path[:end] in by_path:
                found[page.path] = by_path[page.path[:end]]
                break
    return found


def _children_of(model, parents):
    """Live, public pages of ``model`` directly below ``parents``, by parent path."""
    if not parents:
        return {}
    children = (
        model.objects.live()
        .public()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=[parent.path for parent in parents])
    )
    by_parent = defaultdict(list)
    for child in children.prefetch_related("items"):
        by_parent[child.parent_path].append(child)
    return by_parent


def _status(milestones, today):
    """A commitment's label, the day it may change by itself, and its percentage."""
    label = progress.progress_label(milestones, today)
    changes = [
        month_after(milestone.end_month)
        for milestone in milestones
        if milestone.status not in MilestoneStatus.ended()
        and month_after(milestone.end_month) > today
    ]
    return label, min(changes, default=None), progress.percent_complete(milestones)


def _document(page, kind, key, title, text, **facts):
    return SearchDocument(
        key=key,
        kind=kind,
        locale_id=page.locale_id,
        language=page.locale.language_code,
        page_id=page.pk,
        path=page.path,
        title=title,
        text=text,
        **facts,
    )


def build_documents(page_ids, today=None):
    """The documents of the pages among ``page_ids`` that residents can see.

    A page that is not live, not public or not an OGP content type gives none: the
    caller replaces whatever the index held for ``page_ids`` by what this returns.
    """
    today = today or timezone.localdate()
    page_ids = set(page_ids)
    commitment_model = _model("CommitmentPage")
    folder_model = _model("EvidenceFolderPage")
    plans = list(
        shown_pages(_model("StrategicVisionPage"), page_ids).prefetch_related("objectives")
    )
    commitments = list(
        shown_pages(commitment_model, page_ids)
        .select_related("jurisdiction")
        .prefetch_related(*COMMITMENT_FACTS, "amendments")
    )
    folders = list(shown_pages(folder_model, page_ids).prefetch_related("items"))
    consultations = list(
        shown_pages(_model("ConsultationPage"), page_ids).prefetch_related(
            "meetings", "advance_documents", "input_outcomes"
        )
    )
    # A folder's commitment gives its items their facts, even when it is not refreshed.
    parents = {commitment.path: commitment for commitment in commitments}
    missing = {folder.path[: -Page.steplen] for folder in folders} - parents.keys()
    hidden_commitments = set()
    if missing:
        for commitment in (
            commitment_model.objects.filter(path__in=missing)
            .select_related("jurisdiction")
            .prefetch_related(*COMMITMENT_FACTS)
        ):
            if commitment.live and _is_public(commitment):
                parents[commitment.path] = commitment
            else:
                hidden_commitments.add(commitment.path)
    plan_of = _ancestor_plans([*plans, *parents.values(), *folders, *consultations])
    facts_of = {
        path: _commitment_facts(commitment, plan_of.get(path), today)
        for path, commitment in parents.items()
    }
    folders_of = _children_of(folder_model, commitments)
    # An update is written on one language version of its commitment and may have
    # translations: each version of the commitment finds it in its language, else as written.
    versions_of = defaultdict(dict)
    updates = _model("ProgressUpdate").objects.filter(
        live=True, commitment__translation_key__in={c.translation_key for c in commitments}
    )
    for update in updates.select_related("commitment").order_by("date", "pk"):
        versions_of[update.commitment.translation_key].setdefault(update.uuid, []).append(update)

    def updates_of(commitment):
        return [
            next((v for v in versions if v.locale_id == commitment.locale_id), versions[0])
            for versions in versions_of[commitment.translation_key].values()
        ]

    documents = []
    for plan in plans:
        with translation.override(plan.locale.language_code):
            documents.append(
                _document(
                    plan,
                    SearchKind.PLAN,
                    f"plan:{plan.pk}",
                    plan.title,
                    own_text(plan),
                    date=plan.start_date,
                    extra_text=_rows_text(plan.objectives.all(), "title", "description"),
                    **_plan_facts(plan),
                )
            )
    for commitment in commitments:
        with translation.override(commitment.locale.language_code):
            documents.extend(
                _commitment_documents(
                    commitment,
                    facts_of[commitment.path],
                    folders_of.get(commitment.path, []),
                    updates_of(commitment),
                )
            )
    for folder in folders:
        parent_path = folder.path[: -Page.steplen]
        if parent_path in hidden_commitments:
            continue  # the evidence of a commitment residents cannot see is hidden with it
        facts = facts_of.get(parent_path) or _plan_facts(plan_of.get(folder.path))
        with translation.override(folder.locale.language_code):
            documents.extend(_evidence_documents(folder, facts))
    for consultation in consultations:
        with translation.override(consultation.locale.language_code):
            documents.append(
                _document(
                    consultation,
                    SearchKind.CONSULTATION,
                    f"consultation:{consultation.pk}",
                    consultation.title,
                    own_text(consultation),
                    date=timezone.localtime(consultation.opens_at).date(),
                    extra_text=[
                        *_rows_text(consultation.meetings.all(), "place", "agenda"),
                        *_rows_text(consultation.advance_documents.all(), "title"),
                        *_rows_text(consultation.input_outcomes.all(), "suggestion", "reason"),
                    ],
                    **_plan_facts(plan_of.get(consultation.path)),
                )
            )
    return documents


COMMITMENT_FACTS = ("milestones", "policy_areas", "sectors", "ogp_values")


def _is_public(page):
    return Page.objects.filter(pk=page.pk).public().exists()


def _plan_facts(plan):
    """What an item below a plan (outside any commitment) is counted under."""
    if plan is None:
        return {}
    jurisdictions = in_locale(plan.jurisdictions.all(), plan.locale_id)
    return {"plan_id": plan.pk, "jurisdictions": tuple(j.pk for j in jurisdictions)}


def _commitment_facts(commitment, plan, today):
    """What a commitment, its milestones, updates and evidence are counted under."""
    label, until, percent = _status(list(commitment.milestones.all()), today)
    if commitment.jurisdiction_id:
        jurisdictions = tuple(
            j.pk for j in in_locale([commitment.jurisdiction], commitment.locale_id)
        )
    else:
        jurisdictions = _plan_facts(plan).get("jurisdictions", ())
    return {
        "plan_id": plan.pk if plan else None,
        "commitment_id": commitment.pk,
        "status": str(label),
        "status_until": until,
        "percent": percent,
        # Counted under the terms of the commitment's language (the facets' allow-lists).
        **{
            name: tuple(
                term.pk for term in in_locale(getattr(commitment, name).all(), commitment.locale_id)
            )
            for name in ("policy_areas", "sectors", "ogp_values")
        },
        "jurisdictions": jurisdictions,
    }


def _evidence_documents(folder, facts):
    kinds = dict(EvidenceKind.choices)
    facts = {**facts, "percent": None, "status_until": None}
    return [
        _document(
            folder,
            SearchKind.EVIDENCE,
            f"evidence:{item.pk}",
            item.title,
            "\n".join(filter(None, [str(kinds.get(item.kind, "")), plain(item.description)])),
            url_suffix="#ogp-items",
            date=item.date,
            **facts,
        )
        for item in folder.items.all()
    ]


def _commitment_documents(commitment, facts, folders, updates):
    """The commitment, then its milestones and updates; its text holds all of theirs."""
    # The commitment's own entry alone says when its status may change: refreshing the
    # commitment refreshes its parts.
    parts_facts = {**facts, "percent": None, "status_until": None}
    parts = [
        _document(
            commitment,
            SearchKind.MILESTONE,
            f"milestone:{milestone.pk}",
            plain(milestone.description)[:255],
            "\n".join(filter(None, [plain(milestone.description), milestone.contact])),
            url_suffix="#ogp-milestones",
            date=milestone.end_month,
            **parts_facts,
        )
        for milestone in commitment.milestones.all()
    ]
    parts += [
        _document(
            commitment,
            SearchKind.UPDATE,
            # An update not translated yet is found in each language it is shown in.
            f"update:{update.pk}:{commitment.pk}",
            update.display_title,
            "\n".join(
                filter(
                    None,
                    [plain(update.progress), plain(update.delay_reasons), plain(update.next_steps)],
                )
            ),
            url_suffix=commitment.reverse_subpage("progress_update", args=(update.uuid,)),
            date=update.date,
            **parts_facts,
        )
        for update in updates
    ]
    evidence = [document for folder in folders for document in _evidence_documents(folder, facts)]
    own = _document(
        commitment,
        SearchKind.COMMITMENT,
        f"commitment:{commitment.pk}",
        commitment.title,
        own_text(commitment),
        date=commitment.start_date,
        end_date=commitment.end_date,
        extra_text=[
            # A milestone's title is its description: its text alone says it.
            *(
                part.text if part.kind == SearchKind.MILESTONE else f"{part.title}\n{part.text}"
                for part in [*parts, *evidence]
            ),
            *_rows_text(commitment.amendments.all(), "change", "decision_process"),
        ],
        **facts,
    )
    return [own, *parts]
