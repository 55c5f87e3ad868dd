"""`somevakt eval names`: person-name precision/recall/F1 on NorNE-format files."""

import json
from pathlib import Path

from typer.testing import CliRunner

from somevakt.analysis.recognizers.base import TextContext
from somevakt.analysis.types import PERSON, Finding
from somevakt.cli import app
from somevakt.evaluation.names import (
    detokenise,
    evaluate_file,
    evaluate_files,
    iob_spans,
    read_bio,
    score_sentence,
)

TINY = (
    "Kari\tB-PER\nNordmann\tI-PER\nbor\tO\ni\tO\nBirkenes\tB-GPE_LOC\n.\tO\n"
    "\n"
    "Ordføreren\tO\nmøtte\tO\nOla\tB-PER\n,\tO\nPer\tB-PER\nog\tO\nNRK\tB-ORG\n.\tO\n"
    "\n"
    "Ingen\tO\nnavn\tO\nher\tO\n"
)


def write_tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.bio.tsv"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_reader_and_spans(tmp_path: Path) -> None:
    sents = list(read_bio(write_tiny(tmp_path)))
    assert len(sents) == 3
    words, tags = sents[1]
    assert iob_spans(tags, "PER") == [(2, 3, "PER"), (4, 5, "PER")]
    text, offsets = detokenise(words)
    assert text == "Ordføreren møtte Ola, Per og NRK."
    assert [text[s:e] for s, e in offsets] == words


def test_an_i_tag_without_b_opens_a_span() -> None:
    assert iob_spans(["O", "I-PER", "I-PER", "B-PER"]) == [(1, 3, "PER"), (3, 4, "PER")]


def test_other_tag_schemes_and_separators(tmp_path: Path) -> None:
    assert iob_spans(["S-PER", "B-PER", "E-PER", "O"]) == [(0, 1, "PER"), (1, 3, "PER")]
    path = tmp_path / "spaces.bio"
    path.write_text("-DOCSTART- O\n\nKari B-PER\nkom O\n", encoding="utf-8")
    assert list(read_bio(path)) == [(["Kari", "kom"], ["B-PER", "O"])]


def test_exact_span_scoring() -> None:
    words = ["Kari", "Nordmann", "og", "Ola", "kom"]
    tags = ["B-PER", "I-PER", "O", "B-PER", "O"]
    # "Kari" alone is only partly right; "Ola" is exact; "kom" is wrong.
    ent, tok = score_sentence(words, tags, [(0, 4), (17, 20), (21, 24)])
    assert (ent.tp, ent.fp, ent.fn) == (1, 2, 1)
    assert (tok.tp, tok.fp, tok.fn) == (2, 1, 1)
    # A span that cuts a token is never an exact match.
    ent, _ = score_sentence(words, tags, [(0, 3)])
    assert (ent.tp, ent.fp, ent.fn) == (0, 1, 2)


class FixedNames:
    """A recognizer that reports the given strings wherever they occur."""

    def __init__(self, *strings: str) -> None:
        self.strings = strings

    def find(self, ctx: TextContext) -> list[Finding]:
        out = []
        for s in self.strings:
            i = ctx.text.find(s)
            if i >= 0:
                out.append(Finding(PERSON, i, i + len(s), s, 1.0))
        return out


def test_file_scores_with_a_fixed_recognizer(tmp_path: Path) -> None:
    scores = evaluate_file(write_tiny(tmp_path), FixedNames("Kari Nordmann", "Ola", "NRK"))
    assert scores.sentences == 3
    assert (scores.entity.tp, scores.entity.fp, scores.entity.fn) == (2, 1, 1)
    assert round(scores.entity.precision, 4) == 0.6667
    assert round(scores.entity.recall, 4) == 0.6667
    [first, _, total] = evaluate_files([write_tiny(tmp_path)] * 2, FixedNames("Per"))
    assert first.entity.tp == 1
    assert total.source == "total" and total.entity.tp == 2 and total.entity.fn == 4


def test_cli_json_with_the_real_model(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", "names", str(write_tiny(tmp_path)), "--json"])
    assert res.exit_code == 0, res.output
    [rec] = json.loads(res.output)
    assert rec["sentences"] == 3
    assert set(rec["entity"]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert rec["entity"]["tp"] >= 2  # "Kari Nordmann" and "Ola" at least
    assert rec["entity"]["fp"] <= 1


def test_cli_table(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", "names", str(write_tiny(tmp_path))])
    assert res.exit_code == 0, res.output
    assert "tiny.bio.tsv" in res.output and "F1" in res.output
