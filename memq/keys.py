"""Where the gateway's API keys come from."""

from __future__ import annotations

import sys

from gateway.auth import ApiKeys
from runtime.settings import Settings

DEV_ACCOUNT = "dev"


def load_api_keys(settings: Settings, *, allow_dev_key: bool) -> ApiKeys:
    """Keys from MEMQ_API_KEYS; in embedded mode, a generated dev key when unset."""
    if settings.api_keys is not None:
        return ApiKeys.parse(settings.api_keys.get_secret_value())
    if not allow_dev_key:
        raise SystemExit('MEMQ_API_KEYS is required here: set it to "key1:account1,key2:account2"')
    key = ApiKeys.generate_dev_key()
    # Printed, not logged: it is for the person at the terminal.
    print(
        f"memq: no MEMQ_API_KEYS set; dev key for account '{DEV_ACCOUNT}':\n"
        f"  Authorization: Bearer {key}",
        file=sys.stderr,
        flush=True,
    )
    return ApiKeys({key: DEV_ACCOUNT})
