"""The models of ogp-wagtail, defined in ``pages/`` and ``snippets/``."""

from .pages import *  # noqa: F403
from .pages import __all__ as _page_models
from .snippets.jurisdiction import Jurisdiction
from .snippets.organisation import Organisation
from .snippets.taxonomy import OGPValue, PolicyArea, Sector

__all__ = [*_page_models, "Jurisdiction", "OGPValue", "Organisation", "PolicyArea", "Sector"]
