"""Storage: one port (``domain.ports.store.Store``), two adapters (``store.backends``)."""
