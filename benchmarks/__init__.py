"""Benchmarks for somevakt: throughput, cold start, memory, adversarial input, Presidio.

Run ``python -m benchmarks.run --help``. Nothing here runs in the test suite.
"""
