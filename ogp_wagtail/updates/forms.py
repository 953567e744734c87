from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class ProgressUpdateForm(WagtailAdminModelForm):
    """Offers only the milestones and evidence of the update's own commitment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..pages.commitment import CommitmentPage, Milestone
        from ..pages.evidence import EvidenceFolderPage, EvidenceItem

        commitment = CommitmentPage.objects.filter(pk=self._commitment_id() or None).first()
        milestones = Milestone.objects.filter(page=commitment) if commitment else None
        formset = self.formsets.get("status_changes")
        if formset is not None:
            for form in [*formset.forms, formset.empty_form]:
                field = form.fields["milestone"]
                field.required = True
                field.queryset = milestones if commitment else field.queryset.none()
        if "evidence" in self.fields:
            self.fields["evidence"].widget = forms.CheckboxSelectMultiple()
            self.fields["evidence"].queryset = (
                EvidenceItem.objects.filter(page__in=EvidenceFolderPage.objects.child_of(commitment))
                if commitment
                else EvidenceItem.objects.none()
            )

    def _commitment_id(self):
        if self.is_bound:
            return self.data.get(self.add_prefix("commitment"))
        return self.initial.get("commitment") or self.instance.commitment_id

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
        return valid
