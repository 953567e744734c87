"""Snippet choosers that follow the model's permissions.

Wagtail's snippet choosers answer any user who may open the admin, whatever their
permissions on the model: they list, search and return every object. These
answer only users with some permission on the model (add, change, delete or
view: what opens its listing), and offer only the objects a viewset's
``choosable()`` lets the user choose.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser

from ..forms import parse_id

try:  # Wagtail 8 keeps a registry of permission policies; Wagtail 7.4 has none.
    from wagtail.permissions import policy_registry
except ImportError:
    policy_registry = None

#: Any of these on a model opens its chooser, as any of them opens its listing.
CHOOSER_ACTIONS = frozenset({"add", "change", "delete", "view"})


def permission_policy_for(model):
    """The permission policy Wagtail applies to ``model``."""
    if policy_registry is not None:
        return policy_registry.get_by_type(model)
    return ModelPermissionPolicy(model)


class ChooserPermissionMixin:
    """Refuses users without permission on the model; offers only what they may choose."""

    #: ``choosable(queryset, user)``, handed down by the viewset; ``None`` offers everything.
    choosable = None

    def dispatch(self, request, *args, **kwargs):
        policy = permission_policy_for(self.model_class)
        if not policy.user_has_any_permission(request.user, CHOOSER_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def choosable_objects(self, objects=None):
        if objects is None:
            objects = self.model_class._default_manager.all()
        if self.choosable is None:
            return objects
        return self.choosable(objects, self.request.user)


class ChooseView(ChooserPermissionMixin, chooser.ChooseView):
    def get_object_list(self):
        return self.choosable_objects(super().get_object_list())


class ChooseResultsView(ChooserPermissionMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.choosable_objects(super().get_object_list())


class ChosenView(ChooserPermissionMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        # A forged id is not found (404), rather than a database error.
        return self.choosable_objects().get(pk=parse_id(pk))


class ChosenMultipleView(ChooserPermissionMixin, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        ids = [parse_id(pk) for pk in pks]
        return self.choosable_objects().filter(pk__in=[pk for pk in ids if pk is not None])


class CreateView(ChooserPermissionMixin, chooser.SnippetCreateView):
    pass


class PermissionCheckedChooserViewSet(chooser.SnippetChooserViewSet):
    """A snippet chooser that follows the model's permissions (``chooser_viewset_class``)."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView

    def choosable(self, queryset, user):
        """The objects of ``queryset`` that ``user`` may choose; override to restrict."""
        return queryset

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(choosable=self.choosable, **kwargs)
