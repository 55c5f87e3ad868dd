"""People signals. `person_deactivated` fires when a user is deactivated, so that other apps
(accounts) can react without people importing them."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal, receiver

from .models import User

person_deactivated = Signal()  # sender=User, user=User


@receiver(pre_save, sender=User)
def _remember_active(sender: type[User], instance: User, **kwargs: Any) -> None:
    was = None
    if instance.pk:
        was = User.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
    instance._was_active = was  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _fire_deactivated(sender: type[User], instance: User, created: bool, **kwargs: Any) -> None:
    if not created and getattr(instance, "_was_active", None) and not instance.is_active:
        person_deactivated.send(sender=User, user=instance)
