"""Load the example municipality: snippets, documents, every ogp-wagtail page type and
the commitments' quarterly progress updates.

Idempotent: whatever already exists (found by its slug under its parent, by its name,
or for a progress update by its commitment and date) is left untouched, so a second
run creates no row, revision, history record or file.
"""

import copy
import datetime
import io
import json
import os
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection, Locale, Page, Site
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from ogp_wagtail import rules
from ogp_wagtail.models import (
    CommitmentAmendment,
    CommitmentPage,
    CommitmentStakeholder,
    ConsultationCommitment,
    ConsultationDocument,
    ConsultationInput,
    ConsultationMeeting,
    ConsultationPage,
    EvidenceFolderPage,
    EvidenceItem,
    Jurisdiction,
    Milestone,
    OGPValue,
    OpenGovernmentPage,
    OpenGovernmentSearchPage,
    Organisation,
    PlanEndorsement,
    PlanObjective,
    PolicyArea,
    ProgressUpdate,
    Sector,
    StrategicVisionPage,
    UpdateStatusChange,
)
from ogp_wagtail.pages.base import OGPPage

from ... import example_content as content
from ... import translations
from ...models import HomePage, ResourcesPage

# The example is written in English; French is the site's first language (served at /),
# English, Arabic and Spanish follow under /en/, /ar/ and /es/.
SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGES = ["fr", "ar", "es"]
LANGUAGES = [SOURCE_LANGUAGE, *TRANSLATED_LANGUAGES]
DEFAULT_ADMIN_PASSWORD = "changeme-ogp"


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# Where `make demo` serves the site (runserver 127.0.0.1:8000).
DEFAULT_SITE_ADDRESS = "http://127.0.0.1:8000"


def example_snippets():
    """The example's own snippets in English: its organisations and its jurisdiction."""
    names = [spec["name"] for spec in content.ORGANISATIONS.values()]
    return [
        *Organisation.objects.filter(name__in=names, locale__language_code=SOURCE_LANGUAGE),
        *Jurisdiction.objects.filter(
            name=content.JURISDICTION["name"], locale__language_code=SOURCE_LANGUAGE
        ),
    ]


class Command(BaseCommand):
    help = (
        "Load the example municipality of Hautrive-sur-Meuse: locales, organisations, a home "
        "page, an open government hub, an action plan with five commitments and their "
        "quarterly progress updates, evidence folders and consultations, a resources page, "
        "and a superuser. Safe to run again: existing content is found and kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--admin-password",
            default=os.environ.get("EXAMPLE_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD,
            help="Used only when the superuser does not exist yet "
            f"(default: $EXAMPLE_ADMIN_PASSWORD, else {DEFAULT_ADMIN_PASSWORD!r}).",
        )

        parser.add_argument(
            "--site-address",
            default=os.environ.get("EXAMPLE_SITE_ADDRESS") or DEFAULT_SITE_ADDRESS,
            help="The address the site is served at, as visitors and other sites reach it: "
            "embed codes, feeds and emails use it (default: $EXAMPLE_SITE_ADDRESS, else "
            f"{DEFAULT_SITE_ADDRESS!r}, where `make demo` serves it).",
        )

    def handle(self, *args, **options):
        address = urlsplit(options["site_address"])
        try:
            port = address.port or (443 if address.scheme == "https" else 80)
        except ValueError as error:
            raise CommandError(f"--site-address: {error}") from error
        if address.scheme not in {"http", "https"} or not address.hostname:
            raise CommandError(
                f"--site-address must be an http or https address, not {options['site_address']!r}"
            )
        loader = ExampleLoader(self.stdout, self.style, (address.hostname, port))
        self.stdout.write(f"Loading the example municipality of {content.TOWN}")
        loader.run()
        loader.ensure_superuser(options["admin_username"], options["admin_password"])
        summary = f"Done: {loader.created_count} created, {loader.found_count} found."
        self.stdout.write(self.style.SUCCESS(summary))
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            self.stdout.write(f"Emails the site sends are written to {settings.EMAIL_FILE_PATH}/")


class ExampleLoader:
    def __init__(self, stdout, style, site_address=("127.0.0.1", 8000)):
        self.stdout = stdout
        self.style = style
        self.site_address = site_address
        self.created_count = 0
        self.found_count = 0
        self.new_files = []
        self.new_pages = []
        self.new_updates = []
        self.documents = {}
        self.Document = get_document_model()

    # -- reporting and checks ------------------------------------------------

    def report(self, created, kind, label):
        if created:
            self.created_count += 1
            self.stdout.write(self.style.SUCCESS(f"  created {kind}: {label}"))
        else:
            self.found_count += 1
            self.stdout.write(f"  found   {kind}: {label}")

    def enforce(self, what, violations):
        """Fail loudly if the example content breaks an OGP Local rule."""
        if violations:
            lines = "\n".join(f"  - {violation}" for violation in violations)
            raise CommandError(f"The example {what} breaks the OGP Local rules:\n{lines}")

    def require(self, condition, what, message):
        """Rules of the handbook that ogp_wagtail.rules does not (yet) express."""
        if not condition:
            raise CommandError(f"The example {what} breaks the OGP Local rules: {message}")

    def consistent(self, condition, what, message):
        """The example content agrees with itself."""
        if not condition:
            raise CommandError(f"The example {what} is inconsistent: {message}")

    # -- the run ---------------------------------------------------------------

    def run(self):
        try:
            with transaction.atomic():
                home = self.load()
        except BaseException:
            # The database rolls back; the files written so far must go too.
            for storage, name in self.new_files:
                storage.delete(name)
            raise
        # After the English content is committed, one transaction per object, as in the
        # admin: wagtail-localize publishes a translation when its transaction commits, and
        # a parent published later than its new children would forget it has them.
        self.load_translations(home)
        # Pages and updates are indexed as they are saved, unless search auto-update is off
        # or a task worker does it later: index the new ones now so that search finds them.
        for instance in [*self.new_pages, *self.new_updates]:
            index.insert_or_update_object(instance)

    def load(self):
        for spec in content.COMMITMENTS:
            self.check_update_specs(spec)
        locale = self.source_locale = self.load_locales()
        self.load_taxonomies()
        self.organisations = {
            key: self.load_organisation(spec, locale) for key, spec in content.ORGANISATIONS.items()
        }
        self.jurisdiction = self.load_jurisdiction(locale)
        self.collection = self.load_collection()

        home = self.load_home()
        hub = self.load_hub(home)
        plan = self.load_plan(hub)
        commitments = [self.load_commitment(plan, spec) for spec in content.COMMITMENTS]
        plan_folder = self.load_evidence_folder(plan, content.PLAN_EVIDENCE)
        commitment_folders = [
            self.load_evidence_folder(commitment, self.commitment_folder_spec(spec))
            for commitment, spec in zip(commitments, content.COMMITMENTS, strict=True)
        ]
        consultations = [
            self.load_consultation(plan, content.COCREATION_CONSULTATION, commitments),
            self.load_consultation(plan, content.REVIEW_CONSULTATION, commitments),
        ]
        self.load_progress_updates(commitments, commitment_folders)
        self.check_plan(plan)
        resources = self.load_resources_page(home)
        self.load_search_page(home)
        self.load_home_body(
            home,
            hub,
            plan,
            commitments,
            [plan_folder, *commitment_folders],
            consultations,
            resources,
        )
        return home

    # -- snippets and documents ----------------------------------------------------

    def load_locales(self):
        for code in LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.report(created, "locale", code)
        return Locale.objects.get(language_code=SOURCE_LANGUAGE)

    def load_taxonomies(self):
        # The official lists exist for the locales present at migration time; the
        # package's own command fills in the locales added since.
        models = (PolicyArea, Sector, OGPValue)
        before = sum(model.objects.count() for model in models)
        call_command("ogp_sync_taxonomies", stdout=io.StringIO())
        added = sum(model.objects.count() for model in models) - before
        self.report(
            bool(added),
            "taxonomy terms",
            f"{added} policy areas, sectors and OGP values added"
            if added
            else "official lists complete in every locale",
        )

    def load_organisation(self, spec, locale):
        organisation = Organisation.objects.filter(name=spec["name"], locale=locale).first()
        created = organisation is None
        if created:
            organisation = Organisation(locale=locale, **spec)
            organisation.full_clean()
            organisation.save()
        self.report(created, "organisation", spec["name"])
        return organisation

    def load_jurisdiction(self, locale):
        spec = content.JURISDICTION
        jurisdiction = Jurisdiction.objects.filter(name=spec["name"], locale=locale).first()
        created = jurisdiction is None
        if created:
            jurisdiction = Jurisdiction(locale=locale, **spec)
            jurisdiction.full_clean()
            jurisdiction.save()
        self.report(created, "jurisdiction", spec["name"])
        return jurisdiction

    def load_collection(self):
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=content.COLLECTION_NAME).first()
        created = collection is None
        if created:
            collection = root.add_child(instance=Collection(name=content.COLLECTION_NAME))
        self.report(created, "collection", content.COLLECTION_NAME)
        return collection

    def document(self, key):
        if key is None:
            return None
        if key in self.documents:
            return self.documents[key]
        title, filename, (_kind, make_bytes) = content.DOCUMENTS[key]
        document = self.Document.objects.filter(title=title, collection=self.collection).first()
        created = document is None
        if created:
            data = ContentFile(make_bytes(), name=filename)
            document = self.Document(title=title, collection=self.collection)
            document.file_size = data.size
            document.file_hash = hash_filelike(data)
            document.file.save(filename, data, save=False)
            self.new_files.append((document.file.storage, document.file.name))
            document.full_clean()
            document.save()
        self.report(created, "document", f"{title} ({document.file.name})")
        self.documents[key] = document
        return document

    # -- pages ---------------------------------------------------------------

    def existing_child(self, parent, model, slug):
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is not None and not isinstance(page, model):
            raise CommandError(
                f"{parent.url_path}{slug}/ exists but is a {type(page).__name__}, "
                f"not a {model.__name__}: move it away and run the command again."
            )
        return page

    def publish_new(self, parent, page):
        """Add ``page`` under ``parent`` with all its inline objects, validated, and publish it.

        The OGP Local rules are those the admin applies on publish: the page's own check.
        """
        if isinstance(page, OGPPage):
            errors = page.ogp_rule_errors(parent)
            self.enforce(f"{page._meta.verbose_name} {page.title!r}", [e.violation for e in errors])
        page.live = False
        parent.add_child(instance=page)
        page.full_clean()
        log(instance=page, action="wagtail.create", content_changed=True)
        page.save_revision().publish()
        self.new_pages.append(page)
        return page

    def report_page(self, created, page, details=""):
        kind = page._meta.verbose_name
        label = f"{page.title} <{page.get_url() or page.url_path}>"
        self.report(created, kind, f"{label} {details}".strip())

    def load_home(self):
        """Replace Wagtail's welcome page with the site's home page, once."""
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.child_of(root).filter(slug=content.HOME["slug"]).first()
        created = home is None
        if created:
            welcome = root.get_children().filter(slug=content.HOME["slug"]).first()
            if welcome is not None:
                if welcome.specific_class is not Page or welcome.get_children().exists():
                    raise CommandError(
                        f"A page {welcome.title!r} already uses the slug 'home' at the top of "
                        "the tree; this command only replaces Wagtail's empty welcome page."
                    )
                if site is not None and site.root_page_id == welcome.pk:
                    site.root_page = root
                    site.save()
                welcome.delete()
                self.stdout.write(f"  deleted Wagtail's welcome page {welcome.title!r}")
                root = Page.get_first_root_node()  # a fresh numchild (treebeard < 5 needs it)
            # In English whatever the site's first language: the pages below follow it.
            home = self.publish_new(root, HomePage(locale=self.source_locale, **content.HOME))
        hostname, port = self.site_address
        if site is None:
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=content.SITE_NAME,
            )
            self.report(True, "site", f"{site.root_url} -> {home.title}")
        elif (site.root_page_id, site.site_name, site.hostname, site.port) != (
            home.pk,
            content.SITE_NAME,
            hostname,
            port,
        ):
            # Wagtail's first site is "localhost:80": embed codes, feeds and emails would
            # point there. The site's address is the one it is served at.
            site.root_page = home
            site.site_name = content.SITE_NAME
            site.hostname, site.port = hostname, port
            site.save()
            self.report(True, "site", f"{site.root_url} -> {home.title}")
        self.report_page(created, home)
        return home

    def load_hub(self, home):
        spec = content.HUB
        hub = self.existing_child(home, OpenGovernmentPage, spec["slug"])
        created = hub is None
        if created:
            fields = {**spec, "lead_agency": self.organisations[spec["lead_agency"]]}
            hub = OpenGovernmentPage(jurisdictions=[self.jurisdiction], **fields)
            self.publish_new(home, hub)
        self.report_page(created, hub)
        return hub

    def load_plan(self, hub):
        spec = content.PLAN
        plan = self.existing_child(hub, StrategicVisionPage, spec["slug"])
        created = plan is None
        if created:
            endorsements = []
            for position, (key, endorsed_on) in enumerate(spec["endorsements"]):
                endorsements.append(
                    PlanEndorsement(
                        organisation=self.organisations[key],
                        endorsed_on=endorsed_on,
                        sort_order=position,
                    )
                )
            objectives = [
                PlanObjective(title=title, description=description, sort_order=position)
                for position, (title, description) in enumerate(content.PLAN_OBJECTIVES)
            ]
            fields = {
                **{key: value for key, value in spec.items() if key != "endorsements"},
                "introduction_letter": self.document(spec["introduction_letter"]),
                "strategy_document": self.document(spec["strategy_document"]),
                "monitoring_body": self.organisations[spec["monitoring_body"]],
            }
            for inline in endorsements + objectives:
                inline.full_clean(exclude=["page"])
            plan = StrategicVisionPage(
                jurisdictions=[self.jurisdiction],
                objectives=objectives,
                endorsements=endorsements,
                **fields,
            )
            self.publish_new(hub, plan)
        details = (
            f"({plural(len(content.PLAN_OBJECTIVES), 'objective')}, "
            f"{plural(len(spec['endorsements']), 'endorsement')})"
        )
        self.report_page(created, plan, details if created else "")
        return plan

    def load_commitment(self, plan, spec):
        commitment = self.existing_child(plan, CommitmentPage, spec["slug"])
        created = commitment is None
        if created:
            commitment = self.build_commitment(plan, spec)
            self.publish_new(plan, commitment)
        details = (
            f"({plural(len(spec['milestones']), 'milestone')}, "
            f"{plural(len(spec['stakeholders']), 'organisation')}, "
            f"{plural(len(spec['amendments']), 'amendment')})"
        )
        self.report_page(created, commitment, details if created else "")
        return commitment

    def build_commitment(self, plan, spec):
        what = f"commitment {spec['title']!r}"

        locale = plan.locale
        milestones = []
        for position, milestone_spec in enumerate(spec["milestones"]):
            # Published with the status it had when the plan started: publishing starts its
            # history, and the progress updates move it on to its status of today.
            milestone = Milestone(
                sort_order=position,
                **{
                    **{
                        key: value for key, value in milestone_spec.items() if key != "first_status"
                    },
                    "status": milestone_spec["first_status"],
                    "responsible_organisation": self.organisations[
                        milestone_spec["responsible_organisation"]
                    ],
                },
            )
            milestone.full_clean(exclude=["page"])
            milestones.append(milestone)

        stakeholders = []
        for position, stakeholder_spec in enumerate(spec["stakeholders"]):
            organisation = self.organisations[stakeholder_spec["organisation"]]
            stakeholder = CommitmentStakeholder(
                sort_order=position, **{**stakeholder_spec, "organisation": organisation}
            )
            stakeholder.full_clean(exclude=["page"])
            stakeholders.append(stakeholder)
        self.require(
            [s.role for s in stakeholders].count("lead_agency") == 1,
            what,
            "a commitment names its lead implementing agency (annex 2, field 3).",
        )

        amendments = []
        for position, amendment_spec in enumerate(spec["amendments"]):
            # Changes are allowed within 6 months of the commitment's submission (3.2.1.3);
            # the plan was submitted when it started.
            latest = rules.add_months(plan.start_date, 6)
            self.require(
                amendment_spec["date"] <= latest,
                what,
                f"an amendment dated {amendment_spec['date']} comes after {latest}, 6 months "
                "after submission (3.2.1.3).",
            )
            amendment = CommitmentAmendment(sort_order=position, **amendment_spec)
            amendment.full_clean(exclude=["page"])
            amendments.append(amendment)

        objective = plan.objectives.all()[spec["objective"]]
        fields = {
            key: value
            for key, value in spec.items()
            if key
            not in {
                "short",
                "objective",
                "policy_areas",
                "sectors",
                "ogp_values",
                "stakeholders",
                "milestones",
                "amendments",
                "evidence",
                "evidence_intro",
                "updates",
            }
        }
        fields["budget"] = Decimal(spec["budget"])
        return CommitmentPage(
            objective=objective,
            policy_areas=self.terms(PolicyArea, spec["policy_areas"], locale),
            sectors=self.terms(Sector, spec["sectors"], locale),
            ogp_values=self.terms(OGPValue, spec["ogp_values"], locale),
            milestones=milestones,
            stakeholders=stakeholders,
            amendments=amendments,
            **fields,
        )

    def terms(self, model, codes, locale):
        terms = list(model.objects.filter(code__in=codes, locale=locale))
        missing = set(codes) - {term.code for term in terms}
        if missing:
            raise CommandError(
                f"No {model._meta.verbose_name} with the code(s) {sorted(missing)}: "
                "run `manage.py migrate` (the official lists come with a migration)."
            )
        return terms

    def check_plan(self, plan):
        """Rules that hold for the plan as a whole, checked on what is now published."""
        commitments = CommitmentPage.objects.child_of(plan).live()
        self.require(
            any(not commitment.is_completed for commitment in commitments),
            "action plan",
            "the example should show commitments under way, not only completed ones.",
        )
        cocreation = ConsultationPage.objects.child_of(plan).filter(stage="plan_cocreation")
        self.require(
            ConsultationMeeting.objects.filter(page__in=cocreation).exists(),
            "action plan",
            "co-creation needs at least one meeting (3.3.1).",
        )

    @staticmethod
    def commitment_folder_spec(spec):
        return {
            "slug": "evidence",
            "title": f"Evidence: {spec['short']}",
            "introduction": spec["evidence_intro"],
            "items": spec["evidence"],
        }

    def load_evidence_folder(self, parent, spec):
        folder = self.existing_child(parent, EvidenceFolderPage, spec["slug"])
        created = folder is None
        if created:
            milestones = list(Milestone.objects.filter(page_id=parent.pk).order_by("sort_order"))
            items = []
            for position, item_spec in enumerate(spec["items"]):
                milestone_index = item_spec["milestone"]
                item = EvidenceItem(
                    sort_order=position,
                    **{
                        **item_spec,
                        "document": self.document(item_spec["document"]),
                        "milestone": milestones[milestone_index]
                        if milestone_index is not None
                        else None,
                    },
                )
                # A primary source: a document or a link (annex 5).
                item.full_clean(exclude=["page"])
                items.append(item)
            folder = EvidenceFolderPage(
                slug=spec["slug"],
                title=spec["title"],
                introduction=spec["introduction"],
                items=items,
            )
            self.publish_new(parent, folder)
        details = f"({plural(len(spec['items']), 'evidence item')})" if created else ""
        self.report_page(created, folder, details)
        return folder

    def load_consultation(self, parent, spec, commitments):
        consultation = self.existing_child(parent, ConsultationPage, spec["slug"])
        created = consultation is None
        if created:
            consultation = self.build_consultation(spec, commitments)
            self.publish_new(parent, consultation)
        details = f"({plural(len(spec['meetings']), 'meeting')})" if created else ""
        self.report_page(created, consultation, details)
        return consultation

    def build_consultation(self, spec, commitments):
        what = f"consultation {spec['title']!r}"
        today = timezone.localdate()

        def moment(fixed=None, relative=None):
            if fixed is not None:
                return timezone.make_aware(datetime.datetime(*fixed))
            days, hour, minute = relative
            day = today + datetime.timedelta(days=days)
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

        meetings = []
        for position, meeting_spec in enumerate(spec["meetings"]):
            fields = {
                key: value
                for key, value in meeting_spec.items()
                if key not in {"starts_at", "starts_in_days", "minutes"}
            }
            meeting = ConsultationMeeting(
                sort_order=position,
                starts_at=moment(meeting_spec.get("starts_at"), meeting_spec.get("starts_in_days")),
                minutes=self.document(meeting_spec["minutes"]),
                **fields,
            )
            meeting.full_clean(exclude=["page"])
            if meeting.attendee_count is not None:
                self.require(
                    meeting.government_count and meeting.non_government_count,
                    what,
                    "a forum meeting brings government and non-government representatives "
                    "together (3.3.1, multi-stakeholder).",
                )
            meetings.append(meeting)

        advance_documents = []
        for position, (title, key, shared_on) in enumerate(spec["advance_documents"]):
            if isinstance(shared_on, int):
                shared_on = today + datetime.timedelta(days=shared_on)
            document = ConsultationDocument(
                sort_order=position, title=title, document=self.document(key), shared_on=shared_on
            )
            document.full_clean(exclude=["page"])
            advance_documents.append(document)

        input_outcomes = []
        for position, (suggestion, outcome, reason) in enumerate(spec["input_outcomes"]):
            item = ConsultationInput(
                sort_order=position, suggestion=suggestion, outcome=outcome, reason=reason
            )
            item.full_clean(exclude=["page"])
            input_outcomes.append(item)

        resulting = commitments if spec["resulting_commitments"] == "all" else []
        consultation = ConsultationPage(
            slug=spec["slug"],
            title=spec["title"],
            stage=spec["stage"],
            opens_at=moment(spec.get("opens_at"), spec.get("opens_in_days")),
            closes_at=moment(spec.get("closes_at"), spec.get("closes_in_days")),
            introduction=spec["introduction"],
            how_to_take_part=spec["how_to_take_part"],
            feedback_summary=spec["feedback_summary"],
            meetings=meetings,
            advance_documents=advance_documents,
            input_outcomes=input_outcomes,
            resulting_commitments=[
                ConsultationCommitment(sort_order=position, commitment=commitment)
                for position, commitment in enumerate(resulting)
            ],
        )
        return consultation  # publish_new() validates it: it closes after it opens

    # -- progress updates --------------------------------------------------------------

    @staticmethod
    def is_quarter_end(day):
        following = day + datetime.timedelta(days=1)
        return following.day == 1 and following.month in (1, 4, 7, 10)

    def check_update_specs(self, spec):
        """Before anything is written: a commitment's updates are quarterly, within its
        period, and lead each milestone from its first status to its status of today, each
        change a real one (the history records only those)."""
        what = f"commitment {spec['title']!r}"
        statuses = [milestone["first_status"] for milestone in spec["milestones"]]
        previous = None
        for update in spec["updates"]:
            date = update["date"]
            self.consistent(
                self.is_quarter_end(date) and spec["start_date"] <= date <= spec["end_date"],
                what,
                f"its update of {date} is not dated at the end of a quarter of its period.",
            )
            self.consistent(
                previous is None or previous < date,
                what,
                f"its updates are not one per quarter, in order ({previous}, then {date}).",
            )
            previous = date
            positions = [position for position, _status in update["changes"]]
            self.consistent(
                len(set(positions)) == len(positions),
                what,
                f"its update of {date} changes a milestone twice.",
            )
            for position, status in update["changes"]:
                self.consistent(
                    statuses[position] != status,
                    what,
                    f"its update of {date} sets milestone {position + 1} to {status!r}, "
                    "the status it already has.",
                )
                statuses[position] = status
            self.consistent(
                all(0 <= position < len(spec["evidence"]) for position in update["evidence"]),
                what,
                f"its update of {date} names evidence the commitment's folder does not hold.",
            )
        today = [milestone["status"] for milestone in spec["milestones"]]
        self.consistent(
            statuses == today,
            what,
            f"its updates leave its milestones {statuses}, not {today}.",
        )

    def load_progress_updates(self, commitments, folders):
        """Every commitment's updates, oldest first across the plan, as editors publish them."""
        entries = [
            (update_spec["date"], position, commitment, folder, spec, update_spec)
            for position, (commitment, folder, spec) in enumerate(
                zip(commitments, folders, content.COMMITMENTS, strict=True)
            )
            for update_spec in spec["updates"]
        ]
        touched = {}
        for _date, _position, commitment, folder, spec, update_spec in sorted(
            entries, key=lambda entry: entry[:2]
        ):
            if self.load_progress_update(commitment, folder, spec, update_spec):
                touched[commitment.pk] = (commitment, spec)
        # What the updates published in this run did: the statuses the example shows.
        for commitment, spec in touched.values():
            statuses = list(
                Milestone.objects.filter(page=commitment)
                .order_by("sort_order")
                .values_list("status", flat=True)
            )
            wanted = [milestone["status"] for milestone in spec["milestones"]]
            self.consistent(
                statuses == wanted,
                f"commitment {spec['title']!r}",
                f"after its progress updates its milestones are {statuses}, not {wanted}.",
            )

    def load_progress_update(self, commitment, folder, spec, update_spec):
        """Publish one update, unless the commitment has one of that date. True if created."""
        date = update_spec["date"]
        update = ProgressUpdate.objects.filter(commitment=commitment, date=date).first()
        if update is not None:
            self.report(False, "progress update", f"{update} of {spec['short']}")
            return False
        if date > timezone.localdate():
            # Only when the clock is behind the example's story: a later run adds it.
            self.stdout.write(f"  skipped progress update of {spec['short']} dated {date}: future")
            return False

        milestones = list(Milestone.objects.filter(page=commitment).order_by("sort_order"))
        # The admin offers the milestones and the evidence of the update's own commitment.
        items_by_title = {item.title: item for item in EvidenceItem.objects.filter(page=folder)}
        evidence = []
        for position in update_spec["evidence"]:
            title = spec["evidence"][position]["title"]
            self.consistent(
                title in items_by_title,
                f"progress update of {date} of {spec['short']}",
                f"its evidence {title!r} is not in {folder.url_path}.",
            )
            evidence.append(items_by_title[title])
        status_changes = []
        for order, (position, status) in enumerate(update_spec["changes"]):
            change = UpdateStatusChange(
                milestone=milestones[position], status=status, sort_order=order
            )
            change.full_clean(exclude=["update"])
            status_changes.append(change)
        update = ProgressUpdate(
            commitment=commitment,
            date=date,
            progress=update_spec["progress"],
            delay_reasons=update_spec["delay_reasons"],
            next_steps=update_spec["next_steps"],
            status_changes=status_changes,
            evidence=evidence,
            live=False,
        )
        update.full_clean()  # a date in the past, what was done
        update.save()
        log(instance=update, action="wagtail.create", content_changed=True)
        # Publishing applies its status changes to the milestones' history, as in the admin.
        update.save_revision().publish()
        self.new_updates.append(update)
        details = (
            f"({plural(len(status_changes), 'status change')}, "
            f"{plural(len(evidence), 'evidence item')})"
        )
        self.report(
            True, "progress update", f"{update} of {spec['short']} <{update.get_url()}> {details}"
        )
        return True

    # -- StreamField content: the resources page and the home page's blocks -----------

    def clean_stream(self, model, raw, what):
        """``raw`` blocks validated as the admin validates them, as a StreamValue."""
        stream_block = model._meta.get_field("body").stream_block
        try:
            return stream_block.clean(stream_block.to_python(raw))
        except ValidationError as error:
            details = json.dumps(error.as_json_data(), default=str)
            raise CommandError(f"The example {what} holds invalid blocks: {details}") from error

    @staticmethod
    def stream_data(stream_value):
        """A StreamField's content as plain data, without the ids Wagtail gives blocks."""

        def without_ids(data):
            if isinstance(data, dict):
                return {key: without_ids(value) for key, value in data.items() if key != "id"}
            if isinstance(data, list):
                return [without_ids(value) for value in data]
            return data

        list(stream_value)  # binds every block, so that each is serialised the same way
        return without_ids(stream_value.get_prep_value())

    def with_documents(self, body):
        """``body`` with each resource's document key replaced by the document's id."""
        body = copy.deepcopy(body)
        for block in body:
            if block["type"] == "resources":
                for resource in block["value"]["resources"]:
                    document = self.document(resource["document"])
                    resource["document"] = document.pk if document else None
        return body

    def load_search_page(self, home):
        spec = content.SEARCH_PAGE
        page = self.existing_child(home, OpenGovernmentSearchPage, spec["slug"])
        created = page is None
        if created:
            page = self.publish_new(home, OpenGovernmentSearchPage(**spec))
        self.report_page(created, page)
        return page

    def load_resources_page(self, home):
        spec = content.RESOURCES_PAGE
        page = self.existing_child(home, ResourcesPage, spec["slug"])
        created = page is None
        if created:
            page = ResourcesPage(**spec)
            page.body = self.clean_stream(
                ResourcesPage, self.with_documents(content.RESOURCES_BODY), "resources page"
            )
            self.publish_new(home, page)
        count = sum(
            len(block["value"]["resources"])
            for block in content.RESOURCES_BODY
            if block["type"] == "resources"
        )
        self.report_page(created, page, f"({plural(count, 'resource')})" if created else "")
        return page

    def key_dates(self, pages):
        """The co-creation calendar, with the pages it names and the dates it borrows."""
        dates = []
        for spec in content.KEY_DATES["dates"]:
            entry = {key: value for key, value in spec.items() if key != "dates_of"}
            if "dates_of" in spec:
                consultation = pages[spec["dates_of"]]
                entry["date"] = timezone.localtime(consultation.opens_at).date()
                entry["end_date"] = timezone.localtime(consultation.closes_at).date()
            if "page" in spec:
                entry["page"] = pages[spec["page"]].pk
            dates.append(entry)
        return {"heading": content.KEY_DATES["heading"], "dates": dates}

    def load_home_body(self, home, hub, plan, commitments, folders, consultations, resources):
        def links(heading, pages, labels=None):
            labels = labels or [""] * len(pages)
            return {
                "type": "links",
                "value": {
                    "heading": heading,
                    "links": [
                        {"page": page.pk, "label": label}
                        for page, label in zip(pages, labels, strict=True)
                    ],
                },
            }

        calendar_pages = {
            "plan": plan,
            "plan_evidence": folders[0],
            "cocreation_consultation": consultations[0],
            "review_consultation": consultations[1],
        }
        body = [
            {"type": "heading", "value": "An open town hall"},
            {
                "type": "paragraph",
                "value": (
                    f"<p>{content.TOWN} is a member of the Open Government Partnership Local "
                    "programme. With residents and associations we have written an action "
                    "plan of five commitments; follow their progress, read the evidence "
                    "behind every step and take part in the next review.</p>"
                ),
            },
            # The consultation open under the hub when the page is shown, or the next one.
            {"type": "consultation", "value": {"heading": "Have your say", "within": hub.pk}},
            links(
                "Our open government programme",
                [hub, plan, resources],
                [
                    "Open government: who we are and whom to contact",
                    "",
                    "Guides and resources on open government",
                ],
            ),
            {"type": "commitments", "value": {"heading": "Our five commitments", "plan": plan.pk}},
            # The plan's progress bar, and the newest quarterly updates of the whole hub.
            {
                "type": "progress",
                "value": {"page": plan.pk, "display": "bar", "heading_level": "2"},
            },
            {
                "type": "latest_updates",
                "value": {
                    "heading": "Latest progress updates",
                    "heading_level": "2",
                    "source": hub.pk,
                    "max_items": 3,
                },
            },
            {"type": "key_dates", "value": self.key_dates(calendar_pages)},
            {
                "type": "evidence",
                "value": {"heading": "Latest evidence", "source": plan.pk, "max_items": 4},
            },
            links("The evidence repository", folders),
            {"type": "resources", "value": content.HOME_RESOURCES},
            links("Take part", consultations),
            {"type": "contact", "value": {"heading": "Whom to contact", "hub": hub.pk}},
            {"type": "heading", "value": "Living in Hautrive"},
            {
                "type": "paragraph",
                "value": (
                    "<p>The Town Hall is open Monday to Friday, 8:30 to 16:30, and on Thursday "
                    "evenings until 19:00. Bulky waste is collected on the first Monday of "
                    "each month: book a slot by phone on +32 81 55 10 00.</p>"
                ),
            },
        ]
        wanted = self.clean_stream(HomePage, self.with_documents(body), "home page")
        if self.stream_data(home.body) == self.stream_data(wanted):
            self.report(False, "home page blocks", f"{len(body)} blocks")
            return
        home.body = wanted
        home.save_revision(log_action=True).publish()
        self.report(
            True,
            "home page blocks",
            "the consultation open now, commitments, the plan's progress, latest updates, "
            "co-creation calendar, latest evidence, key documents, contact, and links to every "
            "page",
        )

    # -- the superuser -----------------------------------------------------------------

    def load_translations(self, home):
        """The site in French, Arabic and Spanish: wagtail-localize translations, published."""
        objects = translations.translatable_objects(example_snippets(), home)
        for locale in translations.target_locales(TRANSLATED_LANGUAGES):
            catalogue = translations.read_catalogue(locale.language_code)
            created = missing = 0
            for instance in objects:
                lacking = translations.translate(instance, locale, catalogue)
                if lacking is not None:
                    created += 1
                    missing += lacking
                    if isinstance(instance, Page):
                        self.new_pages.append(instance.get_translation(locale).specific)
            label = f"{locale.get_display_name()}: {len(objects)} pages, snippets and updates"
            if missing:
                label += f" ({plural(missing, 'string')} not in the catalogue, left in English)"
            self.report(bool(created), "translation", label)

    def ensure_superuser(self, username, password):
        User = get_user_model()
        if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
            self.report(False, "superuser", f"{username} (password unchanged)")
            return
        User.objects.create_superuser(
            **{User.USERNAME_FIELD: username},
            email=f"{username}@hautrive.example",
            password=password,
        )
        self.report(True, "superuser", f"{username} with the password {password!r}")
        self.stdout.write("  Sign in at /admin/ (change this password before showing the site).")
