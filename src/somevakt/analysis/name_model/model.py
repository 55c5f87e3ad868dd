"""The person-name model as somevakt runs it: spaCy-compatible tokens into the network."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from somevakt.analysis.name_model.network import Entity, NameNetwork
from somevakt.analysis.name_model.tokenizer import Tokenized, Tokenizer

NETWORK_FILE = "network.npz"
TOKENIZER_FILE = "tokenizer_rules.json"

# The network sees at most this many characters as one document, and at most this many
# tokens in one call: memory stays bounded on hostile input (4 M characters would otherwise
# take about 1 GB), while comments, a few thousand characters at most, are never cut.
MAX_PIECE_CHARS = 20_000
MAX_BATCH_TOKENS = 50_000


class NameModel:
    """Entities (PER, LOC, ORG, MISC) of texts, as the spaCy pipeline would find them."""

    def __init__(self, tokenizer: Tokenizer, network: NameNetwork) -> None:
        self.tokenizer = tokenizer
        self.network = network

    @classmethod
    def load(cls, directory: Path) -> NameModel:
        return cls(
            Tokenizer.load(directory / TOKENIZER_FILE), NameNetwork.load(directory / NETWORK_FILE)
        )

    @staticmethod
    def available(directory: Path) -> bool:
        return (directory / NETWORK_FILE).is_file() and (directory / TOKENIZER_FILE).is_file()

    def entities(self, texts: Sequence[str]) -> list[list[Entity]]:
        """(start, end, label) per entity, per text, in order; texts are run as one batch
        (in several calls if they hold very many tokens). A text longer than
        ``MAX_PIECE_CHARS`` is cut at whitespace into pieces, each run as a document."""
        out: list[list[Entity]] = [[] for _ in texts]
        docs: list[Tokenized] = []
        owners: list[tuple[int, int]] = []  # per document: its text, and its offset there
        n_tokens = 0
        for i, text in enumerate(texts):
            for offset, piece in _pieces(text):
                doc = self.tokenizer.tokenized(piece)
                if docs and n_tokens + len(doc) > MAX_BATCH_TOKENS:
                    self._run(docs, owners, out)
                    docs, owners, n_tokens = [], [], 0
                docs.append(doc)
                owners.append((i, offset))
                n_tokens += len(doc)
        if docs:
            self._run(docs, owners, out)
        return out

    def _run(
        self, docs: list[Tokenized], owners: list[tuple[int, int]], out: list[list[Entity]]
    ) -> None:
        found = self.network.token_spans([doc.pieces for doc in docs])
        for doc, (owner, offset), spans in zip(docs, owners, found, strict=True):
            for first, end, label in spans:
                start, stop = doc.span(first, end)
                out[owner].append((start + offset, stop + offset, label))


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text``: pieces of at most ``MAX_PIECE_CHARS``, cut after the last
    sentence end (". ", a line break) in the last tenth of the limit, else after the last
    space, so that a name is rarely cut in two."""
    start = 0
    size = MAX_PIECE_CHARS
    while len(text) - start > size:
        limit = start + size
        near = limit - size // 10
        cut = max(text.rfind(". ", near, limit) + 1, text.rfind("\n", near, limit))
        if cut <= start:
            cut = text.rfind(" ", start, limit)
        end = cut + 1 if cut > start else limit
        yield start, text[start:end]
        start = end
    yield start, text[start:]
