"""Generic views, one per kind of page, so each model's views are a few declarative lines.

Every view starts from `queryset.restrict(request.user)`: what is out of scope is simply not found (404).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from canbo.accounts.selectors import can
from canbo.core.forms.base import add_service_errors, field_values
from canbo.core.models import ConcurrentEdit
from canbo.core.pagination import CappedPaginator


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


class ScopedMixin:
    queryset = None
    #: The access a user needs: "view" for reading pages, "change" for forms.
    action = "view"

    def get_queryset(self, request):
        return self.queryset.all().restrict(request.user, self.action)


class ObjectListView(ScopedMixin, View):
    filterset = None
    table = None
    template_name = "core/object_list.html"
    partial_template_name = "core/partials/table.html"
    per_page = 50
    title = ""

    def get_extra_context(self, request) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        # A list needing more than viewing (proposals, for organizers) is refused, not shown empty.
        if not can(request.user, self.action):
            raise PermissionDenied
        queryset = self.get_queryset(request)
        filterset = (
            self.filterset(request.GET, queryset=queryset, request=request) if self.filterset else None
        )
        rows = filterset.qs if filterset is not None else queryset
        # A table may name the fields its cells read; the rest of each row is not loaded.
        if getattr(self.table, "load_only", None):
            rows = rows.only(*self.table.load_only)
        # No request here: the table would paginate itself with a full count; RequestConfig does it below.
        table = self.table(rows)
        # A filterset that has looked at its matches already says how many (see CadreFilterSet.filter_q).
        paginate = {
            "per_page": self.per_page,
            "paginator_class": CappedPaginator,
            "count_cap": getattr(filterset, "count_cap", None),
            "known_count": getattr(filterset, "known_count", None),
            "leading_ids": getattr(filterset, "leading_ids", None),
        }
        RequestConfig(request, paginate=paginate).configure(table)
        context = {
            "table": table,
            "filterset": filterset,
            "filter_form": filterset.form if filterset is not None else None,
            "title": self.title or queryset.model._meta.verbose_name_plural,
            "model": queryset.model,
            **self.get_extra_context(request),
        }
        template = self.partial_template_name if is_htmx(request) else self.template_name
        return render(request, template, context)


class ObjectView(ScopedMixin, View):
    template_name = None

    def get_object(self, request, **kwargs):
        return get_object_or_404(self.get_queryset(request), pk=kwargs["pk"])

    def get_extra_context(self, request, instance) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        instance = self.get_object(request, **kwargs)
        context = {"object": instance, **self.get_extra_context(request, instance)}
        return render(request, self.template_name, context)


class ObjectEditView(ScopedMixin, View):
    """Create (no pk) or edit (pk) through a form whose cleaned data is handed to a service."""

    form = None
    template_name = "core/object_edit.html"
    action = "change"

    def dispatch(self, request, *args, **kwargs):
        # Editing an existing object is scoped by its queryset (404); creating one needs the right somewhere.
        if "pk" not in kwargs and not can(request.user, self.action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, request, **kwargs):
        if "pk" in kwargs:
            return get_object_or_404(self.get_queryset(request), pk=kwargs["pk"])
        return None

    def save(self, request, instance, form):
        """Call the service; return the saved object. ValidationErrors become form errors."""
        raise NotImplementedError

    def get_form(self, request, instance, data=None, files=None):
        return self.form(data=data, files=files, instance=instance, user=request.user)

    def render_form(self, request, instance, form, status=200, conflicts=None):
        model = self.queryset.model
        context = {
            "object": instance,
            "form": form,
            "model": model,
            "conflicts": conflicts,
            "title": str(instance) if instance else _("New %(model)s") % {"model": model._meta.verbose_name},
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        instance = self.get_object(request, **kwargs)
        return self.render_form(request, instance, self.get_form(request, instance))

    def post(self, request, *args, **kwargs):
        instance = self.get_object(request, **kwargs)
        form = self.get_form(request, instance, request.POST, request.FILES)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = self.save(request, instance, form)
            except ConcurrentEdit as exc:
                return self.render_conflict(request, exc.current, form)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved: %(object)s") % {"object": saved})
                return redirect(saved.get_absolute_url())
        return self.render_form(request, instance, form, status=422 if request.method == "POST" else 200)

    def render_conflict(self, request, current, form):
        """Someone saved first: show what they changed next to the editor's values, keep the editor's input.

        The new form carries the current version, so saving again knowingly replaces the other changes.
        """
        original = form.original_values()
        now = field_values(form, current)
        conflicts = [
            {
                "label": form.fields[name].label,
                "theirs": self.display(current, name),
                "yours": form.cleaned_data.get(name),
            }
            for name, value in now.items()
            if original.get(name) != value
        ]
        data = request.POST.copy()
        data["version"] = current.version
        data["original"] = self.get_form(request, current).fields["original"].initial
        fresh = self.get_form(request, current, data, request.FILES)
        fresh.is_valid()
        fresh.add_error(
            None,
            _(
                "Someone else saved this record while you were editing it. Their changes are "
                "shown below; your input is kept. Save again to replace their values with yours."
            ),
        )
        return self.render_form(request, current, fresh, status=409, conflicts=conflicts)

    @staticmethod
    def display(instance, name):
        getter = getattr(instance, f"get_{name}_display", None)
        return getter() if getter else getattr(instance, name)
