"""Backing up and restoring the whole database, with a manifest that lets every restore prove itself.

An archive is a gzip-compressed tar holding `manifest.json` and one data file:

- `sqlite`: a copy of an SQLite database made with SQLite's online backup (consistent while the site runs);
- `pg_dump`: PostgreSQL's custom dump format, taken in the same snapshot as the manifest's figures;
- `dumpdata`: Django's dumpdata in XML, for PostgreSQL without `pg_dump` on the PATH, or to move between
  databases (XML because Django's JSON cuts times to milliseconds, which would break the audit hashes).

The manifest holds the row count of every table and the audit trail's chain head. After a restore (and for
`canbo restore --verify-only`, into a scratch database) the counts must match, the audit chain must verify
and end at the same head: a restore that loses or alters anything says so.
"""

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connections, transaction
from django.db.utils import load_backend

from canbo.audit.models import AuditAction
from canbo.audit.services import chain_head, record, record_export, verify

FORMAT = "canbo-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA_FILES = {"sqlite": "data.sqlite3", "pg_dump": "data.dump", "dumpdata": "data.xml"}


class BackupError(Exception):
    """An archive that cannot be made, read or restored; the message says why."""


@dataclass
class Check:
    """What a verification found: the figures compared and every difference."""

    counts: dict = field(default_factory=dict)
    audit_entries: int = 0
    head: tuple = (0, "")
    problems: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def model_tables() -> list[str]:
    """Every table Canbo's models (and Django's) keep rows in, many-to-many tables included."""
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def table_counts(using: str = "default") -> dict[str, int]:
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in model_tables():
            if table in existing:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
    return counts


def _figures(using: str) -> dict:
    sequence, head = chain_head(using)
    return {"counts": table_counts(using), "audit": {"head_sequence": sequence, "head_hash": head}}


def _pg_env(settings_dict: dict) -> dict:
    """libpq's environment for PostgreSQL's own tools: the connection Django uses, the password unlisted."""
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[name] = str(settings_dict[key])
    return env


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def default_method(using: str = "default") -> str:
    vendor = connections[using].vendor
    if vendor == "sqlite":
        return "sqlite"
    if vendor == "postgresql" and shutil.which("pg_dump") and shutil.which("pg_restore"):
        return "pg_dump"
    return "dumpdata"


@contextmanager
def _scratch_alias(settings_dict: dict):
    """A second connection, to a database other than the site's (an archive's copy, a scratch database)."""
    alias = f"canbo_backup_{uuid.uuid4().hex[:8]}"
    # Made here, not declared in the settings: it lives only as long as this block.
    connections[alias] = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(dict(settings_dict), alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


def _dump(method: str, using: str, workdir: Path) -> tuple[Path, dict]:
    """Write the data file and read the manifest's figures from the same state of the database."""
    connection = connections[using]
    path = workdir / DATA_FILES[method]
    if method == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        # The figures come from the copy itself, so they describe exactly what the archive holds.
        with _scratch_alias({**connection.settings_dict, "NAME": str(path)}) as alias:
            return path, _figures(alias)
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
        figures = _figures(using)
        if method == "pg_dump":
            name = connection.settings_dict["NAME"]
            command = ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}", name]
            _run(command, _pg_env(connection.settings_dict))
        else:
            call_command(
                "dumpdata", format="xml", database=using, output=str(path), use_base_manager=True, verbosity=0
            )
    return path, figures


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(target: Path, *, method: str | None = None, using: str = "default") -> dict:
    """Write an archive of the whole database to `target`; returns its manifest."""
    method = method or default_method(using)
    vendor = connections[using].vendor
    if method == "sqlite" and vendor != "sqlite" or method == "pg_dump" and vendor != "postgresql":
        raise BackupError(f"The {method} method does not apply to a {vendor} database.")
    target.parent.mkdir(parents=True, exist_ok=True)
    # A backup is the largest export of all: its entry is written first, so the archive holds it too.
    rows = sum(table_counts(using).values())
    record_export(None, "backup", rows, {"file": target.name, "method": method})
    with tempfile.TemporaryDirectory(prefix="canbo-backup-") as tmp:
        path, figures = _dump(method, using, Path(tmp))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vendor": vendor,
            "method": method,
            "data": path.name,
            "sha256": _sha256(path),
            **figures,
        }
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            body = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
            archive.add(path, arcname=path.name)
        # Renamed only once complete: an interrupted backup never looks like a good archive.
        partial.replace(target)
    return manifest


def read_archive(source: Path, workdir: Path) -> tuple[dict, Path]:
    """Unpack the archive; returns its manifest and data file, after checking the data's checksum."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            manifest = json.load(archive.extractfile(MANIFEST))
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise BackupError(f"{source} is not a Canbo backup this version can read.")
            if manifest.get("data") not in DATA_FILES.values():
                raise BackupError(f"{source} names an unknown data file.")
            archive.extract(manifest["data"], workdir, filter="data")
    except (tarfile.TarError, KeyError, OSError, EOFError, ValueError) as exc:
        raise BackupError(f"{source} cannot be read as a Canbo backup: {exc}") from exc
    data = workdir / manifest["data"]
    if _sha256(data) != manifest["sha256"]:
        raise BackupError(f"{source}: the data file does not match its checksum (damaged or altered).")
    return manifest, data


def verify_database(manifest: dict, using: str = "default") -> Check:
    """Compare a database with an archive's manifest: every table's rows, and the audit chain and its head."""
    check = Check(counts=table_counts(using), head=chain_head(using))
    for table, expected in sorted(manifest["counts"].items()):
        found = check.counts.get(table)
        if found != expected:
            rows = "no table" if found is None else f"{found} rows"
            check.problems.append(f"{table}: {rows}, expected {expected} rows")
    check.audit_entries, problem = verify(using=using)
    if problem is not None:
        entry, what = problem
        check.problems.append(f"audit trail broken at entry #{entry.sequence}: {what}")
    expected_head = (manifest["audit"]["head_sequence"], manifest["audit"]["head_hash"])
    if tuple(check.head) != expected_head:
        check.problems.append(
            f"audit chain head is #{check.head[0]} {check.head[1][:12]}, expected #{expected_head[0]} "
            f"{expected_head[1][:12]}"
        )
    return check


def _load(manifest: dict, data: Path, using: str) -> None:
    """Replace the database's content with the archive's, in one transaction where the database allows."""
    connection = connections[using]
    method = manifest["method"]
    if method == "sqlite":
        if connection.vendor != "sqlite":
            raise BackupError("This archive holds an SQLite database: restore it into SQLite.")
        connection.ensure_connection()
        with sqlite3.connect(data) as source:
            source.backup(connection.connection)
        source.close()
    elif method == "pg_dump":
        if connection.vendor != "postgresql":
            raise BackupError("This archive holds a PostgreSQL dump: restore it into PostgreSQL.")
        connection.close()
        command = [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(data),
        ]
        _run(command, _pg_env(connection.settings_dict))
    else:
        call_command("migrate", database=using, interactive=False, verbosity=0)
        with transaction.atomic(using=using):
            call_command("flush", database=using, interactive=False, inhibit_post_migrate=True, verbosity=0)
            call_command("loaddata", str(data), database=using, verbosity=0)


def restore(source: Path, using: str = "default") -> tuple[dict, Check]:
    """Restore an archive over the database, then verify the result against its manifest."""
    with tempfile.TemporaryDirectory(prefix="canbo-restore-") as tmp:
        manifest, data = read_archive(source, Path(tmp))
        _load(manifest, data, using)
    check = verify_database(manifest, using)
    if check.ok:
        # The trail goes on from the restored head and says where the data came from.
        details = {"archive": source.name, "created_at": manifest["created_at"], "method": manifest["method"]}
        record(
            AuditAction.BULK,
            "restore",
            "",
            f"restore of {manifest['created_at']}",
            {name: (None, value) for name, value in details.items()},
        )
    return manifest, check


@contextmanager
def _scratch_database(manifest: dict, data: Path, workdir: Path, using: str):
    """A database of the archive's content, apart from the site's: the copy itself for SQLite, a new database
    on the same server for a PostgreSQL dump, a new SQLite file for a portable archive."""
    settings_dict = connections[using].settings_dict
    method = manifest["method"]
    if method == "sqlite":
        with _scratch_alias({**settings_dict, "NAME": str(data)}) as alias:
            yield alias
        return
    if method == "dumpdata":
        sqlite = {**connections[using].settings_dict, "ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}}
        with _scratch_alias({**sqlite, "NAME": str(workdir / "scratch.sqlite3")}) as alias:
            _load(manifest, data, alias)
            yield alias
        return
    if connections[using].vendor != "postgresql":
        raise BackupError("Checking a PostgreSQL dump needs a PostgreSQL server (DATABASE_URL).")
    name = f"{settings_dict['NAME']}_verify_{uuid.uuid4().hex[:8]}"
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    try:
        with _scratch_alias({**settings_dict, "NAME": name}) as alias:
            _load(manifest, data, alias)
            yield alias
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")


def verify_archive(source: Path, using: str = "default") -> tuple[dict, Check]:
    """Check an archive without touching the site's data: restore it apart and compare with its manifest."""
    with tempfile.TemporaryDirectory(prefix="canbo-verify-") as tmp:
        manifest, data = read_archive(source, Path(tmp))
        with _scratch_database(manifest, data, Path(tmp), using) as alias:
            return manifest, verify_database(manifest, alias)
