"""Keyword search over message content: tokenizer and snippets shared by both adapters."""
