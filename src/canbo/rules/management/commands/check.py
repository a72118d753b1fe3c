"""`canbo check --cadre CODE --unit CODE --title CODE [--as-of DATE] --format json|table`."""

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from canbo.rules.models import CheckSource
from canbo.rules.reports import evaluation_table, language
from canbo.rules.services import check_cadre

from ._target import TargetCommand


class Command(TargetCommand):
    help = (
        "Check every rule for one cadre and one post: each rule's result, reason and facts. The check is "
        "recorded with the rule set and parameters it used."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cadre", required=True, metavar="CODE", help="Code of the cadre.")
        super().add_arguments(parser)

    def handle(self, *args, cadre, output_format, **options):
        user = self.user(options["user"])
        found = self.cadres(user).filter(code=cadre).first()
        if found is None:
            raise CommandError(_("No cadre with code %(code)s in scope.") % {"code": cadre})
        evaluation, record = check_cadre(
            cadre=found,
            position=self.position(user, options),
            proposal=self.proposal(options),
            ran_by=user,
            source=CheckSource.CLI,
        )
        if output_format == "json":
            data = {"check": record.pk, **evaluation.to_dict(language())}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(evaluation_table(evaluation), ending="")
