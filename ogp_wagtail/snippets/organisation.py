from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import BranchOfGovernment, OrganisationKind
from .choosers import PermissionCheckedChooserViewSet


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A government agency, civil society group or other body named in a plan."""

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    branch_of_government = models.CharField(
        _("branch of government"),
        max_length=16,
        choices=BranchOfGovernment.choices,
        blank=True,
        help_text=_("For government agencies."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    # Acronyms differ between languages (OECD, OCDE). A website may have a version in
    # the translation's language, so translators may override it; email and phone are
    # the same in every language and never offered to them.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("acronym"),
        SynchronizedField("kind"),
        SynchronizedField("branch_of_government"),
        SynchronizedField("website"),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("branch_of_government")]),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def is_government(self):
        return self.kind == OrganisationKind.GOVERNMENT


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = PermissionCheckedChooserViewSet
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "branch_of_government"]
    list_filter = ["kind", "branch_of_government"]
    # No ``search_fields``: the model's index fields serve (see JurisdictionViewSet).
