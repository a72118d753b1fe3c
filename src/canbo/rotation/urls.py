from django.urls import path

from . import views

app_name = "rotation"
urlpatterns = [
    path("", views.RoundListView.as_view(), name="round_list"),
    path("add/", views.RoundEditView.as_view(), name="round_add"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("<id:pk>/", views.RoundView.as_view(), name="round"),
    path("<id:pk>/edit/", views.RoundEditView.as_view(), name="round_edit"),
    path("<id:pk>/progress/", views.RoundProgressView.as_view(), name="round_progress"),
    path("<id:pk>/solve/", views.SolveView.as_view(), name="round_solve"),
    path("<id:pk>/copy/", views.CopyView.as_view(), name="round_copy"),
    path("<id:pk>/approve/", views.ApproveView.as_view(), name="round_approve"),
    path("<id:pk>/pins/add/", views.PinAddView.as_view(), name="pin_add"),
    path("<id:pk>/pins/remove/", views.PinRemoveView.as_view(), name="pin_remove"),
    path("<id:pk>/preferences/add/", views.PreferenceAddView.as_view(), name="preference_add"),
    path("<id:pk>/moves/check/", views.MoveCheckView.as_view(), name="move_check"),
    path("<id:pk>/moves/edit/", views.MoveEditView.as_view(), name="move_edit"),
    path("<id:pk>/export/<str:kind>/", views.ExportView.as_view(), name="round_export"),
    path("<id:pk>/hand-plan/", views.HandPlanView.as_view(), name="hand_plan"),
]
