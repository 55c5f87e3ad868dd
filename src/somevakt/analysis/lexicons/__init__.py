"""Lexicon data files (one entry per line) read by ``recognizers/lexicon.py``."""
