from .jurisdiction import Jurisdiction, JurisdictionViewSet
from .organisation import Organisation, OrganisationViewSet
from .taxonomy import (
    OGPValue,
    OGPValueViewSet,
    PolicyArea,
    PolicyAreaViewSet,
    Sector,
    SectorViewSet,
)

__all__ = [
    "Jurisdiction",
    "JurisdictionViewSet",
    "OGPValue",
    "OGPValueViewSet",
    "Organisation",
    "OrganisationViewSet",
    "PolicyArea",
    "PolicyAreaViewSet",
    "Sector",
    "SectorViewSet",
]
