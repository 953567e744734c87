"""The search index of the database engine: one row per :class:`~.documents.SearchDocument`.

Its full text is added by the migrations for the database in use (:mod:`.database`):
an FTS5 table beside it on SQLite, a ``tsvector`` column with a GIN index on
PostgreSQL (unknown to this model). Rows are written only by the indexer; nothing else
edits them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .documents import SearchKind


class SearchEntry(models.Model):
    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16, choices=SearchKind.choices)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The page the item lives on: deleting it deletes the item's entry.
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255)
    url_suffix = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255)
    body = models.TextField()
    date = models.DateField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    plan_id = models.IntegerField(null=True)
    commitment_id = models.IntegerField(null=True)
    status = models.CharField(max_length=16, blank=True)
    status_until = models.DateField(null=True)
    percent = models.PositiveSmallIntegerField(null=True)
    end_date = models.DateField(null=True)
    policy_areas = models.CharField(max_length=255, blank=True)
    sectors = models.CharField(max_length=255, blank=True)
    ogp_values = models.CharField(max_length=255, blank=True)
    jurisdictions = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        indexes = [
            models.Index(fields=["locale", "path"], name="ogp_search_locale_path"),
            models.Index(fields=["status_until"], name="ogp_search_status_until"),
            models.Index(fields=["commitment_id"], name="ogp_search_commitment"),
        ]

    def __str__(self):
        return self.key
