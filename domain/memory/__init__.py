"""Multi-tier session memory: verbatim tail, progressive summaries, key facts (seed 000)."""
