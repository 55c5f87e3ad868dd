"""Triage classifier: the rubric's shared examples, hard cases and behaviour per category."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from somevakt.analysis import Analyzer
from somevakt.analysis.classify import (
    CATEGORIES,
    REMOVAL_CATEGORIES,
    Classification,
    Evidence,
    TriageClassifier,
    _word_pattern,
)
from somevakt.analysis.triage_signals import find_signals


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def clf() -> TriageClassifier:
    return TriageClassifier()


def run(
    clf: TriageClassifier, analyzer: Analyzer, text: str, context: str | None = None
) -> Classification:
    return clf.classify(text, analyzer.analyze(text), context)


@pytest.fixture(scope="module")
def examples(shared_dir: Path) -> dict[str, dict[str, str]]:
    path = shared_dir / "data" / "examples-comments.jsonl"
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_shared_examples_mostly_right(clf, analyzer, examples) -> None:
    results = {i: run(clf, analyzer, r["text"]).category for i, r in examples.items()}
    correct = sum(results[i] == r["category"] for i, r in examples.items())
    assert correct / len(examples) >= 0.88, {
        i: (r["category"], results[i]) for i, r in examples.items() if results[i] != r["category"]
    }
    # No lawful comment in the specification is removed.
    false_removals = [
        i
        for i, r in examples.items()
        if r["category"] not in REMOVAL_CATEGORIES and results[i] in REMOVAL_CATEGORIES
    ]
    assert false_removals == []


@pytest.mark.parametrize(
    "example_id",
    [
        "ex001",
        "ex002",
        "ex011",
        "ex012",
        "ex013",
        "ex021",
        "ex031",
        "ex032",
        "ex035",
        "ex041",
        "ex051",
        "ex071",
        "ex082",
        "ex091",
        "ex092",
        "ex093",
    ],
)
def test_shared_hard_cases(clf, analyzer, examples, example_id: str) -> None:
    r = examples[example_id]
    assert run(clf, analyzer, r["text"]).category == r["category"], r["why"]


def test_criticism_is_not_discrimination(clf, analyzer) -> None:
    for text in [
        "Elendig brøyting i år, dere burde skamme dere",
        "Dårligste kommunen i landet, skjerp dere!!",
        "Helt udugelig teknisk etat, som vanlig 🙄",
    ]:
        assert run(clf, analyzer, text).category in ("other", "feedback"), text


@pytest.mark.parametrize(
    "text",
    [
        "Saksbehandleren er en i d i o t",
        "Saksbehandleren er en 1d10t",
        "du er en h0re",
        "Saksbehandleren er en idiooot",
        "Saksbehandleren er en ___idiot",
    ],
)
def test_spelling_tricks_do_not_hide_a_slur(clf, analyzer, text: str) -> None:
    result = run(clf, analyzer, text)
    assert result.category == "discrimination"
    assert any(e.kind == "signal" for e in result.evidence)


def test_general_question_versus_own_case(clf, analyzer) -> None:
    assert (
        run(clf, analyzer, "Hvor lang er saksbehandlingstiden for byggesøknader?").category
        == "question"
    )
    assert (
        run(clf, analyzer, "Når får jeg svar på byggesøknaden min?").category == "individual_case"
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Jeg har MS og kommer meg ikke ut av huset, når kommer brøytebilen?", "sensitive"),
        ("Muslimer hører ikke hjemme her, send dem hjem", "discrimination"),
        ("Jeg har hørt at rektor har fått sparken etter en krangel", "rumor"),
        (
            "Vi har fått faktura for renovasjon to ganger i år. Hvem kan rette det?",
            "individual_case",
        ),
        ("Hva mener kommunen om å legge ned Herefoss skole?", "political"),
        ("Hvor mye brukte kommunen på konsulenter i fjor?", "budget_org"),
        ("Når åpner biblioteket på lørdager?", "question"),
        ("Tusen takk til brøytemannskapet, kjempejobb i natt!", "feedback"),
        ("@Kari Hansen se her 😂", "other"),
    ],
)
def test_one_clear_comment_per_category(clf, analyzer, text: str, category: str) -> None:
    assert run(clf, analyzer, text).category == category


def test_factual_error_against_context(clf, analyzer) -> None:
    text = "Biblioteket er lagt ned for godt, så nå må vi til Lillesand"
    result = run(clf, analyzer, text, "Biblioteket er stengt for oppussing til 1. mars.")
    assert result.category == "factual_error"


def test_public_role_is_not_sensitive(clf, analyzer) -> None:
    result = run(
        clf, analyzer, "Ordføreren burde heller bruke tida på veiene enn på å klippe snorer"
    )
    assert result.category not in REMOVAL_CATEGORIES


def test_result_shape_and_evidence_spans(clf, analyzer) -> None:
    text = "Eg har KOLS og kjem meg ikkje ut. Fødselsnummeret mitt er 03045551244"
    result = run(clf, analyzer, text)
    assert result.category == "sensitive"
    assert 0.0 <= result.confidence <= 1.0
    assert set(result.scores) == set(CATEGORIES)
    assert result.evidence
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.text
    d = result.to_dict()
    assert d["category"] == "sensitive" and isinstance(d["evidence"], list)


def test_model_evidence_points_into_the_text(clf, analyzer) -> None:
    text = "Hvor mye kostet det nye rådhuset?"
    result = run(clf, analyzer, text)
    assert result.category == "budget_org"
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("word", "text", "span"),
    [
        ("idiot", "idiot", (0, 5)),  # at the start: no character before
        ("idiot", "din idiot!", (4, 9)),
        ("idiot", "idioter og idiot", (11, 16)),  # not inside a longer word
        ("idiot", "xidiot _idiot\nidiot", (14, 19)),  # nor after a word character ("_")
        ("idiot", "éidiot idiot", (7, 12)),  # a letter beyond ASCII is a word character
        ("kl0", "kl14 kl9 kl0", (5, 8)),  # "0" stands for any digit
        ("a0b", "a12b a٣b", (5, 8)),  # ... Unicode digits too, as \d means
    ],
)
def test_word_pattern_finds_the_first_whole_word(word: str, text: str, span: tuple[int, int]) -> None:
    m = _word_pattern(word).search(text)
    assert m is not None and m.span() == span
    # The same first match as the lookbehind in front of the word gives.
    body = re.escape(word).replace("0", r"\d")
    expected = re.search(r"(?<!\w)" + body + r"(?!\w)", text)
    assert expected is not None and expected.span() == span


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("idiot", "idioten"),
        ("idiot", "_idiot"),
        ("idiot", "aidiot"),
        ("idiot", "idiot_"),
        ("kl0", "kl10"),
        ("kl0", "klo"),
    ],
)
def test_word_pattern_misses_parts_of_words(word: str, text: str) -> None:
    assert _word_pattern(word).search(text) is None


def test_precedence_decides_between_candidates(analyzer) -> None:
    text = "Fødselsnummeret mitt er 03045551244, din jævla i d i o t"
    default = TriageClassifier()
    assert default.classify(text, analyzer.analyze(text)).category == "sensitive"
    order = ["discrimination", "sensitive", *CATEGORIES[2:]]
    reordered = TriageClassifier(precedence=order)
    assert reordered.classify(text, analyzer.analyze(text)).category == "discrimination"


def test_bad_precedence_is_rejected() -> None:
    with pytest.raises(ValueError, match="missing"):
        TriageClassifier(precedence=CATEGORIES[:-1])


def test_missing_model_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        TriageClassifier(model_path=tmp_path)


def test_signals_do_not_fire_on_ordinary_words() -> None:
    text = "Svinnet i butikken er stort, og horisonten er blå"
    assert not [s for s in find_signals(text) if s.category == "discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "Tsjetsjenere er voldelige, alle som en",
        "Alle somaliere i bygda burde sendes ut av landet",
        "Rullestolbrukere er bare en byrde for fellesskapet",
    ],
)
def test_generalisation_about_a_group_without_a_slur_is_removed(clf, analyzer, text) -> None:
    # Dehumanising statements about a group need no slur; they come down (hide and escalate,
    # or delete when a recognizer also sees a health word).
    assert run(clf, analyzer, text).category in REMOVAL_CATEGORIES


@pytest.mark.parametrize(
    "text",
    [
        "Helt idiotisk avgjørelse å stenge busslomma",
        "For en gjeng med amatører på rådhuset, det er pinlig",
        "Kommunen er en vits, ingen tar dere seriøst lenger",
    ],
)
def test_harsh_criticism_of_the_municipality_stays_up(clf, analyzer, text) -> None:
    assert run(clf, analyzer, text).category not in REMOVAL_CATEGORIES


def test_hearsay_marker_at_the_end_is_rumor(clf, analyzer) -> None:
    assert run(clf, analyzer, "Rektor har fått sparken etter en krangel, sier folk").category == (
        "rumor"
    )


def test_checking_a_published_fact_is_a_question(clf, analyzer) -> None:
    text = "Stemmer det at gjenvinningsstasjonen har kveldsåpent på onsdager?"
    assert run(clf, analyzer, text).category == "question"


def test_removal_threshold_comes_from_the_artefact(clf) -> None:
    assert clf.model is not None
    assert clf.removal_min == clf.model.meta["removal_min"]
    assert TriageClassifier(removal_min=0.99).removal_min == 0.99


def test_injected_model_is_used(clf, analyzer) -> None:
    assert clf.model is not None
    other = TriageClassifier(model=clf.model, removal_min=1.0)
    text = "Når åpner biblioteket på lørdager?"
    assert other.classify(text, analyzer.analyze(text)).category == "question"


# --- fourth round: hard cases of each kind, in phrasings not used for training ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Folk fra Somalia er late snyltere hele gjengen",
        "Homofile burde holde seg langt unna skolene",
        "Du er ei feit og stygg ku @Randi, kom deg vekk",
        "Vi kommer etter deg når du går fra jobb, saksbehandler",
        "d r i t t s e k k",
    ],
)
def test_round4_discrimination(clf, analyzer, text) -> None:
    assert run(clf, analyzer, text).category == "discrimination"


@pytest.mark.parametrize(
    "text",
    [
        "Naboen min sier at vaktmesteren på skolen stjeler diesel",
        "Det hviskes om at rektor er på vei ut etter en konflikt",
        "Noen påstår at en av de ansatte i hjemmetjenesten har tatt penger fra en beboer",
    ],
)
def test_round4_rumor(clf, analyzer, text) -> None:
    assert run(clf, analyzer, text).category in {"rumor", "sensitive"}


@pytest.mark.parametrize(
    "text",
    [
        "Dei late byråkratane på rådhuset gjer aldri noko",
        "Den nye gangbrua er stygg som juling",
        "Jeg hører det blir regn hele helga",
        "Jeg horer at det blir kaldt i morgen",
        "Politikerne i denne kommunen er noen udugelige klovner",
    ],
)
def test_round4_lawful_comments_stay_up(clf, analyzer, text) -> None:
    assert run(clf, analyzer, text).category not in REMOVAL_CATEGORIES


def test_a_comment_under_a_post_is_not_a_factual_error_by_default(clf, analyzer) -> None:
    post = "Svømmehallen er stengt for vedlikehold fra 3. til 14. mars."
    assert run(clf, analyzer, "Typisk, akkurat når ungene har fri 🙄", post).category == "other"
    assert run(clf, analyzer, "Takk for beskjed, kjempefint å vite!", post).category == "feedback"


def test_slur_shaped_tokens_are_the_tricky_tokens_that_can_be_slurs() -> None:
    """The token patterns find what "[^\\s]*(?:[0-9@$|€!]|(\\w)\\1\\1)[^\\s]*" found (tricky
    tokens with a letter), but for those whose stripped core holds a character that neither
    a slur nor _LEET's undoing of it can hold: such tokens could never pass the slur check."""
    import random
    import re

    from somevakt.analysis.triage_signals import _LEET, _STRIP, _tricky_tokens

    tricky = re.compile(r"[^\s]*(?:[0-9@$|€!]|(\w)\1\1)[^\s]*")
    could_be_slur = set("abcdefghijklmnopqrstuvwxyz-") | set(map(chr, _LEET))
    rng = random.Random(5)
    chars = "ab1 .-_\t\n!aa²é€2@xyz:"
    fuzz = ["".join(rng.choices(chars, k=rng.randint(0, 30))) for _ in range(4000)]
    for text in [
        "1d10t h0re idiooot vanlig ord a1 b!c $$$ ... aaa ___idiot",
        "x@y.no\tny\nlinje!! 777 ordet takk! kl.10 12:00",
        "",
        " !",
        "abc aabbcc aaab bbb222 ééé",
        "ring 912 34 567 kl. 10.00, 12. mai, 1000kr ²²² ___a",
        *fuzz,
    ]:
        want = []
        for m in tricky.finditer(text):
            core = m.group().strip(_STRIP)
            if any(map(str.isalpha, m.group())) and core and set(core) <= could_be_slur:
                want.append((m.start(), m.group()))
        assert _tricky_tokens(text, " " + text)[1] == want, text


def test_slur_shaped_tokens_keep_tricks_and_skip_other_tokens() -> None:
    from somevakt.analysis.triage_signals import _tricky_tokens

    text = "din 1d10t, idiooot og ___idiot"
    assert [t for _, t in _tricky_tokens(text, " " + text)[1]] == [
        "1d10t,",
        "idiooot",
        "___idiot",
    ]
    for text in ["ola@gmail.com kl.10 12:00 2024 912 34 567", "vanlige ord uten triks", ""]:
        assert _tricky_tokens(text, " " + text)[1] == []


def test_tokens_left_out_could_never_be_slurs() -> None:
    """Every tricky token (the unfiltered definition above) whose undone form passes the
    slur check is still among the tokens deobfuscated_tokens gives."""
    import random
    import re

    from somevakt.analysis.triage_signals import (
        _LEET,
        _REPEAT_RE,
        _SLUR_RE,
        _STRIP,
        deobfuscated_tokens,
    )

    tricky = re.compile(r"[^\s]*(?:[0-9@$|€!]|(\w)\1\1)[^\s]*")
    pieces = ["idiot", "h0re", "1d10t", "f1tt", "e", "sv", "1n", "___", "!", "000", "ooo"]
    pieces += ["3", "-", "cp-unge", "x", "é", "2", ".", ":", "@", "$", " ", " ", "\n", "«"]
    rng = random.Random(9)
    found = 0
    for _ in range(6000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        want = set()
        for m in tricky.finditer(text):
            raw = m.group()
            core = raw.strip(_STRIP)
            if not core or not any(map(str.isalpha, core)):
                continue
            word = _REPEAT_RE.sub(r"\1", core.translate(_LEET))
            if _SLUR_RE.match(word):
                want.add((word, m.start() + len(raw) - len(raw.lstrip(_STRIP))))
        got = {(t.word, t.start) for t in deobfuscated_tokens(text, plain=False)}
        assert want <= got, text
        found += len(want)
    assert found > 200  # (the fuzz does make slurs)


def test_slur_alphabet_is_letters_and_hyphen() -> None:
    """What the token patterns assume: every word _SLUR_RE matches is made of a-z and "-"."""
    import re._constants as sre
    import re._parser as sre_parse
    from collections.abc import Iterable
    from typing import Any

    from somevakt.analysis.triage_signals import _SLUR_RE

    literals: list[int] = []

    def walk(nodes: Iterable[tuple[Any, Any]]) -> None:
        for op, av in nodes:
            if op is sre.LITERAL:
                literals.append(av)
            elif op is sre.SUBPATTERN:
                walk(av[3])
            elif op is sre.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is sre.MAX_REPEAT or op is sre.MIN_REPEAT:
                walk(av[2])
            elif op is sre.IN:  # (the parser turns "e|a" into a set)
                for item_op, item in av:
                    assert item_op is sre.LITERAL, item_op
                    literals.append(item)
            else:  # only the anchors ^ and $ consume nothing
                assert op is sre.AT, op

    walk(sre_parse.parse(_SLUR_RE.pattern))
    assert literals and set(map(chr, literals)) <= set("abcdefghijklmnopqrstuvwxyz-")


def test_spaced_pattern_finds_what_the_lookbehind_form_found() -> None:
    """_SPACED_RE runs on " " + text and consumes the whitespace before a run: the runs
    (group "run") are those of the plain form with a lookbehind."""
    import random
    import re

    from somevakt.analysis.triage_signals import _SPACED_RE

    reference = re.compile(r"(?<![^\s])(?:[^\s][\s.\-_*,/]{1,2}){2,}[^\s](?![^\s])")
    rng = random.Random(7)
    fuzz = ["".join(rng.choices("ab1 .-_*,/\t\n!", k=rng.randint(0, 30))) for _ in range(3000)]
    for text in ["i d i o t", "en n e g e r i huset", "i.d.i.o.t!", " a b c ", "", *fuzz]:
        got = [(m.start("run") - 1, m.end("run") - 1) for m in _SPACED_RE.finditer(" " + text)]
        assert got == [m.span() for m in reference.finditer(text)], text


def test_classify_accepts_the_folded_text(clf, analyzer) -> None:
    """A caller that already folded the text (the analysis does) may pass it along."""
    from somevakt.analysis.normalize import fold

    text = "Hørte at naboen min fikk avslag på søknaden, stemmer det?"
    analysis = analyzer.analyze(text)
    assert clf.classify(text, analysis, folded=fold(text)).to_dict() == (
        clf.classify(text, analysis).to_dict()
    )


def test_decide_ranks_rule_candidates_and_model_proposals(clf) -> None:
    finding = Evidence("finding", 0, 4, "KOLS", "HELSE (sensitive finding)")
    candidates = {"sensitive": (0.9, [finding])}
    scores = dict.fromkeys(CATEGORIES, 0.05)
    # A rule candidate higher in the precedence list wins, with its own evidence; its
    # confidence raises its score.
    result = clf._decide(candidates, scores, ["question"])
    assert (result.category, result.confidence, result.evidence) == ("sensitive", 0.9, [finding])
    assert result.scores["sensitive"] == 0.9 and result.scores["question"] == 0.05


def test_decide_gives_a_winning_model_proposal_its_probability(clf) -> None:
    signal = Evidence("signal", 0, 5, "idiot", "slur")
    scores = dict.fromkeys(CATEGORIES, 0.05) | {"rumor": 0.6}
    result = clf._decide({"question": (0.95, [signal])}, scores, ["rumor"])
    # The proposal wins by precedence: its score is its confidence, its evidence comes later.
    assert (result.category, result.confidence, result.evidence) == ("rumor", 0.6, [])
    assert result.scores["question"] == 0.95 and result.scores["rumor"] == 0.6
    # A single candidate needs no ranking, whichever kind it is.
    only = clf._decide({}, dict.fromkeys(CATEGORIES, 0.05) | {"other": 0.7}, ["other"])
    assert (only.category, only.confidence, only.evidence) == ("other", 0.7, [])
    alone = clf._decide({"question": (0.95, [signal])}, dict.fromkeys(CATEGORIES, 0.0))
    assert (alone.category, alone.evidence) == ("question", [signal])


def test_model_evidence_spans_map_back_through_folding(clf) -> None:
    from somevakt.analysis.normalize import fold

    text = "Hvorfor kostet raadhuset så mye, og hvorfor?"
    folded = fold(text)
    assert folded.offsets is not None  # "aa" folds to one letter: places move
    top = [(0.5, "radhuset"), (0.25, "hvorfor"), (0.1, "finnes_ikke")]
    ev = clf._model_evidence(text, folded, top, "budget_org")
    assert [e.text for e in ev] == ["Hvorfor", "raadhuset"]  # in text order
    assert [e.note for e in ev] == [
        "model weight 0.25 for budget_org",
        "model weight 0.50 for budget_org",
    ]
    for e in ev:
        assert text[e.start : e.end] == e.text
    plain = "Hvorfor kostet rådhuset så mye?"
    unmoved = fold(plain)
    assert unmoved.offsets is None  # "å" -> "a": every letter keeps its place
    ev = clf._model_evidence(plain, unmoved, [(0.3, "radhuset")], "budget_org")
    assert [(e.start, e.end, e.text) for e in ev] == [(15, 23, "rådhuset")]


def test_scored_text_without_rule_candidates_gets_the_models_proposal(clf, analyzer) -> None:
    text = "Når åpner biblioteket igjen etter ferien?"
    analysis = analyzer.analyze(text)
    signals = find_signals(text)
    assert not analysis.sensitive_findings and not any(s.hard for s in signals)
    probs = [0.0] * len(clf.model.classes)
    probs[clf.model.classes.index("question")] = 0.8
    result, proposed = clf._classify_scored(analysis, signals, probs)
    # The model's one proposal wins unopposed: what _decide gives for it alone.
    scores = dict(zip(clf.model.classes, probs, strict=True))
    assert proposed and result == clf._decide({}, scores, ["question"])
    assert (result.category, result.confidence, result.evidence) == ("question", 0.8, [])


def test_scored_text_with_a_rule_candidate_is_decided_by_precedence(clf, analyzer) -> None:
    text = "Du er en idiot."
    analysis = analyzer.analyze(text)
    signals = find_signals(text)
    assert any(s.hard and s.category == "discrimination" for s in signals)
    probs = [0.0] * len(clf.model.classes)
    probs[clf.model.classes.index("question")] = 0.8
    result, proposed = clf._classify_scored(analysis, signals, probs)
    # The slur's hard signal outranks the model's proposal and brings its own evidence.
    assert not proposed and result.category == "discrimination"
    assert result.confidence == 0.95 and [e.kind for e in result.evidence] == ["signal"]
