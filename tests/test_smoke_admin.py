from django.urls import reverse

from ogp_wagtail.models import OpenGovernmentPage


def test_create_hub_through_admin(editor_client, home, jurisdiction, organisation):
    url = reverse("wagtailadmin_pages:add", args=("ogp_wagtail", "opengovernmentpage", home.pk))
    response = editor_client.get(url)
    assert response.status_code == 200
    data = {
        "title": "Open government",
        "slug": "open-gov",
        "jurisdictions": [jurisdiction.pk],
        "member_status": "active",
        "lead_agency": organisation.pk,
        "introduction": '{"blocks":[],"entityMap":{}}',
        "contact_name": "Ada",
        "action-publish": "publish",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    hub = OpenGovernmentPage.objects.get(slug="open-gov")
    assert hub.live
