"""Local sign-in, sign-out, and django-axes' lockout after repeated failures."""

from __future__ import annotations

from django.urls import reverse


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_sign_in_and_out(client, municipality):
    response = _login(client, "kontoansvarlig", "demo-kontoansvarlig")
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    page = client.get(reverse("dashboard")).content.decode()
    assert "Kontoansvarlig" in page and "Logg ut" in page
    client.post(reverse("logout"))
    assert client.get(reverse("dashboard")).status_code == 302


def test_wrong_password_shows_an_error(client, municipality):
    response = _login(client, "radmann", "feil")
    assert response.status_code == 200
    assert "brukernavn og passord" in response.content.decode()


def test_repeated_failures_lock_the_user_out(client, municipality, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "radmann", "feil").status_code == 200
    locked = _login(client, "radmann", "feil")
    assert locked.status_code == 429
    assert "For mange mislykkede innlogginger" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert _login(client, "radmann", "demo-radmann").status_code == 429
    assert client.get(reverse("dashboard")).status_code == 302
    # Another user from the same address is not locked out.
    assert _login(client, "arkiv", "demo-arkiv").status_code == 302


def test_login_page_has_labels_and_csrf(client, db):
    page = client.get(reverse("login")).content.decode()
    assert 'for="id_username"' in page and 'for="id_password"' in page
    assert "csrfmiddlewaretoken" in page
