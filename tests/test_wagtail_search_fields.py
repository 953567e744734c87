"""Wagtail's own search index: what each OGP model declares, and what finds a commitment.

Wagtail's index serves the admin's search, its choosers and an integrator's
``Page.objects.search()`` (the public search keeps an index of its own, tested in
``test_search_index.py``). A word found only in a milestone, a published progress
update or an item of a live, public evidence folder finds the commitment; a draft's
or a restricted folder's word does not.
"""

import datetime
import io
import re
import warnings

import pytest
from django.core import checks
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    EvidenceFolderPage,
    EvidenceItem,
    Jurisdiction,
    Milestone,
    OpenGovernmentPage,
    Organisation,
    ProgressUpdate,
    StrategicVisionPage,
)

from . import factories

pytestmark = pytest.mark.django_db


def commitments_found(word):
    """The live commitments Wagtail's index finds for ``word``, by primary key."""
    return {page.pk for page in CommitmentPage.objects.live().search(word)}


def pages_found(word):
    return {page.pk for page in Page.objects.search(word)}


@pytest.fixture
def commitment(plan):
    return factories.commitment_around_today(
        plan, milestones=[("in_progress", -3, 3, None), ("not_started", 1, 6, None)]
    )


def make_update(commitment, live=True, **texts):
    """An update saved as a draft revision, then published (as the admin does) if ``live``."""
    texts.setdefault("progress", "<p>The budget went online.</p>")
    update = ProgressUpdate(
        commitment=commitment, date=datetime.date(2026, 6, 30), live=False, **texts
    )
    update.save()
    revision = update.save_revision()
    if live:
        revision.publish()
    return ProgressUpdate.objects.get(pk=update.pk)


def make_folder(commitment, word, publish=True, **item):
    """An evidence folder under ``commitment`` whose one item holds ``word`` in its title."""
    folder = commitment.add_child(
        instance=EvidenceFolderPage(title="Evidence", slug=f"evidence-{word}", live=False)
    )
    # Rows in the database from the start: a draft folder's items exist, unpublished.
    EvidenceItem.objects.create(
        page=folder,
        title=item.pop("title", f"Report {word}"),
        kind=item.pop("kind", "technical"),
        date=datetime.date(2026, 2, 3),
        link="https://data.example.org/report",
        **item,
    )
    if publish:
        folder.save_revision().publish()
    return EvidenceFolderPage.objects.get(pk=folder.pk)


# What each model declares.


def test_wagtails_search_checks_are_clean():
    messages = [
        message
        for message in checks.run_checks()
        if message.id and message.id.split(".")[0] in {"modelsearch", "wagtailsearch"}
    ]
    assert messages == []


@pytest.mark.parametrize(
    "model",
    [OpenGovernmentPage, StrategicVisionPage, CommitmentPage, ConsultationPage, EvidenceFolderPage],
)
def test_every_rich_text_of_a_page_type_is_indexed(model):
    rich = {field.name for field in model._meta.fields if isinstance(field, RichTextField)}
    searched = {field.field_name for field in model.get_searchable_search_fields()}
    assert rich and rich <= searched


def test_an_update_has_an_autocomplete_field_so_the_chooser_matches_as_typed(
    admin_client, commitment
):
    make_update(commitment, title="Quarterly zeppelin report")
    url = reverse("wagtailsnippetchoosers_ogp_wagtail_progressupdate:choose_results")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # "... does not specify any Autocomp..."
        response = admin_client.get(url, {"q": "zeppe"})
    assert response.status_code == 200
    assert "Quarterly zeppelin report" in response.content.decode()


def test_an_updates_listing_finds_words_of_what_was_done(admin_client, commitment):
    # The title is often blank: the listing's search must also read what was done.
    make_update(commitment, progress="<p>The cartography portal opened.</p>")
    url = reverse("wagtailsnippets_ogp_wagtail_progressupdate:list")
    response = admin_client.get(url, {"q": "cartograph"})
    assert response.status_code == 200
    assert "Q2 2026" in response.content.decode()


@pytest.mark.parametrize(
    ("listing", "make", "query", "shown"),
    [
        (
            "organisation",
            lambda locale: Organisation.objects.create(
                name="Transparency Works", acronym="TWX", kind="civil_society", locale=locale
            ),
            "TWX",
            "Transparency Works",
        ),
        (
            "jurisdiction",
            lambda locale: Jurisdiction.objects.create(
                name="Lakeside", country="Zembla", locale=locale
            ),
            "Zembl",
            "Lakeside",
        ),
    ],
)
def test_snippet_listings_search_their_index_fields(
    admin_client, locale_en, listing, make, query, shown
):
    # Named in the viewset, fields went to SQLite's full-text table as columns: a 500.
    make(locale_en)
    url = reverse(f"wagtailsnippets_ogp_wagtail_{listing}:list")
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    assert shown in response.content.decode()


def test_the_hubs_point_of_contact_finds_the_hub(hub):
    hub.contact_name = "Ada Quennell"
    hub.save_revision().publish()
    assert {page.pk for page in OpenGovernmentPage.objects.search("Quennell")} == {hub.pk}


def test_the_plans_texts_and_objectives_find_the_plan(plan, organisation, ngo):
    factories.fill_plan(plan, organisation, ngo)
    found = {page.pk for page in StrategicVisionPage.objects.search("ACH SHA OBJ")}
    assert found == {plan.pk}


def test_a_consultations_rows_find_the_consultation(plan):
    consultation = factories.consultation(plan)
    for words in ("CNS-SUM", "MTG-AGENDA", "MTG-PLACE", "DOC-ADV", "INP-SUG", "INP-WHY"):
        found = {page.pk for page in ConsultationPage.objects.search(words)}
        assert found == {consultation.pk}, words


def test_every_text_of_a_commitment_finds_it(plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    # Letters only: PostgreSQL's parser reads "STQ-7" as "stq" and "-7".
    for words in ("STQ", "OVR", "SOL", "OTH", "ADD", "AMD-HOW", "LDN"):
        assert commitments_found(words) == {commitment.pk}, words


# Milestones.


def test_a_word_only_in_a_milestone_finds_its_commitment(plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    other = factories.commitment_around_today(plan, title="Open contracts")
    Milestone.objects.filter(page=commitment, sort_order=1).update(
        description="Train the clerks in quillwort filing", contact="Ms Brackenbury"
    )
    commitment.save_revision().publish()
    assert commitments_found("quillwort") == {commitment.pk}
    assert commitments_found("Brackenbury") == {commitment.pk}
    assert pages_found("quillwort") == {commitment.pk}
    assert other.pk not in commitments_found("quillwort")


def test_a_milestone_changed_in_the_editor_is_found_once_published(plan, organisation, ngo):
    # Wagtail indexes a page when it is saved, before its milestones are written.
    commitment = factories.full_commitment(plan, organisation, ngo)
    page = CommitmentPage.objects.get(pk=commitment.pk)
    milestones = list(page.milestones.all())
    milestones[0].description = "Survey the marram dunes"
    page.milestones = milestones
    page.save_revision().publish()
    assert commitments_found("marram") == {commitment.pk}


# Progress updates.


@pytest.mark.parametrize("field", ["title", "progress", "delay_reasons", "next_steps"])
def test_a_word_only_in_a_published_update_finds_its_commitment(commitment, plan, field):
    other = factories.commitment_around_today(plan, title="Open contracts")
    value = "Sassafras" if field == "title" else "<p>The sassafras audit</p>"
    make_update(commitment, **{field: value})
    assert commitments_found("sassafras") == {commitment.pk}
    assert pages_found("sassafras") == {commitment.pk}
    assert other.pk not in commitments_found("sassafras")


def test_a_draft_updates_word_does_not_find_its_commitment(commitment):
    make_update(commitment, live=False, progress="<p>The halberd project</p>")
    commitment.save_revision().publish()  # indexed again: the draft is still left out
    assert commitments_found("halberd") == set()


def test_an_unpublished_or_deleted_update_no_longer_finds_its_commitment(commitment):
    kept = make_update(commitment, progress="<p>The lantern survey</p>")
    gone = make_update(commitment, progress="<p>The marzipan survey</p>")
    assert commitments_found("lantern") == commitments_found("marzipan") == {commitment.pk}
    kept.unpublish()
    assert commitments_found("lantern") == set()
    assert commitments_found("marzipan") == {commitment.pk}
    gone.delete()
    assert commitments_found("marzipan") == set()
    kept.save_revision().publish()
    assert commitments_found("lantern") == {commitment.pk}


def test_an_update_moved_to_another_commitment_finds_that_one_only(commitment, plan):
    other = factories.commitment_around_today(plan, title="Open contracts")
    update = make_update(commitment, progress="<p>The pelican survey</p>")
    update.commitment = other
    update.save_revision().publish()
    assert commitments_found("pelican") == {other.pk}


def test_an_update_finds_every_language_version_of_its_commitment(commitment):
    french = Locale.objects.create(language_code="fr")
    for page in commitment.get_ancestors().filter(depth__gt=1):
        page.specific.copy_for_translation(french).save_revision().publish()
    commitment_fr = commitment.copy_for_translation(french)
    commitment_fr.save_revision().publish()
    make_update(commitment, progress="<p>The kestrel dataset</p>")
    assert commitments_found("kestrel") == {commitment.pk, commitment_fr.pk}


# Evidence folders.


@pytest.mark.parametrize(
    ("item", "query"),
    [
        ({"title": "Ledger of tamarind purchases"}, "tamarind"),
        ({"description": "Signed by the tamarind committee"}, "tamarind"),
        # The kind's label, not its code.
        ({"kind": "minutes_decisions"}, "decision notes"),
    ],
)
def test_a_word_only_in_an_evidence_item_finds_its_commitment(commitment, plan, item, query):
    other = factories.commitment_around_today(plan, title="Open contracts")
    make_folder(other, "unrelated", kind="technical")
    make_folder(commitment, "x", **item)
    assert commitments_found(query) == {commitment.pk}


def test_a_kind_label_is_indexed_in_the_commitments_language(commitment):
    with translation.override("fr"):  # an admin working in French publishes the folder
        make_folder(commitment, "x", kind="minutes_decisions")
    assert commitments_found("decision notes") == {commitment.pk}
    assert commitments_found("Procès-verbaux") == set()


def test_a_draft_folders_word_does_not_find_its_commitment(commitment):
    make_folder(commitment, "gargoyle", publish=False)
    commitment.save_revision().publish()
    assert commitments_found("gargoyle") == set()


def test_a_restricted_folders_word_does_not_find_its_commitment(commitment):
    folder = make_folder(commitment, "obelisk", publish=False)
    PageViewRestriction.objects.create(page=folder, restriction_type="password", password="x")
    folder.save_revision().publish()
    assert commitments_found("obelisk") == set()


def test_restricting_unpublishing_or_deleting_a_folder_takes_its_words_away(commitment):
    restricted = make_folder(commitment, "walrus")
    unpublished = make_folder(commitment, "narwhal")
    deleted = make_folder(commitment, "dugong")
    for word in ("walrus", "narwhal", "dugong"):
        assert commitments_found(word) == {commitment.pk}, word

    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type="password", password="x"
    )
    unpublished.unpublish()
    deleted.delete()
    for word in ("walrus", "narwhal", "dugong"):
        assert commitments_found(word) == set(), word

    restriction.delete()
    assert commitments_found("walrus") == {commitment.pk}


def test_a_restriction_above_the_commitment_takes_its_folders_words_away(commitment, plan):
    make_folder(commitment, "porcupine")
    PageViewRestriction.objects.create(page=plan, restriction_type="password", password="x")
    assert commitments_found("porcupine") == set()


def test_a_moved_folder_finds_the_commitment_it_moved_to(commitment, plan):
    other = factories.commitment_around_today(plan, title="Open contracts")
    folder = make_folder(commitment, "albatross")
    folder.move(other, pos="last-child")
    assert commitments_found("albatross") == {other.pk}


def test_a_folder_also_finds_itself_by_its_items(commitment):
    folder = make_folder(commitment, "x", description="The pelican minutes")
    assert {page.pk for page in EvidenceFolderPage.objects.search("pelican")} == {folder.pk}


# update_index.


def test_update_index_lists_the_ogp_models_with_their_counts(plan, organisation, ngo):
    commitment = factories.full_commitment(plan, organisation, ngo)
    factories.evidence_folder(commitment)
    make_update(commitment, progress="<p>The heron count</p>")
    out = io.StringIO()
    # One object a chunk: the progress meter prints one dot per object.
    call_command("update_index", chunk_size=1, stdout=out)
    output = out.getvalue()
    dots = {
        name: len(progress.replace(" ", "").replace("\n", ""))
        for name, progress in re.findall(r"default: ogp_wagtail\.(\w+) +([. \n]*)", output)
    }
    expected = {
        model.__name__: model.get_indexed_objects().count()
        for model in index.get_indexed_models()
        if model._meta.app_label == "ogp_wagtail"
    }
    assert dots == expected
    for name in ("CommitmentPage", "EvidenceFolderPage", "ProgressUpdate", "Organisation"):
        assert dots[name] >= 1, name
    assert re.search(r"default: indexed \d+ objects", output)
    # The rebuilt index still finds the commitment by its update and its evidence.
    assert commitments_found("heron") == commitments_found("EV-DESC") == {commitment.pk}
