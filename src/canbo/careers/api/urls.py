from rest_framework.routers import SimpleRouter

from .views import AssignmentViewSet

app_name = "careers"

router = SimpleRouter()
router.register("assignments", AssignmentViewSet, basename="assignment")

urlpatterns = router.urls
