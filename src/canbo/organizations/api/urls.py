from rest_framework.routers import SimpleRouter

from .views import OrgUnitViewSet, PositionViewSet, TitleViewSet

app_name = "organizations"

router = SimpleRouter()
router.register("units", OrgUnitViewSet, basename="unit")
router.register("titles", TitleViewSet, basename="title")
router.register("positions", PositionViewSet, basename="position")

urlpatterns = router.urls
