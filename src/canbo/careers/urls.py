from django.urls import path

from . import views

app_name = "careers"
urlpatterns = [
    path("", views.AssignmentListView.as_view(), name="assignment_list"),
    path("due/", views.DueListsView.as_view(), name="due"),
    path("actions/", views.PersonnelActionListView.as_view(), name="action_list"),
    path("actions/add/", views.PersonnelActionEditView.as_view(), name="action_add"),
    path("actions/<id:pk>/", views.PersonnelActionView.as_view(), name="action"),
    path("actions/<id:pk>/edit/", views.PersonnelActionEditView.as_view(), name="action_edit"),
    path("actions/<id:pk>/submit/", views.SubmitActionView.as_view(), name="action_submit"),
    path("actions/<id:pk>/withdraw/", views.WithdrawActionView.as_view(), name="action_withdraw"),
    path("actions/<id:pk>/approve/", views.ApproveActionView.as_view(), name="action_approve"),
    path("actions/<id:pk>/reject/", views.RejectActionView.as_view(), name="action_reject"),
]
