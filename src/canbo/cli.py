"""The `canbo` command: Django's management commands with Canbo's settings."""

import os
import sys


def _command_name(args: list[str]) -> list[str]:
    """Accept `load-divisions` for the `load_divisions` command (Django names commands with underscores)."""
    if not args or args[0].startswith("-") or "-" not in args[0]:
        return args
    import django
    from django.core.management import get_commands

    django.setup()
    name = args[0].replace("-", "_")
    if name in get_commands():
        return [name, *args[1:]]
    return args


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    from django.core.management import execute_from_command_line

    args = _command_name(list(sys.argv[1:] if argv is None else argv))
    execute_from_command_line(["canbo", *args])


if __name__ == "__main__":
    main()
