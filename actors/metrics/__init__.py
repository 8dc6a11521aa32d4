"""Worker metrics for Prometheus (see ``actors.metrics.middleware``)."""
