"""What every ogp-wagtail page type shares: its admin form, its rules hook, its context."""

from typing import NamedTuple

from django.forms import ModelChoiceField
from django.utils.translation import get_language_info
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin

from ..conf import ogp_settings
from ..languages import language_attributes
from ..rules import Violation


class RuleError(NamedTuple):
    """A broken rule, and where to show it: on the page or one of its inline rows."""

    obj: object
    field: str | None
    violation: Violation


class OGPPageForm(WagtailAdminPageForm):
    """Admin form that applies the OGP Local rules when content is published.

    Saving a draft defers validation, and drafts may break the rules while an
    editor works; publishing, submitting for moderation and workflow actions
    check them, through the page's :meth:`OGPPage.ogp_rule_errors` given the
    submitted inline rows and many-to-many choices.
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
        if not valid or self.is_deferred_validation:
            return valid
        parent = self.parent_page.specific if self.parent_page else None
        errors = self.instance.ogp_rule_errors(parent, submitted=self.submitted_relations())
        form_of = {id(form.instance): form for form in self._inline_forms()}
        for error in errors:
            form = form_of.get(id(error.obj), self)
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.violation.message)
        return not errors

    def _inline_forms(self):
        for formset in self.formsets.values():
            yield from (form for form in formset.forms if not formset._should_delete_form(form))

    def submitted_relations(self):
        """The inline rows and many-to-many choices as submitted, by relation name."""
        relations = {
            name: [form.instance for form in formset.forms if not formset._should_delete_form(form)]
            for name, formset in self.formsets.items()
        }
        for field in self.instance._meta.get_fields():
            if isinstance(field, ParentalManyToManyField) and field.name in self.cleaned_data:
                relations[field.name] = list(self.cleaned_data[field.name])
        return relations


class OGPPage(Page):
    """Abstract base of the ogp-wagtail page types."""

    base_form_class = OGPPageForm

    class Meta:
        abstract = True

    def ogp_rule_errors(self, parent, *, submitted=None, as_new_page=False):
        """The OGP Local rules this page would break if published under ``parent``.

        ``submitted`` maps relation names (inline rows, many-to-many fields) to
        the values about to be saved; other relations are read from the page.
        ``as_new_page`` counts the page as one more sibling (a copy) rather
        than as itself. Returns a list of :class:`RuleError`.
        """
        return []

    def route(self, request, path_components):
        """Find the deepest page the path names below this one in one query.

        Wagtail's default walks one level at a time, two queries a level; residents
        reach a commitment two levels below its hub. What the path names beyond that
        page (a route of a routable page, or nothing) is left to the page itself, and
        a path naming no page falls back to Wagtail's own walk (and its 404).
        """
        if len(path_components) < 2:
            return super().route(request, path_components)
        prefixes = {
            f"{self.url_path}{'/'.join(path_components[:length])}/": length
            for length in range(1, len(path_components) + 1)
        }
        found = (
            self.get_descendants()
            .filter(url_path__in=prefixes)
            .order_by("-depth")
            .only("id", "url_path", "depth", "content_type")
            .first()
        )
        if found is None or found.depth != self.depth + prefixes[found.url_path]:
            return super().route(request, path_components)
        return found.specific.route(request, path_components[prefixes[found.url_path] :])

    def related(self, name, submitted=None):
        """The objects of relation ``name``: as submitted, else as the page holds them."""
        if submitted and name in submitted:
            return list(submitted[name])
        return list(getattr(self, name).all())

    def untranslated_from(self):
        """The language this page's texts are still written in, when not its own; else None.

        wagtail-localize keeps a page not translated yet as an alias of its source in
        the other languages: it is served there with the source's texts. One query,
        for aliases only.
        """
        if self.alias_of_id is None:
            return None
        return (
            Page.objects.filter(pk=self.alias_of_id)
            .exclude(locale_id=self.locale_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ogp_base_template"] = ogp_settings.OGP_WAGTAIL_BASE_TEMPLATE
        source_language = self.untranslated_from()
        # Page texts get `lang` and `dir` of the language they are written in (WCAG 3.1.2);
        # the interface around them stays in the resident's language, with a notice.
        context["content_lang"] = language_attributes(source_language)
        context["untranslated_from"] = (
            get_language_info(source_language)["name_translated"] if source_language else None
        )
        return context
