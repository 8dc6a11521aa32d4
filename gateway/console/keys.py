"""Who may sign in to the console: the API keys, and the read-only console keys."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.auth import ApiKeys, key_id


@dataclass(frozen=True)
class Identity:
    """A signed-in operator: the key's account, the key's short id, and what it may do."""

    account_id: str
    key_id: str
    read_only: bool


class ConsoleKeys:
    def __init__(self, api_keys: ApiKeys, read_only: ApiKeys | None) -> None:
        self._api_keys = api_keys
        self._read_only = read_only

    def identify(self, key: str) -> Identity | None:
        """The identity of ``key``; None when it is neither an API key nor a read-only key."""
        if not key.strip():
            return None
        account = self._api_keys.account_of_key(key)
        if account is not None:
            return Identity(account, key_id(key), read_only=False)
        account = None if self._read_only is None else self._read_only.account_of_key(key)
        if account is not None:
            return Identity(account, key_id(key), read_only=True)
        return None
