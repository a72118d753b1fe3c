from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("<str:model_label>/<id:pk>/", views.record_history, name="history"),
]
