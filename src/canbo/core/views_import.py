"""The import page: upload a file, check it (dry run) or import it, and read the report."""

import csv
import io

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views import View

from canbo.accounts.selectors import can
from canbo.core.importing import KINDS, columns_of, run_import

KIND_LABELS = {
    "units": _("Organizational units"),
    "titles": _("Titles"),
    "cadres": _("Cadres"),
    "assignments": _("Work history (assignments)"),
    "evaluations": _("Evaluation results"),
    "planning": _("Planning lists"),
    "training": _("Training records"),
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), choices=[(k, KIND_LABELS[k]) for k in KINDS])
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "An .xlsx file (first sheet) or a UTF-8 .csv file; the first row holds the column headers."
        ),
        validators=[FileExtensionValidator(["xlsx", "csv"])],
    )
    dry_run = forms.BooleanField(
        label=_("Check only (dry run)"),
        required=False,
        initial=True,
        help_text=_("Validate the whole file and write nothing."),
    )


class ImportView(LoginRequiredMixin, View):
    template_name = "core/import.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (user.is_superuser or can(user, "change")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        kind = request.GET.get("template")
        if kind in KINDS:
            return self._template(kind)
        return self._page(request, ImportForm(initial={"kind": request.GET.get("kind") or KINDS[0]}))

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        report = None
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = run_import(
                form.cleaned_data["kind"],
                upload,
                dry_run=form.cleaned_data["dry_run"],
                filename=upload.name,
                user=request.user,
            )
        return self._page(request, form, report)

    def _page(self, request, form, report=None):
        references = [(k, KIND_LABELS[k], columns_of(k)) for k in KINDS]
        context = {"title": _("Import"), "form": form, "report": report, "references": references}
        return render(request, self.template_name, context)

    def _template(self, kind: str) -> HttpResponse:
        """An empty CSV with the Vietnamese headers, ready to fill in a spreadsheet."""
        buffer = io.StringIO()
        csv.writer(buffer).writerow([c.vi for c in columns_of(kind)])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kind}.csv"'
        return response
