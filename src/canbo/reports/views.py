"""Report pages, their Excel and PDF exports (`?format=xlsx|pdf`), the people behind every number, the CV
as form 2C in PDF, and the cadre list exported with its filters (large lists in the background)."""

from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from canbo.accounts.selectors import can_on
from canbo.audit.services import record_export
from canbo.core.views.generic import ObjectListView, is_htmx
from canbo.people.models import Cadre
from canbo.people.selectors import cadre_profile_queryset
from canbo.people.tables import CadreTable

from . import dashboard, documents, exports, selectors, services, tasks
from .forms import FlowsForm, IndicatorsForm, StructureForm
from .models import ExportJob, ExportStatus
from .selectors import Population

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def attachment(content: bytes, name: str, kind: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


class ReportView(View):
    """A report from the query string: the page, or with `format=xlsx|pdf` the same report as a file."""

    form_class = None
    template_name = ""
    name = ""

    def report(self, request, params) -> tuple[dict, documents.Document]:
        raise NotImplementedError

    def get(self, request):
        form = self.form_class(request.GET, user=request.user)
        context = {"form": form, "query": request.GET.urlencode()}
        if not form.is_valid() and "unit" in form.errors and request.GET.get("unit"):
            # A unit outside the user's scope is answered like any object out of scope.
            raise Http404
        if form.is_valid():
            params = form.cleaned_data
            data, document = self.report(request, params)
            kind = request.GET.get("format")
            if kind in CONTENT_TYPES:
                record_export(
                    request.user, f"{self.name}.{kind}", params=request.GET, instance=params["unit"]
                )
                content = exports.to_xlsx(document) if kind == "xlsx" else exports.to_pdf(document)
                return attachment(content, f"{self.name}-{params['unit'].code}", kind)
            context.update(params=params, data=data, document=document, **self.extra(request, params, data))
        return render(request, self.template_name, context)

    def extra(self, request, params, data) -> dict:
        return {}


class StructureView(ReportView):
    form_class = StructureForm
    template_name = "reports/structure.html"
    name = "structure"

    def report(self, request, params):
        population = Population(params["scope"], params["unit"], params["as_of"])
        data = selectors.structure(request.user, population, params["young_under"])
        return data, documents.structure_document(data)

    def extra(self, request, params, data):
        return {"rows": dashboard.structure_rows(data, params)}


class FlowsView(ReportView):
    form_class = FlowsForm
    template_name = "reports/flows.html"
    name = "flows"

    def report(self, request, params):
        data = selectors.movements(request.user, params["unit"], params["start"], params["end"])
        return data, documents.movements_document(data)

    def extra(self, request, params, data):
        return {"directions": dashboard.movement_rows(data, params)}


class DashboardView(ReportView):
    form_class = IndicatorsForm
    template_name = "reports/dashboard.html"
    name = "indicators"

    def report(self, request, params):
        data = selectors.indicators(request.user, params["unit"], params["as_of"])
        return data, documents.indicators_document(params["unit"].name, params["as_of"].isoformat(), data)

    def extra(self, request, params, data):
        return dashboard.dashboard_context(request.user, params, data, request.GET)


class PeopleView(ObjectListView):
    """The cadres behind one number of a report, within the user's scope."""

    queryset = Cadre.objects.all()
    table = CadreTable
    template_name = "reports/people.html"

    def get_queryset(self, request):
        found = dashboard.people_behind(request.user, request.GET)
        self.heading = found.heading
        return found.cadres.select_related("ethnicity", "current_position__title", "current_position__unit")

    def get_extra_context(self, request):
        return {"title": self.heading, "back": request.GET.get("back", "")}


class CadreCvView(View):
    """The CV as form 2C, in PDF; what viewers may not see stays hidden, as on the page."""

    def get(self, request, pk):
        cadre = get_object_or_404(cadre_profile_queryset(request.user), pk=pk)
        record_export(request.user, "cv-2c.pdf", instance=cadre)
        context = {
            "object": cadre,
            "assignments": list(cadre.assignments.all()),
            "sensitive": can_on(request.user, "view_sensitive", cadre),
            "today": timezone.localdate(),
        }
        content = exports.html_to_pdf(render(request, "reports/cv_2c.pdf.html", context).content.decode())
        return attachment(content, f"so-yeu-ly-lich-{cadre.code}", "pdf")


class CadreExportView(View):
    """The cadre list with the filters of the list page: a page saying what will be exported, then the
    file at once, or for a large list an export in the background."""

    def get(self, request):
        count = (
            tasks.filtered_cadres(request.user, request.GET)
            .order_by()[: tasks.background_threshold() + 1]
            .count()
        )
        context = {
            "count": count,
            "background": count > tasks.background_threshold(),
            "query": request.GET.urlencode(),
            "title": _("Export cadres to Excel"),
        }
        return render(request, "reports/cadre_export.html", context)

    def post(self, request):
        query = request.POST.get("query", "")
        cadres = tasks.filtered_cadres(request.user, QueryDict(query))
        count = cadres.order_by()[: tasks.background_threshold() + 1].count()
        if count > tasks.background_threshold():
            job = services.export_job_create(user=request.user, kind="cadres", query=query, total=0)
            tasks.export_cadres.enqueue(job.pk)
            return redirect("reports:exports")
        services.record_export_list(request.user, cadres, query)
        return attachment(tasks.cadres_xlsx(cadres), "can-bo", "xlsx")


class ExportListView(View):
    """The user's background exports with their progress; `?download=ID` serves a finished one."""

    def get(self, request):
        jobs = ExportJob.objects.filter(user=request.user)
        download = request.GET.get("download", "")
        if download:
            job = get_object_or_404(jobs, pk=download if download.isdigit() else 0, status=ExportStatus.DONE)
            if not job.file:
                raise Http404
            return attachment(job.file.read(), f"can-bo-{job.pk}", "xlsx")
        jobs = list(jobs[:20])
        pending = any(job.status in (ExportStatus.QUEUED, ExportStatus.RUNNING) for job in jobs)
        context = {"jobs": jobs, "pending": pending, "title": _("Exports")}
        template = "reports/partials/exports.html" if is_htmx(request) else "reports/exports.html"
        return render(request, template, context)
