import itertools

from somevakt.analysis.engine import Analyzer, _disjoint, resolve_overlaps
from somevakt.analysis.types import (
    BARNEVERN,
    FODSELSNUMMER,
    HELSE,
    KONTONUMMER,
    PERSON,
    PERSONREFERANSE,
    SOSIALTJENESTE,
    TELEFON,
    Finding,
)


def f(type_: str, start: int, end: int, score: float = 0.9) -> Finding:
    return Finding(type_, start, end, "x" * (end - start), score)


def test_identity_number_beats_an_overlapping_account_and_phone():
    kept = resolve_overlaps([f(KONTONUMMER, 5, 16), f(FODSELSNUMMER, 5, 16), f(TELEFON, 8, 16)])
    assert [k.type for k in kept] == [FODSELSNUMMER]


def test_longer_span_wins_and_touching_spans_are_both_kept():
    kept = resolve_overlaps([f(PERSON, 0, 4), f(PERSON, 0, 10), f(HELSE, 10, 15), f(HELSE, 12, 14)])
    assert [(k.start, k.end) for k in kept] == [(0, 10), (10, 15)]


def test_a_sensitive_topic_beats_a_longer_name_or_person_reference():
    # "Ritalin" taken for a name, "Lars Aasen AAP" as one name, "saken i barnevernet" as a
    # person reference: the topic stays, even against a longer span with a higher score.
    kept = resolve_overlaps([f(PERSON, 0, 7, 0.85), f(HELSE, 0, 7, 0.7)])
    assert [k.type for k in kept] == [HELSE]
    kept = resolve_overlaps([f(PERSON, 0, 14, 0.85), f(SOSIALTJENESTE, 11, 14, 0.7)])
    assert [k.type for k in kept] == [SOSIALTJENESTE]
    kept = resolve_overlaps([f(PERSONREFERANSE, 0, 19, 0.8), f(BARNEVERN, 8, 19, 0.7)])
    assert [k.type for k in kept] == [BARNEVERN]


def test_an_institution_does_not_beat_the_person_reference_around_it():
    # "legen på legevakta": the role says more than the service inside it.
    helse = Finding(HELSE, 9, 18, "legevakta", 0.9, detail="institution:legevakt")
    kept = resolve_overlaps([f(PERSONREFERANSE, 0, 18, 0.7), helse])
    assert [k.type for k in kept] == [PERSONREFERANSE]


def test_identity_numbers_still_beat_a_topic():
    kept = resolve_overlaps([f(HELSE, 0, 11), f(FODSELSNUMMER, 0, 11, 0.5)])
    assert [k.type for k in kept] == [FODSELSNUMMER]


def test_a_drug_the_name_model_might_tag_is_found_as_health():
    analyzer = Analyzer()
    for text, drug in (
        ("Sønnen min går på Ritalin nå.", "Ritalin"),
        ("Han tar Metformin hver dag.", "Metformin"),
    ):
        found = [(x.type, x.text) for x in analyzer.analyze(text).findings]
        assert (HELSE, drug) in found
        assert (PERSON, drug) not in found


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


def test_no_finding_or_a_single_one_is_kept_as_is():
    assert resolve_overlaps([]) == []
    one = [f(HELSE, 3, 8)]
    assert resolve_overlaps(one) == one and resolve_overlaps(one) is not one
    empty = [f(PERSON, 4, 4)]  # an empty span is kept too, as among several
    assert resolve_overlaps(empty) == empty


def test_disjoint_findings_are_all_kept_in_text_order():
    findings = [f(HELSE, 10, 15), f(PERSON, 0, 4), f(TELEFON, 4, 10)]  # touching, not overlapping
    assert _disjoint(sorted(findings, key=lambda x: x.start))
    assert resolve_overlaps(findings) == [findings[1], findings[2], findings[0]]


def test_overlapping_or_empty_findings_are_not_disjoint():
    assert not _disjoint([f(PERSON, 0, 5), f(HELSE, 4, 9)])
    assert not _disjoint([f(PERSON, 0, 0), f(HELSE, 0, 9)])  # an empty span blocks one around it
    # So the empty span is dropped, as without the shortcut.
    assert resolve_overlaps([f(PERSON, 0, 0), f(HELSE, 0, 9)]) == [f(HELSE, 0, 9)]
