import pytest

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.recognizers.health import HealthRecognizer
from somevakt.analysis.types import HELSE


def find(text: str):
    return HealthRecognizer().find(TextContext(text))


@pytest.mark.parametrize(
    "text, span",
    [
        ("Eg har KOLS og kjem meg ikkje ut", "KOLS"),
        ("Jeg har MS", "MS"),
        ("hun fikk ADHD-diagnosen i fjor", "ADHD-diagnosen"),
        ("han er kreftsyk", "kreftsyk"),
        ("mor har lungekreft", "lungekreft"),
        ("kommer med insulinen", "insulinen"),
        ("sliter med depresjonen", "depresjonen"),
        ("diabetesen hans er verre", "diabetesen"),
        ("sjukmeldt heile veka", "sjukmeldt"),
        ("er sykemeldt", "sykemeldt"),
        ("hun er gravid 🤰", "gravid"),
        ("far er psykisk syk", "psykisk syk"),
        ("dattera mi har autisme", "autisme"),
        ("han går på dialyse", "dialyse"),
        ("bror min har rusproblemer", "rusproblemer"),
        ("sykmeldt pga rus", "rus"),
        ("han fikk hjerteinfarkt", "hjerteinfarkt"),
        ("demente mor", "demente"),
        ("har faatt bekkenloesning", "bekkenloesning"),  # no æøå
        ("Han fikk Metformin", "Metformin"),  # NorMedTerm (medicine register)
        ("påvist hyperkalemi", "hyperkalemi"),  # NorMedTerm (condition)
    ],
)
def test_finds_health_terms_with_inflections_and_compounds(text, span):
    found = [f for f in find(text) if f.text == span]
    assert found, find(text)
    [f] = found
    assert f.type == HELSE and not f.sensitive and text[f.start : f.end] == span


@pytest.mark.parametrize("text", ["Jeg har MS og bor i Vegusdal", "kona har ALS."])
def test_short_abbreviations_only_in_capitals(text):
    # "ms" in lower case is the ship prefix ("ms Color Fantasy"); "als" is no diagnosis.
    assert len(find(text)) == 1
    assert find(text.replace("MS", "ms").replace("ALS", "als")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Høsten er her, og hoste er det lite av",  # "høsten" folds to "hosten"
        "Det er mye vann i kjelleren og kaffe på kontoret",
        "Søknaden er til behandling",
        "Russen feirer i sentrum",  # not "rus"
        "Det er strøm og innlagt vann i hytta",
        "sol og varme hele uka ☀️",
        "Me kjem i morgon",  # nynorsk "me" (we), not the diagnosis ME
        "hiv den i søpla",  # the verb, not HIV
        "Saksbehandleren er en idiot",
        "Jeg dyrker timian og kamille",
    ],
)
def test_everyday_words_are_not_health(text):
    assert find(text) == []


def test_health_services_are_flagged_as_institutions():
    [f] = find("helsestasjonen har nye åpningstider")
    assert f.detail.startswith("institution:helsestasjon")
    [f] = find("legevakt åpningstider")
    assert f.detail.startswith("institution")


@pytest.mark.parametrize(
    "text, span",
    [
        ("Eg fekk diagnosen i vår", "diagnosen"),
        ("fikk hjerteflimmer-diagnose", "hjerteflimmer-diagnose"),
        ("svigermor er nesten blind", "blind"),
        ("han har prolaps i ryggen", "prolaps"),
        ("ho tar blodfortynnande", "blodfortynnande"),
        ("han er på avrusning", "avrusning"),
        ("ble kneoperert i fjor", "kneoperert"),
        ("vondt etter operasjonen", "operasjonen"),
        ("sonen har sjølvmordstankar", "sjølvmordstankar"),
        ("hun har selvmordstanker", "selvmordstanker"),
        ("guten blir mobba", "mobba"),
        ("har slitt med alkohol lenge", "slitt med alkohol"),
    ],
)
def test_finds_added_lay_terms(text, span):
    assert [f.text for f in find(text)] == [span]


@pytest.mark.parametrize(
    "text, span, key",
    [
        ("han har diabtes", "diabtes", "diabetes"),  # letters swapped
        ("dottera mi har epilepis", "epilepis", "epilepsi"),  # swapped at the end
        ("mor har demnes", "demnes", "demens"),
        ("han har asstma", "asstma", "astma"),  # a doubled letter
        ("far fikk alzhiemeren", "alzhiemeren", "alzheimer"),  # a typo in an inflected form
        ("hun sitter i rullestl", "rullestl", "rullestol"),  # a dropped letter, long entry
    ],
)
def test_matches_entries_with_one_typo(text, span, key):
    [f] = find(text)
    assert f.text == span and f.detail == f"term:{key}" and text[f.start : f.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Kan dere bekrefte at timen er flyttet?",  # "be-kreft-e", not a compound of "kreft"
        "Plassen er bekreftet",
        "Avkastningen på fondet var god",  # one letter from "avlastning", a real word
        "Artisten kommer i juni",  # short entries ("autist") take no replaced letter
        "Det er et utbredt problem",  # "utbrent"
        "Redningsoperasjonen varte hele natta",  # "operasjon" is not a compound tail
        "Vi stoler blindt på dere",  # "blind" is exact
        "De utviklingshemmede i bofellesskapet",  # another ending is no typo
    ],
)
def test_lookalikes_are_not_health(text):
    assert [f for f in find(text) if f.detail and f.detail.startswith("term")] == []
