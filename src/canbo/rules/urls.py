from django.urls import path

from . import views

app_name = "rules"
urlpatterns = [
    path("eligible/", views.eligible, name="eligible"),
    path("cadres/<id:pk>/posts/", views.cadre_positions, name="cadre_positions"),
]
