"""`canbo backup [FILE] [--portable]`: the whole database in one archive with a manifest to verify it by."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from canbo.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the whole database (SQLite's online backup, or pg_dump for PostgreSQL) into one archive "
        "with a manifest of every table's row count and the audit trail's chain head."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="Archive to write (default: backups/canbo-TIME.tar.gz in the data folder)"
        )
        parser.add_argument(
            "--portable",
            action="store_true",
            help="Write Django's dumpdata (XML) instead, which restores into either database.",
        )

    def handle(self, *args, file, portable, **options):
        default = settings.DATA_DIR / "backups" / f"canbo-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        target = Path(file) if file else default
        try:
            manifest = backup(target, method="dumpdata" if portable else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        audit = manifest["audit"]
        self.stdout.write(
            f"Backed up to {target} ({manifest['method']}): {len(manifest['counts'])} tables, {rows} rows, "
            f"audit trail head #{audit['head_sequence']} {audit['head_hash'][:12]}."
        )
