from django.urls import path

from .views import CheckView, EligibleView

app_name = "rules"

urlpatterns = [
    path("rules/check/", CheckView.as_view(), name="check"),
    path("rules/eligible/", EligibleView.as_view(), name="eligible"),
]
