"""`canbo evaluation finalize|summary --unit CODE --year Y [--quarter Q]`."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.evaluation import selectors, services
from canbo.evaluation.models import Evaluation, Grade
from canbo.organizations.models import OrgUnit


class Command(BaseCommand):
    help = (
        "Finalize a unit's evaluations for a year (refused over the quota of “excellent”) or print its "
        "summary: levels, quota per unit and task group, party cells and members against their targets."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        for name in ("finalize", "summary"):
            command = sub.add_parser(name)
            command.add_argument("--unit", required=True, metavar="CODE", help="Code of the unit.")
            command.add_argument("--year", required=True, type=int)
            command.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="A quarter, not the year.")
            command.add_argument("--user", metavar="USERNAME", help="Act within this user's scope.")
            command.add_argument(
                "--language", choices=[c for c, _n in settings.LANGUAGES], default=settings.LANGUAGE_CODE
            )
            if name == "summary":
                command.add_argument(
                    "--format", dest="output_format", choices=["table", "json"], default="table"
                )

    def handle(self, *args, subcommand, language, **options):
        with translation.override(language):
            user = self.user(options["user"])
            action = "approve" if subcommand == "finalize" else "view"
            units = OrgUnit.objects.all() if user is None else OrgUnit.objects.restrict(user, action)
            unit = units.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("No unit with code %(code)s in scope.") % {"code": options["unit"]})
            evaluations = (
                Evaluation.objects.all() if user is None else Evaluation.objects.restrict(user, action)
            )
            if subcommand == "finalize":
                self.finalize(unit, options, user, evaluations)
            else:
                self.summary(unit, options, evaluations)

    def user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No user %(username)s.") % {"username": username})
        return user

    def finalize(self, unit, options, user, evaluations):
        try:
            count = services.finalize(
                unit=unit,
                year=options["year"],
                quarter=options["quarter"],
                user=user,
                evaluations=evaluations,
            )
        except ValidationError as error:
            raise CommandError(_("Not finalized:") + "\n" + "\n".join(error.messages)) from None
        self.stdout.write(_("%(count)s evaluations finalized.") % {"count": count})

    def summary(self, unit, options, evaluations):
        board = selectors.board(unit, options["year"], options["quarter"], evaluations)
        data = summary_data(board)
        if options["output_format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{unit.name} · {options['year']}" + (f" Q{options['quarter']}" if options["quarter"] else "")
        )
        self.stdout.write(_("%(total)s evaluations, %(drafts)s drafts") % data)
        for row in data["levels"]:
            self.stdout.write(f"  {row['label']:<32} {row['count']:>6}")
        self.stdout.write(_("Quota of “excellent” per unit and task group:"))
        for g in data["groups"]:
            excess = ngettext("%(n)s too many", "%(n)s too many", g["excess"]) % {"n": g["excess"]}
            status = excess if g["excess"] else _("within")
            self.stdout.write(
                f"  {g['unit']} · {g['kind']} · {g['task_group']}: "
                + _("excellent %(excellent)s, good %(good)s, allowed %(allowed)s") % g
                + f" — {status}"
            )
        for key in ("party_cells", "party_members"):
            share = data[key]
            if share:
                self.stdout.write(
                    f"{share['label']}: {share['count']}/{share['total']} ({share['ratio']:.0%}), "
                    + _("target %(low)s–%(high)s: %(status)s")
                    % {
                        "low": f"{share['low']:.0%}",
                        "high": f"{share['high']:.0%}",
                        "status": share["status"],
                    }
                )


def summary_data(board) -> dict:
    """The board as plain data, for JSON and the table alike."""

    def share(found, label):
        if found is None:
            return None
        return {
            "label": str(label),
            "count": found.count,
            "total": found.total,
            "ratio": found.ratio,
            "low": found.low,
            "high": found.high,
            "status": found.status,
        }

    return {
        "unit": board.unit.code,
        "year": board.year,
        "quarter": board.quarter,
        "total": board.total,
        "drafts": board.drafts,
        "levels": [
            {"grade": g.value, "label": str(g.label), "count": board.distribution[g.value]} for g in Grade
        ],
        "groups": [
            {
                "unit": g.unit.name,
                "kind": str(g.kind_label),
                "task_group": str(g.task_group_label),
                "excellent": g.excellent,
                "good": g.counts[Grade.GOOD.value],
                "allowed": g.allowed,
                "excess": g.excess,
            }
            for g in board.groups
        ],
        "party_cells": share(board.party_cells, _("Party cells clean and strong")),
        "party_members": share(board.party_members, _("Party members completing tasks well or better")),
        "finalizable": board.can_finalize,
    }
