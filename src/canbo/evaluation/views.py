from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from canbo.accounts.selectors import can, can_on
from canbo.core.forms.base import add_service_errors
from canbo.core.views.generic import ObjectEditView, ObjectListView, ObjectView, ScopedMixin, is_htmx
from canbo.evaluation import selectors, services
from canbo.evaluation.conf import params
from canbo.evaluation.filtersets import EvaluationFilterSet
from canbo.evaluation.forms import BoardPeriodForm, EvaluationForm, KpiTaskForm
from canbo.evaluation.models import Disqualification, Evaluation, KpiTask
from canbo.evaluation.models.evaluations import grade_label
from canbo.evaluation.tables import EvaluationTable
from canbo.evaluation.texts import reason_text
from canbo.organizations.models import OrgUnit
from canbo.people.models import Cadre
from canbo.reports.views import attachment


class PeriodListView(View):
    """The years and quarters evaluated in the user's scope, with a board per unit they hold a role over."""

    def get(self, request):
        if not can(request.user, "view"):
            raise PermissionDenied
        evaluations = Evaluation.objects.restrict(request.user)
        context = {
            "title": _("Evaluation periods"),
            "periods": selectors.periods(evaluations),
            "units": selectors.board_units(request.user),
        }
        return render(request, "evaluation/period_list.html", context)


class EvaluationExportView(ScopedMixin, View):
    """The evaluations the list's filters select: a page saying how many, then the spreadsheet, in the
    import's columns."""

    queryset = Evaluation.objects.all()

    def selected(self, request, query: QueryDict):
        if not can(request.user, "view"):
            raise PermissionDenied
        filterset = EvaluationFilterSet(query, queryset=self.get_queryset(request), request=request)
        return filterset.qs.order_by("-year", "quarter", "unit__path", "pk")

    def get(self, request):
        context = {
            "title": _("Export evaluation results to Excel"),
            "count": self.selected(request, request.GET).count(),
            "query": request.GET.urlencode(),
        }
        return render(request, "evaluation/export.html", context)

    def post(self, request):
        query = request.POST.get("query", "")
        evaluations = self.selected(request, QueryDict(query))
        content = services.export(evaluations, query, user=request.user)
        return attachment(content, "danh-gia", "xlsx")


class EvaluationListView(ObjectListView):
    queryset = Evaluation.objects.select_related("unit", "cadre")
    filterset = EvaluationFilterSet
    table = EvaluationTable

    def get_extra_context(self, request):
        return {"can_add": can(request.user, "change")}


def tasks_context(request, evaluation, editing=None, new_form=None) -> dict:
    """What the KPI section shows: the tasks (one of them as a form), the score panel, the add row."""
    tasks = list(evaluation.tasks.all())
    grading = services.grading(evaluation, tasks)
    editable = not evaluation.is_final and can_on(request.user, "change", evaluation)
    return {
        "object": evaluation,
        "tasks": tasks,
        "editing": editing,
        "grading": grading,
        "grade_label": grade_label(grading.grade.value, evaluation.kind) if grading.grade else "",
        "reasons": [reason_text(r) for r in grading.reasons],
        "editable": editable,
        "new_form": new_form if new_form is not None else (KpiTaskForm(prefix="new") if editable else None),
    }


class EvaluationView(ObjectView):
    queryset = Evaluation.objects.select_related("unit", "cadre", "finalized_by")
    template_name = "evaluation/evaluation.html"

    def get_extra_context(self, request, instance):
        events = [Disqualification(e).label for e in instance.disqualifications]
        return {"title": str(instance), "disqualifications": events, **tasks_context(request, instance)}


class EvaluationEditView(ObjectEditView):
    queryset = Evaluation.objects.select_related("unit", "cadre")
    form = EvaluationForm

    def save(self, request, instance, form):
        data = form.model_data()
        if instance is None:
            return services.evaluation_create(**data)
        return services.evaluation_update(instance, **data)


class TaskMixin(ScopedMixin):
    """Writes on KPI tasks answer htmx with the KPI section and anything else with a redirect."""

    action = "change"

    def section(self, request, evaluation, **extra):
        return render(request, "evaluation/partials/tasks.html", tasks_context(request, evaluation, **extra))

    def done(self, request, evaluation):
        if is_htmx(request):
            return self.section(request, evaluation)
        return redirect(evaluation)

    def refused(self, request, evaluation, errors: list[str], **extra):
        """htmx: the section again, the form showing its errors; otherwise the errors as messages."""
        if is_htmx(request):
            return self.section(request, evaluation, **extra)
        for message in errors:
            messages.error(request, message)
        return redirect(evaluation)


def save_form(form, write) -> list[str]:
    """Validate `form` and hand its data to the service `write`; the errors, on the form and listed."""
    if form.is_valid():
        try:
            write(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
    return [str(e) for errors in form.errors.values() for e in errors]


class TaskAddView(TaskMixin, View):
    queryset = Evaluation.objects.all()

    def post(self, request, pk):
        evaluation = get_object_or_404(self.get_queryset(request), pk=pk)
        form = KpiTaskForm(request.POST, prefix="new")
        errors = save_form(form, lambda **data: services.task_add(evaluation, **data))
        if errors:
            return self.refused(request, evaluation, errors, new_form=form)
        return self.done(request, evaluation)


class TaskView(TaskMixin, View):
    """GET: the task's row as a form; POST: save it."""

    queryset = KpiTask.objects.select_related("evaluation")

    def get(self, request, pk):
        task = get_object_or_404(self.get_queryset(request), pk=pk)
        form = KpiTaskForm(instance=task, prefix=f"task-{task.pk}")
        context = {"task": task, "form": form, "object": task.evaluation}
        return render(request, "evaluation/partials/task_form_row.html", context)

    def post(self, request, pk):
        task = get_object_or_404(self.get_queryset(request), pk=pk)
        # The form validates a copy: the service compares with the stored task.
        form = KpiTaskForm(request.POST, instance=KpiTask(), prefix=f"task-{task.pk}")
        errors = save_form(form, lambda **data: services.task_update(task, **data))
        if errors:
            return self.refused(request, task.evaluation, errors, editing=(task.pk, form))
        return self.done(request, task.evaluation)


class TaskDeleteView(TaskMixin, View):
    queryset = KpiTask.objects.select_related("evaluation")

    def post(self, request, pk):
        task = get_object_or_404(self.get_queryset(request), pk=pk)
        try:
            evaluation = services.task_delete(task)
        except ValidationError as error:
            return self.refused(request, task.evaluation, error.messages)
        return self.done(request, evaluation)


def _period(request) -> int | None:
    form = BoardPeriodForm(request.GET or None)
    return form.cleaned_data["quarter"] if form.is_valid() else None


class BoardView(ObjectView):
    """A unit's evaluation board for a year (or a quarter): levels, quota per unit and task group, party
    shares, and the finalize action for approvers."""

    queryset = OrgUnit.objects.all()
    template_name = "evaluation/board.html"

    def get_extra_context(self, request, instance):
        year = self.kwargs["year"]
        quarter = _period(request)
        found = selectors.board(instance, year, quarter, Evaluation.objects.restrict(request.user))
        return {
            "title": _("Evaluation board"),
            "board": found,
            "period_form": BoardPeriodForm(initial={"quarter": quarter}),
            "can_finalize": can_on(request.user, "approve", instance),
            "quota_share": f"{params().excellent_quota_share:.0%}",
            "party_shares": [
                (_("Party cells clean and strong"), found.party_cells),
                (_("Party members completing tasks well or better"), found.party_members),
            ],
            "years": [year - 1, year + 1],
        }


class BoardFinalizeView(ScopedMixin, View):
    queryset = OrgUnit.objects.all()
    action = "approve"

    def post(self, request, pk, year):
        unit = get_object_or_404(self.get_queryset(request), pk=pk)
        quarter = _period(request)
        try:
            count = services.finalize(
                unit=unit,
                year=year,
                quarter=quarter,
                user=request.user,
                evaluations=Evaluation.objects.restrict(request.user, "approve"),
            )
        except ValidationError as error:
            messages.error(request, _("Not finalized:") + " " + " ".join(error.messages))
        else:
            messages.success(request, _("%(count)s evaluations finalized.") % {"count": count})
        url = reverse("evaluation:board", args=[unit.pk, year])
        return redirect(url + (f"?quarter={quarter}" if quarter else ""))


class DismissalListView(View):
    """Cadres rated "not completed" two years running: due for dismissal from their post."""

    def get(self, request):
        if not can(request.user, "view"):
            raise PermissionDenied
        flags = selectors.dismissal_flags(
            Evaluation.objects.restrict(request.user), Cadre.objects.restrict(request.user)
        )
        return render(
            request, "evaluation/dismissal_list.html", {"title": _("Flagged for dismissal"), "flags": flags}
        )
