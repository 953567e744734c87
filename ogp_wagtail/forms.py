"""What the forms of ogp-wagtail share."""

# The largest primary key a BigAutoField holds.
MAX_ID = 2**63 - 1


def parse_id(value):
    """A primary key typed or forged in a form or a query string, or ``None``.

    Only ASCII digits that fit a database id: ``str.isdigit()`` also accepts "²"
    and "①", which ``int()`` refuses, and a long number overflows the database.
    """
    value = str(value or "")
    if not (value.isascii() and value.isdigit() and len(value) <= 19):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


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
