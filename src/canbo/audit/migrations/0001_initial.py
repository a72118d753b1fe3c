import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from canbo.core.migration_ops import VendorSQL

# The table takes inserts only. PostgreSQL refuses UPDATE and DELETE outright; SQLite refuses UPDATE (its
# test databases are emptied with DELETE, so a removed row is left to `canbo audit verify` to find).
PG_GUARD = """
CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
PG_UNGUARD = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""
SQLITE_GUARD = """
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_auditentry
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""
SQLITE_UNGUARD = "DROP TRIGGER IF EXISTS audit_entry_append_only;"


class Migration(migrations.Migration):
    initial = True

    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="AuditEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sequence", models.PositiveBigIntegerField(unique=True, verbose_name="sequence")),
                ("created_at", models.DateTimeField(db_index=True, verbose_name="time")),
                ("actor_name", models.CharField(blank=True, max_length=150, verbose_name="user name")),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address")),
                ("user_agent", models.CharField(blank=True, max_length=300, verbose_name="browser")),
                ("action", models.CharField(choices=[("create", "Created"), ("update", "Changed"), ("delete", "Deleted"), ("view", "Viewed in full"), ("export", "Exported"), ("bulk", "Bulk load")], max_length=8, verbose_name="action")),
                ("model", models.CharField(db_index=True, max_length=100, verbose_name="record type")),
                ("object_pk", models.CharField(db_index=True, max_length=64, verbose_name="record id")),
                ("object_repr", models.CharField(blank=True, max_length=200, verbose_name="record")),
                ("changes", models.JSONField(default=dict, verbose_name="changes")),
                ("previous_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64)),
                ("actor", models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="user")),
            ],
            options={
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
                "ordering": ["-sequence"],
                "indexes": [models.Index(fields=["model", "object_pk", "sequence"], name="audit_audit_model_12a8e4_idx")],
            },
        ),
        VendorSQL("postgresql", PG_GUARD, PG_UNGUARD),
        VendorSQL("sqlite", SQLITE_GUARD, SQLITE_UNGUARD),
    ]
