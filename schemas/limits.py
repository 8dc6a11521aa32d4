"""Limits of the wire contract that both sides check: the gateway before it answers,
the workers before they act."""

#: The smallest context budget accepted, in tokens. The floor of any context is the
#: newest message cut to "…" with its heading: about 12 tokens as text, up to 22 in the
#: Anthropic format; the rest is room for actual content.
MIN_BUDGET = 64

#: The most search hits one request may ask for.
MAX_SEARCH_LIMIT = 100
