"""Linking on sentences written for these tests: dialect, nynorsk, spellings without æøå,
typos, person references and group statements. Complements test_linking.py."""

import pytest

from somevakt.analysis.engine import Analyzer

_ANALYZER = Analyzer()


def analysis(text: str):
    return _ANALYZER.analyze(text)


@pytest.mark.parametrize(
    "text, redacted",
    [
        (
            "Kona mi har fått brystkreft og trenger hjelp med brøytinga",
            "[PERSONREFERANSE] har fått [HELSE] og trenger hjelp med brøytinga",
        ),
        (
            "Svigerfar er dement og går seg bort, hvem kan vi ringe?",
            "[PERSONREFERANSE] er [HELSE] og går seg bort, hvem kan vi ringe?",
        ),
        (
            "Gutten vår har autisme og får ikke plass på SFO",
            "[PERSONREFERANSE] har [HELSE] og får ikke plass på SFO",
        ),
        (
            "Ho veslejenta har epilepsi, kan ho vera med på leirskulen?",
            "Ho [PERSONREFERANSE] har [HELSE], kan ho vera med på leirskulen?",
        ),
        ("Sonen vaar fekk diabetes i haust", "[PERSONREFERANSE] fekk [HELSE] i haust"),
        (
            "en i klassen til dattera mi blir slått hjemme og barnevernet gjør ingenting",
            "[PERSONREFERANSE] blir slått hjemme og [BARNEVERN] gjør ingenting",
        ),
        (
            "Eg har sosialhjelp og har ikkje råd til barnehagen",
            "Eg har [SOSIALTJENESTE] og har ikkje råd til barnehagen",
        ),
        (
            "Han som driver kiosken er dømt for underslag",
            "[PERSONREFERANSE] kiosken er [STRAFFESAK] for underslag",
        ),
        (
            "Takk til legevakta som tok seg av pappa da han fikk hjerteinfarkt",
            "Takk til legevakta som tok seg av [PERSONREFERANSE] da han fikk [HELSE]",
        ),
        (
            "Var datter er mobbet paa skolen og ingen gjor noe",
            "[PERSONREFERANSE] er [HELSE] paa skolen og ingen gjor noe",
        ),
        (
            "Jeg vokste opp i fosterhjem og vil takke kommunen",
            "Jeg vokste opp i [BARNEVERN] og vil takke kommunen",
        ),
        (
            "@Per Olsen du som sitter på krisesenteret, hold ut",
            "[PERSONREFERANSE] du som sitter på [SOSIALTJENESTE], hold ut",
        ),
        ("Ae har migrene og klarer ikke lyset", "Ae har [HELSE] og klarer ikke lyset"),
        (
            "Eleven i 5c ble tatt for tyveri i kantina",
            "[PERSONREFERANSE] ble [STRAFFESAK] i kantina",
        ),
        (
            "Vi er to mødre og sønnen vår blir ertet for det",
            "Vi er [SÆRLIG_KATEGORI] og [PERSONREFERANSE] blir ertet for det",
        ),
        ("Ungen min er tatt av barnvernet", "[PERSONREFERANSE] er tatt av [BARNEVERN]"),
        (
            "Jeg har diabtes og lurer på parkering",  # a typo
            "Jeg har [HELSE] og lurer på parkering",
        ),
        (
            "Far har kreft, kan vi få hjelp med snømåking?",
            "[PERSONREFERANSE] har [HELSE], kan vi få hjelp med snømåking?",
        ),
        ("Karis mann har kreft", "[PERSONREFERANSE] har [HELSE]"),
        (
            "Eg har to born. Den eldste har autisme.",
            "Eg har to born. [PERSONREFERANSE] har [HELSE].",
        ),
        # A pronoun reaches back over a sentence without an anchor.
        (
            "Mora mi er 90. Ho bur aleine. Ho har demens.",
            "[PERSONREFERANSE] er 90. Ho bur aleine. Ho har [HELSE].",
        ),
        # Quantities that are no group
        ("Mange ganger er jeg sykmeldt", "Mange ganger er jeg [HELSE]"),
        (
            "Vi fikk beskjed om at de fant kreft hos mor",
            "Vi fikk beskjed om at de fant [HELSE] hos [PERSONREFERANSE]",
        ),
        # Health in a rumour question stays sensitive (the rubric's hard case).
        (
            "Stemmer det at rektor er sykmeldt?",
            "Stemmer det at [PERSONREFERANSE] er [HELSE]?",
        ),
    ],
)
def test_topics_tied_to_a_person(text, redacted):
    a = analysis(text)
    assert a.redacted == redacted
    for f in a.findings:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        # Services and carers in general
        "kommunen trenger flere fosterhjem",
        "Vi trenger flere fosterhjem i Birkenes, kan du tenke deg å bli det?",
        "Vi er fosterhjem for to barn og trives godt",
        "Kommunen tilbyr avlastning for familier med barn som har store behov",
        "Jeg var på legekontoret i dag og det var lang kø",
        "Bostøtte kan søkes hos kommunen",
        "Jeg lurer på om bostøtte er økt i år",
        "Helsestasjonen har nye åpningstider",
        "@Kari Hansen når åpner legevakta i påsken?",  # a reader tagged, not a patient
        "Tusen takk til hjemmesykepleien for god jobb i all slags vær",
        "Han fikk sparken fra sykehjemmet",  # a workplace
        "Kommer dere til å legge ned sykehjemmet i Vegusdal?",
        # Metaphors and claims about a kind of thing
        "denne saken er en kreftsvulst for kommunen",
        "Denne byråkratiske saken er ein kreft, og vi betaler",
        "Diabetes er en folkesykdom som vi må ta på alvor",
        # Groups
        "mange eldre har demens",
        "Mange av våre eldre sliter med ensomhet og demens",
        "folk på NAV får for lite",
        "Dei utviklingshemmede i bofellesskapet fortjener bedre tilbud",
        "alle med ADHD har rett på tilrettelegging",
        # A criminal matter only heard about is a rumour (the rubric), not a disclosure
        "Stemmer det at treneren er anmeldt?",
        "Fikk med meg at en lærer er anmeldt, er det noen som vet mer?",
        # Lookalikes
        "Jeg sitter inne og venter på brøytebilen",
        "Kan dere bekrefte at bookingen er registrert?",
        "Mor og far er velkomne på foreldremøte",
        "Faktura nr 12345678903 betal innen 14 dager",
        "12345678903 er fakturanummeret, betales til kommunen",
    ],
)
def test_not_tied_to_a_person(text):
    assert analysis(text).sensitive_findings == []
