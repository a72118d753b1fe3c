"""`canbo check-deploy`: Django's deployment checks and Canbo's own, with production settings, failing on any
warning."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands.check import Command as DjangoCheck


class Command(BaseCommand):
    help = (
        "Run Django's deployment checks (`check --deploy`) and Canbo's security checks with production "
        "settings (DEBUG off, the rest from the environment); exit non-zero on any warning."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tag",
            action="append",
            dest="tags",
            metavar="TAG",
            help="Run only the checks with this tag (e.g. security); may be repeated.",
        )

    def handle(self, *args, tags=None, **options):
        if settings.DEBUG or os.environ.get("CANBO_DEBUG") != "0":
            # Settings are read once, when the process starts: production ones need a process of their own.
            env = {**os.environ, "CANBO_DEBUG": "0"}
            done = subprocess.run(
                [sys.executable, "-m", "canbo.cli", "check_deploy", *(f"--tag={t}" for t in tags or ())],
                env=env,
                capture_output=True,
                text=True,
            )
            self.stdout.write(done.stdout, ending="")
            self.stderr.write(done.stderr, ending="")
            if done.returncode:
                raise CommandError("The deployment checks failed.", returncode=done.returncode)
            return
        # Django's `check` itself, by its class: `canbo check` is the rules engine's command.
        call_command(
            DjangoCheck(),
            tags=tags,
            deploy=True,
            fail_level="WARNING",
            stdout=self.stdout,
            stderr=self.stderr,
        )
