"""The Facebook webhook endpoint: verification GET, signed deliveries by POST.

The signature is checked on the raw bytes before anything parses them; a forged, unsigned
or oversized delivery is refused and not stored. A signed delivery is stored raw (even when
its JSON is malformed, so nothing is lost), its changes are applied, and the answer goes out
at once: the worker analyses later.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from somevakt.platforms.facebook import (
    MAX_WEBHOOK_BYTES,
    SIGNATURE_HEADER,
    PayloadError,
    SignatureError,
    parse_payload,
    verify_signature,
    verify_subscription,
)

from . import conf
from .ingest import store_delivery

log = logging.getLogger(__name__)
KEPT_HEADERS = ("Content-Type", "User-Agent", SIGNATURE_HEADER, "X-Hub-Signature")


@csrf_exempt
def facebook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        challenge = verify_subscription(request.GET, conf.verify_token())
        if challenge is None:
            return HttpResponse("forbidden", status=403, content_type="text/plain")
        return HttpResponse(challenge, content_type="text/plain")
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse("bad content length", status=400, content_type="text/plain")
    if length > MAX_WEBHOOK_BYTES:
        return HttpResponse("delivery too large", status=413, content_type="text/plain")
    body = request.read(MAX_WEBHOOK_BYTES + 1)
    if len(body) > MAX_WEBHOOK_BYTES:
        return HttpResponse("delivery too large", status=413, content_type="text/plain")
    try:
        verify_signature(body, request.headers.get(SIGNATURE_HEADER), conf.app_secret())
    except SignatureError as err:
        log.warning("webhook delivery refused: %s", err.reason)
        return HttpResponse(f"signature refused: {err.reason}", status=403, content_type="text/plain")
    headers = {h: request.headers[h] for h in KEPT_HEADERS if h in request.headers}
    try:
        events = parse_payload(body)
    except PayloadError as err:
        store_delivery(body, headers, None, str(err))
        log.warning("webhook delivery malformed: %s", err)
        return HttpResponse(f"malformed delivery: {err}", status=400, content_type="text/plain")
    store_delivery(body, headers, events)
    return HttpResponse("EVENT_RECEIVED", content_type="text/plain")
