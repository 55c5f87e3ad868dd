from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("", views.event_list, name="events"),
    path("eksport.csv", views.export_csv, name="export_csv"),
    path("eksport.json", views.export_json, name="export_json"),
]
