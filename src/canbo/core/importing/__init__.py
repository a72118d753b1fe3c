"""Import of units, titles, cadres and assignments from .xlsx or CSV files, all or nothing.

`run_import` is shared by the `canbo import` command and the import page. It does the whole import inside one
transaction, row by row through the services, collects every error of every row, and keeps the writes only
when there is no error and it is not a dry run.
"""

from pathlib import Path

from django.db import transaction

from .importers import IMPORTERS, importer_of
from .reading import FileProblem, read_table
from .report import ImportReport, Note, RowError

KINDS = tuple(IMPORTERS)

__all__ = ["KINDS", "ImportReport", "Note", "RowError", "columns_of", "run_import"]


class _Rollback(Exception):
    pass


def columns_of(kind: str):
    return importer_of(kind).columns()


def run_import(
    kind: str, source, *, dry_run: bool = False, filename: str | None = None, user=None
) -> ImportReport:
    """Import `source` (a path or a binary file object) as `kind`; see ImportReport for the outcome.

    `user` (the web) limits the writes to that user's scope; None (the command line) acts on everything.
    """
    if kind not in IMPORTERS:
        raise ValueError(f"Unknown import kind {kind!r}; expected one of {', '.join(KINDS)}.")
    if filename is None and isinstance(source, str | Path):
        filename = Path(source).name
    report = ImportReport(kind=kind, filename=filename or "", dry_run=dry_run)
    try:
        table = read_table(source, filename)
    except FileProblem as problem:
        report.error(0, "", "", problem.message)
        return report
    try:
        with transaction.atomic():
            importer_of(kind)(report, user).run(table)
            if report.errors or dry_run:
                raise _Rollback  # all or nothing: leaving the block by an exception undoes every row
    except _Rollback:
        pass
    report.sort()
    return report
