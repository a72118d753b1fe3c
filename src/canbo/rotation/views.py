from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from canbo.accounts.selectors import can_on
from canbo.audit.services import record_export
from canbo.core.views.generic import ObjectEditView, ObjectListView, ObjectView
from canbo.reports import exports as writers
from canbo.reports.views import attachment

from . import exports, services
from .filtersets import RotationRoundFilterSet
from .forms import ApproveForm, HandPlanForm, MoveEditForm, PinForm, PreferenceForm, RotationRoundForm
from .models import PlanKind, RotationRound, RoundStatus
from .selectors import body_positions, edit_check, plan_structure, round_margins, round_positions
from .tables import RotationRoundTable

# Preparing a round reads family and discipline through the rules: those who prepare actions do it.
ORGANIZE = "organize"
ROUNDS = RotationRound.objects.select_related("body", "parent")
STRUCTURE_ROWS = (
    ("women", _("Women")),
    ("young", _("Young cadres")),
    ("ethnic_minority", _("Ethnic minorities")),
    ("non_local", _("Non-local secretaries and chairmen")),
)


class RoundListView(ObjectListView):
    queryset = ROUNDS
    filterset = RotationRoundFilterSet
    table = RotationRoundTable
    template_name = "rotation/round_list.html"


class RoundView(ObjectView):
    queryset = ROUNDS
    template_name = "rotation/round.html"

    def get_extra_context(self, request, instance) -> dict:
        organize = can_on(request.user, ORGANIZE, instance)
        moves = instance.moves.select_related(
            "cadre", "position__unit", "position__title", "action__decision"
        )
        return {
            "title": str(instance),
            "can_organize": organize,
            "can_approve": can_on(request.user, "approve", instance),
            "plan": [m for m in moves if m.plan == PlanKind.OPTIMIZER],
            "hand": [m for m in moves if m.plan == PlanKind.HAND],
            "pins": instance.pins.select_related("cadre", "position__unit", "position__title"),
            "preferences": instance.preferences.select_related("cadre", "unit"),
            "scenarios": ROUNDS.restrict(request.user).filter(parent=instance),
            "pin_form": PinForm(positions=_key_positions(instance), user=request.user) if organize else None,
            "preference_form": PreferenceForm(user=request.user) if organize else None,
            "hand_form": HandPlanForm() if organize else None,
            "approve_form": ApproveForm(initial={"decision_date": instance.date}),
            "edit_form": MoveEditForm(positions=round_positions(instance), user=request.user)
            if organize and instance.status == RoundStatus.SOLVED
            else None,
        }


def _key_positions(rnd: RotationRound):
    return (
        body_positions(rnd).filter(title__is_key=True).select_related("unit", "title").order_by("unit__path")
    )


class RoundEditView(ObjectEditView):
    queryset = ROUNDS
    form = RotationRoundForm
    action = ORGANIZE

    def save(self, request, instance, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k in form._meta.fields and k != "positions"}
        return services.round_save(
            instance,
            user=request.user,
            positions=form.cleaned_data["positions"],
            candidates=form.cleaned_data["candidate_codes"],
            weights=form.weights(),
            **fields,
        )


class RoundProgressView(View):
    """The progress of a solve, polled by the round's page; once it ends the page reloads with the plan."""

    def get(self, request, pk):
        rnd = get_object_or_404(RotationRound.objects.restrict(request.user), pk=pk)
        response = render(request, "rotation/partials/progress.html", {"object": rnd})
        if not rnd.running and request.GET.get("running"):
            response["HX-Refresh"] = "true"
        return response


class RoundStepView(View):
    """A POST on a round (solve, copy, approve, pins, hand-made plan); errors come back as messages."""

    scope = ORGANIZE
    done_message = ""

    def post(self, request, pk):
        rnd = get_object_or_404(RotationRound.objects.restrict(request.user, self.scope), pk=pk)
        try:
            target = self.step(request, rnd)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(rnd)
        if self.done_message:
            messages.success(request, self.done_message)
        return redirect(target or rnd)

    def step(self, request, rnd):
        raise NotImplementedError


def _valid(form):
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    return form.cleaned_data


class SolveView(RoundStepView):
    done_message = _("The round is being solved.")

    def step(self, request, rnd):
        services.round_solve_start(rnd)


class CopyView(RoundStepView):
    done_message = _("Scenario copied: change its weights, targets or pins and solve it.")

    def step(self, request, rnd):
        return services.round_copy(rnd, user=request.user)


class ApproveView(RoundStepView):
    scope = "approve"
    done_message = _("Approved: the moves are in the work history.")

    def step(self, request, rnd):
        data = _valid(ApproveForm(request.POST))
        services.round_approve(
            rnd,
            user=request.user,
            number=data["number"],
            decision_date=data["decision_date"],
            justification=data["justification"],
        )


class PinAddView(RoundStepView):
    done_message = _("Pin saved; solve the round again to apply it.")

    def step(self, request, rnd):
        data = _valid(PinForm(request.POST, positions=_key_positions(rnd), user=request.user))
        services.pin_add(rnd, kind=data["kind"], position=data["position"], cadre=data["cadre_code"])


class PinRemoveView(RoundStepView):
    done_message = _("Pin removed.")

    def step(self, request, rnd):
        pin_id = request.POST.get("pin", "")
        pin = rnd.pins.filter(pk=int(pin_id)).first() if pin_id.isdigit() else None
        if pin is None:
            raise ValidationError(_("There is no such pin in this round."))
        services.pin_remove(pin)


def _edit_data(data, request, rnd) -> dict:
    data = _valid(MoveEditForm(data, positions=round_positions(rnd), user=request.user))
    return {
        "kind": data["kind"],
        "position": data["position"],
        "cadre": data["cadre_code"],
        "other": data["other"],
    }


class MoveCheckView(View):
    """A hand edit re-checked as it is typed (htmx): what it breaks and mends, before it is saved. A GET:
    checking changes nothing."""

    def get(self, request, pk):
        rnd = get_object_or_404(RotationRound.objects.restrict(request.user, ORGANIZE), pk=pk)
        context = {"object": rnd}
        try:
            context["check"] = edit_check(rnd, **_edit_data(request.GET, request, rnd))[1]
        except ValidationError as exc:
            context["errors"] = exc.messages
        return render(request, "rotation/partials/edit_check.html", context)


class MoveEditView(RoundStepView):
    done_message = _("Proposal changed.")

    def step(self, request, rnd):
        services.proposal_edit(rnd, **_edit_data(request.POST, request, rnd))


class PreferenceAddView(RoundStepView):
    done_message = _("Preference saved.")

    def step(self, request, rnd):
        data = _valid(PreferenceForm(request.POST, user=request.user))
        services.preference_add(rnd, cadre=data["cadre_code"], unit=data["unit"])


class HandPlanView(RoundStepView):
    done_message = _("Hand-made plan checked.")

    def step(self, request, rnd):
        data = _valid(HandPlanForm(request.POST, request.FILES))
        services.hand_plan_set(rnd, data["text"])


class ExportView(View):
    """The proposal as an Excel workbook or an A4 PDF for the Standing Committee; every export is audited."""

    def get(self, request, pk, kind):
        rnd = get_object_or_404(RotationRound.objects.restrict(request.user), pk=pk)
        if kind not in exports.KINDS:
            raise Http404
        document = exports.plan_document(rnd, kind)
        content = writers.to_xlsx(document) if kind == "xlsx" else writers.to_pdf(document)
        record_export(
            request.user,
            f"rotation-plan.{kind}",
            rnd.moves.filter(plan=PlanKind.OPTIMIZER).count(),
            instance=rnd,
        )
        return attachment(content, f"luan-chuyen-{rnd.pk}", kind)


class CompareView(View):
    """Scenarios side by side: score, rule margins, and the structure of the key posts' holders before and
    after each plan."""

    def get(self, request):
        ids = [int(i) for i in request.GET.getlist("ids") if i.isdigit()]
        rounds = list(ROUNDS.restrict(request.user).filter(pk__in=ids).order_by("pk"))
        columns = [
            {
                "round": r,
                "structure": plan_structure(r) if r.result else None,
                "margins": round_margins(r),
            }
            for r in rounds
        ]
        return render(
            request,
            "rotation/compare.html",
            {"columns": columns, "title": _("Compare scenarios"), "structure_rows": STRUCTURE_ROWS},
        )
