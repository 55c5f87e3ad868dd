from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "somevakt.web.accounts"
    label = "accounts"
    verbose_name = _("Official accounts")

    def ready(self) -> None:
        from . import flags  # noqa: F401  (connects to people.signals.person_deactivated)
