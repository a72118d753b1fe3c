"""`canbo audit verify`: check the audit trail's hash chain and name the first broken entry."""

from django.core.management.base import BaseCommand, CommandError

from canbo.audit.services import verify


class Command(BaseCommand):
    help = "Audit trail tools: `verify` checks that no entry was edited or removed."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        commands.add_parser("verify", help="Walk the hash chain from the first entry to the last.")

    def handle(self, *args, subcommand, **options):
        checked, problem = verify()
        if problem is not None:
            entry, what = problem
            raise CommandError(
                f"Audit trail broken at entry #{entry.sequence} (id {entry.pk}, {entry.model} "
                f"{entry.object_pk}, {entry.created_at:%Y-%m-%d %H:%M:%S}): {what}. "
                f"{checked} entries before it are intact."
            )
        self.stdout.write(f"Audit trail intact: {checked} entries, every hash and link checked.")
