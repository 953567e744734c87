"""Nothing lost: comments outlive edits, moves, translations, unpublishing and deletion."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale

from ogp_wagtail.comments.models import Comment, CommentStatus
from ogp_wagtail.models import CommitmentPage, ProgressUpdate, StrategicVisionPage
from tests import factories
from tests.conftest import make_commitment
from tests.test_comments_moderation import make_comment, publish_update


@pytest.fixture
def commitment(plan):
    return make_commitment(plan, "Open budget data")


@pytest.fixture
def approved(commitment):
    update = publish_update(commitment)
    return make_comment(update, "KEEP-ME please", status=CommentStatus.APPROVED)


def shown_on_update_page(client, comment):
    update = ProgressUpdate.objects.get(pk=comment.update_id)
    response = client.get(update.get_url())
    return response.status_code == 200 and "KEEP-ME" in response.content.decode()


def test_edits_moves_and_translations_keep_the_comment(client, hub, plan, commitment, approved):
    assert shown_on_update_page(client, approved)
    commitment.title = "Open budget and spending data"
    commitment.save_revision().publish()
    assert shown_on_update_page(client, approved)

    other = hub.add_child(
        instance=StrategicVisionPage(
            title="Another plan",
            slug="another",
            start_date=plan.start_date,
            end_date=plan.end_date,
            mandate_end=plan.mandate_end,
        )
    )
    other.save_revision().publish()
    CommitmentPage.objects.get(pk=commitment.pk).move(other, pos="last-child")
    assert shown_on_update_page(client, Comment.objects.get(pk=approved.pk))

    french = Locale.objects.create(language_code="fr")
    for page in CommitmentPage.objects.get(pk=commitment.pk).get_ancestors().filter(depth__gt=1):
        page.specific.copy_for_translation(french).save_revision().publish()
    CommitmentPage.objects.get(pk=commitment.pk).copy_for_translation(
        french
    ).save_revision().publish()
    assert Comment.objects.get(pk=approved.pk).update_id == approved.update_id


def test_unpublishing_hides_and_republishing_shows_again(client, approved):
    update = ProgressUpdate.objects.get(pk=approved.update_id)
    url = update.get_url()
    update.unpublish()
    assert client.get(url).status_code == 404
    assert Comment.objects.filter(pk=approved.pk, status=CommentStatus.APPROVED).exists()
    update.get_latest_revision().publish()
    assert shown_on_update_page(client, approved)


def test_deleting_an_update_keeps_its_comments_for_moderators(admin_client, approved):
    update = ProgressUpdate.objects.get(pk=approved.update_id)
    delete_url = reverse(update.snippet_viewset.get_url_name("delete"), args=(update.pk,))
    assert admin_client.post(delete_url).status_code in (200, 302)
    comment = Comment.objects.get(pk=approved.pk)
    assert comment.update_id is None and comment.target_title == approved.target_title
    queue = admin_client.get(reverse("ogp_comments:index")).content.decode()
    assert "KEEP-ME" in queue


def test_deleting_a_consultation_keeps_its_comments(admin_client, plan):
    consultation = factories.consultation(plan)
    comment = Comment.objects.create(
        consultation=consultation,
        target_key=consultation.translation_key,
        target_title=consultation.title,
        author_name="Ana",
        body="KEEP-ME consultation",
        status=CommentStatus.REJECTED,
    )
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=(consultation.pk,)))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.consultation_id is None and comment.status == CommentStatus.REJECTED
    assert comment.target_title == "Co-creation consultation"


def test_a_commitment_with_updates_is_not_deleted_by_accident(admin_client, commitment, approved):
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=(commitment.pk,)))
    assert response.status_code == 302
    assert "cannot be deleted" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert CommitmentPage.objects.filter(pk=commitment.pk).exists()
    assert Comment.objects.filter(pk=approved.pk).exists()
    assert Group.objects.filter(name="Comment moderators").exists()
