from django.utils import timezone

from canbo.accounts.selectors import can_on
from canbo.audit.services import record_access
from canbo.core.views.generic import ObjectEditView, ObjectListView, ObjectView
from canbo.people import services
from canbo.people.filtersets import CadreFilterSet
from canbo.people.forms import CadreForm
from canbo.people.models import Cadre
from canbo.people.selectors import cadre_list_queryset, cadre_profile_queryset
from canbo.people.tables import CadreTable


class CadreListView(ObjectListView):
    queryset = Cadre.objects.all()
    filterset = CadreFilterSet
    table = CadreTable
    template_name = "people/cadre_list.html"

    def get_queryset(self, request):
        return cadre_list_queryset(request.user)


class CadreView(ObjectView):
    queryset = Cadre.objects.all()
    template_name = "people/cadre.html"

    def get_queryset(self, request):
        return cadre_profile_queryset(request.user)

    def get_extra_context(self, request, instance):
        record_access(request.user, instance)
        assignments = list(instance.assignments.all())
        return {
            "assignments": assignments,
            "title": instance.full_name,
            "today": timezone.localdate(),
            "sensitive": can_on(request.user, "view_sensitive", instance),
            "can_change": can_on(request.user, "change", instance),
            "can_organize": can_on(request.user, "organize", instance),
        }


class CadreEditView(ObjectEditView):
    queryset = Cadre.objects.all()
    form = CadreForm
    template_name = "people/cadre_edit.html"

    def save(self, request, instance, form):
        data = form.model_data()
        if instance is None:
            return services.cadre_create(**data)
        return services.cadre_update(instance, expected_version=form.expected_version, **data)
