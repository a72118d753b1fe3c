from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed in full")
    EXPORT = "export", _("Exported")
    BULK = "bulk", _("Bulk load")


class AuditEntry(models.Model):
    """One change or sensitive read, chained to the one before by a hash so that no entry can be edited or
    removed unnoticed. Rows are only ever inserted (the database refuses updates; see the migration)."""

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    created_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    actor_name = models.CharField(_("user name"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=8, choices=AuditAction.choices)
    model = models.CharField(_("record type"), max_length=100, db_index=True)
    object_pk = models.CharField(_("record id"), max_length=64, db_index=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-sequence"]
        indexes = [models.Index(fields=["model", "object_pk", "sequence"])]

    def __str__(self):
        return f"#{self.sequence} {self.action} {self.model} {self.object_pk}"
