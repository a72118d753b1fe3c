from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import CoverageView, PlanningEntryViewSet

app_name = "planning"

router = SimpleRouter()
router.register("planning/entries", PlanningEntryViewSet, basename="entry")

urlpatterns = [
    *router.urls,
    path("planning/terms/<id:pk>/coverage/", CoverageView.as_view(), name="coverage"),
]
