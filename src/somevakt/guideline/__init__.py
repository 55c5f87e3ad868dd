"""The guideline as data: the policy schema, its loader and the pre-publication check.

Pure Python (pydantic, Jinja2); never imports Django.
"""

from somevakt.guideline.loader import PolicyError, default_policy_file, load_policy
from somevakt.guideline.schema import (
    ACTIONS,
    CATEGORY_IDS,
    DRAFT_KINDS,
    REPLY_ACTIONS,
    Policy,
)

__all__ = [
    "ACTIONS",
    "CATEGORY_IDS",
    "DRAFT_KINDS",
    "REPLY_ACTIONS",
    "Policy",
    "PolicyError",
    "default_policy_file",
    "load_policy",
]
