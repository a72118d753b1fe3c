"""`canbo demo_planning [--seed 2025]`: a planning term and some training for each demo province."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.planning.demo import demo_planning


class Command(BaseCommand):
    help = _("Plan the demo provinces' leadership posts for 2026–2031 and train some cadres.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2025, help=_("Random seed (default 2025)."))
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, default=None, help=_("The day to write as.")
        )

    def handle(self, *args, seed=2025, today=None, **options):
        totals = demo_planning(seed, today)
        self.stdout.write(
            _("Planning: %(entries)s cadres planned, %(completed)s training completions.")
            % {k: f"{v:,}" for k, v in totals.items()}
        )
