"""URLs. Another app adds itself with one line here (and one in INSTALLED_APPS), e.g.
path("innboks/", include("somevakt.web.moderation.urls"))."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("logg-inn/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("kontoer/", include("somevakt.web.accounts.urls")),
    path("logg/", include("somevakt.web.records.urls")),
    path("varsler/", include("somevakt.web.people.urls")),
    path("innboks/", include("somevakt.web.moderation.urls")),
    path("webhooks/", include("somevakt.web.moderation.webhook_urls")),
    path("admin/", admin.site.urls),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
