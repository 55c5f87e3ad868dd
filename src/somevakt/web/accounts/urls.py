from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.account_list, name="list"),
    path("ny/", views.account_create, name="create"),
    path("<int:pk>/", views.account_detail, name="detail"),
    path("<int:pk>/endre/", views.account_edit, name="edit"),
    path("<int:pk>/forvalt/", views.account_manage, name="manage"),
    path("<int:pk>/<slug:action>/", views.account_transition, name="transition"),
]
