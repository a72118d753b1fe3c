"""Large exports run by the task worker (`canbo db_worker`), writing their progress as they go."""

import io
from types import SimpleNamespace

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from canbo.people.filtersets import CadreFilterSet
from canbo.people.models import Degree, Gender, PoliticalTheory
from canbo.people.selectors import cadre_list_queryset

from . import services
from .exports import literal_row
from .models import ExportJob

# Rows written between two progress updates.
PROGRESS_EVERY = 1000


def background_threshold() -> int:
    """Lists longer than this are exported in the background."""
    return getattr(settings, "CANBO_EXPORT_BACKGROUND_ROWS", 5000)


def filtered_cadres(user, query: QueryDict):
    """The cadre list page's rows for these filters, within the user's scope."""
    request = SimpleNamespace(user=user)
    return CadreFilterSet(query, queryset=cadre_list_queryset(user), request=request).qs


def cadre_headers() -> list[str]:
    return [
        _("Code"),
        _("Full name"),
        _("Gender"),
        _("Date of birth"),
        _("Ethnicity"),
        _("Highest professional degree"),
        _("Political theory"),
        _("Current post"),
        _("Unit"),
        _("Managed by"),
    ]


def cadres_xlsx(cadres, progress=None) -> bytes:
    """The cadres as a workbook written row by row (write-only: memory stays flat for 100,000 rows)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Cadres")[:31])
    for column, width in zip("ABCDEFGHIJ", (12, 28, 8, 12, 12, 16, 14, 36, 36, 30), strict=True):
        sheet.column_dimensions[column].width = width
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    header = []
    for text in cadre_headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = header_font, header_fill
        header.append(cell)
    sheet.append(header)
    # Labels translated once, not once a row: a lazy label costs a catalog lookup each time it is read.
    genders, degrees, theories = (
        {key: str(label) for key, label in choices.choices} for choices in (Gender, Degree, PoliticalTheory)
    )
    rows = cadres.values_list(
        "code",
        "full_name",
        "gender",
        "birth_date",
        "ethnicity__name",
        "education",
        "political_theory",
        "current_position__title__name",
        "current_position__unit__name",
        "managed_by__name",
    )
    for n, row in enumerate(rows.iterator(chunk_size=2000), start=1):
        code, name, gender, born, ethnicity, degree, theory, title, unit, manager = row
        sheet.append(
            literal_row(
                sheet,
                [
                    code,
                    name,
                    genders.get(gender, gender),
                    born,
                    ethnicity,
                    degrees.get(degree, degree),
                    theories.get(theory, theory),
                    title or "",
                    unit or "",
                    manager,
                ],
            )
        )
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@task()
def export_cadres(job_id: int) -> None:
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    try:
        cadres = filtered_cadres(job.user, QueryDict(job.query))
        ExportJob.objects.filter(pk=job.pk).update(total=cadres.order_by().count())
        content = cadres_xlsx(cadres, lambda done: services.export_job_progress(job, done))
        job.refresh_from_db()
        services.record_export_list(job.user, cadres, job.query)
        services.export_job_finish(job, f"can-bo-{timezone.localdate():%Y%m%d}-{job.pk}.xlsx", content)
    except Exception:
        services.export_job_fail(job)
        raise
