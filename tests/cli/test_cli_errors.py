"""Every CLI misuse answers one line that says what to do, with exit code 2 (issue 14)."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.conftest import Cli


def one_line_error(result: object) -> str:
    assert getattr(result, "returncode", None) == 2, result
    err = str(getattr(result, "stderr", "")).strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert err.startswith("memq: "), err
    return err


def test_import_of_a_missing_file(cli: Cli) -> None:
    err = one_line_error(cli("import", "/no/such/file.json"))
    assert "no such file: /no/such/file.json" in err


def test_import_of_a_file_that_is_not_json(cli: Cli) -> None:
    (cli.cwd / "notes.txt").write_text("hello")
    err = one_line_error(cli("import", "notes.txt"))
    assert "is not JSON" in err and "memq export" in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["nosuch"], "No such command 'nosuch'. (see `memq --help`)"),
        (["export"], "(see `memq export --help`)"),
        (["export", "s1", "--bogus"], "No such option: --bogus"),
        (["worker", "--queues", "ingets"], "unknown queue(s) ingets"),
    ],
)
def test_usage_errors_are_one_line(cli: Cli, args: list[str], says: str) -> None:
    assert says in one_line_error(cli(*args))


def test_no_api_key_says_where_one_comes_from(cli: Cli) -> None:
    err = one_line_error(cli("export", "s1"))
    assert "set MEMQ_API_KEY" in err and "MEMQ_DATA_DIR" in err


def test_a_gateway_that_does_not_answer(cli: Cli) -> None:
    cli.env["MEMQ_API_KEY"] = "some-key"
    err = one_line_error(cli("export", "s1"))
    port = cli.env["MEMQ_PORT"]
    assert f"cannot reach the gateway at http://127.0.0.1:{port}" in err
    assert "memq serve" in err and "MEMQ_URL" in err


def test_dlq_without_a_broker(cli: Cli) -> None:
    assert "set MEMQ_AMQP_URL" in one_line_error(cli("dlq", "list"))


def test_help_explains_each_command_without_typer_artefacts(cli: Cli) -> None:
    result = cli("--help")
    assert result.returncode == 0
    text = result.stdout
    for command in ("serve", "demo", "export", "import", "settings", "dlq", "worker", "gateway"):
        assert re.search(rf"│ {command}\s+\S", text), f"{command} missing from memq --help"
    assert "<bool>" not in text and "MEMQ_URL" in text and "memq demo" in text
    export = cli("export", "--help").stdout
    assert "Usage: memq export [OPTIONS] SESSION_ID" in export
    assert "{" not in export and "<bool>" not in export


def test_settings_lists_what_the_cli_reads(cli: Cli) -> None:
    table = cli("settings").stdout
    for variable in ("MEMQ_URL", "MEMQ_API_KEY", "MEMQ_PORT", "MEMQ_DATA_DIR"):
        assert f"| `{variable}` |" in table


def test_export_import_round_trip_on_memq_port_with_the_kept_dev_key(served: Cli) -> None:
    # Given memq serve on MEMQ_PORT, no key configured anywhere but its data dir
    import httpx

    key = (served.cwd / "data" / "dev-api-key").read_text().strip()
    base = f"http://127.0.0.1:{served.env['MEMQ_PORT']}"
    headers = {"Authorization": f"Bearer {key}"}
    for n in range(3):
        body = {"message_id": f"m{n}", "role": "user", "content": f"message {n}"}
        assert httpx.post(
            f"{base}/v1/sessions/demo/messages", json=body, headers=headers
        ).is_success
    # When the CLI exports with nothing but MEMQ_PORT and MEMQ_DATA_DIR
    for _ in range(100):
        exported = served("export", "demo")
        if exported.returncode == 0 and exported.stdout.count('"message_id"') == 3:
            break
    assert exported.returncode == 0, exported.stderr
    (served.cwd / "demo.json").write_text(exported.stdout)
    # Then importing it into the same account says how: --copy
    clash = served("import", "demo.json")
    assert clash.returncode == 1
    assert "409" in clash.stderr and "--copy" in clash.stderr
    assert len(clash.stderr.strip().splitlines()) == 1
    copied = served("import", "demo.json", "--copy")
    assert copied.returncode == 0, copied.stderr
    result = json.loads(copied.stdout)
    assert result["messages_imported"] == 3 and not result["already_imported"]


def test_an_invalid_setting_is_named_as_the_user_set_it(cli: Cli) -> None:
    cli.env["MEMQ_PORT"] = "eighty"
    err = one_line_error(cli("export", "s1"))
    assert "invalid setting MEMQ_PORT='eighty'" in err and "memq settings" in err


def test_a_command_that_needs_a_broker_says_so(cli: Cli) -> None:
    err = one_line_error(cli("gateway"))
    assert "needs MEMQ_AMQP_URL" in err and "memq serve" in err
