"""A numpy runtime for the spaCy person-name model (no spaCy import at run time)."""
