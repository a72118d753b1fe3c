"""What `canbo check` and `canbo eligible` share: the target post, the proposal, the user's scope and the
output language."""

import argparse
import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canbo.organizations.models import OrgUnit, Position, Title
from canbo.people.models import Cadre
from canbo.rules.engine import Action, Proposal
from canbo.rules.selectors import target_position


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("%(text)s is not a date (YYYY-MM-DD).") % {"text": text}) from None


class TargetCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, metavar="CODE", help="Code of the unit of the post.")
        parser.add_argument("--title", required=True, metavar="CODE", help="Code of the title of the post.")
        parser.add_argument(
            "--as-of", type=_date, metavar="DATE", help="Date of the proposal (default today)."
        )
        parser.add_argument(
            "--action", choices=[a.value for a in Action], default=Action.APPOINTMENT, help="Proposed action."
        )
        parser.add_argument("--return-date", type=_date, metavar="DATE", help="Planned end of a rotation.")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Limit the cadres and units to this user's scope and record them.",
        )
        parser.add_argument("--format", dest="output_format", choices=["json", "table"], default="table")
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        )

    def execute(self, *args, **options):
        with translation.override(options["language"]):
            return super().execute(*args, **options)

    def user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No user %(username)s.") % {"username": username})
        return user

    def cadres(self, user):
        # The rules read family and discipline records: the user must be allowed to see them.
        return Cadre.objects.all() if user is None else Cadre.objects.restrict(user, "view_sensitive")

    def position(self, user, options) -> Position:
        units = OrgUnit.objects.all() if user is None else OrgUnit.objects.restrict(user)
        unit = units.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(_("No unit with code %(code)s in scope.") % {"code": options["unit"]})
        title = Title.objects.filter(code=options["title"]).first()
        if title is None:
            raise CommandError(_("No title with code %(code)s.") % {"code": options["title"]})
        position = target_position(unit, title, self.proposal(options).date)
        if position is None:
            raise CommandError(
                _("%(unit)s has no position %(title)s on that date.")
                % {"unit": unit.name, "title": title.name}
            )
        return position

    def proposal(self, options) -> Proposal:
        return Proposal(
            options["action"], options["as_of"] or timezone.localdate(), planned_return=options["return_date"]
        )
