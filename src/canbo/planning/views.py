from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from canbo.accounts.selectors import can, can_on
from canbo.audit.services import record_export
from canbo.core.views.generic import ObjectEditView, ObjectListView, ObjectView, ScopedMixin
from canbo.organizations.models import OrgUnit
from canbo.people.models import Cadre
from canbo.reports.views import attachment

from . import importing, selectors, services
from .filtersets import CourseFilterSet, EnrolmentFilterSet, PlanningEntryFilterSet
from .forms import (
    CompletionForm,
    CourseForm,
    EnrolmentForm,
    PlanningEntryForm,
    PlanningReviewForm,
    PlanningTermForm,
)
from .models import Course, Enrolment, EnrolmentStatus, PlanningEntry, PlanningTerm
from .tables import CourseTable, EnrolmentTable, PlanningEntryTable, PlanningTermTable

# Planning is the organization board's work; training records are kept like the other records.
PLAN = "organize"
RECORD = "change"


def _year(request) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


# -- planning -----------------------------------------------------------------------------------------------


class TermListView(ObjectListView):
    queryset = PlanningTerm.objects.select_related("body")
    table = PlanningTermTable
    template_name = "planning/term_list.html"

    def get_extra_context(self, request):
        return {"can_plan": can(request.user, PLAN), "can_record": can(request.user, RECORD)}


class TermView(ObjectView):
    queryset = PlanningTerm.objects.select_related("body")
    template_name = "planning/term.html"

    def get_extra_context(self, request, instance):
        entries = instance.entries.select_related("cadre", "unit", "title").order_by(
            "status", "unit__path", "title__rank", "cadre__sort_key"
        )
        return {"title": str(instance), "entries": entries, "can_plan": can_on(request.user, PLAN, instance)}


class TermEditView(ObjectEditView):
    queryset = PlanningTerm.objects.all()
    form = PlanningTermForm
    action = PLAN

    def save(self, request, instance, form):
        return services.term_save(instance, **form.cleaned_data)


class CoverageView(ObjectView):
    queryset = PlanningTerm.objects.select_related("body")
    template_name = "planning/coverage.html"

    def get_extra_context(self, request, instance):
        found = selectors.coverage(instance)
        return {
            "title": _("Coverage: %(term)s") % {"term": instance},
            "coverage": found,
            "to_confirm": selectors.to_confirm(),
            "can_plan": can_on(request.user, PLAN, instance),
        }


class ForecastView(ObjectView):
    """Five years of retirements in the body's leadership posts against the successors planned."""

    queryset = PlanningTerm.objects.select_related("body")
    template_name = "planning/forecast.html"

    def get_extra_context(self, request, instance):
        return {
            "title": _("Five-year forecast: %(term)s") % {"term": instance},
            "forecast": selectors.forecast(instance, timezone.localdate()),
        }


class TermExportView(ObjectView):
    """The term's planning list as an Excel file with the import's columns."""

    queryset = PlanningTerm.objects.select_related("body")

    def get(self, request, *args, **kwargs):
        term = self.get_object(request, **kwargs)
        entries = term.entries.all()
        record_export(request.user, "planning.xlsx", entries.count(), instance=term)
        return attachment(
            importing.planning_xlsx(entries), f"quy-hoach-{term.body.code}-{term.start_year}", "xlsx"
        )


class BodyTrainingExportView(ObjectView):
    """The training records of the cadres a body's area manages (those in the user's scope) as an Excel file
    with the import's columns."""

    queryset = OrgUnit.objects.all()

    def get(self, request, *args, **kwargs):
        body = self.get_object(request, **kwargs)
        enrolments = Enrolment.objects.restrict(request.user).filter(
            cadre__managed_by__in=selectors.managed_area(body)
        )
        record_export(request.user, "training.xlsx", enrolments.count(), instance=body)
        return attachment(importing.training_xlsx(enrolments), f"dao-tao-{body.code}", "xlsx")


class ReviewView(ObjectView):
    """The yearly review: who fell out of the standards, and why."""

    queryset = PlanningTerm.objects.select_related("body")
    template_name = "planning/review.html"
    action = PLAN

    def get_extra_context(self, request, instance):
        year = _year(request)
        return {
            "title": _("Yearly review %(year)s: %(term)s") % {"year": year, "term": instance},
            "year": year,
            "flags": selectors.review(instance.entries.all(), year),
        }


class EntryListView(ObjectListView):
    queryset = PlanningEntry.objects.select_related("cadre", "unit", "title", "term")
    filterset = PlanningEntryFilterSet
    table = PlanningEntryTable


class EntryView(ObjectView):
    queryset = PlanningEntry.objects.select_related("cadre", "unit", "title", "term__body", "added_by")
    template_name = "planning/entry.html"

    def get_extra_context(self, request, instance):
        return {
            "title": str(instance),
            "reviews": instance.reviews.select_related("reviewed_by"),
            "can_plan": can_on(request.user, PLAN, instance),
        }


class EntryAddView(ObjectEditView):
    queryset = PlanningEntry.objects.all()
    form = PlanningEntryForm
    action = PLAN

    def get_form(self, request, instance, data=None, files=None):
        # The coverage page links here with the term, unit and title of a row already chosen.
        initial = {k: v for k, v in request.GET.items() if k in ("term", "unit", "title")}
        initial.setdefault("added_on", timezone.localdate())
        return self.form(data=data, files=files, instance=instance, user=request.user, initial=initial)

    def save(self, request, instance, form):
        return services.entry_add(user=request.user, **form.cleaned_data)


class EntryReviewView(ObjectEditView):
    queryset = PlanningEntry.objects.select_related("term")
    form = PlanningReviewForm
    action = PLAN

    def get_form(self, request, instance, data=None, files=None):
        today = timezone.localdate()
        return self.form(data=data, initial={"year": today.year, "date": today})

    def save(self, request, instance, form):
        return services.entry_review(instance, user=request.user, **form.cleaned_data)


# -- training -----------------------------------------------------------------------------------------------


class CourseListView(ObjectListView):
    queryset = Course.objects.all()
    filterset = CourseFilterSet
    table = CourseTable
    template_name = "planning/course_list.html"

    def get_extra_context(self, request):
        return {"can_record": can(request.user, RECORD)}


class CourseView(ObjectView):
    queryset = Course.objects.select_related("body")
    template_name = "planning/course.html"

    def get_extra_context(self, request, instance):
        enrolments = Enrolment.objects.restrict(request.user).filter(course=instance).select_related("cadre")
        return {
            "title": instance.name,
            "enrolments": enrolments,
            "can_record": can_on(request.user, RECORD, instance),
        }


class CourseEditView(ObjectEditView):
    queryset = Course.objects.all()
    form = CourseForm
    action = RECORD

    def save(self, request, instance, form):
        return services.course_save(instance, **form.cleaned_data)


class EnrolmentListView(ObjectListView):
    queryset = Enrolment.objects.select_related("cadre", "course")
    filterset = EnrolmentFilterSet
    table = EnrolmentTable


class EnrolmentView(ObjectView):
    queryset = Enrolment.objects.select_related("cadre", "course", "training_record")
    template_name = "planning/enrolment.html"

    def get_extra_context(self, request, instance):
        return {
            "title": str(instance),
            "can_record": can_on(request.user, RECORD, instance),
            "enrolled": instance.status == EnrolmentStatus.ENROLLED,
            "completion_form": CompletionForm(
                initial={"completed_on": min(timezone.localdate(), instance.course.end_date)}
            ),
        }


class EnrolmentAddView(ObjectEditView):
    queryset = Enrolment.objects.all()
    form = EnrolmentForm
    action = RECORD

    def get_form(self, request, instance, data=None, files=None):
        initial = {
            "enrolled_on": timezone.localdate(),
            **{k: v for k, v in request.GET.items() if k in ("course", "cadre")},
        }
        return self.form(data=data, files=files, instance=instance, user=request.user, initial=initial)

    def save(self, request, instance, form):
        return services.enrol(**form.cleaned_data)


class EnrolmentActionView(ScopedMixin, View):
    """Complete or withdraw an enrolment (POST only), then back to the enrolment."""

    queryset = Enrolment.objects.select_related("cadre", "course")
    action = RECORD

    def post(self, request, pk, step):
        enrolment = get_object_or_404(self.get_queryset(request), pk=pk)
        try:
            if step == "complete":
                form = CompletionForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(list(form.errors["completed_on"]))
                services.complete(enrolment, completed_on=form.cleaned_data["completed_on"])
            else:
                services.withdraw(enrolment)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Saved: %(object)s") % {"object": enrolment})
        return redirect(enrolment.get_absolute_url())


class CadreTrainingView(ObjectView):
    """What a cadre still lacks for the current post and for each title they are planned for."""

    queryset = Cadre.objects.select_related("current_position__title", "current_position__unit")
    template_name = "planning/cadre_training.html"

    def get_extra_context(self, request, instance):
        return {
            "title": _("Training: %(cadre)s") % {"cadre": instance.full_name},
            "enrolments": instance.enrolments.select_related("course"),
        }


class BodyTrainingView(ObjectView):
    """For a body: the share of leaders trained to their post's standard and who to send next."""

    queryset = OrgUnit.objects.all()
    template_name = "planning/body_training.html"

    def get_extra_context(self, request, instance):
        today = timezone.localdate()
        term = PlanningTerm.objects.filter(body=instance).covering(today.year).first()
        return {
            "title": _("Training: %(body)s") % {"body": instance},
            "term": term,
            "training": selectors.body_training(instance, today, term),
        }
