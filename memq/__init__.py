"""memq: session memory for LLM chat applications (domain package and CLI)."""
