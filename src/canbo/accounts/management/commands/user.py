"""`canbo user add --username U --unit CODE --role ROLE [--password-stdin]`, `canbo user list` and
`canbo user unlock --username U` (or `--ip ADDRESS`)."""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import Membership, Role
from canbo.accounts.services import sign_in_unlock, user_add
from canbo.organizations.models import OrgUnit


class Command(BaseCommand):
    help = (
        "Manage Canbo users: add a user with a role over a unit's subtree, list users and roles, or unlock "
        "a sign-in locked after repeated failures."
    )

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        add = commands.add_parser(
            "add", help="Create a user with a role over a unit and everything under it."
        )
        add.add_argument("--username", required=True)
        add.add_argument("--unit", required=True, metavar="CODE", help="Official code of the user's body.")
        add.add_argument("--role", required=True, choices=Role.values)
        add.add_argument("--full-name", default="")
        add.add_argument("--email", default="")
        add.add_argument(
            "--password-stdin", action="store_true", help="Read the password from standard input (one line)."
        )
        commands.add_parser("list", help="List users with their roles.")
        unlock = commands.add_parser("unlock", help="Lift a lockout left by repeated failed sign-ins.")
        unlock.add_argument("--username")
        unlock.add_argument("--ip", metavar="ADDRESS", help="Lift the lockout of an address instead.")

    def handle(self, *args, subcommand, **options):
        if subcommand == "list":
            return self._list()
        if subcommand == "unlock":
            return self._unlock(options["username"], options["ip"])
        unit = OrgUnit.objects.current().filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"No current unit has the code {options['unit']}.")
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
        else:
            password = None
        try:
            user = user_add(
                username=options["username"],
                unit=unit,
                role=options["role"],
                password=password or None,
                full_name=options["full_name"],
                email=options["email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"Added {user.username}: {options['role']} over {unit.code} {unit.name}.")

    def _unlock(self, username, address):
        if not username and not address:
            raise CommandError("Name a user (--username) or an address (--ip).")
        # A user name is unlocked whether or not such a user exists: lockouts count names, not accounts.
        lifted = sign_in_unlock(username=username, ip_address=address)
        target = username or address
        self.stdout.write(f"Unlocked {target}." if lifted else f"{target} was not locked.")

    def _list(self):
        rows = Membership.objects.select_related("user", "unit").order_by("user__username", "unit__path")
        for m in rows:
            state = "" if m.user.is_active else " (inactive)"
            self.stdout.write(f"{m.user.username}{state}\t{m.role}\t{m.unit.code}\t{m.unit.name}")
