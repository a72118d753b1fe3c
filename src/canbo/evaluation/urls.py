from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("", views.PeriodListView.as_view(), name="period_list"),
    path("list/", views.EvaluationListView.as_view(), name="evaluation_list"),
    path("add/", views.EvaluationEditView.as_view(), name="evaluation_add"),
    path("export/", views.EvaluationExportView.as_view(), name="evaluation_export"),
    path("dismissal/", views.DismissalListView.as_view(), name="dismissal_list"),
    path("<id:pk>/", views.EvaluationView.as_view(), name="evaluation"),
    path("<id:pk>/edit/", views.EvaluationEditView.as_view(), name="evaluation_edit"),
    path("<id:pk>/tasks/", views.TaskAddView.as_view(), name="task_add"),
    path("tasks/<id:pk>/", views.TaskView.as_view(), name="task"),
    path("tasks/<id:pk>/delete/", views.TaskDeleteView.as_view(), name="task_delete"),
    path("units/<id:pk>/<int:year>/", views.BoardView.as_view(), name="board"),
    path("units/<id:pk>/<int:year>/finalize/", views.BoardFinalizeView.as_view(), name="board_finalize"),
]
