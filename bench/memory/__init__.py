"""``python -m bench.memory``: memory under load with a slow LLM (see ``__main__``)."""
