from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("konto/<int:account_id>/", views.inbox, name="account-inbox"),
    path("kommentar/<int:pk>/", views.item, name="item"),
    path("kommentar/<int:pk>/handling/", views.act, name="act"),
    path("utboks/", views.outbox_view, name="outbox"),
    path("utboks/<int:pk>/prov-igjen/", views.requeue, name="requeue"),
    path("konto/<int:account_id>/token-fornyet/", views.token_renewed, name="token-renewed"),
]
