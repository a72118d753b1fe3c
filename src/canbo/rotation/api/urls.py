from rest_framework.routers import SimpleRouter

from .views import RotationRoundViewSet

app_name = "rotation"

router = SimpleRouter()
router.register("rotation/rounds", RotationRoundViewSet, basename="round")

urlpatterns = router.urls
