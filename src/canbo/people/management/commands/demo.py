"""`canbo demo --province 31 --cadres 3000 --seed 2025 [--if-empty]`: a realistic demo province."""

import datetime as dt

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.people.demo.writer import (
    DEMO_COMMUNE_USER,
    DEMO_PASSWORD,
    DEMO_USER,
    ensure_demo_users,
    first_commune,
)
from canbo.people.models import Cadre


class Command(BaseCommand):
    help = (
        "Generate a demo on real provinces and communes: cadres with ten years of posts, elections, "
        "rotations and decisions, districts until 1 July 2025, and the demo sign-ins. Same seed, same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Province code such as 31 (Hai Phong); repeat for several. Default: 31.",
        )
        parser.add_argument(
            "--cadres", type=int, default=3000, help="Number of cadres in all (default 3000)."
        )
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if any cadre exists.")
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="Rows per insert batch (default 5000)."
        )
        parser.add_argument(
            "--communes",
            type=int,
            default=None,
            metavar="K",
            help="Use only the first K communes of each province (smaller, faster demos).",
        )
        parser.add_argument(
            "--history-only",
            action="store_true",
            help="Cadres, units and work history only, without evaluations and planning (scale benchmarks).",
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            metavar="YYYY-MM-DD",
            help="The day the history ends (default: today).",
        )

    def handle(
        self,
        *args,
        provinces=None,
        cadres=3000,
        seed=2025,
        if_empty=False,
        batch_size=5000,
        communes=None,
        today=None,
        history_only=False,
        **options,
    ):
        from canbo.people.demo.writer import run_demo

        if cadres < 1 or batch_size < 1 or (communes is not None and communes < 1):
            raise CommandError(_("--cadres, --batch-size and --communes must be positive."))
        if if_empty and Cadre.objects.exists():
            self.stdout.write(_("Cadres exist already: no demo generated."))
        else:
            self.stdout.write(
                _("Generating the demo: %(cadres)s cadres, seed %(seed)s.")
                % {"cadres": f"{cadres:,}", "seed": seed}
            )
            try:
                totals = run_demo(
                    provinces or ["31"],
                    cadres,
                    seed,
                    batch_size=batch_size,
                    communes=communes,
                    today=today,
                    write=self.stdout.write,
                )
            except (RuntimeError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            rate = totals["cadres"] / totals["seconds"] if totals["seconds"] else 0
            self.stdout.write(
                _(
                    "Done: %(cadres)s cadres, %(assignments)s assignments, %(decisions)s decisions, "
                    "%(relatives)s relatives in %(seconds)s s (%(rate)s cadres/s)."
                )
                % (
                    {k: f"{totals[k]:,}" for k in ("cadres", "assignments", "decisions", "relatives")}
                    | {"seconds": totals["seconds"], "rate": f"{rate:,.0f}"}
                )
            )
            moves = totals["moves"]
            self.stdout.write(
                _(
                    "Moves: %(down)s rotations down, %(up)s up, %(side)s sideways, %(back)s returns, "
                    "%(reform)s district cadres re-posted on 1 July 2025."
                )
                % {
                    "down": moves.get("rotation_down", 0),
                    "up": moves.get("rotation_up", 0),
                    "side": moves.get("rotation_horizontal", 0),
                    "back": moves.get("return", 0),
                    "reform": moves.get("reform_moves", 0),
                }
            )
            if not history_only:
                # Evaluations of the last years and a planning term: boards, CVs and the rules need them.
                last_year = today.year - 1 if today else None
                call_command("demo_evaluations", seed=seed, last_year=last_year, stdout=self.stdout)
                call_command("demo_planning", seed=seed, today=today, stdout=self.stdout)
        ensure_demo_users(first_commune())
        self.stdout.write(
            _(
                "Demo sign-in: %(user)s / %(password)s (all units); %(commune_user)s / %(password)s "
                "(one commune)."
            )
            % {"user": DEMO_USER, "password": DEMO_PASSWORD, "commune_user": DEMO_COMMUNE_USER}
        )
