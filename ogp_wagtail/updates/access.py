"""Whose progress updates an admin user may see and write: those of the commitments they edit.

An update changes its commitment's public milestone statuses, so writing, listing or
picking one follows the page permissions on its commitment, on top of the model's own
permissions (a view restriction on the commitment does not hide it from its editors).
"""

from django.apps import apps
from wagtail.permissions import page_permission_policy

# Models are looked up in the app registry: this module serves the update form, which the
# update model imports, and the page modules sit above this one.
APP = "ogp_wagtail"


def editable_commitments(user):
    """The commitment pages ``user`` may change, as a queryset."""
    commitments = apps.get_model(APP, "CommitmentPage").objects.all()
    if user.is_superuser:
        return commitments
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return commitments.filter(pk__in=editable.values("pk"))


def updates_for(user, updates=None):
    """``updates`` (every update by default) narrowed to the commitments ``user`` edits."""
    if updates is None:
        updates = apps.get_model(APP, "ProgressUpdate").objects.all()
    if user.is_superuser:
        return updates
    return updates.filter(commitment__in=editable_commitments(user).values("pk"))
