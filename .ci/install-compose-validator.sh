#!/usr/bin/env bash
# Install a Compose file validator for tests/deploy (no Docker engine needed):
# Debian's docker-compose package, whose `docker-compose -f compose.yaml config -q`
# parses, interpolates and schema-checks the file without a daemon.
# Idempotent and quiet; exits non-zero if no validator is available afterwards.
set -euo pipefail

have_validator() {
    docker compose version >/dev/null 2>&1 || docker-compose version >/dev/null 2>&1
}

if have_validator; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: the package recommends docker.io (a whole engine),
# which validation does not need.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq && \
       $sudo apt-get install -y -qq --no-install-recommends docker-compose; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-compose-validator: apt-get install docker-compose failed" >&2
    exit 1
fi

if ! have_validator; then
    echo "install-compose-validator: docker-compose is still unavailable" >&2
    exit 1
fi
