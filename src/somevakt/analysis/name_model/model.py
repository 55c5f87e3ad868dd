"""The person-name model as somevakt runs it: spaCy-compatible tokens into the network."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from somevakt.analysis.name_model.network import Entity, NameNetwork
from somevakt.analysis.name_model.tokenizer import Tokenizer

NETWORK_FILE = "network.npz"
TOKENIZER_FILE = "tokenizer_rules.json"


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
        """(start, end, label) per entity, per text, in order; texts are run as one batch."""
        return self.network.entities([self.tokenizer.tokenize(t) for t in texts])
