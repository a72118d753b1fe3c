from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.orgunit_tree, name="orgunit_tree"),
    path("list/", views.OrgUnitListView.as_view(), name="orgunit_list"),
    path("autocomplete/", views.orgunit_autocomplete, name="orgunit_autocomplete"),
    path("<id:pk>/", views.OrgUnitView.as_view(), name="orgunit"),
    path("<id:pk>/children/", views.orgunit_children, name="orgunit_children"),
    path("titles/", views.TitleListView.as_view(), name="title_list"),
    path("positions/", views.PositionListView.as_view(), name="position_list"),
]
