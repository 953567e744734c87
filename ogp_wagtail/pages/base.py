"""What every ogp-wagtail page type shares: its admin form and its template context."""

from django.forms import ModelChoiceField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin

from ..conf import ogp_settings


class OGPPageForm(WagtailAdminPageForm):
    """Admin form that applies the OGP Local rules when content is published.

    Saving a draft defers validation, and drafts may break
    the rules while an editor works; publishing, submitting for moderation
    and workflow actions check them. Subclasses return the violations of their
    page type from :meth:`ogp_rule_errors`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_choices_to_page_locale()

    @property
    def page_locale(self):
        if self.instance.locale_id:
            return self.instance.locale
        return self.parent_page.locale if self.parent_page else None

    def _limit_choices_to_page_locale(self):
        # Translatable snippets exist once per locale; offer only the page's own.
        locale = self.page_locale
        if locale is None:
            return
        for field in self.fields.values():
            if isinstance(field, ModelChoiceField) and issubclass(
                field.queryset.model, TranslatableMixin
            ):
                field.queryset = field.queryset.filter(locale=locale)

    def is_valid(self):
        valid = super().is_valid()
        if not valid or getattr(self, "is_deferred_validation", False):
            return valid
        errors = self.ogp_rule_errors()
        for form, field, violation in errors:
            form.add_error(field, violation.message)
        return not errors

    def ogp_rule_errors(self):
        """Return ``(form, field name or None, Violation)`` for each broken rule."""
        return []

    def inline_forms(self, relation_name):
        """The inline forms of a relation that will be kept, in their final order."""
        formset = self.formsets[relation_name]
        return [form for form in formset.forms if not formset._should_delete_form(form)]


class OGPPage(Page):
    """Abstract base of the ogp-wagtail page types."""

    base_form_class = OGPPageForm

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ogp_base_template"] = ogp_settings.OGP_WAGTAIL_BASE_TEMPLATE
        return context
