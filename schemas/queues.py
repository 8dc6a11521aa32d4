"""Queue declarations that must match Dramatiq's RabbitMQ broker exactly.

RabbitMQ refuses to redeclare a queue with other arguments, and the gateway
may declare a queue before any worker has, so both sides use these.
"""

DEAD_LETTER_TTL_MS = 7 * 24 * 3600 * 1000  # dramatiq's default dead_message_ttl
#: The message option a worker writes a dead letter's reason in: {"error", "detail", "at"}.
DEAD_LETTER_OPTION = "memq_dead_letter"


def delay_queue(name: str) -> str:
    return f"{name}.DQ"


def dead_letter_queue(name: str) -> str:
    return f"{name}.XQ"


def main_queue_arguments(name: str) -> dict[str, object]:
    return {"x-dead-letter-exchange": "", "x-dead-letter-routing-key": dead_letter_queue(name)}


def dead_letter_queue_arguments() -> dict[str, object]:
    return {"x-message-ttl": DEAD_LETTER_TTL_MS}
