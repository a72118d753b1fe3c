from django.apps import apps
from django.http import Http404

from .models import AuditEntry


def audited_object(user, model_label: str, pk):
    """The record, if it exists and lies in the user's scope; otherwise 404, as for the record's own page."""
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError) as exc:
        raise Http404 from exc
    manager = model._default_manager
    if hasattr(manager, "restrict"):
        queryset = manager.restrict(user)
    else:  # records with no unit to scope them by: system administrators only
        queryset = manager.all() if user.is_superuser else manager.none()
    instance = queryset.filter(pk=pk).first()
    if instance is None:
        raise Http404
    return instance


def history(model_label: str, pk):
    return AuditEntry.objects.filter(model=model_label, object_pk=str(pk)).select_related("actor")
