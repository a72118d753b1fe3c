"""`canbo report structure|flows|indicators ... --format table|json|xlsx|pdf [--output FILE]`."""

import argparse
import datetime as dt
import json
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canbo.audit.services import record_export
from canbo.organizations.models import OrgUnit
from canbo.reports import documents, exports, selectors
from canbo.reports.selectors import Population, Scope

FORMATS = ("table", "json", "xlsx", "pdf")
SCOPE_OPTIONS = (
    (Scope.MANAGED_BY, "managed_by"),
    (Scope.UNIT, "unit"),
    (Scope.COMMUNE_COMMITTEES, "commune_committees"),
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date (YYYY-MM-DD).") from None


def _jsonable(data):
    """Indicator tallies as counts with the ids of the people behind them."""
    if isinstance(data, selectors.Tally):
        return {"count": data.count, "people": data.people}
    if isinstance(data, dict):
        return {k: _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    if isinstance(data, OrgUnit):
        return {"id": data.pk, "code": data.code, "name": data.name}
    if hasattr(data, "pk"):
        return data.pk
    return data


class Command(BaseCommand):
    help = "Statistics of cadres: structure, movements and policy indicators, as a table, JSON, Excel or PDF."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True)
        structure = sub.add_parser("structure", help="Structure of the cadres of a body or unit on a day.")
        which = structure.add_mutually_exclusive_group(required=True)
        which.add_argument("--managed-by", metavar="CODE", help="Cadres whose file this body keeps.")
        which.add_argument("--unit", metavar="CODE", help="Cadres in a post of this unit's subtree.")
        which.add_argument(
            "--commune-committees",
            metavar="CODE",
            help="Members of the party committees of every commune under this unit (a province).",
        )
        structure.add_argument("--as-of", type=_date, metavar="DATE", help="Day counted (default today).")
        structure.add_argument(
            "--young-under", type=int, metavar="N", help="Age under which a cadre is young."
        )
        flows = sub.add_parser("flows", help="Moves into and out of a unit over a period.")
        flows.add_argument("--unit", required=True, metavar="CODE")
        flows.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
        flows.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
        indicators = sub.add_parser("indicators", help="Non-local heads, standards, targets and vacancies.")
        indicators.add_argument("--unit", required=True, metavar="CODE")
        indicators.add_argument("--as-of", type=_date, metavar="DATE")
        for each in (structure, flows, indicators):
            each.add_argument("--format", dest="output_format", choices=FORMATS, default="table")
            each.add_argument("--output", metavar="FILE", help="Write to this file (Excel and PDF need one).")
            each.add_argument("--user", metavar="USERNAME", help="Limit to this user's scope.")
            each.add_argument(
                "--language",
                choices=[code for code, _name in settings.LANGUAGES],
                default=settings.LANGUAGE_CODE,
            )

    def execute(self, *args, **options):
        with translation.override(options.get("language") or settings.LANGUAGE_CODE):
            return super().execute(*args, **options)

    def unit(self, user, code: str) -> OrgUnit:
        unit = selectors.scoped(OrgUnit, user).filter(code=code).first()
        if unit is None:
            raise CommandError(_("No unit with code %(code)s in scope.") % {"code": code})
        return unit

    def handle(self, *args, report, output_format, output, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user %(username)s.") % {"username": options["user"]})
        data, document, unit = getattr(self, report)(user, options)
        if output_format == "json":
            content = json.dumps(_jsonable(data), ensure_ascii=False, indent=2) + "\n"
        elif output_format == "table":
            content = exports.to_text(document)
        else:
            if not output:
                raise CommandError(_("Excel and PDF need --output FILE."))
            content = exports.to_xlsx(document) if output_format == "xlsx" else exports.to_pdf(document)
            record_export(user, f"{report}.{output_format}", instance=unit)
        if output:
            with open(output, "wb") as out:
                out.write(content.encode() if isinstance(content, str) else content)
        else:
            sys.stdout.flush()
            self.stdout.write(content, ending="")

    def structure(self, user, options):
        day = options["as_of"] or timezone.localdate()
        scope, option = next((s, o) for s, o in SCOPE_OPTIONS if options[o])
        unit = self.unit(user, options[option])
        data = selectors.structure(user, Population(scope, unit, day), options["young_under"])
        return data, documents.structure_document(data), unit

    def flows(self, user, options):
        if options["end"] <= options["start"]:
            raise CommandError(_("The period must end after it starts."))
        unit = self.unit(user, options["unit"])
        data = selectors.movements(user, unit, options["start"], options["end"])
        return data, documents.movements_document(data), unit

    def indicators(self, user, options):
        day = options["as_of"] or timezone.localdate()
        unit = self.unit(user, options["unit"])
        data = selectors.indicators(user, unit, day)
        return data, documents.indicators_document(unit.name, day.isoformat(), data), unit
