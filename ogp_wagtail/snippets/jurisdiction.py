from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .choosers import PermissionCheckedChooserViewSet


class Jurisdiction(TranslatableMixin, index.Indexed, models.Model):
    """A local government that is, alone or in a coalition, an OGP Local member."""

    name = models.CharField(_("name"), max_length=255)
    country = models.CharField(_("country"), max_length=100)
    website = models.URLField(_("website"), blank=True)

    # Place and country names are spelt differently in each language.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("country"),
        SynchronizedField("website"),
    ]

    panels = [FieldPanel("name"), FieldPanel("country"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("country"),
        index.AutocompleteField("country"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "site"
    menu_label = _("Jurisdictions")
    list_display = ["name", "country"]
    # No ``search_fields`` here: the listing searches the model's index fields. Named
    # here, Wagtail hands them to the database backend, and SQLite's full-text table has
    # no such columns (the search answered 500).
