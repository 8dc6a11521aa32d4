"""Transport implementations, one module each."""
