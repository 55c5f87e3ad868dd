"""Bokmål by default, complete nynorsk, a working language switch; security headers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import somevakt.web

WEB = Path(somevakt.web.__file__).parent


def test_bokmal_is_the_default(client, municipality):
    client.force_login(municipality.users["radmann"])
    page = client.get(reverse("dashboard")).content.decode()
    assert '<html lang="nb">' in page
    assert "Hopp til hovedinnholdet" in page and "Kontoer som trenger oppfølging" in page


def test_switch_to_nynorsk_and_back(client, municipality):
    client.force_login(municipality.users["radmann"])
    response = client.post(reverse("set_language"), {"language": "nn", "next": reverse("accounts:list")})
    assert response.status_code == 302
    page = client.get(reverse("accounts:list")).content.decode()
    assert '<html lang="nn">' in page
    assert "Offisielle kontoar" in page and "Hopp til hovudinnhaldet" in page
    client.post(reverse("set_language"), {"language": "nb", "next": "/"})
    assert '<html lang="nb">' in client.get(reverse("accounts:list")).content.decode()


def _entries(po: Path):
    text = po.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        ids = re.findall(r'^msgid "(.*)"', block, re.M)
        if not ids or block.startswith('msgid ""\nmsgstr ""\n"Project'):
            continue
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        yield block, ["".join([s[0], *re.findall(r'"(.*)"', s[1])]) for s in strs], "#, fuzzy" in block


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_string_is_translated_and_compiled(lang):
    po = WEB / "locale" / lang / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    entries = list(_entries(po))
    assert len(entries) > 150
    untranslated = [block for block, strs, fuzzy in entries if fuzzy or not all(strs)]
    assert untranslated == []
    assert mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime - 5


def test_nynorsk_differs_from_bokmal_where_it_should(settings):
    from django.utils import translation

    with translation.override("nn"):
        assert translation.gettext("Employee") == "Tilsett"
    with translation.override("nb"):
        assert translation.gettext("Employee") == "Ansatt"


def test_security_headers(client, db):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_templates_have_no_inline_script_or_style():
    for template in (WEB / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert "<style" not in text and " style=" not in text, template


def test_production_settings_are_secure(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMEVAKT_")}
    env.update(SOMEVAKT_SECRET_KEY="x" * 50, SOMEVAKT_DATA_DIR=str(tmp_path), SOMEVAKT_ALLOWED_HOSTS="somevakt.birkenes.kommune.no")
    code = (
        "import somevakt.web.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, s.SECURE_SSL_REDIRECT, s.ALLOWED_HOSTS)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False True True True True ['somevakt.birkenes.kommune.no']"


def test_database_url_selects_postgresql(tmp_path):
    env = {**os.environ, "SOMEVAKT_DATABASE_URL": "postgres://u:p@db.example:5432/somevakt", "SOMEVAKT_DATA_DIR": str(tmp_path)}
    code = "import somevakt.web.settings as s; d=s.DATABASES['default']; print(d['ENGINE'], d['HOST'], d['NAME'])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["django.db.backends.postgresql", "db.example", "somevakt"]


def test_stylesheet_is_served(client, db):
    from django.contrib.staticfiles import finders

    assert finders.find("somevakt/site.css")
    page = client.get(reverse("login")).content.decode()
    assert '<link rel="stylesheet" href="/static/somevakt/site.css">' in page
