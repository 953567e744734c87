from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import rules
from ..forms import DraftAwareFormMixin, parse_id


class ProgressUpdateForm(DraftAwareFormMixin, WagtailAdminModelForm):
    """Offers only the milestones and evidence of the update's own commitment.

    On publish, the status changes must not reopen a completed commitment in a
    plan that already has as many open commitments as the rules allow.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._drop_forged_commitment()
        # The models this form offers choices of, reached through its own fields: the
        # page modules sit above this one.
        commitment_model = self._meta.model._meta.get_field("commitment").related_model
        evidence_model = self._meta.model._meta.get_field("evidence").related_model
        commitment = commitment_model.objects.filter(pk=self._commitment_id() or None).first()
        milestones = commitment.milestones.all() if commitment else None
        formset = self.formsets.get("status_changes")
        if formset is not None:
            for form in [*formset.forms, formset.empty_form]:
                field = form.fields["milestone"]
                field.required = True
                field.queryset = milestones if commitment else field.queryset.none()
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
        if not valid or formset is None:
            return valid
        seen = set()
        for form in formset.forms:
            milestone = form.cleaned_data.get("milestone")
            if milestone is None or formset._should_delete_form(form):
                continue
            if milestone.pk in seen:
                form.add_error(
                    "milestone", _("This milestone already has a status change in this update.")
                )
                valid = False
            seen.add(milestone.pk)
        if valid and not self.saving_draft:
            valid = self._check_date_within_commitment() and self._check_commitment_cap(formset)
        return valid

    def _check_date_within_commitment(self):
        commitment, day = self.cleaned_data["commitment"], self.cleaned_data["date"]
        violations = rules.check_update_date(day, commitment.start_date, commitment.end_date)
        for violation in violations:
            self.add_error("date", violation.message)
        return not violations

    def _check_commitment_cap(self, formset):
        commitment = self.cleaned_data["commitment"]
        new_status = {
            form.cleaned_data["milestone"].pk: form.cleaned_data["status"]
            for form in formset.forms
            if form.cleaned_data.get("milestone") and not formset._should_delete_form(form)
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
