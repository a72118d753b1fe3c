"""`canbo restore FILE [--noinput]` and `canbo restore --verify-only FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canbo.core.backup import BackupError, restore, verify_archive


class Command(BaseCommand):
    help = (
        "Restore an archive made by `canbo backup` over the whole database, then check that every table's "
        "row count and the audit trail (intact, same chain head) match the archive's manifest. --verify-only "
        "checks an archive in a scratch database without touching the data."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--verify-only", action="store_true", help="Check the archive; leave the database as it is."
        )
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, file, verify_only, interactive, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"No such file: {source}")
        if not verify_only and interactive:
            answer = input("Every record in the database will be replaced by the archive's. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest, check = verify_archive(source) if verify_only else restore(source)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        head = f"#{check.head[0]} {check.head[1][:12]}"
        if not check.ok:
            raise CommandError(
                f"{'Archive' if verify_only else 'Restored database'} does not match the manifest of "
                f"{manifest['created_at']}:\n  " + "\n  ".join(check.problems)
            )
        self.stdout.write(
            f"{'Archive verified' if verify_only else 'Restored and verified'} ({manifest['method']}, "
            f"{manifest['created_at']}): {len(check.counts)} tables, {sum(check.counts.values())} rows as in "
            f"the manifest; audit trail intact ({check.audit_entries} entries), chain head {head}."
        )
