from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("<int:pk>/lest/", views.notification_read, name="notification_read"),
    path("alle-lest/", views.notification_read_all, name="notifications_read_all"),
]
