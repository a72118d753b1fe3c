from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("structure/", views.StructureView.as_view(), name="structure"),
    path("flows/", views.FlowsView.as_view(), name="flows"),
    path("people/", views.PeopleView.as_view(), name="people"),
    path("cadres/<id:pk>/cv.pdf", views.CadreCvView.as_view(), name="cadre_cv"),
    path("cadres/export/", views.CadreExportView.as_view(), name="cadre_export"),
    path("exports/", views.ExportListView.as_view(), name="exports"),
]
