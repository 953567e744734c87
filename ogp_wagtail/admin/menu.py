"""The "Open government" admin menu, which optional apps add their viewsets to.

Apps call :func:`add_to_open_government_menu` from ``AppConfig.ready()``: the
menu is built when Wagtail loads the hooks, after every app is ready.
"""

from .updates import ProgressUpdateViewSet

_added = []


def add_to_open_government_menu(viewset_class):
    """Show ``viewset_class`` (a ``ModelViewSet`` or ``SnippetViewSet``) in the menu."""
    if viewset_class not in _added:
        _added.append(viewset_class)


def open_government_items(snippet_viewsets):
    """Progress updates first, then what apps added, then the snippets."""
    return (ProgressUpdateViewSet, *_added, *snippet_viewsets)
