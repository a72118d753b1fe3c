"""`canbo eligible --unit CODE --title CODE [--as-of DATE] [--limit N] --format json|table`."""

import json

from canbo.rules.reports import eligibility_data, eligibility_table
from canbo.rules.selectors import eligibility

from ._target import TargetCommand


class Command(TargetCommand):
    help = (
        "Every cadre in scope against one post, eligible first, with every rule's result (the first --limit "
        "cadres with their reasons and facts)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--limit", type=int, default=50, metavar="N", help="Cadres shown (default 50).")

    def handle(self, *args, output_format, limit, **options):
        user = self.user(options["user"])
        found = eligibility(self.cadres(user), self.position(user, options), self.proposal(options))
        evaluations = found.ranking.evaluations(limit=max(limit, 0))
        if output_format == "json":
            self.stdout.write(json.dumps(eligibility_data(found, evaluations), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(eligibility_table(found, evaluations), ending="")
