from django.urls import path

from .views.home import home
from .views_import import ImportView

app_name = "core"
urlpatterns = [
    path("", home, name="home"),
    path("import/", ImportView.as_view(), name="import"),
]
