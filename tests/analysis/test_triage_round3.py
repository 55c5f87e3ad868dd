"""Third round of triage fixes: slurs after folding, weak hostile phrases, recognizer false
positives, and output that does not depend on PYTHONHASHSEED."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.analysis.engine import analyze
from somevakt.analysis.triage_signals import find_signals

REPO = Path(__file__).resolve().parents[2]


def _disc(text: str) -> list[tuple[str, bool]]:
    return [(s.name, s.hard) for s in find_signals(text) if s.category == "discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "Jeg hører at det blir fint vær i helga",
        "Hørte du hva han sa på møtet?",
        "Hoerer dere ikke hva folk sier?",
        "Greiner og røtter kan leveres gratis",
        "Ærlig talt, den nye rundkjøringa er stygg som juling",
        "Dere på rådhuset er noen late byråkrater som aldri får noe gjort",
        "Rådmannen bør sparkes etter dette",
    ],
)
def test_common_words_and_criticism_are_not_hostile(text: str) -> None:
    assert _disc(text) == []


@pytest.mark.parametrize("text", ["Du er en horer", "h0rer alle sammen", "j.ø.d.e.s.v.i.n"])
def test_slurs_still_match(text: str) -> None:
    assert ("slur", True) in _disc(text) or any(n == "slur" for n, _ in _disc(text))


def test_weak_hostile_phrase_needs_a_group_word() -> None:
    assert ("group_hostility", False) in _disc("Polakker er late og stjeler")
    assert _disc("Late sommerdager ved Ogge") == []


def test_threat_and_personal_attack() -> None:
    assert ("threat", True) in _disc("Du skal få juling når jeg ser deg")
    assert ("personal_attack", False) in _disc("@Tor Kjetså du er ein jævla taper")


def _sensitive(text: str) -> list[str]:
    return [f.type for f in analyze(text).findings if f.sensitive]


@pytest.mark.parametrize(
    "text",
    [
        "Faktura nr 31796825688 er feil, kan dere sjekke?",
        "Kan jeg betale fakturanummer 31796825688 til konto i stedet?",
        "KID 31796825688 betalt i går, men fikk purring",
        "Jeg vil gjerne bli fosterhjem, hvordan blir man fosterhjem?",
        "Hvordan søker jeg bostøtte?",
        "Har dere avlastning for familier?",
        "Mor mi var på legekontoret i dag og ventet i to timer",
        "Byråkratiet er ein kreft på samfunnet",
        "Jeg synes alle med diabetes burde få gratis parkering",
        "Hva slags tilbud finnes for diabetikere?",
    ],
)
def test_not_personal(text: str) -> None:
    assert _sensitive(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Betal tilbake til konto 31796825688",
        "Min far har diabetes",
        "Jeg har kreft, hvordan søker jeg om støtte?",
        "Broren min får bostøtte og sosialhjelp",
        "Dattera vår bur i fosterheim",
    ],
)
def test_still_personal(text: str) -> None:
    assert _sensitive(text)


def test_analyze_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    lines = (REPO / "data" / "triage" / "heldout2.jsonl").read_text(encoding="utf-8").splitlines()
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(lines[:50]) + "\n", encoding="utf-8")
    assert len([json.loads(x) for x in lines[:50]]) == 50
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-m", "somevakt.cli", "analyze", str(sample)],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr.decode()
        outs.append(r.stdout)
    assert outs[0] == outs[1]


# --- fourth round ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jeg horer at det blir regn i morgen",
        "Horer du meg nå?",
        "Vi horer ingenting fra dere",
        "Brøytinga i år var styggere enn juling",
        "Den nye skulpturen er stygg som juling",
        "De late byråkratene på rådhuset gir blaffen i de eldre",
        "Dumme politikere som glemmer pensjonistene",
        "Innvandring er en viktig debatt, men den hører ikke hjemme her",
    ],
)
def test_round4_lawful_text_has_no_discrimination_signal(text: str) -> None:
    assert [n for n, _ in _disc(text) if n != "hostile_phrase"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Du er en horer", "slur"),
        ("Det har flytta inn en n e g e r i nabohuset", "slur"),
        ("f i t t e k j e r r i n g", "slur"),
        ("Damer er noe dritt", "group_hostility"),
        ("Polakker er late og stjeler", "group_hostility"),
        ("Noen burde lære Lars Berg en lekse en mørk kveld", "threat"),
    ],
)
def test_round4_discrimination_signals(text: str, name: str) -> None:
    assert name in [n for n, _ in _disc(text)]


def test_round4_slur_reported_once_per_span() -> None:
    slurs = [s for s in find_signals("f i t t e") if s.name == "slur"]
    assert len(slurs) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Noen sier at rektor har sluttet",
        "Det hviskes om at ordføreren går av",
        "Naboen min sa at vaktmesteren tar med seg utstyr hjem",
        "Kan dere bekrefte at en av de ansatte er suspendert?",
        "Jeg tipper det var noen på teknisk som lekket det",
    ],
)
def test_round4_rumor_markers(text: str) -> None:
    assert any(s.name == "rumor_marker" for s in find_signals(text))


def test_patterns_are_written_folded() -> None:
    """Folding turns "oe" into "o" ("noen" -> "non"): a literal "oe" never matches."""
    import re as _re

    from somevakt.analysis import triage_signals as ts

    for name in dir(ts):
        obj = getattr(ts, name)
        if isinstance(obj, _re.Pattern) and name != "_O_SLASH_RE":
            assert "noe" not in obj.pattern, name
            assert "å" not in obj.pattern, name


def test_triage_evidence_does_not_depend_on_hash_seed() -> None:
    data = REPO / "data" / "triage" / "heldout3.jsonl"
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-m", "somevakt.cli", "analyze", str(data)],
            capture_output=True,
            env=env,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr.decode()
        outs.append(r.stdout)
    assert outs[0] == outs[1] == outs[2]
    assert b'"evidence"' in outs[0]
