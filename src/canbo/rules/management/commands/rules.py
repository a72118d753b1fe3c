"""`canbo rules show [--as-of DATE]` and `canbo rules set NAME VALUE --from DATE`: the rule parameters."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canbo.rules.engine import SPECS, ruleset_on
from canbo.rules.engine.results import jsonable
from canbo.rules.engine.text import date_text
from canbo.rules.selectors import active_ruleset, settings_in_force
from canbo.rules.services import rule_setting_set

from ._target import _date


class Command(BaseCommand):
    help = (
        "Show the rule parameters in force on a date, or set one from a date on (the value is JSON: 48, "
        'true, \'{"reprimand": 24, "warning": 36, "removal": 60}\').'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", choices=[c for c, _n in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        )
        commands = parser.add_subparsers(dest="subcommand", required=True)
        show = commands.add_parser(
            "show", help="Every parameter with its value in force, default and source."
        )
        show.add_argument("--as-of", type=_date, metavar="DATE", help="Date (default today).")
        show.add_argument("--format", dest="output_format", choices=["json", "table"], default="table")
        change = commands.add_parser("set", help="Set a parameter from a date on.")
        change.add_argument("name", choices=sorted(SPECS), metavar="NAME")
        change.add_argument("value", help="The value as JSON.")
        change.add_argument("--from", dest="effective_from", type=_date, required=True, metavar="DATE")
        change.add_argument("--note", default="", help="Why (a decision number, for instance).")
        change.add_argument("--user", metavar="USERNAME", help="Who asked for the change.")

    def handle(self, *args, subcommand, language, **options):
        with translation.override(language):
            if subcommand == "set":
                self.set(**options)
            else:
                self.show(options["as_of"] or timezone.localdate(), options["output_format"])

    def set(self, name, value, effective_from, note, user, **options):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            raise CommandError(_("The value must be JSON, for instance 48 or true.")) from None
        set_by = None
        if user:
            set_by = get_user_model().objects.filter(username=user).first()
            if set_by is None:
                raise CommandError(_("No user %(username)s.") % {"username": user})
        ruleset = ruleset_on(effective_from)
        try:
            rule_setting_set(
                ruleset=ruleset.code,
                name=name,
                value=parsed,
                effective_from=effective_from,
                set_by=set_by,
                note=note,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            _("%(name)s = %(value)s in %(ruleset)s from %(date)s.")
            % {"name": name, "value": value, "ruleset": ruleset.code, "date": date_text(effective_from)}
        )

    def show(self, day, output_format):
        ruleset = active_ruleset(day)
        in_force = settings_in_force(day)
        english = translation.get_language().startswith("en")
        rows = [
            {
                "name": name,
                "value": jsonable(ruleset.params[name]),
                "default": jsonable(spec.default),
                "set_from": in_force[name].effective_from.isoformat() if name in in_force else None,
                "description": spec.en if english else spec.vi,
                "source": spec.source,
                "to_confirm": spec.to_confirm,
            }
            for name, spec in SPECS.items()
        ]
        if output_format == "json":
            data = {
                "ruleset": ruleset.code,
                "effective_from": ruleset.effective_from.isoformat(),
                "params": rows,
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Rule set: %(code)s, in force from %(date)s")
            % {"code": ruleset.code, "date": date_text(ruleset.effective_from)}
        )
        for row in rows:
            value = json.dumps(row["value"], ensure_ascii=False)
            if row["set_from"]:
                since = _("set from %(date)s") % {"date": date_text(in_force[row["name"]].effective_from)}
            else:
                since = _("default")
            confirm = f" — {_('default to confirm')}" if row["to_confirm"] else ""
            self.stdout.write(f"{row['name']} = {value} ({since}){confirm}")
            self.stdout.write(f"    {row['description']}" + (f" ({row['source']})" if row["source"] else ""))
