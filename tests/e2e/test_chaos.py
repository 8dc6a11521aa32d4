"""The attack suite, short: every 202 stored exactly once and in order, whatever is killed.

``bench.chaos.scenarios`` at its SHORT size, one scenario per test:
the ingest worker killed -9, RabbitMQ (a node of the tests' own) stopped and
killed -9, ``memq serve`` killed -9 in its embedded default, and poison from
one account while another posts. ``python -m bench.chaos`` runs the same at
full size.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.chaos.scenarios import SHORT, run
from bench.support.rabbit_node import RabbitNode

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("scenario", ["worker-kill", "broker-stop", "broker-kill", "gateway-kill"])
def test_every_accepted_message_is_stored_once_and_in_order(
    scenario: str, own_rabbit: RabbitNode, tmp_path: Path
) -> None:
    result = run(scenario, own_rabbit, tmp_path, SHORT)
    print(result.row())
    assert result.accepted == result.sent == SHORT.messages, result.row()
    assert (result.stored, result.lost, result.duplicates) == (result.accepted, 0, 0), result.row()
    assert result.out_of_order == 0, result.row()


def test_poison_from_one_account_delays_no_other(own_rabbit: RabbitNode, tmp_path: Path) -> None:
    result = run("poison", own_rabbit, tmp_path, SHORT)
    print(result.row())
    # Every poison message is refused (at the door, or dead-lettered alone) ...
    assert result.refused == SHORT.poison, result.row()
    # ... every good one of either account is stored once, in order ...
    assert result.accepted == result.sent - SHORT.poison, result.row()
    assert (result.stored, result.lost, result.duplicates) == (result.accepted, 0, 0), result.row()
    assert result.out_of_order == 0, result.row()
    # ... and the account that sent no poison waited for none of it
    assert result.late_others == 0, result.row()
