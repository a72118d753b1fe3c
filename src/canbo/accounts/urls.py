from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path(
        "login/",
        login_not_required(auth_views.LoginView.as_view(template_name="accounts/login.html")),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("users/", views.user_list, name="user_list"),
    path("users/add/", views.user_add, name="user_add"),
    path("users/<id:pk>/", views.user_detail, name="user"),
    path("users/<id:pk>/active/", views.user_set_active, name="user_set_active"),
    path("users/<id:pk>/roles/<id:membership_pk>/revoke/", views.membership_revoke, name="membership_revoke"),
]
