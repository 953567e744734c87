"""Where each page type may be created: the page tree an OGP Local site builds.

A site page (here ``PlainPage``) holds the hub; the hub holds action plans and
consultations; a plan holds commitments, evidence folders and consultations; a
commitment holds evidence folders; folders and consultations hold nothing.
"""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ogp_wagtail import rules
from ogp_wagtail.models import (
    CommitmentPage,
    ConsultationPage,
    EvidenceFolderPage,
    OpenGovernmentPage,
    PlanObjective,
    StrategicVisionPage,
)
from tests.admin_forms import (
    FORMSETS,
    add_url,
    commitment_data,
    consultation_data,
    evidence_data,
    hub_data,
    make_plan,
    plan_data,
    publish,
    reload,
)
from tests.conftest import make_commitment
from tests.testapp.models import PlainPage

OGP_PAGE_TYPES = [
    OpenGovernmentPage,
    StrategicVisionPage,
    CommitmentPage,
    EvidenceFolderPage,
    ConsultationPage,
]
PAGE_TYPES = [PlainPage, *OGP_PAGE_TYPES]

# parent type -> the page types that may be created under it
ALLOWED = {
    PlainPage: {PlainPage, OpenGovernmentPage},
    OpenGovernmentPage: {StrategicVisionPage, ConsultationPage},
    StrategicVisionPage: {CommitmentPage, EvidenceFolderPage, ConsultationPage},
    CommitmentPage: {EvidenceFolderPage},
    EvidenceFolderPage: set(),
    ConsultationPage: set(),
}

PAIRS = [(parent, child) for parent in PAGE_TYPES for child in PAGE_TYPES]


def pair_id(pair):
    parent, child = pair
    return f"{child.__name__}-under-{parent.__name__}"


@pytest.fixture
def tree(home, hub, plan):
    """One live page of every type, each under an allowed parent."""
    commitment = make_commitment(plan, "Open budget data")
    folder = commitment.add_child(instance=EvidenceFolderPage(title="Evidence", slug="evidence"))
    consultation = hub.add_child(
        instance=ConsultationPage(
            title="Co-creation",
            slug="co-creation",
            stage="plan_cocreation",
            opens_at=datetime.datetime(2026, 1, 15, 9, tzinfo=datetime.UTC),
            closes_at=datetime.datetime(2026, 3, 15, 18, tzinfo=datetime.UTC),
        )
    )
    return {
        PlainPage: home.specific,
        OpenGovernmentPage: hub,
        StrategicVisionPage: plan,
        CommitmentPage: commitment,
        EvidenceFolderPage: folder,
        ConsultationPage: consultation,
    }


@pytest.mark.parametrize("parent_type, child_type", PAIRS, ids=map(pair_id, PAIRS))
def test_can_create_at(tree, parent_type, child_type):
    parent = tree[parent_type]
    assert child_type.can_create_at(parent) == (child_type in ALLOWED[parent_type])


@pytest.mark.parametrize("parent_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_allowed_subpage_models(tree, parent_type):
    allowed = set(tree[parent_type].allowed_subpage_models()) & set(PAGE_TYPES)
    assert allowed == ALLOWED[parent_type]


@pytest.mark.parametrize("child_type", OGP_PAGE_TYPES, ids=lambda model: model.__name__)
def test_allowed_parent_page_models(child_type):
    parents = {parent for parent in PAGE_TYPES if child_type in ALLOWED[parent]}
    assert set(child_type.allowed_parent_page_models()) & set(PAGE_TYPES) == parents


@pytest.mark.parametrize("model", OGP_PAGE_TYPES, ids=lambda model: model.__name__)
def test_the_form_helpers_know_every_inline_panel(model):
    """tests/admin_forms.py posts one formset per InlinePanel: keep it in step with the models."""
    formsets = set(model.get_edit_handler().get_form_options().get("formsets", {}))
    assert formsets - {"comments", "wagtail_admin_comments"} == set(FORMSETS[model])


ALLOWED_PAIRS = [(parent, child) for parent, child in PAIRS if child in ALLOWED[parent]]


@pytest.mark.parametrize(
    "parent_type, child_type",
    [pair for pair in ALLOWED_PAIRS if pair[1] is not PlainPage],
    ids=map(pair_id, [pair for pair in ALLOWED_PAIRS if pair[1] is not PlainPage]),
)
def test_admin_add_view_renders_under_an_allowed_parent(
    editor_client, tree, parent_type, child_type
):
    response = editor_client.get(add_url(child_type, tree[parent_type]))
    assert response.status_code == 200


def valid_data(child_type, tree):
    jurisdictions = list(tree[OpenGovernmentPage].jurisdictions.all())
    return {
        OpenGovernmentPage: lambda: hub_data(jurisdictions, title="Misplaced"),
        StrategicVisionPage: lambda: plan_data(jurisdictions, title="Misplaced"),
        CommitmentPage: lambda: commitment_data(title="Misplaced"),
        EvidenceFolderPage: lambda: evidence_data(title="Misplaced"),
        ConsultationPage: lambda: consultation_data(title="Misplaced"),
    }[child_type]()


WRONG_PAIRS = [
    (OpenGovernmentPage, CommitmentPage),
    (OpenGovernmentPage, EvidenceFolderPage),
    (OpenGovernmentPage, OpenGovernmentPage),
    (StrategicVisionPage, StrategicVisionPage),
    (StrategicVisionPage, OpenGovernmentPage),
    (CommitmentPage, StrategicVisionPage),
    (CommitmentPage, CommitmentPage),
    (CommitmentPage, ConsultationPage),
    (EvidenceFolderPage, EvidenceFolderPage),
    (ConsultationPage, CommitmentPage),
    (PlainPage, StrategicVisionPage),
    (PlainPage, CommitmentPage),
    (PlainPage, ConsultationPage),
]


@pytest.mark.parametrize("parent_type, child_type", WRONG_PAIRS, ids=map(pair_id, WRONG_PAIRS))
def test_admin_add_view_refuses_a_wrong_parent(editor_client, tree, parent_type, child_type):
    """Wagtail answers PermissionDenied with a redirect to the dashboard and an error message."""
    url = add_url(child_type, tree[parent_type])
    for response in (
        editor_client.get(url),
        publish(editor_client, url, valid_data(child_type, tree)),
    ):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("permission" in m for m in messages), messages
    assert not child_type.objects.filter(title="Misplaced").exists()


def move(client, page, destination):
    url = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, destination.pk))
    return client.post(url)


def test_admin_move_refuses_a_commitment_under_the_hub(editor_client, tree):
    commitment, hub = tree[CommitmentPage], tree[OpenGovernmentPage]
    move(editor_client, commitment, hub)
    assert reload(commitment).get_parent().pk == tree[StrategicVisionPage].pk


def test_admin_move_of_a_commitment_to_another_plan_is_allowed(editor_client, tree, jurisdiction):
    other = make_plan(tree[OpenGovernmentPage], [jurisdiction], slug="other-plan")
    commitment = tree[CommitmentPage]
    assert move(editor_client, commitment, other).status_code == 302
    assert reload(commitment).get_parent().pk == other.pk


def refusal_messages(response):
    assert response.status_code == 302
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_admin_move_of_a_commitment_checks_the_new_plan(editor_client, tree, jurisdiction):
    short = make_plan(
        tree[OpenGovernmentPage],
        [jurisdiction],
        slug="short-plan",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    commitment = tree[CommitmentPage]  # 2026-01-01 to 2027-12-31
    response = move(editor_client, commitment, short)
    assert reload(commitment).get_parent().pk == tree[StrategicVisionPage].pk
    assert str(rules.COMMITMENT_WITHIN_PLAN.statement) in refusal_messages(response)


def test_moved_commitment_forgets_the_objective_of_its_former_plan(
    editor_client, tree, jurisdiction
):
    commitment = tree[CommitmentPage]
    objective = PlanObjective.objects.create(page=tree[StrategicVisionPage], title="Former")
    CommitmentPage.objects.filter(pk=commitment.pk).update(objective=objective)
    other = make_plan(tree[OpenGovernmentPage], [jurisdiction], slug="other-plan")
    assert move(editor_client, commitment, other).status_code == 302
    assert reload(commitment).objective is None


def test_admin_copy_of_a_commitment_respects_the_cap(editor_client, tree):
    plan = tree[StrategicVisionPage]
    for n in range(2, 6):
        make_commitment(plan, f"Existing {n}")  # with the tree's own: 5 open commitments
    commitment = tree[CommitmentPage]
    url = reverse("wagtailadmin_pages:copy", args=(commitment.pk,))
    response = editor_client.post(
        url,
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": plan.pk,
            "publish_copies": "on",
        },
    )
    live_open = CommitmentPage.objects.child_of(plan).live().count()
    assert live_open <= rules.commitment_cap(1)
    assert str(rules.COMMITMENT_CAP.statement) in refusal_messages(response)
