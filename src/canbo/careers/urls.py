from django.urls import path

from . import views

app_name = "careers"
urlpatterns = [
    path("", views.AssignmentListView.as_view(), name="assignment_list"),
]
