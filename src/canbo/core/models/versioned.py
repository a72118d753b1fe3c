from django.db import models
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    """A record edited by people: its version number lets a save detect that someone else saved in between."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class ConcurrentEdit(Exception):
    """Someone saved the record after the editor loaded it; `current` is the record as it now stands."""

    def __init__(self, current):
        super().__init__(f"{current._meta.label} {current.pk} changed since it was loaded")
        self.current = current


def claim_version(instance: Versioned, expected: int | None) -> None:
    """Move the stored version from `expected` to the next one, or raise ConcurrentEdit.

    The conditional UPDATE is atomic and locks the row until the transaction ends, so of two concurrent saves
    exactly one succeeds. `expected=None` (imports, services acting on fresh rows) skips the check.
    """
    if expected is None:
        instance.version = (instance.version or 0) + 1
        return
    model = type(instance)
    if not model._default_manager.filter(pk=instance.pk, version=expected).update(version=expected + 1):
        raise ConcurrentEdit(model._default_manager.get(pk=instance.pk))
    instance.version = expected + 1
