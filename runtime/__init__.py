"""Process plumbing shared by the gateway, the workers and the composition root:
settings, logging, in-process replies, the embedded journal, metric scales."""
