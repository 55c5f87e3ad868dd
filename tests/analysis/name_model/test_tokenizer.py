"""The pure-Python tokenizer against spaCy's, token for token.

Every token's text, offsets, NORM and trailing space must be what ``nlp.make_doc`` gives:
the person-name network was trained on spaCy's tokens. spaCy is a development dependency;
without it the comparisons are skipped.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from somevakt.analysis.name_model.tokenizer import (
    FORMAT_VERSION,
    Token,
    Tokenizer,
    rules_from_spacy,
)
from somevakt.analysis.recognizers.person_name import MODEL_DIR
from tests.analysis.name_model.corpora import ROOT, norne_dev_sentences, triage_texts

NORNE = ROOT.parent / "shared" / "data" / "norne"
RULES_FILE = MODEL_DIR / "tokenizer_rules.json"

HANDMADE = [
    "",
    " ",
    "  ",
    "\n",
    "Kari",
    "Hei Kari!",
    "  Per Olav Hansen  ",
    " leading space",
    "trailing space ",
    "trailing spaces   ",
    "Ola  Nordmann   og    Kari",
    "tab\tseparated\t\tvalues\t",
    "linje én\nlinje to\n\nlinje fire\n",
    "windows\r\nline\r\nends \r\n",
    "mixed \n \t whitespace\u00a0nbsp\u2009thin\u3000ideographic",
    "\u00a0",
    "a \u00a0 b",
    "😀",
    "Så bra 😀😀 👍🏻👍🏻 🇳🇴🇳🇴!!",
    "❤️Kari❤️ og 🙈",
    "Se https://www.birkenes.kommune.no/tjenester/vann-og-avlop?id=12&x=3.",
    "(https://example.com/a_b), www.vg.no og vg.no/nyheter",
    "Send e-post til ola.nordmann@example.no eller post@kommune.no.",
    "@kari_n @Ola.Hansen: takk! #birkenes #17mai",
    "Kontonummer 1234.56.78903 og fødselsnummer 150386 43670.",
    "Ring +47 912 34 567 eller (+47) 91234567 / 37-12-34-56.",
    "kl. 12.30, kl.14:00, 12:30-13:45 og 1.5.2024 eller 01.05.24",
    "bl.a. f.eks. jan. feb. kl. osv. dvs. mht. nr. ca. evt. m.m. t.o.m.",
    "(bl.a.) «f.eks.» [jan.] kl.. f.eks.,",
    "Møtet er 3. jan. kl. 10, jf. sak nr. 12/2024.",
    "Han sa «Hei!» og hun svarte \"Hallo?\" – 'greit' „ok“ ‚ja‘",
    "Gulsum (28) kom fra Oslo (Norge).",
    "Per's bok og Kari’s hund, Jens' bil",
    "Lise-Lotte Hansen-Berg, nord-norsk, 10-12 og 2019–2020 — slutt",
    "Vent... hva…? Nei!!! Jo?!",
    "5 % og 5% og 100kr og kr 100,- og 3,5 mill.",
    ":) :-) ;) :D <3 ^_^ (:",
    "C++ og C# og .NET",
    "Dr. Nilsen og dr. Hansen, St. Olav og Kr.F.s leder",
    "Hei\u200bKari",
    "ÆØÅ æøå Ærlig talt",
    "A.B.C. og U.S.A.",
    "5km, 10kg, 20°C.",
]

PUNCT_BEFORE_NO_SPACE = {",", ".", ":", ";", "!", "?", ")", "]", "»", "”", "%", "...", "…"}
PUNCT_AFTER_NO_SPACE = {"(", "[", "«", "“"}


def _norne_sentences() -> list[list[str]]:
    return norne_dev_sentences(NORNE)


def _detokenized(words: list[str]) -> str:
    # The sentence as it would be typed: no space before closing punctuation, none after
    # opening brackets. Gives the prefix/suffix rules more work than the tokenised form.
    out = ""
    for word in words:
        if out and word not in PUNCT_BEFORE_NO_SPACE and out[-1] not in "([«“":
            out += " "
        out += word
    return out


def _spacy_tokens(nlp: Any, text: str) -> list[tuple[str, int, int, str, bool]]:
    return [
        (t.text, t.idx, t.idx + len(t.text), t.norm_, t.whitespace_ == " ")
        for t in nlp.make_doc(text)
    ]


def _our_tokens(tokenizer: Tokenizer, text: str) -> list[tuple[str, int, int, str, bool]]:
    return [(t.text, t.start, t.end, t.norm, t.space_after) for t in tokenizer.tokenize(text)]


def _differences(nlp: Any, tokenizer: Tokenizer, texts: list[str]) -> list[str]:
    return [t for t in texts if _spacy_tokens(nlp, t) != _our_tokens(tokenizer, t)]


def _report(nlp: Any, tokenizer: Tokenizer, bad: list[str], n: int) -> str:
    lines = [f"{len(bad)} of {n} texts differ from spaCy"]
    for text in bad[:5]:
        lines += [repr(text), f"  spaCy: {_spacy_tokens(nlp, text)}"]
        lines.append(f"  ours:  {_our_tokens(tokenizer, text)}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL_DIR, exclude=["tagger", "parser", "lemmatizer", "senter"])


@pytest.fixture(scope="module")
def rules(nlp: Any) -> dict[str, Any]:
    return rules_from_spacy(nlp)


@pytest.fixture(scope="module")
def tokenizer(rules: dict[str, Any]) -> Tokenizer:
    return Tokenizer(rules)


@pytest.mark.parametrize("text", HANDMADE)
def test_handmade_texts_match_spacy(nlp: Any, tokenizer: Tokenizer, text: str) -> None:
    assert _our_tokens(tokenizer, text) == _spacy_tokens(nlp, text)


def test_norne_dev_matches_spacy(nlp: Any, tokenizer: Tokenizer) -> None:
    sentences = _norne_sentences()
    if not sentences:
        pytest.skip(f"NorNE dev is not in {NORNE}")
    assert len(sentences) > 4000
    texts = [" ".join(words) for words in sentences] + [_detokenized(w) for w in sentences]
    bad = _differences(nlp, tokenizer, texts)
    assert not bad, _report(nlp, tokenizer, bad, len(texts))


def test_triage_comments_match_spacy(nlp: Any, tokenizer: Tokenizer) -> None:
    texts = triage_texts()
    assert len(texts) > 4000
    bad = _differences(nlp, tokenizer, texts)
    assert not bad, _report(nlp, tokenizer, bad, len(texts))


def test_random_mixes_of_special_cases_and_affixes_match_spacy(
    nlp: Any, tokenizer: Tokenizer
) -> None:
    # Special cases glued to affixes and to each other drive the affix loop and the final
    # special-case matcher (``kl`` ``.`` -> ``kl.``) into their corners.
    atoms = [*sorted(tokenizer.special_cases)]
    atoms += list("()[]{}.,:;!?'\"«»“”‘’-–—…/\\@#$%&*+=<>|~^_`´°")
    atoms += ["..", "...", "https://", "www.", ".no", "kl", "jan", "f", "eks", "Per", "'s"]
    atoms += ["’s", "ÆØÅ", "123", "12.30", "+47", "😀", "👍🏻", "e-post", "a@b.no", "#tag"]
    atoms += [" ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2009"]
    rng = random.Random(20240601)
    texts = [
        "".join(rng.choice(atoms) + rng.choice(("", "", "", " ")) for _ in range(rng.randint(1, 8)))
        for _ in range(4000)
    ]
    bad = _differences(nlp, tokenizer, texts)
    assert not bad, _report(nlp, tokenizer, bad, len(texts))


def test_norms_of_special_cases_and_norm_exceptions(nlp: Any, tokenizer: Tokenizer) -> None:
    tokens = tokenizer.tokenize("Møte 3. jan. i Oslo’s «sal»\u00a0– Kari…")
    norms = {t.text: t.norm for t in tokens}
    assert norms["jan."] == "januar"  # NORM of a special case
    assert norms["\u00a0"] == "  "  # the nb exception's own NORM for a no-break space
    assert norms["’"] == "'"  # spaCy's BASE_NORMS (nb splits "Oslo’s" into three)
    assert norms["«"] == '"'
    assert norms["–"] == "-"
    assert norms["…"] == "..."
    assert norms["Møte"] == "møte"
    assert [tuple(t) for t in tokens] == _spacy_tokens(
        nlp, "Møte 3. jan. i Oslo’s «sal»\u00a0– Kari…"
    )


def test_whitespace_tokens_and_offsets() -> None:
    rules_path = RULES_FILE
    if not rules_path.is_file():
        pytest.skip("no tokenizer_rules.json")
    tokenizer = Tokenizer.load(rules_path)
    text = "  Hei  Kari \n"
    tokens = tokenizer.tokenize(text)
    assert [(t.text, t.start, t.end, t.space_after) for t in tokens] == [
        ("  ", 0, 2, False),
        ("Hei", 2, 5, True),
        (" ", 6, 7, False),
        ("Kari", 7, 11, True),
        ("\n", 12, 13, False),
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokenizer.tokenize("") == []
    assert isinstance(tokens[0], Token)


def test_quirks_of_other_rule_sets_match_spacy() -> None:
    spacy = pytest.importorskip("spacy")
    texts = [*HANDMADE, "(q", "a (q b", "((q", "(q)", "q.", "😀 (q", "x😀 (q", "kl.. (jan.)"]

    # A last special case (in sorted order) with a space leaves its chunks in spaCy's cache,
    # tokenized without special cases: "(q" keeps the NORM of "q" as a plain word.
    quirky = spacy.blank("nb")
    rules = dict(quirky.tokenizer.rules)
    rules["q"] = [{"ORTH": "q", "NORM": "QUUX"}]
    rules["😀 (q"] = [{"ORTH": "😀"}, {"ORTH": " "}, {"ORTH": "(q"}]
    quirky.tokenizer.rules = rules
    assert [t.norm_ for t in quirky.make_doc("(q")] == ["(", "q"]

    # Without faster_heuristics every special case goes into the final matcher.
    slow = spacy.blank("nb")
    slow.tokenizer.faster_heuristics = False

    for nlp in (quirky, slow):
        tokenizer = Tokenizer(rules_from_spacy(nlp))
        bad = _differences(nlp, tokenizer, texts)
        assert not bad, _report(nlp, tokenizer, bad, len(texts))


def test_rules_survive_json(rules: dict[str, Any], tokenizer: Tokenizer, tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    loaded = Tokenizer.load(path)
    texts = [*HANDMADE, *triage_texts()[:500]]
    assert [loaded.tokenize(t) for t in texts] == [tokenizer.tokenize(t) for t in texts]


def test_shipped_rules_file_is_current(rules: dict[str, Any]) -> None:
    shipped = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    assert shipped["version"] == FORMAT_VERSION
    # The spaCy version is informational; everything else must be what the model has.
    assert {k: v for k, v in shipped.items() if k != "spacy_version"} == {
        k: v for k, v in rules.items() if k != "spacy_version"
    }


def test_bounded_cache_gives_the_same_tokens(rules: dict[str, Any], tokenizer: Tokenizer) -> None:
    small = Tokenizer(rules, max_cache_size=10)
    texts = triage_texts()[:300]
    assert [small.tokenize(t) for t in texts] == [tokenizer.tokenize(t) for t in texts]
    assert len(small._chunk_cache) <= len(small.special_cases) + 10


def test_rejects_unknown_format(rules: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Tokenizer({**rules, "version": FORMAT_VERSION + 1})
    with pytest.raises(ValueError):
        Tokenizer({**rules, "special_cases": {"ab": [{"ORTH": "a"}]}})


def test_import_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from somevakt.analysis.name_model.tokenizer import Tokenizer\n"
        f"Tokenizer.load(Path({str(RULES_FILE)!r})).tokenize('Hei Kari (28), kl. 12.')\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.fixture(scope="module")
def shipped() -> Tokenizer:
    if not RULES_FILE.is_file():
        pytest.skip("no tokenizer_rules.json")
    return Tokenizer.load(RULES_FILE)


def _as_tokenized(tokens: list[Token]) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    return [(t.text, t.norm) for t in tokens], [(t.start, t.end) for t in tokens]


def test_tokenized_holds_the_tokens_of_tokenize(shipped: Tokenizer) -> None:
    """What the network reads (text, norm) and the offsets of every token and of runs of
    tokens, as ``tokenize`` gives them: for the fast path (single spaces), whitespace,
    and texts whose tokens the final matcher re-joins ("e.Kr..")."""
    texts = [*HANDMADE, "e.Kr.. og (e.Kr..) i år", "Han døde 30 e.Kr..", *triage_texts()[:800]]
    for text in texts:
        tokens = shipped.tokenize(text)
        doc = shipped.tokenized(text)
        pieces, spans = _as_tokenized(tokens)
        assert (doc.pieces, [doc.span(i, i + 1) for i in range(len(doc))]) == (pieces, spans)
        if tokens:
            assert doc.span(0, len(doc)) == (tokens[0].start, tokens[-1].end)
        assert [doc.span(i, i + 2) for i in range(len(doc) - 1)] == [
            (a.start, b.end) for a, b in pairwise(tokens)
        ]


def test_tokenized_pieces_are_shared_with_the_chunk_cache(shipped: Tokenizer) -> None:
    first = shipped.tokenized("Hilsen Kari Nordmann")
    again = shipped.tokenized("Kari Nordmann")
    assert first.pieces[1] is again.pieces[0]  # no new tuple per token of a cached chunk


def test_the_matcher_runs_only_where_it_can_rejoin_tokens(shipped: Tokenizer) -> None:
    # "e.Kr.." splits into "e", ".", "Kr", "..": the matcher re-joins "e" "." as "e.".
    assert shipped._chunked("Han døde 30 e.Kr..").rejoins
    assert [t.text for t in shipped.tokenize("30 e.Kr..")] == ["30", "e.", "Kr", ".."]
    # First tokens of special cases ("i" of "i.", "kl" of "kl.") without the rest of one.
    assert not shipped._rejoins_across_chunks
    for text in ["Møtet er i dag kl 12.", "kl. 12 i morgen", "Hilsen Kari", ""]:
        assert not shipped._chunked(text).rejoins, text
    assert not shipped._chunked("Hilsen\nKari").rejoins
    # A space token (of a double space) is a special case of the matcher by itself: sent to
    # it, which gives the same token back.
    assert shipped._chunked("Hilsen  Kari").rejoins


def test_special_case_with_inner_space_sends_every_text_to_the_matcher(
    shipped: Tokenizer,
) -> None:
    rules = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    rules["special_cases"]["a b"] = [{"ORTH": "a"}, {"ORTH": " "}, {"ORTH": "b"}]
    tokenizer = Tokenizer(rules)
    assert tokenizer._rejoins_across_chunks
    assert tokenizer._chunked("Hilsen Kari").rejoins
    assert not shipped._chunked("Hilsen Kari").rejoins
    assert [t.text for t in tokenizer.tokenize("x a b")] == ["x", "a", " ", "b"]
