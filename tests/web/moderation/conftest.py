"""Fixtures for the moderation tests: a demo municipality with an active Facebook account
connected to a real simulator served over HTTP on an ephemeral port."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from somevakt.platforms.simulator import Simulator

PAGE = "100000000000001"
TOKEN = "sim-page-token"
SECRET = "sim-app-secret"
VERIFY = "sim-verify-token"


@pytest.fixture
def fb_settings(settings: Any) -> Any:
    settings.SOMEVAKT_FB_APP_SECRET = SECRET
    settings.SOMEVAKT_FB_VERIFY_TOKEN = VERIFY
    settings.SOMEVAKT_FB_PAGE_TOKEN = TOKEN
    settings.SOMEVAKT_FB_PAGE_TOKENS = "{}"
    settings.SOMEVAKT_OUTBOX_BACKOFF = "0.01"
    settings.SOMEVAKT_GRAPH_TIMEOUT = "2"
    return settings


@pytest.fixture
def sim(fb_settings: Any) -> Iterator[Simulator]:
    s = Simulator(seed=11, access_token=TOKEN, app_secret=SECRET)
    s.start()
    fb_settings.SOMEVAKT_GRAPH_URL = s.base_url + "/v21.0"
    yield s
    s.stop()


@pytest.fixture
def page_account(municipality: Any) -> Any:
    from tests.web.factories import make_account

    account = make_account(municipality, "active", name="Birkenes kommune")
    account.platform_id = PAGE
    account.save()
    return account
