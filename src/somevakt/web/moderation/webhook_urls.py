from django.urls import path

from . import webhook

urlpatterns = [path("facebook/", webhook.facebook, name="webhook-facebook")]
