"""`canbo load-divisions [--province CODE ...] [--with-bodies]`: provinces and communes since 1 July 2025."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.organizations.services import load_divisions


class Command(BaseCommand):
    help = (
        "Load the 34 provinces and 3,321 communes, wards and special zones in force since 1 July 2025, with "
        "their official codes. Running it again creates nothing and corrects names."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Load only this province (code such as 31); repeat for several.",
        )
        parser.add_argument(
            "--with-bodies",
            action="store_true",
            help="Also create each locality's standard bodies and positions.",
        )

    def handle(self, *args, provinces=None, with_bodies=False, **options):
        started = time.monotonic()
        try:
            counts = load_divisions(provinces, with_bodies=with_bodies)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        counts["seconds"] = round(time.monotonic() - started, 1)
        # Operators read Vietnamese; logs shared with others read English.
        for language in ("vi", "en"):
            with translation.override(language):
                self.stdout.write(
                    _(
                        "%(provinces)d provinces and %(communes)d communes loaded: "
                        "%(created)d units created, %(updated)d names corrected, "
                        "%(bodies)d bodies with %(positions)d positions created (%(seconds)s s)."
                    )
                    % counts
                )
