"""The chaos benchmark (``python -m bench.chaos``) and the attack suite it runs."""
