"""Where the gateway's API keys come from.

Without MEMQ_API_KEYS, ``memq serve`` (embedded) uses a dev key kept in
``MEMQ_DATA_DIR/dev-api-key`` (mode 0600): generated on the first start and
reused on every later one, so a restart does not turn the key a user copied
into a 401. The CLI reads the same file when MEMQ_API_KEY is unset.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from gateway.auth import ApiKeys
from runtime.settings import Settings

DEV_ACCOUNT = "dev"
DEV_KEY_FILE = "dev-api-key"


def dev_key_path(settings: Settings) -> Path:
    return settings.data_dir / DEV_KEY_FILE


def read_dev_key(settings: Settings) -> str | None:
    """The dev key a previous ``memq serve`` kept, if any."""
    try:
        key = dev_key_path(settings).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return key or None


def dev_key(settings: Settings) -> tuple[str, bool]:
    """The kept dev key, created (0600) when missing; and whether it was created now."""
    kept = read_dev_key(settings)
    if kept is not None:
        return kept, False
    path = dev_key_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = ApiKeys.generate_dev_key()
    # O_EXCL: two servers starting on one data dir at once must not each write a key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return dev_key(settings)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key, True


def load_api_keys(settings: Settings, *, allow_dev_key: bool, announce: bool = True) -> ApiKeys:
    """Keys from MEMQ_API_KEYS; in embedded mode, the kept dev key when unset (printed
    for the person at the terminal unless ``announce`` is false)."""
    if settings.api_keys is not None:
        return ApiKeys.parse(settings.api_keys.get_secret_value())
    if not allow_dev_key:
        raise SystemExit('MEMQ_API_KEYS is required here: set it to "key1:account1,key2:account2"')
    key, created = dev_key(settings)
    if not announce:
        return ApiKeys({key: DEV_ACCOUNT})
    where = dev_key_path(settings)
    # Printed, not logged: it is for the person at the terminal.
    print(
        f"memq: no MEMQ_API_KEYS set; dev key for account '{DEV_ACCOUNT}' "
        f"({'new, kept' if created else 'kept'} in {where}; the CLI uses it too):\n"
        f"  Authorization: Bearer {key}",
        file=sys.stderr,
        flush=True,
    )
    return ApiKeys({key: DEV_ACCOUNT})
