from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

import canbo.core.converters  # noqa: F401  (registers the "id" path converter)

urlpatterns = [
    path("", include("canbo.core.urls")),
    path("accounts/", include("canbo.accounts.urls")),
    path("units/", include("canbo.organizations.urls")),
    path("cadres/", include("canbo.people.urls")),
    path("careers/", include("canbo.careers.urls")),
    path("audit/", include("canbo.audit.urls")),
    path("reports/", include("canbo.reports.urls")),
    path("evaluation/", include("canbo.evaluation.urls")),
    path("rules/", include("canbo.rules.urls")),
    path("planning/", include("canbo.planning.urls")),
    path("rotation/", include("canbo.rotation.urls")),
    path("api/", include("canbo.core.api.urls")),
    # Choosing the language must work on the sign-in page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "canbo.core.views.errors.not_found"
