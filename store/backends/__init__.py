"""Store adapters, one module each."""
