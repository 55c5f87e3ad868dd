"""The analysis library: text in, Analysis out. Pure Python, never imports Django."""

from somevakt.analysis.engine import Analyzer, analyze
from somevakt.analysis.types import Analysis, Finding

__all__ = ["Analysis", "Analyzer", "Finding", "analyze"]
