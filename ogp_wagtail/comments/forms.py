"""The public forms: a comment (or a reply) and a report."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import abuse
from .conf import comments_settings
from .models import Comment, ReportReason


class CommentForm(forms.Form):
    """A resident's comment. The target and the parent travel as hidden fields the view checks.

    ``website`` is the honeypot: hidden from people, left empty by them.
    ``token`` is the signed time the form was served (see :mod:`.abuse`).
    """

    target = forms.CharField(widget=forms.HiddenInput, max_length=80)
    parent = forms.CharField(widget=forms.HiddenInput, max_length=80, required=False)
    language = forms.CharField(widget=forms.HiddenInput, max_length=12, required=False)
    token = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)
    name = forms.CharField(
        label=_("Your name"), max_length=80, help_text=_("Shown with your comment.")
    )
    email = forms.EmailField(
        label=_("Your email"),
        # The column's length: longer would be refused by PostgreSQL with a 500.
        max_length=Comment._meta.get_field("author_email").max_length,
        help_text=_("Never shown. Used only about this comment."),
    )
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea)
    notify = forms.BooleanField(
        label=_("Email me when my comment is published or answered"), required=False
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my comment is processed as it says"),
        error_messages={"required": _("Please agree to the privacy notice to send a comment.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    # Fields a person fills, in the order the template shows them.
    visible_fields_order = ("name", "email", "body")

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        max_length = comments_settings.OGP_WAGTAIL_COMMENTS_MAX_LENGTH
        # Built here so that the length setting is read per form, not at import.
        self.fields["body"] = forms.CharField(
            label=self.fields["body"].label,
            max_length=max_length,
            widget=forms.Textarea(attrs={"rows": "6"}),
            help_text=_("Plain text, at most %(max_length)s characters.")
            % {"max_length": max_length},
        )
        self.too_fast = False
        self.token_error = False

    def clean_name(self):
        return self._clean_text(self.cleaned_data["name"])

    def clean_body(self):
        body = self._clean_text(self.cleaned_data["body"])
        max_links = comments_settings.OGP_WAGTAIL_COMMENTS_MAX_LINKS
        links = abuse.count_links(body)
        if links > max_links:
            raise forms.ValidationError(
                ngettext_lazy(
                    "A comment may hold at most %(max)d link; this one has %(count)d.",
                    "A comment may hold at most %(max)d links; this one has %(count)d.",
                    "max",
                ),
                code="too_many_links",
                params={"max": max_links, "count": links},
            )
        return body

    def _clean_text(self, value):
        if abuse.has_control_characters(value):
            raise forms.ValidationError(
                _("This text holds characters that cannot be stored."), code="control_characters"
            )
        return value

    def clean(self):
        cleaned = super().clean()
        try:
            age = abuse.form_token_age(self.data.get("token", ""), now=self.now)
        except abuse.BadToken:
            self.token_error = True
            raise forms.ValidationError(
                _("This form has expired or was altered. Please send your comment again."),
                code="bad_token",
            ) from None
        if abuse.is_too_fast(age):
            self.too_fast = True
            raise forms.ValidationError(
                _("That was quick! Please check your comment and send it again."),
                code="too_fast",
            )
        return cleaned

    @property
    def is_spam(self):
        """The honeypot is filled: a machine sent this."""
        return bool(self.cleaned_data.get("website"))


class ReportForm(forms.Form):
    """A resident's report that a published comment breaks the rules."""

    comment = forms.UUIDField(widget=forms.HiddenInput)
    language = forms.CharField(widget=forms.HiddenInput, max_length=12, required=False)
    reason = forms.ChoiceField(label=_("Reason"), choices=ReportReason.choices)
