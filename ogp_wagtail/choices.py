"""Fixed vocabularies of the OGP Local handbook, as Django choices.

Stored values are short English codes so that data survives a change of
wording or language; labels are translatable.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MilestoneStatus(models.TextChoices):
    """The five milestone statuses of Annex 2, field 17."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    BLOCKED = "blocked", _("Blocked")
    COMPLETE = "complete", _("Complete")
    INCOMPLETE = "incomplete", _("Incomplete")

    @classmethod
    def ended(cls):
        """Statuses after which a milestone needs no more work."""
        return (cls.COMPLETE, cls.INCOMPLETE)


class MemberStatus(models.TextChoices):
    """Membership status of an OGP Local member (handbook section 4)."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    VOLUNTARILY_INACTIVE = "voluntarily_inactive", _("Voluntarily inactive")
    UNDER_REVIEW = "under_review", _("Under review")
    ENDED = "ended", _("Membership ended")


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government agency")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    MEDIA = "media", _("Media")
    MULTILATERAL = "multilateral", _("Multilateral organisation")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class BranchOfGovernment(models.TextChoices):
    EXECUTIVE = "executive", _("Executive")
    LEGISLATIVE = "legislative", _("Legislative")
    JUDICIAL = "judicial", _("Judicial")
    OTHER = "other", pgettext_lazy("branch of government", "Other")


class StakeholderRole(models.TextChoices):
    """How an organisation takes part in a commitment (Annex 2, fields 3 to 5)."""

    LEAD_AGENCY = "lead_agency", _("Lead implementing agency")
    IMPLEMENTER = "implementer", _("Non-governmental implementer")
    STAKEHOLDER = "stakeholder", _("Other stakeholder")


class ResourcesSecured(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PARTIALLY = "partially", _("Partially")


class ConsultationStage(models.TextChoices):
    PLAN_COCREATION = "plan_cocreation", _("Action plan co-creation")
    COMMITMENT_DRAFTING = "commitment_drafting", _("Commitment drafting")
    IMPLEMENTATION_REVIEW = "implementation_review", _("Implementation review")
    FINAL_LEARNING = "final_learning", _("Final learning exercise")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class InputOutcome(models.TextChoices):
    """What became of the public's input (recommended practice 3.3.2, feedback)."""

    INCLUDED = "included", _("Included")
    MODIFIED = "modified", _("Included with changes")
    REJECTED = "rejected", _("Not included")


class EvidenceKind(models.TextChoices):
    """The kinds of evidence listed in Annex 5."""

    CONSULTATION_PLAN = "consultation_plan", _("Consultation plan")
    TIMELINE_INVITATION = "timeline_invitation", _("Timeline or public invitation")
    TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference of the participation space")
    MINUTES_DECISIONS = "minutes_decisions", _("Minutes and decision notes")
    GROUP_COMPOSITION = "group_composition", _("Group composition and participant list")
    CONSULTATION_NOTICE = "consultation_notice", _("Notice of public consultation")
    INVITATIONS_SENT = "invitations_sent", _("Invitations sent")
    FORUM_AGENDA_MINUTES = "forum_agenda_minutes", _("Forum meeting agenda and minutes")
    ATTENDANCE_LIST = "attendance_list", _("Attendance list")
    WRITTEN_PROPOSALS = "written_proposals", _("Written proposals from civil society or the public")
    BASELINE = "baseline", _("Baseline document")
    CONSULTATION_RESULTS = "consultation_results", _("Consultation results")
    INPUT_FEEDBACK = "input_feedback", _("Feedback on how input was taken into account")
    DRAFT_LAW = "draft_law", _("Draft law and legislative status")
    DECISION_RECORD = "decision_record", _("Decision record, regulation or administrative order")
    PROCUREMENT = "procurement", _("Research mandate, procurement terms or call for proposals")
    TECHNICAL = "technical", _("Technical document (database, IT)")
    STRATEGY = "strategy", _("Strategy, concept document or work plan")
    MONITORING = "monitoring", _("Monitoring and evaluation material")
    BUDGET_STAFF = "budget_staff", _("Budget or staff allocation decision")
    THIRD_PARTY = "third_party", _("Third-party analysis")
    AUDIT = "audit", _("Audit report")
    MULTIMEDIA = "multimedia", _("Photos, videos and multimedia")
    USAGE_STATISTICS = "usage_statistics", _("User statistics")
