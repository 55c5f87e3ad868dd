"""Django for the web tests only: tests outside tests/web run without Django configured."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "somevakt.web.settings")
os.environ.setdefault("SOMEVAKT_HTTPS", "0")  # the test server speaks plain HTTP
os.environ.setdefault("SOMEVAKT_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "var", "test"))

from django.conf import settings

settings.INSTALLED_APPS  # noqa: B018  (configure settings now, so pytest-django sees them)


def pytest_configure(config: pytest.Config) -> None:
    from pytest_django.plugin import _setup_django

    _setup_django(config)


@pytest.fixture(autouse=True)
def _fast_hashing_and_mail(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LANGUAGE_CODE = "nb"


@pytest.fixture
def municipality(db):  # type: ignore[no-untyped-def]
    """One user per role (username = role id, password demo-<role>), units with leaders."""
    from tests.web.factories import make_municipality

    return make_municipality()
