"""Benchmarks: scripts that measure memq, not tests. Run them with ``python -m bench.<name>``."""
