from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.CadreListView.as_view(), name="cadre_list"),
    path("add/", views.CadreEditView.as_view(), name="cadre_add"),
    path("<id:pk>/", views.CadreView.as_view(), name="cadre"),
    path("<id:pk>/edit/", views.CadreEditView.as_view(), name="cadre_edit"),
]
