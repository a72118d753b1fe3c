from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views, views_signin

app_name = "accounts"
urlpatterns = [
    path("login/", login_not_required(views_signin.SignInView.as_view()), name="login"),
    path("login/code/", views_signin.sign_in_code, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views_signin.account, name="account"),
    path("me/second-factor/", views_signin.second_factor_setup, name="second_factor_setup"),
    path("me/second-factor/disable/", views_signin.second_factor_disable, name="second_factor_disable"),
    path("users/", views.user_list, name="user_list"),
    path("users/add/", views.user_add, name="user_add"),
    path("users/<id:pk>/", views.user_detail, name="user"),
    path("users/<id:pk>/active/", views.user_set_active, name="user_set_active"),
    path("users/<id:pk>/unlock/", views_signin.user_unlock, name="user_unlock"),
    path(
        "users/<id:pk>/second-factor/reset/",
        views_signin.user_second_factor_reset,
        name="user_second_factor_reset",
    ),
    path("users/<id:pk>/roles/<id:membership_pk>/revoke/", views.membership_revoke, name="membership_revoke"),
]
