"""The Claude memory engine, by part:

    engine.py     ClaudeEngine: fold, merge and extract_facts through the Messages API
    client.py     the Anthropic client: set-up, its one retry layer, errors as memq's
    prompts.py    the system prompt, each operation's task, the markup data travels in
    facts.py      the ``record_facts`` tool: its schema, and its input validated
    trimming.py   a summary cut to its token budget
    usage.py      calls, tokens and errors counted for metrics

Every part logs as ``memq.memory.claude``.
"""
