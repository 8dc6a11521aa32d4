"""``QueueProbe`` implementations (``actors.metrics.queue_depth``), one per broker kind."""
