from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "somevakt.web.people"
    label = "people"
    verbose_name = _("People and roles")

    def ready(self) -> None:
        from . import signals  # noqa: F401
