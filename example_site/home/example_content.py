"""The example municipality: Hautrive-sur-Meuse, a fictional town in French-speaking Belgium.

Plain data only; ``management/commands/load_example.py`` turns it into pages,
snippets, documents and progress updates. Organisations are referred to by a short
key, documents by a key of ``DOCUMENTS``, milestones and evidence items by their
position in their commitment.
"""

import datetime

from .sample_files import make_bar_chart_png, make_csv, make_pdf

D = datetime.date

TOWN = "Hautrive-sur-Meuse"
SITE_NAME = TOWN
COLLECTION_NAME = "Open government"

JURISDICTION = {
    "name": TOWN,
    "country": "Belgium",
    "website": "https://www.hautrive.example/",
}

# -- organisations -------------------------------------------------------------

GOV, CSO, ACADEMIA, MEDIA, PRIVATE = (
    "government",
    "civil_society",
    "academia",
    "media",
    "private_sector",
)

ORGANISATIONS = {
    "mayor": {
        "name": "Mayor's Office",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/mayor/",
        "email": "mayor@hautrive.example",
        "phone": "+32 81 55 10 00",
    },
    "participation": {
        "name": "Department of Citizen Participation and Open Government",
        "acronym": "DCPOG",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/participation/",
        "email": "opengov@hautrive.example",
        "phone": "+32 81 55 10 40",
    },
    "finance": {
        "name": "Department of Finance and Budget",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/finance/",
        "email": "finance@hautrive.example",
        "phone": "+32 81 55 10 20",
    },
    "works": {
        "name": "Department of Public Works and Procurement",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/public-works/",
        "email": "publicworks@hautrive.example",
        "phone": "+32 81 55 10 30",
    },
    "digital": {
        "name": "Department of Digital Services",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/digital/",
        "email": "digital@hautrive.example",
        "phone": "+32 81 55 10 50",
    },
    "environment": {
        "name": "Department of Environment and Climate",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.hautrive.example/environment/",
        "email": "environment@hautrive.example",
        "phone": "+32 81 55 10 60",
    },
    "council": {
        "name": "Municipal Council of Hautrive-sur-Meuse",
        "acronym": "",
        "kind": GOV,
        "branch_of_government": "legislative",
        "website": "https://www.hautrive.example/council/",
        "email": "council@hautrive.example",
        "phone": "+32 81 55 10 10",
    },
    "water_board": {
        "name": "Meuse Valley Intermunicipal Water Board",
        "acronym": "MVWB",
        "kind": GOV,
        "branch_of_government": "executive",
        "website": "https://www.mvwb.example/",
        "email": "info@mvwb.example",
        "phone": "+32 81 60 20 00",
    },
    "open_meuse": {
        "name": "Open Meuse Collective",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://openmeuse.example/",
        "email": "hello@openmeuse.example",
        "phone": "",
    },
    "transparency": {
        "name": "Transparency Watch Hautrive",
        "acronym": "TWH",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://transparency-hautrive.example/",
        "email": "contact@transparency-hautrive.example",
        "phone": "+32 470 12 34 56",
    },
    "neighbourhoods": {
        "name": "Federation of Neighbourhood Committees",
        "acronym": "FNC",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://quartiers-hautrive.example/",
        "email": "federation@quartiers-hautrive.example",
        "phone": "+32 470 22 33 44",
    },
    "digital_for_all": {
        "name": "Digital for All Association",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://digitalforall.example/",
        "email": "help@digitalforall.example",
        "phone": "+32 470 55 66 77",
    },
    "friends_meuse": {
        "name": "Friends of the Meuse",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://friendsofthemeuse.example/",
        "email": "river@friendsofthemeuse.example",
        "phone": "",
    },
    "womens_voices": {
        "name": "Women's Voices Hautrive",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://womensvoices.example/",
        "email": "contact@womensvoices.example",
        "phone": "",
    },
    "access": {
        "name": "Access Hautrive (association of persons with disabilities)",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://access-hautrive.example/",
        "email": "info@access-hautrive.example",
        "phone": "+32 470 98 76 54",
    },
    "youth": {
        "name": "Hautrive Youth Network",
        "acronym": "",
        "kind": CSO,
        "branch_of_government": "",
        "website": "https://youth-hautrive.example/",
        "email": "team@youth-hautrive.example",
        "phone": "",
    },
    "university": {
        "name": "University of the Meuse Valley, Centre for Local Governance Studies",
        "acronym": "CLGS",
        "kind": ACADEMIA,
        "branch_of_government": "",
        "website": "https://clgs.umv.example/",
        "email": "clgs@umv.example",
        "phone": "+32 81 72 40 00",
    },
    "radio": {
        "name": "Radio Meuse Libre",
        "acronym": "",
        "kind": MEDIA,
        "branch_of_government": "",
        "website": "https://radiomeuselibre.example/",
        "email": "newsroom@radiomeuselibre.example",
        "phone": "",
    },
    "courrier": {
        "name": "Le Courrier de Hautrive",
        "acronym": "",
        "kind": MEDIA,
        "branch_of_government": "",
        "website": "https://courrier-hautrive.example/",
        "email": "redaction@courrier-hautrive.example",
        "phone": "",
    },
    "chamber": {
        "name": "Hautrive Chamber of Commerce",
        "acronym": "",
        "kind": PRIVATE,
        "branch_of_government": "",
        "website": "https://cci-hautrive.example/",
        "email": "info@cci-hautrive.example",
        "phone": "+32 81 22 11 00",
    },
}

# -- documents -----------------------------------------------------------------


def _pdf(title, *paragraphs):
    return ("pdf", lambda: make_pdf(title, paragraphs))


BUDGET_ROWS = [
    ("2025", "General administration", "9,840,000", "9,612,300"),
    ("2025", "Public works and roads", "7,350,000", "7,802,150"),
    ("2025", "Education and childcare", "6,120,000", "6,004,900"),
    ("2025", "Social action", "4,480,000", "4,455,000"),
    ("2025", "Culture, sport and youth", "2,210,000", "2,118,760"),
    ("2025", "Environment and waste", "3,060,000", "3,121,480"),
    ("2025", "Public safety", "2,740,000", "2,702,300"),
]

# key: (title, file name, (kind, make bytes))
DOCUMENTS = {
    "mayor_letter": (
        "Letter from the Mayor introducing the action plan",
        "letter-from-the-mayor.pdf",
        _pdf(
            "Letter from the Mayor of Hautrive-sur-Meuse",
            "Dear residents, dear partners,",
            "Joining OGP Local is a promise: that the decisions taken in our Town Hall can be "
            "followed, questioned and improved by everyone who lives here. This first action "
            "plan was written with you, in two public Forum meetings and through 212 written "
            "proposals, and the civil society groups who shaped it have endorsed it.",
            "Its five commitments are modest in size and ambitious in spirit. Each has a lead "
            "department, a civil society partner, a budget and milestones that you can check "
            "online every quarter. Where we fall behind, we will say so and explain why.",
            "Claire Dumont-Lefevre, Mayor, 15 December 2025",
        ),
    ),
    "strategy": (
        "Open Government Strategy 2026-2030",
        "open-government-strategy-2026-2030.pdf",
        _pdf(
            "Open Government Strategy 2026-2030",
            "1. Why open government. Trust in local institutions is built when residents can "
            "see how money is spent, take part before decisions are made and hold the "
            "administration to account for results.",
            "2. Four principles. Transparency by default; participation that reaches those "
            "rarely heard; accountability through public, verifiable commitments; and digital "
            "tools that serve the other three.",
            "3. Governance. The Department of Citizen Participation and Open Government "
            "coordinates; an Open Government Forum of 8 government and 8 non-governmental "
            "members steers the action plans; the University of the Meuse Valley monitors "
            "them independently.",
            "4. Horizon. Two action plans within the 2024-2030 mandate, the first from January "
            "2026 to June 2028.",
        ),
    ),
    "consultation_plan": (
        "Co-creation plan and calendar, autumn 2025",
        "co-creation-plan-2025.pdf",
        _pdf(
            "Co-creation plan and calendar",
            "15 September 2025: call for participation published online, in the municipal "
            "magazine and on Radio Meuse Libre, in French, English and Arabic.",
            "30 September: draft Strategic Vision and discussion paper published.",
            "7 October: Open Government Forum, first public meeting (Town Hall).",
            "7 October - 9 November: written proposals on the participation platform and in "
            "paper boxes in the three neighbourhood centres.",
            "18 November: Forum, second public meeting (hybrid): drafting of commitments.",
            "10 December: publication of the feedback report. 15 December: endorsement.",
        ),
    ),
    "invitation": (
        "Public invitation to co-create the action plan",
        "invitation-co-creation.pdf",
        _pdf(
            "You are invited: shape Hautrive's first open government action plan",
            "Anyone who lives, works or studies in Hautrive-sur-Meuse may take part. "
            "Meetings are free, step-free and interpreted into sign language on request; "
            "childcare is provided on site.",
            "First meeting: Tuesday 7 October 2025, 18:30, Council Chamber, Town Hall.",
        ),
    ),
    "forum_tor": (
        "Terms of reference of the Open Government Forum",
        "forum-terms-of-reference.pdf",
        _pdf(
            "Terms of reference of the Open Government Forum",
            "Composition: 8 government members (departments and council) and 8 "
            "non-governmental members chosen by open call, renewed every two years; the "
            "co-chairs are the Alderman for Participation and a civil society member.",
            "Role: steer co-creation, approve the final plan and any change to a commitment, "
            "review progress at least twice a year during implementation.",
            "Transparency: agendas are published 7 days ahead, minutes within 15 days.",
        ),
    ),
    "attendance_csv": (
        "Attendance by affiliation, Forum meeting of 7 October 2025",
        "attendance-2025-10-07.csv",
        (
            "csv",
            lambda: make_csv(
                ["affiliation", "kind", "people"],
                [
                    ("Town departments", "government", 9),
                    ("Municipal Council", "government", 3),
                    ("Neighbourhood committees", "civil society", 11),
                    ("Civil society associations", "civil society", 14),
                    ("University of the Meuse Valley", "academia", 2),
                    ("Residents without affiliation", "public", 9),
                ],
            ),
        ),
    ),
    "minutes_1": (
        "Minutes of the Open Government Forum, 7 October 2025",
        "forum-minutes-2025-10-07.pdf",
        _pdf(
            "Open Government Forum: minutes of 7 October 2025",
            "Present: 48 people, of whom 12 government and 36 non-government representatives.",
            "1. Presentation of the draft Strategic Vision. 2. Workshops on five themes: "
            "budget, procurement, participation, digital services, environment. 3. Priorities: "
            "each table proposed up to three problems to address.",
            "Decisions: the five themes are kept; a second meeting drafts the commitments.",
        ),
    ),
    "minutes_2": (
        "Minutes of the Open Government Forum, 18 November 2025",
        "forum-minutes-2025-11-18.pdf",
        _pdf(
            "Open Government Forum: minutes of 18 November 2025",
            "Present: 41 people in the room and 23 online.",
            "The Forum reviewed 212 written proposals grouped in 19 categories, drafted five "
            "commitments and agreed their lead departments and civil society partners.",
            "Decisions: the draft plan is published on 10 December with the feedback report.",
        ),
    ),
    "draft_vision": (
        "Draft Strategic Vision for consultation",
        "draft-strategic-vision.pdf",
        _pdf(
            "Draft Strategic Vision (for consultation)",
            "A town where every resident can see, understand and influence the decisions "
            "that shape daily life.",
        ),
    ),
    "discussion_paper": (
        "Discussion paper: ideas for commitments",
        "discussion-paper-commitment-ideas.pdf",
        _pdf(
            "Discussion paper: ideas for commitments",
            "This paper lists the problems residents raised in the 2024 town survey and the "
            "ideas departments suggested, as a starting point, not a menu.",
        ),
    ),
    "feedback_report": (
        "How your input shaped the action plan (feedback report)",
        "feedback-report-2025.pdf",
        _pdf(
            "How your input shaped the action plan",
            "212 written proposals in 19 categories: 11 categories included, 5 included with "
            "changes, 3 not included. Each category, the decision and the reason are listed "
            "on the consultation page.",
        ),
    ),
    "endorsements": (
        "Endorsement letters of the civil society members of the Forum",
        "endorsement-letters.pdf",
        _pdf(
            "Endorsement of the action plan 2026-2028",
            "The undersigned non-governmental members of the Open Government Forum took part "
            "in co-creating this plan and endorse it: Open Meuse Collective, Transparency "
            "Watch Hautrive, Federation of Neighbourhood Committees, Digital for All "
            "Association, Friends of the Meuse, Women's Voices Hautrive.",
        ),
    ),
    "forum_photo": (
        "Workshop tables at the Forum of 7 October 2025 (participants by table)",
        "forum-participants-by-table.png",
        ("png", lambda: make_bar_chart_png([7, 9, 6, 8, 10, 8])),
    ),
    "progress_report_y1": (
        "Progress report on the action plan's first year",
        "progress-report-year-one.pdf",
        _pdf(
            "Progress report: the action plan's first year",
            "Of 21 milestones, 8 are complete, 5 in progress, 2 blocked, 1 incomplete and 5 "
            "not started. The procurement portal is delayed (see the amendment of May 2026).",
        ),
    ),
    "budget_csv": (
        "Municipal budget 2025, adopted and executed, by function (open data)",
        "budget-2025-by-function.csv",
        (
            "csv",
            lambda: make_csv(
                ["year", "function", "adopted_eur", "executed_eur"],
                BUDGET_ROWS,
            ),
        ),
    ),
    "citizens_budget": (
        "Citizens' budget guide 2026",
        "citizens-budget-guide-2026.pdf",
        _pdf(
            "Where does the money go? Citizens' budget guide 2026",
            "A twelve-page guide to the municipal budget in plain language, written with the "
            "Open Meuse Collective and tested with two neighbourhood committees.",
        ),
    ),
    "ocds_decision": (
        "Council decision adopting the Open Contracting Data Standard",
        "council-decision-ocds.pdf",
        _pdf(
            "Municipal Council: decision of 23 March 2026",
            "The Council decides that every public contract above 30,000 EUR awarded from 1 "
            "June 2026 is published in the Open Contracting Data Standard, from planning to "
            "completion, within 30 days of each stage.",
        ),
    ),
    "portal_tor": (
        "Terms of reference for the public procurement portal",
        "procurement-portal-terms-of-reference.pdf",
        _pdf(
            "Terms of reference: public procurement portal",
            "Scope: publication of contracting data, search and download in open formats, "
            "accessibility to WCAG 2.2 AA, open-source licence for the code.",
        ),
    ),
    "pb_rules": (
        "Rules of the participatory budget 2026",
        "participatory-budget-rules-2026.pdf",
        _pdf(
            "Participatory budget 2026: the rules",
            "Envelope: 250,000 EUR. Any resident aged 14 or over may propose and vote. "
            "Projects must cost at most 50,000 EUR and fall within municipal competences.",
        ),
    ),
    "pb_results_csv": (
        "Participatory budget 2026: vote results by project",
        "participatory-budget-2026-results.csv",
        (
            "csv",
            lambda: make_csv(
                ["project", "neighbourhood", "votes", "cost_eur", "funded"],
                [
                    ("Shaded playground at Parc des Tilleuls", "Centre", 1184, 48000, "yes"),
                    (
                        "Safe bicycle route to the secondary school",
                        "Rive Gauche",
                        1052,
                        50000,
                        "yes",
                    ),
                    ("Community vegetable garden", "Les Hauts", 873, 22000, "yes"),
                    (
                        "Benches and drinking fountains on the riverside",
                        "Centre",
                        811,
                        35000,
                        "yes",
                    ),
                    ("Repair cafe equipment", "Rive Gauche", 640, 12000, "yes"),
                    ("Accessible footpath to the cemetery", "Les Hauts", 598, 41000, "yes"),
                    ("Outdoor fitness area", "Centre", 402, 45000, "no"),
                ],
            ),
        ),
    ),
    "pb_results_chart": (
        "Participatory budget 2026: votes per project (chart)",
        "participatory-budget-2026-votes.png",
        ("png", lambda: make_bar_chart_png([1184, 1052, 873, 811, 640, 598, 402])),
    ),
    "pb_assessment": (
        "End-of-commitment assessment: participatory budgeting (CLGS)",
        "assessment-participatory-budgeting.pdf",
        _pdf(
            "End-of-commitment assessment: participatory budgeting",
            "Completion: substantial. Three of four milestones complete. Outreach to residents "
            "with disabilities and to Arabic-speaking residents fell short of its targets.",
            "Early results: 4,912 voters (13% of residents aged 14+), 6 projects funded.",
        ),
    ),
    "accessibility_audit": (
        "Accessibility audit of the municipal website and e-services",
        "accessibility-audit-2026.pdf",
        _pdf(
            "Accessibility audit of municipal e-services",
            "Audit against WCAG 2.2 AA of 14 online services: 61 issues, 18 of them blocking. "
            "Tested with members of Access Hautrive using screen readers and switch access.",
        ),
    ),
    "help_desk_stats": (
        "Digital help desks: visits by month, 2026",
        "digital-help-desks-visits-2026.csv",
        (
            "csv",
            lambda: make_csv(
                ["month", "visits", "share_over_65"],
                [
                    ("2026-04", 118, "0.52"),
                    ("2026-05", 164, "0.49"),
                    ("2026-06", 151, "0.47"),
                    ("2026-07", 97, "0.55"),
                    ("2026-08", 88, "0.58"),
                    ("2026-09", 203, "0.44"),
                    ("2026-10", 221, "0.41"),
                ],
            ),
        ),
    ),
    "water_baseline": (
        "Baseline report: quality of the Meuse and its tributaries, 2025",
        "water-quality-baseline-2025.pdf",
        _pdf(
            "Water quality baseline, 2025",
            "Monthly samples at 4 points in 2025: nitrates within limits; E. coli above bathing "
            "thresholds after heavy rain at the Ruisseau des Saules outfall on 7 occasions.",
        ),
    ),
    "sensor_budget": (
        "Board decision funding water quality sensors",
        "water-board-decision-sensors.pdf",
        _pdf(
            "Meuse Valley Water Board: decision of 12 February 2026",
            "The Board allocates 96,000 EUR to six continuous water quality sensors and one "
            "technician post for two years, subject to a matching regional grant.",
        ),
    ),
}

# -- pages -----------------------------------------------------------------------

HOME = {
    "slug": "home",
    "title": f"Welcome to {TOWN}",
    "seo_title": "Official website of the town",
    "search_description": f"The official website of the town of {TOWN}.",
}

SEARCH_PAGE = {
    "slug": "search",
    "title": "Search",
    "show_in_menus": True,
    "introduction": (
        f"<p>Search {TOWN}'s open government content: the action plan, its commitments and "
        "milestones, the progress updates, the evidence and the consultations.</p>"
    ),
}

HUB = {
    "slug": "open-government",
    "title": "Open government",
    "show_in_menus": True,
    "search_description": (
        "Hautrive-sur-Meuse in the Open Government Partnership Local programme: our action "
        "plan, commitments, evidence and how to take part."
    ),
    "member_status": "active",
    "member_since": D(2025, 4, 1),
    "introduction": (
        "<p>Hautrive-sur-Meuse joined the Open Government Partnership Local programme in "
        "April 2025. With the residents and civil society groups of the Open Government "
        "Forum, we write action plans of concrete commitments, publish our progress every "
        "quarter and keep every piece of evidence in a public repository.</p>"
        "<p>Questions, ideas or complaints? Write to the point of contact below: we answer "
        "within ten working days.</p>"
    ),
    "lead_agency": "participation",
    "contact_name": "Yasmina Benali",
    "contact_title": "Open Government Officer",
    "contact_email": "yasmina.benali@hautrive.example",
    "contact_phone": "+32 81 55 10 42",
}

PLAN_OBJECTIVES = [
    (
        "Public money anyone can follow",
        "By 2030, every euro the town budgets, spends and contracts is published as open data "
        "and explained in plain language.",
    ),
    (
        "Residents who shape decisions",
        "By 2030, residents of every neighbourhood, including those rarely heard, take part in "
        "decisions on their streets, schools and services.",
    ),
    (
        "Digital services for everyone",
        "By 2030, every municipal service can be used online, accessibly, with in-person help "
        "for those who need it.",
    ),
    (
        "A river everyone can trust",
        "By 2030, residents know the state of their water and environment in real time and "
        "hold the responsible bodies to account.",
    ),
]

PLAN = {
    "slug": "action-plan-2026-2028",
    "title": "Open Government Action Plan 2026-2028",
    "search_description": "Our first OGP Local action plan: strategic vision and five commitments.",
    "start_date": D(2026, 1, 1),
    "end_date": D(2028, 6, 30),
    # Belgian municipal councils elected in October 2024 sit until the end of November 2030.
    "mandate_end": D(2030, 11, 30),
    "foreword": (
        "<p>This plan is the work of a Forum where the town's departments sat at the same "
        "table as neighbourhood committees, associations, students and residents. We did not "
        "always agree: the feedback report says which ideas were taken up, changed or set "
        "aside, and why.</p><p>We commit to working the same way for the next two and a half "
        "years: in the open, with regular meetings, and with an independent monitor who will "
        "tell you how we are doing.</p>"
    ),
    "foreword_authors": "The co-chairs of the Open Government Forum",
    "introduction_letter": "mayor_letter",
    "long_term_vision": (
        "<p>A town where every resident can see, understand and influence the decisions that "
        "shape daily life, and where the administration is proud to be held to account.</p>"
    ),
    "achievements": (
        "<ul><li>Council meetings streamed and archived online since 2021.</li>"
        "<li>A first open data portal (2023) with 42 datasets.</li>"
        "<li>Neighbourhood committees consulted on every major works project since 2022.</li>"
        "</ul>"
    ),
    "challenges": (
        "<p>Budget documents run to 600 pages that few can read; contracts are published "
        "only as notices; participation draws the same 200 people; 14% of residents aged over "
        "65 have never used the internet; and the 2024 floods showed how little residents knew "
        "about the river.</p>"
    ),
    "plan_contribution": (
        "<p>Each commitment moves one of the four objectives forward by a measurable step, "
        "and together they build the habits (open data by default, co-decision, public "
        "monitoring) that the next plans will extend.</p>"
    ),
    "policy_alignment": (
        "<p>The plan serves the 2024-2030 programme of the municipal majority, whose first "
        "two priorities are 'a town that listens' and 'sound public finances', and the "
        "municipal climate plan adopted in 2025.</p>"
    ),
    "lead_institutions": (
        "<p>The Department of Citizen Participation and Open Government coordinates the "
        "plan; the Departments of Finance, Public Works, Digital Services and Environment "
        "lead commitments; the Meuse Valley Water Board is a partner for the river.</p>"
    ),
    "coordination": (
        "<p>An inter-departmental group of commitment leads meets monthly, chaired by the "
        "Director-General; the Open Government Officer keeps the tracker and the evidence "
        "repository up to date.</p>"
    ),
    "cocreation_spaces": (
        "<p>Offline: two public Forum meetings at the Town Hall, paper proposal boxes in the "
        "three neighbourhood centres and a stand at the Saturday market. Online: the "
        "participation platform (written proposals and comments) and live streaming of the "
        "second meeting.</p>"
    ),
    "representation_measures": (
        "<p>Invitations in French, English and Arabic; step-free venues, sign-language "
        "interpretation on request and childcare; evening meetings; a dedicated workshop with "
        "the Youth Network and one with Access Hautrive; reserved Forum seats for "
        "neighbourhoods with the lowest turnout.</p>"
    ),
    "participants": (
        "<p>14 groups: 6 civil society associations, 5 neighbourhood committees, the "
        "university, a community radio and the chamber of commerce; plus 212 individual "
        "residents who sent written proposals.</p>"
    ),
    "participant_group_count": 14,
    "cocreation_meeting_count": 2,
    "ongoing_collaboration": (
        "<p>The Forum meets at least twice a year to review progress (the next review is "
        "open now); each commitment has a civil society partner; any change to a commitment "
        "needs the Forum's non-governmental members' approval.</p>"
    ),
    "monitoring_body": "university",
    "monitoring_contact_name": "Prof. Jean-Baptiste Moreau",
    "monitoring_contact_email": "jb.moreau@umv.example",
    "monitoring_contact_phone": "+32 81 72 40 12",
    "progress_discussion": (
        "<p>Two public review meetings a year with the Forum, and a quarterly progress update "
        "on each commitment on this website, open to comments.</p>"
    ),
    "implementation_follow_up": (
        "<p>The monitor meets each commitment lead every quarter and checks the evidence "
        "repository before each progress update is published.</p>"
    ),
    "results_sharing": (
        "<p>The initial assessment, each end-of-commitment assessment and the final learning "
        "report are published here and presented on Radio Meuse Libre.</p>"
    ),
    "strategy_document": "strategy",
    "online_consultation_url": "https://participate.hautrive.example/open-government-2025",
    "endorsements": [
        ("open_meuse", D(2025, 12, 15)),
        ("transparency", D(2025, 12, 15)),
        ("neighbourhoods", D(2025, 12, 15)),
        ("digital_for_all", D(2025, 12, 15)),
        ("friends_meuse", D(2025, 12, 16)),
        ("womens_voices", D(2025, 12, 16)),
    ],
}


def _stakeholder(role, org, name, title, email, contact_role):
    return {
        "role": role,
        "organisation": org,
        "contact_name": name,
        "contact_title": title,
        "contact_email": email,
        "contact_role": contact_role,
    }


def _milestone(description, start, end, org, contact, status, first_status=None):
    """``status`` is the milestone's status today; ``first_status`` the one it had when the
    commitment was published, if the commitment's progress updates have changed it since."""
    return {
        "description": description,
        "start_month": start,
        "end_month": end,
        "responsible_organisation": org,
        "contact": contact,
        "status": status,
        "first_status": first_status or status,
    }


def _evidence(title, kind, date, document=None, link="", description="", milestone=None):
    return {
        "title": title,
        "kind": kind,
        "date": date,
        "document": document,
        "link": link,
        "description": description,
        "milestone": milestone,
    }


# Quarterly progress updates are dated at the end of the quarter they report on.
Q1_2026, Q2_2026, Q3_2026 = D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30)


def _update(date, progress, changes=(), delay_reasons="", next_steps="", evidence=()):
    """A published progress update (handbook 3.5.4).

    ``changes`` are ``(milestone position, new status)`` pairs, applied in the order of the
    updates: from each milestone's ``first_status``, they must lead to its ``status``.
    ``evidence`` holds positions in the commitment's ``evidence`` list.
    """
    return {
        "date": date,
        "progress": progress,
        "changes": list(changes),
        "delay_reasons": delay_reasons,
        "next_steps": next_steps,
        "evidence": list(evidence),
    }


COMMITMENTS = [
    {
        "slug": "open-budget",
        "title": "Publish the budget and every payment as open data",
        "short": "open budget",
        "start_date": D(2026, 1, 1),
        "end_date": D(2027, 6, 30),
        "objective": 0,
        "problem": (
            "<p>Residents cannot follow how the town spends its money: the budget is a "
            "600-page PDF and payments are not published at all.</p>"
        ),
        "status_quo": (
            "<p>The adopted budget and the accounts are published once a year as scanned "
            "PDFs; no data on individual payments is available.</p>"
        ),
        "activities": (
            "<p>Publish the budget, its execution and every payment above 1,000 EUR as open "
            "data each month, with a plain-language citizens' budget and public workshops.</p>"
        ),
        "expected_results": (
            "<p>Monthly open data on the portal; a citizens' budget each year; 300 residents "
            "trained to read the data.</p>"
        ),
        "overall_objective": "<p>Public money anyone can follow.</p>",
        "solution": (
            "<p>Data that is published monthly, in a reusable format and explained in plain "
            "language lets residents, journalists and the council ask informed questions.</p>"
        ),
        "policy_areas": ["fiscal-openness", "open-data"],
        "sectors": ["public-services", "cross-sectoral"],
        "ogp_values": ["access-to-information", "public-accountability"],
        "budget": "85000.00",
        "budget_currency": "EUR",
        "staff": 3,
        "duration_months": 18,
        "other_resources": (
            "Open data portal hosting; volunteer trainers from the Open Meuse Collective."
        ),
        "resources_secured": "yes",
        "additional_information": (
            "<p>Contributes to SDG 16.6 (effective, accountable and transparent institutions). "
            "Gender analysis: workshops are scheduled in the evening and offer childcare, as "
            "women were under-represented in 2024 budget meetings.</p>"
        ),
        "stakeholders": [
            _stakeholder(
                "lead_agency",
                "finance",
                "Marc Delvaux",
                "Head of Budget",
                "marc.delvaux@hautrive.example",
                "Publishes the data; leads the commitment",
            ),
            _stakeholder(
                "implementer",
                "open_meuse",
                "Léa Janssens",
                "Coordinator",
                "lea@openmeuse.example",
                "Writes the citizens' budget; runs the workshops",
            ),
            _stakeholder(
                "stakeholder",
                "courrier",
                "Hugo Lambert",
                "Journalist",
                "h.lambert@courrier-hautrive.example",
                "Tests the data for reporting",
            ),
        ],
        "milestones": [
            _milestone(
                "Publish the 2025 budget and accounts by function as open data (CSV)",
                D(2026, 1, 1),
                D(2026, 3, 1),
                "finance",
                "Marc Delvaux",
                "complete",
                first_status="in_progress",
            ),
            _milestone(
                "Publish a plain-language citizens' budget for 2026",
                D(2026, 2, 1),
                D(2026, 5, 1),
                "open_meuse",
                "Léa Janssens",
                "complete",
                first_status="not_started",
            ),
            _milestone(
                "Publish every payment above 1,000 EUR each month",
                D(2026, 4, 1),
                D(2027, 3, 1),
                "finance",
                "Marc Delvaux",
                "in_progress",
                first_status="not_started",
            ),
            _milestone(
                "Train 300 residents and journalists to use the budget data",
                D(2027, 1, 1),
                D(2027, 6, 1),
                "open_meuse",
                "Léa Janssens",
                "not_started",
            ),
        ],
        "amendments": [],
        "evidence_intro": (
            "<p>Datasets, guides and statistics showing the budget commitment's progress.</p>"
        ),
        "evidence": [
            _evidence(
                "2025 budget and accounts by function (CSV)",
                "technical",
                D(2026, 3, 20),
                document="budget_csv",
                milestone=0,
                description="The first dataset published under the commitment.",
            ),
            _evidence(
                "Citizens' budget guide 2026",
                "strategy",
                D(2026, 5, 12),
                document="citizens_budget",
                milestone=1,
            ),
            _evidence(
                "Monthly payments dataset on the open data portal",
                "technical",
                D(2026, 10, 5),
                link="https://data.hautrive.example/dataset/payments",
                milestone=2,
                description="Updated on the 5th of each month; 7 months so far.",
            ),
        ],
        "updates": [
            _update(
                Q1_2026,
                progress=(
                    "<p>The 2025 budget and accounts went online as open data on 20 March: "
                    "adopted and executed amounts for seven functions, in CSV under an open "
                    "licence. Work on the citizens' budget started with the Open Meuse "
                    "Collective, who tested a first outline with the Centre neighbourhood "
                    "committee.</p>"
                ),
                changes=[(0, "complete"), (1, "in_progress")],
                next_steps=(
                    "<p>Publish the citizens' budget guide in May and present it at two evening "
                    "workshops with childcare. Prepare the monthly payments file with the "
                    "supplier of the accounting software.</p>"
                ),
                evidence=[0],
            ),
            _update(
                Q2_2026,
                progress=(
                    "<p>The citizens' budget guide 2026 was published on 12 May and presented "
                    "at two workshops attended by 64 residents. The first monthly file of "
                    "payments above 1,000 EUR went online on 5 May, with April's 412 "
                    "payments; the May and June files followed on time.</p>"
                ),
                changes=[(1, "complete"), (2, "in_progress")],
                next_steps=(
                    "<p>Keep publishing the payments file on the 5th of each month, and ask "
                    "journalists and the Finance Committee which fields they miss.</p>"
                ),
                evidence=[1, 2],
            ),
            _update(
                Q3_2026,
                progress=(
                    "<p>The payments files for July, August and September were published: six "
                    "months of payments so far. At the request of Le Courrier de Hautrive, each "
                    "payment now names the budget function as well as the supplier; two "
                    "articles have used the data.</p>"
                ),
                delay_reasons=(
                    "<p>The August file came out on 9 September, four days late, while the "
                    "accountant who prepares it was on leave; a second person has been trained "
                    "since.</p>"
                ),
                next_steps=(
                    "<p>Design the 2027 training programme for residents and journalists with "
                    "the Open Meuse Collective; the first sessions are planned for January "
                    "2027.</p>"
                ),
                evidence=[2],
            ),
        ],
    },
    {
        "slug": "open-contracting",
        "title": "Open up public contracts from planning to completion",
        "short": "open contracting",
        "start_date": D(2026, 1, 1),
        "end_date": D(2027, 12, 31),
        "objective": 0,
        "problem": (
            "<p>Residents and companies cannot see who wins municipal contracts, for how much, "
            "and whether the works are delivered on time and on budget.</p>"
        ),
        "status_quo": (
            "<p>Only tender notices are published, on the national portal; awards, amendments "
            "and delivery are not.</p>"
        ),
        "activities": (
            "<p>Adopt the Open Contracting Data Standard, publish every contract above 30,000 "
            "EUR from planning to completion, and open a searchable procurement portal.</p>"
        ),
        "expected_results": (
            "<p>All contracts above the threshold published in OCDS; more bidders per tender; "
            "an independent audit of the first year's data.</p>"
        ),
        "overall_objective": "<p>Public money anyone can follow.</p>",
        "solution": (
            "<p>Publishing each stage of each contract lets residents spot delays and cost "
            "overruns and lets more local companies compete.</p>"
        ),
        "policy_areas": ["open-contracting", "audits-controls"],
        "sectors": ["infrastructure-transport", "private-sector"],
        "ogp_values": ["access-to-information", "public-accountability"],
        "budget": "120000.00",
        "budget_currency": "EUR",
        "staff": 2,
        "duration_months": 24,
        "other_resources": "Technical support from the regional e-procurement agency.",
        "resources_secured": "partially",
        "additional_information": (
            "<p>Links to the regional public procurement reform and to SDG 16.5 "
            "(reduce corruption).</p>"
        ),
        "stakeholders": [
            _stakeholder(
                "lead_agency",
                "works",
                "Thomas Leclercq",
                "Director of Public Works",
                "thomas.leclercq@hautrive.example",
                "Leads the commitment",
            ),
            _stakeholder(
                "implementer",
                "transparency",
                "Amira Khelifi",
                "Policy lead",
                "amira@transparency-hautrive.example",
                "Monitors the published contracts",
            ),
            _stakeholder(
                "stakeholder",
                "chamber",
                "Pierre Gilson",
                "Secretary-General",
                "p.gilson@cci-hautrive.example",
                "Relays the portal to local companies",
            ),
            _stakeholder(
                "stakeholder",
                "council",
                "Nadia El Amrani",
                "Chair of the Finance Committee",
                "n.elamrani@hautrive.example",
                "Adopts the council decision",
            ),
        ],
        "milestones": [
            _milestone(
                "Council decision adopting the Open Contracting Data Standard",
                D(2026, 1, 1),
                D(2026, 3, 1),
                "council",
                "Nadia El Amrani",
                "complete",
                first_status="in_progress",
            ),
            _milestone(
                "Publish all contracts above 30,000 EUR awarded since June 2026 in OCDS",
                D(2026, 6, 1),
                D(2027, 6, 1),
                "works",
                "Thomas Leclercq",
                "in_progress",
                first_status="not_started",
            ),
            _milestone(
                "Open the searchable public procurement portal",
                D(2026, 4, 1),
                D(2027, 3, 1),
                "works",
                "Thomas Leclercq",
                "blocked",
                first_status="not_started",
            ),
            _milestone(
                "Independent audit of the first year of published contracting data",
                D(2027, 7, 1),
                D(2027, 12, 1),
                "transparency",
                "Amira Khelifi",
                "not_started",
            ),
        ],
        "amendments": [
            {
                "date": D(2026, 5, 20),
                "change": (
                    "The procurement portal milestone now ends in March 2027 instead of June "
                    "2026: the regional e-procurement agency postponed the data interface the "
                    "portal depends on. Contracts are published meanwhile as open data files."
                ),
                "decision_process": (
                    "Proposed by the Department of Public Works on 28 April 2026, discussed at "
                    "the Open Government Forum meeting of 12 May 2026, approved by all eight "
                    "non-governmental members present; minutes published in the evidence "
                    "folder."
                ),
                "approved_by": "Open Government Forum (non-governmental members)",
            }
        ],
        "evidence_intro": (
            "<p>Decisions, terms of reference and data of the open contracting commitment.</p>"
        ),
        "evidence": [
            _evidence(
                "Council decision adopting the OCDS",
                "decision_record",
                D(2026, 3, 23),
                document="ocds_decision",
                milestone=0,
            ),
            _evidence(
                "Terms of reference for the procurement portal",
                "procurement",
                D(2026, 4, 15),
                document="portal_tor",
                milestone=2,
                description="The portal is blocked until the regional data interface is ready.",
            ),
            _evidence(
                "Contracts published in OCDS (open data)",
                "technical",
                D(2026, 10, 1),
                link="https://data.hautrive.example/dataset/contracts-ocds",
                milestone=1,
            ),
        ],
        "updates": [
            _update(
                Q1_2026,
                progress=(
                    "<p>The Municipal Council adopted the Open Contracting Data Standard on 23 "
                    "March: every contract above 30,000 EUR awarded from 1 June 2026 will be "
                    "published from planning to completion, within 30 days of each stage. The "
                    "Finance Committee discussed the threshold with Transparency Watch "
                    "Hautrive before the vote.</p>"
                ),
                changes=[(0, "complete")],
                next_steps=(
                    "<p>Publish the terms of reference of the procurement portal in April and "
                    "launch its tender; map the fields of the contract register to the "
                    "standard.</p>"
                ),
                evidence=[0],
            ),
            _update(
                Q2_2026,
                progress=(
                    "<p>The terms of reference of the procurement portal were published on 15 "
                    "April and the tender launched. Since 1 June, new contracts above 30,000 "
                    "EUR are recorded in the standard; the first awards will be published in "
                    "July.</p>"
                ),
                changes=[(1, "in_progress"), (2, "in_progress")],
                delay_reasons=(
                    "<p>The regional e-procurement agency postponed the data interface the "
                    "portal depends on to early 2027. With the approval of the Forum's "
                    "non-governmental members on 12 May, the portal milestone now ends in March "
                    "2027 instead of June 2026 (see the amendment on this page). Contracts are "
                    "published meanwhile as open data files.</p>"
                ),
                next_steps=(
                    "<p>Award the portal contract, and publish the first contracts as OCDS "
                    "files on the open data portal.</p>"
                ),
                evidence=[1],
            ),
            _update(
                Q3_2026,
                progress=(
                    "<p>Eleven contracts awarded since June are published in OCDS on the open "
                    "data portal, from planning to award. Transparency Watch Hautrive checked "
                    "the first files and found two missing amendment dates, now corrected.</p>"
                ),
                changes=[(2, "blocked")],
                delay_reasons=(
                    "<p>The procurement portal is blocked: the regional agency has not "
                    "delivered the test version of its data interface, promised for September, "
                    "and the portal's supplier cannot connect to it. We paused the supplier's "
                    "work rather than pay for development that would have to be redone.</p>"
                ),
                next_steps=(
                    "<p>Discuss the portal at the Forum's first-year review and ask the "
                    "regional agency for a firm date; keep publishing contracts as open data "
                    "files in the meantime.</p>"
                ),
                evidence=[2],
            ),
        ],
    },
    {
        "slug": "participatory-budget",
        "title": "Let residents decide a share of the investment budget",
        "short": "participatory budget",
        "start_date": D(2026, 1, 1),
        "end_date": D(2026, 12, 31),
        "objective": 1,
        "problem": (
            "<p>Residents have no say in investment priorities, and consultations reach the "
            "same few people.</p>"
        ),
        "status_quo": (
            "<p>Investment decisions are taken by the council on proposals from departments; "
            "no participatory budget exists.</p>"
        ),
        "activities": (
            "<p>Co-write the rules of a 250,000 EUR participatory budget with the neighbourhood "
            "committees, collect proposals, hold a public vote and carry out the winners, with "
            "targeted outreach to residents rarely heard.</p>"
        ),
        "expected_results": (
            "<p>At least 3,000 voters; funded projects in each of the three neighbourhoods; "
            "turnout among young people and residents with disabilities measured.</p>"
        ),
        "overall_objective": "<p>Residents who shape decisions.</p>",
        "solution": (
            "<p>A binding vote on real money draws residents who do not come to meetings, and "
            "the outreach programme goes to those who do not vote.</p>"
        ),
        "policy_areas": ["civic-space", "inclusion"],
        "sectors": ["land-use", "public-services"],
        "ogp_values": ["civic-participation", "public-accountability"],
        "budget": "250000.00",
        "budget_currency": "EUR",
        "staff": 2,
        "duration_months": 12,
        "other_resources": "Voting stations in the three neighbourhood centres and the library.",
        "resources_secured": "yes",
        "additional_information": (
            "<p>Gender analysis: 58% of voters were women; proposals were reviewed for their "
            "effect on care work. Contributes to SDG 11.3 (participatory planning).</p>"
        ),
        "stakeholders": [
            _stakeholder(
                "lead_agency",
                "participation",
                "Yasmina Benali",
                "Open Government Officer",
                "yasmina.benali@hautrive.example",
                "Leads the commitment",
            ),
            _stakeholder(
                "implementer",
                "neighbourhoods",
                "Julien Warnier",
                "President",
                "julien@quartiers-hautrive.example",
                "Co-writes the rules; runs proposal workshops",
            ),
            _stakeholder(
                "stakeholder",
                "youth",
                "Sami Aït Said",
                "Volunteer coordinator",
                "sami@youth-hautrive.example",
                "Outreach to young residents",
            ),
            _stakeholder(
                "stakeholder",
                "access",
                "Marie Collard",
                "Director",
                "marie.collard@access-hautrive.example",
                "Accessibility of the vote",
            ),
        ],
        "milestones": [
            _milestone(
                "Co-write and adopt the rules of the participatory budget",
                D(2026, 1, 1),
                D(2026, 3, 1),
                "neighbourhoods",
                "Julien Warnier",
                "complete",
                first_status="in_progress",
            ),
            _milestone(
                "Collect and assess residents' project proposals",
                D(2026, 3, 1),
                D(2026, 6, 1),
                "participation",
                "Yasmina Benali",
                "complete",
                first_status="not_started",
            ),
            _milestone(
                "Hold the public vote and publish the results",
                D(2026, 9, 1),
                D(2026, 10, 1),
                "participation",
                "Yasmina Benali",
                "complete",
                first_status="not_started",
            ),
            _milestone(
                "Reach 500 voters among residents with disabilities and Arabic speakers",
                D(2026, 4, 1),
                D(2026, 10, 1),
                "access",
                "Marie Collard",
                "incomplete",
                first_status="not_started",
            ),
        ],
        "amendments": [],
        "evidence_intro": (
            "<p>Rules, results and the independent assessment of the participatory budget.</p>"
        ),
        "evidence": [
            _evidence(
                "Rules of the participatory budget 2026",
                "decision_record",
                D(2026, 3, 9),
                document="pb_rules",
                milestone=0,
            ),
            _evidence(
                "Vote results by project (CSV)",
                "consultation_results",
                D(2026, 9, 29),
                document="pb_results_csv",
                milestone=2,
            ),
            _evidence(
                "Votes per project (chart)",
                "multimedia",
                D(2026, 9, 29),
                document="pb_results_chart",
                milestone=2,
                description="Bar chart of the votes for the seven projects put to the vote.",
            ),
            _evidence(
                "End-of-commitment assessment by the independent monitor",
                "third_party",
                D(2026, 11, 5),
                document="pb_assessment",
            ),
        ],
        "updates": [
            _update(
                Q1_2026,
                progress=(
                    "<p>The rules of the participatory budget were written with the Federation "
                    "of Neighbourhood Committees in three public workshops and adopted on 9 "
                    "March: 250,000 EUR, projects of at most 50,000 EUR, and any resident aged "
                    "14 or over may propose and vote. The call for proposals opened on 16 "
                    "March.</p>"
                ),
                changes=[(0, "complete"), (1, "in_progress")],
                next_steps=(
                    "<p>Collect proposals until 31 May, with proposal workshops in each "
                    "neighbourhood centre; start the outreach to residents with disabilities "
                    "and to Arabic speakers in April.</p>"
                ),
                evidence=[0],
            ),
            _update(
                Q2_2026,
                progress=(
                    "<p>Residents submitted 137 proposals. The departments assessed them with "
                    "their authors, and 7 projects were put forward for the vote at a public "
                    "session on 20 June. Outreach began in April with Access Hautrive and the "
                    "Hautrive Youth Network: easy-read and Arabic leaflets, and four "
                    "information sessions.</p>"
                ),
                changes=[(1, "complete"), (3, "in_progress")],
                next_steps=(
                    "<p>Hold the vote in September, at four step-free voting stations with "
                    "assistance and online.</p>"
                ),
            ),
            _update(
                Q3_2026,
                progress=(
                    "<p>4,912 residents voted between 14 and 27 September: 13% of residents "
                    "aged 14 and over. The results were published on 29 September: six "
                    "projects are funded, in all three neighbourhoods.</p>"
                ),
                changes=[(2, "complete"), (3, "incomplete")],
                delay_reasons=(
                    "<p>The outreach milestone ended short of its target: 312 voters asked for "
                    "assistance or used the Arabic-language ballot, not 500. The Arabic "
                    "materials were ready only two weeks before the vote, and only one voting "
                    "station had a sign language interpreter.</p>"
                ),
                next_steps=(
                    "<p>Start work on the six funded projects. The independent monitor "
                    "assesses the commitment this autumn; its lessons on outreach go into the "
                    "next action plan.</p>"
                ),
                evidence=[1, 2],
            ),
        ],
    },
    {
        "slug": "accessible-digital-services",
        "title": "Make every online service accessible, with help for those offline",
        "short": "digital services",
        "start_date": D(2026, 2, 1),
        "end_date": D(2027, 12, 31),
        "objective": 2,
        "problem": (
            "<p>Many municipal online services cannot be used with a screen reader, and one "
            "resident in seven over 65 has never used the internet.</p>"
        ),
        "status_quo": (
            "<p>14 online services, none audited for accessibility; help is available only by "
            "phone during office hours.</p>"
        ),
        "activities": (
            "<p>Audit and fix every online service to WCAG 2.2 AA with users with disabilities, "
            "open digital help desks in the neighbourhood centres and publish the source code "
            "of the town's public tracker.</p>"
        ),
        "expected_results": (
            "<p>No blocking accessibility issue left; 1,500 help desk visits a year; an "
            "open-source progress tracker.</p>"
        ),
        "overall_objective": "<p>Digital services for everyone.</p>",
        "solution": (
            "<p>Testing with the people who are excluded, and offering human help beside the "
            "screen, removes both barriers at once.</p>"
        ),
        "policy_areas": ["digital-governance", "inclusion"],
        "sectors": ["science-technology", "public-services"],
        "ogp_values": ["technology-innovation", "access-to-information"],
        "budget": "140000.00",
        "budget_currency": "EUR",
        "staff": 4,
        "duration_months": 23,
        "other_resources": "Premises of the three neighbourhood centres; trained volunteers.",
        "resources_secured": "partially",
        "additional_information": (
            "<p>Links to the regional digital inclusion plan and to the European Accessibility "
            "Act. Contributes to SDG 10.2 (inclusion of all).</p>"
        ),
        "stakeholders": [
            _stakeholder(
                "lead_agency",
                "digital",
                "Sofia Martins",
                "Chief Digital Officer",
                "sofia.martins@hautrive.example",
                "Leads the commitment",
            ),
            _stakeholder(
                "implementer",
                "digital_for_all",
                "Karim Bouzid",
                "Director",
                "karim@digitalforall.example",
                "Runs the digital help desks",
            ),
            _stakeholder(
                "stakeholder",
                "access",
                "Marie Collard",
                "Director",
                "marie.collard@access-hautrive.example",
                "Tests services with users",
            ),
        ],
        "milestones": [
            _milestone(
                "Audit the 14 online services with users with disabilities",
                D(2026, 2, 1),
                D(2026, 5, 1),
                "digital",
                "Sofia Martins",
                "complete",
                first_status="in_progress",
            ),
            _milestone(
                "Open digital help desks in the three neighbourhood centres",
                D(2026, 4, 1),
                D(2027, 3, 1),
                "digital_for_all",
                "Karim Bouzid",
                "in_progress",
                first_status="not_started",
            ),
            _milestone(
                "Fix every blocking accessibility issue found by the audit",
                D(2026, 6, 1),
                D(2027, 6, 1),
                "digital",
                "Sofia Martins",
                "in_progress",
                first_status="not_started",
            ),
            _milestone(
                "Publish the public tracker's source code under an open licence",
                D(2027, 6, 1),
                D(2027, 12, 1),
                "digital",
                "Sofia Martins",
                "not_started",
            ),
        ],
        "amendments": [],
        "evidence_intro": "<p>Audit, help desk statistics and code of the digital commitment.</p>",
        "evidence": [
            _evidence(
                "Accessibility audit report",
                "audit",
                D(2026, 5, 28),
                document="accessibility_audit",
                milestone=0,
            ),
            _evidence(
                "Digital help desks: visits by month (CSV)",
                "usage_statistics",
                D(2026, 11, 2),
                document="help_desk_stats",
                milestone=1,
            ),
            _evidence(
                "Accessibility fixes in the issue tracker",
                "technical",
                D(2026, 10, 20),
                link="https://code.hautrive.example/e-services/issues?label=accessibility",
                milestone=2,
                description="43 of 61 issues closed, 11 of 18 blocking ones.",
            ),
        ],
        "updates": [
            _update(
                Q2_2026,
                progress=(
                    "<p>The accessibility audit of the 14 online services, tested by members of "
                    "Access Hautrive with screen readers and switch access, was published on 28 "
                    "May: 61 issues, 18 of them blocking. Fixing started in June with the four "
                    "most used services. Digital help desks opened in April in the Centre and "
                    "Rive Gauche neighbourhood centres: 433 visits in three months, half of "
                    "them by residents over 65.</p>"
                ),
                changes=[(0, "complete"), (1, "in_progress"), (2, "in_progress")],
                next_steps=(
                    "<p>Fix the 18 blocking issues first, and open the third help desk, in Les "
                    "Hauts, in September.</p>"
                ),
                evidence=[0],
            ),
            _update(
                Q3_2026,
                progress=(
                    "<p>37 of the 61 issues are fixed, 9 of the 18 blocking ones, among them "
                    "the forms for parking permits and civil status certificates. Help desk "
                    "visits fell over the summer, when the desks opened two mornings a week, "
                    "and rose to 203 in September.</p>"
                ),
                delay_reasons=(
                    "<p>The help desk in Les Hauts will open in January 2027 instead of "
                    "September: its neighbourhood centre is being renovated. Until then, "
                    "Digital for All holds a weekly session in the Les Hauts library.</p>"
                ),
                next_steps=(
                    "<p>Fix the remaining blocking issues by the end of the year, retesting "
                    "each fix with Access Hautrive; open the Les Hauts help desk in "
                    "January.</p>"
                ),
                evidence=[2],
            ),
        ],
    },
    {
        "slug": "open-river-data",
        "title": "Publish real-time water quality data with residents",
        "short": "river data",
        "start_date": D(2026, 3, 1),
        "end_date": D(2028, 6, 30),
        "objective": 3,
        "problem": (
            "<p>Residents learn about river pollution weeks after it happens, and no one "
            "publishes the results of the samples that are taken.</p>"
        ),
        "status_quo": (
            "<p>The Water Board samples four points monthly and reports to the region only.</p>"
        ),
        "activities": (
            "<p>Install six continuous sensors, publish their readings as open data in real "
            "time, involve volunteers in citizen science sampling and hold a yearly public "
            "hearing on the river's state.</p>"
        ),
        "expected_results": (
            "<p>Readings online within an hour; alerts after heavy rain; two public hearings "
            "with the Water Board.</p>"
        ),
        "overall_objective": "<p>A river everyone can trust.</p>",
        "solution": (
            "<p>Open, timely data lets residents protect themselves and ask the Water Board to "
            "act on the outfalls that pollute.</p>"
        ),
        "policy_areas": ["open-data", "right-to-information"],
        "sectors": ["water-sanitation", "environment-climate"],
        "ogp_values": ["access-to-information", "civic-participation"],
        "budget": "96000.00",
        "budget_currency": "EUR",
        "staff": 2,
        "duration_months": 28,
        "other_resources": "Regional grant (pending); laboratory time at the university.",
        "resources_secured": "partially",
        "additional_information": (
            "<p>Part of the municipal climate plan 2025-2030; contributes to SDG 6.3 (water "
            "quality) and SDG 6.b (participation of local communities).</p>"
        ),
        "stakeholders": [
            _stakeholder(
                "lead_agency",
                "environment",
                "Inès Haddad",
                "Environment Officer",
                "ines.haddad@hautrive.example",
                "Leads the commitment",
            ),
            _stakeholder(
                "implementer",
                "friends_meuse",
                "Benoît Renard",
                "Chair",
                "benoit@friendsofthemeuse.example",
                "Runs the citizen science programme",
            ),
            _stakeholder(
                "stakeholder",
                "water_board",
                "Dr. Anne Verhaegen",
                "Head of Water Quality",
                "a.verhaegen@mvwb.example",
                "Installs and runs the sensors",
            ),
            _stakeholder(
                "stakeholder",
                "university",
                "Prof. Jean-Baptiste Moreau",
                "Director, CLGS",
                "jb.moreau@umv.example",
                "Validates the citizen science method",
            ),
        ],
        "milestones": [
            _milestone(
                "Install six continuous water quality sensors",
                D(2026, 3, 1),
                D(2026, 12, 1),
                "water_board",
                "Dr. Anne Verhaegen",
                "in_progress",
            ),
            _milestone(
                "Publish sensor readings as open data within an hour",
                D(2027, 1, 1),
                D(2027, 6, 1),
                "environment",
                "Inès Haddad",
                "not_started",
            ),
            _milestone(
                "Train 40 volunteers in citizen science sampling",
                D(2026, 5, 1),
                D(2027, 4, 1),
                "friends_meuse",
                "Benoît Renard",
                "blocked",
                first_status="not_started",
            ),
            _milestone(
                "Hold two public hearings on the state of the river",
                D(2027, 5, 1),
                D(2028, 5, 1),
                "environment",
                "Inès Haddad",
                "not_started",
            ),
            _milestone(
                "Publish a baseline report on water quality",
                D(2026, 3, 1),
                D(2026, 6, 1),
                "water_board",
                "Dr. Anne Verhaegen",
                "complete",
                first_status="in_progress",
            ),
        ],
        "amendments": [],
        "evidence_intro": "<p>Baseline, funding decision and data of the river commitment.</p>",
        "evidence": [
            _evidence(
                "Water quality baseline report 2025",
                "baseline",
                D(2026, 6, 18),
                document="water_baseline",
                milestone=4,
            ),
            _evidence(
                "Water Board decision funding the sensors",
                "budget_staff",
                D(2026, 2, 12),
                document="sensor_budget",
                milestone=0,
                description=(
                    "Citizen science training is blocked until the regional grant that pays "
                    "for the sampling kits is confirmed."
                ),
            ),
        ],
        "updates": [
            _update(
                Q2_2026,
                progress=(
                    "<p>The baseline report on the Meuse and its tributaries was published on "
                    "18 June: after heavy rain, E. coli exceeded bathing thresholds at the "
                    "Ruisseau des Saules outfall 7 times in 2025. The Water Board ordered the "
                    "six sensors and installed the first two. Friends of the Meuse trained "
                    "their first 9 volunteers on 6 June, with sampling kits lent by the "
                    "university.</p>"
                ),
                changes=[(4, "complete"), (2, "in_progress")],
                next_steps=(
                    "<p>Install the four remaining sensors by December, and train the next "
                    "volunteers in the autumn.</p>"
                ),
                evidence=[0, 1],
            ),
            _update(
                Q3_2026,
                progress=(
                    "<p>Four of the six sensors are installed and send readings to the Water "
                    "Board every fifteen minutes; the two on the towpath await a permit from "
                    "the waterways authority. Volunteers took 46 samples in July and "
                    "August.</p>"
                ),
                changes=[(2, "blocked")],
                delay_reasons=(
                    "<p>The volunteer training is blocked: the regional grant that pays for "
                    "the sampling kits has not been confirmed, and the university needs its "
                    "kits back for the academic year. No new volunteer can be trained until "
                    "kits are bought.</p>"
                ),
                next_steps=(
                    "<p>Ask the region for a decision before the end of the year and, failing "
                    "that, propose to the Forum that the Water Board's reserve pays for the "
                    "kits; the blocked training is on the agenda of the first-year "
                    "review.</p>"
                ),
                evidence=[1],
            ),
        ],
    },
]

PLAN_EVIDENCE = {
    "slug": "co-creation-evidence",
    "title": "Evidence: co-creation of the action plan",
    "introduction": (
        "<p>Everything that shows how the plan was co-created: calendar, invitations, the "
        "Forum's terms of reference, attendance, minutes, proposals, our feedback and the "
        "endorsement letters.</p>"
    ),
    "items": [
        _evidence(
            "Co-creation plan and calendar",
            "consultation_plan",
            D(2025, 9, 10),
            document="consultation_plan",
        ),
        _evidence(
            "Public invitation to co-create the plan",
            "timeline_invitation",
            D(2025, 9, 15),
            document="invitation",
            link="https://www.hautrive.example/news/open-government-forum",
            description="Also broadcast on Radio Meuse Libre and printed in the town magazine.",
        ),
        _evidence(
            "Terms of reference of the Open Government Forum",
            "terms_of_reference",
            D(2025, 9, 25),
            document="forum_tor",
        ),
        _evidence(
            "Attendance by affiliation, 7 October 2025 (CSV)",
            "attendance_list",
            D(2025, 10, 7),
            document="attendance_csv",
            description="Affiliations only: residents asked not to have their names published.",
        ),
        _evidence(
            "Forum workshop tables, 7 October 2025",
            "multimedia",
            D(2025, 10, 7),
            document="forum_photo",
        ),
        _evidence(
            "Minutes of the Forum, 7 October 2025",
            "forum_agenda_minutes",
            D(2025, 10, 20),
            document="minutes_1",
        ),
        _evidence(
            "Written proposals from residents and associations",
            "written_proposals",
            D(2025, 11, 9),
            link="https://participate.hautrive.example/open-government-2025/proposals",
            description="212 proposals, published with their authors' consent.",
        ),
        _evidence(
            "Minutes of the Forum, 18 November 2025",
            "forum_agenda_minutes",
            D(2025, 11, 28),
            document="minutes_2",
        ),
        _evidence(
            "Feedback report: how your input shaped the plan",
            "input_feedback",
            D(2025, 12, 10),
            document="feedback_report",
        ),
        _evidence(
            "Endorsement letters",
            "decision_record",
            D(2025, 12, 16),
            document="endorsements",
        ),
    ],
}

COCREATION_CONSULTATION = {
    "slug": "co-creation-2025",
    "title": "Co-creating our first action plan (autumn 2025)",
    "stage": "plan_cocreation",
    "opens_at": (2025, 9, 15, 9, 0),
    "closes_at": (2025, 11, 30, 23, 59),
    "introduction": (
        "<p>From September to November 2025, residents and associations wrote Hautrive's "
        "first open government action plan with the town's departments.</p>"
    ),
    "how_to_take_part": (
        "<p>This consultation is closed. You could come to the two Forum meetings, send a "
        "written proposal on the participation platform or drop one in the boxes of the "
        "neighbourhood centres.</p>"
    ),
    "feedback_summary": (
        "<p>We received 212 written proposals, grouped in 19 categories: 11 were included as "
        "proposed, 5 included with changes and 3 not included. The table below gives each "
        "decision and its reason; the full feedback report is in the evidence folder.</p>"
    ),
    "meetings": [
        {
            "starts_at": (2025, 10, 7, 18, 30),
            "format": "in_person",
            "place": "Council Chamber, Town Hall, 1 Market Square",
            "online_url": "",
            "agenda": (
                "1. The draft Strategic Vision. 2. Workshops on five themes. "
                "3. Choosing the problems to address."
            ),
            "minutes": "minutes_1",
            "attendee_count": 48,
            "government_count": 12,
            "non_government_count": 36,
        },
        {
            "starts_at": (2025, 11, 18, 18, 30),
            "format": "hybrid",
            "place": "Les Hauts neighbourhood centre, 14 rue des Vignes",
            "online_url": "https://meet.hautrive.example/forum-2025-11-18",
            "agenda": "1. Proposals received. 2. Drafting the five commitments. 3. Next steps.",
            "minutes": "minutes_2",
            "attendee_count": 64,
            "government_count": 14,
            "non_government_count": 50,
        },
    ],
    "advance_documents": [
        ("Draft Strategic Vision", "draft_vision", D(2025, 9, 30)),
        ("Discussion paper: ideas for commitments", "discussion_paper", D(2025, 9, 30)),
        ("Co-creation plan and calendar", "consultation_plan", D(2025, 9, 15)),
    ],
    "input_outcomes": [
        (
            "Publish every municipal payment, not only the budget",
            "included",
            "Became the third milestone of the open budget commitment.",
        ),
        (
            "A participatory budget of at least 500,000 EUR",
            "modified",
            "Started at 250,000 EUR for the first year, to be reviewed with the Forum after the "
            "first vote.",
        ),
        (
            "Real-time information on river pollution after storms",
            "included",
            "Became the river data commitment, with the Water Board as partner.",
        ),
        (
            "Stream and subtitle every council committee meeting",
            "rejected",
            "The committees' rules are set by regional law; the council will consider it "
            "instead in its 2026 rules review.",
        ),
        (
            "Help desks for residents who do not use the internet",
            "included",
            "Part of the digital services commitment, run by Digital for All.",
        ),
    ],
    "resulting_commitments": "all",
}

# The implementation review is dated relative to the day the example is loaded, so that
# it is open whenever someone tries the demo: (days from today, hour, minute), and the
# day its document was shared in days from today.
REVIEW_CONSULTATION = {
    "slug": "first-year-review",
    "title": "Review the action plan's first year with us",
    "stage": "implementation_review",
    "opens_in_days": (-7, 9, 0),
    "closes_in_days": (35, 23, 59),
    "introduction": (
        "<p>A year into the plan, tell us what works and what does not. The Forum's review "
        "meeting is open to everyone; the first-year progress report is online.</p>"
    ),
    "how_to_take_part": (
        "<p>Come to the review meeting, in person or online, or comment on each commitment's "
        "progress update until the consultation closes.</p>"
    ),
    "feedback_summary": "",
    "meetings": [
        {
            "starts_in_days": (14, 18, 30),
            "format": "hybrid",
            "place": "Council Chamber, Town Hall, 1 Market Square",
            "online_url": "https://meet.hautrive.example/forum-first-year-review",
            "agenda": (
                "1. Progress on each commitment. 2. The delayed procurement portal and the "
                "blocked citizen science training. 3. Priorities for the second year."
            ),
            "minutes": None,
            "attendee_count": None,
            "government_count": None,
            "non_government_count": None,
        }
    ],
    "advance_documents": [
        ("Progress report on the first year", "progress_report_y1", -7),
    ],
    "input_outcomes": [],
    "resulting_commitments": None,
}

# -- the ogp-wagtail blocks of the home page and the resources page ---------------------

# The co-creation calendar (handbook, Annex 4): key stages and deadlines. "page" names a
# page the loader has made; the entry "dates_of" takes its dates from that consultation,
# which the loader dated relative to the day it first ran.
KEY_DATES = {
    "heading": "Our co-creation calendar",
    "dates": [
        {
            "date": D(2025, 9, 15),
            "end_date": D(2025, 11, 30),
            "title": "Co-creation of the action plan",
            "description": (
                "Written proposals on the participation platform, in the boxes of the "
                "neighbourhood centres and at the Saturday market stand."
            ),
            "stage": "plan_cocreation",
            "page": "cocreation_consultation",
        },
        {
            "date": D(2025, 10, 7),
            "title": "First Open Government Forum meeting",
            "description": "The draft Strategic Vision and workshops on five themes.",
            "stage": "plan_cocreation",
        },
        {
            "date": D(2025, 11, 18),
            "title": "Second Forum meeting: drafting the five commitments",
            "stage": "commitment_drafting",
        },
        {
            "date": D(2025, 12, 10),
            "title": "Feedback report: how your proposals shaped the plan",
            "description": "Which ideas were included, changed or not included, and why.",
            "page": "plan_evidence",
        },
        {
            "date": D(2025, 12, 15),
            "end_date": D(2025, 12, 16),
            "title": "Civil society endorses the action plan",
        },
        {
            "date": D(2026, 1, 1),
            "title": "The action plan starts",
            "page": "plan",
        },
        {
            "date": D(2026, 2, 28),
            "title": "Deadline: initial assessment by the independent monitor",
            "description": "Within two months of the plan's submission (handbook, 3.5).",
        },
        {
            "dates_of": "review_consultation",
            "title": "First-year review: tell us what works",
            "description": "Comment on each commitment's progress and come to the Forum.",
            "stage": "implementation_review",
            "page": "review_consultation",
        },
        {
            "date": D(2028, 6, 30),
            "title": "The action plan ends",
        },
        {
            "date": D(2028, 8, 31),
            "title": "Deadline: final learning exercise",
            "description": "Within two months of the plan's end, led by the independent monitor.",
            "stage": "final_learning",
        },
    ],
}

# The home page's own list of key documents (a ResourceListBlock); "document" names a key
# of DOCUMENTS.
HOME_RESOURCES = {
    "heading": "Key documents",
    "heading_level": "2",
    "intro": "",
    "resources": [
        {
            "title": "Open Government Strategy 2026-2030 of Hautrive-sur-Meuse",
            "link": "",
            "document": "strategy",
            "publisher": f"Town of {TOWN}",
            "year": 2025,
            "languages": "en",
            "summary": (
                "<p>Why open government, four principles, and how we put them into practice.</p>"
            ),
        },
        {
            "title": "Progress report on the action plan's first year",
            "link": "",
            "document": "progress_report_y1",
            "publisher": f"Town of {TOWN}",
            "year": 2026,
            "languages": "en",
            "summary": "<p>Where each commitment stands, for the first-year review.</p>",
        },
    ],
}

# A themed resources page, as francophone open-government sites build them: a hero
# text, why it matters, practical cases and lists of guides. "document" names a key of
# DOCUMENTS.
RESOURCES_PAGE = {
    "slug": "resources",
    "title": "Open government resources",
    "show_in_menus": True,
    "search_description": (
        "Guides, recommendations and toolkits to make the case for open government and put "
        "it into practice in a municipality."
    ),
}

RESOURCES_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>Open government, and joining the Open Government Partnership, rest on a shared "
            "understanding and a common will of civil society and the administration: OGP is "
            "built on close collaboration between them and on a governance that involves "
            "both.</p>"
        ),
    },
    {"type": "heading", "value": "Why make the case for open government?"},
    {
        "type": "paragraph",
        "value": (
            "<p>Whether you belong to a civil society organisation or work for the town, you "
            "will meet reluctance. Recall what an open government approach brings:</p>"
            "<ul><li>it supports the reforms under way to modernise public action;</li>"
            "<li>it puts residents at the heart of local decisions, and policies closer to "
            "their needs;</li>"
            "<li>it strengthens trust in public institutions, through better public services "
            "and accountable officials and elected representatives;</li>"
            "<li>it has concrete effects: an open budget lets residents understand spending, "
            "and supports consent to taxation;</li>"
            "<li>it opens the door to a community of members who share their experience.</li>"
            "</ul><p>Look for allies in civil society and in the administration: others have "
            "done it before you.</p>"
        ),
    },
    {
        "type": "resources",
        "value": {
            "heading": "Resources from the OECD",
            "heading_level": "2",
            "intro": "",
            "resources": [
                {
                    "title": "Recommendation of the Council on Open Government",
                    "link": (
                        "http://www.oecd.org/gov/"
                        "Recommendation-Gouvernement-Ouvert-Approuv%C3%A9e-141217.pdf"
                    ),
                    "document": None,
                    "publisher": "OECD",
                    "year": 2017,
                    "languages": "fr",
                    "summary": (
                        "<p>A complete overview of the main principles for governing open "
                        "government strategies and initiatives, to implement them better and "
                        "strengthen their impact on residents' lives. Putting it into practice "
                        "strengthens public governance, democratic practice, inclusive growth "
                        "and citizens' trust in public authorities.</p>"
                    ),
                },
                {
                    "title": "Two-page summary of the Recommendation on Open Government",
                    "link": (
                        "https://www.oecd.org/gov/"
                        "oecd-recommendation-of-the-council-on-open-government-fr.pdf"
                    ),
                    "document": None,
                    "publisher": "OECD",
                    "year": None,
                    "languages": "fr",
                    "summary": "<p>The Recommendation in short, for a first reading.</p>",
                },
                {
                    "title": "Navigator of innovative open government tools",
                    "link": "https://oecd-opsi.org/guide/open-government/",
                    "document": None,
                    "publisher": "OECD Observatory of Public Sector Innovation",
                    "year": None,
                    "languages": "en",
                    "summary": (
                        "<p>An online platform to submit practical cases and to consult more "
                        "than a hundred resources, by country, theme and field.</p>"
                    ),
                },
            ],
        },
    },
    {
        "type": "resources",
        "value": {
            "heading": "Documents and guides",
            "heading_level": "2",
            "intro": "",
            "resources": [
                {
                    "title": "Open Government Guide for Municipalities in Tunisia",
                    "link": "http://www.ogptunisie.gov.tn",
                    "document": None,
                    "publisher": "Ministry of Local Affairs, CFAD and Expertise France",
                    "year": 2018,
                    "languages": "fr, ar",
                    "summary": (
                        "<p>Putting the principles of open government in place: a practical "
                        "guide for Tunisian municipalities, to download from the Tunisian OGP "
                        "website.</p>"
                    ),
                },
                {
                    "title": "The Skeptic's Guide to Open Government",
                    "link": (
                        "https://www.opengovpartnership.org/sites/default/files/"
                        "SKEPTICS-GUIDE_20180710_FR.pdf"
                    ),
                    "document": None,
                    "publisher": "Open Government Partnership",
                    "year": 2018,
                    "languages": "fr",
                    "summary": (
                        "<p>Presented at the OGP summit in Tbilisi in 2018: the evidence and "
                        "arguments that convince, in five areas: public service delivery, "
                        "business opportunities, government efficiency and savings, preventing "
                        "corruption, and trust in government.</p>"
                    ),
                },
                {
                    "title": "Open Government Strategy 2026-2030 of Hautrive-sur-Meuse",
                    "link": "",
                    "document": "strategy",
                    "publisher": f"Town of {TOWN}",
                    "year": 2025,
                    "languages": "en",
                    "summary": (
                        "<p>Our own strategy: why open government, four principles, and how "
                        "the action plans put them into practice.</p>"
                    ),
                },
            ],
        },
    },
    {"type": "heading", "value": "Practical cases"},
    {
        "type": "paragraph",
        "value": (
            "<p>A regional seminar of francophone open government reformers presented three "
            "successful approaches:</p><ul>"
            "<li>Tunisia: writing an open government guide for municipalities;</li>"
            "<li>OECD: a reference framework for open government;</li>"
            "<li>Togo: talking with the authorities and convincing them on a technical "
            "subject, open data.</li></ul>"
        ),
    },
]
