"""Memory across conversations: recall of a returning user, and its cost on the context path."""
