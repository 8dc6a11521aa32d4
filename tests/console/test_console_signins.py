"""The console's sign-in store: one account cannot sign the others out."""

from __future__ import annotations

from gateway.console.keys import Identity
from gateway.console.signins import MAX_SIGNINS, MAX_SIGNINS_PER_ACCOUNT, SignIns

FLOODER = Identity("acct-flood", "k-flood", read_only=False)
OPERATOR = Identity("acct-other", "k-other", read_only=False)


def test_one_account_signing_in_over_and_over_signs_no_other_account_out() -> None:
    signins = SignIns(lifetime_seconds=3600)
    operator = signins.open(OPERATOR)
    flood = [signins.open(FLOODER) for _ in range(MAX_SIGNINS)]
    assert signins.find(operator) is not None
    # The flooder keeps its newest sign-ins only.
    assert all(signins.find(token) is not None for token in flood[-MAX_SIGNINS_PER_ACCOUNT:])
    assert signins.find(flood[-MAX_SIGNINS_PER_ACCOUNT - 1]) is None
