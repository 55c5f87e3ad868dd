"""Connections to the social media platforms, free of Django.

- `facebook`: webhook verification and parsing, and a Graph API client on httpx.
- `simulator`: a local server shaped like the Graph API, for the demo and the tests.
- `importer`: reading JSONL or CSV exports of comments for a backfill.
"""
