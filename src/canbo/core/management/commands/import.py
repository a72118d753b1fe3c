"""`canbo import units|titles|cadres|assignments FILE [--dry-run] [--format text|json]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.core.importing import KINDS, run_import


class Command(BaseCommand):
    help = (
        "Import units, titles, cadres or assignments from an .xlsx or .csv file. All or nothing: an error "
        "in any row rolls the whole file back, and the report lists every error by row and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS, help="What the file holds.")
        parser.add_argument(
            "file", help="An .xlsx file (first sheet) or a UTF-8 .csv file; row 1 holds headers."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the whole file, then write nothing."
        )
        parser.add_argument(
            "--format", dest="output_format", choices=["text", "json"], default="text", help="Report format."
        )

    def handle(self, *args, kind, file, dry_run, output_format, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        report = run_import(kind, path, dry_run=dry_run, filename=path.name)
        self.stdout.write(report.as_json() if output_format == "json" else report.as_text(), ending="")
        if output_format == "json":
            self.stdout.write("\n", ending="")
        if report.errors:
            # A non-zero exit status lets scripts stop; the report above says what to fix.
            raise CommandError(
                _("The import was rejected with %(count)d error(s); nothing was written.")
                % {"count": len(report.errors)},
                returncode=1,
            )
