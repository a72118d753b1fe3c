"""`canbo demo-evaluations [--years 3] [--seed 2025]`: evaluations for an existing demo database."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.evaluation.demo import fill
from canbo.people.models import Cadre


class Command(BaseCommand):
    help = (
        "Fill the last years' evaluations of a demo database: cadres in a post, their units and party "
        "members, levels spread as in practice, the quota kept, a few failing two years running. Same seed, "
        "same data; years already evaluated are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=3, help="How many past years (default 3).")
        parser.add_argument("--last-year", type=int, help="The latest year evaluated (default: last year).")
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")

    def handle(self, *args, years, last_year, seed, **options):
        if years < 1:
            raise CommandError(_("--years must be positive."))
        if not Cadre.objects.exists():
            raise CommandError(_("No cadres: run `canbo demo` first."))
        last = last_year or timezone.localdate().year - 1
        counts = fill(list(range(last - years + 1, last + 1)), seed)
        self.stdout.write(
            _("%(evaluations)s evaluations with %(tasks)s KPI tasks written, %(finalized)s finalized.")
            % counts
        )
