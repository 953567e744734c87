"""The admin's choosers follow the models' permissions (issue 8, item 21).

A snippet chooser answers only users with some permission (add, change, delete
or view) on its model. The progress update chooser offers only published
updates of commitments its user may edit: never a draft, never an update of a
commitment the user cannot open in the admin (a private one included).
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageViewRestriction

from ogp_wagtail.models import (
    Jurisdiction,
    OGPValue,
    Organisation,
    PolicyArea,
    ProgressUpdate,
    Sector,
)
from tests.admin_forms import make_plan
from tests.conftest import make_commitment

MODELS = {
    "progressupdate": ProgressUpdate,
    "organisation": Organisation,
    "jurisdiction": Jurisdiction,
    "policyarea": PolicyArea,
    "sector": Sector,
    "ogpvalue": OGPValue,
}


MODAL = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def chooser(name, view, *args):
    return reverse(f"wagtailsnippetchoosers_ogp_wagtail_{name}:{view}", args=args)


def chooser_requests(name, pk):
    return [
        chooser(name, "choose"),
        chooser(name, "choose_results"),
        chooser(name, "chosen", pk),
        chooser(name, "chosen_multiple") + f"?id={pk}",
    ]


def publish_update(commitment, title, live=True):
    update = ProgressUpdate(
        commitment=commitment,
        date=datetime.date(2026, 6, 30),
        title=title,
        progress=f"<p>{title}: the budget went online.</p>",
        live=False,
    )
    update.save()
    revision = update.save_revision()
    if live:
        revision.publish()
    return update


def login(client, django_user_model, username, *permissions, groups=()):
    user = django_user_model.objects.create_user(username=username, password="password")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[
            Permission.objects.get(content_type__app_label="ogp_wagtail", codename=codename)
            for codename in permissions
        ],
    )
    user.groups.add(*groups)
    client.force_login(user)
    return user


@pytest.fixture
def instances(plan, organisation, jurisdiction):
    return {
        "progressupdate": publish_update(make_commitment(plan, "Open budget data"), "Alpha"),
        "organisation": organisation,
        "jurisdiction": jurisdiction,
        "policyarea": PolicyArea.objects.first(),
        "sector": Sector.objects.first(),
        "ogpvalue": OGPValue.objects.first(),
    }


@pytest.mark.parametrize("name", MODELS)
def test_a_chooser_refuses_a_user_without_permission_on_its_model(
    client, django_user_model, instances, name
):
    login(client, django_user_model, "nobody")
    for url in chooser_requests(name, instances[name].pk):
        # The chooser modal asks with XMLHttpRequest: a 403, which the modal reports.
        assert client.get(url, **MODAL).status_code == 403, url
        # Opened directly, Wagtail's refusal: back to the dashboard, with its message.
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", MODELS)
def test_any_permission_on_the_model_opens_its_chooser(client, django_user_model, instances, name):
    login(client, django_user_model, "viewer", f"view_{name}")
    response = client.get(chooser(name, "choose"))
    assert response.status_code == 200
    # Only that model's: the others still refuse.
    other = next(other for other in MODELS if other != name)
    assert client.get(chooser(other, "choose"), **MODAL).status_code == 403


@pytest.fixture
def updates(hub, plan, jurisdiction, django_capture_on_commit_callbacks):
    """Updates the chooser must and must not offer to an editor of ``plan`` only."""
    mine = make_commitment(plan, "Open budget data")
    private = make_commitment(plan, "Internal audit")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    elsewhere = make_commitment(make_plan(hub, [jurisdiction], slug="other-plan"), "Sensors")
    # Some Wagtail versions index on commit: let the search index see the updates.
    with django_capture_on_commit_callbacks(execute=True):
        return {
            "live": publish_update(mine, "Alpha live"),
            "draft": publish_update(mine, "Alpha draft", live=False),
            "private": publish_update(private, "Alpha private"),
            "elsewhere": publish_update(elsewhere, "Alpha elsewhere"),
        }


@pytest.fixture
def plan_editor(client, django_user_model, plan):
    group = Group.objects.create(name="Editors of the plan")
    GroupPagePermission.objects.create(
        group=group, page=plan, permission=Permission.objects.get(codename="change_page")
    )
    return login(client, django_user_model, "plan_editor", "view_progressupdate", groups=[group])


def offered_titles(response):
    assert response.status_code == 200
    html = (
        response.json()["html"] if response["Content-Type"].startswith("application/json") else None
    )
    soup = BeautifulSoup(html or response.content.decode(), "html.parser")
    return sorted(link.get_text(strip=True) for link in soup.select("[data-chooser-modal-choice]"))


def test_the_update_chooser_offers_published_updates_of_editable_commitments(
    client, plan_editor, updates
):
    # Editing the plan's pages lets the user open its private commitment in the admin.
    expected = ["Alpha live", "Alpha private"]
    assert offered_titles(client.get(chooser("progressupdate", "choose"))) == expected
    assert offered_titles(client.get(chooser("progressupdate", "choose_results"))) == expected
    searched = client.get(chooser("progressupdate", "choose_results"), {"q": "Alpha"})
    assert offered_titles(searched) == expected
    for hidden in ("draft", "elsewhere"):
        assert (
            client.get(chooser("progressupdate", "chosen", updates[hidden].pk)).status_code == 404
        )
        multiple = client.get(
            chooser("progressupdate", "chosen_multiple"), {"id": updates[hidden].pk}
        )
        assert updates[hidden].title not in multiple.content.decode()


def test_the_update_chooser_offers_nothing_private_to_an_editor_of_other_pages(
    client, django_user_model, hub, updates
):
    other_plan = updates["elsewhere"].commitment.get_parent()
    group = Group.objects.create(name="Editors of the other plan")
    GroupPagePermission.objects.create(
        group=group, page=other_plan, permission=Permission.objects.get(codename="change_page")
    )
    login(client, django_user_model, "other_editor", "change_progressupdate", groups=[group])
    assert offered_titles(client.get(chooser("progressupdate", "choose"))) == ["Alpha elsewhere"]
    searched = client.get(chooser("progressupdate", "choose_results"), {"q": "private"})
    assert offered_titles(searched) == []


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_wagtails_editors_may_still_choose_what_page_forms_ask_for(
    client, django_user_model, instances, group_name
):
    """Migration 0006: Wagtail's own editor groups view, so choose, the shared lists."""
    login(client, django_user_model, "editor", groups=[Group.objects.get(name=group_name)])
    for name in ("organisation", "jurisdiction", "policyarea", "sector", "ogpvalue"):
        assert client.get(chooser(name, "choose"), **MODAL).status_code == 200, name
    # Not progress updates, which have their own permissions to give.
    assert client.get(chooser("progressupdate", "choose"), **MODAL).status_code == 403


@pytest.fixture
def update_writer(client, django_user_model, plan):
    """May write, change and publish updates, and edit ``plan``'s pages only."""
    group = Group.objects.create(name="Writers of the plan's updates")
    GroupPagePermission.objects.create(
        group=group, page=plan, permission=Permission.objects.get(codename="change_page")
    )
    return login(
        client,
        django_user_model,
        "writer",
        "add_progressupdate",
        "change_progressupdate",
        "publish_progressupdate",
        groups=[group],
    )


def snippet_url(view, *args):
    return reverse(f"wagtailsnippets_ogp_wagtail_progressupdate:{view}", args=args)


def test_the_updates_admin_keeps_to_the_commitments_its_user_edits(client, update_writer, updates):
    """Not only the chooser: the listing, each update's views and the form (issue 8, item 21)."""
    listing = client.get(snippet_url("list")).content.decode()
    assert "Alpha live" in listing and "Alpha draft" in listing and "Alpha private" in listing
    assert "Alpha elsewhere" not in listing and "Sensors" not in listing
    elsewhere = updates["elsewhere"]
    for view in ("edit", "delete", "history", "unpublish"):
        assert client.get(snippet_url(view, elsewhere.pk)).status_code == 404, view
    assert client.get(snippet_url("edit", updates["draft"].pk)).status_code == 200
    # Nor can an update be written about a commitment the user cannot edit.
    form = client.get(snippet_url("add"), {"commitment": elsewhere.commitment_id})
    assert "Sensors step" not in form.content.decode()
    assert (
        not form.context["form"]
        .fields["commitment"]
        .queryset.filter(pk=elsewhere.commitment_id)
        .exists()
    )
