"""Limits of the wire contract that both sides check: the gateway before it answers,
the workers before they act."""

#: The smallest context budget accepted, in tokens. The floor of any context is the
#: newest message cut to "…" with its heading: about 12 tokens as text, up to 22 in the
#: Anthropic format; the rest is room for actual content.
MIN_BUDGET = 64

#: The most search hits one request may ask for.
MAX_SEARCH_LIMIT = 100

#: The largest context budget accepted, in tokens.
MAX_BUDGET = 200_000

#: The most messages one page of ``GET …/messages`` may ask for.
MAX_MESSAGE_PAGE = 500

#: The most sessions one page of a session list may ask for.
MAX_SESSION_PAGE = 100

#: The most knowledge-base entries ``GET /v1/analytics/kb`` may ask for.
MAX_KB_TOP = 100
#: The longest window of the account's per-day analytics (sessions keep DAYS_KEEP days).
MAX_ANALYTICS_DAYS = 366
#: Low-confidence queries one account-wide analytics read returns at most.
MAX_LOW_CONFIDENCE = 100

#: The largest ``days`` of a retention cleanup on demand (a century).
MAX_RETENTION_DAYS = 36_500

#: Details a session keeps (``domain.memory.details``); an import may carry no more.
MAX_DETAILS = 200
