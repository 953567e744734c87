import html

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm

from .. import rules
from ..forms import parse_id
from .access import editable_commitments

NOTHING_TO_SAVE = _(
    "Nothing to save yet: write what was done, the reasons for delays or the next steps, "
    "or add a milestone status change."
)

#: The texts of an update; with its status changes and evidence, what makes it worth keeping.
TEXT_FIELDS = ("progress", "delay_reasons", "next_steps")


def has_text(value):
    """Whether a rich text says anything: an editor emptied after typing leaves ``<p></p>``."""
    if not value:
        return False
    if "<embed" in value or "<img" in value:
        return True
    return bool(html.unescape(strip_tags(value)).strip())


class StatusChangeFormSet(BaseChildFormSet):
    """The status change rows of an update: only its commitment's milestones, in their order.

    Every row is restricted as the formset builds it (``add_fields``), the template the
    "Add" button copies new rows from (``empty_form``, built anew on each access)
    included. A row left with neither a milestone nor a status is no change: dropped,
    as an untouched new row would be.
    """

    milestones = None

    def offer_milestones(self, milestones):
        """Offer ``milestones`` (a queryset, ``None`` for none) in every row, built or not."""
        self.milestones = milestones
        for form in self.__dict__.get("forms", ()):
            self._restrict(form)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        self._restrict(form)

    def _restrict(self, form):
        field = form.fields["milestone"]
        field.required = True
        field.queryset = self.milestones if self.milestones is not None else field.queryset.none()
        field.error_messages["invalid_choice"] = _(
            "This milestone belongs to another commitment: choose one of the milestones "
            "of the update's commitment."
        )

    def _should_delete_form(self, form):
        deleted = super()._should_delete_form(form)
        if deleted or not form.is_bound:
            return deleted
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("milestone") or data.get("status"):
            return False
        # Another commitment's milestone is an error to show, not an empty row.
        return not form.has_error("milestone", "invalid_choice")


class ProgressUpdateForm(WagtailAdminModelForm):
    """Offers only the milestones and evidence of the update's own commitment.

    On publish, the status changes must not reopen a completed commitment in a
    plan that already has as many open commitments as the rules allow. An update
    with nothing in it (see :meth:`has_content`) is not saved, not even as a draft:
    opening the form and adding an empty row would otherwise leave one behind.
    """

    #: Set by ``is_valid()``: the update was refused for having nothing in it.
    nothing_to_save = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._drop_forged_commitment()
        # The models this form offers choices of, reached through its own fields: the
        # page modules sit above this one.
        evidence_model = self._meta.model._meta.get_field("evidence").related_model
        # Only the commitments this editor may edit: an update changes its commitment's
        # public statuses (updates/access.py).
        commitments = editable_commitments(self.for_user) if self.for_user else None
        if commitments is not None and "commitment" in self.fields:
            self.fields["commitment"].queryset = commitments
        commitment = (
            commitments.filter(pk=self._commitment_id() or None).first()
            if commitments is not None
            else None
        )
        formset = self.formsets.get("status_changes")
        if isinstance(formset, StatusChangeFormSet):
            milestone_model = formset.model._meta.get_field("milestone").related_model
            formset.offer_milestones(
                milestone_model.objects.filter(page=commitment).order_by("sort_order", "pk")
                if commitment
                else None
            )
        if "evidence" in self.fields:
            self.fields["evidence"].widget = forms.CheckboxSelectMultiple()
            self.fields["evidence"].queryset = (
                # The items of the folders right below the commitment.
                evidence_model.objects.filter(
                    page__path__startswith=commitment.path, page__depth=commitment.depth + 1
                )
                if commitment
                else evidence_model.objects.none()
            )

    def _drop_forged_commitment(self):
        # Wagtail's page chooser fails on a non-numeric id when the form is shown again:
        # treat it as no choice, which the field reports as required.
        key = self.add_prefix("commitment")
        if self.is_bound and parse_id(self.data.get(key)) is None:
            self.data = self.data.copy()
            self.data[key] = ""

    def _commitment_id(self):
        if self.is_bound:
            value = self.data.get(self.add_prefix("commitment"), "")
        else:
            value = self.initial.get("commitment") or self.instance.commitment_id
        # A forged or empty value: the field's own validation reports it.
        return parse_id(value)

    def is_valid(self):
        # The inline formset is validated after the form: check it once both are.
        valid = super().is_valid()
        formset = self.formsets.get("status_changes")
        self.nothing_to_save = False
        if not valid or formset is None:
            return valid
        kept = self._kept_status_changes(formset)
        seen = set()
        for form in kept:
            milestone = form.cleaned_data.get("milestone")
            if milestone is None:
                continue
            if milestone.pk in seen:
                form.add_error(
                    "milestone", _("This milestone already has a status change in this update.")
                )
                valid = False
            seen.add(milestone.pk)
        if valid and not self.has_content(kept):
            self.nothing_to_save = True
            self.add_error(None, NOTHING_TO_SAVE)
            return False
        if valid and not self.is_deferred_validation:
            valid = self._check_date_within_commitment() and self._check_commitment_cap(kept)
        return valid

    @staticmethod
    def _kept_status_changes(formset):
        return [form for form in formset.forms if not formset._should_delete_form(form)]

    def has_content(self, status_changes):
        """Whether the update says anything: a text, a milestone's status change or evidence.

        ``status_changes`` are the rows of the formset that are kept (not deleted).

        The commitment and the date are filled in before the editor types anything,
        and the title is optional (the quarter stands in): alone, they are no update.
        """
        data = self.cleaned_data
        return (
            any(has_text(data.get(name)) for name in TEXT_FIELDS)
            or any(form.cleaned_data.get("milestone") for form in status_changes)
            or bool(data.get("evidence"))
        )

    def _check_date_within_commitment(self):
        commitment, day = self.cleaned_data["commitment"], self.cleaned_data["date"]
        violations = rules.check_update_date(day, commitment.start_date, commitment.end_date)
        for violation in violations:
            self.add_error("date", violation.message)
        return not violations

    def _check_commitment_cap(self, status_changes):
        commitment = self.cleaned_data["commitment"]
        new_status = {
            form.cleaned_data["milestone"].pk: form.cleaned_data["status"]
            for form in status_changes
            if form.cleaned_data.get("milestone")
        }
        milestones = list(commitment.milestones.all())
        for milestone in milestones:
            milestone.status = new_status.get(milestone.pk, milestone.status)
        plan = commitment.get_parent().specific
        for error in commitment.ogp_rule_errors(plan, submitted={"milestones": milestones}):
            if error.violation.rule is rules.COMMITMENT_CAP:
                self.add_error(None, error.violation.message)
                return False
        return True
