"""The offline memory engine (seed 000's tiers without an LLM).

sentences         split English, Persian, Thai and CJK text into sentences
terms, lexicon    content words and n-grams; stop words and chat filler
candidates        sentences with speakers; "User: …" summary lines in and out
scoring           TF-IDF information plus boosts for numbers, prices, names
summarizer        budgeted extractive fold and merge
structured_facts  prices, dates, ids, phones, emails, warranty, quantities
stated_facts      first-person name, location, age, product, preference
fact_keys         stable keys across engines
facts             the extractor: one latest fact per key
engine            ``OfflineEngine``
"""

from domain.memory.offline.engine import OfflineEngine

__all__ = ["OfflineEngine"]
