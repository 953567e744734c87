"""Filters of the moderation queue (Wagtail's FilterSet, so the admin renders them)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Page, Site

from ..pages.vision import StrategicVisionPage
from .models import Comment, CommentStatus
from .permissions import comment_permission_policy, moderated_site_ids


def plan_choices(user):
    """(translation_key, title) of the action plans on the sites ``user`` moderates.

    A plan and its translations share a ``translation_key``, which is what a
    comment records, so each plan is offered once.
    """
    plans = StrategicVisionPage.objects.all()
    site_ids = moderated_site_ids(user)
    if site_ids is not None:
        # A site's root page and its translations (other locales' trees).
        roots = Page.objects.filter(
            translation_key__in=Site.objects.filter(pk__in=site_ids).values(
                "root_page__translation_key"
            )
        ).values_list("path", flat=True)
        within = Q()
        for path in roots:
            within |= Q(path__startswith=path)
        if not within:
            return []
        plans = plans.filter(within)
    titles = {}
    for key, title in plans.order_by("path").values_list("translation_key", "title"):
        titles.setdefault(str(key), title)
    return sorted(titles.items(), key=lambda choice: choice[1].casefold())


def target_choices(user):
    """(target_key, title) of the updates and consultations that have comments ``user`` sees."""
    comments = comment_permission_policy.instances_user_has_permission_for(user, "moderate")
    titles = {}
    # Newest first, so a renamed target is offered under its latest title.
    for key, title in (
        comments.order_by("-created_at", "-pk").values_list("target_key", "target_title").distinct()
    ):
        titles.setdefault(str(key), title)
    return sorted(titles.items(), key=lambda choice: choice[1].casefold())


class CommentFilterSet(WagtailFilterSet):
    """Status, plan, page commented on, date posted and reports."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CommentStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    plan = django_filters.ChoiceFilter(
        label=_("Action plan"), field_name="plan_key", empty_label=_("All")
    )
    target = django_filters.ChoiceFilter(
        label=_("About"), field_name="target_key", empty_label=_("All")
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Posted"), widget=DateRangePickerWidget
    )
    reported = django_filters.BooleanFilter(
        label=_("Reported"), method="filter_reported", widget=BooleanRadioSelect
    )

    class Meta:
        model = Comment
        fields = ["status", "plan", "target", "created_at", "reported"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        if user is not None:
            self.filters["plan"].extra["choices"] = plan_choices(user)
            self.filters["target"].extra["choices"] = target_choices(user)

    def filter_reported(self, queryset, name, value):
        reported = Q(report_count__gt=0) | Q(hidden_for_review=True)
        return queryset.filter(reported if value else ~reported)
