"""A user's memory across conversations: merged off the hot path, recalled into a context."""
