from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("canbo.core.urls")),
    path("accounts/", include("canbo.accounts.urls")),
    path("units/", include("canbo.organizations.urls")),
    path("cadres/", include("canbo.people.urls")),
    path("careers/", include("canbo.careers.urls")),
    path("api/", include("canbo.core.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
