"""`canbo user add --username U --unit CODE --role ROLE [--password-stdin]` and `canbo user list`."""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.accounts.models import Membership, Role
from canbo.accounts.services import user_add
from canbo.organizations.models import OrgUnit


class Command(BaseCommand):
    help = "Manage Canbo users: add a user with a role over a unit's subtree, or list users and roles."

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

    def handle(self, *args, subcommand, **options):
        if subcommand == "list":
            return self._list()
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

    def _list(self):
        rows = Membership.objects.select_related("user", "unit").order_by("user__username", "unit__path")
        for m in rows:
            state = "" if m.user.is_active else " (inactive)"
            self.stdout.write(f"{m.user.username}{state}\t{m.role}\t{m.unit.code}\t{m.unit.name}")
