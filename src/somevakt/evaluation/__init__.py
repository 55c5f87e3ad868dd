"""Evaluation of detection and triage against labelled data (no Django)."""
