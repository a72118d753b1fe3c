"""`canbo plan solve ROUND_FILE|--round ID [--time-limit S] --format json|table [--explain]` and
`canbo plan generate --positions N --candidates M --seed S [--output FILE]`."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.rotation import engine
from canbo.rotation.engine.files import dump_round, load_round, plan_summary
from canbo.rotation.engine.generate import generate
from canbo.rotation.models import RotationRound
from canbo.rotation.selectors import round_problem
from canbo.rotation.text import violation_text

GENERATED_REQUIREMENTS = engine.Requirements(
    pair_rule=True,
    source_cap=1,
    shares=(engine.Share("female", 30), engine.Share("young", 20), engine.Share("minority", 20)),
)


class Command(BaseCommand):
    help = (
        "Solve a rotation round (a round file or a round of the database) and print the plan, or write a "
        "generated round file for benchmarks."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        solve = sub.add_parser("solve", help="Solve a round; nothing is saved.")
        solve.add_argument("round_file", nargs="?", metavar="ROUND_FILE", help="A round file (JSON).")
        solve.add_argument("--round", type=int, metavar="ID", help="A round of the database instead.")
        solve.add_argument("--user", metavar="USERNAME", help="Read the round within this user's scope.")
        solve.add_argument("--time-limit", type=float, default=30.0, metavar="S")
        solve.add_argument("--format", dest="output_format", choices=["json", "table"], default="table")
        solve.add_argument(
            "--explain",
            action="store_true",
            help="Add the explanations (score parts, runners-up, why posts stay empty) to the JSON.",
        )
        solve.add_argument(
            "--language", choices=[c for c, _n in settings.LANGUAGES], default=settings.LANGUAGE_CODE
        )
        gen = sub.add_parser("generate", help="Write a realistic synthetic round file.")
        gen.add_argument("--positions", type=int, required=True, metavar="N")
        gen.add_argument("--candidates", type=int, required=True, metavar="M")
        gen.add_argument("--seed", type=int, default=0, metavar="S")
        gen.add_argument("--output", metavar="FILE", help="Where to write it (default: standard output).")

    def handle(self, *args, subcommand, **options):
        if subcommand == "generate":
            return self.generate(options)
        with translation.override(options["language"]):
            return self.solve(options)

    def generate(self, options):
        if options["positions"] < 1 or options["candidates"] < 1:
            raise CommandError(_("Positions and candidates must be at least 1."))
        instance = generate(options["positions"], options["candidates"], options["seed"])
        text = json.dumps(dump_round(instance, GENERATED_REQUIREMENTS))
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text)

    def _problem(self, options):
        if (options["round_file"] is None) == (options["round"] is None):
            raise CommandError(_("Give either a round file or --round ID."))
        if options["round_file"]:
            try:
                data = json.loads(Path(options["round_file"]).read_text(encoding="utf-8"))
                return load_round(data)
            except (OSError, ValueError) as exc:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s") % {"file": options["round_file"], "error": exc}
                ) from None
        rounds = RotationRound.objects.all()
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user %(username)s.") % {"username": options["user"]})
            rounds = rounds.restrict(user, "organize")
        rnd = rounds.filter(pk=options["round"]).first()
        if rnd is None:
            raise CommandError(_("No rotation round %(id)s in scope.") % {"id": options["round"]})
        problem = round_problem(rnd)
        return problem.instance, problem.requirements, problem.weights

    def solve(self, options):
        instance, req, weights = self._problem(options)
        plan = engine.solve(instance, weights, req, time_limit=options["time_limit"])
        data = plan_summary(instance, plan, engine.assess(instance, weights, req, plan.pairs))
        if options["explain"]:
            data["explanations"] = engine.explain(instance, weights, req, plan)
        if options["output_format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _(
                "%(status)s plan by %(method)s in %(seconds)s s: score %(total)s, bound %(bound)s, "
                "%(filled)s of %(slots)s posts filled"
            )
            % {**data, "slots": len(instance.slots)}
        )
        for row in data["assignments"]:
            self.stdout.write(f"{row['slot_label']}\t{row['candidate_label']}")
        for item in data["violations"]:
            self.stdout.write(violation_text(item))
