"""Recording the audit trail: who did what to which record, chained by SHA-256 so that editing or removing
an entry breaks the chain at that entry (`canbo audit verify`)."""

import contextvars
import datetime as dt
import decimal
import hashlib
import json
import uuid
from contextlib import contextmanager

from django.db import connection
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .models import AuditAction, AuditEntry

GENESIS = "0" * 64
# Who is acting, set per request by the middleware and per command by `acting()`.
_actor = contextvars.ContextVar("canbo_audit_actor", default=None)
_enabled = contextvars.ContextVar("canbo_audit_enabled", default=True)
# Any number will do: it names the one lock appenders take on PostgreSQL.
_LOCK_KEY = 7_110_412_025


@contextmanager
def acting(user=None, ip_address=None, user_agent: str = ""):
    token = _actor.set({"user": user, "ip": ip_address, "ua": (user_agent or "")[:300]})
    try:
        yield
    finally:
        _actor.reset(token)


@contextmanager
def suspended():
    """No entries inside: for benchmarks comparing the cost of auditing, never for users' work."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def is_enabled() -> bool:
    return _enabled.get()


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):  # a stored file is recorded by its name
        return value.name or ""
    return value


def canonical(entry: AuditEntry) -> bytes:
    """The bytes the hash covers: every field that says what happened, in a fixed order and form."""
    payload = {
        "sequence": entry.sequence,
        "previous": entry.previous_hash,
        "at": entry.created_at.isoformat(),
        "actor": entry.actor_id,
        "actor_name": entry.actor_name,
        "ip": entry.ip_address,
        "action": entry.action,
        "model": entry.model,
        "pk": entry.object_pk,
        "repr": entry.object_repr,
        "changes": entry.changes,
    }
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    ).encode()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def _head() -> tuple[int, str]:
    """The last entry's sequence and hash. On PostgreSQL a transaction-level lock makes concurrent appenders
    wait for each other, so two of them never chain onto the same entry."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    return chain_head()


def record(
    action: str, model_label: str, object_pk, object_repr: str = "", changes: dict | None = None, user=None
):
    """Append one entry to the chain, in the caller's transaction (so a rolled-back change leaves none)."""
    if not _enabled.get():
        return None
    context = _actor.get() or {}
    actor = user or context.get("user")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    sequence, previous = _head()
    entry = AuditEntry(
        sequence=sequence + 1,
        created_at=timezone.now(),
        actor=actor,
        actor_name=actor.get_username() if actor else "system",
        ip_address=context.get("ip"),
        user_agent=context.get("ua", ""),
        action=action,
        model=model_label,
        object_pk=str(object_pk),
        object_repr=str(object_repr)[:200],
        changes={k: [_plain(a), _plain(b)] for k, (a, b) in (changes or {}).items()},
        previous_hash=previous,
    )
    entry.hash = entry_hash(entry)
    entry.save(force_insert=True)
    return entry


def record_access(user, instance, action: str = AuditAction.VIEW) -> None:
    """A full profile shown, or an export made: reading sensitive data leaves a trace too."""
    record(action, instance._meta.label, instance.pk, str(instance), user=user)


def record_export(user, what: str, count: int | None = None, params=None, instance=None, model=None):
    """One export (a file, a printed list, a report) leaves an entry: who, what, how many records and with
    which filters. With `instance` (a cadre's CV, a unit's report) the entry joins that record's history;
    with `model` (a list of evaluations) it is filed under that model.

    `what` names the export (e.g. "cadres.xlsx"); `params` is a dict or a QueryDict of the filters used."""
    if hasattr(params, "lists"):  # a QueryDict keeps every value of a repeated filter
        params = {key: values if len(values) > 1 else values[0] for key, values in params.lists()}
    details = {"what": what, "count": count, "params": {str(k): v for k, v in (params or {}).items()}}
    if instance is not None:
        model, pk = instance._meta.label, instance.pk
    else:
        model, pk = (model._meta.label if model is not None else "export"), ""
    label = what if count is None else f"{what} ({count})"
    if instance is not None:
        label = f"{label}: {instance}"
    return record(
        AuditAction.EXPORT,
        model,
        pk,
        label,
        changes={name: (None, value) for name, value in details.items()},
        user=user,
    )


def verify(batch: int = 5000, using: str = "default"):
    """Walk the chain; return (number of entries checked, None) or (number checked, the first problem)."""
    expected_sequence, previous, checked = 1, GENESIS, 0
    last = 0
    while True:
        entries = list(AuditEntry.objects.using(using).filter(sequence__gt=last).order_by("sequence")[:batch])
        if not entries:
            return checked, None
        for entry in entries:
            if entry.sequence != expected_sequence:
                return checked, (entry, f"entry #{expected_sequence} is missing (removed)")
            if entry.previous_hash != previous:
                return checked, (entry, "its link to the previous entry does not match")
            if entry_hash(entry) != entry.hash:
                return checked, (entry, "its content does not match its hash (edited)")
            previous, expected_sequence, checked = entry.hash, expected_sequence + 1, checked + 1
        last = entries[-1].sequence


def chain_head(using: str = "default") -> tuple[int, str]:
    """The last entry's sequence and hash (0 and the genesis hash for an empty trail)."""
    last = AuditEntry.objects.using(using).order_by("-sequence").values_list("sequence", "hash").first()
    return last or (0, GENESIS)


def record_as_of(model_label: str, object_pk, moment: dt.datetime) -> dict:
    """The record's audited field values as they stood at `moment`, rebuilt from its entries."""
    values: dict = {}
    entries = AuditEntry.objects.filter(
        model=model_label,
        object_pk=str(object_pk),
        created_at__lte=moment,
        action__in=[AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE],
    ).order_by("sequence")
    for entry in entries:
        if entry.action == AuditAction.DELETE:
            return {}
        for field, (_before, after) in entry.changes.items():
            values[field] = after
    return values
