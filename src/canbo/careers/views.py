from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from canbo.accounts.selectors import can
from canbo.careers import due, selectors, services
from canbo.careers.filtersets import AssignmentFilterSet, PersonnelActionFilterSet
from canbo.careers.forms import ApproveForm, DueListsForm, PersonnelActionForm, RejectForm, SubmitForm
from canbo.careers.models import ActionStatus, Assignment, PersonnelAction
from canbo.careers.tables import AssignmentTable, PersonnelActionTable
from canbo.core.forms.base import add_service_errors
from canbo.core.views.generic import ObjectEditView, ObjectListView, ObjectView
from canbo.people.models import Cadre
from canbo.rules.reports import language


class AssignmentListView(ObjectListView):
    queryset = Assignment.objects.select_related("cadre", "position__title", "position__unit", "decision")
    filterset = AssignmentFilterSet
    table = AssignmentTable


# Proposals carry rule facts about family and discipline: those who prepare or decide actions see them.
ACTIONS_SCOPE = "organize"
# Rows of each due list on a page, and the lists that are paged.
DUE_LIST_ROWS = 100
PAGED_DUE_LISTS = ("heads_due", "rotations_ending", "terms_ending", "vacant", "acting", "local_heads")


class PersonnelActionListView(ObjectListView):
    queryset = PersonnelAction.objects.select_related("cadre", "unit", "title", "last_check")
    filterset = PersonnelActionFilterSet
    table = PersonnelActionTable
    template_name = "careers/action_list.html"
    action = ACTIONS_SCOPE


class PersonnelActionView(ObjectView):
    queryset = PersonnelAction.objects.select_related(
        "cadre", "unit", "title", "position", "last_check", "decision", "drafted_by", "decided_by"
    )
    template_name = "careers/action.html"
    action = ACTIONS_SCOPE

    def get_extra_context(self, request, instance, submit_form=None, approve_form=None, reject_form=None):
        lang = language()
        return {
            "title": str(instance),
            **selectors.action_review(instance, request.user, lang),
            "submit_form": submit_form
            or SubmitForm(rules=services.overridable(instance), language=lang, initial=_initial(instance)),
            "approve_form": approve_form or ApproveForm(user=request.user),
            "reject_form": reject_form or RejectForm(),
        }


def _initial(action: PersonnelAction) -> dict:
    return {f"justify_{code}": text for code, text in action.justifications.items()}


class PersonnelActionEditView(ObjectEditView):
    queryset = PersonnelAction.objects.select_related("cadre")
    form = PersonnelActionForm
    template_name = "careers/action_edit.html"
    action = ACTIONS_SCOPE

    def get_form(self, request, instance, data=None, files=None):
        form = super().get_form(request, instance, data, files)
        if instance is None and data is None:
            # Links from a cadre's page, the due lists and eligibility searches start the form filled in.
            initial = form.prefill(request.GET)
            cadre = Cadre.objects.restrict(request.user, ACTIONS_SCOPE).filter(pk=initial.pop("cadre", 0))
            form.fields["cadre_code"].initial = cadre.values_list("code", flat=True).first()
            form.initial.update(initial)
        return form

    def get_queryset(self, request):
        # Once submitted, a proposal is decided as it stands; to change it, withdraw it and draft again.
        return super().get_queryset(request).filter(status=ActionStatus.DRAFT)

    def save(self, request, instance, form):
        data = {k: v for k, v in form.model_data().items() if k != "cadre_code"}
        if instance is None:
            return services.action_draft(user=request.user, cadre=form.cadre, **data)
        return services.action_update(instance, user=request.user, **data)


class ActionStepView(View):
    """A POST that moves an action along (submit, withdraw, approve, reject); errors show on its page."""

    scope = ACTIONS_SCOPE

    def post(self, request, pk):
        action = get_object_or_404(PersonnelAction.objects.restrict(request.user, self.scope), pk=pk)
        form = self.get_form(request, action)
        if form is None or form.is_valid():
            try:
                self.step(request, action, form)
            except ValidationError as exc:
                if form is None:
                    for message in exc.messages:
                        messages.error(request, message)
                    return redirect(action)
                add_service_errors(form, exc)
            else:
                messages.success(request, self.done_message)
                return redirect(action)
        view = PersonnelActionView()
        context = {"object": action, **view.get_extra_context(request, action, **{self.form_name: form})}
        return render(request, view.template_name, context, status=422)


class SubmitActionView(ActionStepView):
    form_name = "submit_form"
    done_message = _("Sent for decision.")

    def get_form(self, request, action):
        return SubmitForm(request.POST, rules=services.overridable(action), language=language())

    def step(self, request, action, form):
        services.action_submit(action, user=request.user, justifications=form.justifications())


class WithdrawActionView(ActionStepView):
    done_message = _("Withdrawn.")

    def get_form(self, request, action):
        return None

    def step(self, request, action, form):
        services.action_withdraw(action, user=request.user)


class ApproveActionView(ActionStepView):
    scope = "approve"
    form_name = "approve_form"
    done_message = _("Approved: work history is updated.")

    def get_form(self, request, action):
        return ApproveForm(request.POST, request.FILES, user=request.user)

    def step(self, request, action, form):
        services.action_approve(action, user=request.user, **form.cleaned_data)


class RejectActionView(ActionStepView):
    scope = "approve"
    form_name = "reject_form"
    done_message = _("Rejected; the proposal stays on record.")

    def get_form(self, request, action):
        return RejectForm(request.POST)

    def step(self, request, action, form):
        services.action_reject(action, user=request.user, reason=form.cleaned_data["reason"])


class DueListsView(View):
    """What a body must act on soon: heads at two terms, rotations and terms ending, retirements, vacant
    posts and acting heads, local secretaries and chairmen."""

    def get(self, request):
        if not can(request.user, ACTIONS_SCOPE):
            raise PermissionDenied
        form = DueListsForm(request.GET or None, user=request.user)
        context = {"form": form, "title": _("Due lists")}
        if form.is_bound and not form.is_valid():
            return render(request, "careers/due.html", context, status=422)
        body = form.chosen_body()
        if body is None:
            raise Http404
        day = (form.cleaned_data.get("as_of") if form.is_bound else None) or timezone.localdate()
        lists = due.due_lists(body, day)
        context.update(body=body, day=day, pages=self.pages(request, lists), **lists)
        return render(request, "careers/due.html", context)

    @staticmethod
    def pages(request, lists: dict) -> dict:
        """A page of each long list: a city's heads due ran to thousands of rows. `section` and `page` in the
        query choose the page of one list; the others show their first."""
        chosen, number = request.GET.get("section"), request.GET.get("page")

        def page(key, items):
            return Paginator(items, DUE_LIST_ROWS).get_page(number if key == chosen else 1)

        pages = {key: page(key, lists[key]) for key in PAGED_DUE_LISTS}
        pages["retiring"] = [
            (months, f"retiring_{months}", f"due-retiring-{months}", page(f"retiring_{months}", items))
            for months, items in lists["retiring"].items()
        ]
        return pages
