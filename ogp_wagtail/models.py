"""The models of ogp-wagtail, defined in ``pages/``, ``snippets/``, ``updates/`` and ``search/``."""

from .pages import *  # noqa: F403
from .pages import __all__ as _page_models
from .search.models import SearchEntry
from .snippets.jurisdiction import Jurisdiction
from .snippets.organisation import Organisation
from .snippets.taxonomy import OGPValue, PolicyArea, Sector
from .updates.models import MilestoneStatusRecord, ProgressUpdate, UpdateStatusChange

__all__ = [
    *_page_models,
    "Jurisdiction",
    "MilestoneStatusRecord",
    "OGPValue",
    "Organisation",
    "PolicyArea",
    "ProgressUpdate",
    "SearchEntry",
    "Sector",
    "UpdateStatusChange",
]
