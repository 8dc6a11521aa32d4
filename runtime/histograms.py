"""Histogram buckets shared by the gateway's and the workers' metrics, in seconds.

One scale on both sides, so a request's gateway latency and its actor's
duration line up bucket for bucket on a dashboard.
"""

#: Request-reply answers in milliseconds; slow ones up to the gateway's timeouts.
LATENCY_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)
#: Actor durations: the request actors on the latency scale, the memory actor
#: (LLM calls) up to minutes.
DURATION_BUCKETS = (*LATENCY_BUCKETS, 60.0, 120.0, 300.0, 600.0)
