"""Writes of the reports app: structure targets, the audit record of list exports, and large exports run in
the background with their progress."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from canbo.audit.services import record_export

from .models import ExportJob, ExportStatus, Indicator, StructureTarget


def record_export_list(user, cadres, query: str) -> None:
    """A list export names its filters and how many cadres it held."""
    what = f"cadres.xlsx?{query}" if query else "cadres.xlsx"
    record_export(user, what, cadres.order_by().count(), QueryDict(query), model=cadres.model)


@transaction.atomic
def structure_target_set(
    *, unit, indicator: str, percent, effective_from: dt.date, source: str = ""
) -> StructureTarget:
    """Set a body's target share from a date on (replacing a target set for the same day)."""
    if indicator not in Indicator.values:
        raise ValidationError({"indicator": _("Unknown indicator.")})
    if not 0 <= float(percent) <= 100:
        raise ValidationError({"percent": _("A target is a share from 0 to 100%.")})
    target, _created = StructureTarget.objects.update_or_create(
        unit=unit,
        indicator=indicator,
        effective_from=effective_from,
        defaults={"percent": percent, "source": source},
    )
    return target


def export_job_create(*, user, kind: str, query: str, total: int) -> ExportJob:
    return ExportJob.objects.create(user=user, kind=kind, query=query, total=total)


def export_job_progress(job: ExportJob, done: int) -> None:
    # An update without signals: progress ticks are not changes worth an audit entry each.
    ExportJob.objects.filter(pk=job.pk).update(done=done, status=ExportStatus.RUNNING)


def export_job_finish(job: ExportJob, name: str, content: bytes) -> None:
    job.file.save(name, ContentFile(content), save=False)
    ExportJob.objects.filter(pk=job.pk).update(file=job.file.name, done=job.total, status=ExportStatus.DONE)


def export_job_fail(job: ExportJob) -> None:
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED)
