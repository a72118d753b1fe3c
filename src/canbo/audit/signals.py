"""Every save and delete of every Canbo model becomes an audit entry, without each model opting in."""

from django.db.models.signals import post_delete, post_init, post_save

from . import services
from .models import AuditAction, AuditEntry

SKIPPED_FIELDS = {"search_text", "sort_key", "updated_at", "created_at", "version"}


def audited(model) -> bool:
    return model.__module__.startswith("canbo.") and model is not AuditEntry and not model._meta.abstract


def _values(instance) -> dict:
    values = {}
    # A model may keep a field out of the trail (a secret that the trail's readers must not learn).
    skipped = SKIPPED_FIELDS.union(getattr(instance, "audit_skipped_fields", ()))
    for field in instance._meta.concrete_fields:
        if field.name in skipped or field.primary_key:
            continue
        values[field.attname] = field.value_from_object(instance)
    return values


def _remember(sender, instance, **kwargs):
    # Values as loaded, to tell later what a save changed without reading the row again. A shallow copy of
    # the instance's attributes costs next to nothing on lists of hundreds of rows that are never saved.
    if instance.pk is not None and audited(sender):
        instance._audit_loaded = instance.__dict__.copy()


def _saved(sender, instance, created, raw=False, **kwargs):
    if raw or not audited(sender) or not services.is_enabled():
        return
    now = _values(instance)
    if created:
        changes = {k: (None, v) for k, v in now.items() if v not in (None, "")}
        services.record(AuditAction.CREATE, sender._meta.label, instance.pk, str(instance), changes)
    else:
        before = getattr(instance, "_audit_loaded", {})
        changes = {k: (before.get(k), v) for k, v in now.items() if before.get(k) != v}
        if changes:
            services.record(AuditAction.UPDATE, sender._meta.label, instance.pk, str(instance), changes)
    instance._audit_loaded = instance.__dict__.copy()


def _deleted(sender, instance, **kwargs):
    if audited(sender) and services.is_enabled():
        changes = {k: (v, None) for k, v in _values(instance).items() if v not in (None, "")}
        services.record(AuditAction.DELETE, sender._meta.label, instance.pk, str(instance), changes)


def connect():
    post_init.connect(_remember, dispatch_uid="canbo-audit-init")
    post_save.connect(_saved, dispatch_uid="canbo-audit-save")
    post_delete.connect(_deleted, dispatch_uid="canbo-audit-delete")
