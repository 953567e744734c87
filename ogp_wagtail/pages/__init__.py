from ..milestones import Milestone
from .commitment import CommitmentAmendment, CommitmentPage, CommitmentStakeholder
from .consultation import (
    ConsultationCommitment,
    ConsultationDocument,
    ConsultationInput,
    ConsultationMeeting,
    ConsultationPage,
)
from .evidence import EvidenceFolderPage, EvidenceItem
from .hub import OpenGovernmentPage
from .search import OpenGovernmentSearchPage
from .vision import PlanEndorsement, PlanObjective, StrategicVisionPage

__all__ = [
    "CommitmentAmendment",
    "CommitmentPage",
    "CommitmentStakeholder",
    "ConsultationCommitment",
    "ConsultationDocument",
    "ConsultationInput",
    "ConsultationMeeting",
    "ConsultationPage",
    "EvidenceFolderPage",
    "EvidenceItem",
    "Milestone",
    "OpenGovernmentPage",
    "OpenGovernmentSearchPage",
    "PlanEndorsement",
    "PlanObjective",
    "StrategicVisionPage",
]
