"""What every benchmark (and the end-to-end tests) needs: memq's commands as processes,
the RabbitMQ and MongoDB to run them against, and a cheap HTTP client."""
