"""domain.ports."""
