"""What the admin forms of ogp-wagtail share."""


class DraftAwareFormMixin:
    """Knows whether the editor is saving a draft or publishing.

    Wagtail calls ``defer_required_fields()`` before validating a draft; its own
    flag for that (``is_deferred_validation``) only exists from Wagtail 7.1.
    The OGP Local rules apply when content is published, not to drafts.
    """

    saving_draft = False

    def defer_required_fields(self):
        super().defer_required_fields()
        self.saving_draft = True

    def restore_required_fields(self):
        super().restore_required_fields()
        self.saving_draft = False
