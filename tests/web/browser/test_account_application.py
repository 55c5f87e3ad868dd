"""In the browser: an account application from draft to active (applicant -> unit leader ->
chief executive), axe-core on every page on the way, keyboard use and the nynorsk locale."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from somevakt.web.accounts.models import OfficialAccount
from tests.web.factories import make_municipality

AXE = Axe()
AXE_OPTIONS = {"resultTypes": ["violations"]}
checked: list[str] = []


def assert_accessible(page: Page) -> None:
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    checked.append(page.url)


def sign_in(page: Page, username: str) -> None:
    page.goto("/logg-inn/")
    assert_accessible(page)
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(f"demo-{username}")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1, name="Oversikt")).to_be_visible()
    assert_accessible(page)


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()


def open_account(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Offisielle kontoer").click()
    assert_accessible(page)
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_application_from_draft_to_active(page: Page):
    m = make_municipality()

    # The applicant applies; a missing purpose is caught first.
    sign_in(page, "kontoansvarlig")
    open_account_list = page.get_by_role("link", name="Offisielle kontoer")
    open_account_list.click()
    page.get_by_role("link", name="Søk om offisiell konto").click()
    assert_accessible(page)
    page.get_by_label("Plattform").select_option("facebook")
    page.get_by_label("Kontonavn").fill("Birkenes frivilligsentral")
    page.get_by_label("Adresse (URL eller brukernavn)").fill("https://facebook.com/frivilligbirkenes")
    page.get_by_label("Plan for bruk og oppfølging").fill("Innlegg hver uke; svar på kommentarer hver dag.")
    page.get_by_label("kontoansvarlig", exact=True).check()
    page.get_by_label("Dato for gjennomgang").fill("2030-01-01")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("alert")).to_contain_text("Rett opp feltene")
    assert_accessible(page)
    page.get_by_label("Formål").fill("Rekruttere frivillige.")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status")).to_contain_text("lagret som utkast")
    assert_accessible(page)
    page.get_by_role("link", name="Endre søknaden").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("button", name="Send til vurdering").click()
    expect(page.get_by_text("Sendt til vurdering", exact=True)).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The unit leader assesses.
    sign_in(page, "enhetsleder")
    expect(page.get_by_role("region", name="Venter på deg")).to_contain_text("Birkenes frivilligsentral")
    open_account(page, "Birkenes frivilligsentral")
    page.get_by_label("Anbefaler").check()
    page.get_by_label("Kommentar eller begrunnelse (påkrevd)").fill("Godt begrunnet behov.")
    page.get_by_role("button", name="Vurder").click()
    expect(page.get_by_text("Vurdert av enhetsleder", exact=True)).to_be_visible()
    sign_out(page)

    # The chief executive approves.
    sign_in(page, "radmann")
    open_account(page, "Birkenes frivilligsentral")
    page.get_by_role("button", name="Godkjenn").click()
    expect(page.get_by_text("Godkjent av rådmannen", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Logg").click()
    expect(page.get_by_role("heading", name="Logg")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Varsler")).click()
    assert_accessible(page)
    sign_out(page)

    # The applicant activates.
    sign_in(page, "kontoansvarlig")
    open_account(page, "Birkenes frivilligsentral")
    page.get_by_role("button", name="Aktiver").click()
    expect(page.get_by_role("status")).to_contain_text("Aktiv")
    assert_accessible(page)
    assert OfficialAccount.objects.get(name="Birkenes frivilligsentral").status == "active"

    # A forbidden page is refused, and the refusal page is accessible too.
    account = OfficialAccount.objects.get(name="Birkenes frivilligsentral")
    page.goto(f"/kontoer/{account.pk}/forvalt/")
    expect(page.get_by_role("heading", name="Ingen tilgang")).to_be_visible()
    assert_accessible(page)
    assert m.users["kontoansvarlig"].responsible_for.filter(pk=account.pk).exists()


def test_the_axe_check_finds_violations(page: Page):
    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count >= 2


@pytest.mark.django_db(transaction=True)
def test_keyboard_skip_link_focus_and_nynorsk(page: Page):
    make_municipality()
    sign_in(page, "radmann")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hopp til hovedinnholdet")
    expect(skip).to_be_focused()
    # The stylesheet is loaded (served by whitenoise) and focus is clearly visible.
    header_bg = page.locator("header.site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_bg == "rgb(11, 79, 108)"
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert skip.evaluate("el => el.getBoundingClientRect().top") >= 0  # moved into view
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.get_by_role("button", name="Nynorsk").click()
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("heading", level=1, name="Oversikt")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hovudmeny")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Offisielle kontoar").click()
    assert_accessible(page)
    page.get_by_role("link", name="Søk om offisiell konto").click()
    assert_accessible(page)
    page.get_by_role("button", name="Bokmål").click()
    expect(page.locator("html")).to_have_attribute("lang", "nb")
