"""A short window of a message's original text around the first search hit."""

from __future__ import annotations

from domain.search.tokenize import normalize

#: A snippet never exceeds this many characters (ellipses included).
SNIPPET_CHARS = 160


def snippet(content: str, query_terms: list[str], *, width: int = SNIPPET_CHARS) -> str:
    """``content`` cut to ``width`` characters around the earliest occurrence of a term.

    Positions are found in the normalized text and mapped back to the original
    (each original character normalized on its own), so the snippet shows the
    user's own spelling. Without any occurrence, the start of the text.
    """
    if len(content) <= width:
        return content
    folded: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(content):
        for out in normalize(ch):
            folded.append(out)
            origin.append(index)
    haystack = "".join(folded)
    found = [pos for term in query_terms if (pos := haystack.find(term)) >= 0]
    hit = origin[min(found)] if found else 0
    body = width - 2  # room for an ellipsis at each end
    start = max(0, min(hit - body // 3, len(content) - body))
    end = min(len(content), start + body)
    text = content[start:end]
    return ("…" if start > 0 else "") + text + ("…" if end < len(content) else "")
