"""Every block of the library, added to a page of the integrator's own through the admin."""

import datetime

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from ogp_wagtail.blocks import OpenGovernmentStreamBlock
from tests import factories
from tests.stream_form_data import stream_form_data
from tests.testapp.models import BlocksPage


def every_block(hub, plan, commitment, folder, consultation):
    return [
        (
            "resources",
            {
                "heading": "Guides ADMIN-RES",
                "heading_level": "2",
                "intro": "",
                "resources": [
                    {
                        "title": "OGP Local handbook",
                        "link": "https://www.opengovpartnership.org/local",
                        "document": None,
                        "publisher": "OGP",
                        "year": 2023,
                        "languages": "fr, en",
                        "summary": "<p>The rules ADMIN-SUM</p>",
                    }
                ],
            },
        ),
        (
            "key_dates",
            {
                "heading": "Calendar ADMIN-KEY",
                "heading_level": "2",
                "dates": [
                    {
                        "date": datetime.date(2026, 3, 1),
                        "end_date": None,
                        "title": "Forum meeting ADMIN-DATE",
                        "description": "",
                        "stage": "plan_cocreation",
                        "page": None,
                        "link": "",
                    }
                ],
            },
        ),
        (
            "consultation",
            {
                "heading": "",
                "heading_level": "2",
                "consultation": consultation,
                "within": None,
                "no_consultation_text": "",
            },
        ),
        (
            "contact",
            {
                "heading": "",
                "heading_level": "2",
                "hub": hub,
                "organisation": None,
                "name": "ADMIN-POC",
                "job_title": "",
                "email": "",
                "phone": "",
            },
        ),
        ("evidence", {"heading": "", "heading_level": "2", "source": folder, "max_items": 5}),
        ("commitments", {"heading": "", "heading_level": "2", "plan": plan}),
        ("progress", {"page": commitment, "display": "both", "heading_level": "2"}),
        ("latest_updates", {"heading": "", "heading_level": "2", "source": hub, "max_items": 3}),
    ]


def test_every_block_is_added_through_the_admin_and_renders(
    editor_client, client, home, hub, plan, organisation, ngo
):
    commitment = factories.full_commitment(plan, organisation, ngo)
    folder = factories.evidence_folder(commitment)
    consultation = factories.consultation(plan)
    items = every_block(hub, plan, commitment, folder, consultation)
    data = nested_form_data({"title": "Our open government", "slug": "ours", "action-publish": "1"})
    data.update(stream_form_data(OpenGovernmentStreamBlock(), items, "body"))
    url = reverse("wagtailadmin_pages:add", args=("testapp", "blockspage", home.pk))
    assert editor_client.get(url).status_code == 200

    response = editor_client.post(url, data)

    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = BlocksPage.objects.get(slug="ours")
    assert page.live
    assert [child.block_type for child in page.body] == [name for name, _value in items]
    html = client.get(page.url).content.decode()
    for marker in [
        "Guides ADMIN-RES",
        "ADMIN-SUM",
        "Forum meeting ADMIN-DATE",
        consultation.title,
        "ADMIN-POC",
        "Minutes EV-DOC",
        commitment.title,
        'role="progressbar"',
        "Latest progress updates",
    ]:
        assert marker in html, marker
