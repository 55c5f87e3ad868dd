"""The roles of somevakt (see docs/architecture.md). Ids are stable; labels are translated."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RADMANN = "radmann", _("Chief executive")
    ENHETSLEDER = "enhetsleder", _("Unit leader")
    KONTOANSVARLIG = "kontoansvarlig", _("Account administrator")
    KRISELEDER = "kriseleder", _("Crisis leader")
    ANSATT = "ansatt", _("Employee")
    ARKIV = "arkiv", _("Records officer")


ROLE_IDS: frozenset[str] = frozenset(Role.values)
