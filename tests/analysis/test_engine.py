import itertools

from somevakt.analysis.engine import Analyzer, resolve_overlaps
from somevakt.analysis.types import FODSELSNUMMER, HELSE, KONTONUMMER, PERSON, TELEFON, Finding


def f(type_: str, start: int, end: int, score: float = 0.9) -> Finding:
    return Finding(type_, start, end, "x" * (end - start), score)


def test_identity_number_beats_an_overlapping_account_and_phone():
    kept = resolve_overlaps([f(KONTONUMMER, 5, 16), f(FODSELSNUMMER, 5, 16), f(TELEFON, 8, 16)])
    assert [k.type for k in kept] == [FODSELSNUMMER]


def test_longer_span_wins_and_touching_spans_are_both_kept():
    kept = resolve_overlaps([f(PERSON, 0, 4), f(PERSON, 0, 10), f(HELSE, 10, 15), f(HELSE, 12, 14)])
    assert [(k.start, k.end) for k in kept] == [(0, 10), (10, 15)]


def test_result_is_in_text_order_and_non_overlapping():
    # Equal spans starting every 2 characters: each overlaps its neighbours; the first one
    # in text order wins a tie, so every second span survives.
    findings = [f(HELSE, s, s + 3) for s in range(0, 3000, 2)]
    kept = resolve_overlaps(findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))
    assert [k.start for k in kept] == list(range(0, 3000, 4))


def test_analyze_many_matches_analyze_one_by_one():
    texts = ["Far min har diabetes.", "Hei Kari, fnr 03045551244", "", "Når åpner biblioteket?"]
    analyzer = Analyzer()
    one = [analyzer.analyze(t).to_dict() for t in texts]
    many = [a.to_dict() for a in analyzer.analyze_many(texts)]
    assert one == many
