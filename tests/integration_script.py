"""Run inside a fresh `wagtail start` project (manage.py shell) by test_packaging.py.

An editor creates a jurisdiction, the hub and a plan through the admin views,
then the public pages are fetched. Prints one JSON line with what happened.
"""

import json

from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import ogp_wagtail
from ogp_wagtail.models import Jurisdiction, OpenGovernmentPage, StrategicVisionPage

setup_test_environment()  # records response.context, to report form errors
report = {"package_file": ogp_wagtail.__file__}
User = get_user_model()
editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
client = Client()
client.force_login(editor)

response = client.post(
    reverse("wagtailsnippets_ogp_wagtail_jurisdiction:add"),
    {"name": "Riverton", "country": "France", "website": ""},
)
report["jurisdiction_status"] = response.status_code
jurisdiction = Jurisdiction.objects.get(name="Riverton")

home = Site.objects.get(is_default_site=True).root_page
hub_form = nested_form_data(
    {
        "title": "Open government",
        "slug": "open-government",
        "introduction": rich_text("<p>Our OGP Local page.</p>"),
        "member_status": "active",
        "contact_name": "Ada Lovelace",
        "contact_email": "ada@example.org",
        "action-publish": "action-publish",
    }
)
hub_form["jurisdictions"] = [jurisdiction.pk]  # nested_form_data would number a list
response = client.post(
    reverse("wagtailadmin_pages:add", args=("ogp_wagtail", "opengovernmentpage", home.pk)),
    hub_form,
)
report["hub_status"] = response.status_code
if response.status_code != 302:
    print(json.dumps({"hub_errors": str(response.context["form"].errors)}))
hub = OpenGovernmentPage.objects.get(slug="open-government")

plan_form = nested_form_data(
    {
        "title": "Action plan 2026-2028",
        "slug": "action-plan",
        "start_date": "2026-01-01",
        "end_date": "2028-04-30",
        "mandate_end": "2028-06-30",
        "long_term_vision": rich_text("<p>A city that answers.</p>"),
        "objectives": inline_formset([{"title": "Open budgets", "description": ""}]),
        "endorsements": inline_formset([]),
        "action-publish": "action-publish",
    }
)
plan_form["jurisdictions"] = [jurisdiction.pk]
response = client.post(
    reverse("wagtailadmin_pages:add", args=("ogp_wagtail", "strategicvisionpage", hub.pk)),
    plan_form,
)
report["plan_status"] = response.status_code
if response.status_code != 302:
    print(json.dumps({"plan_errors": str(response.context["form"].errors)}))
plan = StrategicVisionPage.objects.get(slug="action-plan")
report["plan_live"] = plan.live
report["hub_page"] = client.get(hub.url).status_code
plan_response = client.get(plan.url)
report["plan_page"] = plan_response.status_code
report["plan_shows_title"] = "Action plan 2026-2028" in plan_response.content.decode()
report["pages"] = Page.objects.count()
print(json.dumps(report))
