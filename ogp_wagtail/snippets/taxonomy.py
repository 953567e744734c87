"""Policy areas, sectors and OGP values: the official lists, as translatable snippets."""

import uuid

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import taxonomies
from .choosers import PermissionCheckedChooserViewSet

# Translation keys derive from the code, so every site gets the same key for
# the same official entry and a later locale joins the right translation set.
TAXONOMY_NAMESPACE = uuid.UUID("6f1c5e0a-4b7e-4d0f-9a43-0c9a1e2b7d11")


class TaxonomyTerm(TranslatableMixin, models.Model):
    # Not ``index.Indexed`` in Wagtail's search: the official lists are written with
    # ``bulk_create`` (migrations, a new locale), which Wagtail's index never sees, and the
    # listing finds a term among a few dozen per language in the database itself
    # (``TaxonomyViewSet.search_fields``); page forms offer them as checkboxes.
    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("Stable identifier, the same in every language."),
    )
    name = models.CharField(_("name"), max_length=255)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    # The code names the official entry in every language: translators never see it.
    override_translatable_fields = [
        SynchronizedField("code", overridable=False),
        TranslatableField("name"),
        SynchronizedField("sort_order"),
    ]

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PolicyArea(TaxonomyTerm):
    official_list = taxonomies.POLICY_AREAS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="ogp_policyarea_code_locale")
        ]


class Sector(TaxonomyTerm):
    official_list = taxonomies.SECTORS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="ogp_sector_code_locale")
        ]


class OGPValue(TaxonomyTerm):
    official_list = taxonomies.OGP_VALUES

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("OGP value")
        verbose_name_plural = _("OGP values")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="ogp_ogpvalue_code_locale")
        ]


TAXONOMY_MODELS = [PolicyArea, Sector, OGPValue]


def taxonomy_translation_key(model_name, code):
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"{model_name.lower()}:{code}")


def sync_official_list(model, official_list, locales):
    """Create the missing entries of an official list in each locale; return how many.

    Takes the model and locales as arguments so that migrations can pass their
    historical models. Existing entries are left alone: editors may reword them.
    """
    created = 0
    for locale in locales:
        existing = set(model.objects.filter(locale=locale).values_list("code", flat=True))
        with translation.override(locale.language_code):
            new_terms = [
                model(
                    code=code,
                    name=str(label),
                    sort_order=position,
                    locale=locale,
                    translation_key=taxonomy_translation_key(model.__name__, code),
                )
                for position, (code, label) in enumerate(official_list)
                if code not in existing
            ]
        model.objects.bulk_create(new_terms)
        created += len(new_terms)
    return created


class TaxonomyViewSet(SnippetViewSet):
    icon = "tag"
    chooser_viewset_class = PermissionCheckedChooserViewSet
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class PolicyAreaViewSet(TaxonomyViewSet):
    model = PolicyArea
    menu_label = _("Policy areas")


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    menu_label = _("Sectors")


class OGPValueViewSet(TaxonomyViewSet):
    model = OGPValue
    menu_label = _("OGP values")
