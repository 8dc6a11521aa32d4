"""The Claude memory engine (see ``domain.memory.claude.engine``)."""
