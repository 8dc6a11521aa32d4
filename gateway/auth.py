"""API keys → accounts. The account always comes from the key, never from a body."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from schemas.errors import InvalidInput, Unauthorized
from schemas.ids import ID_PATTERN

_ACCOUNT = re.compile(ID_PATTERN)


class ApiKeys:
    """Looks keys up by their SHA-256 so lookups don't leak key bytes through timing."""

    def __init__(self, accounts_by_key: dict[str, str]) -> None:
        self._by_digest = {_digest(key): account for key, account in accounts_by_key.items()}

    @classmethod
    def parse(cls, spec: str) -> ApiKeys:
        """Parse ``"key1:account1,key2:account2"``."""
        pairs: dict[str, str] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            key, sep, account = item.rpartition(":")
            if not sep or not key or not _ACCOUNT.match(account):
                raise InvalidInput(
                    'MEMQ_API_KEYS must look like "key1:account1,key2:account2" '
                    "(accounts: letters, digits, . _ : -)"
                )
            pairs[key] = account
        if not pairs:
            raise InvalidInput("MEMQ_API_KEYS is set but holds no key:account pair")
        return cls(pairs)

    @staticmethod
    def generate_dev_key() -> str:
        return "memq-dev-" + secrets.token_urlsafe(24)

    def account_of_key(self, key: str) -> str | None:
        """The account of a bare key (the console's sign-in form), None when unknown."""
        digest = _digest(key.strip())
        for known, account in self._by_digest.items():
            if hmac.compare_digest(known, digest):
                return account
        return None

    def account_for(self, authorization: str | None) -> str:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("send your API key as 'Authorization: Bearer <key>'")
        account = self.account_of_key(token)
        if account is not None:
            return account
        raise Unauthorized(
            "unknown API key: use one of MEMQ_API_KEYS, or with `memq serve` and no "
            "MEMQ_API_KEYS the dev key it printed at start (kept in MEMQ_DATA_DIR/dev-api-key)"
        )


def key_id(key: str) -> str:
    """A short, stable name for a key in logs: never the key itself."""
    return _digest(key.strip())[:12]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
