"""Storage: one port (``store.base.Store``), two adapters (``store.backends``)."""
