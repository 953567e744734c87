"""The official OGP lists a commitment is classified with (Annex 2, fields 11 to 13).

Each entry is ``(code, label)``: the code is stable and identifies the entry
in every language; the label is translated. A data migration and the
``ogp_sync_taxonomies`` command create one snippet per entry and locale.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

POLICY_AREAS = [
    ("audits-controls", _("Audits and controls")),
    ("conflicts-of-interest", _("Conflicts of interest")),
    ("asset-disclosure", _("Asset disclosure")),
    ("open-data", _("Open data")),
    ("right-to-information", _("Right to information")),
    ("elections-political-finance", _("Elections and political finance")),
    ("civic-space", _("Civic space")),
    ("social-safety-nets", _("Social safety nets and economic inclusion")),
    ("digital-governance", _("Digital governance")),
    ("regulatory-governance", _("Regulatory governance")),
    ("tax", _("Tax")),
    ("inclusion", _("Inclusion")),
    ("lobbying", _("Lobbying")),
    ("fiscal-openness", _("Fiscal openness")),
    ("open-parliaments", _("Open parliaments (legislative openness)")),
    ("open-contracting", _("Open contracting and public procurement")),
    ("beneficial-ownership", _("Beneficial ownership")),
    ("whistleblower-protection", _("Whistleblower protection")),
    ("pandemic-response", _("Pandemic response")),
    ("social-accountability", _("Social accountability")),
    ("economic-recovery", _("Economic stimulus and recovery")),
    ("other", pgettext_lazy("policy area", "Other")),
]

SECTORS = [
    ("land-use", _("Land use and spatial planning")),
    ("water-sanitation", _("Water, sanitation and hygiene")),
    ("education", _("Education")),
    ("environment-climate", _("Environment and climate")),
    ("infrastructure-transport", _("Infrastructure and transport")),
    ("extractive-industries", _("Extractive industries")),
    ("cross-sectoral", _("Cross-sectoral")),
    ("justice", _("Justice")),
    ("media-telecommunications", _("Media and telecommunications")),
    ("legislative", _("Legislative")),
    ("health-nutrition", _("Health and nutrition")),
    ("science-technology", _("Science and technology")),
    ("private-sector", _("Private sector")),
    ("public-safety", _("Public safety and security")),
    ("public-services", _("Public services (general)")),
    ("other", pgettext_lazy("sector", "Other")),
]

OGP_VALUES = [
    ("access-to-information", _("Access to information")),
    ("civic-participation", _("Civic participation")),
    ("public-accountability", _("Public accountability")),
    (
        "technology-innovation",
        _("Technology and innovation for transparency and accountability"),
    ),
]
