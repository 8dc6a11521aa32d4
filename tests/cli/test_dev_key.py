"""The dev key of ``memq serve`` survives a restart (issue 14, point 1)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from memq.keys import DEV_ACCOUNT, dev_key_path, load_api_keys
from runtime.settings import Settings


def test_the_dev_key_is_kept_in_the_data_dir_and_reused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(data_dir=tmp_path / "data", api_keys=None)
    first = load_api_keys(settings, allow_dev_key=True)
    printed_first = capsys.readouterr().err
    second = load_api_keys(settings, allow_dev_key=True)  # a restart
    printed_second = capsys.readouterr().err

    key = dev_key_path(settings).read_text().strip()
    assert f"Bearer {key}" in printed_first and f"Bearer {key}" in printed_second
    assert "new, kept in" in printed_first and str(dev_key_path(settings)) in printed_second
    assert first.account_for(f"Bearer {key}") == DEV_ACCOUNT
    assert second.account_for(f"Bearer {key}") == DEV_ACCOUNT
    assert stat.S_IMODE(dev_key_path(settings).stat().st_mode) == 0o600


def test_explicit_keys_write_no_dev_key(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", api_keys="k-0123456789:acct")  # type: ignore[arg-type]
    load_api_keys(settings, allow_dev_key=True)
    assert not dev_key_path(settings).exists()


def test_an_unknown_key_says_where_keys_come_from(tmp_path: Path) -> None:
    from schemas.errors import Unauthorized

    settings = Settings(data_dir=tmp_path / "data", api_keys=None)
    keys = load_api_keys(settings, allow_dev_key=True)
    with pytest.raises(Unauthorized, match=r"MEMQ_API_KEYS.*dev-api-key"):
        keys.account_for("Bearer stale-key-from-yesterday")
