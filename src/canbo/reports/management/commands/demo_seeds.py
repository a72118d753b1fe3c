"""`canbo demo-seeds`: the seeds' situations built from import files, to compare the reports with them."""

from django.core.management.base import BaseCommand, CommandError

from canbo.organizations.models import OrgUnit
from canbo.reports import seeds


class Command(BaseCommand):
    help = (
        "Import the situations the press reports describe (Hai Phong's 583 cadres, Kim Bang's moves, "
        "Nam Giang's targets) so that `canbo report` gives their figures back."
    )

    def handle(self, *args, **options):
        if OrgUnit.objects.filter(code="S-HP").exists():
            raise CommandError("The seed situations are loaded already.")
        try:
            counts = seeds.build()
        except seeds.SeedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in counts.items()))
        self.stdout.write(
            f"canbo report structure --managed-by S-HP-TU --as-of {seeds.AS_OF} --young-under 42 "
            "--format table\n"
            f"canbo report flows --unit S-KB --from {seeds.TERM_START} --to {seeds.HALF_TERM_END} "
            "--format table\n"
            f"canbo report indicators --unit S-KB --as-of {seeds.AS_OF} --format table"
        )
