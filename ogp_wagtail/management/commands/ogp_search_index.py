import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ...search.database import DatabaseEngine
from ...search.engine import get_engine
from ...search.indexer import all_documents, rebuild


class Command(BaseCommand):
    help = _(
        "Rebuild the public search's index from the live, public OGP content. Searches keep "
        "using the old index until the new one is complete. Publishing keeps the index up to "
        "date: run this after installing, after changing OGP_WAGTAIL_SEARCH_ENGINE, or to "
        "repair it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=200,
            help=_("Pages read at a time (1 to 5000; default 200)."),
        )
        parser.add_argument(
            "--engine",
            choices=["serving", "database"],
            default="serving",
            help=_(
                "Rebuild the index of the engine serving the search (default) or the "
                "database's own, which the plan pages' commitment lists read."
            ),
        )

    def handle(self, *args, batch_size, **options):
        if not 1 <= batch_size <= 5000:
            raise CommandError(_("--batch-size must be a whole number from 1 to 5000."))
        engine = get_engine() if options["engine"] == "serving" else DatabaseEngine()
        _batches, pages = all_documents(batch_size)
        self.stdout.write(
            _("Indexing %(pages)s pages with the %(engine)s engine…")
            % {"pages": pages, "engine": engine.name}
        )
        indexed = {"documents": 0, "batches": 0}
        batch_count = max(1, -(-pages // batch_size))

        def progress(documents):
            indexed["documents"] += documents
            indexed["batches"] += 1
            self._bar(indexed["batches"], batch_count, indexed["documents"])

        rebuild(engine, progress=progress, batch_size=batch_size)
        if self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                _("%(documents)s documents indexed.") % {"documents": indexed["documents"]}
            )
        )

    def _bar(self, done, total, documents, width=30):
        filled = width * done // total
        line = "[{}{}] {}/{} · {}".format(
            "#" * filled,
            "-" * (width - filled),
            done,
            total,
            _("%(n)s documents") % {"n": documents},
        )
        if self.stdout.isatty():
            self.stdout.write("\r" + line, ending="")
            sys.stdout.flush()
        else:
            self.stdout.write(line)
