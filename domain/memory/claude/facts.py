"""The ``record_facts`` tool: its schema as a Claude engine sends it, and its input as the
engine validates it (fact keys normalized to snake_case)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from anthropic.types import ToolParam
from pydantic import BaseModel, ConfigDict, Field, field_validator

from domain.memory.claude.trimming import is_mark

FACTS_TOOL = "record_facts"
MAX_KEY_CHARS = 40
MAX_VALUE_CHARS = 200


def normalize_fact_key(raw: str) -> str:
    """snake_case, at most 40 characters; letters of any script survive, punctuation not."""
    text = unicodedata.normalize("NFKC", raw).strip()
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text).casefold()
    text = "".join(ch if unicodedata.category(ch)[0] in "LNM" else "_" for ch in text)
    text = re.sub(r"_+", "_", text).strip("_")
    if len(text) > MAX_KEY_CHARS:
        cut = MAX_KEY_CHARS
        while cut > 1 and is_mark(text[cut]):
            cut -= 1
        text = text[:cut].rstrip("_")
    return text


class FactIn(BaseModel):
    """One item of the ``record_facts`` tool input, as the model sent it."""

    model_config = ConfigDict(extra="ignore")

    key: str = Field(min_length=1, max_length=MAX_KEY_CHARS)
    value: str = Field(min_length=1, max_length=MAX_VALUE_CHARS)
    source_message_id: str = Field(min_length=1)

    @field_validator("key", mode="before")
    @classmethod
    def _key(cls, raw: object) -> object:
        return normalize_fact_key(raw) if isinstance(raw, str) else raw

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, raw: object) -> object:
        return " ".join(raw.split()) if isinstance(raw, str) else raw

    @field_validator("source_message_id", mode="before")
    @classmethod
    def _source(cls, raw: object) -> object:
        return raw.strip() if isinstance(raw, str) else raw


def facts_tool(ids: Sequence[str], max_facts: int) -> ToolParam:
    return {
        "name": FACTS_TOOL,
        "description": "Record the key facts stated in the transcript (an empty list if none).",
        "input_schema": {
            "type": "object",
            "properties": {
                "facts": {
                    "type": "array",
                    "maxItems": max_facts,
                    "items": {
                        "type": "object",
                        "properties": {
                            "key": {
                                "type": "string",
                                "description": "short English snake_case key, e.g. price",
                            },
                            "value": {
                                "type": "string",
                                "maxLength": MAX_VALUE_CHARS,
                                "description": "the value, in the conversation's language",
                            },
                            "source_message_id": {
                                "type": "string",
                                "enum": list(ids),
                                "description": "id of the message that states the fact",
                            },
                        },
                        "required": ["key", "value", "source_message_id"],
                        "additionalProperties": False,
                    },
                }
            },
            "required": ["facts"],
            "additionalProperties": False,
        },
    }
