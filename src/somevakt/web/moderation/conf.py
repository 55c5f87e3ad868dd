"""The moderation app's settings: Django settings when set there, else the environment.

SOMEVAKT_FB_APP_SECRET     the app secret that signs webhook deliveries
SOMEVAKT_FB_VERIFY_TOKEN   the token Facebook echoes in the subscription GET
SOMEVAKT_GRAPH_URL         the Graph API base URL (the simulator's URL in the demo)
SOMEVAKT_FB_PAGE_TOKENS    JSON object: page id -> page access token
SOMEVAKT_FB_PAGE_TOKEN     the token for pages not in the map (the demo's single token)
"""

from __future__ import annotations

import json
import os
from typing import Any

from django.conf import settings

from somevakt.platforms.facebook import DEFAULT_GRAPH_URL

# The demo's values; a production deployment sets its own through the environment.
DEMO_APP_SECRET = "sim-app-secret"
DEMO_VERIFY_TOKEN = "sim-verify-token"
DEMO_PAGE_TOKEN = "sim-page-token"


def _get(name: str, default: str) -> str:
    value: Any = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


def app_secret() -> str:
    return _get("SOMEVAKT_FB_APP_SECRET", "")


def verify_token() -> str:
    return _get("SOMEVAKT_FB_VERIFY_TOKEN", "")


def graph_url() -> str:
    return _get("SOMEVAKT_GRAPH_URL", DEFAULT_GRAPH_URL)


def page_token(page_id: str) -> str:
    raw: Any = getattr(settings, "SOMEVAKT_FB_PAGE_TOKENS", None)
    if raw is None:
        raw = os.environ.get("SOMEVAKT_FB_PAGE_TOKENS", "") or "{}"
    tokens = json.loads(raw) if isinstance(raw, str) else dict(raw)
    return str(tokens.get(page_id) or _get("SOMEVAKT_FB_PAGE_TOKEN", ""))


def graph_timeout() -> float:
    return float(_get("SOMEVAKT_GRAPH_TIMEOUT", "10"))


def backoff_base() -> float:
    """Seconds before the first retry; doubled per attempt."""
    return float(_get("SOMEVAKT_OUTBOX_BACKOFF", "2"))


def max_attempts() -> int:
    return int(_get("SOMEVAKT_OUTBOX_MAX_ATTEMPTS", "12"))
