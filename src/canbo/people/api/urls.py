from rest_framework.routers import SimpleRouter

from .views import CadreViewSet

app_name = "people"

router = SimpleRouter()
router.register("cadres", CadreViewSet, basename="cadre")

urlpatterns = router.urls
