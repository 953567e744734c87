"""A page writes its dates one way in each language (issue 10, item 5).

Django's ``DATETIME_FORMAT`` orders the date differently from ``DATE_FORMAT`` in
Arabic ("يناير 5, 2027" beside "1 يناير، 2026"): dates with a time are written with
the date format, then the time.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation
from django.utils.formats import date_format

from ogp_wagtail.status.labels import day_label, moment_label

from . import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "fr", "es", "en"])
def test_a_date_with_a_time_starts_with_the_date_as_every_date_is_written(language):
    moment = datetime.datetime(2027, 1, 5, 15, 30)
    with translation.override(language):
        label = moment_label(moment)
        assert label.startswith(date_format(moment.date(), "DATE_FORMAT"))
        assert date_format(moment, "TIME_FORMAT") in label


def test_an_arabic_consultation_page_writes_its_moments_like_its_dates(hub, client):
    consultation = factories.consultation(hub)
    response = client.get("/ar" + consultation.url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    moments = [time.text for time in html.select(".ogp time")]
    opens_at = timezone.localtime(consultation.opens_at)
    with translation.override("ar"):
        expected = day_label(opens_at.date())
        legacy = date_format(opens_at, "DATETIME_FORMAT")
    assert any(moment.startswith(expected) for moment in moments), moments
    assert legacy not in moments
